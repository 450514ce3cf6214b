/** `mcp-auth-debugger lab`: the demo servers in the foreground until Ctrl-C. */
import { LAB_USAGE, runLabFromArgs } from '../lab/main.js';
import { terminalSafe } from './terminal.js';
import type { CliIo } from './usage.js';
import { untilInterrupted } from './wait-for-signal.js';

export const LAB_HELP = `${LAB_USAGE}\n`;

export async function runLabCommand(args: string[], io: CliIo): Promise<number> {
  // The lab's log lines quote what clients sent (client ids, error messages): shown as visible text.
  const result = await runLabFromArgs(args, (line) => io.stdout(`${terminalSafe(line)}\n`));
  if (result.kind === 'exit') return result.exitCode;
  // Listening for Ctrl-C before saying so: a signal sent on reading the line finds the handler.
  const stopped = untilInterrupted(() => result.lab.close());
  io.stdout('Press Ctrl-C to stop.\n');
  return stopped;
}
