/**
 * Regression checks against a recording: `check --expect` re-runs the flow against the same
 * server and compares. The lab is recorded clean, then restarted on the same ports with a fault
 * (a real misconfiguration, not an edited file): the re-check fails naming the new error, in
 * text and JUnit; a server fixed since its recording passes; a recording of another server is
 * said to be one; `diff` compares the two recordings.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startLab, type Lab, type LabFaultId } from '../lab/index.js';
import { freePort } from '../test-support/free-port.js';
import { runCli } from '../test-support/run-cli.js';

describe('check --expect and diff', () => {
  const dir = mkdtempSync(join(tmpdir(), 'mad-expect-'));
  const clean = join(dir, 'clean.json');
  const faulty = join(dir, 'faulty.json');
  let ports: { authorizationServerPort: number; mcpPort: number };
  let lab: Lab | undefined;

  async function labWith(faults: LabFaultId[]): Promise<Lab> {
    await lab?.close();
    lab = await startLab({ autoConsent: true, faults, ...ports });
    return lab;
  }

  before(async () => {
    ports = { authorizationServerPort: await freePort(), mcpPort: await freePort() };
    const cleanLab = await labWith([]);
    assert.equal((await runCli(['check', cleanLab.mcpUrl, '--out', clean])).code, 0);
    const faultyLab = await labWith(['prm.resource-mismatch']);
    assert.equal((await runCli(['check', faultyLab.mcpUrl, '--out', faulty])).code, 1);
  });
  after(async () => {
    await lab?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('the same server again: no regression, exit 0', async () => {
    const current = await labWith([]);
    const result = await runCli(['check', current.mcpUrl, '--expect', clean]);
    assert.equal(result.code, 0, result.stdout);
    assert.match(result.stdout, /Compared with the recording \(saved [^)]+\)\n {2}the same run/);
  });

  it('the server broke since the recording: exit 1, the new error named, in text and JUnit', async () => {
    const current = await labWith(['prm.resource-mismatch']);
    const text = await runCli(['check', current.mcpUrl, '--expect', clean]);
    assert.equal(text.code, 1);
    assert.match(text.stdout, /✗ regression {2}protected-resource-metadata: new error prm\.resource-mismatch/);
    assert.match(text.stdout, /✗ regression {2}token-request: not reached; the recording reached it/);
    assert.match(text.stdout, /\n {2}regressed\n/);

    const junit = await runCli(['check', current.mcpUrl, '--expect', clean, '--format', 'junit']);
    assert.equal(junit.code, 1);
    assert.match(junit.stdout, /<testcase classname="mcp-auth-debugger\.expect" name="protected-resource-metadata">\n(\s+<failure [^\n]*\n)*\s+<failure type="regression" message="new error prm\.resource-mismatch"\/>/);
    assert.match(junit.stdout, /<testcase classname="mcp-auth-debugger\.expect" name="probe"\/>/);
    const failures = Number(/<testsuites [^>]*failures="(\d+)"/.exec(junit.stdout)?.[1]);
    assert.ok(failures >= 2, `the run and the stopped step fail at least (${failures})`);
  });

  it('a server fixed since a failing recording passes its regression check, with the changes listed', async () => {
    const current = await labWith([]);
    const result = await runCli(['check', current.mcpUrl, '--expect', faulty]);
    assert.equal(result.code, 0, result.stdout);
    assert.match(result.stdout, /· change {2}protected-resource-metadata: error prm\.resource-mismatch is gone/);
    assert.match(result.stdout, /no regression/);
  });

  it('a recording of another server is said to be one, not compared', async () => {
    const current = await labWith([]);
    const other = current.mcpUrl.replace('/mcp', '/other-mcp');
    const result = await runCli(['check', other, '--expect', clean, '--timeout', '2000']);
    assert.equal(result.code, 2);
    assert.match(result.stdout, /they are different servers/);
    assert.doesNotMatch(result.stdout, /regression/);
  });

  it('diff: two recordings compared step by step', async () => {
    const differ = await runCli(['diff', clean, faulty]);
    assert.equal(differ.code, 1);
    assert.match(differ.stdout, /^A: http:\/\/127\.0\.0\.1:\d+\/mcp \(\d{4}-[^)]+\)\nB: http:\/\/127\.0\.0\.1:\d+\/mcp \(/);
    assert.match(differ.stdout, /new error prm\.resource-mismatch/);
    const same = await runCli(['diff', clean, clean]);
    assert.equal(same.code, 0);
    assert.match(same.stdout, /the same run/);
    const unreadable = await runCli(['diff', clean, join(dir, 'missing.json')]);
    assert.equal(unreadable.code, 2);
    assert.match(unreadable.stderr, /no such file/);
  });
});
