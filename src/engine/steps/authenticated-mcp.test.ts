import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, it, type TestContext } from 'node:test';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { z } from 'zod';
import { createFetchTransport } from '../fetch-transport.js';
import type { FlowData } from '../flow-data.js';
import { defaultFlowOptions, type FlowOptions } from '../options.js';
import { allFindings, createSession, runFlow } from '../session.js';
import { ok, skipped, type StepDefinition } from '../step.js';
import { findingIds, runOneStep } from '../test-kit.js';
import type { StepId } from '../types.js';

/** Tokens of the test server: the granted scopes, readable by the server without an authorization server. */
const tokenFor = (scope: string) => Buffer.from(JSON.stringify({ scope })).toString('base64url');

function scopesOf(token: string): string[] | undefined {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
    if (typeof parsed === 'object' && parsed !== null && 'scope' in parsed && typeof parsed.scope === 'string') return parsed.scope.split(' ');
    return undefined;
  } catch (error) {
    if (error instanceof SyntaxError) return undefined;
    throw error;
  }
}

interface ServerSetup {
  /** Keep sessions (and so serve the standalone GET stream, which never ends). */
  stateful?: boolean;
  /** Which requests need `mcp:tools`: every request, or only tools/call. */
  scopeFor?: 'all' | 'tools/call';
  /** Answer every POST with an HTML page. */
  notMcp?: boolean;
  /** Answer this JSON-RPC method with a JSON-RPC error. */
  rpcErrorFor?: string;
}

interface SeenRequest {
  method: string;
  authorization?: string;
  rpcMethod?: string;
}

function buildMcpServer(): McpServer {
  const server = new McpServer({ name: 'test-mcp', version: '1.2.3' });
  server.registerTool(
    'add_numbers',
    { description: 'Adds two numbers', inputSchema: { a: z.number(), b: z.number() } },
    async ({ a, b }) => ({ content: [{ type: 'text', text: String(a + b) }] }),
  );
  server.registerTool('always_fails', { description: 'Fails' }, async () => ({ isError: true, content: [{ type: 'text', text: 'disk full' }] }));
  return server;
}

async function readBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  return text ? JSON.parse(text) : undefined;
}

