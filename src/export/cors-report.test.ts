import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CorsData, CorsEndpointCheck } from '../engine/flow-data.js';
import { corsMarkdown, corsReportRows } from './cors-report.js';

const ORIGIN = 'https://mcp-client.example';

const TOKEN_ENDPOINT: CorsEndpointCheck = {
  kind: 'token',
  url: 'https://as.example/token',
  method: 'POST',
  requestHeaders: [],
  preflightRequired: false,
  preflight: { exchangeId: 'ex1', verdict: { status: 200, originAllowed: false, methodAllowed: true, headersRefused: [], passed: false } },
  originAllowed: false,
};

/** Refuses its preflight and hides WWW-Authenticate. */
const MCP_ENDPOINT: CorsEndpointCheck = {
  kind: 'mcp',
  url: 'https://mcp.example/mcp',
  method: 'POST',
  requestHeaders: ['authorization', 'content-type'],
  preflightRequired: true,
  preflight: { exchangeId: 'ex2', verdict: { status: 401, allowOrigin: '*', originAllowed: true, methodAllowed: true, headersRefused: ['authorization'], passed: false } },
  answer: { exchangeId: 'ex3', verdict: { status: 401, allowOrigin: '*', originAllowed: true, exposedHeaders: ['mcp-session-id'] } },
  originAllowed: true,
  exposed: { 'www-authenticate': false, 'mcp-session-id': true, 'mcp-protocol-version': false },
};

describe('CORS report rows', () => {
  it("say per endpoint what stands in a browser client's way, in words", () => {
    const [token, mcp] = corsReportRows({ origin: ORIGIN, endpoints: [TOKEN_ENDPOINT, MCP_ENDPOINT] });
    assert.deepEqual(token, { kind: 'token', endpoint: 'Token endpoint', url: 'https://as.example/token', preflight: '✗ 200: origin not allowed (not needed)', allowOrigin: '✗ none (on the preflight)', ready: false });
    assert.equal(mcp?.preflight, '✗ 401: status 401; headers not allowed: authorization');
    assert.equal(mcp?.allowOrigin, '✓ *');
    assert.deepEqual(mcp?.exposes, { 'www-authenticate': '✗ hidden', 'mcp-session-id': '✓ exposed', 'mcp-protocol-version': '✗ hidden' });
    assert.equal(mcp?.ready, false);
  });

  it('render as a Markdown table whose cells a server cannot break', () => {
    const hostile: CorsData = { origin: ORIGIN, endpoints: [{ ...MCP_ENDPOINT, url: 'https://mcp.example/mcp|<b>' }] };
    const escape = (value: string) => value.replace(/[|<>]/g, (c) => `\\${c}`);
    assert.deepEqual(corsMarkdown(hostile, escape), [
      '## CORS for browser-based clients',
      '',
      'Asked as a page on https://mcp-client.example would.',
      '',
      '| Endpoint | Preflight | Access-Control-Allow-Origin | Exposes WWW-Authenticate | Exposes Mcp-Session-Id | Exposes MCP-Protocol-Version |',
      '| --- | --- | --- | --- | --- | --- |',
      '| MCP endpoint: https://mcp.example/mcp\\|\\<b\\> | ✗ 401: status 401; headers not allowed: authorization | ✓ * | ✗ hidden | ✓ exposed | ✗ hidden |',
      '',
    ]);
  });
});
