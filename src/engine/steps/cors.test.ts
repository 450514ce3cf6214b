import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { BROWSER_CLIENT_ORIGIN, processCorsPreflight } from '../cors.js';
import type { FlowData } from '../flow-data.js';
import { authorizationServerData, cannedTransport, findingIds, requestHeader, runOneStep, type CannedAnswer } from '../test-kit.js';
import type { TransportRequest } from '../transport.js';

const SERVER = 'https://mcp.example.com/mcp';
const PRM = 'https://mcp.example.com/.well-known/oauth-protected-resource/mcp';
const ISSUER = 'https://auth.example.com';
const TOKEN = `${ISSUER}/token`;
const REGISTRATION = `${ISSUER}/register`;

const DATA: FlowData = {
  protectedResource: { metadataUrl: PRM, resource: SERVER, authorizationServers: [ISSUER], document: {} },
  authorizationServer: authorizationServerData({ issuer: ISSUER, token_endpoint: TOKEN, registration_endpoint: REGISTRATION }),
  probe: { status: 401, era: 'modern', challenges: [] },
};

/** A server that answers as a complete CORS setup would; `change` alters one answer. */
type Responder = (request: TransportRequest) => CannedAnswer;
const corsReady: Responder = (request) => {
  const cors = { 'access-control-allow-origin': '*' };
  if (request.method === 'OPTIONS') {
    const asked = requestHeader(request, 'access-control-request-headers');
    return { status: 204, headers: { ...cors, 'access-control-allow-methods': 'GET, POST, DELETE', ...(asked ? { 'access-control-allow-headers': asked } : {}) } };
  }
  if (request.url === SERVER) {
    return { status: 401, headers: { ...cors, 'access-control-expose-headers': 'WWW-Authenticate, Mcp-Session-Id, MCP-Protocol-Version', 'www-authenticate': `Bearer resource_metadata="${PRM}"` }, body: '' };
  }
  return { headers: cors, body: {} };
};

async function check(responder: Responder, data: FlowData = DATA) {
  const transport = cannedTransport(responder);
  const run = await runOneStep('cors', transport, { serverUrl: SERVER, cors: true }, data);
  return { ...run, transport, ids: findingIds(run.result) };
}

