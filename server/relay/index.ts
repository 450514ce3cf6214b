/**
 * The local relay: serves the built SPA and performs HTTP requests on its behalf, because a
 * browser cannot read cross-origin answers without CORS, nor a 302's `Location`.
 *
 * It is a proxy on a developer's machine, so it binds to loopback, answers relay calls only
 * from its own origin with its per-process secret (see request-guard.ts), never follows
 * redirects, caps sizes and time, reports its own refusals in an envelope distinct from
 * upstream answers, and logs no credentials (see relay-log.ts).
 *
 * Routes: `POST /api/relay`, `GET /api/health`, `GET /api/config`, the lab's fault switches under
 * `/api/lab/` when `start` runs the lab (workshop-routes.ts), and the SPA for every other GET.
 */
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { transportText, transportTextInEnglish, type TransportText } from '../../src/wire/transport-messages.js';
import { DEFAULT_MAX_BODY_BYTES, DEFAULT_TIMEOUT_MS, RELAY_CONFIG_PATH, RELAY_PATH, type RelayConfig, type RelayEnvelope } from '../../src/wire/relay.js';
import type { Transport, TransportResult } from '../../src/engine/transport.js';
import { createNodeTransport } from '../net/node-transport.js';
import { answerJson, answerRelayRejected, answerText } from './http-answers.js';
import { parseRelayCall, type RelayCaps } from './relay-call.js';
import { formatRelayLogLine, type RelayLogOutcome } from './relay-log.js';
import { createRequestGuard, type RequestGuard } from './request-guard.js';
import { serveStaticSite } from './static-site.js';
import { readCappedBody } from './request-body.js';
import { handleWorkshopCall, isWorkshopPath } from './workshop-routes.js';
import type { WorkshopControl } from '../../src/wire/workshop.js';
import { hostForUrl } from '../net/url-host.js';
import { CLIENTS_PATH, type ClientsRunner } from '../../src/wire/clients.js';
import { handleClientsCall } from './clients-route.js';
import { parseJsonSafely } from '../../src/wire/json.js';

export interface RelayOptions {
  /** Interface to bind; loopback unless the person asks otherwise. */
  host?: string;
  /** 0 picks a free port. */
  port?: number;
  /** Per-process secret; 32 random bytes (base64url) unless given. */
  secret?: string;
  /** The built SPA (Vite's `dist/`). Without it, `/` says the UI is not built. */
  staticDir?: string;
  /** Receives one line per relay call; nothing is logged without it. */
  log?: (line: string) => void;
  /** Cap on an upstream response body; a call asking for more gets this. */
  maxBodyBytes?: number;
  /** Cap on an upstream exchange's time; a call asking for more gets this. */
  timeoutMs?: number;
  /** Cap on the relay call's own request body. */
  maxRequestBytes?: number;
  /** Performs the upstream requests; the engine's fetch transport (never follows redirects) by default. */
  transport?: Transport;
  /**
   * Answered at `GET /api/config` (the default target, the demo lab); it must hold no secret.
   * A promise lets the relay listen before the lab is up (`start`): the answer waits for it, and
   * a rejected one answers as if there were no config.
   */
  config?: RelayConfig | Promise<RelayConfig>;
  /**
   * The embedded lab's fault switches, served under `/api/lab/` (see src/wire/workshop.ts); absent
   * (or a promise that rejects or resolves to nothing), those routes are 404.
   */
  workshop?: WorkshopControl | Promise<WorkshopControl | undefined>;
  /** Runs the real MCP SDK clients for `POST /api/clients` (see src/wire/clients.ts); absent, that route is 404. */
  clients?: ClientsRunner;
}

export interface Relay {
  /** The relay's origin, e.g. `http://127.0.0.1:4280`. */
  url: string;
  secret: string;
  port: number;
  /** Stops listening and destroys open connections, idle and active. */
  close(): Promise<void>;
}

const DEFAULT_RELAY_TIMEOUT_CAP_MS = 60_000;
const DEFAULT_RELAY_MAX_BODY_CAP_BYTES = 10 * 1024 * 1024;
const DEFAULT_MAX_REQUEST_BYTES = 1024 * 1024;

