/**
 * The comparison of the real SDK clients with the debugger's run, on plain results: each of the
 * five relations, and that a client's stop is never an error finding.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { makeFinding } from './checks/catalogue.js';
import { compareClientsWithDebugger } from './clients.js';
import { defaultFlowOptions } from './options.js';
import { scorecard } from './scorecard.js';
import { createSession, type Session } from './session.js';
import type { Finding } from './types.js';
import type { SdkClientResult } from '../wire/clients.js';

function runWith(findingIds: string[]): Session {
  const session = createSession(defaultFlowOptions('https://mcp.example.com/mcp'));
  const findings = findingIds.map((id) => makeFinding(id, session.options.spec) as Finding);
  return { ...session, status: { kind: 'completed' }, results: [{ stepId: 'protected-resource-metadata', exchanges: [], findings, data: {}, outcome: { kind: 'ok' } }] };
}

const stopped = (fields: Partial<SdkClientResult> = {}): SdkClientResult => ({
  client: 'sdk-v2',
  package: '@modelcontextprotocol/client',
  version: '2.4.0',
  connected: false,
  stoppedAt: 'client-registration',
  error: 'Dynamic Client Registration rejected (HTTP 400)',
  durationMs: 12,
  ...fields,
});
const connected: SdkClientResult = { client: 'sdk-v1', package: '@modelcontextprotocol/sdk', version: '1.32.2', connected: true, tools: 2, protocolVersion: '2025-11-25', durationMs: 30 };

describe('the real clients beside the debugger', () => {
  test('a client that stops where the debugger found only warnings is stricter than the spec; the area warns, nobody fails', () => {
    const session = runWith(['prm.header-bearer-method-missing']);
    assert.equal(makeFinding('prm.header-bearer-method-missing', session.options.spec)?.severity, 'warning', 'the fixture holds a warning only');
    const clients = compareClientsWithDebugger(session, [stopped()]);
    assert.deepEqual(clients.findings.map((finding) => [finding.id, finding.severity]), [['clients.stricter-than-debugger', 'warning']]);
    const detail = clients.findings[0]?.detail ?? '';
    assert.match(detail, /MCP TypeScript SDK v2 \(@modelcontextprotocol\/client 2\.4\.0\) stopped at client registration: Dynamic Client Registration rejected/);
    assert.match(detail, /its warnings: prm\.header-bearer-method-missing/);
    assert.match(detail, /the server may well follow the spec/);
    const area = scorecard({ ...session, clients }).find((score) => score.area === 'clients');
    assert.deepEqual(area, { area: 'clients', verdict: 'warnings', errors: 0, warnings: 1, findingIds: ['clients.stricter-than-debugger'] });
  });

  test('one client connecting and one stopping where the debugger found errors: stopped and looser, the area warns', () => {
    const session = runWith(['prm.resource-mismatch']);
    const clients = compareClientsWithDebugger(session, [connected, stopped({ stoppedAt: 'protected-resource-metadata' })]);
    assert.deepEqual(clients.findings.map((finding) => finding.id), ['clients.looser-than-debugger', 'clients.stopped']);
    assert.ok(clients.findings.every((finding) => finding.severity !== 'error'));
    assert.equal(scorecard({ ...session, clients }).find((score) => score.area === 'clients')?.verdict, 'warnings');
  });

  test('the stage and the comparison are phrase references, so the page can show them in Chinese', () => {
    const clients = compareClientsWithDebugger(runWith([]), [stopped({ stoppedAt: 'token' })]);
    assert.equal(clients.findings[0]?.params?.stage, '@phrase:client-stage.token');
    assert.match(clients.findings[0]?.detail ?? '', /stopped at the token request/);
  });
});
