/**
 * The sequence-diagram model: which actor each exchange talks to (by the origin of its URL),
 * the label of each request and reply arrow (the real method, path and status, with long
 * values shortened), and where the person's part of the authorization (sign-in and consent in
 * the browser) goes.
 */
import { STEP_IDS, type Exchange, type StepId } from '../engine/types.js';
import { firstHeader, originOf, parseUrl, statusReason, statusTone, truncate } from './http-format.js';

/** The lifelines, left to right. `other` collects every host that is neither server (a CIMD host, a JWKS CDN). */
export const ACTOR_ORDER = ['user', 'client', 'mcp', 'as', 'other'] as const;
export type ActorId = (typeof ACTOR_ORDER)[number];

export interface SequenceActors {
  mcpOrigin: string;
  authorizationServerOrigin?: string;
}

/** Whether the person's sign-in and consent is shown, and how: inferred from the exchanges when not given. */
export type AuthorizationNote = 'waiting' | 'completed' | 'none';

export type ReplyTone = 'success' | 'redirect' | 'client-error' | 'server-error' | 'informational' | 'failure' | 'pending';

export type SequenceRow =
  | { kind: 'request'; exchangeId: string; exchangeIndex: number; stepId: StepId; actor: ActorId; label: string; fullLabel: string }
  | { kind: 'reply'; exchangeId: string; exchangeIndex: number; stepId: StepId; actor: ActorId; label: string; fullLabel: string; tone: ReplyTone }
  | { kind: 'note'; note: 'authorization-completed' | 'authorization-waiting'; exchangeIndex: number }
  /** A divider where the flow enters another step (the step's title is drawn there). */
  | { kind: 'step'; stepId: StepId; exchangeIndex: number };

export interface SequenceModel {
  /** Lifelines to draw, in order (`other` only when some exchange goes there). */
  actors: ActorId[];
  rows: SequenceRow[];
}

export interface SequenceOptions {
  /** Longest label drawn; the full text stays available as a tooltip. */
  labelCap?: number;
  authorization?: AuthorizationNote;
}

export const DEFAULT_LABEL_CAP = 64;

/** Query values longer than this are cut, so `code=`, `state=` and PKCE values do not crowd the diagram. */
const SHORT_VALUE = 10;

/** The origin the AS lives at: given, or taken from the first authorization-server-metadata exchange that succeeded. */
export function inferAuthorizationServerOrigin(exchanges: readonly Exchange[], actors: SequenceActors): string | undefined {
  if (actors.authorizationServerOrigin) return originOf(actors.authorizationServerOrigin) ?? actors.authorizationServerOrigin;
  const metadata = exchanges.find((e) => e.stepId === 'authorization-server-metadata' && e.response && e.response.status < 300);
  return metadata ? originOf(metadata.request.url) : undefined;
}

export function actorFor(url: string, mcpOrigin: string | undefined, asOrigin: string | undefined): ActorId {
  const origin = originOf(url);
  if (origin !== undefined && origin === mcpOrigin) return 'mcp';
  if (origin !== undefined && origin === asOrigin) return 'as';
  return 'other';
}

/** `?code=SplxlO…&state=af0ifj…`: names kept, long values cut. */
export function shortenQuery(search: URLSearchParams): string {
  const parts = [...search].map(([name, value]) => `${name}=${truncate(value, SHORT_VALUE)}`);
  return parts.length > 0 ? `?${parts.join('&')}` : '';
}

/** Path and shortened query; with the host too when `withHost` (requests to `other`, redirects elsewhere). */
export function shortTarget(url: string, withHost: boolean, base?: string): string {
  const parsed = parseUrl(url, base);
  if (!parsed) return url;
  return `${withHost ? parsed.host : ''}${parsed.pathname}${shortenQuery(parsed.searchParams)}`;
}

/** The JSON-RPC method of an MCP request body (`initialize`, `tools/list`), if it is one. */
export function jsonRpcMethod(body: string | undefined): string | undefined {
  if (body === undefined || !body.includes('"method"')) return undefined;
  try {
    const message: unknown = JSON.parse(body);
    if (message !== null && typeof message === 'object' && 'method' in message && typeof message.method === 'string') return message.method;
    return undefined;
  } catch (error) {
    if (error instanceof SyntaxError) return undefined;
    throw error;
  }
}

export function requestLabel(exchange: Exchange, actor: ActorId): string {
  const target = shortTarget(exchange.request.url, actor === 'other');
  const rpc = jsonRpcMethod(exchange.request.body);
  return `${exchange.request.method.toUpperCase()} ${target}${rpc ? ` · ${rpc}` : ''}`;
}

