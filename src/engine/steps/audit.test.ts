import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { phrase } from '../checks/finding-phrases.js';
import type { FlowData } from '../flow-data.js';
import { authorizationServerData, cannedTransport, findingIds, formOf, requestHeader, runOneStep, type CannedRoute } from '../test-kit.js';
import { AUDIT_AUDIENCE_PATH } from '../../wire/audit-audience.js';
import { MALFORMED_TOKEN, tamperWithToken, UNTRUSTED_ISSUER } from './audit.js';

const SERVER = 'https://mcp.example.com/mcp';
const ISSUER = 'https://auth.example.com';
const TOKEN_ENDPOINT = `${ISSUER}/token`;
const FOREIGN_AUDIENCE = `https://mcp.example.com${AUDIT_AUDIENCE_PATH}`;

const b64 = (value: unknown) => btoa(JSON.stringify(value)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
/** A compact JWT to decode; the audit never verifies signatures, the MCP server does. */
const jwt = (claims: Record<string, unknown>) => `${b64({ alg: 'RS256' })}.${b64(claims)}.c2lnbmF0dXJlLWJ5dGVz`;

const ACCESS_TOKEN = jwt({ aud: SERVER, scope: 'mcp:tools' });
const FOREIGN_TOKEN = jwt({ aud: FOREIGN_AUDIENCE, scope: 'mcp:tools' });

function flowData(refreshToken?: string): FlowData {
  return {
    authorizationServer: authorizationServerData({ issuer: ISSUER, token_endpoint: TOKEN_ENDPOINT }),
    client: { method: 'dcr', clientId: 'c1', tokenEndpointAuthMethod: 'none', redirectUri: 'http://127.0.0.1:4280/callback' },
    tokens: { accessToken: ACCESS_TOKEN, tokenType: 'Bearer', receivedAt: '2026-01-01T00:00:00.000Z', grant: 'authorization_code', ...(refreshToken ? { refreshToken } : {}) },
  };
}

/** The MCP server answers every audit request (whatever its query) with `server`. */
async function audit(routes: { server: CannedRoute; tokenEndpoint?: CannedRoute }, refreshToken?: string, serverUrl = SERVER) {
  const transport = cannedTransport((request) => {
    const route = request.url.startsWith(serverUrl) ? routes.server : request.url === TOKEN_ENDPOINT ? routes.tokenEndpoint : undefined;
    const answer = route ?? { status: 404, body: 'Not Found' };
    return typeof answer === 'function' ? answer(request) : answer;
  });
  const run = await runOneStep('audit', transport, { serverUrl, audit: true }, flowData(refreshToken));
  return { ...run, transport, ids: findingIds(run.result) };
}

const REFUSAL = { status: 401, headers: { 'www-authenticate': `Bearer error="invalid_token", resource_metadata="https://mcp.example.com/.well-known/oauth-protected-resource/mcp"` }, body: '' };
const TOKEN_PROBES = ['audit.tampered-token', 'audit.malformed-token', 'audit.untrusted-issuer-token', 'audit.query-token'] as const;

/** A 2026-07-28 run without a challenge scope tests neither sessions nor scopes, and says so. */
const UNTESTED_HERE = ['audit.session-untested', 'audit.insufficient-scope-untested'];

const decodePart = (token: string, index: number) => JSON.parse(Buffer.from(token.split('.')[index] ?? '', 'base64url').toString('utf8')) as Record<string, unknown>;

describe('audit', () => {
  it('changes one character in the middle of the signature only', () => {
    const tampered = tamperWithToken(ACCESS_TOKEN);
    const [header, payload, signature] = ACCESS_TOKEN.split('.');
    const parts = tampered.split('.');
    assert.deepEqual(parts.slice(0, 2), [header, payload]);
    assert.equal(parts[2]?.length, signature?.length);
    assert.equal([...(parts[2] ?? '')].filter((c, i) => c !== signature?.[i]).length, 1);
  });

  it('sends each token the server must refuse and reports the refusals', async () => {
    const { result, transport, ids } = await audit(
      { server: REFUSAL, tokenEndpoint: { headers: { 'cache-control': 'no-store' }, body: { access_token: FOREIGN_TOKEN, token_type: 'Bearer', expires_in: 60 } } },
      'rt-1',
    );
    assert.deepEqual(ids, ['audit.rejects-tampered-token', 'audit.refused', 'audit.refused', 'audit.refused', 'audit.rejects-foreign-audience', ...UNTESTED_HERE]);
    assert.deepEqual(
      result.findings.slice(1, 4).map((f) => f.params?.what),
      TOKEN_PROBES.slice(1).map((id) => phrase(id)),
    );
    const [tampered, malformed, untrusted, query, refresh, foreign] = transport.requests;
    assert.equal(requestHeader(tampered, 'authorization'), `Bearer ${tamperWithToken(ACCESS_TOKEN)}`);
    assert.equal(requestHeader(malformed, 'authorization'), `Bearer ${MALFORMED_TOKEN}`);

    // The untrusted token: the real claims, another issuer, a key of its own in the header.
    const forged = requestHeader(untrusted, 'authorization')?.replace(/^Bearer /, '') ?? '';
    const header = decodePart(forged, 0);
    const claims = decodePart(forged, 1);
    assert.equal(header.alg, 'ES256');
    assert.equal((header.jwk as Record<string, unknown> | undefined)?.kty, 'EC');
    assert.equal((header.jwk as Record<string, unknown> | undefined)?.d, undefined, 'the private key stays here');
    assert.equal(claims.iss, UNTRUSTED_ISSUER);
    assert.equal(claims.aud, SERVER);
    assert.equal(claims.scope, 'mcp:tools');

    assert.equal(new URL(query?.url ?? '').searchParams.get('access_token'), ACCESS_TOKEN);
    assert.equal(requestHeader(query, 'authorization'), undefined);
    assert.equal(formOf(refresh).get('resource'), FOREIGN_AUDIENCE);
    assert.equal(formOf(refresh).get('refresh_token'), 'rt-1');
    assert.equal(requestHeader(foreign, 'authorization'), `Bearer ${FOREIGN_TOKEN}`);
    assert.equal(result.findings[4]?.params?.audience, FOREIGN_AUDIENCE);
  });

  it('reports every token a server accepts', async () => {
    const { result, ids } = await audit({ server: { body: { jsonrpc: '2.0', id: 1, result: {} } } });
    assert.deepEqual(ids, ['audit.accepts-tampered-token', 'audit.accepts-malformed-token', 'audit.accepts-untrusted-issuer', 'audit.accepts-query-token', 'audit.foreign-audience-untested', ...UNTESTED_HERE]);
    assert.ok(result.findings.slice(0, 4).every((f) => f.severity === 'error' && f.params?.status === '200'));
    assert.equal(result.findings[0]?.evidence?.exchangeId, result.exchanges[0]?.id);
    assert.equal(result.findings[3]?.evidence?.exchangeId, result.exchanges[3]?.id);
  });

  it('names the token that got an unexpected status, and the finding that kept the other audience untested', async () => {
    const transport = cannedTransport((request) => (request.url.startsWith(SERVER) ? { status: 500, body: '' } : { status: 404, body: '' }));
    const data = { ...flowData('rt-1'), authorizationServer: authorizationServerData({ issuer: ISSUER, token_endpoint: 'http://as.example.com/token' }) };
    const { result } = await runOneStep('audit', transport, { serverUrl: SERVER, audit: true }, data);
    assert.deepEqual(findingIds(result), ['audit.unexpected-status', 'audit.unexpected-status', 'audit.unexpected-status', 'audit.unexpected-status', 'token.endpoint-insecure', 'audit.foreign-audience-untested', ...UNTESTED_HERE]);
    const unexpected = result.findings[0];
    assert.deepEqual(
      result.findings.slice(0, 4).map((f) => f.params?.what),
      TOKEN_PROBES.map((id) => phrase(id)),
    );
    // "Invalid or expired tokens MUST receive a HTTP 401 response": anything else breaks a MUST.
    assert.equal(unexpected?.severity, 'error');
    assert.match(unexpected?.detail ?? '', /^The tampered token was answered 500\./);
    const untested = result.findings[5];
    assert.deepEqual(untested?.params, { audience: FOREIGN_AUDIENCE, reason: phrase('audit.untested.token-request-failed'), cause: 'token.endpoint-insecure' });
    assert.match(untested?.detail ?? '', /: the token request could not be made \(see token\.endpoint-insecure\)\.$/);
  });

  it('reports a server that does not answer, instead of saying nothing', async () => {
    const { result, ids } = await audit({ server: { error: { kind: 'timeout', message: 'No complete answer within 300 ms.' } } });
    assert.deepEqual(ids, ['http.unreachable', 'http.unreachable', 'http.unreachable', 'http.unreachable', 'audit.foreign-audience-untested', ...UNTESTED_HERE]);
    assert.equal(result.findings[0]?.params?.kind, 'timeout');
    assert.equal(result.findings[0]?.evidence?.exchangeId, result.exchanges[0]?.id);
  });

  it('does not take a token for this server, spelled differently, for a foreign one', async () => {
    const serverUrl = 'https://MCP.Example.com:443/mcp';
    const { result, transport, ids } = await audit(
      {
        server: { body: { jsonrpc: '2.0', id: 1, result: {} } },
        tokenEndpoint: { headers: { 'cache-control': 'no-store' }, body: { access_token: jwt({ aud: `${SERVER}/` }), token_type: 'Bearer', expires_in: 60 } },
      },
      'rt-1',
      serverUrl,
    );
    assert.deepEqual(ids.slice(-3), ['audit.foreign-audience-untested', ...UNTESTED_HERE]);
    assert.equal(result.findings.at(-3)?.params?.reason, phrase('audit.untested.same-audience'));
    assert.match(result.findings.at(-3)?.detail ?? '', /: the token it issued does not name another audience, so it proves nothing\.$/);
    assert.equal(transport.urls().at(-1), `POST ${TOKEN_ENDPOINT}`, 'the token for this server is not sent as a foreign one');
  });

  it('says why the audience check went untested when the authorization server refuses the other resource', async () => {
    const { result, ids } = await audit({ server: REFUSAL, tokenEndpoint: { status: 400, body: { error: 'invalid_target' } } }, 'rt-1');
    assert.deepEqual(ids.slice(-3), ['audit.foreign-audience-untested', ...UNTESTED_HERE]);
    assert.deepEqual(result.findings.at(-3)?.params, {
      audience: FOREIGN_AUDIENCE,
      reason: phrase('audit.untested.refused'),
      error: 'invalid_target',
    });
    assert.match(result.findings.at(-3)?.detail ?? '', /: the authorization server refused \(invalid_target\)\.$/);
  });

  it('reports refusals whose challenge lacks error="invalid_token" or resource_metadata, once each', async () => {
    const { result, ids } = await audit({ server: { status: 401, headers: { 'www-authenticate': 'Bearer realm="mcp"' }, body: '' } });
    assert.deepEqual(ids.slice(-2), ['audit.challenge-without-invalid-token', 'audit.challenge-without-resource-metadata']);
    // The token in the query came without an Authorization header: no error is due there.
    assert.deepEqual(result.findings.at(-2)?.params, { url: SERVER, count: '3', what: phrase('audit.tampered-token') });
    assert.deepEqual(result.findings.at(-1)?.params, { url: SERVER, count: '4', what: phrase('audit.tampered-token') });
    assert.match(result.findings.at(-2)?.detail ?? '', /refused 3 of the audit's tokens with 401, among them the tampered token, but/);
    assert.equal(result.findings.at(-2)?.severity, 'warning');

    const { ids: wellFormed } = await audit({ server: REFUSAL });
    assert.ok(!wellFormed.some((id) => id.startsWith('audit.challenge-')), wellFormed.join(', '));
  });

  it('reports an error answer that shows the server\'s internals, once per kind', async () => {
    const body = JSON.stringify({ error: 'invalid_token', stack: 'JsonWebTokenError: invalid signature\n    at verify (/srv/mcp/node_modules/jsonwebtoken/verify.js:171:19)' });
    const { result, ids } = await audit({ server: { ...REFUSAL, body } });
    assert.deepEqual(
      ids.filter((id) => id === 'audit.error-leaks-internals'),
      ['audit.error-leaks-internals', 'audit.error-leaks-internals'],
    );
    const leaks = result.findings.filter((f) => f.id === 'audit.error-leaks-internals');
    assert.deepEqual(
      leaks.map((f) => f.params?.kind),
      [phrase('audit.leak.stack-trace'), phrase('audit.leak.file-path')],
    );
    assert.match(leaks[0]?.params?.excerpt ?? '', /at verify \(\/srv\/mcp\/node_modules/);
    assert.equal(leaks[0]?.evidence?.exchangeId, result.exchanges[0]?.id);
  });
});
