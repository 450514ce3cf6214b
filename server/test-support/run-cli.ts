/**
 * Runs the `mcp-auth-debugger` command in-process, as the bin would, with its output captured.
 * Test support only.
 */
import { main } from '../cli/main.js';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Colour is off (NO_COLOR) so assertions see plain text; `env` adds to that. */
export async function runCli(args: string[], env: NodeJS.ProcessEnv = {}): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await main(args, {
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    env: { NO_COLOR: '1', ...env },
  });
  return { code, stdout, stderr };
}
