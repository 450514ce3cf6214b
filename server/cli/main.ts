/**
 * The `mcp-auth-debugger` command: `start` (relay + UI + lab), `check <url>` (headless flow),
 * `show <session>` and `export <session>` (a saved run), `lab` (the demo servers). Exit codes: 0 success, 1 findings or a failed flow, 2 usage or
 * internal error.
 */
import { terminalSafe } from './terminal.js';
import { toolVersion } from './tool-version.js';
import { UsageError, type CliIo } from './usage.js';

// Each command is loaded when it runs: `start` must answer fast and needs neither the engine
// (check) nor the lab's servers, which take most of the loading time.
const commands = {
  start: async () => (await import('./start.js')).runStart,
  check: async () => (await import('./check.js')).runCheck,
  show: async () => (await import('./show.js')).runShow,
  export: async () => (await import('./export.js')).runExport,
  diff: async () => (await import('./diff.js')).runDiff,
  lab: async () => (await import('./lab.js')).runLabCommand,
  'conformance-client': async () => (await import('./conformance-client.js')).runConformanceClient,
};

const HELP = `Usage: mcp-auth-debugger [command] [options]

Commands:
  start              the debugger in your browser, with the demo lab as the default target (default)
  check <mcp-url>    run the whole authorization flow headless and report each step
  show <session>     print a saved session (check --out) as check printed it
  export <session>   a saved session as HAR, a curl script or a Markdown report
  diff <a> <b>       compare two saved sessions step by step
  lab                run the demo authorization server and MCP server (with faults on request)

Options:
  -v, --version      print the version and exit
  -h, --help         print this help

Run "mcp-auth-debugger <command> --help" for a command's options.
`;

export async function main(argv: string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case undefined:
        return await (await commands.start())([], io);
      case 'start':
      case 'check':
      case 'show':
      case 'export':
      case 'diff':
      case 'lab':
      case 'conformance-client':
        return await (await commands[command]())(rest, io);
      case '--version':
      case '-v':
        io.stdout(`${toolVersion()}\n`);
        return 0;
      case 'help':
      case '--help':
      case '-h':
        io.stdout(HELP);
        return 0;
      default:
        if (command.startsWith('-')) return await (await commands.start())(argv, io);
        throw new UsageError(`Unknown command: ${command}`, HELP);
    }
  } catch (error) {
    if (error instanceof UsageError || isParseArgsError(error)) {
      io.stderr(`mcp-auth-debugger: ${terminalSafe(error instanceof Error ? error.message : String(error))}\n\n`);
      io.stderr(error instanceof UsageError && error.help ? error.help : await helpFor(command));
      return 2;
    }
    const missing = missingModule(error);
    if (missing !== undefined) {
      // A command's code is loaded when it runs: a partial installation fails here, not at start.
      io.stderr(`mcp-auth-debugger: this installation is incomplete (${terminalSafe(missing)} is missing): reinstall it with "npm install -g mcp-auth-debugger", or run "npm install" in a checkout.\n`);
      return 2;
    }
    io.stderr(`mcp-auth-debugger: internal error: ${(error instanceof Error ? (error.stack ?? error.message) : String(error)).split('\n').map(terminalSafe).join('\n')}\n`);
    return 2;
  }
}

async function helpFor(command: string | undefined): Promise<string> {
  if (command === 'check') return (await import('./check.js')).CHECK_HELP;
  if (command === 'lab') return (await import('./lab.js')).LAB_HELP;
  if (command === 'show') return (await import('./show.js')).SHOW_HELP;
  if (command === 'export') return (await import('./export.js')).EXPORT_HELP;
  if (command === 'diff') return (await import('./diff.js')).DIFF_HELP;
  if (command === 'start') return (await import('./start.js')).START_HELP;
  return HELP;
}

/** What a failed import could not find (Node's ERR_MODULE_NOT_FOUND names it first in its message). */
function missingModule(error: unknown): string | undefined {
  if (!(error instanceof Error) || !('code' in error) || error.code !== 'ERR_MODULE_NOT_FOUND') return undefined;
  return /^Cannot find (?:module|package) '([^']+)'/.exec(error.message)?.[1] ?? 'a module';
}

/** node:util parseArgs rejects unknown or malformed options with ERR_PARSE_ARGS_* TypeErrors. */
function isParseArgsError(error: unknown): boolean {
  return error instanceof TypeError && 'code' in error && typeof error.code === 'string' && error.code.startsWith('ERR_PARSE_ARGS');
}

