/**
 * The audit's scope probe against canned servers: the narrower token is asked for with a new
 * authorization request (the run's client, or a client of the audit's own for openid), and the
 * MCP server's answer to it is judged: 403 insufficient_scope with the scope, or not. The lab's
 * faults cover the same against oidc-provider and the SDK (server/cli/check.test.ts).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { phrase } from '../checks/finding-phrases.js';
import type { FlowData } from '../flow-data.js';
import { authorizationRequestData, authorizationServerData, cannedTransport, formOf, requestHeader, runOneStep, type CannedReply } from '../test-kit.js';
import type { TransportRequest } from '../transport.js';
import { AUDIT_CLIENT_REDIRECT_URI } from './audit-authorization-server.js';

const SERVER = 'https://mcp.example.com/mcp';
const ISSUER = 'https://auth.example.com';
const AUTHORIZE = `${ISSUER}/authorize`;
const TOKEN = `${ISSUER}/token`;
const REGISTER = `${ISSUER}/register`;
const REDIRECT = 'http://127.0.0.1:4280/callback';
const RUN_TOKEN = 'run-token';
const NARROW_TOKEN = 'narrow-token';

const REFUSAL: CannedReply = { status: 401, headers: { 'www-authenticate': 'Bearer error="invalid_token", resource_metadata="x"' }, body: '' };
const REFUSED_FOR_SCOPE: CannedReply = { status: 403, headers: { 'www-authenticate': 'Bearer error="insufficient_scope", scope="files:write", resource_metadata="x"' }, body: '' };

function flowData(change: { requested?: string; challengeScope?: string; scopesSupported?: string[]; registration?: boolean } = {}): FlowData {
  const requested = change.requested ?? 'files:write files:read';
  return {
    probe: { status: 401, challenges: [], ...(change.challengeScope === '' ? {} : { challengeScope: change.challengeScope ?? 'files:write' }) },
    authorizationServer: authorizationServerData({
      issuer: ISSUER,
      authorization_endpoint: AUTHORIZE,
      token_endpoint: TOKEN,
      ...(change.registration === false ? {} : { registration_endpoint: REGISTER }),
      code_challenge_methods_supported: ['S256'],
      ...(change.scopesSupported ? { scopes_supported: change.scopesSupported } : {}),
    }),
    client: { method: 'dcr', clientId: 'c1', tokenEndpointAuthMethod: 'none', redirectUri: REDIRECT },
    authorizationRequest: authorizationRequestData({
      expectedIssuer: ISSUER,
      url: `${AUTHORIZE}?response_type=code&client_id=c1&redirect_uri=${encodeURIComponent(REDIRECT)}&code_challenge=abc&code_challenge_method=S256&state=s1&scope=${encodeURIComponent(requested)}&resource=${encodeURIComponent(SERVER)}`,
      redirectUri: REDIRECT,
      scope: requested,
      resource: SERVER,
    }),
    tokens: { accessToken: RUN_TOKEN, tokenType: 'Bearer', receivedAt: '2026-01-01T00:00:00.000Z', grant: 'authorization_code', scope: requested },
  };
}

const redirectTo = (request: TransportRequest, query: string): CannedReply => {
  const url = new URL(request.url);
  return { status: 302, headers: { location: `${url.searchParams.get('redirect_uri')}?${query}&state=${url.searchParams.get('state')}` }, body: '' };
};

/**
 * Authorization requests get a code (the AS audit's probes a refusal, so they stay out of the
 * way); the token endpoint issues the narrow token for a code; the MCP server answers the narrow
 * token with `narrow` and refuses every other token.
 */
