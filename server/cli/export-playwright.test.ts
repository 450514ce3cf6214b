/**
 * `export --format playwright`, end to end: a lab run recorded through the library becomes a
 * test file, which Playwright runs in a folder of its own, as in a user's suite (the package and
 * @playwright/test installed, the file importing 'mcp-auth-debugger'). Against the same lab, now
 * asking for a login, the test signs in through its pages and passes; against the lab switched
 * into a fault on the same address, it fails and names the new finding.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { checkPassed, runCheck, saveSession } from 'mcp-auth-debugger';
import { startLab, type LabOptions } from '../lab/index.js';
import { freePort } from '../test-support/free-port.js';
import { runCli } from '../test-support/run-cli.js';

const root = fileURLToPath(new URL('../../', import.meta.url));

describe('export --format playwright', () => {
  const dir = mkdtempSync(join(tmpdir(), 'mad-playwright-'));
  const suite = join(dir, 'suite');
  let ports: Pick<LabOptions, 'authorizationServerPort' | 'mcpPort'>;
  let secrets: string[] = [];
  let demoUser = { username: '', password: '' };

  before(async () => {
    ports = { authorizationServerPort: await freePort(), mcpPort: await freePort() };
    const lab = await startLab({ autoConsent: true, ...ports });
    demoUser = lab.demoUser;
    try {
      const session = await runCheck(lab.mcpUrl, { toolCall: { name: 'add_numbers', arguments: { a: 2, b: 3 } } });
      assert.ok(checkPassed(session));
      secrets = [session.data.tokens?.accessToken, session.data.tokens?.refreshToken, session.data.client?.clientSecret].filter((s): s is string => typeof s === 'string' && s.length > 8);
      await saveSession(session, join(dir, 'recording.json'), { includeSecrets: true });
    } finally {
      await lab.close();
    }
    // A user's suite: its own folder, with the package and Playwright installed.
    mkdirSync(join(suite, 'node_modules', '@playwright'), { recursive: true });
    symlinkSync(root, join(suite, 'node_modules', 'mcp-auth-debugger'), 'dir');
    symlinkSync(join(root, 'node_modules', '@playwright', 'test'), join(suite, 'node_modules', '@playwright', 'test'), 'dir');
    writeFileSync(join(suite, 'package.json'), JSON.stringify({ name: 'a-users-suite', private: true, type: 'module' }));
    writeFileSync(
      join(suite, 'playwright.config.ts'),
      [
        "import { defineConfig } from '@playwright/test';",
        `import { chromiumLaunchOptions } from ${JSON.stringify(join(root, 'e2e', 'chromium.ts'))};`,
        "export default defineConfig({ testDir: '.', reporter: 'line', outputDir: 'test-results', use: { launchOptions: chromiumLaunchOptions() } });",
        '',
      ].join('\n'),
    );
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('writes a test that holds no secret', async () => {
    const result = await runCli(['export', join(dir, 'recording.json'), '--format', 'playwright', '--out', join(suite, 'flow.spec.ts'), '--include-secrets']);
    assert.equal(result.code, 0, result.stderr);
    const source = readFileSync(join(suite, 'flow.spec.ts'), 'utf8');
    assert.match(source, /from 'mcp-auth-debugger'/);
    assert.match(source, /process\.env\.MCP_AUTH_PASSWORD|credential\('MCP_AUTH_PASSWORD'\)/);
    assert.ok(secrets.length >= 2);
    for (const secret of secrets) assert.ok(!source.includes(secret), 'a secret was written into the test');
    assert.ok(!source.includes(JSON.stringify(demoUser.password)), 'no password is written into the test');
  });

  it('type-checks against the package as installed', async () => {
    symlinkSync(join(root, 'node_modules', '@types'), join(suite, 'node_modules', '@types'), 'dir');
    const options = { module: 'nodenext', moduleResolution: 'nodenext', target: 'es2022', strict: true, noEmit: true, skipLibCheck: true, types: ['node'] };
    writeFileSync(join(suite, 'tsconfig.json'), JSON.stringify({ compilerOptions: options, files: ['flow.spec.ts'] }));
    const run = await command(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.json'], suite, {});
    assert.equal(run.code, 0, run.output);
  });

  it('passes against the same lab, signing in through its pages', async () => {
    const lab = await startLab({ autoConsent: false, ...ports });
    try {
      const run = await playwright(suite, { MCP_AUTH_USERNAME: demoUser.username, MCP_AUTH_PASSWORD: demoUser.password });
      assert.equal(run.code, 0, run.output);
      assert.match(run.output, /1 passed/);
    } finally {
      await lab.close();
    }
  });

  it('fails against the lab switched into a fault, naming the new finding', async () => {
    const lab = await startLab({ autoConsent: false, faults: ['prm.resource-mismatch'], ...ports });
    try {
      const run = await playwright(suite, { MCP_AUTH_USERNAME: demoUser.username, MCP_AUTH_PASSWORD: demoUser.password });
      assert.equal(run.code, 1, run.output);
      assert.match(run.output, /1 failed/);
      assert.match(run.output, /protected-resource-metadata: new error prm\.resource-mismatch/);
    } finally {
      await lab.close();
    }
  });

  it('without the credentials, a login page fails the test naming the variable to set', async () => {
    const lab = await startLab({ autoConsent: false, ...ports });
    try {
      const run = await playwright(suite, { MCP_AUTH_USERNAME: '', MCP_AUTH_PASSWORD: '' });
      assert.equal(run.code, 1, run.output);
      assert.match(run.output, /set MCP_AUTH_USERNAME/);
    } finally {
      await lab.close();
    }
  });
});

/** `playwright test` in the suite's folder, as its owner would run it. */
function playwright(cwd: string, env: NodeJS.ProcessEnv): Promise<{ code: number | null; output: string }> {
  return command(process.execPath, [join(root, 'node_modules', '@playwright', 'test', 'cli.js'), 'test', '-c', 'playwright.config.ts'], cwd, { ...env, CI: '1', FORCE_COLOR: '0', NO_COLOR: '1' });
}

/** A command's exit code and its output, bounded in time. */
function command(file: string, args: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 150_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}
