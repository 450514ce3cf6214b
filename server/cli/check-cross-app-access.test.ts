/**
 * `check --grant cross-app-access` end to end over real sockets: an enterprise IdP that exchanges
 * the ID token for a signed ID-JAG, an authorization server that takes it as a jwt-bearer grant,
 * and an MCP server that wants the resulting token. Also the flag rules.
 */
import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { after, before, describe, it } from 'node:test';
import { generateKeyPair, jwtVerify, SignJWT } from 'jose';
import { runCli } from '../test-support/run-cli.js';
import type { CheckReport } from './report.js';
import { listenOnLoopback } from '../test-support/free-port.js';

async function readBody(request: IncomingMessage): Promise<string> {
  let body = '';
  for await (const chunk of request) body += String(chunk);
  return body;
}

function json(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  response.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store', ...headers });
  response.end(JSON.stringify(body));
}

/** One loopback server playing the MCP server (/mcp), its authorization server (/as) and the IdP (/idp). */
class EnterpriseSetup {
  private server?: Server;
  origin = '';
  readonly idpRequests: URLSearchParams[] = [];
  readonly asRequests: { body: URLSearchParams; authorization?: string }[] = [];
  private idpKey?: CryptoKey;
  private idpPublicKey?: CryptoKey;

  async start(): Promise<void> {
    const { privateKey, publicKey } = await generateKeyPair('ES256');
    this.idpKey = privateKey;
    this.idpPublicKey = publicKey;
    this.server = createServer((request, response) => {
      this.handle(request, response).catch((error: unknown) => json(response, 500, { error: 'server_error', error_description: String(error) }));
    });
    this.origin = `http://127.0.0.1:${await listenOnLoopback(this.server)}`;
  }

