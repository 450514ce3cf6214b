/**
 * Which era a server speaks, found the way "Versioning and Compatibility" says a dual-era
 * client over Streamable HTTP finds it: a modern request first; a recognised modern JSON-RPC
 * error means a modern server (retry with a version from its `supported` list, or correct the
 * request); a 4xx without one means a legacy server (fall back to `initialize`).
 * @see https://modelcontextprotocol.io/specification/2026-07-28/basic/versioning#backward-compatibility-with-initialization-based-versions
 * @see https://modelcontextprotocol.io/specification/2026-07-28/basic/transports/streamable-http#backward-compatibility
 *
 * The modern request is `server/discover`, which every modern server MUST implement and whose
 * answer is worth showing in its own right. Each attempt is one recorded exchange; the loop is
 * bounded, so a server that keeps rejecting a version it claims to support cannot hold the run.
 */
import { extendLabel } from '../checks/engine-phrases.js';
import type { ExchangeLabel, SentExchange, StepHttp } from '../step.js';
import type { HeaderList } from '../types.js';
import { readJsonRpcAnswer, type JsonRpcAnswer, type JsonRpcErrorObject } from './jsonrpc-answer.js';
import { eraOfVersion, LEGACY_PROTOCOL_VERSIONS, modernRequest, MODERN_PROTOCOL_VERSIONS, type ClientIdentity } from './request-metadata.js';

/** The JSON-RPC error codes 2026-07-28 defines; any of them identifies a modern server. */
export const MODERN_ERROR_CODES = {
  headerMismatch: -32020,
  missingRequiredClientCapability: -32021,
  unsupportedProtocolVersion: -32022,
} as const;
export const METHOD_NOT_FOUND = -32601;

/** At most this many modern requests while negotiating (one retry per offered version, and a guard). */
const MAX_ATTEMPTS = 3;

export type EraProbe =
  /** The modern request got a result: the server is modern. */
  | { kind: 'modern'; version: string; sent: SentExchange; result: Record<string, unknown>; attempts: SentExchange[] }
  /** A recognised modern error other than a version problem (e.g. -32601 for server/discover, -32020): modern, but this request failed. */
  | { kind: 'modern-error'; version: string; sent: SentExchange; error: JsonRpcErrorObject; attempts: SentExchange[] }
  /** No modern evidence: a 4xx without a recognised modern error body, or the server's `supported` list names only legacy versions. */
  | { kind: 'legacy'; version: string; via: 'fallback' | 'supported-list'; sent: SentExchange; attempts: SentExchange[] }
  /** The server speaks only versions the debugger does not know: the debugger's limit, not the server's fault. */
  | { kind: 'no-common-version'; supported: string[]; sent: SentExchange; attempts: SentExchange[] }
  /** The server rejected a version it had just named as supported, again. */
  | { kind: 'version-loop'; version: string; supported: string[]; sent: SentExchange; attempts: SentExchange[] }
  /** -32022 without a usable `supported` list: no version to retry with. */
  | { kind: 'unsupported-without-list'; sent: SentExchange; error: JsonRpcErrorObject; attempts: SentExchange[] }
  /** Anything else (401, 403, 5xx, no answer, a 2xx that is not MCP): the caller judges the exchange. */
  | { kind: 'inconclusive'; sent: SentExchange; answer?: JsonRpcAnswer; attempts: SentExchange[] };

export interface NegotiationInput {
  http: StepHttp;
  url: string;
  client: ClientIdentity;
  /** Authorization (when there is a token) and the person's extra headers. */
  headers: HeaderList;
  label: ExchangeLabel;
  /** The first JSON-RPC id to use; each attempt takes the next. */
  firstId: number;
}