async function scopeAudit(narrow: CannedReply, data: FlowData = flowData(), issued: Record<string, unknown> = { scope: 'files:read' }) {
  const transport = cannedTransport((request) => {
    if (request.url.startsWith(SERVER)) return requestHeader(request, 'authorization') === `Bearer ${NARROW_TOKEN}` ? narrow : REFUSAL;
    if (request.url.startsWith(AUTHORIZE)) {
      const params = new URL(request.url).searchParams;
      return params.get('scope') === 'files:write files:read' || params.get('redirect_uri') === 'http://attacker.mcp-auth-debugger.invalid/callback' ? { status: 400, body: 'refused' } : redirectTo(request, 'code=narrow-code');
    }
    if (request.url === REGISTER) return { status: 201, body: { client_id: 'audit-client' } };
    if (request.url === TOKEN && formOf(request).get('code') === 'narrow-code' && formOf(request).get('redirect_uri') !== null) {
      return { headers: { 'cache-control': 'no-store' }, body: { access_token: NARROW_TOKEN, token_type: 'Bearer', expires_in: 60, ...issued } };
    }
    return { status: 400, body: { error: 'invalid_grant' } };
  });
  const run = await runOneStep('audit', transport, { serverUrl: SERVER, audit: true }, data);
  const findings = run.result.findings.filter((f) => f.id.includes('insufficient-scope'));
  return { ...run, transport, findings, ids: findings.map((f) => f.id) };
}

