/**
 * CORS as a browser-based MCP client meets it: before a request that is not "simple" the
 * browser asks with an OPTIONS preflight, and a page may read an answer (and the headers
 * beyond the safelisted few) only when the server says so. Requests and their processing come
 * in pairs, as elsewhere in the engine: `corsPreflightRequest()` builds the OPTIONS request,
 * `processCorsPreflight()` judges its answer as the browser would; `processCorsAnswer()` reads
 * what the actual answer permits.
 * @see https://fetch.spec.whatwg.org/#http-cors-protocol
 */
import type { HttpRequestInput } from './step.js';
import type { ExchangeResponse } from './types.js';

/** A made-up origin of a web page that hosts an MCP client; `.example` never resolves (RFC 6761). */
export const BROWSER_CLIENT_ORIGIN = 'https://mcp-client.example';

/** The headers of the MCP endpoint's answers a browser-based client needs to read. */
export const MCP_EXPOSED_HEADERS = ['www-authenticate', 'mcp-session-id', 'mcp-protocol-version'] as const;
export type McpExposedHeader = (typeof MCP_EXPOSED_HEADERS)[number];

/** Fetch §2.2.2: methods a page may use without the server permitting them by name. */
const SAFELISTED_METHODS: ReadonlySet<string> = new Set(['GET', 'HEAD', 'POST']);

/**
 * Fetch §2.2.2 "CORS-safelisted request-header" names (content-type only with a form, text or
 * multipart value; the debugger asks for it only where the client sends JSON, so it is not here).
 */
const SAFELISTED_REQUEST_HEADERS: ReadonlySet<string> = new Set(['accept', 'accept-language', 'content-language']);

export interface CorsPreflightInput {
  url: string;
  origin: string;
  method: string;
  /** Request headers the client will send that need the server's permission, lower-case. */
  requestHeaders: readonly string[];
}

/** The OPTIONS request a browser sends before a request that is not simple. */
export function corsPreflightRequest(input: CorsPreflightInput): HttpRequestInput {
  const headers: [string, string][] = [
    ['Origin', input.origin],
    ['Access-Control-Request-Method', input.method],
  ];
  // Browsers send the names lower-case, sorted, comma-separated.
  if (input.requestHeaders.length > 0) headers.push(['Access-Control-Request-Headers', [...input.requestHeaders].sort().join(',')]);
  return { method: 'OPTIONS', url: input.url, headers };
}

/** True when the request needs a preflight at all (Fetch §4.1 main fetch, "use-CORS-preflight"). */
export function needsPreflight(method: string, requestHeaders: readonly string[]): boolean {
  return !SAFELISTED_METHODS.has(method) || requestHeaders.some((name) => !SAFELISTED_REQUEST_HEADERS.has(name));
}

export interface CorsPreflightVerdict {
  status: number;
  allowOrigin?: string;
  /** `Access-Control-Allow-Origin` is `*` or the origin itself. */
  originAllowed: boolean;
  methodAllowed: boolean;
  /** Requested headers the answer does not permit (lower-case). */
  headersRefused: string[];
  /** What a browser concludes: the actual request may be sent. */
  passed: boolean;
}

/**
 * Fetch §4.8 CORS-preflight fetch: an ok status (2xx), the origin allowed, the method and each
 * requested header listed (or `*`, which never covers `Authorization`), else a network error.
 */
export function processCorsPreflight(input: CorsPreflightInput, response: Pick<ExchangeResponse, 'status' | 'headers'>): CorsPreflightVerdict {
  const allowOrigin = header(response, 'access-control-allow-origin');
  const originAllowed = allowsOrigin(allowOrigin, input.origin);
  const methods = listHeader(response, 'access-control-allow-methods');
  const methodAllowed = SAFELISTED_METHODS.has(input.method) || methods.includes('*') || methods.includes(input.method.toLowerCase());
  const allowed = listHeader(response, 'access-control-allow-headers');
  const headersRefused = input.requestHeaders.filter((name) => {
    if (SAFELISTED_REQUEST_HEADERS.has(name) || allowed.includes(name)) return false;
    // Fetch §4.8 step 7.7: "*" is a wildcard for request headers, Authorization excepted.
    return name === 'authorization' || !allowed.includes('*');
  });
  const okStatus = response.status >= 200 && response.status < 300;
  return {
    status: response.status,
    ...(allowOrigin === undefined ? {} : { allowOrigin }),
    originAllowed,
    methodAllowed,
    headersRefused,
    passed: okStatus && originAllowed && methodAllowed && headersRefused.length === 0,
  };
}

export interface CorsAnswerVerdict {
  status: number;
  allowOrigin?: string;
  originAllowed: boolean;
  /** `Access-Control-Expose-Headers` as listed, lower-case (`*` exposes every header). */
  exposedHeaders: string[];
}

/** What a page on `origin` may see of an actual answer (Fetch §3.2.3 CORS check, §3.2.5 exposed headers). */
export function processCorsAnswer(origin: string, response: Pick<ExchangeResponse, 'status' | 'headers'>): CorsAnswerVerdict {
  const allowOrigin = header(response, 'access-control-allow-origin');
  return {
    status: response.status,
    ...(allowOrigin === undefined ? {} : { allowOrigin }),
    originAllowed: allowsOrigin(allowOrigin, origin),
    exposedHeaders: listHeader(response, 'access-control-expose-headers'),
  };
}

/**
 * Whether a page can read a response header. `*` exposes every header to requests without
 * credentials; a bearer token in `Authorization` is not a credential in Fetch's sense (cookies,
 * HTTP authentication the browser manages), so it counts here.
 */
export function headerExposed(exposedHeaders: readonly string[], name: string): boolean {
  return exposedHeaders.includes('*') || exposedHeaders.includes(name.toLowerCase());
}

function allowsOrigin(allowOrigin: string | undefined, origin: string): boolean {
  // One value only: a list or a mismatch fails the browser's CORS check.
  return allowOrigin !== undefined && (allowOrigin.trim() === '*' || allowOrigin.trim() === origin);
}

function header(response: Pick<ExchangeResponse, 'headers'>, name: string): string | undefined {
  const values = response.headers.filter(([n]) => n.toLowerCase() === name).map(([, v]) => v);
  return values.length === 0 ? undefined : values.join(', ');
}

function listHeader(response: Pick<ExchangeResponse, 'headers'>, name: string): string[] {
  const value = header(response, name);
  if (value === undefined) return [];
  return value
    .split(',')
    .map((item) => item.trim().toLowerCase())
    .filter((item) => item.length > 0);
}