export function replyLabel(exchange: Exchange): { label: string; tone: ReplyTone } {
  if (exchange.error) return { label: `✕ ${exchange.error.kind}`, tone: 'failure' };
  const response = exchange.response;
  if (!response) return { label: '…', tone: 'pending' };
  const tone = statusTone(response.status);
  const location = firstHeader(response.headers, 'location');
  if (tone === 'redirect' && location !== undefined) {
    const requestOrigin = originOf(exchange.request.url);
    const target = parseUrl(location, exchange.request.url);
    const elsewhere = target !== undefined && target.origin !== requestOrigin;
    return { label: `${response.status} → ${shortTarget(location, elsewhere, exchange.request.url)}`, tone };
  }
  const challenge = firstHeader(response.headers, 'www-authenticate');
  if (challenge !== undefined && (response.status === 401 || response.status === 403)) {
    return { label: `${response.status} · WWW-Authenticate: ${challenge}`, tone };
  }
  const reason = statusReason(response.status, response.statusText);
  return { label: `${response.status}${reason ? ` ${reason}` : ''}`, tone };
}

const STEP_INDEX = new Map<StepId, number>(STEP_IDS.map((id, index) => [id, index]));
const AUTHORIZATION_RESPONSE_INDEX = STEP_IDS.indexOf('authorization-response');

function stepIndex(stepId: StepId): number {
  return STEP_INDEX.get(stepId) ?? 0;
}

export function buildSequenceModel(exchanges: readonly Exchange[], actors: SequenceActors, options: SequenceOptions = {}): SequenceModel {
  const cap = options.labelCap ?? DEFAULT_LABEL_CAP;
  const mcpOrigin = originOf(actors.mcpOrigin) ?? actors.mcpOrigin;
  const asOrigin = inferAuthorizationServerOrigin(exchanges, actors);
  const rows: SequenceRow[] = [];
  let usesOther = false;
  let previousStep: number | undefined;
  let previousStepId: StepId | undefined;
  exchanges.forEach((exchange, exchangeIndex) => {
    const current = stepIndex(exchange.stepId);
    // The browser round trip happens between the authorization request and the code's arrival;
    // it has no exchange of its own, so it is drawn where the steps cross that line.
    if (
      options.authorization !== 'none' &&
      options.authorization !== 'waiting' &&
      previousStep !== undefined &&
      previousStep < AUTHORIZATION_RESPONSE_INDEX &&
      current >= AUTHORIZATION_RESPONSE_INDEX
    ) {
      rows.push({ kind: 'note', note: 'authorization-completed', exchangeIndex });
    }
    previousStep = current;
    if (exchange.stepId !== previousStepId) rows.push({ kind: 'step', stepId: exchange.stepId, exchangeIndex });
    previousStepId = exchange.stepId;
    const actor = actorFor(exchange.request.url, mcpOrigin, asOrigin);
    if (actor === 'other') usesOther = true;
    const request = requestLabel(exchange, actor);
    const reply = replyLabel(exchange);
    const common = { exchangeId: exchange.id, exchangeIndex, stepId: exchange.stepId, actor };
    rows.push({ kind: 'request', ...common, label: truncate(request, cap), fullLabel: request });
    rows.push({ kind: 'reply', ...common, label: truncate(reply.label, cap), fullLabel: reply.label, tone: reply.tone });
  });
  if (options.authorization === 'waiting') rows.push({ kind: 'note', note: 'authorization-waiting', exchangeIndex: exchanges.length });
  return { actors: ACTOR_ORDER.filter((actor) => actor !== 'other' || usesOther), rows };
}

export interface SequencePage {
  /** 0-based page index. */
  page: number;
  pageCount: number;
  /** Exchange indexes [start, end) shown on the page. */
  start: number;
  end: number;
}

/** Long runs are shown a page of exchanges at a time; the page holding `focusIndex` (or the last page) is chosen. */
export function sequencePage(exchangeCount: number, pageSize: number, page: number | undefined, focusIndex?: number): SequencePage {
  const pageCount = Math.max(1, Math.ceil(exchangeCount / pageSize));
  let chosen = page ?? (focusIndex !== undefined && focusIndex >= 0 ? Math.floor(focusIndex / pageSize) : pageCount - 1);
  chosen = Math.min(Math.max(0, chosen), pageCount - 1);
  return { page: chosen, pageCount, start: chosen * pageSize, end: Math.min(exchangeCount, (chosen + 1) * pageSize) };
}

/** The rows of one page: its exchanges' arrows and the notes placed among them. */
export function rowsOnPage(model: SequenceModel, page: SequencePage, exchangeCount: number): SequenceRow[] {
  const lastPage = page.page === page.pageCount - 1;
  return model.rows.filter((row) => {
    if (row.kind !== 'note') return row.exchangeIndex >= page.start && row.exchangeIndex < page.end;
    // A note sits before the exchange with its index; a note at the very end belongs to the last page.
    if (row.exchangeIndex >= exchangeCount) return lastPage;
    return row.exchangeIndex >= page.start && row.exchangeIndex < page.end;
  });
}
