/**
 * Test helpers for the discovery stages: a Transport that answers from a table of canned
 * responses (and remembers what it was asked), and a runner for one step through the real
 * session machinery. Used by tests only; no Node modules, so the engine's rules hold here too.
 */
import type { FlowData } from '../flow-data.js';
import { defaultFlowOptions, type FlowOptions } from '../options.js';
import { createSession, runStep, type Session } from '../session.js';
import type { Transport, TransportRequest, TransportResult } from '../transport.js';
import type { ExchangeError, HeaderList, StepId, StepResult } from '../types.js';

export interface CannedAnswer {
  status?: number;
  headers?: HeaderList | Record<string, string>;
  /** A string is sent as is; anything else as JSON with Content-Type application/json. */
  body?: unknown;
}

export type CannedRoute = CannedAnswer | { error: ExchangeError } | ((request: TransportRequest) => CannedAnswer | { error: ExchangeError });

export interface CannedTransport extends Transport {
  /** Every request, in order. */
  readonly requests: TransportRequest[];
  /** Just the URLs (with the method when it is not GET), for order assertions. */
  urls(): string[];
}

/**
 * Routes are keyed by `"<METHOD> <url>"` or by the bare URL (any method). Unknown URLs get
 * a 404 with a text body, like a server that has nothing there.
 */
export function cannedTransport(routes: Record<string, CannedRoute>): CannedTransport {
  const requests: TransportRequest[] = [];
  return {
    requests,
    urls: () => requests.map((r) => (r.method === 'GET' ? r.url : `${r.method} ${r.url}`)),
    async send(request): Promise<TransportResult> {
      requests.push(request);
      const route = routes[`${request.method} ${request.url}`] ?? routes[request.url] ?? { status: 404, headers: { 'content-type': 'text/plain' }, body: 'Not Found' };
      const answer = typeof route === 'function' ? route(request) : route;
      if ('error' in answer) return { ok: false, error: answer.error };
      return respond(answer, request.maxBodyBytes);
    },
  };
}

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

/** Runs one step on a fresh session whose earlier steps are said to have learned `data`. */
export async function runOneStep(
  stepId: StepId,
  transport: Transport,
  options: Partial<FlowOptions> & { serverUrl: string },
  data: FlowData = {},
): Promise<OneStepRun> {
  const { serverUrl, ...overrides } = options;
  const session: Session = { ...createSession(defaultFlowOptions(serverUrl, { timeoutMs: 300, ...overrides })), next: stepId, data };
  let tick = 0;
  const after = await runStep(session, { transport, clock: { now: () => Date.UTC(2026, 0, 1) + tick++ } });
  const result = after.results[after.results.length - 1];
  if (!result) throw new Error(`step ${stepId} produced no result`);
  // runStep records each step's data as the Partial<FlowData> the step returned.
  return { result: result as StepResult<Partial<FlowData>>, session: after };
}

export function findingIds(result: Pick<StepResult, 'findings'>): string[] {
  return result.findings.map((f) => f.id);
}
