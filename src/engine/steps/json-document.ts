/**
 * Reading JSON documents (metadata, registration and token responses) from untrusted servers:
 * every way the answer can be unusable becomes a finding, never an exception.
 */
import type { SentExchange, StepContext } from '../step.js';
import type { Exchange, ExchangeResponse } from '../types.js';

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
    ctx.report('http.unreachable', { params: { url, kind: sent.error.kind, message: sent.error.message }, evidence });
    return true;
  }
  return false;
}

export type JsonObjectResult = { ok: true; value: Record<string, unknown> } | { ok: false; reason: string };

/** Parses a body that must be a JSON object. */
export function parseJsonObject(body: string): JsonObjectResult {
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message : 'invalid JSON' };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, reason: `the top level is ${Array.isArray(value) ? 'an array' : typeof value}, not an object` };
  }
  return { ok: true, value: value as Record<string, unknown> };
}

/**
 * Reads a JSON object document from a 2xx answer, reporting a wrong Content-Type (warning)
 * or an unparsable body (error, with `what` naming the document). Undefined when unusable.
 */
export function readJsonDocument(ctx: StepContext, sent: SentExchange, what: string): Record<string, unknown> | undefined {
  if (reportTransportFailure(ctx, sent) || !sent.response) return undefined;
  const response = sent.response;
  const evidence = { exchangeId: sent.exchange.id };
  const url = sent.exchange.request.url;
  const contentType = headerValue(response, 'content-type') ?? '(none)';
  const parsed = parseJsonObject(response.body);
  if (!parsed.ok) {
    const reason = /^\s*</.test(response.body) ? 'it looks like HTML' : parsed.reason;
    ctx.report('http.not-json', { params: { what, url, contentType, reason }, evidence });
    return undefined;
  }
  if (!/^application\/([\w.+-]*\+)?json\b/i.test(contentType)) {
    ctx.report('http.not-json-content-type', { params: { what, url, contentType }, evidence });
  }
  return parsed.value;
}
