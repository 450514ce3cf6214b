/**
 * The engine sends every HTTP request through a `Transport`, so the same steps run in Node
 * (straight to the network) and in the browser (through the relay, which can read
 * cross-origin answers and 3xx `Location` headers the browser would hide).
 */
import type { ExchangeError, ExchangeErrorKind, ExchangeRequest, ExchangeResponse } from './types.js';

export interface TransportRequest extends ExchangeRequest {
  /** Whole-exchange deadline: connect, headers and body. */
  timeoutMs: number;
  /** Bodies longer than this are cut and the result is a `too-large` error. */
  maxBodyBytes: number;
  /**
   * Present when the run may not reach private addresses of other hosts: the host the run
   * started at. A request to another host whose address is loopback, private, link-local or
   * unique-local fails with `private-address` before anything is sent.
   */
  privateHops?: { startHost: string };
}

export type TransportResult =
  | { ok: true; response: ExchangeResponse }
  /** `response` holds what arrived before the failure (status and headers, a cut body). */
  | { ok: false; error: ExchangeError; response?: ExchangeResponse };

export interface Transport {
  send(request: TransportRequest): Promise<TransportResult>;
}

export { DEFAULT_MAX_BODY_BYTES, DEFAULT_TIMEOUT_MS } from '../wire/relay.js';

/** Every kind, so the compiler flags this table when the closed union grows. */
const ERROR_KINDS: Record<ExchangeErrorKind, true> = {
  dns: true,
  refused: true,
  tls: true,
  timeout: true,
  'cors-blocked': true,
  'too-large': true,
  'relay-rejected': true,
  'invalid-url': true,
  'private-address': true,
};

export const EXCHANGE_ERROR_KINDS = Object.keys(ERROR_KINDS) as readonly ExchangeErrorKind[];

export function isExchangeErrorKind(value: unknown): value is ExchangeErrorKind {
  return typeof value === 'string' && Object.hasOwn(ERROR_KINDS, value);
}
