/**
 * Reading JSON documents (metadata, registration and token responses) from untrusted servers:
 * every way the answer can be unusable becomes a finding, never an exception.
 */
import { transportMessageParams } from '../checks/engine-phrases.js';
import { phrase, type DocumentPhraseId, type PhraseId } from '../checks/finding-phrases.js';
import type { SentExchange, StepContext } from '../step.js';
import { jsonRefusalText, parseJsonSafely } from '../../wire/json.js';
import { PRIVATE_HOP_FINDING } from '../private-address.js';
import type { Exchange, ExchangeError, ExchangeResponse } from '../types.js';

export function headerValue(response: Pick<ExchangeResponse, 'headers'>, name: string): string | undefined {
  const lower = name.toLowerCase();
  return response.headers.find(([n]) => n.toLowerCase() === lower)?.[1];
}

export function headerValues(response: Pick<ExchangeResponse, 'headers'>, name: string): string[] {
  const lower = name.toLowerCase();
  return response.headers.filter(([n]) => n.toLowerCase() === lower).map(([, v]) => v);
}

/** A recorded exchange as `ctx.http.send` returns it, for exchanges a library sent. */
export function sentExchange(exchange: Exchange): SentExchange {
  return { exchange, ...(exchange.response ? { response: exchange.response } : {}), ...(exchange.error ? { error: exchange.error } : {}) };
}

/**
 * Reports why an exchange has no usable answer (network failure or cut body); returns true
 * when it reported something, so the caller can stop looking at this exchange.
 */
export function reportTransportFailure(ctx: StepContext, sent: SentExchange): boolean {
  const evidence = { exchangeId: sent.exchange.id };
  const url = sent.exchange.request.url;
  if (sent.error?.kind === 'too-large') {
    ctx.report('http.body-too-large', { params: { url, limit: String(ctx.options.maxBodyBytes) }, evidence });
    return true;
  }
  if (sent.error) {
    ctx.report(noAnswerFindingId(sent.error), { params: noAnswerParams(url, sent.error), evidence });
    return true;
  }
  return false;
}

/**
 * The finding for a request that got no usable answer: a body cut at the size cap, a request the
 * private-address rule did not send (a way on is offered), or no answer at all.
 */
/** The params of a no-answer finding: where, the kind, the transport's words, and the cause in plain words (`problem`). */
export function noAnswerParams(url: string, error: ExchangeError): Record<string, string> {
  const problems: Partial<Record<ExchangeError['kind'], PhraseId>> = {
    dns: 'transport.problem.dns',
    refused: 'transport.problem.refused',
    tls: 'transport.problem.tls',
    timeout: 'transport.problem.timeout',
    'cors-blocked': 'transport.problem.cors-blocked',
    'relay-rejected': 'transport.problem.relay-rejected',
    'invalid-url': 'transport.problem.invalid-url',
  };
  return { ...transportMessageParams(error), url, kind: error.kind, problem: phrase(problems[error.kind] ?? 'transport.problem.other') };
}

export function noAnswerFindingId(error: ExchangeError | undefined): string {
  if (error?.kind === 'too-large') return 'http.body-too-large';
  return error?.kind === 'private-address' ? PRIVATE_HOP_FINDING : 'http.unreachable';
}

/** A failure's `reason` is a phrase reference, its placeholders in `params` (finding params, like the reason itself). */
export type JsonObjectResult = { ok: true; value: Record<string, unknown> } | { ok: false; reason: string; params?: Record<string, string> };

/** Parses a body that must be a JSON object. */
export function parseJsonObject(body: string): JsonObjectResult {
  const parsed = parseJsonSafely(body);
  if (!parsed.ok) {
    const why = jsonRefusalText(parsed);
    return { ok: false, reason: phrase(why.id), params: why.params };
  }
  const value = parsed.value;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, reason: phrase('json.top-level-not-object'), params: { jsonType: phrase(jsonTypePhrase(value)) } };
  }
  return { ok: true, value: value as Record<string, unknown> };
}

/** The JSON type of a parsed value that is not an object. */
function jsonTypePhrase(value: unknown): Extract<PhraseId, `json-type.${string}`> {
  if (value === null) return 'json-type.null';
  if (Array.isArray(value)) return 'json-type.array';
  if (typeof value === 'string') return 'json-type.string';
  if (typeof value === 'number') return 'json-type.number';
  return 'json-type.boolean';
}

/**
 * Reads a JSON object document from a 2xx answer, reporting a wrong Content-Type (warning)
 * or an unparsable body (error); `document` names it in the findings. Undefined when unusable.
 */
export function readJsonDocument(ctx: StepContext, sent: SentExchange, document: DocumentPhraseId): Record<string, unknown> | undefined {
  if (reportTransportFailure(ctx, sent) || !sent.response) return undefined;
  const response = sent.response;
  const evidence = { exchangeId: sent.exchange.id };
  const url = sent.exchange.request.url;
  const what = phrase(document);
  const contentType = headerValue(response, 'content-type') ?? phrase('value.none');
  const parsed = parseJsonObject(response.body);
  if (!parsed.ok) {
    const why = /^\s*</.test(response.body) ? { reason: phrase('json.looks-like-html') } : { ...parsed.params, reason: parsed.reason };
    ctx.report('http.not-json', { params: { what, url, contentType, ...why }, evidence });
    return undefined;
  }
  if (!/^application\/([\w.+-]*\+)?json\b/i.test(contentType)) {
    ctx.report('http.not-json-content-type', { params: { what, url, contentType }, evidence });
  }
  return parsed.value;
}
