/**
 * The body of `POST /api/relay`, parsed at the boundary. Anything the engine's fetch transport
 * would turn into a misleading network error (a header fetch refuses, a body on GET) is refused
 * here with a reason instead.
 */
import { z } from 'zod';
import { transportError, transportText } from '../../src/wire/transport-messages.js';
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
    .regex(TOKEN, 'method must be an HTTP token')
    .refine((method) => !FORBIDDEN_METHODS.has(method.toUpperCase()), 'method cannot be relayed'),
  url: z.string().max(16_384),
  headers: z
    .array(
      z.tuple([
        z
          .string()
          .max(256)
          .regex(TOKEN, 'header name must be an HTTP token')
          .refine((name) => !FORBIDDEN_HEADERS.has(name.toLowerCase()), 'hop-by-hop header cannot be relayed'),
        z.string().max(65_536).regex(FIELD_VALUE, 'header value must not contain CR, LF, NUL or characters above U+00FF'),
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
  | { ok: false; message: string };

export function parseRelayCall(json: unknown, caps: RelayCaps, defaults: RelayCaps): ParsedRelayCall {
  const parsed = relayCallSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
    return { ok: false, message: `Not a relay call: ${where}${issue?.message ?? 'invalid'}` };
  }
  const call = parsed.data;
  const method = call.method.toUpperCase();
  if (call.body !== undefined && (method === 'GET' || method === 'HEAD')) {
    return { ok: false, message: `Not a relay call: a ${method} request cannot have a body.` };
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
