/**
 * The real MCP TypeScript SDK clients against an MCP server, headless: v1
 * (`@modelcontextprotocol/sdk`) and v2 (`@modelcontextprotocol/client`), one after the other,
 * each within a time bound. Each goes as far as it can: discovery, registration (or the client
 * the person gave), authorization (the redirects followed as the debugger's `--consent auto`
 * does), token, connect, list tools. The result says whether it connected, where it stopped and
 * what it raised, so it can be set beside the debugger's own verdict (src/engine/clients.ts).
 *
 * Every request the SDKs make goes through the debugger's Node transport: no redirect is followed
 * silently, bodies and times are capped, and private addresses of other hosts are refused as in a
 * run of the debugger (unless the person allows them).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Client as ClientV2, StreamableHTTPClientTransport as TransportV2 } from '@modelcontextprotocol/client';
import { Client as ClientV1 } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport as TransportV1 } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { AuthorizationPageShown, createRedirectFollowingInteraction } from '../../src/engine/consent/follow-redirects.js';
import { DEFAULT_REDIRECT_URI } from '../../src/engine/options.js';
import { createStepHttp, sequentialIds } from '../../src/engine/recorder.js';
import { DEFAULT_MAX_BODY_BYTES, DEFAULT_TIMEOUT_MS } from '../../src/wire/relay.js';
import type { Transport } from '../../src/engine/transport.js';
import { DEFAULT_CLIENT_TIME_MS, SDK_CLIENT_IDS, type ClientsRequest, type ClientStage, type SdkClientId, type SdkClientResult } from '../../src/wire/clients.js';
import { createNodeTransport } from '../net/node-transport.js';
import { sanitiseClientError } from './client-error-text.js';

export interface SdkClientRunOptions {
  /** The network; the debugger's Node transport by default. */
  transport?: Transport;
  /** Which clients, in order; both by default. */
  clients?: readonly SdkClientId[];
}

/** Runs each SDK client against `request.serverUrl` and says how far it got. Never rejects for what a server does. */
export async function runSdkClients(request: ClientsRequest, options: SdkClientRunOptions = {}): Promise<SdkClientResult[]> {
  const transport = options.transport ?? createNodeTransport();
  const results: SdkClientResult[] = [];
  for (const client of options.clients ?? SDK_CLIENT_IDS) results.push(await runOneClient(client, request, transport));
  return results;
}

const PACKAGES: Record<SdkClientId, string> = { 'sdk-v1': '@modelcontextprotocol/sdk', 'sdk-v2': '@modelcontextprotocol/client' };
/** An entry point each package exports, to find where it is installed. */
const ENTRY_POINTS: Record<SdkClientId, string> = { 'sdk-v1': '@modelcontextprotocol/sdk/client/index.js', 'sdk-v2': '@modelcontextprotocol/client' };

/** What one client run knows while it goes: the stage it is in, the secrets it has seen, whether its time is up. */
interface RunState {
  stage: ClientStage;
  timedOut: boolean;
  secrets: Set<string>;
  /** What went wrong after the result was settled (a late rejection, a failed close): kept, not compared. */
  afterwards: string[];
  registrationEndpoint?: string;
  tokenEndpoint?: string;
}

class TimeBoundReached extends Error {
  constructor(ms: number) {
    super(`did not finish within ${Math.round(ms / 1000)} s`);
    this.name = 'TimeBoundReached';
  }
}

/** The sign-in page the authorization server showed, where a person would have to go on. */
class SignInPageReached extends Error {
  constructor(pageUrl: string) {
    super(`the authorization server showed a sign-in or consent page (${pageUrl}); the headless run cannot sign in, so the client stopped there`);
    this.name = 'SignInPageReached';
  }
}

/** The client got to the end of a stage and stopped with this error (not one the SDK raised). */
class StageFailure extends Error {}