/** What a call gets when it names no cap of its own: the engine's defaults, within the relay's caps. */
const CALL_DEFAULTS: RelayCaps = { timeoutMs: DEFAULT_TIMEOUT_MS, maxBodyBytes: DEFAULT_MAX_BODY_BYTES };

interface RelayContext {
  guard: RequestGuard;
  secret: string;
  staticRoot: string | undefined;
  caps: RelayCaps;
  defaults: RelayCaps;
  maxRequestBytes: number;
  transport: Transport;
  log: ((line: string) => void) | undefined;
  /** Settles when the config and the workshop are known; never rejects. */
  embedded: Promise<{ config: RelayConfig; workshop: WorkshopControl | undefined }>;
  clients: ClientsRunner | undefined;
  clientsBusy: { running: boolean };
}

export async function startRelay(options: RelayOptions = {}): Promise<Relay> {
  const host = options.host ?? '127.0.0.1';
  const secret = options.secret ?? randomBytes(32).toString('base64url');
  if (secret === '') throw new Error('The relay secret must not be empty.');
  const caps: RelayCaps = {
    timeoutMs: options.timeoutMs ?? DEFAULT_RELAY_TIMEOUT_CAP_MS,
    maxBodyBytes: options.maxBodyBytes ?? DEFAULT_RELAY_MAX_BODY_CAP_BYTES,
  };
  const server = createServer({
    // A relay call is small and local; a client that dribbles its request is cut off.
    headersTimeout: 10_000,
    requestTimeout: 30_000,
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;

  const context: RelayContext = {
    guard: createRequestGuard({ port, boundHost: host, secret }),
    secret,
    staticRoot: options.staticDir === undefined ? undefined : path.resolve(options.staticDir),
    caps,
    defaults: { timeoutMs: Math.min(CALL_DEFAULTS.timeoutMs, caps.timeoutMs), maxBodyBytes: Math.min(CALL_DEFAULTS.maxBodyBytes, caps.maxBodyBytes) },
    maxRequestBytes: options.maxRequestBytes ?? DEFAULT_MAX_REQUEST_BYTES,
    transport: options.transport ?? createNodeTransport(),
    log: options.log,
    embedded: Promise.all([options.config, options.workshop]).then(
      ([config, workshop]) => ({ config: { ...config, ...(workshop ? { workshop: true } : {}), ...(options.clients ? { clients: true } : {}) }, workshop }),
      // The lab did not start: whoever started it reports why; the page gets no lab.
      () => ({ config: options.clients ? { clients: true } : {}, workshop: undefined }),
    ),
    clients: options.clients,
    clientsBusy: { running: false },
  };

  // Attached in the same tick as 'listening': no request can arrive before it.
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    handleRequest(context, req, res).catch((error: unknown) => {
      context.log?.(`${new Date().toISOString()} relay internal error: ${error instanceof Error ? error.name : 'unknown'}`);
      if (!res.headersSent) answerText(res, 500, 'Internal relay error.\n');
      else res.destroy();
    });
  });

  let closing: Promise<void> | undefined;
  return {
    url: `http://${urlHost(host)}:${port}`,
    secret,
    port,
    close() {
      closing ??= new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      });
      return closing;
    },
  };
}

/** The host part of the relay's URL: loopback for wildcard binds, brackets for IPv6. */
function urlHost(host: string): string {
  if (host === '0.0.0.0' || host === '') return '127.0.0.1';
  if (host === '::') return '[::1]';
  return hostForUrl(host);
}

