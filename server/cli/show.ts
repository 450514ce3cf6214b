/**
 * `mcp-auth-debugger show SESSION`: a saved session printed as a live `check` prints it (or as
 * its JSON or JUnit report), without sending anything. Exit codes as `check`: 0 when the
 * recorded run passed, 1 when it did not; 2 when the file cannot be read as a session.
 */
import { parseArgs } from 'node:util';
import type { SessionFile } from '../../src/engine/session-file.js';
import { sessionFileOrSay } from './session-file-io.js';
import { formatFooter, formatHeader, formatStep, secretParameterNames } from './format-text.js';
import { buildCheckReport, buildJunitReport, checkSucceeded } from './report.js';
import { colourWanted, createStyle, terminalSafe } from './terminal.js';
import { UsageError, type CliIo } from './usage.js';

export const SHOW_HELP = `Usage: mcp-auth-debugger show <session-file> [options]

Prints a saved session (check --out) as check printed it, without sending a request.

Options:
  --format <text|json|junit>    output format (default text)
  --verbose                     every finding and exchange, not only the problems
  -h, --help                    this help
`;

export async function runShow(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { format: { type: 'string' }, verbose: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) {
    io.stdout(SHOW_HELP);
    return 0;
  }
  const [path, ...extra] = positionals;
  if (!path || extra.length > 0) throw new UsageError('show takes one session file.', SHOW_HELP);
  const format = values.format ?? 'text';
  if (format !== 'text' && format !== 'json' && format !== 'junit') throw new UsageError(`Unknown --format ${format}: text, json or junit.`, SHOW_HELP);

  const file = await sessionFileOrSay(path, io);
  if (!file) return 2;
  const { session } = file;
  if (format === 'json') io.stdout(`${JSON.stringify(buildCheckReport(session), null, 2)}\n`);
  else if (format === 'junit') io.stdout(buildJunitReport(session));
  else {
    const style = createStyle(colourWanted(process.stdout, io.env));
    io.stdout(`${recordingLine(file)}\n${formatHeader(session, style)}\n`);
    for (const result of session.results) io.stdout(formatStep(result, style, values.verbose === true, secretParameterNames(session)));
    io.stdout(formatFooter(session, style));
  }
  return checkSucceeded(session) ? 0 : 1;
}

function recordingLine(file: SessionFile): string {
  const when = file.savedAt ? `saved ${file.savedAt}` : 'saved before session files had a date';
  const secrets = file.secretsIncluded ? 'with secrets' : 'secrets redacted';
  return terminalSafe(`Recorded session (${when}, mcp-auth-debugger ${file.tool.version}, ${secrets}); nothing was sent.`);
}
