/**
 * `POST /api/clients` (src/wire/clients.ts): the page's "Real SDK clients" switch. The relay runs
 * the real MCP SDK clients against the target the page names and answers with their results; the
 * page compares them with its own run. The route passes the same guard as a relay call (Host,
 * Origin, per-process secret): it makes requests anywhere the machine can reach, as the relay
 * does. One run at a time; each client is time-bounded by the runner.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { clientsRequestSchema, type ClientsAnswer, type ClientsRunner } from '../../src/wire/clients.js';
import { answerJson, answerRelayRejected, answerText } from './http-answers.js';
import type { RequestGuard } from './request-guard.js';
import { readJsonBody } from './workshop-routes.js';

export interface ClientsRouteContext {
  guard: RequestGuard;
  runClients: ClientsRunner;
  maxRequestBytes: number;
  log: ((line: string) => void) | undefined;
  /** True while a run is under way. */
  busy: { running: boolean };
}

export async function handleClientsCall(context: ClientsRouteContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const verdict = context.guard.checkRelayCall(req.headers);
  if (!verdict.ok) {
    answerRelayRejected(res, verdict.status, verdict.message, { connection: 'close' });
    context.log?.(`${new Date().toISOString()} clients call refused (${verdict.reason})`);
    return;
  }
  if (req.method !== 'POST') {
    answerText(res, 405, 'Method not allowed.\n', { allow: 'POST' });
    return;
  }
  const body = await readJsonBody(context, req, res, clientsRequestSchema);
  if (!body) return;
  if (!URL.canParse(body.serverUrl) || !/^https?:$/.test(new URL(body.serverUrl).protocol)) {
    answerJson(res, 400, { error: { kind: 'bad-request', message: 'serverUrl must be an http(s) URL.' } });
    return;
  }
  if (context.busy.running) {
    answerJson(res, 409, { error: { kind: 'conflict', message: 'The real clients are already running; try again when they are done.' } });
    return;
  }
  context.busy.running = true;
  const started = performance.now();
  try {
    const answer: ClientsAnswer = { results: await context.runClients(body) };
    answerJson(res, 200, answer);
    // The target and the client's credentials stay out of the log, as in relay calls' lines.
    context.log?.(`${new Date().toISOString()} clients ran: ${answer.results.map((result) => `${result.client} ${result.connected ? 'connected' : `stopped at ${result.stoppedAt ?? 'start'}`}`).join(', ')} (${Math.round(performance.now() - started)} ms)`);
  } finally {
    context.busy.running = false;
  }
}
