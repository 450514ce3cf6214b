/**
 * Known-server hints from a real run: `check --format json` against the lab with fault
 * registration.no-path. The lab's oidc-provider sits on Keycloak's realm paths without anything
 * only Keycloak sends, so the report calls it shaped like Keycloak and gives the steps for
 * registering a client by hand; the clean lab, with nothing to fix, gets no hint.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { startLab } from '../lab/index.js';
import { runCli } from '../test-support/run-cli.js';
import type { CheckReport } from './report.js';

async function checkJson(url: string): Promise<CheckReport> {
  const { stdout, stderr } = await runCli(['check', url, '--format', 'json', '--timeout', '3000']);
  assert.ok(stdout.trim().startsWith('{'), `expected JSON, got: ${stdout.slice(0, 300)} ${stderr}`);
  return JSON.parse(stdout) as CheckReport;
}

test('the lab without a way to register: a Keycloak-shaped hint in the JSON report', async () => {
  const lab = await startLab({ autoConsent: true, faults: ['registration.no-path'] });
  try {
    const report = await checkJson(lab.mcpUrl);
    assert.ok(report.findings.some((f) => f.id === 'registration.no-path'));
    assert.equal(report.hints.length, 1);
    const [group] = report.hints;
    assert.equal(group?.recognition.product, 'keycloak');
    assert.equal(group?.recognition.certainty, 'shape');
    assert.equal(group?.recognition.heading, 'Hints for a server shaped like Keycloak');
    assert.deepEqual(group?.hints.map((h) => [h.id, h.findingIds]), [['keycloak.pre-register', ['registration.no-path']]]);
    assert.match(group?.hints[0]?.steps[1] ?? '', /realm demo → Clients → Create client/);
  } finally {
    await lab.close();
  }
});

test('the clean lab: recognised shape, nothing to fix, no hint', async () => {
  const lab = await startLab({ autoConsent: true });
  try {
    const report = await checkJson(lab.mcpUrl);
    assert.equal(report.ok, true);
    assert.deepEqual(report.hints, []);
  } finally {
    await lab.close();
  }
});
