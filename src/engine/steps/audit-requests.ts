/**
 * What every resource-server probe of the audit does: send the MCP request with a chosen bearer
 * value, and judge the answer to a request the server must refuse. Shared by audit.ts and the
 * probes in their own modules (audit-session.ts, audit-insufficient-scope.ts).
 */
import { phrase, type PhraseId } from '../checks/finding-phrases.js';
import type { ExchangeLabel, SentExchange, StepContext } from '../step.js';
import type { HeaderList } from '../types.js';
import { parseJsonObject, reportTransportFailure } from './json-document.js';
import { probeRequest } from './probe.js';
import type { TokenEndpointCall } from './token-request.js';

export async function sendWithToken(ctx: StepContext, token: string, label: ExchangeLabel) {
  const request = probeRequest(ctx.options, ctx.data.mcp?.era ?? ctx.data.probe?.era);
  const headers: HeaderList = [...(request.headers ?? []), ['authorization', `Bearer ${token}`]];
  return ctx.http.send({ ...request, headers }, label);
}

/** A refusal (or acceptance) the server answered, for the checks of its challenge and body. */
export interface RefusalAnswer {
  sent: SentExchange;
  what: PhraseId;
  /** The request carried a token in its Authorization header, so the challenge must name the error. */
  withToken: boolean;
}

/**
 * The server's answer to a request it must refuse; no answer proves nothing and is reported as
 * such. Probes without an own "refused" finding share `audit.refused`.
 */
export function judge(ctx: StepContext, sent: SentExchange, ids: { accepted: string; refused?: string; what: PhraseId; params: Record<string, string> }): RefusalAnswer | undefined {
  const status = sent.response?.status;
  if (status === undefined || (sent.error && sent.error.kind !== 'too-large')) {
    reportTransportFailure(ctx, sent);
    return undefined;
  }
  const evidence = { exchangeId: sent.exchange.id };
  const params = { ...ids.params, url: ctx.options.serverUrl, status: String(status) };
  if (status >= 200 && status < 300) ctx.report(ids.accepted, { params: { ...params, what: phrase(ids.what) }, evidence });
  else if (status === 401) ctx.report(ids.refused ?? 'audit.refused', { params: { ...params, what: phrase(ids.what) }, evidence });
  else ctx.report('audit.unexpected-status', { params: { ...params, what: phrase(ids.what) }, evidence });
  return { sent, what: ids.what, withToken: true };
}

/**
 * The access token a token request of the audit got (and the answer's other fields), or why
 * there is none: the reason (with its details) the probe is reported untested for.
 */
export function auditTokenAnswer(call: TokenEndpointCall): { ok: true; accessToken: string; body: Record<string, unknown> } | { ok: false; reason: PhraseId; details?: Record<string, string> } {
  // The finding that says why the request could not be made is already in the list.
  if (!call.ok) return call.findingId ? { ok: false, reason: 'audit.untested.token-request-failed', details: { cause: call.findingId } } : { ok: false, reason: 'audit.untested.no-client' };
  const response = call.exchange.response;
  const body = response ? parseJsonObject(response.body) : undefined;
  if (!response || response.status !== 200 || !body?.ok || typeof body.value.access_token !== 'string') {
    if (body?.ok && typeof body.value.error === 'string') return { ok: false, reason: 'audit.untested.refused', details: { error: body.value.error } };
    return { ok: false, reason: 'audit.untested.refused-status', details: { status: response ? String(response.status) : phrase('value.none') } };
  }
  return { ok: true, accessToken: body.value.access_token, body: body.value };
}
