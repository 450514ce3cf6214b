/**
 * A test fixture that runs the real `mcp-auth-debugger start` (relay, built UI and the lab on
 * ephemeral ports) for a worker, and stops it afterwards. `debuggerArgs` (a worker option) adds
 * arguments such as `--fault <id>` or `--auto-consent`; a file that sets it with
 * `test.use({ debuggerArgs: [...] })` gets a worker, and so a debugger, of its own.
 */
import { test as base, type Page, type TestInfo } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';

export interface RunningDebugger {
  url: string;
  labMcpUrl: string;
  labUser: { username: string; password: string };
}

const root = fileURLToPath(new URL('..', import.meta.url));

export async function startDebugger(args: readonly string[] = []): Promise<{ running: RunningDebugger; stop(): Promise<void> }> {
  const child: ChildProcess = spawn(process.execPath, ['bin/mcp-auth-debugger.js', 'start', '--port', '0', '--lab-port', '0', ...args], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const ready = new Promise<void>((resolve) => {
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      if (/Press Ctrl-C/.test(out)) resolve();
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', () => resolve());
  });
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([ready, new Promise<void>((resolve) => (timer = setTimeout(resolve, 20_000)))]);
  clearTimeout(timer);
  const url = /running at (http:\/\/127\.0\.0\.1:\d+)/.exec(out)?.[1];
  const lab = /Demo lab MCP server: (\S+)\s+\(user (\S+) \/ (\S+)\)/.exec(out);
  if (!url || !lab?.[1] || !lab[2] || !lab[3]) {
    child.kill('SIGKILL');
    throw new Error(`mcp-auth-debugger start did not come up:\n${out}`);
  }
  return {
    running: { url, labMcpUrl: lab[1], labUser: { username: lab[2], password: lab[3] } },
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = once(child, 'exit');
      child.kill('SIGINT');
      const killer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(killer);
    },
  };
}

export const test = base.extend<{ consoleErrors: string[] }, { debuggerArgs: string[]; debuggerApp: RunningDebugger }>({
  debuggerArgs: [[], { scope: 'worker', option: true }],
  debuggerApp: [
    async ({ debuggerArgs }, use) => {
      const { running, stop } = await startDebugger(debuggerArgs);
      await use(running);
      await stop();
    },
    { scope: 'worker', timeout: 30_000 },
  ],
  // Every test ends with expect(consoleErrors).toEqual([]): the UI must not log any error.
  consoleErrors: async ({ page }, use) => {
    const errors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(`${message.text()} (${message.location().url})`);
    });
    page.on('pageerror', (error) => errors.push(error.message));
    // Popups the page opens (the authorization popup) are held to the same rule.
    page.context().on('page', (other) => {
      if (other === page) return;
      other.on('console', (message) => {
        if (message.type() === 'error') errors.push(`[popup] ${message.text()} (${message.location().url})`);
      });
      other.on('pageerror', (error) => errors.push(`[popup] ${error.message}`));
    });
    await use(errors);
  },
});

/**
 * Starts a run from the page against `serverUrl` (the demo lab when absent) and takes the sign-in
 * round trip in this tab; for servers that consent by themselves (the lab with --auto-consent,
 * the misbehaving test server). Returns once the page is back from the callback.
 */
export async function runSigningInHere(page: Page, appUrl: string, serverUrl?: string): Promise<void> {
  await page.goto(appUrl);
  if (serverUrl) {
    await page.getByRole('textbox', { name: 'MCP server URL' }).fill(serverUrl);
    await page.getByRole('button', { name: 'Run', exact: true }).click();
  } else {
    await page.getByRole('button', { name: 'Try the demo lab' }).click();
  }
  await page.getByRole('region', { name: 'Sign in at the authorization server' }).getByRole('button', { name: 'Open in this tab' }).click();
  await page.waitForURL(`${appUrl}/`);
}

/** A full-page screenshot kept as a test artifact: a PNG in the test's test-results/e2e folder, attached to the test. */
export async function snap(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const path = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path, fullPage: true });
  await testInfo.attach(name, { path, contentType: 'image/png' });
}

export { expect } from '@playwright/test';
