/**
 * The `mcp-auth-debugger` bin, spawned, where its environment is wrong: an old Node.js, a port
 * in use, a checkout without its build or its dependencies. Each gets one line saying what to do
 * and exit code 2, never a stack trace. (A partial installed package: scripts/package.test.ts.)
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, it, type TestContext } from 'node:test';

const root = fileURLToPath(new URL('../../', import.meta.url));
const bin = join(root, 'bin/mcp-auth-debugger.js');

interface BinRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

function runBin(args: string[], options: { nodeArgs?: string[]; binPath?: string } = {}): Promise<BinRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...(options.nodeArgs ?? []), options.binPath ?? bin, ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    // A command that should have refused but started is stopped, and the test sees its output.
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.on('error', reject);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

/** Exit 2 and exactly one line on standard error, no stack trace. */
function assertOneLineRefusal(run: BinRun, pattern: RegExp): void {
  assert.equal(run.code, 2, `exit code; stdout: ${run.stdout} stderr: ${run.stderr}`);
  const lines = run.stderr.trimEnd().split('\n');
  assert.equal(lines.length, 1, `one line, got:\n${run.stderr}`);
  assert.match(lines[0] ?? '', pattern);
  assert.doesNotMatch(run.stdout + run.stderr, /\n\s+at |Error:/);
}

async function occupiedPort(t: TestContext): Promise<number> {
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  t.after(() => new Promise<void>((resolve) => server.close(() => resolve())));
  const address = server.address();
  assert.ok(address !== null && typeof address === 'object');
  return address.port;
}

describe('the bin where its environment is wrong', { concurrency: true }, () => {
  it('on Node.js older than 20.19: one line naming the version needed, before anything loads', async () => {
    // The bin reads the running version from process.versions, which this preload sets to 18's.
    const preload = 'data:text/javascript,Object.defineProperty(process.versions,"node",{value:"18.20.4"})';
    for (const args of [['--version'], ['start']]) {
      const run = await runBin(args, { nodeArgs: ['--import', preload] });
      assertOneLineRefusal(run, /^mcp-auth-debugger: needs Node\.js 20\.19 or newer, and this is Node\.js 18\.20\.4: install a current Node\.js/);
    }
    // The same bin on this Node.js answers.
    const ok = await runBin(['--version']);
    assert.equal(ok.code, 0);
    assert.match(ok.stdout, /^\d+\.\d+\.\d+/);
  });

  it("start on a port in use: one line naming the port and --port, nothing left running", async (t) => {
    const port = await occupiedPort(t);
    const run = await runBin(['start', '--port', String(port), '--no-lab']);
    assertOneLineRefusal(run, new RegExp(`^mcp-auth-debugger: port ${port} on 127\\.0\\.0\\.1 is already in use .*--port \\(0 picks a free one\\)\\.$`));
    assert.equal(run.stdout, '');
  });

  it("start with the lab's port in use: one line naming --lab-port; the relay it had started is closed", async (t) => {
    const port = await occupiedPort(t);
    const run = await runBin(['start', '--port', '0', '--lab-port', String(port)]);
    assertOneLineRefusal(run, new RegExp(`^mcp-auth-debugger: port ${port} on 127\\.0\\.0\\.1 is already in use .*--lab-port`));
    // The process exited by itself (runBin would have killed it after 30 s: code null).
    assert.match(run.stdout, /running at/);
  });

  it("lab on a port in use: one line naming --port", async (t) => {
    const port = await occupiedPort(t);
    const run = await runBin(['lab', '--port', String(port)]);
    assert.equal(run.code, 2, run.stdout + run.stderr);
    assert.match(run.stdout.trim(), new RegExp(`^The lab could not start: port ${port} on 127\\.0\\.0\\.1 is already in use .*--port`));
    assert.equal(run.stdout.trim().split('\n').length, 1, run.stdout);
    assert.doesNotMatch(run.stdout + run.stderr, /\n\s+at /);
  });

  describe('a checkout', () => {
    /** A copy of the checkout's command (sources, no dist/), optionally with its dependencies. */
    function checkoutCopy(t: TestContext, withDependencies: boolean): string {
      const dir = mkdtempSync(join(tmpdir(), 'mad-checkout-'));
      t.after(() => rmSync(dir, { recursive: true, force: true }));
      // Copied, not linked: Node resolves a module's path through links, and dist/ is found from server/cli/.
      for (const path of ['bin', 'server', 'package.json', 'tsconfig.json']) cpSync(join(root, path), join(dir, path), { recursive: true });
      symlinkSync(join(root, 'src'), join(dir, 'src'), 'dir');
      if (withDependencies) symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'), 'dir');
      return join(dir, 'bin/mcp-auth-debugger.js');
    }

    it('without the built UI (dist/): start says to run "npm run build"', async (t) => {
      const run = await runBin(['start', '--port', '0', '--no-lab'], { binPath: checkoutCopy(t, true) });
      assertOneLineRefusal(run, /^mcp-auth-debugger: the browser UI is not built \(dist\/ is missing\): run "npm run build" in this checkout/);
      assert.equal(run.stdout, '');
    });

    it('without its dependencies: any command says to run "npm install"', async (t) => {
      const run = await runBin(['--version'], { binPath: checkoutCopy(t, false) });
      assertOneLineRefusal(run, /^mcp-auth-debugger: this checkout has no development dependencies: run "npm install" in it/);
    });
  });
});
