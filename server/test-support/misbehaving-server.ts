/**
 * A small but real MCP server with its own authorization server on one loopback port, whose
 * answer at each stage of the authorization flow can be switched to a misbehaviour: an HTML
 * page where JSON belongs, a body that is not JSON, a 10 MB document, a redirect to itself,
 * a request that is never answered, a connection reset. Without faults the whole flow
 * completes against it, so each test changes exactly one thing.
 *
 * Also the raw-socket servers for failures below HTTP: a listener that accepts and never
 * answers, one that resets every connection, one that answers bytes that are not HTTP.
 *
 * Test support only (Node modules), outside src/engine so the engine's import rule holds.
 */
import { createHash, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createTcpServer, type Server as TcpServer, type Socket } from 'node:net';
import { listenOnLoopback } from './free-port.js';

/** The stages whose answer can be switched. */
export type Stage =
  /** POST /mcp without a token: normally 401 with a challenge naming the PRM. */
  | 'mcp'
  /** GET /.well-known/oauth-protected-resource/mcp. */
  | 'prm'
  /** GET /.well-known/oauth-authorization-server. */
  | 'asm'
  /** POST /register (RFC 7591). */
  | 'registration'
  /** GET /authorize: normally a 302 back to the redirect URI (consent is automatic). */
  | 'authorization'
  /** POST /token. */
  | 'token'
  /** POST /mcp with a valid access token: normally JSON-RPC answers. */
  | 'authenticated-mcp'
  /** POST /mcp server/discover with a valid access token: normally -32601 in-band, as a legacy server answers. */
  | 'discover';

export type Misbehaviour =
  /** 200 with Content-Type text/html and a login-page-like body. */
  | 'html'
  /** 200 with Content-Type application/json and a body that is not JSON. */
  | 'invalid-json'
  /** 200 with Content-Type application/json and a JSON array. */
  | 'json-array'
  /** 200 with Content-Type application/json and a 10 MB body. */
  | 'huge'
  /** A redirect to the same URL: 302 for GET, 307 for requests with a body (so the method is kept), or `redirectStatus`. */
  | 'redirect-loop'
  /** Reads the request and never answers (the connection stays open until the server closes). */
  | 'hang'
  /** Resets the connection (TCP RST) without answering. */
  | 'reset'
  /** 200 with Content-Type text/plain and binary noise. */
  | 'garbage'
  /** HTTP 999, a status outside the 200-599 range a fetch Response can carry. */
  | 'status-999'
  /** Sends the headers and the start of a JSON body, then never finishes it. */
  | 'stall-body'
  /** 400 UnsupportedProtocolVersionError whose `supported` list names the very version asked for, every time. */
  | 'version-loop'
  /** 400 UnsupportedProtocolVersionError listing only a version nobody knows yet. */
  | 'unknown-version-only'
  /** 400 UnsupportedProtocolVersionError without the `supported` list. */
  | 'unsupported-without-list'
  /** 400 HeaderMismatch (-32020): a modern error, though the server answers initialize as a legacy one. */
  | 'header-mismatch'
  /** 200 with valid JSON nested 10,000 levels deep (a JSON-RPC message at the top for MCP stages). */
  | 'deep-json';

export const HUGE_BODY_BYTES = 10 * 1024 * 1024;
const DEEP_JSON_LEVELS = 10_000;

export interface MisbehavingServerOptions {
  faults?: Partial<Record<Stage, Misbehaviour>>;
  /** The raw WWW-Authenticate value of the 401; `{prm}` is replaced with the PRM URL. */
  challenge?: string;
  /** The status of `redirect-loop` answers (default 302 for GET, 307 for requests with a body). */
  redirectStatus?: 301 | 302 | 303 | 307 | 308;
  /** What tools/list answers (default: one tool, `echo`), and the server's name in initialize. */
  tools?: Record<string, unknown>[];
  serverName?: string;
  /**
   * Fields that replace the authorization server metadata's own (a hostile endpoint, say); as a
   * function, of the server's loopback origin (http://127.0.0.1:port, whatever `publicHost` is).
   */
  metadata?: Record<string, unknown> | ((loopbackOrigin: string) => Record<string, unknown>);
  /** What tools/call answers (default: method not found). */
  toolResult?: Record<string, unknown>;
  /**
   * The host name its URLs and documents use instead of 127.0.0.1, for tests that start a run at
   * a name (mapped to loopback by the test's own resolver) rather than at a loopback address.
   */
  publicHost?: string;
}

