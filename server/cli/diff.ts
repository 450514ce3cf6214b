/**
 * `mcp-auth-debugger diff A B`: two saved sessions compared step by step (two servers, two days,
 * two spec versions), B against A as `check --expect A` would judge a run. Exit 0 when they are
 * the same run, 1 when they differ, 2 when a file cannot be read.
 */
import { parseArgs } from 'node:util';
import { compareSessions } from '../../src/engine/compare.js';
import { formatComparison } from './format-text.js';
import { sessionFileOrSay } from './session-file-io.js';
import { colourWanted, createStyle, terminalSafe } from './terminal.js';
import { UsageError, type CliIo } from './usage.js';

export const DIFF_HELP = `Usage: mcp-auth-debugger diff <session-a> <session-b>

Compares two saved sessions step by step: outcomes, new and gone errors, the discovery path,
the tools. B is judged against A; a difference that makes B worse is marked a regression.
`;

export async function runDiff(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { help: { type: 'boolean', short: 'h' } } });
  if (values.help) {
    io.stdout(DIFF_HELP);
    return 0;
  }
  if (positionals.length !== 2) throw new UsageError('diff takes two session files.', DIFF_HELP);
  const files = [];
  for (const path of positionals) {
    const file = await sessionFileOrSay(path, io);
    if (!file) return 2;
    files.push(file);
  }
  const [a, b] = files;
  if (!a || !b) return 2;
  const comparison = compareSessions(a.session, b.session, { acrossServers: true });
  const style = createStyle(colourWanted(process.stdout, io.env));
  for (const [name, file] of [['A', a], ['B', b]] as const) io.stdout(`${name}: ${terminalSafe(`${file.session.options.serverUrl} (${file.savedAt || 'undated'})`)}\n`);
  io.stdout(formatComparison(comparison, a, style));
  return comparison.comparable && comparison.same ? 0 : 1;
}
