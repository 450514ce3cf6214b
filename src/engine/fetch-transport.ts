/**
 * A `Transport` over the WHATWG `fetch` of Node (undici). Redirects are never followed:
 * a 3xx comes back as it is, so each hop can be recorded as its own exchange.
 * Used by the CLI and the tests directly, and by the relay on the browser's behalf.
 */
import type { Transport, TransportRequest, TransportResult } from './transport.js';
import type { ExchangeError, ExchangeResponse, HeaderList } from './types.js';

type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

export function createFetchTransport(fetchImpl: FetchLike = globalThis.fetch): Transport {
  return { send: (request) => sendWithFetch(fetchImpl, request) };
}

async function sendWithFetch(fetchImpl: FetchLike, request: TransportRequest): Promise<TransportResult> {
  let url: URL;
  try {
    url = new URL(request.url);
  } catch {
    return { ok: false, error: { kind: 'invalid-url', message: `Not an absolute URL: ${request.url}` } };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return { ok: false, error: { kind: 'invalid-url', message: `Only http and https URLs can be requested, not ${url.protocol}` } };
  }
  // As the relay says for the browser: fetch does not send URL credentials.
  if (url.username !== '' || url.password !== '') {
    return { ok: false, error: { kind: 'invalid-url', message: 'URLs with user:password@ credentials cannot be requested; send credentials in a header instead.' } };
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
        error: { kind: 'too-large', message: `The body is larger than ${request.maxBodyBytes} bytes; it was cut there.` },
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
  return { kind: 'timeout', message: `No complete answer within ${timeoutMs} ms.` };
}

/** Response headers in arrival order; `Set-Cookie` keeps one entry per cookie. */
export function headerList(headers: Headers): HeaderList {
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
export function classifyNetworkError(cause: unknown): ExchangeError {
  const code = errorCode(cause);
  const message = errorMessage(cause);
  // The Fetch standard's port blocklist (1, 25, 6000, ...): no connection is even attempted.
  if (code === undefined && /\bbad port\b/.test(message)) {
    return { kind: 'refused', message: `fetch refuses to connect to this port, which the Fetch standard blocks (${message})` };
  }
  if (code === 'ECONNREFUSED') return { kind: 'refused', message: `Connection refused (${message})` };
  if (code === 'ECONNRESET' || code === 'EPIPE') {
    return { kind: 'refused', message: `The server reset the connection before a complete answer arrived (${message})` };
  }
  if (code === 'UND_ERR_SOCKET') return { kind: 'refused', message: `The server closed the connection before a complete answer arrived (${message})` };
  if (code?.startsWith('HPE_')) return { kind: 'refused', message: `The answer is not valid HTTP/1.1 (${message})` };
  if (code === 'UND_ERR_HEADERS_OVERFLOW') return { kind: 'refused', message: `The response headers are larger than the client accepts (${message})` };
  if (code === 'Z_DATA_ERROR' || code === 'Z_BUF_ERROR') return { kind: 'refused', message: `The body does not decode with its Content-Encoding (${message})` };
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'EAI_NONAME') return { kind: 'dns', message: `Host name not found (${message})` };
  if (code !== undefined && (/CERT|SSL|TLS/.test(code) || code === 'DEPTH_ZERO_SELF_SIGNED_CERT')) {
    return { kind: 'tls', message: `TLS failure (${message})` };
  }
  if (code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT' || code === 'ETIMEDOUT') {
    return { kind: 'timeout', message };
  }
  return { kind: 'refused', message: `The connection failed (${message})` };
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