export interface MisbehavingServer {
  origin: string;
  /** The MCP endpoint. */
  mcpUrl: string;
  prmUrl: string;
  issuer: string;
  /** Switches a stage's answer (undefined: answer correctly). */
  set(stage: Stage, behaviour: Misbehaviour | undefined): void;
  /** Every request received, as "METHOD /path", in order. */
  readonly requests: string[];
  close(): Promise<void>;
}

const MCP_PATH = '/mcp';
const PRM_PATH = '/.well-known/oauth-protected-resource/mcp';
const ASM_PATH = '/.well-known/oauth-authorization-server';
const SCOPE = 'mcp:tools';

interface PendingCode {
  clientId: string;
  redirectUri: string;
  codeChallenge: string;
}

export async function startMisbehavingServer(options: MisbehavingServerOptions = {}): Promise<MisbehavingServer> {
  const faults = new Map<Stage, Misbehaviour>(Object.entries(options.faults ?? {}) as [Stage, Misbehaviour][]);
  const requests: string[] = [];
  const clients = new Set<string>();
  const codes = new Map<string, PendingCode>();
  const accessTokens = new Set<string>();
  let origin = '';
  const metadataOverride = () => (typeof options.metadata === 'function' ? options.metadata(`http://127.0.0.1:${portOf(server)}`) : options.metadata);

  const server = createServer((req, res) => {
    // A client that gives up (timeout, body cap) closes the socket mid-answer; that is the point
    // of these tests, not a server failure.
    res.on('error', () => undefined);
    req.on('error', () => undefined);
    readBody(req)
      .then((body) => route(req, res, body))
      .catch((error: unknown) => {
        if (!res.headersSent) sendJson(res, 500, { error: 'server_error', error_description: String(error) });
        else res.destroy();
      });
  });

  function route(req: IncomingMessage, res: ServerResponse, body: string): void {
    const url = new URL(req.url ?? '/', origin);
    const method = req.method ?? 'GET';
    requests.push(`${method} ${url.pathname}`);
    const key = `${method} ${url.pathname}`;

    if (url.pathname === MCP_PATH && method === 'POST') {
      const token = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1];
      if (token !== undefined && accessTokens.has(token)) {
        if (parseJson(body)?.method === 'server/discover' && misbehave(req, res, 'discover', body)) return;
        if (!misbehave(req, res, 'authenticated-mcp', body)) answerMcp(req, res, body);
        return;
      }
      if (misbehave(req, res, 'mcp')) return;
      const prmUrl = `${origin}${PRM_PATH}`;
      const challenge = (options.challenge ?? `Bearer resource_metadata="{prm}", scope="${SCOPE}"`).replaceAll('{prm}', prmUrl);
      res.writeHead(401, { 'www-authenticate': challenge, 'content-type': 'application/json' });
      res.end(JSON.stringify({ jsonrpc: '2.0', id: null, error: { code: -32001, message: 'Unauthorized' } }));
      return;
    }
    switch (key) {
      case `GET ${PRM_PATH}`:
        if (!misbehave(req, res, 'prm')) {
          sendJson(res, 200, { resource: `${origin}${MCP_PATH}`, authorization_servers: [origin], scopes_supported: [SCOPE], bearer_methods_supported: ['header'] });
        }
        return;
      case `GET ${ASM_PATH}`:
        if (!misbehave(req, res, 'asm')) sendJson(res, 200, { ...authorizationServerMetadata(origin), ...metadataOverride() });
        return;
      case 'POST /register':
        if (!misbehave(req, res, 'registration')) register(res, body);
        return;
      case 'GET /authorize':
        if (!misbehave(req, res, 'authorization')) authorize(res, url);
        return;
      case 'POST /token':
        if (!misbehave(req, res, 'token')) issueToken(res, body);
        return;
      default:
        res.writeHead(404, { 'content-type': 'text/plain' });
        res.end('Not Found');
    }
  }

  /** Answers with the stage's misbehaviour; false when the stage behaves. */
  function misbehave(req: IncomingMessage, res: ServerResponse, stage: Stage, body = ''): boolean {
    const behaviour = faults.get(stage);
    if (behaviour === undefined) return false;
    switch (behaviour) {
      case 'html':
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        res.end('<!doctype html><html><head><title>Sign in</title></head><body><form>Sign in to continue</form></body></html>');
        break;
      case 'invalid-json':
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end('{"resource": "http://example/mcp", "authorization_servers": [');
        break;
      case 'json-array':
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify([{ resource: `${origin}${MCP_PATH}` }]));
        break;
      case 'huge': {
        const filler = Buffer.alloc(HUGE_BODY_BYTES - 20, 0x61);
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(HUGE_BODY_BYTES) });
        res.end(Buffer.concat([Buffer.from('{"padding":"'), filler, Buffer.from('"}'.padEnd(8, ' '))]));
        break;
      }
      case 'redirect-loop': {
        const status = options.redirectStatus ?? (req.method === 'GET' || req.method === 'HEAD' ? 302 : 307);
        res.writeHead(status, { location: req.url ?? '/' });
        res.end();
        break;
      }
      case 'hang':
        // The socket stays open; close() destroys it.
        break;
      case 'reset':
        req.socket.resetAndDestroy();
        break;
      case 'garbage':
        res.writeHead(200, { 'content-type': 'text/plain' });
        res.end(Buffer.from([0x00, 0xff, 0xfe, 0x7b, 0x22, 0x0a, 0x1b, 0x5b, 0x33, 0x31, 0x6d, 0x3c, 0x3f]));
        break;
      case 'status-999':
        res.writeHead(999, { 'content-type': 'application/json' });
        res.end('{}');
        break;
      case 'stall-body':
        res.writeHead(200, { 'content-type': 'application/json' });
        res.write('{"resource": "');
        break;
      case 'version-loop':
      case 'unknown-version-only':
      case 'unsupported-without-list': {
        const requested = req.headers['mcp-protocol-version'];
        const supported = behaviour === 'version-loop' ? [requested] : ['2099-01-01'];
        const data = behaviour === 'unsupported-without-list' ? { requested } : { supported, requested };
        sendJson(res, 400, { jsonrpc: '2.0', id: null, error: { code: -32022, message: 'Unsupported protocol version', data } });
        break;
      }
      case 'header-mismatch':
        sendJson(res, 400, { jsonrpc: '2.0', id: null, error: { code: -32020, message: 'Header mismatch: something does not match' } });
        break;
      case 'deep-json': {
        const deep = `${'{"a":'.repeat(DEEP_JSON_LEVELS)}1${'}'.repeat(DEEP_JSON_LEVELS)}`;
        const id = parseJson(body)?.id;
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(stage === 'authenticated-mcp' || stage === 'discover' ? `{"jsonrpc":"2.0","id":${JSON.stringify(id ?? null)},"result":${deep}}` : deep);
        break;
      }
    }
    return true;
  }

  function register(res: ServerResponse, body: string): void {
    const metadata = parseJson(body);
    if (!metadata || !Array.isArray(metadata.redirect_uris)) {
      sendJson(res, 400, { error: 'invalid_client_metadata', error_description: 'redirect_uris is required' });
      return;
    }
    const clientId = `client-${randomBytes(6).toString('hex')}`;
    clients.add(clientId);
    sendJson(res, 201, {
      ...metadata,
      client_id: clientId,
      client_id_issued_at: Math.floor(Date.now() / 1000),
      token_endpoint_auth_method: 'none',
    });
  }

  function authorize(res: ServerResponse, url: URL): void {
    const params = url.searchParams;
    const clientId = params.get('client_id') ?? '';
    const redirectUri = params.get('redirect_uri') ?? '';
    const codeChallenge = params.get('code_challenge') ?? '';
    if (!clients.has(clientId) || !URL.canParse(redirectUri) || params.get('code_challenge_method') !== 'S256' || codeChallenge === '') {
      res.writeHead(400, { 'content-type': 'text/plain' });
      res.end('invalid authorization request');
      return;
    }
    const code = randomBytes(12).toString('hex');
    codes.set(code, { clientId, redirectUri, codeChallenge });
    const callback = new URL(redirectUri);
    callback.searchParams.set('code', code);
    const state = params.get('state');
    if (state !== null) callback.searchParams.set('state', state);
    callback.searchParams.set('iss', origin);
    res.writeHead(302, { location: callback.href });
    res.end();
  }

  function issueToken(res: ServerResponse, body: string): void {
    const params = new URLSearchParams(body);
    const code = params.get('code') ?? '';
    const pending = codes.get(code);
    codes.delete(code);
    const verifier = params.get('code_verifier') ?? '';
    const challenge = createHash('sha256').update(verifier).digest('base64url');
    if (params.get('grant_type') !== 'authorization_code' || !pending || pending.codeChallenge !== challenge || pending.clientId !== params.get('client_id')) {
      sendJson(res, 400, { error: 'invalid_grant' });
      return;
    }
    const accessToken = `at-${randomBytes(16).toString('hex')}`;
    accessTokens.add(accessToken);
    res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
    res.end(JSON.stringify({ access_token: accessToken, token_type: 'Bearer', expires_in: 3600, scope: SCOPE }));
  }

  /** Just enough Streamable HTTP (JSON answers, no session) for initialize and tools/list. */
  function answerMcp(_req: IncomingMessage, res: ServerResponse, body: string): void {
    const message = parseJson(body);
    const id = message?.id;
    const method = typeof message?.method === 'string' ? message.method : '';
    if (id === undefined) {
      // A notification (notifications/initialized): accepted, no body.
      res.writeHead(202);
      res.end();
      return;
    }
    const params = typeof message?.params === 'object' && message.params !== null ? (message.params as Record<string, unknown>) : {};
    const rpc = (payload: Record<string, unknown>) => sendJson(res, 200, { jsonrpc: '2.0', id, ...payload });
    if (method === 'initialize') {
      rpc({ result: { protocolVersion: params.protocolVersion, capabilities: { tools: {} }, serverInfo: { name: options.serverName ?? 'misbehaving-server', version: '1.0.0' } } });
    } else if (method === 'tools/list') {
      rpc({ result: { tools: options.tools ?? [{ name: 'echo', description: 'Echoes its input', inputSchema: { type: 'object', properties: { text: { type: 'string' } } } }] } });
    } else if (method === 'tools/call' && options.toolResult) {
      rpc({ result: options.toolResult });
    } else {
      rpc({ error: { code: -32601, message: `Method not found: ${method}` } });
    }
  }

  await listenOnLoopback(server);
  origin = `http://${options.publicHost ?? '127.0.0.1'}:${portOf(server)}`;

  return {
    origin,
    mcpUrl: `${origin}${MCP_PATH}`,
    prmUrl: `${origin}${PRM_PATH}`,
    issuer: origin,
    set(stage, behaviour) {
      if (behaviour === undefined) faults.delete(stage);
      else faults.set(stage, behaviour);
    },
    requests,
    close: () => closeHttpServer(server),
  };
}