/** A real MCP server (the SDK's) behind a tiny bearer check, on 127.0.0.1 and an ephemeral port. */
async function startMcpServer(t: TestContext, setup: ServerSetup = {}) {
  const seen: SeenRequest[] = [];
  const sessions = new Map<string, StreamableHTTPServerTransport>();

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = req.method === 'POST' ? await readBody(req) : undefined;
    const rpcMethod = typeof body === 'object' && body !== null && 'method' in body && typeof body.method === 'string' ? body.method : undefined;
    seen.push({ method: req.method ?? '', ...(req.headers.authorization ? { authorization: req.headers.authorization } : {}), ...(rpcMethod ? { rpcMethod } : {}) });

    const metadataUrl = `http://${req.headers.host}/.well-known/oauth-protected-resource/mcp`;
    const auth = /^Bearer (.+)$/.exec(req.headers.authorization ?? '');
    if (!auth?.[1]) {
      res.writeHead(401, { 'www-authenticate': `Bearer resource_metadata="${metadataUrl}"` }).end();
      return;
    }
    const scopes = scopesOf(auth[1]);
    if (!scopes) {
      res.writeHead(401, { 'www-authenticate': 'Bearer error="invalid_token", error_description="Token audience mismatch"' }).end();
      return;
    }
    const needsScope = (setup.scopeFor ?? 'all') === 'all' || rpcMethod === 'tools/call';
    if (needsScope && !scopes.includes('mcp:tools')) {
      res
        .writeHead(403, { 'www-authenticate': `Bearer error="insufficient_scope", scope="mcp:tools", resource_metadata="${metadataUrl}"` })
        .end();
      return;
    }
    if (setup.rpcErrorFor && rpcMethod === setup.rpcErrorFor) {
      const id = typeof body === 'object' && body !== null && 'id' in body ? body.id : null;
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ jsonrpc: '2.0', id, error: { code: -32603, message: 'backend down' } }));
      return;
    }
    if (setup.notMcp) {
      res.writeHead(200, { 'content-type': 'text/html' }).end('<html><body>Welcome</body></html>');
      return;
    }

    if (setup.stateful) {
      const sessionId = req.headers['mcp-session-id'];
      let transport = typeof sessionId === 'string' ? sessions.get(sessionId) : undefined;
      if (!transport) {
        transport = new StreamableHTTPServerTransport({
          sessionIdGenerator: () => randomUUID(),
          onsessioninitialized: (id) => {
            if (transport) sessions.set(id, transport);
          },
        });
        await buildMcpServer().connect(transport);
      }
      await transport.handleRequest(req, res, body);
      return;
    }
    if (req.method !== 'POST') {
      res.writeHead(405, { allow: 'POST' }).end();
      return;
    }
    const server = buildMcpServer();
    const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
    res.on('close', () => {
      void transport.close();
      void server.close();
    });
    await server.connect(transport);
    await transport.handleRequest(req, res, body);
  }

  const http = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      res.writeHead(500).end(String(error));
    });
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  t.after(async () => {
    for (const transport of sessions.values()) await transport.close();
    http.closeAllConnections();
    await new Promise((resolve) => http.close(resolve));
  });
  const { port } = http.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/mcp`, seen };
}

interface StepSetup {
  token: string;
  grantedScope?: string;
  options?: Partial<FlowOptions>;
  data?: Partial<FlowData>;
}

async function useToken(url: string, setup: StepSetup) {
  const data: FlowData = {
    tokens: { accessToken: setup.token, tokenType: 'Bearer', receivedAt: new Date().toISOString(), grant: 'authorization_code', ...(setup.grantedScope ? { scope: setup.grantedScope } : {}) },
    ...setup.data,
  };
  const started = Date.now();
  const run = await runOneStep('authenticated-mcp', createFetchTransport(), { serverUrl: url, timeoutMs: 5_000, ...setup.options }, data);
  return { ...run, elapsedMs: Date.now() - started };
}

const header = (headers: [string, string][], name: string) => headers.find(([n]) => n.toLowerCase() === name)?.[1];

describe('authenticated-mcp against a real MCP server', () => {
  it('initializes, lists the tools and calls one with the Bearer token on every request', async (t) => {
    const server = await startMcpServer(t);
    const token = tokenFor('mcp:tools');
    const { result, session } = await useToken(server.url, { token, options: { toolCall: { name: 'add_numbers', arguments: { a: 2, b: 3 } } } });

    assert.deepEqual(result.outcome, { kind: 'ok' });
    assert.deepEqual(findingIds(result), ['mcp.connected']);
    const mcp = session.data.mcp;
    assert.ok(mcp);
    assert.equal(mcp.serverInfo?.name, 'test-mcp');
    assert.ok(mcp.protocolVersion);
    assert.deepEqual(mcp.tools?.map((tool) => tool.name), ['add_numbers', 'always_fails']);
    const add = mcp.tools?.find((tool) => tool.name === 'add_numbers');
    assert.deepEqual(Object.keys((add?.inputSchema.properties as Record<string, unknown> | undefined) ?? {}), ['a', 'b']);
    assert.deepEqual(mcp.toolCalls[0]?.result, { content: [{ type: 'text', text: '5' }] });
    assert.equal(mcp.stepUps, 0);
    assert.ok('stepUpScope' in result.data && result.data.stepUpScope === undefined);

    assert.deepEqual(
      result.exchanges.map((e) => e.label),
      ['MCP initialize', 'MCP notifications/initialized', 'MCP tools/list', 'MCP tools/call'],
    );
    for (const exchange of result.exchanges) assert.equal(header(exchange.request.headers, 'authorization'), `Bearer ${token}`);
    assert.ok(server.seen.every((r) => r.authorization === `Bearer ${token}`));
    assert.ok(!JSON.stringify(result.findings).includes(token));
  });

  it('does not wait on a standalone GET stream and ends the session', async (t) => {
    const server = await startMcpServer(t, { stateful: true });
    const { result, elapsedMs } = await useToken(server.url, { token: tokenFor('mcp:tools'), options: { timeoutMs: 4_000 } });
    assert.deepEqual(result.outcome, { kind: 'ok' });
    assert.ok(elapsedMs < 3_000, `took ${elapsedMs} ms`);
    assert.deepEqual(
      result.exchanges.map((e) => `${e.request.method} ${e.response?.status}`),
      ['POST 200', 'POST 202', 'POST 200', 'DELETE 200'],
    );
    assert.ok(server.seen.every((r) => r.method !== 'GET'));
    assert.ok(header(result.exchanges[3]?.request.headers ?? [], 'mcp-session-id'));
  });

  it('reports a rejected token with the challenge error', async (t) => {
    const server = await startMcpServer(t);
    const { result } = await useToken(server.url, { token: 'not-a-token-this-server-knows' });
    assert.deepEqual(findingIds(result), ['mcp.token-rejected']);
    const finding = result.findings[0];
    assert.equal(finding?.params?.error, 'invalid_token');
    assert.equal(finding?.params?.operation, 'initialize');
    assert.match(finding?.params?.challenge ?? '', /Token audience mismatch/);
    assert.equal(finding?.evidence?.exchangeId, result.exchanges[0]?.id);
    assert.deepEqual(result.outcome, { kind: 'failed', reason: 'The MCP server rejected the access token (invalid_token).', findingId: 'mcp.token-rejected' });
  });

  it('steps up on 403 insufficient_scope at tools/call', async (t) => {
    const server = await startMcpServer(t, { scopeFor: 'tools/call' });
    const { result, session } = await useToken(server.url, {
      token: tokenFor('mcp:read'),
      grantedScope: 'mcp:read',
      options: { toolCall: { name: 'add_numbers', arguments: { a: 2, b: 3 } } },
    });
    assert.deepEqual(result.outcome, { kind: 'ok' });
    assert.deepEqual(findingIds(result), ['mcp.insufficient-scope']);
    assert.deepEqual(result.findings[0]?.params, { operation: 'tools/call', scope: 'mcp:tools', attempt: '1', max: '2' });
    assert.equal(session.data.stepUpScope, 'mcp:tools');
    assert.equal(session.data.mcp?.stepUps, 1);
    assert.equal(session.data.mcp?.tools?.length, 2);
    assert.equal(session.next, 'authorization-request');
  });

  it('stops when the step-up limit is reached', async (t) => {
    const server = await startMcpServer(t);
    const { result, session } = await useToken(server.url, {
      token: tokenFor('mcp:read'),
      grantedScope: 'mcp:read',
      data: { mcp: { toolCalls: [], stepUps: 2 }, stepUpScope: 'mcp:tools' },
    });
    assert.deepEqual(findingIds(result), ['mcp.step-up-limit']);
    assert.equal(result.outcome.kind, 'failed');
    assert.equal(session.data.stepUpScope, undefined);
    assert.equal(session.status.kind, 'stopped');
  });

  it('stops when the server demands a scope the token was granted', async (t) => {
    const server = await startMcpServer(t);
    const { result } = await useToken(server.url, { token: tokenFor('mcp:read'), grantedScope: 'mcp:read mcp:tools' });
    assert.deepEqual(findingIds(result), ['mcp.step-up-no-progress']);
    assert.equal(result.findings[0]?.params?.granted, 'mcp:read mcp:tools');
  });

  it('reports a tool result with isError and goes on', async (t) => {
    const server = await startMcpServer(t);
    const { result, session } = await useToken(server.url, { token: tokenFor('mcp:tools'), options: { toolCall: { name: 'always_fails', arguments: {} } } });
    assert.deepEqual(findingIds(result), ['mcp.tool-error', 'mcp.connected']);
    assert.equal(result.findings[0]?.params?.message, 'disk full');
    assert.equal(result.outcome.kind, 'ok');
    assert.equal(session.data.mcp?.toolCalls[0]?.name, 'always_fails');
  });

  it('reports arguments the tool refuses as a tool error', async (t) => {
    const server = await startMcpServer(t);
    const { result } = await useToken(server.url, { token: tokenFor('mcp:tools'), options: { toolCall: { name: 'add_numbers', arguments: { a: 'two' } } } });
    assert.deepEqual(findingIds(result), ['mcp.tool-error', 'mcp.connected']);
    assert.match(result.findings[0]?.params?.message ?? '', /Input validation error/);
    assert.equal(result.outcome.kind, 'ok');
  });

  it('reports a tools/call JSON-RPC error and goes on', async (t) => {
    const server = await startMcpServer(t, { rpcErrorFor: 'tools/call' });
    const { result, session } = await useToken(server.url, { token: tokenFor('mcp:tools'), options: { toolCall: { name: 'add_numbers', arguments: { a: 2, b: 3 } } } });
    assert.deepEqual(findingIds(result), ['mcp.tool-call-failed', 'mcp.connected']);
    assert.deepEqual(result.findings[0]?.params, { tool: 'add_numbers', message: 'MCP error -32603: backend down' });
    assert.equal(result.findings[0]?.evidence?.exchangeId, result.exchanges.at(-1)?.id);
    assert.equal(session.data.mcp?.toolCalls[0]?.error, 'MCP error -32603: backend down');
    assert.equal(result.outcome.kind, 'ok');
  });

  it('stops on a JSON-RPC error to initialize', async (t) => {
    const server = await startMcpServer(t, { rpcErrorFor: 'initialize' });
    const { result } = await useToken(server.url, { token: tokenFor('mcp:tools') });
    assert.deepEqual(findingIds(result), ['mcp.request-failed']);
    assert.equal(result.findings[0]?.params?.operation, 'initialize');
    assert.equal(result.outcome.kind, 'failed');
  });

  it('says when the endpoint does not speak MCP', async (t) => {
    const server = await startMcpServer(t, { notMcp: true });
    const { result } = await useToken(server.url, { token: tokenFor('mcp:tools') });
    assert.deepEqual(findingIds(result), ['mcp.not-mcp']);
    assert.equal(result.findings[0]?.params?.contentType, 'text/html');
    assert.equal(result.outcome.kind, 'failed');
  });

  it('reports an unreachable server', async () => {
    const { result } = await useToken('http://127.0.0.1:9/mcp', { token: tokenFor('mcp:tools') });
    assert.deepEqual(findingIds(result), ['http.unreachable']);
    assert.equal(result.outcome.kind, 'failed');
  });
});

describe('authenticated-mcp: the step-up loop through runFlow', () => {
  /** Earlier steps stubbed: an authorization server that grants what is asked, within `grantable`. */
  function stubSteps(grantable: string[]): Partial<Record<StepId, StepDefinition>> {
    const stub = (id: StepId, run: StepDefinition['run']): [StepId, StepDefinition] => [id, { id, run }];
    return Object.fromEntries([
      stub('probe', async () => ok({ probe: { status: 401, challenges: [], challengeScope: 'mcp:read' } })),
      stub('protected-resource-metadata', async () => ok()),
      stub('authorization-server-metadata', async () => ok()),
      stub('client-registration', async () => ok()),
      stub('authorization-request', async (ctx) => {
        const previous = ctx.data.authorizationRequest?.scope ?? ctx.data.probe?.challengeScope ?? '';
        const scope = [...new Set(`${previous} ${ctx.data.stepUpScope ?? ''}`.split(' ').filter(Boolean))].join(' ');
        return ok({
          authorizationRequest: { url: 'x', state: 's', codeVerifier: 'v', codeChallenge: 'c', redirectUri: 'r', scope, expectedIssuer: 'i' },
        });
      }),
      stub('authorization-response', async () => ok({ authorizationResponse: { callbackUrl: 'r?code=c', code: 'c' } })),
      stub('token-request', async (ctx) => {
        const granted = (ctx.data.authorizationRequest?.scope ?? '').split(' ').filter((s) => grantable.includes(s)).join(' ');
        return ok({ tokens: { accessToken: tokenFor(granted), tokenType: 'Bearer', receivedAt: 'now', scope: granted, grant: 'authorization_code' } });
      }),
      stub('token-inspection', async () => ok()),
      stub('refresh', async () => skipped('stub')),
      stub('audit', async () => skipped('stub')),
    ]);
  }

  it('authorizes again with the wider scope and then completes', async (t) => {
    const server = await startMcpServer(t, { scopeFor: 'tools/call' });
    const options = defaultFlowOptions(server.url, { timeoutMs: 5_000, toolCall: { name: 'add_numbers', arguments: { a: 2, b: 3 } } });
    const session = await runFlow(createSession(options), { transport: createFetchTransport(), steps: stubSteps(['mcp:read', 'mcp:tools']) });

    assert.deepEqual(session.status, { kind: 'completed' });
    assert.deepEqual(
      session.results.map((r) => r.stepId).slice(4),
      [
        'authorization-request',
        'authorization-response',
        'token-request',
        'token-inspection',
        'authenticated-mcp',
        'authorization-request',
        'authorization-response',
        'token-request',
        'token-inspection',
        'authenticated-mcp',
        'refresh',
        'audit',
      ],
    );
    assert.equal(session.data.authorizationRequest?.scope, 'mcp:read mcp:tools');
    assert.equal(session.data.stepUpScope, undefined);
    assert.equal(session.data.mcp?.stepUps, 1);
    assert.deepEqual(session.data.mcp?.toolCalls[0]?.result, { content: [{ type: 'text', text: '5' }] });
    assert.deepEqual(
      allFindings(session).map((f) => f.id),
      ['mcp.insufficient-scope', 'mcp.connected'],
    );
  });

  it('gives up after maxStepUps when the authorization server never grants the scope', async (t) => {
    const server = await startMcpServer(t);
    const options = defaultFlowOptions(server.url, { timeoutMs: 5_000, maxStepUps: 2 });
    const session = await runFlow(createSession(options), { transport: createFetchTransport(), steps: stubSteps(['mcp:read']) });

    assert.equal(session.status.kind, 'stopped');
    assert.equal(session.status.kind === 'stopped' ? session.status.findingId : undefined, 'mcp.step-up-limit');
    assert.equal(session.results.filter((r) => r.stepId === 'authenticated-mcp').length, 3);
    assert.deepEqual(
      allFindings(session).map((f) => f.id),
      ['mcp.insufficient-scope', 'mcp.insufficient-scope', 'mcp.step-up-limit'],
    );
    assert.equal(session.data.stepUpScope, undefined);
  });
});
