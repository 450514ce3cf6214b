import assert from 'node:assert/strict';
import { test } from 'node:test';
import { freePort } from '../test-support/free-port.js';
import { FINDINGS } from '../../src/engine/checks/catalogue.js';
import { LAB_FAULTS } from './faults.js';
import { runLabFromArgs, type LabCommandResult } from './main.js';

async function run(args: string[]): Promise<{ result: LabCommandResult; output: string[] }> {
  const output: string[] = [];
  const result = await runLabFromArgs(args, (line) => output.push(line));
  return { result, output };
}

test('--list-faults prints every fault id and exits 0', async () => {
  const { result, output } = await run(['--list-faults']);
  assert.deepEqual(result, { kind: 'exit', exitCode: 0 });
  assert.equal(output.length, LAB_FAULTS.length);
  for (const fault of LAB_FAULTS) assert.ok(output.some((line) => line.startsWith(fault.id) && line.includes(fault.summary)), fault.id);
});

test('--list-faults --format json lists each fault with the findings it triggers, all in the catalogue', async () => {
  const { result, output } = await run(['--list-faults', '--format', 'json']);
  assert.deepEqual(result, { kind: 'exit', exitCode: 0 });
  const { faults } = JSON.parse(output.join('\n')) as { faults: { id: string; summary: string; summaryZh: string; findings: string[]; needs?: string; spec?: string }[] };
  assert.deepEqual(faults.map((fault) => fault.id), LAB_FAULTS.map((fault) => fault.id));
  assert.ok(faults.length >= 40, `${faults.length} faults`);
  for (const fault of faults) {
    assert.ok(fault.findings.length > 0 && fault.findings.every((id) => FINDINGS.has(id)), fault.id);
    assert.equal(fault.needs, fault.id.startsWith('audit.') ? 'audit' : fault.id.startsWith('cors.') ? 'cors' : undefined, fault.id);
  }
  assert.deepEqual(faults.filter((fault) => fault.spec !== undefined).map((fault) => [fault.id, fault.spec]), [['mcp.modern-only-server', '2025-11-25'], ['audit.session-without-token', '2025-11-25']]);
  assert.deepEqual((await run(['--list-faults', '--format', 'xml'])).result, { kind: 'exit', exitCode: 2 });
});

test('an unknown fault is a usage error that lists the valid ids', async () => {
  const { result, output } = await run(['--fault', 'asm.pkce-unsupported', '--fault', 'asm.nope']);
  assert.deepEqual(result, { kind: 'exit', exitCode: 2 });
  assert.match(output[0] ?? '', /Unknown fault: asm\.nope/);
  for (const fault of LAB_FAULTS) assert.ok(output.some((line) => line.includes(fault.id)), fault.id);
});

test('bad options and ports are usage errors', async () => {
  assert.deepEqual((await run(['--bogus'])).result, { kind: 'exit', exitCode: 2 });
  assert.deepEqual((await run(['--port', 'abc'])).result, { kind: 'exit', exitCode: 2 });
  assert.deepEqual((await run(['--port', '65535'])).result, { kind: 'exit', exitCode: 2 });
  assert.deepEqual((await run(['positional'])).result, { kind: 'exit', exitCode: 2 });
});

test('starts the lab with faults and auto-consent and prints what a person needs, no client secrets', async (t) => {
  const { result, output } = await run(['--fault', 'registration.no-path', '--fault', 'asm.pkce-unsupported', '--auto-consent', '--port', '0']);
  assert.equal(result.kind, 'started');
  if (result.kind !== 'started') return;
  const { lab } = result;
  t.after(() => lab.close());
  assert.deepEqual(lab.faults(), ['asm.pkce-unsupported', 'registration.no-path']);
  const text = output.join('\n');
  assert.ok(text.includes(lab.mcpUrl));
  assert.ok(text.includes(lab.issuer));
  assert.ok(text.includes(`${lab.demoUser.username} / ${lab.demoUser.password}`));
  assert.ok(text.includes('asm.pkce-unsupported, registration.no-path'));
  assert.ok(!text.includes(lab.introspectionClient.clientSecret));
  assert.ok(lab.preRegisteredClient.clientSecret && !text.includes(lab.preRegisteredClient.clientSecret));
});

test('--port n puts the authorization server on n and the MCP server on n+1', async (t) => {
  for (let attempt = 0; attempt < 5; attempt += 1) {
    const port = await freePort();
    if (port > 65534) continue;
    const { result } = await run(['--port', String(port)]);
    if (result.kind === 'exit') continue; // n+1 was taken: try another pair
    const { lab } = result;
    t.after(() => lab.close());
    assert.equal(lab.authorizationServerOrigin, `http://127.0.0.1:${port}`);
    assert.equal(lab.mcpUrl, `http://127.0.0.1:${port + 1}/mcp`);
    return;
  }
  assert.fail('no free port pair found in five attempts');
});