  close(): Promise<void> {
    return new Promise((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  async idToken(): Promise<string> {
    if (!this.idpKey) throw new Error('not started');
    return new SignJWT({ email: 'u1@example.com' })
      .setProtectedHeader({ alg: 'ES256' })
      .setIssuer(`${this.origin}/idp`)
      .setSubject('u1')
      .setAudience('idp-client')
      .setIssuedAt()
      .setExpirationTime('1h')
      .sign(this.idpKey);
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const path = new URL(request.url ?? '/', this.origin).pathname;
    if (path === '/.well-known/oauth-protected-resource/mcp') {
      return json(response, 200, { resource: `${this.origin}/mcp`, authorization_servers: [`${this.origin}/as`] });
    }
    if (path === '/.well-known/oauth-authorization-server/as') {
      return json(response, 200, {
        issuer: `${this.origin}/as`,
        token_endpoint: `${this.origin}/as/token`,
        grant_types_supported: ['urn:ietf:params:oauth:grant-type:jwt-bearer'],
        token_endpoint_auth_methods_supported: ['client_secret_basic'],
        authorization_grant_profiles_supported: ['urn:ietf:params:oauth:grant-profile:id-jag'],
      });
    }
    if (path === '/idp/token' && request.method === 'POST') return this.tokenExchange(new URLSearchParams(await readBody(request)), response);
    if (path === '/as/token' && request.method === 'POST') {
      const body = new URLSearchParams(await readBody(request));
      this.asRequests.push({ body, ...(request.headers.authorization ? { authorization: request.headers.authorization } : {}) });
      if (!this.idpPublicKey) throw new Error('not started');
      const { payload } = await jwtVerify(body.get('assertion') ?? '', this.idpPublicKey, { typ: 'oauth-id-jag+jwt', audience: `${this.origin}/as` });
      if (payload.resource !== `${this.origin}/mcp`) return json(response, 400, { error: 'invalid_grant' });
      return json(response, 200, { access_token: 'xaa-access-token', token_type: 'Bearer', expires_in: 3600 });
    }
    if (path === '/mcp' && request.method === 'POST') return this.mcp(request, response);
    response.writeHead(404).end();
  }

  private async tokenExchange(body: URLSearchParams, response: ServerResponse): Promise<void> {
    this.idpRequests.push(body);
    if (!this.idpKey || !this.idpPublicKey) throw new Error('not started');
    await jwtVerify(body.get('subject_token') ?? '', this.idpPublicKey, { audience: 'idp-client', issuer: `${this.origin}/idp` });
    const idJag = await new SignJWT({ resource: body.get('resource'), client_id: 'xaa-client' })
      .setProtectedHeader({ alg: 'ES256', typ: 'oauth-id-jag+jwt' })
      .setIssuer(`${this.origin}/idp`)
      .setSubject('u1')
      .setAudience(body.get('audience') ?? '')
      .setIssuedAt()
      .setExpirationTime('5m')
      .setJti('jti-1')
      .sign(this.idpKey);
    json(response, 200, { access_token: idJag, issued_token_type: 'urn:ietf:params:oauth:token-type:id-jag', token_type: 'N_A', expires_in: 300 });
  }

  private async mcp(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const message = JSON.parse((await readBody(request)) || '{}') as { id?: number; method?: string; params?: { protocolVersion?: string } };
    if (request.headers.authorization !== 'Bearer xaa-access-token') {
      response.writeHead(401, { 'www-authenticate': `Bearer resource_metadata="${this.origin}/.well-known/oauth-protected-resource/mcp"` });
      return void response.end();
    }
    if (message.id === undefined) return void response.writeHead(202).end();
    // A 2026-07-28 server (it answers the modern requests the debugger sends first) that also
    // takes the legacy handshake.
    const serverInfo = { name: 'xaa-test', version: '1.0.0' };
    const result =
      message.method === 'initialize'
        ? { protocolVersion: message.params?.protocolVersion ?? '2025-11-25', capabilities: { tools: {} }, serverInfo }
        : message.method === 'server/discover'
          ? { supportedVersions: ['2026-07-28'], capabilities: { tools: {} }, _meta: { 'io.modelcontextprotocol/serverInfo': serverInfo }, resultType: 'complete' }
          : { tools: [{ name: 'whoami', inputSchema: { type: 'object' } }], resultType: 'complete' };
    json(response, 200, { jsonrpc: '2.0', id: message.id, result });
  }
}

describe('check --grant cross-app-access', () => {
  const setup = new EnterpriseSetup();
  before(() => setup.start());
  after(() => setup.close());

  it('exchanges the ID token at the IdP, presents the ID-JAG to the authorization server and reaches the MCP server', async () => {
    const idToken = await setup.idToken();
    const { code, stdout, stderr } = await runCli(
      [
        'check',
        `${setup.origin}/mcp`,
        '--format',
        'json',
        '--grant',
        'cross-app-access',
        '--client-id',
        'xaa-client',
        '--idp-token-endpoint',
        `${setup.origin}/idp/token`,
        '--idp-client-id',
        'idp-client',
      ],
      { MCP_AUTH_DEBUGGER_CLIENT_SECRET: 'xaa-secret', MCP_AUTH_DEBUGGER_ID_TOKEN: idToken, MCP_AUTH_DEBUGGER_IDP_CLIENT_SECRET: 'idp-secret' },
    );
    const report = JSON.parse(stdout) as CheckReport;
    assert.deepEqual(report.outcome, { kind: 'completed' }, stderr);
    assert.deepEqual(report.tools.map((t) => t.name), ['whoami']);

    const exchange = setup.idpRequests[0];
    assert.ok(exchange);
    assert.equal(exchange.get('grant_type'), 'urn:ietf:params:oauth:grant-type:token-exchange');
    assert.equal(exchange.get('subject_token'), idToken);
    assert.equal(exchange.get('audience'), `${setup.origin}/as`);
    assert.equal(exchange.get('resource'), `${setup.origin}/mcp`);
    assert.equal(exchange.get('client_id'), 'idp-client');
    assert.equal(exchange.get('client_secret'), 'idp-secret');
    const grant = setup.asRequests[0];
    assert.equal(grant?.body.get('grant_type'), 'urn:ietf:params:oauth:grant-type:jwt-bearer');
    assert.equal(grant?.authorization, `Basic ${btoa('xaa-client:xaa-secret')}`);

    const ids = report.findings.map((f) => f.id);
    assert.ok(ids.includes('id-jag.received'));
    assert.deepEqual(report.findings.filter((f) => f.severity === 'error'), []);
    assert.equal(code, 0);
    // Neither the ID token nor the ID-JAG leaves the process in the (redacted) report.
    assert.ok(!stdout.includes(idToken));
    assert.doesNotMatch(stdout, /eyJ[\w-]+\.eyJ[\w-]+\.[\w-]+/);
  });

  it('asks for the IdP inputs the grant needs, and keeps them to that grant', async () => {
    const url = `${setup.origin}/mcp`;
    const missing = await runCli(['check', url, '--grant', 'cross-app-access']);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /--grant cross-app-access needs --idp-token-endpoint and --id-token/);

    const half = await runCli(['check', url, '--grant', 'cross-app-access', '--idp-token-endpoint', `${setup.origin}/idp/token`]);
    assert.equal(half.code, 2);
    assert.match(half.stderr, /--idp-token-endpoint and --id-token go together/);

    const stray = await runCli(['check', url, '--idp-client-id', 'x']);
    assert.equal(stray.code, 2);
    assert.match(stray.stderr, /belong to --grant cross-app-access/);

    const method = await runCli(['check', url, '--grant', 'cross-app-access', '--idp-token-endpoint', 'https://idp/token', '--id-token', 'x', '--idp-auth-method', 'private_key_jwt']);
    assert.equal(method.code, 2);
    assert.match(method.stderr, /--idp-auth-method must be one of client_secret_post, client_secret_basic/);
  });
});
