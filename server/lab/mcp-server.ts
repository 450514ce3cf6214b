/**
 * The lab's MCP server: the tutorial's "MCP Resource Server" (tools `add_numbers` and
 * `multiply_numbers`) built with the TypeScript SDK v2, which serves both eras on one endpoint:
 * 2026-07-28 requests (with `_meta` and the request metadata headers) statelessly, the legacy
 * `initialize` handshake statelessly too. Two faults narrow it to one era
 * (`mcp.legacy-only-server`, `mcp.modern-only-server`). It is protected as an OAuth 2.1
 * resource server:
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
import type { OAuthProtectedResourceMetadata } from '@modelcontextprotocol/sdk/shared/auth.js';
import { createMcpHandler, legacyStatelessFallback, McpServer, type AuthInfo } from '@modelcontextprotocol/server';
import type { NextFunction, Request, Response } from 'express';
import { z } from 'zod';
import { applyCors, MCP_CORS } from './cors.js';
import { createAccessTokenVerifier } from './access-token-verifier.js';
import { createDpopProofCheck } from './dpop-proof-check.js';
import { MCP_PATH, MCP_SCOPE } from './demo-realm.js';
import type { ActiveFaults, LabFaultId } from './faults.js';
import type { BoundServer } from './http-listener.js';
import { createLegacySessions } from './legacy-sessions.js';

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
      inputSchema: z.object({ a: z.number(), b: z.number() }),
      outputSchema: z.object({ operation: z.literal('addition'), operand_a: z.number(), operand_b: z.number(), result: z.number() }),
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
      inputSchema: z.object({ x: z.number(), y: z.number() }),
      outputSchema: z.object({ operation: z.literal('multiplication'), operand_x: z.number(), operand_y: z.number(), result: z.number() }),
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

/**
 * What a misconfigured server publishes instead of `clean`, with the faults on now:
 * `prm.resource-mismatch` names another resource, `prm.resource-missing` none,
 * `prm.no-authorization-servers` drops the list, `prm.invalid-field` gives scopes_supported as a
 * string, `prm.header-bearer-method-missing` offers the form body only.
 * @see https://www.rfc-editor.org/rfc/rfc9728#section-2
 */
function publishedMetadata(clean: OAuthProtectedResourceMetadata, otherResource: string, faults: ActiveFaults): Record<string, unknown> {
  const { resource, authorization_servers, scopes_supported, bearer_methods_supported, ...rest } = clean;
  return {
    ...(faults.has('prm.resource-missing') ? {} : { resource: faults.has('prm.resource-mismatch') ? otherResource : resource }),
    ...(faults.has('prm.no-authorization-servers') ? {} : { authorization_servers }),
    // A space-separated string, as in the scope parameter, where RFC 9728 §2 wants a JSON array.
    scopes_supported: faults.has('prm.invalid-field') ? scopes_supported?.join(' ') : scopes_supported,
    bearer_methods_supported: faults.has('prm.header-bearer-method-missing') ? ['body'] : bearer_methods_supported,
    ...rest,
  };
}

/**
 * A refusal of tools/list and tools/call after the token passed. Fault `mcp.forbidden`: a bare
 * 403 from a role check of the server's own. Fault `mcp.insufficient-scope-without-scope`: the
 * RFC 6750 §3.1 insufficient_scope error without the `scope` a client would step up to.
 */
function refuseTools(refusal: { challenge?: string; body: Record<string, string> }) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const body: unknown = req.body;
    const method = typeof body === 'object' && body !== null && 'method' in body ? body.method : undefined;
    if (typeof method !== 'string' || !method.startsWith('tools/')) {
      next();
      return;
    }
    if (refusal.challenge !== undefined) res.set('WWW-Authenticate', refusal.challenge);
    res.status(403).json(refusal.body);
  };
}

type ResultRewrite = (result: Record<string, unknown>) => Record<string, unknown>;

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

const omit = (record: Record<string, unknown>, name: string): Record<string, unknown> => Object.fromEntries(Object.entries(record).filter(([key]) => key !== name));