/** The recognised modern error in an answer, if there is one. */
export function recognisedModernError(status: number, answer: JsonRpcAnswer): JsonRpcErrorObject | undefined {
  if (answer.kind !== 'error') return undefined;
  const code = answer.error.code;
  if (Object.values(MODERN_ERROR_CODES).includes(code as never)) return answer.error;
  // "If the server does not implement the requested RPC method, it MUST respond with 404 Not
  // Found and a JSON-RPC error with code -32601", which tells it from a legacy 404.
  if (code === METHOD_NOT_FOUND && status === 404) return answer.error;
  return undefined;
}

/** The `supported` list of an UnsupportedProtocolVersionError, when it is a list of strings. */
export function supportedVersionsOf(error: JsonRpcErrorObject): string[] | undefined {
  const data = error.data;
  if (typeof data !== 'object' || data === null || !('supported' in data) || !Array.isArray(data.supported)) return undefined;
  const list = data.supported.filter((v): v is string => typeof v === 'string');
  return list.length === data.supported.length ? list : undefined;
}

/** A legacy version to fall back with when nothing names one: the newest the debugger speaks. */
export const DEFAULT_LEGACY_VERSION = LEGACY_PROTOCOL_VERSIONS[0];

export async function negotiateEra(input: NegotiationInput): Promise<EraProbe> {
  const attempts: SentExchange[] = [];
  const tries = new Map<string, number>();
  let version: string = MODERN_PROTOCOL_VERSIONS[0];
  for (let attempt = 0; ; attempt++) {
    tries.set(version, (tries.get(version) ?? 0) + 1);
    const sent = await input.http.send(
      modernRequest({ url: input.url, id: input.firstId + attempt, method: 'server/discover', params: {}, version, client: input.client, headers: input.headers }),
      extendLabel(input.label, 'label.then.version', { version }),
    );
    attempts.push(sent);
    const response = sent.response;
    if (!response || (sent.error && sent.error.kind !== 'too-large')) return { kind: 'inconclusive', sent, attempts };
    const answer = readJsonRpcAnswer(response, input.firstId + attempt);
    const status = response.status;
    if (status === 401 || status === 403) return { kind: 'inconclusive', sent, answer, attempts };
    if (status >= 200 && status < 300 && answer.kind === 'result') return { kind: 'modern', version, sent, result: answer.result, attempts };

    const modernError = recognisedModernError(status, answer);
    if (modernError?.code === MODERN_ERROR_CODES.unsupportedProtocolVersion) {
      const supported = supportedVersionsOf(modernError);
      if (!supported || supported.length === 0) return { kind: 'unsupported-without-list', sent, error: modernError, attempts };
      // "The client SHOULD select a mutually supported version from the supported list and
      // retry": modern versions first, each at most twice, then a legacy one (initialize).
      const modern = supported.find((v) => eraOfVersion(v) === 'modern' && (tries.get(v) ?? 0) < 2);
      if (modern !== undefined && attempt + 1 < MAX_ATTEMPTS) {
        version = modern;
        continue;
      }
      if (modern !== undefined || supported.some((v) => eraOfVersion(v) === 'modern')) return { kind: 'version-loop', version, supported, sent, attempts };
      const legacy = supported.find((v) => eraOfVersion(v) === 'legacy');
      if (legacy !== undefined) return { kind: 'legacy', version: legacy, via: 'supported-list', sent, attempts };
      return { kind: 'no-common-version', supported, sent, attempts };
    }
    if (modernError) return { kind: 'modern-error', version, sent, error: modernError, attempts };
    // A 4xx "without a recognized modern error body": a legacy server.
    if (status >= 400 && status < 500) return { kind: 'legacy', version: DEFAULT_LEGACY_VERSION, via: 'fallback', sent, attempts };
    // A 2xx whose answer is a JSON-RPC error that is not modern (-32601 in-band, as legacy SDK
    // servers answer an unknown method) gives no modern evidence either.
    if (status >= 200 && status < 300 && answer.kind === 'error') return { kind: 'legacy', version: DEFAULT_LEGACY_VERSION, via: 'fallback', sent, attempts };
    return { kind: 'inconclusive', sent, answer, attempts };
  }
}
