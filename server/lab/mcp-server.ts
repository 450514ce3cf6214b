/**
 * The lab's MCP server: the tutorial's "MCP Resource Server" (tools `add_numbers` and
 * `multiply_numbers`) built with the TypeScript SDK, stateless Streamable HTTP with JSON
 * responses, protected as an OAuth 2.1 resource server:
 *
 * - 401 with `WWW-Authenticate: Bearer resource_metadata="…", scope="mcp:tools"` (RFC 6750 §3,
 *   RFC 9728 §5.1) when no token is sent;
 * - RFC 9728 metadata at the path-aware well-known URL of the MCP endpoint;
 * - JWT access tokens checked by `access-token-verifier.ts`, scope by the SDK's
 *   `requireBearerAuth` (403 `insufficient_scope`).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { metadataHandler } from '@modelcontextprotocol/sdk/server/auth/handlers/metadata.js';
import { requireBearerAuth } from '@modelcontextprotocol/sdk/server/auth/middleware/bearerAuth.js';
import { getOAuthProtectedResourceMetadataUrl } from '@modelcontextprotocol/sdk/server/auth/router.js';
import { createMcpExpressApp } from '@modelcontextprotocol/sdk/server/express.js';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import type { OAuthProtectedResourceMetadata } from '@modelcontextprotocol/sdk/shared/auth.js';
import type { NextFunction, Request, Response } from 'express';
import { z } from 'zod';
import { createAccessTokenVerifier } from './access-token-verifier.js';
import { MCP_PATH, MCP_SCOPE } from './demo-realm.js';
import type { ActiveFaults } from './faults.js';
import type { BoundServer } from './http-listener.js';

export interface McpResourceServerOptions {
  bound: BoundServer;
  host: string;
  /** `http://host:port` of `bound`. */
  origin: string;
  issuer: string;
  jwksUri: string;
  faults: ActiveFaults;
  log: (line: string) => void;
}

export interface McpResourceServer {
  mcpUrl: string;
  resourceMetadataUrl: string;
}

/** The tutorial's FastMCP server, tool for tool. */
function buildMcpServer(): McpServer {
  const server = new McpServer(
    { name: 'MCP Resource Server', version: '1.0.0' },
    { instructions: 'Resource server that accepts only access tokens issued for it by the lab authorization server.' },
  );

  // The tutorial's tools also return a timestamp; it is left out so recorded sessions of
  // the same run compare equal.
  server.registerTool(
    'add_numbers',
    {
      description: 'Add two numbers together. Requires OAuth.',
      inputSchema: { a: z.number(), b: z.number() },
      outputSchema: { operation: z.literal('addition'), operand_a: z.number(), operand_b: z.number(), result: z.number() },
    },
    ({ a, b }) => {
      const result = { operation: 'addition' as const, operand_a: a, operand_b: b, result: a + b };
      return { content: [{ type: 'text', text: JSON.stringify(result) }], structuredContent: result };
    },
  );

  server.registerTool(
    'multiply_numbers',
    {
      description: 'Multiply two numbers together. Requires OAuth.',
      inputSchema: { x: z.number(), y: z.number() },
      outputSchema: { operation: z.literal('multiplication'), operand_x: z.number(), operand_y: z.number(), result: z.number() },
    },
    ({ x, y }) => {
      const result = { operation: 'multiplication' as const, operand_x: x, operand_y: y, result: x * y };
      return { content: [{ type: 'text', text: JSON.stringify(result) }], structuredContent: result };
    },
  );

  return server;
}

/** Fault `probe.missing-www-authenticate`: every 401 leaves without its challenge. */
function dropChallengeFrom401(_req: Request, res: Response, next: NextFunction): void {
  const writeHead = res.writeHead.bind(res);
  // Node writes headers through writeHead even when the handler only calls end(), so this
  // sees every 401, whoever set the header.
  res.writeHead = ((...args: Parameters<typeof writeHead>) => {
    if (args[0] === 401) res.removeHeader('WWW-Authenticate');
    return writeHead(...args);
  }) as typeof res.writeHead;
  next();
}

export function createMcpResourceServer(options: McpResourceServerOptions): McpResourceServer {
  const { bound, host, origin, issuer, jwksUri, faults, log } = options;
  const mcpUrl = `${origin}${MCP_PATH}`;
  const resourceMetadataUrl = getOAuthProtectedResourceMetadataUrl(new URL(mcpUrl));

  const metadata: OAuthProtectedResourceMetadata = {
    resource: faults.has('prm.resource-mismatch') ? `${origin}/other` : mcpUrl,
    authorization_servers: [issuer],
    // MCP spec (Refresh Tokens): resources SHOULD NOT list offline_access.
    scopes_supported: [MCP_SCOPE],
    bearer_methods_supported: ['header'],
    resource_name: 'MCP Resource Server',
  };

  const verifier = createAccessTokenVerifier({
    issuer,
    jwksUri,
    audience: mcpUrl,
    checkAudience: !faults.has('audit.accepts-foreign-audience'),
    checkSignature: !faults.has('audit.accepts-tampered-token'),
    log,
  });

  // createMcpExpressApp adds the SDK's Host-header check (DNS rebinding) for loopback hosts.
  const app = createMcpExpressApp({ host });
  app.disable('x-powered-by');

  // mcpAuthMetadataRouter would also publish the AS metadata on this origin and derives the
  // mount path from `resource`, which fault prm.resource-mismatch changes; so only its
  // handler is used, at the RFC 9728 §3.1 path-aware URL of the MCP endpoint.
  app.use(new URL(resourceMetadataUrl).pathname, metadataHandler(metadata));

  if (faults.has('probe.missing-www-authenticate')) app.use(MCP_PATH, dropChallengeFrom401);

  // RFC 6750 §3.1: a request without credentials gets a challenge with no error code. The
  // SDK's middleware would answer `error="invalid_token"`, so this case is answered first.
  app.use(MCP_PATH, (req: Request, res: Response, next: NextFunction) => {
    if (req.headers.authorization !== undefined) {
      next();
      return;
    }
    res.set('WWW-Authenticate', `Bearer resource_metadata="${resourceMetadataUrl}", scope="${MCP_SCOPE}"`);
    res.status(401).json({ error_description: 'A bearer token is required; see the WWW-Authenticate header.' });
  });

  app.use(MCP_PATH, requireBearerAuth({ verifier, requiredScopes: [MCP_SCOPE], resourceMetadataUrl }));

  app.post(MCP_PATH, async (req: Request, res: Response) => {
    // Stateless: a server and transport per request, nothing shared between requests.
    const server = buildMcpServer();
    const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined, enableJsonResponse: true });
    res.on('close', () => {
      void transport.close();
      void server.close();
    });
    try {
      await server.connect(transport);
      await transport.handleRequest(req, res, req.body);
    } catch (error) {
      log(`MCP request failed: ${error instanceof Error ? error.message : String(error)}`);
      if (!res.headersSent) {
        res.status(500).json({ jsonrpc: '2.0', error: { code: -32603, message: 'Internal server error' }, id: null });
      }
    }
  });

  // No sessions, so no standalone SSE stream to GET and nothing to DELETE.
  app.all(MCP_PATH, (_req: Request, res: Response) => {
    res.set('Allow', 'POST');
    res.status(405).json({ jsonrpc: '2.0', error: { code: -32000, message: 'Method not allowed: this server is stateless and answers POST only.' }, id: null });
  });

  bound.setHandler((req: IncomingMessage, res: ServerResponse) => {
    app(req, res);
  });

  return { mcpUrl, resourceMetadataUrl };
}