describe('a token without the needed scope', () => {
  it('asks the run\'s client for the scopes it asked for minus the needed one, and judges a proper 403', async () => {
    const { ids, findings, transport, result } = await scopeAudit(REFUSED_FOR_SCOPE);
    assert.deepEqual(ids, ['audit.insufficient-scope-refused']);
    assert.deepEqual(findings[0]?.params, { url: SERVER, status: '403', scope: 'files:write', granted: 'files:read', challengeScope: 'files:write' });
    const walk = transport.requests.map((r) => new URL(r.url)).find((url) => url.href.startsWith(AUTHORIZE) && url.searchParams.get('scope') === 'files:read');
    assert.equal(walk?.searchParams.get('client_id'), 'c1');
    assert.equal(walk?.searchParams.get('code_challenge_method'), 'S256');
    const redemption = transport.requests.find((r) => r.url === TOKEN && formOf(r).get('code') === 'narrow-code');
    assert.equal(formOf(redemption).get('resource'), SERVER);
    assert.equal(formOf(redemption).get('client_id'), 'c1');
    // The narrow token went to the MCP server with the probe's request; the run's token is kept.
    assert.ok(result.exchanges.some((e) => e.label === 'audit: a token without the needed scope'));
    assert.ok(!result.exchanges.some((e) => e.label === 'audit: a client for a narrower token'), 'no client of its own was needed');
  });

  it('reports a server that serves it, one that answers 401, and one whose 403 names no scope', async () => {
    const served = await scopeAudit({ body: { jsonrpc: '2.0', id: 1, result: {} } });
    assert.deepEqual(served.ids, ['audit.accepts-insufficient-scope']);
    assert.equal(served.findings[0]?.severity, 'error');
    assert.match(served.findings[0]?.detail ?? '', /asked for scope="files:write"; the same request with a genuine token whose scope is files:read, which lacks it, was answered 200 instead of 403/);

    const as401 = await scopeAudit(REFUSAL);
    assert.deepEqual(as401.ids, ['audit.insufficient-scope-not-403']);
    assert.deepEqual([as401.findings[0]?.severity, as401.findings[0]?.params?.status, as401.findings[0]?.params?.error], ['warning', '401', 'invalid_token']);

    const bare403 = await scopeAudit({ status: 403, body: 'Forbidden' });
    assert.deepEqual(bare403.ids, ['audit.insufficient-scope-not-403']);
    assert.equal(bare403.findings[0]?.params?.error, phrase('value.no-error-code'));

    const unnamed = await scopeAudit({ status: 403, headers: { 'www-authenticate': 'Bearer error="insufficient_scope"' }, body: '' });
    assert.deepEqual(unnamed.ids, ['audit.insufficient-scope-without-scope']);
  });

  it('asks for openid with a client of its own when the run asked only for what the server needs', async () => {
    const { ids, transport, result } = await scopeAudit(REFUSED_FOR_SCOPE, flowData({ requested: 'files:write offline_access', scopesSupported: ['openid', 'files:write'] }), {});
    assert.deepEqual(ids, ['audit.insufficient-scope-refused']);
    const registration = result.exchanges.find((e) => e.label === 'audit: a client for a narrower token')?.request;
    assert.deepEqual((JSON.parse(registration?.body ?? '{}') as { redirect_uris?: string[] }).redirect_uris, [AUDIT_CLIENT_REDIRECT_URI]);
    const walk = transport.requests.map((r) => new URL(r.url)).find((url) => url.href.startsWith(AUTHORIZE) && url.searchParams.get('scope') === 'openid');
    assert.equal(walk?.searchParams.get('client_id'), 'audit-client');
    assert.equal(walk?.searchParams.get('redirect_uri'), AUDIT_CLIENT_REDIRECT_URI);
    const redemption = transport.requests.find((r) => r.url === TOKEN && formOf(r).get('code') === 'narrow-code');
    assert.equal(formOf(redemption).get('client_id'), 'audit-client');
  });

  it('says why it is untested', async () => {
    const reason = async (data: FlowData, issued?: Record<string, unknown>) => {
      const { findings } = await scopeAudit(REFUSED_FOR_SCOPE, data, issued);
      assert.deepEqual(findings.map((f) => f.id), ['audit.insufficient-scope-untested']);
      return findings[0]?.params?.reason;
    };
    assert.equal(await reason(flowData({ challengeScope: '' })), phrase('audit.scope.untested.no-challenge-scope'));
    assert.equal(await reason(flowData({ challengeScope: 'admin' })), phrase('audit.scope.untested.not-granted'));
    assert.equal(await reason(flowData({ requested: 'files:write' })), phrase('audit.scope.untested.no-narrower-scope'));
    // The authorization server granted the needed scope anyway.
    assert.equal(await reason(flowData(), { scope: 'files:read files:write' }), phrase('audit.scope.untested.not-narrowed'));
  });

  it('a garbage challenge is a clear finding, and a token endpoint that does not answer leaves it untested', async () => {
    const garbage = await scopeAudit({ status: 403, headers: { 'www-authenticate': 'Bearer error="insufficient_scope, ,,=' }, body: '\u0000' });
    // An unterminated quote: the error is not insufficient_scope as sent, so not the refusal asked for.
    assert.deepEqual(garbage.ids, ['audit.insufficient-scope-not-403']);
    assert.equal(garbage.findings[0]?.params?.status, '403');

    const transport = cannedTransport((request) => {
      if (request.url.startsWith(SERVER)) return REFUSAL;
      if (request.url.startsWith(AUTHORIZE)) return new URL(request.url).searchParams.get('scope') === 'files:read' ? redirectTo(request, 'code=narrow-code') : { status: 400, body: '' };
      if (request.url === TOKEN) return { error: { kind: 'timeout', message: 'No complete answer within 300 ms.' } };
      return { status: 400, body: '' };
    });
    const { result } = await runOneStep('audit', transport, { serverUrl: SERVER, audit: true }, flowData());
    const untested = result.findings.filter((f) => f.id === 'audit.insufficient-scope-untested');
    assert.deepEqual(untested.map((f) => [f.params?.reason, f.params?.cause]), [[phrase('audit.untested.token-request-failed'), 'http.unreachable']]);
    // The run's own tokens are what they were.
    assert.equal(result.outcome.kind, 'ok');
  });

  it('a hanging answer to the narrow token is reported as such, never as acceptance', async () => {
    const { ids, result } = await scopeAudit({ error: { kind: 'timeout', message: 'No complete answer within 300 ms.' } });
    assert.deepEqual(ids, []);
    const unreachable = result.findings.filter((f) => f.id === 'http.unreachable');
    assert.equal(unreachable.length, 1);
    assert.equal(result.exchanges.find((e) => e.id === unreachable[0]?.evidence?.exchangeId)?.label, 'audit: a token without the needed scope');
  });
});
