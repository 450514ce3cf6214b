/**
 * The body of `POST /api/relay`, parsed at the boundary. Anything the engine's fetch transport
 * would turn into a misleading network error (a header fetch refuses, a body on GET) is refused
 * here with a reason instead.
 */
import { z } from 'zod';
import { isTransportMessageId, transportError, transportText, type TransportText } from '../../src/wire/transport-messages.js';
import type { TransportRequest } from '../../src/engine/transport.js';
import type { ExchangeError } from '../../src/engine/types.js';

/** RFC 9110 §5.6.2 `token`: method and field names. */
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
/** Field values as fetch accepts them: bytes, no CR, LF or NUL (RFC 9110 §5.5). */
const FIELD_VALUE = /^[^\r\n\0\u0100-\uffff]*$/;
/**
 * Methods fetch refuses outright (Fetch standard "forbidden method"), and hop-by-hop fields
 * Node's fetch (undici) manages itself and throws on when a caller sets them.
 */
const FORBIDDEN_METHODS = new Set(['CONNECT', 'TRACE', 'TRACK']);
const FORBIDDEN_HEADERS = new Set(['transfer-encoding', 'keep-alive', 'upgrade', 'expect']);

const relayCallSchema = z.object({
  method: z
    .string()
    .max(32)
    .regex(TOKEN, 'transport-error.relay-call-method-token')
    .refine((method) => !FORBIDDEN_METHODS.has(method.toUpperCase()), 'transport-error.relay-call-method-forbidden'),
  url: z.string().max(16_384),
  headers: z
    .array(
      z.tuple([
        z
          .string()
          .max(256)
          .regex(TOKEN, 'transport-error.relay-call-header-name')
          .refine((name) => !FORBIDDEN_HEADERS.has(name.toLowerCase()), 'transport-error.relay-call-hop-by-hop'),
        z.string().max(65_536).regex(FIELD_VALUE, 'transport-error.relay-call-header-value'),
      ]),
    )
    .max(200),
  body: z.string().optional(),
  timeoutMs: z.number().int().positive().optional(),
  maxBodyBytes: z.number().int().nonnegative().optional(),
  privateHops: z.object({ startHost: z.string().max(512) }).optional(),
});

export interface RelayCaps {
  timeoutMs: number;
  maxBodyBytes: number;
}

export type ParsedRelayCall =
  | { ok: true; request: TransportRequest; target: URL }
  /** The call is well-formed but its target is not an http(s) URL: answered as the transport would. */
  | { ok: true; request: TransportRequest; invalidTarget: ExchangeError }
  /** Why the call itself is refused, as one of the wire's transport messages. */
  | { ok: false; text: TransportText };

export function parseRelayCall(json: unknown, caps: RelayCaps, defaults: RelayCaps): ParsedRelayCall {
  const parsed = relayCallSchema.safeParse(json);
  if (!parsed.success) {
    // The schema's own messages are message ids; zod's generic ones (a type, a size) are its
    // words, so only the field they are about is kept.
    const issue = parsed.error.issues[0];
    const field = issue?.path.join('.') ?? '';
    if (issue && isTransportMessageId(issue.message)) return { ok: false, text: transportText(issue.message, { field }) };
    return { ok: false, text: field === '' ? transportText('transport-error.relay-call-not-object') : transportText('transport-error.relay-call-field', { field }) };
  }
  const call = parsed.data;
  const method = call.method.toUpperCase();
  if (call.body !== undefined && (method === 'GET' || method === 'HEAD')) {
    return { ok: false, text: transportText('transport-error.relay-call-body-not-allowed', { method }) };
  }
  const request: TransportRequest = {
    method: call.method,
    url: call.url,
    headers: call.headers,
    timeoutMs: Math.min(call.timeoutMs ?? defaults.timeoutMs, caps.timeoutMs),
    maxBodyBytes: Math.min(call.maxBodyBytes ?? defaults.maxBodyBytes, caps.maxBodyBytes),
  };
  if (call.body !== undefined) request.body = call.body;
  if (call.privateHops) request.privateHops = call.privateHops;

  const target = URL.canParse(call.url) ? new URL(call.url) : undefined;
  if (!target) return { ok: true, request, invalidTarget: transportError('invalid-url', transportText('transport-error.not-absolute-url', { url: call.url })) };
  if (target.protocol !== 'http:' && target.protocol !== 'https:') {
    return {
      ok: true,
      request,
      invalidTarget: transportError('invalid-url', transportText('transport-error.scheme-not-http', { scheme: target.protocol })),
    };
  }
  if (target.username !== '' || target.password !== '') {
    // fetch refuses URLs with credentials; say why instead of a generic failure.
    return { ok: true, request, invalidTarget: transportError('invalid-url', transportText('transport-error.url-credentials-relay')) };
  }
  return { ok: true, request, target };
}