async function runOneClient(client: SdkClientId, request: ClientsRequest, transport: Transport): Promise<SdkClientResult> {
  const started = performance.now();
  const budgetMs = request.timeoutMs ?? DEFAULT_CLIENT_TIME_MS;
  const state: RunState = { stage: 'connect', timedOut: false, secrets: new Set([request.clientSecret ?? '']), afterwards: [] };
  const base = { client, package: PACKAGES[client], version: packageVersion(PACKAGES[client], ENTRY_POINTS[client]) };
  const finish = (fields: Partial<SdkClientResult>): SdkClientResult => ({ ...base, connected: false, ...fields, durationMs: Math.round(performance.now() - started) });

  let timer: NodeJS.Timeout | undefined;
  const timeUp = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      state.timedOut = true;
      reject(new TimeBoundReached(budgetMs));
    }, budgetMs);
  });
  const deadline = Date.now() + budgetMs;
  const drive = (client === 'sdk-v1' ? driveV1 : driveV2)(request, transport, state, deadline);
  // The drive goes on in the background after the bound until its pending request ends (each
  // request is capped by the remaining time); its late outcome is not wanted.
  drive.catch((error: unknown) => state.afterwards.push(error instanceof Error ? error.name : 'unknown'));
  try {
    const outcome = await Promise.race([drive, timeUp]);
    return finish({ connected: true, tools: outcome.tools, ...(outcome.protocolVersion ? { protocolVersion: outcome.protocolVersion } : {}) });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const text = sanitiseClientError(message || (error instanceof Error ? error.name : 'unknown error'), state.secrets);
    if (error instanceof SignInPageReached) return finish({ stoppedAt: 'authorization', limit: 'sign-in-page', error: text });
    return finish({ stoppedAt: stageOfError(message) ?? state.stage, error: text });
  } finally {
    clearTimeout(timer);
  }
}

interface Connected {
  tools: number;
  protocolVersion?: string;
}

/** The pieces both SDKs share, typed as far as this module uses them. */
interface SdkClient {
  connect(transport: never): Promise<void>;
  listTools(): Promise<{ tools: unknown[] }>;
  close(): Promise<void>;
}

async function driveV1(request: ClientsRequest, transport: Transport, state: RunState, deadline: number): Promise<Connected> {
  const { provider, fetch } = clientPlumbing(request, transport, state, deadline);
  const open = () => new TransportV1(new URL(request.serverUrl), { authProvider: provider as never, fetch });
  const first = open();
  const direct = await connectOrAuthorize(new ClientV1({ name: 'mcp-auth-debugger (SDK v1 client)', version: '1.0.0' }), first, provider);
  if (direct) return listTools(direct, state, () => first.protocolVersion);
  const callback = await authorize(provider, request, transport, state, deadline);
  state.stage = 'token';
  await first.finishAuth(callback.get('code') ?? '');
  state.stage = 'connect';
  const second = open();
  const client = new ClientV1({ name: 'mcp-auth-debugger (SDK v1 client)', version: '1.0.0' });
  await client.connect(second);
  return listTools(client, state, () => second.protocolVersion);
}

async function driveV2(request: ClientsRequest, transport: Transport, state: RunState, deadline: number): Promise<Connected> {
  const { provider, fetch } = clientPlumbing(request, transport, state, deadline);
  const open = () => new TransportV2(new URL(request.serverUrl), { authProvider: provider as never, fetch });
  const make = () => new ClientV2({ name: 'mcp-auth-debugger (SDK v2 client)', version: '2.0.0' }, { versionNegotiation: { mode: 'auto' } });
  const first = open();
  const firstClient = make();
  const direct = await connectOrAuthorize(firstClient, first, provider);
  if (direct) return listTools(direct, state, () => firstClient.getNegotiatedProtocolVersion());
  const callback = await authorize(provider, request, transport, state, deadline);
  state.stage = 'token';
  await first.finishAuth(callback);
  state.stage = 'connect';
  const client = make();
  await client.connect(open());
  return listTools(client, state, () => client.getNegotiatedProtocolVersion());
}

/**
 * The first connect: a server that needs no authorization lets the client in at once (the client
 * is returned); one that does makes the SDK discover, register and ask for the user to be sent
 * to the authorization server, and the connect rejects. Any other rejection is where it stopped.
 */
async function connectOrAuthorize<C extends SdkClient>(client: C, transport: object, provider: HeadlessOAuthProvider): Promise<C | undefined> {
  try {
    await client.connect(transport as never);
    return client;
  } catch (error) {
    if (provider.authorizationUrl) return undefined;
    throw error;
  }
}

async function listTools(client: SdkClient, state: RunState, protocolVersion: () => string | undefined): Promise<Connected> {
  try {
    state.stage = 'list-tools';
    const listed = await client.listTools();
    const version = protocolVersion();
    return { tools: listed.tools.length, ...(version ? { protocolVersion: version } : {}) };
  } finally {
    // Closing is not part of what is compared; a failure to close is not the server's verdict.
    await client.close().catch((error: unknown) => state.afterwards.push(error instanceof Error ? error.name : 'unknown'));
  }
}