async function handleRequest(context: RelayContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const target = req.url ?? '/';
  const queryAt = target.indexOf('?');
  const pathname = queryAt === -1 ? target : target.slice(0, queryAt);

  if (pathname === RELAY_PATH) return handleRelayCall(context, req, res);
  if (pathname === '/api/health') {
    if (req.method !== 'GET' && req.method !== 'HEAD') answerText(res, 405, 'Method not allowed.\n', { allow: 'GET, HEAD' });
    else answerJson(res, 200, { ok: true });
    return;
  }
  if (pathname === RELAY_CONFIG_PATH) {
    // No secret here, so none is asked for; the Host check still keeps a rebinding page from reading it.
    if (req.method !== 'GET' && req.method !== 'HEAD') answerText(res, 405, 'Method not allowed.\n', { allow: 'GET, HEAD' });
    else if (!context.guard.hostAllowed(req.headers)) answerText(res, 403, 'The Host header does not name this relay.\n');
    else answerJson(res, 200, (await context.embedded).config);
    return;
  }
  const workshop = isWorkshopPath(pathname) ? (await context.embedded).workshop : undefined;
  if (workshop) {
    return handleWorkshopCall({ guard: context.guard, workshop, maxRequestBytes: context.maxRequestBytes, log: context.log }, req, res, pathname);
  }
  if (context.clients && pathname === CLIENTS_PATH) {
    return handleClientsCall({ guard: context.guard, runClients: context.clients, maxRequestBytes: context.maxRequestBytes, log: context.log, busy: context.clientsBusy }, req, res);
  }
  if (pathname.startsWith('/api/')) {
    answerText(res, 404, 'Not found.\n');
    return;
  }
  return serveStaticSite(req, res, {
    root: context.staticRoot,
    secret: context.guard.hostAllowed(req.headers) ? context.secret : undefined,
  });
}

async function handleRelayCall(context: RelayContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const startedAt = Date.now();
  const started = performance.now();
  let bodyRead = false;
  // The message is one of the engine's transport messages where it is the relay's own wording, so
  // the page can say it in its reader's language; a call's shape problems are said as found.
  const reject = (status: number, reason: string, message: string | TransportText, extraHeaders: Record<string, string> = {}): void => {
    const english = typeof message === 'string' ? message : transportTextInEnglish(message);
    const described = typeof message === 'string' ? undefined : { messageId: message.id, ...(message.params ? { messageParams: message.params } : {}) };
    // An unread body is not worth draining for a refused caller: answer and drop the connection.
    answerRelayRejected(res, status, english, bodyRead ? extraHeaders : { ...extraHeaders, connection: 'close' }, described);
    log(context, startedAt, started, { kind: 'rejected', status, reason });
  };

  if (req.method !== 'POST') return reject(405, 'method', transportText('transport-error.relay-not-post'), { allow: 'POST' });
  const verdict = context.guard.checkRelayCall(req.headers);
  if (!verdict.ok) return reject(verdict.status, verdict.reason, verdict.text);

  const contentType = req.headers['content-type'];
  if (contentType === undefined || !/^application\/json\s*(;|$)/i.test(contentType)) {
    return reject(415, 'content-type', transportText('transport-error.relay-not-json-type'));
  }
  const tooLarge = (): void => reject(413, 'too-large', transportText('transport-error.relay-call-too-large', { max: String(context.maxRequestBytes) }));
  const declared = Number(req.headers['content-length'] ?? '0');
  if (declared > context.maxRequestBytes) return tooLarge();
  const raw = await readCappedBody(req, context.maxRequestBytes);
  if (raw === 'too-large') return tooLarge();
  if (raw === 'gone') return;
  bodyRead = true;

  const json = parseJsonSafely(raw);
  if (!json.ok) return reject(400, 'bad-json', transportText('transport-error.relay-call-not-json'));
  const call = parseRelayCall(json.value, context.caps, context.defaults);
  if (!call.ok) return reject(400, 'bad-call', call.text);

  let result: TransportResult;
  let outcome: RelayLogOutcome;
  if ('invalidTarget' in call) {
    result = { ok: false, error: call.invalidTarget };
    outcome = { kind: 'invalid-target', method: call.request.method };
  } else {
    result = await context.transport.send(call.request);
    outcome = {
      kind: 'relayed',
      method: call.request.method,
      target: call.target,
      status: result.response?.status,
      errorKind: result.ok ? undefined : result.error.kind,
    };
  }
  const envelope: RelayEnvelope = { relay: { ok: true }, result };
  answerJson(res, 200, envelope);
  log(context, startedAt, started, outcome);
}

function log(context: RelayContext, startedAt: number, started: number, outcome: RelayLogOutcome): void {
  context.log?.(formatRelayLogLine(startedAt, performance.now() - started, outcome));
}
