import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { authorizationServerData, cannedTransport, requestHeader, runOneStep } from '../../src/engine/test-kit.js';
import { buildJunitReport } from './report.js';
import { corsJunitProperties, formatCors } from './format-cors.js';
import { createStyle } from './terminal.js';

const SERVER = 'https://mcp.example.com/mcp';
const PRM = 'https://mcp.example.com/.well-known/oauth-protected-resource/mcp';

/** A run of the cors step against a server whose MCP endpoint hides WWW-Authenticate from pages. */
async function corsSession() {
  const transport = cannedTransport((request) => {
    const cors = { 'access-control-allow-origin': '*' };
    if (request.method === 'OPTIONS') return { status: 204, headers: { ...cors, 'access-control-allow-headers': requestHeader(request, 'access-control-request-headers') ?? '' } };
    if (request.url === SERVER) return { status: 401, headers: { ...cors, 'access-control-expose-headers': 'Mcp-Session-Id' }, body: '' };
    return { headers: cors, body: {} };
  });
  const data = {
    protectedResource: { metadataUrl: PRM, resource: SERVER, authorizationServers: ['https://as.example.com'], document: {} },
    authorizationServer: authorizationServerData({ issuer: 'https://as.example.com', token_endpoint: 'https://as.example.com/token' }),
    probe: { status: 401, era: 'modern' as const, challenges: [] },
  };
  return (await runOneStep('cors', transport, { serverUrl: SERVER, cors: true }, data)).session;
}

describe('the CORS section of the reports', () => {
  it('prints one line per endpoint with its verdicts in words, and nothing without the check', async () => {
    const session = await corsSession();
    assert.deepEqual(formatCors(session, createStyle(false)), [
      'CORS as a page on https://mcp-client.example would see it',
      '  ✓ Protected resource metadata  https://mcp.example.com/.well-known/oauth-protected-resource/mcp',
      '      preflight ✓ 204 (not needed) · Allow-Origin ✓ *',
      '  ✓ Authorization server metadata  https://as.example.com/.well-known/oauth-authorization-server',
      '      preflight ✓ 204 (not needed) · Allow-Origin ✓ *',
      '  ✓ Token endpoint  https://as.example.com/token',
      '      preflight ✓ 204 (not needed) · Allow-Origin ✓ * (on the preflight)',
      '  ✗ MCP endpoint  https://mcp.example.com/mcp',
      '      preflight ✓ 204 · Allow-Origin ✓ * · exposes WWW-Authenticate ✗, Mcp-Session-Id ✓, MCP-Protocol-Version ✗',
      '',
    ]);
    assert.deepEqual(formatCors({ ...session, data: {} }, createStyle(false)), []);
  });

  it('adds a JUnit property per endpoint', async () => {
    const session = await corsSession();
    assert.deepEqual(corsJunitProperties(session).at(-1), ['cors.mcp', 'preflight ✓ 204; Allow-Origin ✓ *; hidden WWW-Authenticate MCP-Protocol-Version']);
    const junit = buildJunitReport(session);
    assert.match(junit, /<property name="cors.protected-resource-metadata" value="ready"\/>/);
    assert.match(junit, /<property name="cors.mcp" value="preflight ✓ 204; Allow-Origin ✓ \*; hidden WWW-Authenticate MCP-Protocol-Version"\/>/);
  });
});
