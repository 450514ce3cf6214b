import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { modernRequest, legacyRequest, initializeParams } from '../engine/mcp/request-metadata.js';
import type { ExchangeRequest } from '../engine/types.js';
import { decodeSentinel, explainMcpRequest } from './mcp-request.js';

const client = { name: 'mcp-auth-debugger', version: '0.1.0', capabilities: { elicitation: { form: {} } } };
const asSent = (input: ReturnType<typeof modernRequest>): ExchangeRequest => ({ method: input.method ?? 'GET', url: input.url, headers: input.headers ?? [], ...(input.body !== undefined ? { body: input.body } : {}) });

describe('explainMcpRequest', () => {
  it('reads a modern request: _meta and its mirror in the headers, Base64 values decoded', () => {
    const request = modernRequest({
      url: 'https://mcp.example.com/mcp',
      id: 3,
      method: 'tools/call',
      params: { name: 'wetter_zürich', arguments: { region: ' eu ' } },
      version: '2026-07-28',
      client,
      headers: [['authorization', 'Bearer t']],
      parameterHeaders: [['mcp-param-region', `=?base64?${btoa(' eu ')}?=`]],
    });
    const explained = explainMcpRequest(asSent(request));
    assert.equal(explained?.era, 'modern');
    assert.equal(explained?.method, 'tools/call');
    assert.equal(explained?.headerVersion, '2026-07-28');
    assert.equal(explained?.bodyVersion, '2026-07-28');
    assert.equal(explained?.headerMethod, 'tools/call');
    assert.equal(explained?.name?.decoded, 'wetter_zürich');
    assert.deepEqual(explained?.parameters, [{ header: 'mcp-param-region', value: `=?base64?${btoa(' eu ')}?=`, decoded: ' eu ' }]);
    assert.equal(explained?.clientInfo, 'mcp-auth-debugger 0.1.0');
    assert.deepEqual(explained?.capabilities, ['elicitation']);
  });

  it('reads a legacy initialize: the version in the body, no request metadata headers', () => {
    const request = legacyRequest({ url: 'https://mcp.example.com/mcp', id: 1, method: 'initialize', params: initializeParams('2025-11-25', client), headers: [] });
    const explained = explainMcpRequest(asSent(request));
    assert.equal(explained?.era, 'legacy');
    assert.equal(explained?.bodyVersion, '2025-11-25');
    assert.equal(explained?.headerVersion, undefined);
  });

  it('is undefined for what is not a JSON-RPC POST', () => {
    assert.equal(explainMcpRequest({ method: 'GET', url: 'https://x/', headers: [] }), undefined);
    assert.equal(explainMcpRequest({ method: 'POST', url: 'https://x/', headers: [], body: 'grant_type=x' }), undefined);
    assert.equal(explainMcpRequest({ method: 'POST', url: 'https://x/', headers: [], body: '{"a":1}' }), undefined);
  });

  it('decodes only well-formed Base64 sentinels', () => {
    assert.equal(decodeSentinel('=?base64?SGVsbG8sIOS4lueVjA==?='), 'Hello, 世界');
    assert.equal(decodeSentinel('plain'), undefined);
    assert.equal(decodeSentinel('=?base64?***?='), undefined);
  });
});
