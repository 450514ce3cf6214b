import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { phrase } from '../checks/finding-phrases.js';
import type { FlowData } from '../flow-data.js';
import { authorizationServerData, cannedTransport, findingIds, formOf, requestHeader, runOneStep, type CannedRoute } from '../test-kit.js';
import { AUDIT_AUDIENCE_PATH, tamperWithToken } from './audit.js';

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

async function audit(routes: { server: CannedRoute; tokenEndpoint?: CannedRoute }, refreshToken?: string) {
  const transport = cannedTransport({ [`POST ${SERVER}`]: routes.server, ...(routes.tokenEndpoint ? { [`POST ${TOKEN_ENDPOINT}`]: routes.tokenEndpoint } : {}) });
  const run = await runOneStep('audit', transport, { serverUrl: SERVER, audit: true }, flowData(refreshToken));
  return { ...run, transport, ids: findingIds(run.result) };
}

describe('audit', () => {
  it('changes one character in the middle of the signature only', () => {
    const tampered = tamperWithToken(ACCESS_TOKEN);
    const [header, payload, signature] = ACCESS_TOKEN.split('.');
    const parts = tampered.split('.');
    assert.deepEqual(parts.slice(0, 2), [header, payload]);
    assert.equal(parts[2]?.length, signature?.length);
    assert.equal([...(parts[2] ?? '')].filter((c, i) => c !== signature?.[i]).length, 1);
  });

  it('sends the tampered token and the foreign-audience token and reports the refusals', async () => {
    const { result, transport, ids } = await audit(
      {
        server: { status: 401, headers: { 'www-authenticate': 'Bearer error="invalid_token"' }, body: '' },
        tokenEndpoint: { headers: { 'cache-control': 'no-store' }, body: { access_token: FOREIGN_TOKEN, token_type: 'Bearer', expires_in: 60 } },
      },
      'rt-1',
    );
    assert.deepEqual(ids, ['audit.rejects-tampered-token', 'audit.rejects-foreign-audience']);
    assert.deepEqual(transport.urls(), [`POST ${SERVER}`, `POST ${TOKEN_ENDPOINT}`, `POST ${SERVER}`]);
    assert.equal(requestHeader(transport.requests[0], 'authorization'), `Bearer ${tamperWithToken(ACCESS_TOKEN)}`);
    assert.equal(formOf(transport.requests[1]).get('resource'), FOREIGN_AUDIENCE);
    assert.equal(formOf(transport.requests[1]).get('refresh_token'), 'rt-1');
    assert.equal(requestHeader(transport.requests[2], 'authorization'), `Bearer ${FOREIGN_TOKEN}`);
    assert.equal(result.findings[1]?.params?.audience, FOREIGN_AUDIENCE);
  });

  it('reports a server that accepts the tampered token', async () => {
    const { result, ids } = await audit({ server: { body: { jsonrpc: '2.0', id: 1, result: {} } } });
    assert.deepEqual(ids, ['audit.accepts-tampered-token', 'audit.foreign-audience-untested']);
    assert.equal(result.findings[0]?.params?.status, '200');
    assert.equal(result.findings[0]?.evidence?.exchangeId, result.exchanges[0]?.id);
  });

  it('names the token that got an unexpected status, and the finding that kept the other audience untested', async () => {
    const transport = cannedTransport({ [`POST ${SERVER}`]: { status: 500, body: '' } });
    const data = { ...flowData('rt-1'), authorizationServer: authorizationServerData({ issuer: ISSUER, token_endpoint: 'http://as.example.com/token' }) };
    const { result } = await runOneStep('audit', transport, { serverUrl: SERVER, audit: true }, data);
    assert.deepEqual(findingIds(result), ['audit.unexpected-status', 'token.endpoint-insecure', 'audit.foreign-audience-untested']);
    const [unexpected, , untested] = result.findings;
    assert.equal(unexpected?.params?.what, phrase('audit.tampered-token'));
    // "Invalid or expired tokens MUST receive a HTTP 401 response": anything else breaks a MUST.
    assert.equal(unexpected?.severity, 'error');
    assert.match(unexpected?.detail ?? '', /^The tampered token was answered 500\./);
    assert.deepEqual(untested?.params, { audience: FOREIGN_AUDIENCE, reason: phrase('audit.untested.token-request-failed'), cause: 'token.endpoint-insecure' });
    assert.match(untested?.detail ?? '', /: the token request could not be made \(see token\.endpoint-insecure\)\.$/);
  });

  it('reports a server that does not answer, instead of saying nothing', async () => {
    const { result, ids } = await audit({ server: { error: { kind: 'timeout', message: 'No complete answer within 300 ms.' } } });
    assert.deepEqual(ids, ['http.unreachable', 'audit.foreign-audience-untested']);
    assert.equal(result.findings[0]?.params?.kind, 'timeout');
    assert.equal(result.findings[0]?.evidence?.exchangeId, result.exchanges[0]?.id);
  });

  it('does not take a token for this server, spelled differently, for a foreign one', async () => {
    const serverUrl = 'https://MCP.Example.com:443/mcp';
    const transport = cannedTransport({
      [`POST ${serverUrl}`]: { body: { jsonrpc: '2.0', id: 1, result: {} } },
      [`POST ${TOKEN_ENDPOINT}`]: { headers: { 'cache-control': 'no-store' }, body: { access_token: jwt({ aud: `${SERVER}/` }), token_type: 'Bearer', expires_in: 60 } },
    });
    const { result } = await runOneStep('audit', transport, { serverUrl, audit: true }, flowData('rt-1'));
    assert.deepEqual(findingIds(result), ['audit.accepts-tampered-token', 'audit.foreign-audience-untested']);
    assert.equal(result.findings[1]?.params?.reason, phrase('audit.untested.same-audience'));
    assert.match(result.findings[1]?.detail ?? '', /: the token it issued does not name another audience, so it proves nothing\.$/);
    assert.deepEqual(transport.urls(), [`POST ${serverUrl}`, `POST ${TOKEN_ENDPOINT}`], 'the token for this server is not sent as a foreign one');
  });

  it('says why the audience check went untested when the authorization server refuses the other resource', async () => {
    const { result, ids } = await audit(
      { server: { status: 401, body: '' }, tokenEndpoint: { status: 400, body: { error: 'invalid_target' } } },
      'rt-1',
    );
    assert.deepEqual(ids, ['audit.rejects-tampered-token', 'audit.foreign-audience-untested']);
    assert.deepEqual(result.findings[1]?.params, {
      audience: FOREIGN_AUDIENCE,
      reason: phrase('audit.untested.refused'),
      error: 'invalid_target',
    });
    assert.match(result.findings[1]?.detail ?? '', /: the authorization server refused \(invalid_target\)\.$/);
  });
});
