/**
 * The published package, as a user gets it: packed, installed into an empty folder, and run
 * with no build and no dev dependency. Installed once for the file; each test uses that install.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { installPackedPackage, startInstalledBin, type InstalledPackage } from './installed-package.js';

const MAX_INSTALLED_BYTES = 25 * 1024 * 1024;
/** What third-party packages print when they warn (oidc-provider, Node's own warnings, npm). */
const THIRD_PARTY_NOISE = /oidc-provider|WARNING|Warning:|DeprecationWarning|ExperimentalWarning|npm (WARN|ERR)/;

function runInstalled(installed: InstalledPackage, command: string, args: string[]) {
  return spawnSync(command, args, { cwd: installed.dir, encoding: 'utf8', timeout: 120_000, env: { ...process.env, NO_COLOR: '1' } });
}

describe('the packed package, installed', { timeout: 600_000 }, () => {
  let installed: InstalledPackage;
  before(() => {
    installed = installPackedPackage();
  });
  after(() => installed?.remove());

  it('ships the built command, library and UI, and no sources, source maps or TypeScript', () => {
    const entries = installed.tarballEntries;
    for (const expected of ['bin/mcp-auth-debugger.js', 'lib/cli/main.js', 'lib/index.js', 'dist/index.html', 'package.json', 'README.md']) {
      assert.ok(entries.includes(expected), `${expected} is in the tarball`);
    }
    const unwanted = entries.filter((entry) => /^(src|server|scripts|e2e)\//.test(entry) || entry.endsWith('.map') || (entry.endsWith('.ts') && !entry.endsWith('.d.ts')));
    assert.deepEqual(unwanted, []);
  });

  it(`installs in at most 25 MB with its production dependencies`, () => {
    assert.ok(installed.installedBytes <= MAX_INSTALLED_BYTES, `${(installed.installedBytes / 1024 / 1024).toFixed(1)} MB installed`);
  });

  it('npx mcp-auth-debugger --version (and -v) prints the version', () => {
    for (const flag of ['--version', '-v']) {
      const result = runInstalled(installed, 'npx', ['mcp-auth-debugger', flag]);
      assert.equal(result.status, 0, result.stderr);
      assert.equal(result.stdout, `${installed.version}\n`);
      assert.doesNotMatch(result.stderr, THIRD_PARTY_NOISE);
    }
  });

  it('start serves the page and the lab; check and the library run the whole flow against it; nothing third-party is printed', async (t) => {
    const start = startInstalledBin(installed, ['start', '--port', '0', '--lab-port', '0', '--auto-consent']);
    t.after(() => start.stop());
    await start.waitFor(/Press Ctrl-C to stop/);
    const debuggerUrl = /running at (http:\/\/127\.0\.0\.1:\d+)/.exec(start.stdout())?.[1];
    const labUrl = /^lab: MCP server: +(http:\/\/127\.0\.0\.1:\d+\/mcp)$/m.exec(start.stdout())?.[1];
    assert.ok(debuggerUrl && labUrl, start.stdout());

    const page = await fetch(`${debuggerUrl}/`);
    assert.equal(page.status, 200);
    assert.match(await page.text(), /<div id="root">/);
    const probe = await fetch(labUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    assert.equal(probe.status, 401, 'the lab asks for a token');

    // The findings reference ships with the UI.
    const reference = await fetch(`${debuggerUrl}/findings/prm.resource-mismatch`);
    assert.equal(reference.status, 200);
    assert.match(await reference.text(), /<code>prm\.resource-mismatch<\/code>/);

    // The command, with the real SDK clients bundled into it (no SDK is installed beside it).
    const check = runInstalled(installed, process.execPath, [installed.bin, 'check', labUrl, '--consent', 'auto', '--clients', '--format', 'json']);
    assert.equal(check.status, 0, `${check.stdout.slice(0, 2000)}\n${check.stderr}`);
    const report = JSON.parse(check.stdout) as { ok: boolean; outcome: { kind: string }; tools?: { name: string }[]; clients: { results: { client: string; connected: boolean; version: string }[] } | null };
    assert.equal(report.ok, true);
    assert.deepEqual(report.tools?.map((tool) => tool.name).sort(), ['add_numbers', 'multiply_numbers']);
    assert.deepEqual(
      report.clients?.results.map(({ client, connected }) => ({ client, connected })),
      [{ client: 'sdk-v1', connected: true }, { client: 'sdk-v2', connected: true }],
    );
    for (const result of report.clients?.results ?? []) assert.match(result.version, /^\d+\.\d+\.\d+/, 'the bundled SDK version is known');
    assert.doesNotMatch(check.stderr, THIRD_PARTY_NOISE);

    // The library, imported by its name from the installed package.
    const script = join(installed.dir, 'library-check.mjs');
    writeFileSync(
      script,
      `import { checkPassed, runCheck } from 'mcp-auth-debugger';\nconst session = await runCheck(process.argv[2], { toolCall: { name: 'add_numbers', arguments: { a: 2, b: 3 } }, clients: true });\nconsole.log(JSON.stringify({ passed: checkPassed(session), status: session.status.kind, clients: session.clients?.results.map((result) => result.connected) }));\n`,
    );
    const library = runInstalled(installed, process.execPath, [script, labUrl]);
    assert.equal(library.status, 0, library.stderr);
    assert.deepEqual(JSON.parse(library.stdout), { passed: true, status: 'completed', clients: [true, true] });
    assert.doesNotMatch(library.stderr, THIRD_PARTY_NOISE);

    // The lab's own lines reach start's output, marked as the lab's: here each automatic sign-in
    // (read once this process reads the pipe again: spawnSync held it).
    await start.waitFor(/^lab: auto-consent: signing in admin/m, 10_000);
    assert.equal(await start.stop(), 0);
    assert.doesNotMatch(start.stdout(), THIRD_PARTY_NOISE);
    assert.equal(start.stderr(), '');
  });

  // Last: it breaks the installation, piece by piece.
  it('a partial installation: one line saying to reinstall, exit 2, no stack trace', () => {
    const refusal = (result: ReturnType<typeof runInstalled>, pattern: RegExp) => {
      assert.equal(result.status, 2, `${result.stdout}\n${result.stderr}`);
      assert.equal(result.stderr.trimEnd().split('\n').length, 1, result.stderr);
      assert.match(result.stderr.trimEnd(), pattern);
      assert.doesNotMatch(result.stderr, /\n\s+at /);
    };

    rmSync(join(installed.packageDir, 'dist'), { recursive: true });
    refusal(runInstalled(installed, process.execPath, [installed.bin, 'start', '--port', '0', '--no-lab']), /^mcp-auth-debugger: this installation is incomplete \(.*dist.* is missing\): reinstall it with "npm install -g mcp-auth-debugger"\.$/);

    // A command's code loads when it runs: `show` finds its part missing.
    const chunk = installed.tarballEntries.find((entry) => /^lib\/cli\/show-[\w-]+\.js$/.test(entry));
    assert.ok(chunk, 'show is a chunk of its own');
    rmSync(join(installed.packageDir, chunk));
    refusal(runInstalled(installed, process.execPath, [installed.bin, 'show', 'session.json']), /^mcp-auth-debugger: this installation is incomplete \(.*show-[\w-]+\.js is missing\): reinstall it/);

    rmSync(join(installed.packageDir, 'lib/cli/main.js'));
    refusal(runInstalled(installed, process.execPath, [installed.bin, '--version']), /^mcp-auth-debugger: this installation is incomplete \(.*main\.js or a part of it is missing\): reinstall it/);
  });
});
