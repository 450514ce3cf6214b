/**
 * A deliberately small OAuth/MCP client for the lab's tests: plain fetch, redirects followed
 * by hand (`redirect: 'manual'`) with a name→value cookie jar, as a headless debugger run
 * does. Only what the tests need; the real client is the engine.
 */
import { calculatePKCECodeChallenge, generateRandomCodeVerifier, generateRandomState } from 'oauth4webapi';
import type { Lab } from './index.js';

/** Cookies by name only: every lab cookie is for the AS origin, and paths do not matter here. */
export class CookieJar {
  readonly #cookies = new Map<string, string>();

  store(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair = '', ...attributes] = line.split(';');
      const separator = pair.indexOf('=');
      if (separator <= 0) continue;
      const name = pair.slice(0, separator).trim();
      const value = pair.slice(separator + 1).trim();
      const expired = attributes.some((attribute) => {
        const [key = '', date = ''] = attribute.split('=');
        return key.trim().toLowerCase() === 'expires' && Date.parse(date) <= Date.now();
      });
      if (expired || value === '') this.#cookies.delete(name);
      else this.#cookies.set(name, value);
    }
  }

  header(): string | undefined {
    if (this.#cookies.size === 0) return undefined;
    return [...this.#cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }
}

export interface Hop {
  method: string;
  url: string;
  status: number;
  location?: string;
}

/**
 * Sends a request, then follows 3xx answers with GETs until one points at `redirectUri`
 * (returned, not fetched) or an answer is not a redirect (returned as the last hop).
 */
export async function followRedirects(
  first: { url: string; method?: string; body?: URLSearchParams },
  jar: CookieJar,
  redirectUri: string,
  maxHops = 12,
): Promise<{ hops: Hop[]; callbackUrl?: string; last: Response }> {
  const hops: Hop[] = [];
  let url = first.url;
  let method = first.method ?? 'GET';
  let body = first.body;
  for (let hop = 0; hop < maxHops; hop += 1) {
    const headers: Record<string, string> = {};
    const cookie = jar.header();
    if (cookie) headers.cookie = cookie;
    if (body) headers['content-type'] = 'application/x-www-form-urlencoded';
    const response = await fetch(url, { method, headers, body, redirect: 'manual' });
    jar.store(response);
    const location = response.headers.get('location') ?? undefined;
    hops.push({ method, url, status: response.status, ...(location ? { location } : {}) });
    if (response.status < 300 || response.status >= 400 || !location) return { hops, last: response };
    await response.arrayBuffer();
    const next = new URL(location, url).href;
    if (next.startsWith(redirectUri)) return { hops, callbackUrl: next, last: response };
    url = next;
    method = 'GET';
    body = undefined;
  }
  throw new Error(`more than ${maxHops} redirects: ${hops.map((hop) => `${hop.status} ${hop.url}`).join(' -> ')}`);
}

export interface AuthorizationRequest {
  url: string;
  state: string;
  codeVerifier: string;
  redirectUri: string;
}

export async function buildAuthorizationRequest(
  lab: Lab,
  input: { clientId: string; redirectUri: string; scope?: string; resource?: string | null; extra?: Record<string, string> },
): Promise<AuthorizationRequest> {
  const codeVerifier = generateRandomCodeVerifier();
  const state = generateRandomState();
  const url = new URL(`${lab.issuer}/protocol/openid-connect/auth`);
  url.searchParams.set('response_type', 'code');
  url.searchParams.set('client_id', input.clientId);
  url.searchParams.set('redirect_uri', input.redirectUri);
  url.searchParams.set('scope', input.scope ?? 'openid offline_access mcp:tools');
  url.searchParams.set('state', state);
  url.searchParams.set('code_challenge', await calculatePKCECodeChallenge(codeVerifier));
  url.searchParams.set('code_challenge_method', 'S256');
  if (input.resource !== null) url.searchParams.set('resource', input.resource ?? lab.mcpUrl);
  for (const [name, value] of Object.entries(input.extra ?? {})) url.searchParams.set(name, value);
  return { url: url.href, state, codeVerifier, redirectUri: input.redirectUri };
}

export async function registerClient(lab: Lab, metadata: Record<string, unknown>): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${lab.issuer}/clients-registrations/openid-connect`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify(metadata),
  });
  return { status: response.status, body: asRecord(await response.json()) };
}

export async function tokenRequest(
  lab: Lab,
  params: Record<string, string>,
  clientAuth?: { clientId: string; clientSecret: string },
): Promise<{ status: number; body: Record<string, unknown> }> {
  const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' };
  if (clientAuth) headers.authorization = basicAuth(clientAuth);
  const response = await fetch(`${lab.issuer}/protocol/openid-connect/token`, {
    method: 'POST',
    headers,
    body: new URLSearchParams(params),
  });
  return { status: response.status, body: asRecord(await response.json()) };
}

/** RFC 6749 §2.3.1: client id and secret are form-encoded before Basic encoding. */
export function basicAuth(client: { clientId: string; clientSecret: string }): string {
  const encode = (value: string): string => encodeURIComponent(value).replaceAll('%20', '+');
  return `Basic ${Buffer.from(`${encode(client.clientId)}:${encode(client.clientSecret)}`).toString('base64')}`;
}

export function asRecord(value: unknown): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error(`expected a JSON object, got ${JSON.stringify(value)}`);
  return Object.fromEntries(Object.entries(value));
}

export function stringField(record: Record<string, unknown>, name: string): string {
  const value = record[name];
  if (typeof value !== 'string') throw new Error(`expected string field "${name}" in ${JSON.stringify(record)}`);
  return value;
}

/**
 * Registers a public native client by DCR and runs authorization code + PKCE with the lab in
 * autoConsent mode, returning the token response.
 */
export async function authorizeWithAutoConsent(
  lab: Lab,
  options: { scope?: string; resource?: string | null; redirectUri?: string } = {},
): Promise<{ clientId: string; callback: URL; hops: Hop[]; tokens: Record<string, unknown>; request: AuthorizationRequest }> {
  const redirectUri = options.redirectUri ?? 'http://127.0.0.1:4280/callback';
  const registration = await registerClient(lab, {
    client_name: 'lab test client',
    application_type: 'native',
    redirect_uris: [redirectUri],
    grant_types: ['authorization_code', 'refresh_token'],
    response_types: ['code'],
    token_endpoint_auth_method: 'none',
  });
  if (registration.status !== 201) throw new Error(`registration failed: ${JSON.stringify(registration.body)}`);
  const clientId = stringField(registration.body, 'client_id');
  const request = await buildAuthorizationRequest(lab, {
    clientId,
    redirectUri,
    ...(options.scope !== undefined ? { scope: options.scope } : {}),
    ...(options.resource !== undefined ? { resource: options.resource } : {}),
  });
  const jar = new CookieJar();
  const { hops, callbackUrl } = await followRedirects({ url: request.url }, jar, redirectUri);
  if (!callbackUrl) throw new Error(`no redirect to the client: ${JSON.stringify(hops)}`);
  const callback = new URL(callbackUrl);
  const code = callback.searchParams.get('code');
  if (!code) throw new Error(`no code in ${callbackUrl}`);
  const tokens = await tokenRequest(lab, {
    grant_type: 'authorization_code',
    client_id: clientId,
    code,
    redirect_uri: redirectUri,
    code_verifier: request.codeVerifier,
    ...(options.resource === null ? {} : { resource: options.resource ?? lab.mcpUrl }),
  });
  if (tokens.status !== 200) throw new Error(`token request failed: ${JSON.stringify(tokens.body)}`);
  return { clientId, callback, hops, tokens: tokens.body, request };
}

/** A JSON-RPC POST to the MCP endpoint as the Streamable HTTP transport sends it. */
export async function mcpPost(lab: Lab, accessToken: string | undefined, message: Record<string, unknown>): Promise<Response> {
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    accept: 'application/json, text/event-stream',
    'mcp-protocol-version': '2025-06-18',
  };
  if (accessToken !== undefined) headers.authorization = `Bearer ${accessToken}`;
  return fetch(lab.mcpUrl, { method: 'POST', headers, body: JSON.stringify(message) });
}

export const INITIALIZE = {
  jsonrpc: '2.0',
  id: 1,
  method: 'initialize',
  params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'lab-test', version: '0.0.0' } },
} as const;

/** The 2026-07-28 protocol version the lab's MCP server speaks beside the legacy ones. */
export const MODERN_VERSION = '2026-07-28';

/**
 * A 2026-07-28 request: `_meta` in the body, mirrored in MCP-Protocol-Version, Mcp-Method and
 * (for tools/call) Mcp-Name, as the Streamable HTTP binding defines them.
 */
export async function modernPost(lab: Lab, accessToken: string | undefined, method: string, params: Record<string, unknown> = {}, id = 1): Promise<Response> {
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    accept: 'application/json, text/event-stream',
    'mcp-protocol-version': MODERN_VERSION,
    'mcp-method': method,
  };
  if (typeof params.name === 'string') headers['mcp-name'] = params.name;
  if (accessToken !== undefined) headers.authorization = `Bearer ${accessToken}`;
  const _meta = {
    'io.modelcontextprotocol/protocolVersion': MODERN_VERSION,
    'io.modelcontextprotocol/clientInfo': { name: 'lab-test', version: '0.0.0' },
    'io.modelcontextprotocol/clientCapabilities': {},
  };
  return fetch(lab.mcpUrl, { method: 'POST', headers, body: JSON.stringify({ jsonrpc: '2.0', id, method, params: { ...params, _meta } }) });
}

/** The JSON-RPC message of an answer sent as JSON or as an SSE stream (its last data event). */
export async function jsonRpcMessage(response: Response): Promise<Record<string, unknown>> {
  const text = await response.text();
  if ((response.headers.get('content-type') ?? '').startsWith('text/event-stream')) {
    const data = text.split('\n').filter((line) => line.startsWith('data:')).map((line) => line.slice(5).trim());
    return asRecord(JSON.parse(data.at(-1) ?? 'null'));
  }
  return asRecord(JSON.parse(text));
}

/** `tools/call` add_numbers(a, b) in the 2026-07-28 protocol; returns the call's HTTP response. */
export async function callAddNumbers(lab: Lab, accessToken: string, a: number, b: number): Promise<Response> {
  return modernPost(lab, accessToken, 'tools/call', { name: 'add_numbers', arguments: { a, b } });
}

/** Client credentials for the pre-registered confidential client: a token without a browser. */
export async function clientCredentialsToken(lab: Lab, resource: string, scope = 'mcp:tools'): Promise<string> {
  const { clientSecret } = lab.preRegisteredClient;
  if (clientSecret === undefined) throw new Error('the pre-registered client has no secret');
  const response = await tokenRequest(
    lab,
    { grant_type: 'client_credentials', resource, ...(scope ? { scope } : {}) },
    { clientId: lab.preRegisteredClient.clientId, clientSecret },
  );
  if (response.status !== 200) throw new Error(`client_credentials failed: ${JSON.stringify(response.body)}`);
  return stringField(response.body, 'access_token');
}

/** The same token with a changed payload and the original signature. */
export function tamperWithPayload(token: string, changes: Record<string, unknown>): string {
  const [header, payload, signature] = token.split('.');
  if (header === undefined || payload === undefined || signature === undefined) throw new Error('not a JWS compact token');
  const claims = asRecord(JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')));
  const forged = Buffer.from(JSON.stringify({ ...claims, ...changes })).toString('base64url');
  return `${header}.${forged}.${signature}`;
}