/** The user's browser, headless: the authorization redirects followed as `check --consent auto` does. */
async function authorize(provider: HeadlessOAuthProvider, request: ClientsRequest, transport: Transport, state: RunState, deadline: number): Promise<URLSearchParams> {
  state.stage = 'authorization';
  const url = provider.authorizationUrl;
  if (!url) throw new StageFailure('the client did not ask to send the user to the authorization server');
  const http = createStepHttp('authorization-request', transport, { now: () => Date.now() }, sequentialIds('client'), {
    timeoutMs: remaining(deadline),
    maxBodyBytes: DEFAULT_MAX_BODY_BYTES,
    serverUrl: request.serverUrl,
    ...(request.allowPrivateHops ? { allowPrivateHops: true } : {}),
  });
  let callbackUrl: string;
  try {
    callbackUrl = await createRedirectFollowingInteraction().obtainCallback({ url: url.href, redirectUri: provider.redirectUrl }, http);
  } catch (error) {
    if (error instanceof AuthorizationPageShown) throw new SignInPageReached(error.pageUrl);
    throw error;
  }
  const params = new URL(callbackUrl).searchParams;
  const code = params.get('code');
  if (code) state.secrets.add(code);
  const refusal = params.get('error');
  if (refusal) throw new StageFailure(`the authorization server sent the user back with error=${refusal}${params.get('error_description') ? `: ${params.get('error_description')}` : ''}`);
  if (!code) throw new StageFailure('the authorization server sent the user back without a code');
  return params;
}

/**
 * The SDKs check the protected resource metadata's `resource` only once they have fetched the
 * authorization server's metadata too, so the last request does not name the stage its error is about.
 */
function stageOfError(message: string): ClientStage | undefined {
  if (/^Protected resource .* does not match/i.test(message)) return 'protected-resource-metadata';
  return undefined;
}

function remaining(deadline: number): number {
  return Math.max(100, Math.min(DEFAULT_TIMEOUT_MS, deadline - Date.now()));
}

/**
 * What both SDKs ask of an OAuth client provider, in memory. It remembers the authorization URL
 * the SDK wants the user sent to, and every secret it is handed, so they can be kept out of errors.
 */
class HeadlessOAuthProvider {
  readonly redirectUrl: string;
  readonly clientMetadata: Record<string, unknown>;
  authorizationUrl: URL | undefined;
  #client: Record<string, unknown> | undefined;
  #tokens: Record<string, unknown> | undefined;
  #verifier = '';
  readonly #state: RunState;

  constructor(request: ClientsRequest, state: RunState) {
    this.#state = state;
    this.redirectUrl = request.redirectUri ?? DEFAULT_REDIRECT_URI;
    this.clientMetadata = {
      client_name: 'mcp-auth-debugger (real SDK client)',
      redirect_uris: [this.redirectUrl],
      grant_types: ['authorization_code', 'refresh_token'],
      response_types: ['code'],
      token_endpoint_auth_method: request.clientSecret ? 'client_secret_basic' : 'none',
      ...(request.scope ? { scope: request.scope } : {}),
    };
    // A client the person registered beforehand: the SDKs use it instead of registering.
    if (request.clientId) this.#client = { client_id: request.clientId, ...(request.clientSecret ? { client_secret: request.clientSecret } : {}) };
  }

  // The SDKs' types differ in detail between v1 and v2; the shapes they pass are plain JSON.
  clientInformation = () => this.#client as never;
  saveClientInformation = (information: Record<string, unknown>) => {
    this.#client = information;
    this.#remember(information.client_secret);
  };
  tokens = () => this.#tokens as never;
  saveTokens = (tokens: Record<string, unknown>) => {
    this.#tokens = tokens;
    this.#remember(tokens.access_token);
    this.#remember(tokens.refresh_token);
    this.#remember(tokens.id_token);
  };
  redirectToAuthorization = (url: URL) => {
    this.authorizationUrl = url;
  };
  saveCodeVerifier = (verifier: string) => {
    this.#verifier = verifier;
    this.#remember(verifier);
  };
  codeVerifier = () => this.#verifier;
  // v2 keeps which authorization server the flow began with, to check the callback against it.
  #discovery: unknown;
  saveDiscoveryState = (discovery: unknown) => {
    this.#discovery = discovery;
  };
  discoveryState = () => this.#discovery as never;

  #remember(value: unknown): void {
    if (typeof value === 'string' && value !== '') this.#state.secrets.add(value);
  }
}

type FetchLike = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

