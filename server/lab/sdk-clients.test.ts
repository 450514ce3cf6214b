/**
 * The clean lab is a reference that real clients can use: the MCP SDK's own clients, v1
 * (@modelcontextprotocol/sdk, 2025-11-25) and v2 (@modelcontextprotocol/client, 2026-07-28 with
 * the legacy fallback), each registers dynamically for the scope it selects, authorizes through
 * the lab (auto-consent), gets a token, connects, lists the tools and adds 2 + 3.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { Client as ClientV2, StreamableHTTPClientTransport as TransportV2 } from '@modelcontextprotocol/client';
import { Client as ClientV1 } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport as TransportV1 } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { startLab, type Lab } from './index.js';
import { CookieJar, followRedirects } from './lab-test-client.js';

const REDIRECT_URI = 'http://127.0.0.1:6274/oauth/callback';

/**
 * What both SDKs ask of an OAuth client provider, kept in memory; the authorization URL the SDK
 * wants the user sent to is remembered, and the test follows it as the user's browser would.
 */
class InMemoryOAuthProvider {
  readonly redirectUrl = REDIRECT_URI;
  readonly clientMetadata = {
    client_name: 'SDK client against the lab',
    redirect_uris: [REDIRECT_URI],
    grant_types: ['authorization_code', 'refresh_token'],
    response_types: ['code'],
    token_endpoint_auth_method: 'none',
  };
  authorizationUrl: URL | undefined;
  registrations: Record<string, unknown>[] = [];
  #client: Record<string, unknown> | undefined;
  #tokens: Record<string, unknown> | undefined;
  #verifier = '';
  // The SDKs' types differ in detail between v1 and v2; the shapes they pass are plain JSON.
  clientInformation = () => this.#client as never;
  saveClientInformation = (information: Record<string, unknown>) => {
    this.#client = information;
    this.registrations.push(information);
  };
  tokens = () => this.#tokens as never;
  saveTokens = (tokens: Record<string, unknown>) => {
    this.#tokens = tokens;
  };
  redirectToAuthorization = (url: URL) => {
    this.authorizationUrl = url;
  };
  saveCodeVerifier = (verifier: string) => {
    this.#verifier = verifier;
  };
  codeVerifier = () => this.#verifier;
}

/** The user's browser: the lab signs the demo user in by itself and sends it back with a code. */
async function authorizationCode(provider: InMemoryOAuthProvider): Promise<URLSearchParams> {
  assert.ok(provider.authorizationUrl, 'the SDK asked to send the user to the authorization server');
  const { callbackUrl } = await followRedirects({ url: provider.authorizationUrl.href }, new CookieJar(), REDIRECT_URI);
  assert.ok(callbackUrl, 'the lab sent the browser back with a code');
  const params = new URL(callbackUrl).searchParams;
  assert.ok(params.get('code'));
  return params;
}

/** What either SDK's client must manage with the lab: its two tools, and add_numbers(2, 3) = 5. */
async function listsAndAdds(client: {
  listTools(): Promise<{ tools: { name: string }[] }>;
  callTool(params: { name: string; arguments: Record<string, unknown> }): Promise<unknown>;
}): Promise<void> {
  assert.deepEqual((await client.listTools()).tools.map((tool) => tool.name).sort(), ['add_numbers', 'multiply_numbers']);
  const result = (await client.callTool({ name: 'add_numbers', arguments: { a: 2, b: 3 } })) as { structuredContent?: { result?: number } };
  assert.equal(result.structuredContent?.result, 5);
}

describe('the MCP SDK clients against the clean lab', () => {
  let lab: Lab;
  before(async () => {
    lab = await startLab({ autoConsent: true });
  });
  after(() => lab.close());

  test('SDK v1 (2025-11-25): registers, authorizes, connects with initialize, adds 2 + 3', async () => {
    const provider = new InMemoryOAuthProvider();
    const first = new TransportV1(new URL(lab.mcpUrl), { authProvider: provider as never });
    await assert.rejects(new ClientV1({ name: 'sdk-v1', version: '1.0.0' }).connect(first), /Unauthorized/);
    const params = await authorizationCode(provider);
    await first.finishAuth(params.get('code') ?? '');
    const client = new ClientV1({ name: 'sdk-v1', version: '1.0.0' });
    await client.connect(new TransportV1(new URL(lab.mcpUrl), { authProvider: provider as never }));
    try {
      // The lab's registration accepted the scope the SDK selected and asked for.
      assert.match(String(provider.registrations[0]?.scope ?? ''), /mcp:tools/);
      await listsAndAdds(client);
    } finally {
      await client.close();
    }
  });

  test('SDK v2 (2026-07-28, era negotiated): registers, authorizes, connects statelessly, adds 2 + 3', async () => {
    const provider = new InMemoryOAuthProvider();
    const options = { versionNegotiation: { mode: 'auto' as const } };
    const first = new TransportV2(new URL(lab.mcpUrl), { authProvider: provider as never });
    await assert.rejects(new ClientV2({ name: 'sdk-v2', version: '2.0.0' }, options).connect(first));
    const params = await authorizationCode(provider);
    await first.finishAuth(params);
    const client = new ClientV2({ name: 'sdk-v2', version: '2.0.0' }, options);
    await client.connect(new TransportV2(new URL(lab.mcpUrl), { authProvider: provider as never }));
    try {
      assert.equal(client.getProtocolEra(), 'modern');
      assert.equal(client.getNegotiatedProtocolVersion(), '2026-07-28');
      assert.match(String(provider.registrations[0]?.scope ?? ''), /mcp:tools/);
      await listsAndAdds(client);
    } finally {
      await client.close();
    }
  });
});
