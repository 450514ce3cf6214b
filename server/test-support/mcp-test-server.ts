/**
 * A real MCP server for tests, behind a tiny bearer check, on 127.0.0.1 and an ephemeral port.
 * Its era is chosen per test: `dual` (SDK v2, 2026-07-28 and the legacy handshake on one
 * endpoint), `modern` (SDK v2 refusing legacy requests), `legacy` (SDK 1.x, stateless) or
 * `legacy-stateful` (SDK 1.x with sessions and the standalone GET stream, which never ends).
 *
 * Tokens are base64url JSON `{ "scope": "..." }`: the server reads the granted scopes without an
 * authorization server. Every request is remembered with its JSON-RPC method and headers.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { TestContext } from 'node:test';
import { McpServer as LegacyMcpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { acceptedContent, createMcpHandler, fromJsonSchema, inputRequired, McpServer, type JsonSchemaType } from '@modelcontextprotocol/server';
import { z } from 'zod';
import { listenOnLoopback } from './free-port.js';

export type TestServerEra = 'dual' | 'modern' | 'legacy' | 'legacy-stateful';

export interface McpTestServerSetup {
  era?: TestServerEra;
  /** Which requests need `mcp:tools`: every request, or only tools/call. */
  scopeFor?: 'all' | 'tools/call';
  /** Answer every POST with an HTML page. */
  notMcp?: boolean;
  /** Answer this JSON-RPC method with a JSON-RPC error (HTTP 200). */
  rpcErrorFor?: string;
  /** No bearer check at all: a server that needs no authorization. */
  open?: boolean;
}

export interface SeenRequest {
  method: string;
  authorization?: string;
  rpcMethod?: string;
  headers: IncomingMessage['headers'];
  body?: unknown;
}

/** A token the test server accepts, granting `scope`. */
export const testToken = (scope: string) => Buffer.from(JSON.stringify({ scope })).toString('base64url');

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

/** `region` is mirrored into Mcp-Param-Region by modern clients. */
const REGIONAL_SCHEMA: JsonSchemaType = {
  type: 'object',
  properties: { region: { type: 'string', 'x-mcp-header': 'Region' }, note: { type: 'string' } },
  required: ['region'],
} as JsonSchemaType;

function buildModernServer(): McpServer {
  const server = new McpServer({ name: 'test-mcp', version: '1.2.3' });
  server.registerTool('add_numbers', { description: 'Adds two numbers', inputSchema: z.object({ a: z.number(), b: z.number() }) }, ({ a, b }) => ({
    content: [{ type: 'text', text: String(a + b) }],
  }));
  server.registerTool('always_fails', { description: 'Fails' }, () => ({ isError: true, content: [{ type: 'text', text: 'disk full' }] }));
  server.registerTool('regional', { description: 'Runs in a region', inputSchema: fromJsonSchema(REGIONAL_SCHEMA) }, (args) => ({
    content: [{ type: 'text', text: `region ${String((args as { region?: unknown }).region)}` }],
  }));
  server.registerTool('confirm_first', { description: 'Asks for a confirmation first', inputSchema: z.object({ action: z.string() }) }, ({ action }, ctx) => {
    const schema = z.object({ confirmed: z.boolean() });
    const answer = acceptedContent(ctx.mcpReq.inputResponses, 'confirm', schema);
    if (!answer) {
      return inputRequired({ inputRequests: { confirm: inputRequired.elicit({ message: `Really ${action}?`, requestedSchema: schema }) }, requestState: 'state-1' });
    }
    return { content: [{ type: 'text', text: `${action}: confirmed=${answer.confirmed}` }] };
  });
  return server;
}

function buildLegacyServer(): LegacyMcpServer {
  const server = new LegacyMcpServer({ name: 'test-mcp', version: '1.2.3' });
  server.registerTool('add_numbers', { description: 'Adds two numbers', inputSchema: { a: z.number(), b: z.number() } }, async ({ a, b }) => ({
    content: [{ type: 'text', text: String(a + b) }],
  }));
  server.registerTool('always_fails', { description: 'Fails' }, async () => ({ isError: true, content: [{ type: 'text', text: 'disk full' }] }));
  return server;
}

async function readBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    if (error instanceof SyntaxError) return text;
    throw error;
  }
}

export async function startMcpTestServer(t: TestContext, setup: McpTestServerSetup = {}) {
  const era = setup.era ?? 'dual';
  const seen: SeenRequest[] = [];
  const sessions = new Map<string, StreamableHTTPServerTransport>();
  const modern = era === 'dual' || era === 'modern' ? createMcpHandler(buildModernServer, { legacy: era === 'modern' ? 'reject' : 'stateless' }) : undefined;

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = req.method === 'POST' ? await readBody(req) : undefined;
    const rpcMethod = typeof body === 'object' && body !== null && 'method' in body && typeof body.method === 'string' ? body.method : undefined;
    seen.push({ method: req.method ?? '', headers: req.headers, body, ...(req.headers.authorization ? { authorization: req.headers.authorization } : {}), ...(rpcMethod ? { rpcMethod } : {}) });

    const metadataUrl = `http://${req.headers.host}/.well-known/oauth-protected-resource/mcp`;
    if (!setup.open) {
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
        res.writeHead(403, { 'www-authenticate': `Bearer error="insufficient_scope", scope="mcp:tools", resource_metadata="${metadataUrl}"` }).end();
        return;
      }
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

    if (modern) {
      const headers = new Headers();
      for (const [name, value] of Object.entries(req.headers)) {
        if (Array.isArray(value)) for (const item of value) headers.append(name, item);
        else if (value !== undefined) headers.set(name, value);
      }
      const request = new Request(`http://${req.headers.host}${req.url}`, { method: req.method ?? 'GET', headers, ...(req.method === 'POST' ? { body: JSON.stringify(body ?? null) } : {}) });
      const response = await modern.fetch(request, req.method === 'POST' ? { parsedBody: body } : {});
      res.writeHead(response.status, Object.fromEntries(response.headers));
      res.end(Buffer.from(await response.arrayBuffer()));
      return;
    }
    if (era === 'legacy-stateful') {
      const sessionId = req.headers['mcp-session-id'];
      let transport = typeof sessionId === 'string' ? sessions.get(sessionId) : undefined;
      if (!transport) {
        transport = new StreamableHTTPServerTransport({
          sessionIdGenerator: () => randomUUID(),
          onsessioninitialized: (id) => {
            if (transport) sessions.set(id, transport);
          },
        });
        await buildLegacyServer().connect(transport);
      }
      await transport.handleRequest(req, res, body);
      return;
    }
    if (req.method !== 'POST') {
      res.writeHead(405, { allow: 'POST' }).end();
      return;
    }
    const server = buildLegacyServer();
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
      if (!res.headersSent) res.writeHead(500);
      res.end(String(error));
    });
  });
  const port = await listenOnLoopback(http);
  t.after(async () => {
    for (const transport of sessions.values()) await transport.close();
    await modern?.close();
    http.closeAllConnections();
    await new Promise((resolve) => http.close(resolve));
  });
  return { url: `http://127.0.0.1:${port}/mcp`, seen };
}
