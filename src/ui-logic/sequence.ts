/**
 * The sequence-diagram model: which actor each exchange talks to (by the origin of its URL),
 * the label of each request and reply arrow (the real method, path and status, with long
 * query values shortened), and where the person's part of the authorization (sign-in and
 * consent in the browser) goes; and its geometry: where the lifelines go in the width there
 * is, and how much of each label fits.
 */
import { STEP_IDS, type Exchange, type StepId } from '../engine/types.js';
import { firstHeader, originOf, parseUrl, statusReason, statusTone, truncate } from './http-format.js';
import { parseJsonSafely } from '../wire/json.js';

/** The lifelines, left to right. `other` collects every host that is neither server (a CIMD host, a JWKS CDN). */
const ACTOR_ORDER = ['user', 'client', 'mcp', 'as', 'other'] as const;
export type ActorId = (typeof ACTOR_ORDER)[number];

export interface SequenceActors {
  mcpOrigin: string;
  authorizationServerOrigin?: string;
}

/** Whether the person's sign-in and consent is shown, and how: inferred from the exchanges when not given. */
export type AuthorizationNote = 'waiting' | 'completed' | 'none';

export type ReplyTone = 'success' | 'redirect' | 'client-error' | 'server-error' | 'informational' | 'failure' | 'pending';

/** Arrow labels are whole here; the diagram cuts them to the room it has (`fitLabel`) and keeps the whole text as the tooltip and accessible name. */
export type SequenceRow =
  | { kind: 'request'; exchangeId: string; exchangeIndex: number; stepId: StepId; actor: ActorId; label: string }
  | { kind: 'reply'; exchangeId: string; exchangeIndex: number; stepId: StepId; actor: ActorId; label: string; tone: ReplyTone }
  | { kind: 'note'; note: 'authorization-completed' | 'authorization-waiting'; exchangeIndex: number }
  /** A divider where the flow enters another step (the step's title is drawn there). */
  | { kind: 'step'; stepId: StepId; exchangeIndex: number };

export interface SequenceModel {
  /** Lifelines to draw, in order (`other` only when some exchange goes there). */
  actors: ActorId[];
  rows: SequenceRow[];
}

