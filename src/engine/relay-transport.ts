/**
 * The browser's `Transport`: every request goes to the local relay (server/relay), which
 * performs it with the engine's fetch transport and answers with the result in an envelope.
 * The browser alone could not read cross-origin answers without CORS, nor a 3xx `Location`.
 *
 * Web APIs only: this module runs in the browser, and in Node for the tests.
 */
// The wire's message table only: the engine's phrase tables load after the first paint.
import { PHRASE_PREFIX } from './checks/phrase-reference.js';
import { isTransportMessageId, transportError, transportText as transportMessage, type TransportMessageId, type TransportText } from '../wire/transport-messages.js';
import { isExchangeErrorKind, type Transport, type TransportRequest, type TransportResult } from './transport.js';
import type { ExchangeError, ExchangeErrorKind, ExchangeResponse, HeaderList } from './types.js';
import { RELAY_PATH, RELAY_SECRET_HEADER, type RelayCall } from '../wire/relay.js';

/**
 * Extra time the relay gets beyond the upstream deadline before this side gives up: the
 * relay enforces `timeoutMs` on the upstream exchange, so hitting this means the relay hung.
 */
const RELAY_GRACE_MS = 5_000;

type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

export function createRelayTransport(baseUrl: string, secret: string, fetchImpl: FetchLike = globalThis.fetch): Transport {
  const endpoint = `${baseUrl.replace(/\/+$/, '')}${RELAY_PATH}`;
  return { send: (request) => sendThroughRelay(fetchImpl, endpoint, secret, request) };
}

async function sendThroughRelay(fetchImpl: FetchLike, endpoint: string, secret: string, request: TransportRequest): Promise<TransportResult> {
  const call: RelayCall = {
    method: request.method,
    url: request.url,
    headers: request.headers,
    timeoutMs: request.timeoutMs,
    maxBodyBytes: request.maxBodyBytes,
    ...(request.privateHops ? { privateHops: request.privateHops } : {}),
  };
  if (request.body !== undefined) call.body = request.body;

  const deadlineMs = request.timeoutMs + RELAY_GRACE_MS;
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, deadlineMs);

  try {
    let response: Response;
    try {
      response = await fetchImpl(endpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [RELAY_SECRET_HEADER]: secret },
        body: JSON.stringify(call),
        // The relay never redirects and needs no cookies; anything else is not the relay.
        redirect: 'error',
        credentials: 'omit',
        cache: 'no-store',
        signal: controller.signal,
      });
    } catch (cause) {
      if (timedOut) return relayFailure('timeout', transportMessage('transport-error.relay-timeout', { ms: String(deadlineMs) }));
      return relayFailure('relay-rejected', transportMessage('transport-error.relay-unreachable', { endpoint, cause: describe(cause) }));
    }

    let envelope: unknown;
    try {
      envelope = await response.json();
    } catch (cause) {
      if (timedOut) return relayFailure('timeout', transportMessage('transport-error.relay-body-timeout', { ms: String(deadlineMs) }));
      return relayFailure('relay-rejected', transportMessage('transport-error.relay-not-envelope', { status: String(response.status), cause: describe(cause) }));
    }
    return resultFromEnvelope(response.status, envelope);
  } finally {
    clearTimeout(timer);
  }
}

/** Checks the relay's envelope at the boundary: a wrong shape is a relay failure, never a crash. */
export function resultFromEnvelope(status: number, envelope: unknown): TransportResult {
  if (!isRecord(envelope) || !isRecord(envelope.relay)) {
    return relayFailure('relay-rejected', transportMessage('transport-error.relay-no-envelope', { status: String(status) }));
  }
  if (envelope.relay.ok !== true) {
    const error = envelope.relay.error;
    return relayFailure('relay-rejected', transportMessage('transport-error.relay-refused', { ...relayRefusalParams(error), status: String(status) }));
  }
  const result = envelope.result;
  if (!isRecord(result) || typeof result.ok !== 'boolean') {
    return relayFailure('relay-rejected', transportMessage('transport-error.relay-no-result'));
  }
  const response = result.response === undefined ? undefined : asExchangeResponse(result.response);
  if (result.ok) {
    if (!response) return relayFailure('relay-rejected', transportMessage('transport-error.relay-malformed-success'));
    return { ok: true, response };
  }
  const error = asExchangeError(result.error);
  if (!error || (result.response !== undefined && !response)) {
    return relayFailure('relay-rejected', transportMessage('transport-error.relay-malformed-failure'));
  }
  return response ? { ok: false, error, response } : { ok: false, error };
}

/** Bounds on the params of a message that comes over the wire. */
const MAX_TEXT_PARAMS = 16;
const MAX_TEXT_PARAM_LENGTH = 4096;

function relayFailure(kind: ExchangeErrorKind, message: TransportText): TransportResult {
  return { ok: false, error: transportError(kind, message) };
}

/**
 * Why the relay refused, as the `detail` of relay-refused: a reference to the relay's message
 * when it names one of the engine's transport messages, else its English words.
 */
function relayRefusalParams(error: unknown): Record<string, string> {
  if (!isRecord(error) || typeof error.message !== 'string') return { detail: `${PHRASE_PREFIX}transport-error.relay-no-reason` };
  const id = knownTransportMessageId(error.messageId);
  const params = textParams(error.messageParams);
  return id && params ? { ...params, detail: `${PHRASE_PREFIX}${id}` } : { detail: error.message };
}

/** The relay's (or an upstream transport's) error as it came over the wire: its text fields are checked, nothing else kept. */
function asExchangeError(value: unknown): ExchangeError | undefined {
  if (!isRecord(value) || !isExchangeErrorKind(value.kind) || typeof value.message !== 'string') return undefined;
  const messageId = knownTransportMessageId(value.messageId);
  const messageParams = textParams(value.messageParams);
  if (!messageId || !messageParams) return { kind: value.kind, message: value.message };
  return { kind: value.kind, message: value.message, messageId, ...(Object.keys(messageParams).length > 0 ? { messageParams } : {}) };
}

function knownTransportMessageId(value: unknown): TransportMessageId | undefined {
  return typeof value === 'string' && value.startsWith('transport-error.') && isTransportMessageId(value) ? value : undefined;
}

/** Params of a text: a record of strings (absent is empty), each bounded; undefined for any other shape. */
function textParams(value: unknown): Record<string, string> | undefined {
  if (value === undefined) return {};
  if (!isRecord(value)) return undefined;
  const entries = Object.entries(value);
  if (entries.length > MAX_TEXT_PARAMS || !entries.every((entry): entry is [string, string] => typeof entry[1] === 'string' && entry[1].length <= MAX_TEXT_PARAM_LENGTH)) return undefined;
  return Object.fromEntries(entries);
}

function asExchangeResponse(value: unknown): ExchangeResponse | undefined {
  if (!isRecord(value)) return undefined;
  const { status, statusText, headers, body, bodyTruncated, bodyBytes } = value;
  if (typeof status !== 'number' || typeof statusText !== 'string' || typeof body !== 'string') return undefined;
  if (typeof bodyTruncated !== 'boolean' || typeof bodyBytes !== 'number' || !isHeaderList(headers)) return undefined;
  return { status, statusText, headers, body, bodyTruncated, bodyBytes };
}

function isHeaderList(value: unknown): value is HeaderList {
  return (
    Array.isArray(value) &&
    value.every((entry) => Array.isArray(entry) && entry.length === 2 && typeof entry[0] === 'string' && typeof entry[1] === 'string')
  );
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(cause: unknown): string {
  return cause instanceof Error ? cause.message : String(cause);
}