/**
 * Fault `mcp.result-type-missing`: results leave without the `resultType` that 2026-07-28
 * requires, as from a server written for an earlier revision.
 * @see https://modelcontextprotocol.io/specification/2026-07-28/basic/index#resulttype
 */
const withoutResultType: ResultRewrite = (result) => omit(result, 'resultType');

/** Fault `mcp.discover-no-server-info`: server/discover names no server (no serverInfo in `_meta`). */
const withoutServerInfo: ResultRewrite = (result) => (isRecord(result._meta) ? { ...result, _meta: omit(result._meta, 'io.modelcontextprotocol/serverInfo') } : result);

function rewriteMessage(json: string, rewrite: ResultRewrite): string {
  const message: unknown = JSON.parse(json);
  return isRecord(message) && isRecord(message.result) ? JSON.stringify({ ...message, result: rewrite(message.result) }) : json;
}

/** The results of an answer sent as JSON or as an SSE stream (whose data lines are JSON-RPC messages), rewritten. */
function rewriteResults(body: string, contentType: string, rewrite: ResultRewrite): string {
  if (contentType.startsWith('application/json')) return rewriteMessage(body, rewrite);
  if (!contentType.startsWith('text/event-stream')) return body;
  return body
    .split('\n')
    .map((line) => {
      const data = line.startsWith('data:') ? line.slice('data:'.length).trim() : '';
      // A priming event carries no data, so nothing to rewrite.
      return data === '' ? line : `data: ${rewriteMessage(data, rewrite)}`;
    })
    .join('\n');
}

/** Fault `audit.accepts-query-token`: `?access_token=` stands in for a missing Authorization header. */
function tokenFromQuery(req: Request, _res: Response, next: NextFunction): void {
  const token = new URL(req.originalUrl, 'http://lab.invalid').searchParams.get('access_token');
  if (token && req.headers.authorization === undefined) req.headers.authorization = `Bearer ${token}`;
  next();
}

/** Fault `audit.challenge-without-invalid-token`: a refused token gets a challenge that names no error. */
function challengeWithoutError(resourceMetadataUrl: string) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const writeHead = res.writeHead.bind(res);
    res.writeHead = ((...args: Parameters<typeof writeHead>) => {
      if (args[0] === 401 && req.headers.authorization !== undefined) res.setHeader('WWW-Authenticate', `Bearer realm="mcp", resource_metadata="${resourceMetadataUrl}"`);
      return writeHead(...args);
    }) as typeof res.writeHead;
    next();
  };
}

/**
 * Fault `audit.challenge-without-resource-metadata`: a refused token gets a challenge that names
 * the error but no longer points at the resource metadata (RFC 9728 §5.1).
 */
function challengeWithoutResourceMetadata(req: Request, res: Response, next: NextFunction): void {
  const writeHead = res.writeHead.bind(res);
  res.writeHead = ((...args: Parameters<typeof writeHead>) => {
    if (args[0] === 401 && req.headers.authorization !== undefined) res.setHeader('WWW-Authenticate', 'Bearer error="invalid_token", error_description="The access token is invalid"');
    return writeHead(...args);
  }) as typeof res.writeHead;
  next();
}

/**
 * Faults on the SDK's refusal of a token without the needed scope (403 insufficient_scope with
 * `scope`): `audit.insufficient-scope-not-403` answers it as an invalid token (401), as servers
 * that know one refusal do; `audit.insufficient-scope-without-scope` leaves the scope out.
 */
