/**
 * Records every request a step makes. `send` is the engine's own door to the network;
 * `fetch` adapts it for libraries that want a fetch function, so their traffic is recorded too.
 */
import { textInEnglish } from './checks/engine-phrases.js';
import type { Clock, ExchangeLabel, HttpRequestInput, SentExchange, StepHttp } from './step.js';
import type { Transport } from './transport.js';
import type { Exchange, ExchangeResponse, HeaderList, StepId } from './types.js';

export interface RecorderLimits {
  timeoutMs: number;
  maxBodyBytes: number;
  /** The run's start; with `allowPrivateHops` unset, requests carry the private-address rule. */
  serverUrl?: string;
  allowPrivateHops?: boolean;
}

/** The private-address rule every request of a run carries (see TransportRequest.privateHops). */
function privateHopRule(limits: RecorderLimits): { privateHops: { startHost: string } } | undefined {
  if (limits.allowPrivateHops === true || limits.serverUrl === undefined || !URL.canParse(limits.serverUrl)) return undefined;
  return { privateHops: { startHost: new URL(limits.serverUrl).hostname } };
}

export interface ExchangeIdSource {
  next(): string;
}

export function createStepHttp(
  stepId: StepId,
  transport: Transport,
  clock: Clock,
  ids: ExchangeIdSource,
  limits: RecorderLimits,
): StepHttp {
  const exchanges: Exchange[] = [];
  const rule = privateHopRule(limits);

  async function send(input: HttpRequestInput, label?: ExchangeLabel): Promise<SentExchange> {
    const request = {
      method: (input.method ?? 'GET').toUpperCase(),
      url: input.url,
      headers: input.headers ?? [],
      ...(input.body !== undefined ? { body: input.body } : {}),
    };
    const started = clock.now();
    const result = await transport.send({ ...request, timeoutMs: limits.timeoutMs, maxBodyBytes: limits.maxBodyBytes, ...rule });
    const exchange: Exchange = {
      id: ids.next(),
      stepId,
      ...(label ? labelFields(label) : {}),
      request,
      ...(result.response ? { response: result.response } : {}),
      ...(result.ok ? {} : { error: result.error }),
      timings: { startedAt: new Date(started).toISOString(), durationMs: Math.max(0, clock.now() - started) },
    };
    exchanges.push(exchange);
    return {
      exchange,
      ...(result.response ? { response: result.response } : {}),
      ...(result.ok ? {} : { error: result.error }),
    };
  }

  return { send, fetch: (label) => fetchOver(send, label), exchanges };
}

/** The label as an exchange carries it: in English, and by id and params for other languages. */
function labelFields(label: ExchangeLabel): Pick<Exchange, 'label' | 'labelId' | 'labelParams'> {
  return { label: textInEnglish(label), labelId: label.id, ...(label.params ? { labelParams: label.params } : {}) };
}

/**
 * A `fetch` for libraries over a step's `send`: each call is one recorded exchange. Network
 * failures reject with a TypeError whose cause is the recorded error, as fetch does.
 */
export function fetchOver(send: StepHttp['send'], label?: ExchangeLabel) {
  return async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const request = new Request(input, init);
    const body = request.body ? await request.text() : undefined;
    const headers: HeaderList = [];
    request.headers.forEach((value, name) => headers.push([name, value]));
    const sent = await send({ method: request.method, url: request.url, headers, ...(body !== undefined ? { body } : {}) }, label);
    if (!sent.response || (sent.error && sent.error.kind !== 'too-large')) {
      const error = sent.error ?? { kind: 'refused', message: 'no answer' };
      throw new TypeError(`fetch failed: ${error.kind}: ${error.message}`, { cause: error });
    }
    return replayResponse(sent.response);
  };
}

/**
 * The recorded answer as the `Response` a real fetch would have given the library. A server may
 * send any three-digit status (HTTP 999 arrives through undici), but the Response constructor
 * only takes 200 to 599; a status outside that range is set on the object afterwards, as fetch
 * itself does, so the library sees the real status instead of the constructor's RangeError.
 */
export function replayResponse(recorded: ExchangeResponse): Response {
  const { status, statusText, headers, body } = recorded;
  const constructible = status >= 200 && status <= 599;
  // The constructor also refuses a reason phrase outside HTAB, SP, VCHAR and obs-text (RFC 9112 §4).
  const reasonPhrase = /^[\t\x20-\x7e\x80-\xff]*$/.test(statusText) ? statusText : '';
  const response = new Response(bodyAllowed(status) ? body : null, { status: constructible ? status : 500, statusText: reasonPhrase, headers });
  if (!constructible) {
    Object.defineProperty(response, 'status', { value: status });
    Object.defineProperty(response, 'ok', { value: false });
  }
  return response;
}

/** The Response constructor refuses a body for these statuses. */
function bodyAllowed(status: number): boolean {
  return ![101, 103, 204, 205, 304].includes(status);
}

export function sequentialIds(prefix = 'ex', start = 1): ExchangeIdSource & { peek(): number } {
  let n = start;
  return {
    next: () => `${prefix}-${n++}`,
    peek: () => n,
  };
}