/** The provider and the fetch a client gets: every request through the debugger's transport, its stage noted. */
function clientPlumbing(request: ClientsRequest, transport: Transport, state: RunState, deadline: number): { provider: HeadlessOAuthProvider; fetch: FetchLike } {
  const provider = new HeadlessOAuthProvider(request, state);
  const mcp = new URL(request.serverUrl);
  const mcpEndpoint = `${mcp.origin}${mcp.pathname}`;
  const fetch: FetchLike = async (input, init) => {
    if (state.timedOut) throw new TimeBoundReached(0);
    const outgoing = new Request(input, init);
    const url = new URL(outgoing.url);
    const body = outgoing.body ? await outgoing.clone().text() : '';
    const stage = stageOf(outgoing.method, url, body, outgoing.headers.get('content-type') ?? '', mcpEndpoint, state);
    // The listing is its own stage; requests to the MCP endpoint before it are the connect.
    if (!(stage === 'connect' && state.stage === 'list-tools')) state.stage = stage;
    // The optional stream for server-initiated messages (GET with Accept: text/event-stream)
    // stays open for as long as the server likes; this run needs requests and their answers
    // only, so the client is told, as a server without that stream says, that there is none.
    if (outgoing.method === 'GET' && `${url.origin}${url.pathname}` === mcpEndpoint) return new Response(null, { status: 405, headers: { allow: 'POST' } });
    const http = createStepHttp('authenticated-mcp', transport, { now: () => Date.now() }, sequentialIds('client'), {
      timeoutMs: remaining(deadline),
      maxBodyBytes: DEFAULT_MAX_BODY_BYTES,
      serverUrl: request.serverUrl,
      ...(request.allowPrivateHops ? { allowPrivateHops: true } : {}),
    });
    const response = await http.fetch()(outgoing);
    if (stage === 'authorization-server-metadata' && response.ok) await learnEndpoints(response.clone(), state);
    return response;
  };
  return { provider, fetch };
}

/** The stage a request belongs to, from where it goes and what it carries. */
function stageOf(method: string, url: URL, body: string, contentType: string, mcpEndpoint: string, state: RunState): ClientStage {
  const { pathname } = url;
  if (pathname.includes('/.well-known/oauth-protected-resource')) return 'protected-resource-metadata';
  if (pathname.includes('/.well-known/oauth-authorization-server') || pathname.includes('/.well-known/openid-configuration')) return 'authorization-server-metadata';
  if (`${url.origin}${pathname}` === mcpEndpoint) return 'connect';
  if (method === 'POST') {
    const target = `${url.origin}${pathname}`;
    if (target === state.registrationEndpoint || (/json/i.test(contentType) && /"redirect_uris"/.test(body))) return 'client-registration';
    if (target === state.tokenEndpoint || /(^|&)grant_type=/.test(body)) return 'token';
  }
  return state.stage;
}

async function learnEndpoints(response: Response, state: RunState): Promise<void> {
  let metadata: unknown;
  try {
    metadata = await response.json();
  } catch (error) {
    // Not JSON: the SDK says so itself; nothing to learn here.
    if (error instanceof SyntaxError) return;
    throw error;
  }
  if (typeof metadata !== 'object' || metadata === null) return;
  const { registration_endpoint: registration, token_endpoint: token } = metadata as Record<string, unknown>;
  if (typeof registration === 'string' && URL.canParse(registration)) state.registrationEndpoint = endpointOf(registration);
  if (typeof token === 'string' && URL.canParse(token)) state.tokenEndpoint = endpointOf(token);
}

function endpointOf(url: string): string {
  const parsed = new URL(url);
  return `${parsed.origin}${parsed.pathname}`;
}

const versions = new Map<string, string>();

/** Set by the bundled builds (scripts/bundle-support.mjs), which carry the SDKs inside them. */
declare const __MCP_SDK_VERSIONS__: Record<string, string> | undefined;

/**
 * The version of an SDK package: the one bundled, or in a checkout the installed one, read from
 * its package.json next to its entry point.
 */
function packageVersion(name: string, entryPoint: string): string {
  const bundled = typeof __MCP_SDK_VERSIONS__ === 'undefined' ? undefined : __MCP_SDK_VERSIONS__[name];
  if (bundled) return bundled;
  const known = versions.get(name);
  if (known) return known;
  let version = 'unknown';
  let dir = path.dirname(createRequire(import.meta.url).resolve(entryPoint));
  for (let depth = 0; depth < 6; depth++) {
    const candidate = path.join(dir, 'package.json');
    try {
      const manifest = JSON.parse(readFileSync(candidate, 'utf8')) as { name?: unknown; version?: unknown };
      if (manifest.name === name && typeof manifest.version === 'string') {
        version = manifest.version;
        break;
      }
    } catch (error) {
      // No package.json at this level (or one of a sub-folder without a name): look further up.
      if (!(error instanceof Error && 'code' in error && error.code === 'ENOENT') && !(error instanceof SyntaxError)) throw error;
    }
    dir = path.dirname(dir);
  }
  versions.set(name, version);
  return version;
}