function authorizationServerMetadata(origin: string): Record<string, unknown> {
  return {
    issuer: origin,
    authorization_endpoint: `${origin}/authorize`,
    token_endpoint: `${origin}/token`,
    registration_endpoint: `${origin}/register`,
    scopes_supported: [SCOPE],
    response_types_supported: ['code'],
    grant_types_supported: ['authorization_code'],
    code_challenge_methods_supported: ['S256'],
    token_endpoint_auth_methods_supported: ['none'],
    authorization_response_iss_parameter_supported: true,
  };
}

function sendJson(res: ServerResponse, status: number, value: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(value));
}

function parseJson(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch (error) {
    if (error instanceof SyntaxError) return undefined;
    throw error;
  }
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** A raw TCP listener on 127.0.0.1, for failures below HTTP. */
export interface SocketServer {
  /** `http://127.0.0.1:<port>` */
  origin: string;
  /** Connections accepted so far. */
  readonly connections: () => number;
  close(): Promise<void>;
}

/**
 * - `silent`: accepts the connection, reads whatever comes, never writes a byte.
 * - `reset`: resets each connection (TCP RST) as soon as it is accepted.
 * - `not-http`: answers the first bytes of a request with a malformed HTTP response and closes.
 */
export async function startSocketServer(kind: 'silent' | 'reset' | 'not-http'): Promise<SocketServer> {
  const sockets = new Set<Socket>();
  let accepted = 0;
  const server = createTcpServer((socket) => {
    accepted++;
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    // The peer giving up (timeout) or our own reset surfaces here; both are expected.
    socket.on('error', () => undefined);
    if (kind === 'reset') {
      socket.resetAndDestroy();
    } else if (kind === 'not-http') {
      socket.once('data', () => socket.end('HTTP/1.1 200 OK\r\nContent-Type application/json\r\nthis is not a header line\r\n\r\n{}'));
    } else {
      socket.resume();
    }
  });
  await listenOnLoopback(server);
  return {
    origin: `http://127.0.0.1:${portOf(server)}`,
    connections: () => accepted,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}



function closeHttpServer(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    server.close((error) => (error ? reject(error) : resolve()));
    // Hung requests and keep-alive sockets would hold the port and the event loop open.
    server.closeAllConnections();
  });
}

function portOf(server: Server | TcpServer): number {
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('the server has no TCP address');
  return address.port;
}