describe('cors', () => {
  it('is skipped unless asked for', async () => {
    const transport = cannedTransport(corsReady);
    const { result } = await runOneStep('cors', transport, { serverUrl: SERVER }, DATA);
    assert.equal(result.outcome.kind, 'skipped');
    assert.equal(transport.requests.length, 0);
  });

  it('preflights every endpoint and sends only the harmless requests', async () => {
    const { result, transport, ids } = await check(corsReady);
    assert.deepEqual(ids, ['cors.browser-ready']);
    assert.deepEqual(transport.urls(), [`OPTIONS ${PRM}`, PRM, `OPTIONS ${ISSUER}/.well-known/oauth-authorization-server`, `${ISSUER}/.well-known/oauth-authorization-server`, `OPTIONS ${REGISTRATION}`, `OPTIONS ${TOKEN}`, `OPTIONS ${SERVER}`, `POST ${SERVER}`]);
    for (const request of transport.requests) assert.equal(requestHeader(request, 'origin'), BROWSER_CLIENT_ORIGIN);
    const mcpPreflight = transport.requests[6];
    assert.equal(requestHeader(mcpPreflight, 'access-control-request-method'), 'POST');
    const asked = requestHeader(mcpPreflight, 'access-control-request-headers')?.split(',') ?? [];
    for (const name of ['authorization', 'content-type', 'mcp-protocol-version', 'mcp-method']) assert.ok(asked.includes(name), asked.join());
    assert.equal(requestHeader(transport.requests[7], 'authorization'), undefined, 'the MCP request goes without a token');
    assert.equal(requestHeader(transport.requests[4], 'access-control-request-headers'), 'content-type');

    const cors = result.data.cors;
    assert.equal(cors?.origin, BROWSER_CLIENT_ORIGIN);
    assert.deepEqual(cors?.endpoints.map((e) => [e.kind, e.originAllowed, e.preflightRequired]), [
      ['protected-resource-metadata', true, false],
      ['authorization-server-metadata', true, false],
      ['registration', true, true],
      ['token', true, false],
      ['mcp', true, true],
    ]);
    assert.deepEqual(cors?.endpoints[4]?.exposed, { 'www-authenticate': true, 'mcp-session-id': true, 'mcp-protocol-version': true });
  });

  it('says a server without any CORS is not ready for browsers, as information', async () => {
    const { ids, result } = await check((request) => (request.method === 'OPTIONS' ? { status: 405, body: '' } : request.url === SERVER ? { status: 401, body: '' } : { body: {} }));
    assert.deepEqual(ids, ['cors.not-browser-ready']);
    assert.equal(result.findings[0]?.severity, 'info');
    assert.equal(result.data.cors?.endpoints.every((e) => !e.originAllowed), true);
  });

  it('warns when the 401 hides WWW-Authenticate and the MCP headers', async () => {
    const { ids, result } = await check((request) => {
      const answer = corsReady(request);
      return request.url === SERVER && request.method === 'POST' ? { ...answer, headers: { 'access-control-allow-origin': '*', 'access-control-expose-headers': 'Content-Length' } } : answer;
    });
    assert.deepEqual(ids, ['cors.www-authenticate-not-exposed', 'cors.mcp-headers-not-exposed']);
    assert.ok(result.findings.every((f) => f.severity === 'warning'));
    assert.equal(result.findings[1]?.params?.headers, 'Mcp-Session-Id, MCP-Protocol-Version');
    assert.equal(result.findings[0]?.evidence?.exchangeId, result.data.cors?.endpoints[4]?.answer?.exchangeId);
  });

  it('warns about a failing preflight where the answer allows the origin', async () => {
    const { ids, result } = await check((request) => (request.method === 'OPTIONS' && request.url === SERVER ? { status: 401, body: '' } : corsReady(request)));
    assert.deepEqual(ids, ['cors.preflight-failed']);
    assert.equal(result.findings[0]?.params?.status, '401');
    assert.equal(result.findings[0]?.evidence?.exchangeId, result.data.cors?.endpoints[4]?.preflight.exchangeId);
  });

  it('warns about the token endpoint without CORS while the metadata has it', async () => {
    const { ids, result } = await check((request) => (request.url === TOKEN ? { status: 204, body: '' } : corsReady(request)));
    assert.deepEqual(ids, ['cors.origin-not-allowed']);
    assert.equal(result.findings[0]?.params?.url, TOKEN);
  });
});

describe('processCorsPreflight', () => {
  const input = { url: SERVER, origin: BROWSER_CLIENT_ORIGIN, method: 'POST', requestHeaders: ['authorization', 'content-type'] };
  it('does not let a wildcard cover Authorization', () => {
    const verdict = processCorsPreflight(input, { status: 204, headers: [['Access-Control-Allow-Origin', '*'], ['Access-Control-Allow-Headers', '*']] });
    assert.deepEqual(verdict.headersRefused, ['authorization']);
    assert.equal(verdict.passed, false);
  });
  it('wants the origin itself or *, and an ok status', () => {
    assert.equal(processCorsPreflight(input, { status: 204, headers: [['Access-Control-Allow-Origin', 'https://other.example'], ['Access-Control-Allow-Headers', 'Authorization, Content-Type']] }).passed, false);
    assert.equal(processCorsPreflight(input, { status: 401, headers: [['Access-Control-Allow-Origin', '*'], ['Access-Control-Allow-Headers', 'Authorization, Content-Type']] }).passed, false);
    assert.equal(processCorsPreflight(input, { status: 200, headers: [['Access-Control-Allow-Origin', BROWSER_CLIENT_ORIGIN], ['Access-Control-Allow-Headers', 'Authorization, Content-Type']] }).passed, true);
  });
});
