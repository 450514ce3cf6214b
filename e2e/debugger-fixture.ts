/**
 * A test fixture that runs the real `mcp-auth-debugger start` (relay, built UI and the lab on
 * ephemeral ports) for one test file, and stops it afterwards.
 */
import { test as base } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';

export interface RunningDebugger {
  url: string;
  labMcpUrl: string;
  labUser: { username: string; password: string };
}

const root = fileURLToPath(new URL('..', import.meta.url));

export async function startDebugger(args: string[] = []): Promise<{ running: RunningDebugger; stop(): Promise<void> }> {
  const child: ChildProcess = spawn(process.execPath, ['bin/mcp-auth-debugger.js', 'start', '--port', '0', '--lab-port', '0', ...args], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout?.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (out += chunk.toString()));
  const deadline = Date.now() + 20_000;
  while (!/Press Ctrl-C/.test(out) && child.exitCode === null && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  const url = /running at (http:\/\/127\.0\.0\.1:\d+)/.exec(out)?.[1];
  const lab = /Demo lab MCP server: (\S+)\s+\(user (\S+) \/ (\S+)\)/.exec(out);
  if (!url || !lab?.[1] || !lab[2] || !lab[3]) {
    child.kill('SIGKILL');
    throw new Error(`mcp-auth-debugger start did not come up:\n${out}`);
  }
  return {
    running: { url, labMcpUrl: lab[1], labUser: { username: lab[2], password: lab[3] } },
    async stop() {
      if (child.exitCode !== null) return;
      child.kill('SIGINT');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await once(child, 'exit');
      clearTimeout(timer);
    },
  };
}

export const test = base.extend<{ consoleErrors: string[] }, { debuggerApp: RunningDebugger }>({
  debuggerApp: [
    // Playwright reads a fixture's dependencies from the destructuring pattern; this one has none.
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const { running, stop } = await startDebugger();
      await use(running);
      await stop();
    },
    { scope: 'worker' },
  ],
  // Every test fails on a console error: the UI must not log any.
  consoleErrors: async ({ page }, use) => {
    const errors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    page.on('pageerror', (error) => errors.push(error.message));
    await use(errors);
  },
});

export { expect } from '@playwright/test';
