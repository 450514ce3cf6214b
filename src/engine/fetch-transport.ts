/**
 * A `Transport` over the WHATWG `fetch` of Node (undici). Redirects are never followed:
 * a 3xx comes back as it is, so each hop can be recorded as its own exchange.
 * Used by the CLI and the tests directly, and by the relay on the browser's behalf.
 */
import { enginePhrase, exchangeError, transportMessage } from './checks/engine-phrases.js';
import { addressClass, isIpLiteral, startsOnLoopback } from './private-address.js';
import type { Transport, TransportRequest, TransportResult } from './transport.js';
import type { ExchangeError, ExchangeResponse, HeaderList } from './types.js';

type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

/** The addresses a host name resolves to (Node's dns in the CLI and the relay; none in the browser). */
export type ResolveHost = (hostname: string) => Promise<string[]>;

export interface FetchTransportOptions {
  fetchImpl?: FetchLike;
  resolveHost?: ResolveHost;
}

export function createFetchTransport(options: FetchTransportOptions = {}): Transport {
  const fetchImpl = options.fetchImpl ?? globalThis.fetch;
  const addresses = addressLookup(options.resolveHost);
  const startAddresses = new Map<string, Promise<string[]>>();
  const startLookup: AddressLookup = (hostname) => {
    let found = startAddresses.get(hostname);
    if (!found) startAddresses.set(hostname, (found = addresses(hostname)));
    return found;
  };
  return {
    async send(request) {
      const refused = await privateHop(request, addresses, startLookup);
      return refused ? { ok: false, error: refused } : sendWithFetch(fetchImpl, request);
    },
  };
}

type AddressLookup = (hostname: string) => Promise<string[]>;

/**
 * The addresses of a host: the literal itself, or what the name resolves to (nothing in the
 * browser, which has no resolver, and nothing for a name that does not resolve: the request
 * then fails on its own with a DNS error). Start hosts are looked up once per transport.
 */
function addressLookup(resolveHost: ResolveHost | undefined): AddressLookup {
  return async (hostname) => {
    if (isIpLiteral(hostname)) return [hostname];
    if (!resolveHost) return [];
    try {
      return await resolveHost(hostname);
    } catch (error) {
      if (error instanceof Error) return [];
      throw error;
    }
  };
}

/**
 * The private-address rule (see private-address.ts): a request to another host than the run
 * started at, whose address (the literal, or any address its name resolves to) is loopback,
 * private, link-local or unique-local, is refused before anything is sent. A run that started
 * on loopback is not held to it; one that started inside a private network may reach that
 * network's other hosts, but not the person's own loopback.
 */
async function privateHop(request: TransportRequest, addresses: AddressLookup, startAddresses: AddressLookup): Promise<ExchangeError | undefined> {
  if (!request.privateHops || !URL.canParse(request.url)) return undefined;
  const { hostname } = new URL(request.url);
  const start = request.privateHops.startHost;
  if (hostname === start || startsOnLoopback(start)) return undefined;
  const targetAddresses = await addresses(hostname);
  const classes = targetAddresses.map((address) => ({ address, kind: addressClass(address) }));
  const hit = classes.find((c) => c.kind !== undefined);
  if (!hit?.kind) return undefined;
  const startsInside = (await startAddresses(start)).some((address) => addressClass(address) !== undefined);
  const refused = startsInside ? classes.find((c) => c.kind === 'loopback' || c.kind === 'unspecified') : hit;
  if (!refused?.kind) return undefined;
  const shown = refused.address === hostname ? hostname : `${hostname} (${refused.address})`;
  return exchangeError('private-address', transportMessage('transport-error.private-address', { host: shown, addressKind: enginePhrase(`address-kind.${refused.kind}`), start }));
}

async function sendWithFetch(fetchImpl: FetchLike, request: TransportRequest): Promise<TransportResult> {
  let url: URL;
  try {
    url = new URL(request.url);
  } catch {
    return { ok: false, error: exchangeError('invalid-url', transportMessage('transport-error.not-absolute-url', { url: request.url })) };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return { ok: false, error: exchangeError('invalid-url', transportMessage('transport-error.scheme-not-http', { scheme: url.protocol })) };
  }
  // As the relay says for the browser: fetch does not send URL credentials.
  if (url.username !== '' || url.password !== '') {
    return { ok: false, error: exchangeError('invalid-url', transportMessage('transport-error.url-credentials')) };
  }

  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, request.timeoutMs);

  let response: Response;
  try {
    response = await fetchImpl(url.href, {
      method: request.method,
      headers: request.headers,
      body: request.body ?? null,
      redirect: 'manual',
      signal: controller.signal,
    });
  } catch (cause) {
    clearTimeout(timer);
    return { ok: false, error: timedOut ? timeoutError(request.timeoutMs) : classifyNetworkError(cause) };
  }

  const head: Omit<ExchangeResponse, 'body' | 'bodyTruncated' | 'bodyBytes'> = {
    status: response.status,
    statusText: response.statusText,
    headers: headerList(response.headers),
  };
  try {
    const { text, bytes, truncated } = await readCapped(response, request.maxBodyBytes);
    const complete: ExchangeResponse = { ...head, body: text, bodyTruncated: truncated, bodyBytes: bytes };
    if (truncated) {
      return {
        ok: false,
        error: exchangeError('too-large', transportMessage('transport-error.too-large', { max: String(request.maxBodyBytes) })),
        response: complete,
      };
    }
    return { ok: true, response: complete };
  } catch (cause) {
    const partial: ExchangeResponse = { ...head, body: '', bodyTruncated: true, bodyBytes: 0 };
    return { ok: false, error: timedOut ? timeoutError(request.timeoutMs) : classifyNetworkError(cause), response: partial };
  } finally {
    clearTimeout(timer);
  }
}