function rewriteScopeRefusal(rewrite: 'as-401' | 'without-scope', resourceMetadataUrl: string) {
  return (_req: Request, res: Response, next: NextFunction): void => {
    const writeHead = res.writeHead.bind(res);
    res.writeHead = ((...args: Parameters<typeof writeHead>) => {
      const challenge = res.getHeader('WWW-Authenticate');
      if (args[0] === 403 && typeof challenge === 'string' && challenge.includes('error="insufficient_scope"')) {
        if (rewrite === 'without-scope') res.setHeader('WWW-Authenticate', challenge.replace(/,\s*scope="[^"]*"/, ''));
        else {
          args[0] = 401;
          res.statusCode = 401;
          res.setHeader('WWW-Authenticate', `Bearer error="invalid_token", error_description="The access token lacks a required scope", resource_metadata="${resourceMetadataUrl}"`);
        }
      }
      return writeHead(...args);
    }) as typeof res.writeHead;
    next();
  };
}

/** Fault `audit.error-leaks-internals`: a refused token is answered with the verifier's stack trace. */
function stackTraceIn401(req: Request, res: Response, next: NextFunction): void {
  const json = res.json.bind(res);
  res.json = ((body: unknown) => {
    if (res.statusCode !== 401 || req.headers.authorization === undefined) return json(body);
    const stack = [
      'JsonWebTokenError: invalid signature',
      '    at verifyAccessToken (/srv/mcp-resource-server/src/auth/verify.ts:41:13)',
      '    at requireBearerAuth (/srv/mcp-resource-server/node_modules/@modelcontextprotocol/sdk/dist/esm/server/auth/middleware/bearerAuth.js:25:34)',
    ].join('\n');
    return json({ ...(typeof body === 'object' && body !== null ? body : {}), stack });
  }) as typeof res.json;
  next();
}

export function createMcpResourceServer(options: McpResourceServerOptions): McpResourceServer {
  const { bound, host, origin, issuer, jwksUri, faults, log } = options;
  const mcpUrl = `${origin}${MCP_PATH}`;
  const resourceMetadataUrl = getOAuthProtectedResourceMetadataUrl(new URL(mcpUrl));

  const metadataFor = (resource: string): OAuthProtectedResourceMetadata => ({
    resource,
    authorization_servers: [issuer],
    // MCP spec (Refresh Tokens): resources SHOULD NOT list offline_access.
    scopes_supported: [MCP_SCOPE],
    bearer_methods_supported: ['header'],
    // RFC 9728 §2: DPoP is accepted (not required); a bound token needs its proof.
    dpop_signing_alg_values_supported: ['ES256', 'ES384', 'ES512', 'RS256', 'PS256', 'EdDSA'],
    resource_name: 'MCP Resource Server',
  });
  // One SDK handler per document served (the faults combine into a few), built on first use.
  // The SDK's handler only serialises the document; the faulty ones break its type on purpose.
  const cleanMetadata = metadataFor(mcpUrl);
  const metadataHandlers = new Map<string, ReturnType<typeof metadataHandler>>();
  const metadataHandlerNow = () => {
    const document = publishedMetadata(cleanMetadata, `${origin}/other`, faults);
    const key = JSON.stringify(document);
    let handler = metadataHandlers.get(key);
    if (handler === undefined) {
      handler = metadataHandler(document as OAuthProtectedResourceMetadata);
      metadataHandlers.set(key, handler);
    }
    return handler;
  };

  const dpopProofCheck = createDpopProofCheck({ mcpUrl, resourceMetadataUrl, log });
  const verifier = createAccessTokenVerifier({
    issuer,
    jwksUri,
    audience: mcpUrl,
    // Read at every verification, so the audit faults can be switched while the lab runs.
    policy: () => ({
      checkAudience: !faults.has('audit.accepts-foreign-audience'),
      checkSignature: !faults.has('audit.accepts-tampered-token'),
      acceptApiKeys: faults.has('audit.accepts-malformed-token'),
      trustEmbeddedKeys: faults.has('audit.accepts-untrusted-issuer'),
    }),
    fullScope: MCP_SCOPE,
    log,
  });

  // createMcpExpressApp adds the SDK's Host-header check (DNS rebinding) for loopback hosts.
  const app = createMcpExpressApp({ host });
  app.disable('x-powered-by');

  // mcpAuthMetadataRouter would also publish the AS metadata on this origin and derives the
  // mount path from `resource`, which fault prm.resource-mismatch changes; so only its
  // handler is used, at the RFC 9728 §3.1 path-aware URL of the MCP endpoint.
  app.use(new URL(resourceMetadataUrl).pathname, (req: Request, res: Response, next: NextFunction) => {
    // Fault prm.not-found: the route is missing, so the request ends in Express's own 404.
    if (faults.has('prm.not-found')) next();
    else metadataHandlerNow()(req, res, next);
  });

  // CORS first, so a preflight is answered before anything asks for a token.
  app.use(MCP_PATH, (req: Request, res: Response, next: NextFunction) => {
    if (!applyCors(req, res, MCP_CORS, faults)) next();
  });

  // Each fault middleware is always mounted and asks the fault set at every request.
  const whenFault = (id: LabFaultId, middleware: (req: Request, res: Response, next: NextFunction) => void) =>
    (req: Request, res: Response, next: NextFunction): void => {
      if (faults.has(id)) middleware(req, res, next);
      else next();
    };
  app.use(MCP_PATH, whenFault('probe.missing-www-authenticate', dropChallengeFrom401));
  app.use(MCP_PATH, whenFault('audit.accepts-query-token', tokenFromQuery));
  app.use(MCP_PATH, whenFault('audit.challenge-without-invalid-token', challengeWithoutError(resourceMetadataUrl)));
  app.use(MCP_PATH, whenFault('audit.error-leaks-internals', stackTraceIn401));
  app.use(MCP_PATH, whenFault('audit.challenge-without-resource-metadata', challengeWithoutResourceMetadata));
  app.use(MCP_PATH, whenFault('audit.insufficient-scope-not-403', rewriteScopeRefusal('as-401', resourceMetadataUrl)));
  app.use(MCP_PATH, whenFault('audit.insufficient-scope-without-scope', rewriteScopeRefusal('without-scope', resourceMetadataUrl)));

  // Fault audit.session-without-token: a request with the id of an open session is served
  // without a token, as if the session had authenticated it.
  const legacySessions = createLegacySessions(() => buildMcpServer(), (error) => log(`MCP session closed with an error: ${error.message}`));
  const sessionIdOf = (req: Request): string | undefined => {
    const value = req.headers['mcp-session-id'];
    return typeof value === 'string' ? value : undefined;
  };
  app.use(
    MCP_PATH,
    whenFault('audit.session-without-token', (req: Request, res: Response, next: NextFunction) => {
      if (req.headers.authorization === undefined && legacySessions.has(sessionIdOf(req))) void serve(req, res, legacySessions.fetch);
      else next();
    }),
  );

  // Fault probe.no-bearer-challenge: a proxy's Basic challenge stands in for the server's.
  // Fault probe.no-challenge-scope leaves the scope out. Fault probe.malformed-www-authenticate
  // leaves the quotes out: a URL and "mcp:tools" hold characters a token cannot (RFC 9110 §11.2).
  const challengeNow = (): string => {
    if (faults.has('probe.no-bearer-challenge')) return 'Basic realm="mcp", charset="UTF-8"';
    if (faults.has('probe.malformed-www-authenticate')) return `Bearer resource_metadata=${resourceMetadataUrl}, scope=${MCP_SCOPE}`;
    const scope = faults.has('probe.no-challenge-scope') ? '' : `, scope="${MCP_SCOPE}"`;
    return `Bearer resource_metadata="${resourceMetadataUrl}"${scope}`;
  };

  // RFC 6750 §3.1: a request without credentials gets a challenge with no error code. The
  // SDK's middleware would answer `error="invalid_token"`, so this case is answered first.
  app.use(MCP_PATH, (req: Request, res: Response, next: NextFunction) => {
    if (req.headers.authorization !== undefined) {
      next();
      return;
    }
    res.set('WWW-Authenticate', challengeNow());
    res.status(401).json({ error_description: 'A bearer token is required; see the WWW-Authenticate header.' });
  });

  app.use(MCP_PATH, (req: Request, res: Response, next: NextFunction) => {
    dpopProofCheck(req, res, next).catch(next);
  });
  // Fault audit.accepts-insufficient-scope: the scope the challenge asks for is never checked.
  const withScope = requireBearerAuth({ verifier, requiredScopes: [MCP_SCOPE], resourceMetadataUrl });
  const withoutScope = requireBearerAuth({ verifier, requiredScopes: [], resourceMetadataUrl });
  app.use(MCP_PATH, (req: Request, res: Response, next: NextFunction) => {
    (faults.has('audit.accepts-insufficient-scope') ? withoutScope : withScope)(req, res, next);
  });
  app.use(MCP_PATH, whenFault('mcp.forbidden', refuseTools({ body: { error: 'forbidden', error_description: 'Your account has no role that grants the tools.' } })));
  app.use(
    MCP_PATH,
    whenFault(
      'mcp.insufficient-scope-without-scope',
      refuseTools({
        challenge: `Bearer error="insufficient_scope", error_description="The tools need more scope", resource_metadata="${resourceMetadataUrl}"`,
        body: { error: 'insufficient_scope', error_description: 'The tools need more scope.' },
      }),
    ),
  );

  // One handler for every request to the endpoint: the SDK routes by era (a request with
  // `_meta` is modern, initialize and its session are legacy) and answers GET and DELETE with
  // 405 (stateless in both eras). The faults narrow it to one era.
  const factory = () => buildMcpServer();
  const onError = (error: Error) => log(`MCP request refused: ${error.message}`);
  const legacyOnly = legacyStatelessFallback(factory, onError);
  const modernOnly = createMcpHandler(factory, { legacy: 'reject', onerror: onError }).fetch;
  const bothEras = createMcpHandler(factory, { legacy: 'stateless', onerror: onError }).fetch;
  const handlerNow = () => (faults.has('mcp.legacy-only-server') ? legacyOnly : faults.has('mcp.modern-only-server') ? modernOnly : bothEras);

  /** With fault audit.session-without-token, initialize opens a session and its id continues it. */
  const keepsSession = (req: Request): boolean => {
    if (!faults.has('audit.session-without-token')) return false;
    const body: unknown = req.body;
    return legacySessions.has(sessionIdOf(req)) || (isRecord(body) && body.method === 'initialize');
  };

  app.all(MCP_PATH, (req: Request, res: Response) => serve(req, res, keepsSession(req) ? legacySessions.fetch : handlerNow()));

  async function serve(req: Request, res: Response, handler: (request: globalThis.Request, options: { authInfo?: AuthInfo; parsedBody?: unknown }) => Promise<globalThis.Response>): Promise<void> {
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) {
      if (Array.isArray(value)) for (const item of value) headers.append(name, item);
      else if (value !== undefined) headers.set(name, value);
    }
    const hasBody = req.method === 'POST';
    const request = new Request(`${origin}${req.originalUrl}`, { method: req.method, headers, ...(hasBody ? { body: JSON.stringify(req.body ?? null) } : {}) });
    // `req.auth` is what requireBearerAuth verified; the SDK passes it to the tools as is.
    const auth = (req as Request & { auth?: AuthInfo }).auth;
    try {
      const response = await handler(request, { ...(auth ? { authInfo: auth } : {}), ...(hasBody ? { parsedBody: req.body } : {}) });
      res.status(response.status);
      const rewrites = [
        ...(faults.has('mcp.result-type-missing') ? [withoutResultType] : []),
        ...(faults.has('mcp.discover-no-server-info') ? [withoutServerInfo] : []),
      ];
      const rewrite: ResultRewrite | undefined = rewrites.length === 0 ? undefined : (result) => rewrites.reduce((rewritten, next) => next(rewritten), result);
      // A rewritten body has another length; Node computes it again when the header is absent.
      response.headers.forEach((value, name) => {
        if (!(rewrite && name === 'content-length')) res.setHeader(name, value);
      });
      if (rewrite) res.end(rewriteResults(await response.text(), response.headers.get('content-type') ?? '', rewrite));
      else res.end(Buffer.from(await response.arrayBuffer()));
    } catch (error) {
      log(`MCP request failed: ${error instanceof Error ? error.message : String(error)}`);
      if (!res.headersSent) res.status(500).json({ jsonrpc: '2.0', error: { code: -32603, message: 'Internal server error' }, id: null });
    }
  }

  bound.setHandler((req: IncomingMessage, res: ServerResponse) => {
    app(req, res);
  });

  return { mcpUrl, resourceMetadataUrl };
}
