/**
 * The authorization server's audit against canned servers: one that accepts everything it must
 * refuse (every finding, each naming its request), one that refuses everything as RFC 9700 asks
 * (only refusals), and one that shows a login page (untested, with the reason). The lab's faults
 * and the real check command cover the same against oidc-provider (server/cli/check.test.ts).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { phrase } from '../checks/finding-phrases.js';
import type { FlowData } from '../flow-data.js';
import { authorizationRequestData, authorizationServerData, cannedTransport, formOf, runOneStep, type CannedReply } from '../test-kit.js';
import type { TransportRequest } from '../transport.js';
import { UNREGISTERED_REDIRECT_URI } from './audit-authorization-server.js';

const SERVER = 'https://mcp.example.com/mcp';
const ISSUER = 'https://auth.example.com';
const AUTHORIZE = `${ISSUER}/authorize`;
const TOKEN = `${ISSUER}/token`;
const REGISTER = `${ISSUER}/register`;
const REDIRECT = 'http://127.0.0.1:4280/callback';

function flowData(): FlowData {
  return {
    authorizationServer: authorizationServerData({
      issuer: ISSUER,
      authorization_endpoint: AUTHORIZE,
      token_endpoint: TOKEN,
      registration_endpoint: REGISTER,
      code_challenge_methods_supported: ['S256'],
    }),
    client: { method: 'dcr', clientId: 'c1', tokenEndpointAuthMethod: 'none', redirectUri: REDIRECT },
    authorizationRequest: authorizationRequestData({
      expectedIssuer: ISSUER,
      url: `${AUTHORIZE}?response_type=code&client_id=c1&redirect_uri=${encodeURIComponent(REDIRECT)}&code_challenge=abc&code_challenge_method=S256&state=s1&scope=mcp`,
      redirectUri: REDIRECT,
    }),
    tokens: { accessToken: 'at-1', tokenType: 'Bearer', receivedAt: '2026-01-01T00:00:00.000Z', grant: 'authorization_code', refreshToken: 'rt-old' },
    refreshedTokens: { accessToken: 'at-2', tokenType: 'Bearer', receivedAt: '2026-01-01T00:00:01.000Z', grant: 'refresh_token', refreshToken: 'rt-new' },
  };
}

const REFUSED_TOKEN: CannedReply = { status: 401, headers: { 'www-authenticate': 'Bearer error="invalid_token", resource_metadata="x"' }, body: '' };
const TOKENS: CannedReply = { headers: { 'cache-control': 'no-store' }, body: { access_token: 'at-x', token_type: 'Bearer', expires_in: 60 } };
const INVALID_GRANT: CannedReply = { status: 400, body: { error: 'invalid_grant' } };

/** The MCP server refuses every token; `as` answers the authorization server's endpoints. */
async function auditWith(as: (request: TransportRequest) => CannedReply) {
  const transport = cannedTransport((request) => (request.url.startsWith(SERVER) ? REFUSED_TOKEN : as(request)));
  const run = await runOneStep('audit', transport, { serverUrl: SERVER, audit: true }, flowData());
  const audit = run.result.findings.filter((f) => f.id.startsWith('audit.as-'));
  return { ...run, transport, audit, ids: audit.map((f) => f.id) };
}

const redirectTo = (request: TransportRequest, query: string): CannedReply => {
  const url = new URL(request.url);
  return { status: 302, headers: { location: `${url.searchParams.get('redirect_uri')}?${query}&state=${url.searchParams.get('state')}` }, body: '' };
};

