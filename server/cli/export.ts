/**
 * `mcp-auth-debugger export SESSION --format har|curl|markdown|playwright`: a saved session as a
 * HAR 1.2 file, a curl script of the whole flow, a Markdown report for a bug tracker, or a
 * Playwright test that runs the flow again and fails where it got worse. Secrets are
 * redacted unless --include-secrets is given (and the file was saved with them).
 */
import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { EXPORT_FORMATS, exportSession, type ExportFormat } from '../../src/export/index.js';
import { sessionFileOrSay } from './session-file-io.js';
import { terminalSafe } from './terminal.js';
import { UsageError, type CliIo } from './usage.js';

export const EXPORT_HELP = `Usage: mcp-auth-debugger export <session-file> --format <har|curl|markdown|playwright> [options]

Writes a saved session (check --out) in another form, without sending a request.

Formats:
  har         HAR 1.2: opens in browser dev tools and HAR viewers, every exchange an entry
  curl        a shell script of curl commands, one per exchange, in order
  markdown    a report for a bug tracker: verdict, steps, findings with fixes, the failing exchange
  playwright  a test for your own suite: runs the flow again through the library API, signs in
              with Playwright where a person is asked (MCP_AUTH_USERNAME, MCP_AUTH_PASSWORD),
              fails on a new error finding, a step not reached or a tool gone; holds no secret

Options:
  --out <file>          write there instead of standard output
  --include-secrets     keep tokens, codes and secrets (only if the file was saved with them)
  -h, --help            this help
`;

const FORMAT_LIST = `${EXPORT_FORMATS.slice(0, -1).join(', ')} or ${EXPORT_FORMATS.at(-1)}`;

export async function runExport(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { format: { type: 'string' }, out: { type: 'string' }, 'include-secrets': { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) {
    io.stdout(EXPORT_HELP);
    return 0;
  }
  const [path, ...extra] = positionals;
  if (!path || extra.length > 0) throw new UsageError('export takes one session file.', EXPORT_HELP);
  const format = values.format;
  if (!EXPORT_FORMATS.includes(format as ExportFormat)) throw new UsageError(format ? `Unknown --format ${format}: ${FORMAT_LIST}.` : `Name the --format: ${FORMAT_LIST}.`, EXPORT_HELP);

  const file = await sessionFileOrSay(path, io);
  if (!file) return 2;
  const output = exportSession(file.session, format as ExportFormat, { toolVersion: file.tool.version, includeSecrets: values['include-secrets'] === true });
  if (values.out) {
    await writeFile(values.out, output, { mode: 0o600 });
    io.stderr(`Exported to ${terminalSafe(values.out)}${values['include-secrets'] ? ' (with secrets)' : ' (secrets redacted)'}\n`);
  } else {
    io.stdout(output);
  }
  return 0;
}