function timeoutError(timeoutMs: number): ExchangeError {
  return exchangeError('timeout', transportMessage('transport-error.timeout', { ms: String(timeoutMs) }));
}

/** Response headers in arrival order; `Set-Cookie` keeps one entry per cookie. */
function headerList(headers: Headers): HeaderList {
  const list: HeaderList = [];
  headers.forEach((value, name) => {
    if (name !== 'set-cookie') list.push([name, value]);
  });
  for (const cookie of headers.getSetCookie()) list.push(['set-cookie', cookie]);
  return list;
}

async function readCapped(response: Response, maxBytes: number): Promise<{ text: string; bytes: number; truncated: boolean }> {
  if (!response.body) return { text: '', bytes: 0, truncated: false };
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let bytes = 0;
  let truncated = false;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    const room = maxBytes - bytes;
    if (value.byteLength > room) {
      chunks.push(value.subarray(0, Math.max(room, 0)));
      bytes += value.byteLength;
      truncated = true;
      await reader.cancel();
      break;
    }
    chunks.push(value);
    bytes += value.byteLength;
  }
  const joined = new Uint8Array(Math.min(bytes, maxBytes));
  let offset = 0;
  for (const chunk of chunks) {
    joined.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return { text: new TextDecoder().decode(joined), bytes, truncated };
}

/**
 * Maps undici's error causes (`ECONNREFUSED`, `ENOTFOUND`, certificate codes) to the closed kinds.
 * The kinds are few; the message says what exactly happened, since "refused" also covers a
 * connection the server accepted and then broke, or an answer that is not HTTP at all.
 */
function classifyNetworkError(cause: unknown): ExchangeError {
  const code = errorCode(cause);
  const message = errorMessage(cause);
  // The Fetch standard's port blocklist (1, 25, 6000, ...): no connection is even attempted.
  if (code === undefined && /\bbad port\b/.test(message)) {
    return exchangeError('refused', transportMessage('transport-error.bad-port', { cause: message }));
  }
  if (code === 'ECONNREFUSED') return exchangeError('refused', transportMessage('transport-error.refused', { cause: message }));
  if (code === 'ECONNRESET' || code === 'EPIPE') {
    return exchangeError('refused', transportMessage('transport-error.reset', { cause: message }));
  }
  if (code === 'UND_ERR_SOCKET') return exchangeError('refused', transportMessage('transport-error.closed', { cause: message }));
  if (code?.startsWith('HPE_')) return exchangeError('refused', transportMessage('transport-error.not-http', { cause: message }));
  if (code === 'UND_ERR_HEADERS_OVERFLOW') return exchangeError('refused', transportMessage('transport-error.headers-too-large', { cause: message }));
  if (code === 'Z_DATA_ERROR' || code === 'Z_BUF_ERROR') return exchangeError('refused', transportMessage('transport-error.bad-encoding', { cause: message }));
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'EAI_NONAME') return exchangeError('dns', transportMessage('transport-error.dns', { cause: message }));
  if (code !== undefined && (/CERT|SSL|TLS/.test(code) || code === 'DEPTH_ZERO_SELF_SIGNED_CERT')) {
    return exchangeError('tls', transportMessage('transport-error.tls', { cause: message }));
  }
  if (code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT' || code === 'ETIMEDOUT') {
    return exchangeError('timeout', transportMessage('transport-error.timeout-library', { cause: message }));
  }
  return exchangeError('refused', transportMessage('transport-error.connection-failed', { cause: message }));
}

function errorCode(cause: unknown): string | undefined {
  for (let current: unknown = cause, depth = 0; current && depth < 5; depth++) {
    if (typeof current === 'object' && 'code' in current && typeof current.code === 'string') return current.code;
    current = typeof current === 'object' && 'cause' in current ? current.cause : undefined;
  }
  return undefined;
}

function errorMessage(cause: unknown): string {
  const parts: string[] = [];
  for (let current: unknown = cause, depth = 0; current && depth < 5; depth++) {
    if (current instanceof Error) parts.push(current.message);
    current = typeof current === 'object' && 'cause' in current ? current.cause : undefined;
  }
  return parts.join(': ') || String(cause);
}