describe('authorization server audit', () => {
  it('reports every request an accepting server should have refused', async () => {
    let codes = 0;
    const { ids, audit, transport, result } = await auditWith((request) => {
      if (request.url.startsWith(AUTHORIZE)) return redirectTo(request, `code=code-${++codes}`);
      if (request.url === REGISTER) return { status: 201, body: { client_id: `c-${codes}` } };
      if (request.url === TOKEN) return TOKENS;
      return { status: 404, body: '' };
    });
    assert.deepEqual(ids, [
      'audit.as-redirects-to-unregistered-uri',
      'audit.as-accepts-missing-pkce',
      'audit.as-accepts-plain-pkce',
      'audit.as-code-reused',
      'audit.as-wrong-verifier-accepted',
      'audit.as-code-other-client',
      'audit.as-registers-insecure-redirect',
      'audit.as-refresh-token-reused',
    ]);
    assert.equal(audit[0]?.params?.redirectUri, UNREGISTERED_REDIRECT_URI);
    assert.ok(audit.every((f) => f.evidence?.exchangeId), 'each finding points at its exchange');
    // Where the field is known, the evidence names it in the request that carried it.
    const exchangeOf = (id: string) => result.exchanges.find((e) => e.id === audit.find((f) => f.id === id)?.evidence?.exchangeId);
    assert.equal(audit.find((f) => f.id === 'audit.as-wrong-verifier-accepted')?.evidence?.pointer, 'param:code_verifier');
    assert.ok(new URLSearchParams(exchangeOf('audit.as-wrong-verifier-accepted')?.request.body ?? '').has('code_verifier'));
    assert.equal(audit.find((f) => f.id === 'audit.as-registers-insecure-redirect')?.evidence?.pointer, 'request:/redirect_uris');
    assert.ok(Array.isArray(JSON.parse(exchangeOf('audit.as-registers-insecure-redirect')?.request.body ?? '{}').redirect_uris));

    const authorizations = transport.requests.filter((r) => r.url.startsWith(AUTHORIZE)).map((r) => new URL(r.url).searchParams);
    assert.equal(authorizations[0]?.get('redirect_uri'), UNREGISTERED_REDIRECT_URI);
    assert.equal(authorizations[1]?.get('code_challenge'), null, 'no PKCE at all');
    assert.equal(authorizations[2]?.get('code_challenge_method'), 'plain');
    assert.ok((authorizations[2]?.get('code_challenge') ?? '').length >= 43, 'plain: the verifier itself as the challenge');
    assert.ok(authorizations.every((params) => params.get('state') !== 's1'), 'every probe has its own state');

    const tokenRequests = transport.requests.filter((r) => r.url === TOKEN).map(formOf);
    const redemptions = tokenRequests.filter((form) => form.get('grant_type') === 'authorization_code');
    // Code reuse: the same code twice, with its verifier; then another verifier.
    assert.ok(redemptions[0]?.get('code'));
    assert.equal(redemptions[0]?.get('code'), redemptions[1]?.get('code'));
    assert.equal(redemptions[0]?.get('code_verifier'), redemptions[1]?.get('code_verifier'));
    assert.notEqual(redemptions[2]?.get('code_verifier'), redemptions[0]?.get('code_verifier'));
    // Another client: the second client's id with the run's redirect URI.
    assert.equal(redemptions[3]?.get('client_id'), 'c-5');
    assert.equal(redemptions[3]?.get('redirect_uri'), REDIRECT);
    // The replaced refresh token, last.
    assert.equal(tokenRequests.at(-1)?.get('refresh_token'), 'rt-old');
    const registrations = transport.requests.filter((r) => r.url === REGISTER).map((r) => JSON.parse(r.body ?? '{}') as { redirect_uris: string[] });
    assert.deepEqual(
      registrations.map((r) => r.redirect_uris[0]),
      ['http://127.0.0.1:9/mcp-auth-debugger-audit', UNREGISTERED_REDIRECT_URI],
    );
  });

  it('a server that refuses as RFC 9700 asks gets only refusals', async () => {
    let codes = 0;
    const used = new Set<string>();
    const { ids, audit } = await auditWith((request) => {
      const url = new URL(request.url);
      if (request.url.startsWith(AUTHORIZE)) {
        if (url.searchParams.get('redirect_uri') !== REDIRECT) return { status: 400, headers: { 'content-type': 'text/html' }, body: '<p>invalid redirect_uri</p>' };
        if (url.searchParams.get('code_challenge_method') !== 'S256') return redirectTo(request, 'error=invalid_request');
        return redirectTo(request, `code=code-${++codes}`);
      }
      if (request.url === REGISTER) {
        const body = JSON.parse(request.body ?? '{}') as { redirect_uris: string[] };
        return body.redirect_uris[0]?.startsWith('http://127.0.0.1') ? { status: 201, body: { client_id: 'c2' } } : { status: 400, body: { error: 'invalid_redirect_uri' } };
      }
      if (request.url === TOKEN) {
        const form = formOf(request);
        if (form.get('grant_type') === 'refresh_token') return INVALID_GRANT;
        const code = form.get('code') ?? '';
        // The first code is redeemed twice; the second with a wrong verifier; the third by client c2.
        if (used.has(code) || code === 'code-2' || form.get('client_id') === 'c2') return INVALID_GRANT;
        used.add(code);
        return TOKENS;
      }
      return { status: 404, body: '' };
    });
    assert.deepEqual(ids, Array(8).fill('audit.as-refused'));
    assert.deepEqual(
      audit.map((f) => f.params?.what),
      [
        'audit.as.unregistered-redirect',
        'audit.as.no-pkce',
        'audit.as.plain-pkce',
        'audit.as.code-reuse',
        'audit.as.wrong-verifier',
        'audit.as.other-client',
        'audit.as.open-registration',
        'audit.as.refresh-reuse',
      ].map((id) => phrase(id as Parameters<typeof phrase>[0])),
    );
    assert.match(audit[0]?.detail ?? '', /\(HTTP 400\)/);
    assert.match(audit[1]?.detail ?? '', /\(error=invalid_request\)/);
  });

  it('a login page makes the probes that need a code untested, saying why', async () => {
    const { ids, audit } = await auditWith((request) => {
      if (request.url.startsWith(AUTHORIZE)) return { status: 200, headers: { 'content-type': 'text/html' }, body: '<form>Sign in</form>' };
      if (request.url === REGISTER) return { status: 400, body: { error: 'invalid_redirect_uri' } };
      return INVALID_GRANT;
    });
    assert.deepEqual(ids, [...Array(6).fill('audit.as-untested'), 'audit.as-refused', 'audit.as-refused']);
    assert.ok(audit.slice(0, 5).every((f) => f.params?.reason === phrase('audit.as.untested.needs-person')));
    assert.match(audit[0]?.detail ?? '', /needs a person/);
    // No second client: the server refused to register one.
    assert.equal(audit[5]?.params?.reason, phrase('audit.as.untested.no-registration'));
  });
});
