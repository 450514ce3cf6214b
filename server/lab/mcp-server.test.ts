import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { AUDIT_AUDIENCE_PATH } from './demo-realm.js';
import { startLab, type Lab } from './index.js';
import {
  asRecord,
  authorizeWithAutoConsent,
  callAddNumbers,
  clientCredentialsToken,
  INITIALIZE,
  jsonRpcMessage,
  mcpPost,
  modernPost,
  MODERN_VERSION,
  stringField,
  tamperWithPayload,
} from './lab-test-client.js';

describe('MCP server', () => {
  let lab: Lab;
  let accessToken: string;
  before(async () => {
    lab = await startLab({ autoConsent: true });
    accessToken = stringField((await authorizeWithAutoConsent(lab)).tokens, 'access_token');
  });
  after(() => lab.close());

  const metadataUrl = (): string => `${new URL(lab.mcpUrl).origin}/.well-known/oauth-protected-resource/mcp`;

  test('answers an unauthenticated request with 401 and a Bearer challenge pointing at its metadata', async () => {
    const response = await mcpPost(lab, undefined, INITIALIZE);
    assert.equal(response.status, 401);
    // RFC 6750 §3.1: no error code when the request carried no credentials.
    assert.equal(response.headers.get('www-authenticate'), `Bearer resource_metadata="${metadataUrl()}", scope="mcp:tools"`);
  });

  test('serves RFC 9728 metadata at the path-aware well-known URL', async () => {
    const response = await fetch(metadataUrl());
    assert.equal(response.status, 200);
    assert.deepEqual(asRecord(await response.json()), {
      resource: lab.mcpUrl,
      authorization_servers: [lab.issuer],
      scopes_supported: ['mcp:tools'],
      bearer_methods_supported: ['header'],
      dpop_signing_alg_values_supported: ['ES256', 'ES384', 'ES512', 'RS256', 'PS256', 'EdDSA'],
      resource_name: 'MCP Resource Server',
    });
  });

  test('speaks 2026-07-28: server/discover, then lists the tutorial tools and adds 2 + 3, statelessly', async () => {
    const discovered = await modernPost(lab, accessToken, 'server/discover');
    assert.equal(discovered.status, 200);
    assert.match(discovered.headers.get('content-type') ?? '', /^application\/json/);
    assert.equal(discovered.headers.get('mcp-session-id'), null);
    const discover = asRecord(asRecord(await discovered.json()).result);
    assert.ok(Array.isArray(discover.supportedVersions) && discover.supportedVersions.includes(MODERN_VERSION));
    assert.equal(asRecord(asRecord(discover._meta)['io.modelcontextprotocol/serverInfo']).name, 'MCP Resource Server');

    const listed = await modernPost(lab, accessToken, 'tools/list', {}, 2);
    const tools = asRecord(asRecord(await listed.json()).result).tools;
    assert.ok(Array.isArray(tools));
    assert.deepEqual(tools.map((tool) => asRecord(tool).name).sort(), ['add_numbers', 'multiply_numbers']);

    const called = await callAddNumbers(lab, accessToken, 2, 3);
    assert.equal(called.status, 200);
    const result = asRecord(asRecord(await called.json()).result);
    assert.equal(asRecord(result.structuredContent).result, 5);
    assert.ok(Array.isArray(result.content));
    assert.deepEqual(JSON.parse(stringField(asRecord(result.content[0]), 'text')), { operation: 'addition', operand_a: 2, operand_b: 3, result: 5 });
  });

  test('speaks the legacy protocol on the same endpoint: initialize, then tools/list in that session', async () => {
    const initialized = await mcpPost(lab, accessToken, INITIALIZE);
    assert.equal(initialized.status, 200);
    const init = await jsonRpcMessage(initialized);
    assert.equal(asRecord(init.result).protocolVersion, '2025-06-18');
    assert.equal(asRecord(asRecord(init.result).serverInfo).name, 'MCP Resource Server');
    const listed = await jsonRpcMessage(await mcpPost(lab, accessToken, { jsonrpc: '2.0', id: 2, method: 'tools/list' }));
    const tools = asRecord(listed.result).tools;
    assert.ok(Array.isArray(tools) && tools.length === 2);
  });

  test('GET (no SSE stream in stateless mode) is 405 once authenticated', async () => {
    const unauthenticated = await fetch(lab.mcpUrl, { headers: { accept: 'text/event-stream' } });
    assert.equal(unauthenticated.status, 401);
    const response = await fetch(lab.mcpUrl, { headers: { accept: 'text/event-stream', authorization: `Bearer ${accessToken}` } });
    assert.equal(response.status, 405);
    assert.equal(response.headers.get('allow'), 'POST');
  });

  test('refuses a token without the mcp:tools scope with 403 insufficient_scope', async () => {
    const token = await clientCredentialsToken(lab, lab.mcpUrl, '');
    const response = await mcpPost(lab, token, INITIALIZE);
    assert.equal(response.status, 403);
    const challenge = response.headers.get('www-authenticate') ?? '';
    assert.match(challenge, /error="insufficient_scope"/);
    assert.match(challenge, /scope="mcp:tools"/);
    assert.ok(challenge.includes(`resource_metadata="${metadataUrl()}"`));
  });

  test('refuses a genuine token issued for another audience', async () => {
    const token = await clientCredentialsToken(lab, `${new URL(lab.mcpUrl).origin}${AUDIT_AUDIENCE_PATH}`);
    const response = await mcpPost(lab, token, INITIALIZE);
    assert.equal(response.status, 401);
    assert.match(response.headers.get('www-authenticate') ?? '', /error="invalid_token"/);
  });

  test('refuses a token whose payload was changed after signing', async () => {
    const response = await mcpPost(lab, tamperWithPayload(accessToken, { sub: 'mallory' }), INITIALIZE);
    assert.equal(response.status, 401);
    assert.match(response.headers.get('www-authenticate') ?? '', /error="invalid_token", error_description="token signature is invalid"/);
  });

  test('refuses a token that is not a JWT', async () => {
    const response = await mcpPost(lab, 'not-a-token', INITIALIZE);
    assert.equal(response.status, 401);
    assert.match(response.headers.get('www-authenticate') ?? '', /resource_metadata=/);
  });
});