export interface SequenceOptions {
  authorization?: AuthorizationNote;
  /**
   * Exchange indexes [start, end) that are drawn (the page shown of a long run): only their
   * arrows get labels; the others' are left empty, so a 2,000-exchange run costs one page of work.
   */
  labelRange?: { start: number; end: number };
}

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
function shortenQuery(search: URLSearchParams): string {
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
function jsonRpcMethod(body: string | undefined): string | undefined {
  if (body === undefined || !body.includes('"method"')) return undefined;
  const parsed = parseJsonSafely(body);
  const message = parsed.ok ? parsed.value : undefined;
  if (message !== null && typeof message === 'object' && 'method' in message && typeof message.method === 'string') return message.method;
  return undefined;
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
    const range = options.labelRange;
    const labelled = range === undefined || (exchangeIndex >= range.start && exchangeIndex < range.end);
    const request = labelled ? requestLabel(exchange, actor) : '';
    const reply: { label: string; tone: ReplyTone } = labelled ? replyLabel(exchange) : { label: '', tone: 'pending' };
    const common = { exchangeId: exchange.id, exchangeIndex, stepId: exchange.stepId, actor };
    rows.push({ kind: 'request', ...common, label: request });
    rows.push({ kind: 'reply', ...common, label: reply.label, tone: reply.tone });
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

/** The narrowest the diagram is drawn; in a narrower container it scrolls sideways. */
export const MIN_SEQUENCE_WIDTH = 440;
/** Widest gap between two server lifelines: in a wide container the room left over goes to the labels on the right. */
const MAX_SERVER_LANE = 360;
/** Closest a header label comes to the diagram's edge, and to its neighbour. */
const EDGE = 4;
const LABEL_GAP = 10;
const MIN_USER_X = 28;
const MIN_USER_LANE = 64;
/** Room right of the last lifeline, at least, so its arrow head and label box are not at the very edge. */
const MIN_RIGHT = 48;

/** Header label widths (name box or host, whichever is wider) assumed until the drawn ones are measured. */
export const ESTIMATED_HEADER_WIDTHS: Record<ActorId, number> = { user: 48, client: 124, mcp: 104, as: 150, other: 100 };

export interface SequenceGeometry {
  /** Width the diagram is drawn at: the container's, but not under MIN_SEQUENCE_WIDTH. */
  width: number;
  /** x of each lifeline. */
  lanes: Map<ActorId, number>;
  /** Widest each actor's header label may be drawn (centred on its lifeline); a longer one is cut with an ellipsis. */
  headerWidths: Map<ActorId, number>;
}

/**
 * Lifelines for a container `available` pixels wide. The user only signs in, so their lane is as
 * narrow as the two header labels allow (and at most a fifth of the width); the server lanes share
 * what is left evenly, up to MAX_SERVER_LANE each; the last lane keeps half its label's width from
 * the right edge. Header labels that would still overlap a neighbour are narrowed.
 */
export function sequenceGeometry(actors: readonly ActorId[], available: number, measured: Partial<Record<ActorId, number>> = {}): SequenceGeometry {
  const width = Math.max(MIN_SEQUENCE_WIDTH, Math.floor(available));
  const natural = actors.map((actor) => measured[actor] ?? ESTIMATED_HEADER_WIDTHS[actor]);
  const firstHalf = (natural[0] ?? 0) / 2;
  const lastHalf = (natural.at(-1) ?? 0) / 2;
  const userX = Math.max(MIN_USER_X, firstHalf + EDGE);
  const userLane = Math.min(Math.max(MIN_USER_LANE, firstHalf + (natural[1] ?? 0) / 2 + LABEL_GAP), width / 5);
  const clientX = userX + userLane;
  const servers = actors.length - 2;
  const right = width - Math.max(MIN_RIGHT, lastHalf + EDGE);
  const spacing = servers > 0 ? Math.min(MAX_SERVER_LANE, Math.max(0, right - clientX) / servers) : 0;
  const xs = actors.map((_, index) => Math.round(index === 0 ? userX : clientX + (index - 1) * spacing));

  const half = natural.map((value) => value / 2);
  const last = actors.length - 1;
  if (last >= 0) {
    half[0] = Math.min(half[0] ?? 0, (xs[0] ?? 0) - EDGE);
    half[last] = Math.min(half[last] ?? 0, width - (xs[last] ?? 0) - EDGE);
  }
  // Neighbours share the gap between their lifelines: the narrower label keeps its width when it
  // can, the wider one takes the rest. Narrowing a label never breaks the pair before it.
  for (let index = 0; index < last; index++) {
    const budget = Math.max(0, (xs[index + 1] ?? 0) - (xs[index] ?? 0) - LABEL_GAP);
    const left = half[index] ?? 0;
    const rightHalf = half[index + 1] ?? 0;
    if (left + rightHalf <= budget) continue;
    if (Math.min(left, rightHalf) <= budget / 2) {
      if (left > rightHalf) half[index] = budget - rightHalf;
      else half[index + 1] = budget - left;
    } else {
      half[index] = budget / 2;
      half[index + 1] = budget / 2;
    }
  }
  const lanes = new Map<ActorId, number>();
  const headerWidths = new Map<ActorId, number>();
  actors.forEach((actor, index) => {
    lanes.set(actor, xs[index] ?? 0);
    headerWidths.set(actor, Math.max(0, Math.floor(2 * (half[index] ?? 0))));
  });
  return { width, lanes, headerWidths };
}

/** As much of `label` as fits in `room` pixels of monospace text `charWidth` pixels wide a character, cut with an ellipsis. */
export function fitLabel(label: string, room: number, charWidth: number): string {
  const chars = Math.max(1, Math.floor(room / Math.max(1, charWidth)));
  return truncate(label, chars);
}

/** Latin text in the UI's sans-serif at 12 px averages under this width a character; CJK characters are square. */
const LATIN_CHAR = 6.6;
const CJK_CHAR = 12;
const NOTE_LINE = 17;
const NOTE_PADDING = 18;

/** Height of the sign-in note's row: as many lines as the text needs at this width, estimated generously. */
export function noteRowHeight(text: string, textWidth: number): number {
  let pixels = 0;
  for (const char of text) pixels += /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]/.test(char) ? CJK_CHAR : LATIN_CHAR;
  const lines = Math.max(1, Math.ceil(pixels / Math.max(40, textWidth)));
  return lines * NOTE_LINE + NOTE_PADDING;
}
