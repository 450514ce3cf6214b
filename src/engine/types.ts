/**
 * The engine's data model: plain, serialisable objects shared by the CLI, the relay-backed
 * browser UI and the tests. Nothing here holds behaviour.
 */

/** The spec versions the engine has a profile for, oldest first. */
export const SPEC_VERSIONS = ['2025-03-26', '2025-06-18', '2025-11-25', '2026-07-28'] as const;
export type SpecVersion = (typeof SPEC_VERSIONS)[number];
export const DEFAULT_SPEC_VERSION: SpecVersion = '2026-07-28';

/** The flow's stages, in the order a client performs them. */
export const STEP_IDS = [
  'probe',
  'protected-resource-metadata',
  'authorization-server-metadata',
  'client-registration',
  'authorization-request',
  'authorization-response',
  'token-request',
  'token-inspection',
  'authenticated-mcp',
  'refresh',
  'audit',
  'cors',
] as const;
export type StepId = (typeof STEP_IDS)[number];

/** Why an exchange has no (complete) answer. A closed union: the UI explains each kind. */
export type ExchangeErrorKind =
  | 'dns'
  | 'refused'
  | 'tls'
  | 'timeout'
  | 'cors-blocked'
  | 'too-large'
  | 'relay-rejected'
  | 'invalid-url'
  /** The target is a loopback, private, link-local or unique-local address of another host than the run started at. */
  | 'private-address';

/** The values for a text's placeholders; a value may be a phrase reference (`@phrase:<id>`). */
export type TextParams = Record<string, string>;

export interface ExchangeError {
  kind: ExchangeErrorKind;
  /** In English. */
  message: string;
  /** The message's id in the engine's phrase tables (transport-messages.ts), to render it in another language. */
  messageId?: string;
  messageParams?: TextParams;
}

export type HeaderList = [name: string, value: string][];

export interface ExchangeRequest {
  method: string;
  url: string;
  headers: HeaderList;
  body?: string;
}

export interface ExchangeResponse {
  status: number;
  statusText: string;
  headers: HeaderList;
  /** Response body as text, cut at the transport's cap (see `bodyTruncated`). */
  body: string;
  bodyTruncated: boolean;
  /** Bytes received (up to the cap plus one when truncated). */
  bodyBytes: number;
}

/** One HTTP request and its answer (or the reason there is none). Immutable once recorded. */
export interface Exchange {
  id: string;
  stepId: StepId;
  /** What the exchange was for, in a few words ("PRM, path-aware well-known"). */
  label?: string;
  /** The label's id in the engine's phrase tables (exchange-labels.ts), to render it in another language. */
  labelId?: string;
  labelParams?: TextParams;
  request: ExchangeRequest;
  response?: ExchangeResponse;
  error?: ExchangeError;
  timings: { startedAt: string; durationMs: number };
}

export type Severity = 'error' | 'warning' | 'info';

export interface SpecRef {
  id: string;
  url: string;
}

export interface Finding {
  /** Stable dotted id from the catalogue (public API). */
  id: string;
  severity: Severity;
  stepId: StepId;
  title: string;
  detail: string;
  specRefs: SpecRef[];
  /**
   * The exchange that shows the finding and, when the field is known, where in it:
   * - `/a/b` (an RFC 6901 JSON Pointer, `''` the whole document): a value of the response body;
   * - `request:/a/b`: a value of the request body (JSON);
   * - `header:<name>`: a response header, `request-header:<name>`: a request header (names
   *   case-insensitive);
   * - `param:<name>`: a parameter of the request, in its URL's query or its form body.
   * A pointer to a field that is absent names where it should have been.
   */
  evidence?: { exchangeId: string; pointer?: string };
  hint?: string;
  /** Values substituted into the catalogue's texts, so the UI can render them in any language. */
  params?: Record<string, string>;
}

/**
 * Why a step did not complete: `reason` in English (text reports, older session files), and its
 * id in the engine's phrase tables (outcome-reasons.ts) with params, to render it in another language.
 */
export interface OutcomeReason {
  reason: string;
  reasonId?: string;
  reasonParams?: TextParams;
}

export type Outcome =
  | { kind: 'ok' }
  | ({ kind: 'failed'; findingId?: string } & OutcomeReason)
  | { kind: 'needs-user'; action: UserAction }
  | ({ kind: 'skipped' } & OutcomeReason);

export type UserAction = { kind: 'open-authorization-url'; url: string; redirectUri: string };

export interface StepResult<D = unknown> {
  stepId: StepId;
  exchanges: Exchange[];
  findings: Finding[];
  data: D;
  outcome: Outcome;
}
