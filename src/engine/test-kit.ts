/**
 * Test helpers for the steps: a Transport that answers from canned responses (and remembers
 * what it was asked), a runner for one step through the real session machinery, and the flow
 * data that earlier steps would have left behind. Used by tests only; no Node modules, so the
 * engine's rules hold here too.
 */
import type { AuthorizationRequestData, AuthorizationServerData, AuthorizationServerMetadata, FlowData } from './flow-data.js';
import { DEFAULT_REDIRECT_URI, defaultFlowOptions, type FlowOptions } from './options.js';
import { createSession, runStep, type EngineDeps, type Session } from './session.js';
import type { Transport, TransportRequest, TransportResult } from './transport.js';
import type { ExchangeError, HeaderList, StepId, StepResult } from './types.js';

export interface CannedAnswer {
  status?: number;
  headers?: HeaderList | Record<string, string>;
  /** A string is sent as is; anything else as JSON with Content-Type application/json. */
  body?: unknown;
}

export type CannedReply = CannedAnswer | { error: ExchangeError };

/** Answers every request (for tests where one endpoint is all a step talks to). */
export type CannedResponder = (request: TransportRequest) => CannedReply;

export type CannedRoute = CannedReply | CannedResponder;

export interface CannedTransport extends Transport {
  /** Every request, in order. */
  readonly requests: TransportRequest[];
  /** Just the URLs (with the method when it is not GET), for order assertions. */
  urls(): string[];
}

const NOT_FOUND: CannedAnswer = { status: 404, headers: { 'content-type': 'text/plain' }, body: 'Not Found' };

/**
 * Routes are keyed by `"<METHOD> <url>"` or by the bare URL (any method). Unknown URLs get
 * a 404 with a text body, like a server that has nothing there. A function instead of a
 * table answers every request.
 */
export function cannedTransport(routes: Record<string, CannedRoute> | CannedResponder): CannedTransport {
  const requests: TransportRequest[] = [];
  const routeFor = (request: TransportRequest): CannedRoute =>
    typeof routes === 'function' ? routes : (routes[`${request.method} ${request.url}`] ?? routes[request.url] ?? NOT_FOUND);
  return {
    requests,
    urls: () => requests.map((r) => (r.method === 'GET' ? r.url : `${r.method} ${r.url}`)),
    async send(request): Promise<TransportResult> {
      requests.push(request);
      const route = routeFor(request);
      const answer = typeof route === 'function' ? route(request) : route;
      if ('error' in answer) return { ok: false, error: answer.error };
      return respond(answer, request.maxBodyBytes);
    },
  };
}

/** A transport for steps that must not touch the network: every request is refused. */
export const noNetwork: Transport = {
  send: async (request) => ({ ok: false, error: { kind: 'refused', message: `unexpected request to ${request.url}` } }),
};

function respond(answer: CannedAnswer, maxBodyBytes: number): TransportResult {
  const headers: HeaderList = Array.isArray(answer.headers) ? [...answer.headers] : Object.entries(answer.headers ?? {});
  let body = '';
  if (typeof answer.body === 'string') body = answer.body;
  else if (answer.body !== undefined) {
    body = JSON.stringify(answer.body);
    if (!headers.some(([name]) => name.toLowerCase() === 'content-type')) headers.push(['content-type', 'application/json']);
  }
  const bytes = new TextEncoder().encode(body).byteLength;
  const status = answer.status ?? 200;
  const response = { status, statusText: '', headers, body, bodyTruncated: false, bodyBytes: bytes };
  if (bytes > maxBodyBytes) {
    return {
      ok: false,
      error: { kind: 'too-large', message: `The body is larger than ${maxBodyBytes} bytes; it was cut there.` },
      response: { ...response, body: body.slice(0, maxBodyBytes), bodyTruncated: true },
    };
  }
  return { ok: true, response };
}

export interface OneStepRun {
  result: StepResult<Partial<FlowData>>;
  session: Session;
}

/** What a step may get besides the transport; by default a clock that starts at 2026-01-01 and ticks 1 ms a reading. */
export type StepDeps = Omit<EngineDeps, 'transport' | 'steps'>;

/** Runs one step on a fresh session whose earlier steps are said to have learned `data`. */
export async function runOneStep(
  stepId: StepId,
  transport: Transport,
  options: Partial<FlowOptions> & { serverUrl: string },
  data: FlowData = {},
  deps: StepDeps = {},
): Promise<OneStepRun> {
  const { serverUrl, ...overrides } = options;
  const session: Session = { ...createSession(defaultFlowOptions(serverUrl, { timeoutMs: 300, ...overrides })), next: stepId, data };
  let tick = 0;
  const after = await runStep(session, { clock: { now: () => Date.UTC(2026, 0, 1) + tick++ }, ...deps, transport });
  const result = after.results[after.results.length - 1];
  if (!result) throw new Error(`step ${stepId} produced no result`);
  // runStep records each step's data as the Partial<FlowData> the step returned.
  return { result: result as StepResult<Partial<FlowData>>, session: after };
}

export function findingIds(result: Pick<StepResult, 'findings'>): string[] {
  return result.findings.map((f) => f.id);
}

/** The form parameters of a request body (empty when there is none). */
export function formOf(request: TransportRequest | undefined): URLSearchParams {
  return new URLSearchParams(request?.body ?? '');
}

/** A request header by its lower-case name. */
export function requestHeader(request: TransportRequest | undefined, name: string): string | undefined {
  return request?.headers.find(([n]) => n.toLowerCase() === name)?.[1];
}

/** What authorization-server-metadata leaves behind: the document as given, found at its RFC 8414 URL. */
export function authorizationServerData(metadata: AuthorizationServerMetadata): AuthorizationServerData {
  return { authorizationServer: metadata.issuer, metadataUrl: `${metadata.issuer}/.well-known/oauth-authorization-server`, metadata, fallback: false };
}

/** What authorization-request leaves behind; placeholders for the values a test does not look at. */
export function authorizationRequestData(fields: Pick<AuthorizationRequestData, 'expectedIssuer'> & Partial<AuthorizationRequestData>): AuthorizationRequestData {
  return {
    url: `${fields.expectedIssuer}/authorize`,
    state: 'state-1',
    codeVerifier: 'verifier-1',
    codeChallenge: 'challenge-1',
    redirectUri: DEFAULT_REDIRECT_URI,
    ...fields,
  };
}
