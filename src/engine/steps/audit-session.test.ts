/**
 * The audit's session probe against canned legacy servers: one that keeps sessions and wants the
 * token on every request, one that takes the session id for the token, one that keeps none, and
 * ones that answer badly. The lab's fault covers the same against the SDK's transport
 * (server/cli/check.test.ts).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { phrase } from '../checks/finding-phrases.js';
import type { FlowData } from '../flow-data.js';
import { cannedTransport, requestHeader, runOneStep, type CannedReply } from '../test-kit.js';
import type { TransportRequest } from '../transport.js';

const SERVER = 'https://mcp.example.com/mcp';
const TOKEN = 'valid-token';
const REFUSAL: CannedReply = { status: 401, headers: { 'www-authenticate': 'Bearer error="invalid_token", resource_metadata="https://mcp.example.com/.well-known/oauth-protected-resource/mcp"' }, body: '' };
const NO_TOKEN: CannedReply = { status: 401, headers: { 'www-authenticate': 'Bearer resource_metadata="https://mcp.example.com/.well-known/oauth-protected-resource/mcp"' }, body: '' };
const INITIALIZED: CannedReply = { headers: { 'mcp-session-id': 'session-1' }, body: { jsonrpc: '2.0', id: 1, result: { protocolVersion: '2025-11-25', capabilities: {}, serverInfo: { name: 's', version: '1' } } } };

const legacyRun: FlowData = {
  tokens: { accessToken: TOKEN, tokenType: 'Bearer', receivedAt: '2026-01-01T00:00:00.000Z', grant: 'authorization_code' },
  mcp: { era: 'legacy', protocolVersion: '2025-11-25', toolCalls: [], stepUps: 0 },
};

const method = (request: TransportRequest): string | undefined => (request.body ? (JSON.parse(request.body) as { method?: string }).method : undefined);

/** `server` answers the requests with the valid token; the request with the session id and no token gets `tokenless`. */
async function sessionAudit(tokenless: CannedReply, opened: CannedReply = INITIALIZED, data: FlowData = legacyRun, spec: '2025-11-25' | '2026-07-28' = '2025-11-25') {
  const transport = cannedTransport((request) => {
    const authorization = requestHeader(request, 'authorization');
    if (request.method === 'DELETE') return { status: 405, body: '' };
    if (authorization === undefined) return requestHeader(request, 'mcp-session-id') ? tokenless : NO_TOKEN;
    if (authorization !== `Bearer ${TOKEN}`) return REFUSAL;
    return method(request) === 'initialize' ? opened : { status: 202, body: '' };
  });
  const run = await runOneStep('audit', transport, { serverUrl: SERVER, audit: true, spec }, data);
  const findings = run.result.findings.filter((f) => f.id.includes('session') || f.id === 'http.unreachable');
  return { ...run, transport, findings, ids: findings.map((f) => f.id) };
}

describe('session id without a token', () => {
  it('opens a session with the token, sends its id without one, and ends it with the token', async () => {
    const { ids, findings, transport, result } = await sessionAudit(NO_TOKEN);
    assert.deepEqual(ids, ['audit.rejects-session-without-token']);
    assert.equal(findings[0]?.params?.status, '401');
    assert.equal(result.exchanges.find((e) => e.id === findings[0]?.evidence?.exchangeId)?.label, 'audit: the session id without a token');
    const session = transport.requests.filter((r) => requestHeader(r, 'mcp-session-id') === 'session-1');
    assert.deepEqual(
      session.map((r) => [r.method, method(r) ?? '', requestHeader(r, 'authorization') ?? '(none)']),
      [
        ['POST', 'notifications/initialized', `Bearer ${TOKEN}`],
        ['POST', 'tools/list', '(none)'],
        ['DELETE', '', `Bearer ${TOKEN}`],
      ],
    );
    assert.ok(session.every((r) => requestHeader(r, 'mcp-protocol-version') === '2025-11-25'));
  });

  it('reports a server that serves the session id alone as an error', async () => {
    const { ids, findings, result } = await sessionAudit({ body: { jsonrpc: '2.0', id: 2, result: { tools: [] } } });
    assert.deepEqual(ids, ['audit.session-without-token']);
    assert.equal(findings[0]?.severity, 'error');
    assert.match(findings[0]?.detail ?? '', /answered 200 instead of 401/);
    const evidence = result.exchanges.find((e) => e.id === findings[0]?.evidence?.exchangeId);
    assert.equal(evidence?.label, 'audit: the session id without a token');
  });

  it('says why it is untested: 2026-07-28, no session, a refused or unanswered initialize, an unusable id', async () => {
    const reasons = async (...args: Parameters<typeof sessionAudit>) => (await sessionAudit(...args)).findings.map((f) => [f.id, f.params?.reason]);
    const modern: FlowData = { ...legacyRun, mcp: { era: 'modern', toolCalls: [], stepUps: 0 } };
    assert.deepEqual(await reasons(NO_TOKEN, INITIALIZED, modern, '2026-07-28'), [['audit.session-untested', phrase('audit.session.untested.modern')]]);
    assert.deepEqual(await reasons(NO_TOKEN, { ...INITIALIZED, headers: {} }), [['audit.session-untested', phrase('audit.session.untested.no-session')]]);
    assert.deepEqual(await reasons(NO_TOKEN, { status: 401, body: '' }), [['audit.session-untested', phrase('audit.session.untested.not-opened')]]);
    assert.deepEqual(await reasons(NO_TOKEN, { error: { kind: 'timeout', message: 'No complete answer within 300 ms.' } }), [['audit.session-untested', phrase('audit.session.untested.no-answer')]]);
    assert.deepEqual(await reasons(NO_TOKEN, { ...INITIALIZED, headers: { 'mcp-session-id': 'two words' } }), [['audit.session-untested', phrase('audit.session.untested.invalid-session-id')]]);
    const refused = await sessionAudit(NO_TOKEN, { status: 401, body: '' });
    assert.match(refused.findings[0]?.detail ?? '', /opening a session with the valid token was answered 401\.$/);
  });

  it('a hanging answer to the request without a token is reported as such, never as acceptance', async () => {
    const { ids, transport } = await sessionAudit({ error: { kind: 'timeout', message: 'No complete answer within 300 ms.' } });
    assert.deepEqual(ids, ['http.unreachable']);
    // The session is still ended.
    assert.equal(transport.requests.at(-1)?.method, 'DELETE');
  });
});
