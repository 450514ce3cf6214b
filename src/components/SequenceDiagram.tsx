/**
 * The run as a sequence diagram: lifelines for the user, the browser/client (this debugger), the
 * MCP server, the authorization server (and other hosts when some request went elsewhere), an
 * arrow per request and per reply labelled with the real method, path and status, and the
 * person's sign-in drawn as a note. Clicking an arrow (or Enter on it) opens its exchange.
 * The diagram fits the width of its container (measured, so the lifelines and the room for
 * labels follow it); labels that do not fit are cut with an ellipsis and kept whole in the
 * tooltip and the accessible name. Long runs are shown a page of exchanges at a time.
 */
import { useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { Exchange } from '../engine/types.js';
import { useT } from '../i18n/index.js';
import { stepTitle } from '../i18n/steps.js';
import { useDebugger } from '../store/index.js';
import { originOf } from '../ui-logic/http-format.js';
import {
  buildSequenceModel,
  fitLabel,
  inferAuthorizationServerOrigin,
  noteRowHeight,
  rowsOnPage,
  sequenceGeometry,
  sequencePage,
  type ActorId,
  type AuthorizationNote,
  type ReplyTone,
  type SequenceActors,
  type SequenceRow,
} from '../ui-logic/sequence.js';

export interface SequenceDiagramProps {
  exchanges: readonly Exchange[];
  actors: SequenceActors;
  selectedId: string | undefined;
  onSelect: (id: string) => void;
  /** The person's sign-in: inferred from the exchanges when not given; 'waiting' while the flow waits for the callback. */
  authorization?: AuthorizationNote;
  /** Tallest the diagram grows before it scrolls, in pixels. */
  maxHeight?: number;
  /** Draws the same layout this many times larger (the presenter view, read from the back of a room). */
  scale?: number;
}

/** Exchanges per page once a run has more than this many (two arrows each). */
const SEQUENCE_PAGE_SIZE = 100;

const HEADER_HEIGHT = 44;
const ARROW_ROW = 26;
const STEP_ROW = 22;
const LABEL_INSET = 8;
/** The reply label starts this much further right, clear of the reply's arrow head. */
const REPLY_INDENT = 6;
/** Space kept free right of the longest label. */
const LABEL_END = 6;
/** The note spans the diagram less this margin on each side. */
const NOTE_MARGIN = 8;
/** Width of one character of the 11 px monospace labels until it is measured. */
const DEFAULT_CHAR_WIDTH = 6.6;
const MEASURE_SAMPLE = '0123456789abcdefghij';

const TONE_TEXT: Record<ReplyTone, string> = {
  success: 'fill-emerald-800 dark:fill-emerald-300',
  redirect: 'fill-sky-800 dark:fill-sky-300',
  informational: 'fill-slate-700 dark:fill-slate-300',
  'client-error': 'fill-amber-800 dark:fill-amber-300',
  'server-error': 'fill-red-700 dark:fill-red-300',
  failure: 'fill-red-700 dark:fill-red-300',
  pending: 'fill-slate-600 dark:fill-slate-400',
};

type Placed =
  | { kind: 'step'; row: Extract<SequenceRow, { kind: 'step' }>; y: number }
  | { kind: 'note'; row: Extract<SequenceRow, { kind: 'note' }>; y: number; height: number }
  | {
      kind: 'exchange';
      exchangeId: string;
      y: number;
      request: Extract<SequenceRow, { kind: 'request' }>;
      reply: Extract<SequenceRow, { kind: 'reply' }>;
    };

function layOut(rows: readonly SequenceRow[], noteHeight: (row: Extract<SequenceRow, { kind: 'note' }>) => number): { placed: Placed[]; height: number } {
  const placed: Placed[] = [];
  let y = 6;
  for (let index = 0; index < rows.length; index++) {
    const row = rows[index];
    if (!row) continue;
    if (row.kind === 'step') {
      placed.push({ kind: 'step', row, y });
      y += STEP_ROW;
    } else if (row.kind === 'note') {
      const height = noteHeight(row);
      placed.push({ kind: 'note', row, y, height });
      y += height;
    } else if (row.kind === 'request') {
      const reply = rows[index + 1];
      if (reply?.kind !== 'reply') continue;
      placed.push({ kind: 'exchange', exchangeId: row.exchangeId, y, request: row, reply });
      y += ARROW_ROW * 2;
      index++;
    }
  }
  return { placed, height: y + 10 };
}

function hostOf(origin: string | undefined): string {
  if (!origin) return '';
  try {
    return new URL(origin).host;
  } catch (error) {
    if (error instanceof TypeError) return origin;
    throw error;
  }
}

/**
 * The width an element needs for its whole text on one line, even while it is cut with an
 * ellipsis: the text's own extent (sub-pixel; scrollWidth rounds and can leave it a pixel short)
 * plus padding and border, rounded up.
 */
function naturalWidth(element: HTMLElement): number {
  const range = document.createRange();
  range.selectNodeContents(element);
  const style = getComputedStyle(element);
  const frame = [style.paddingLeft, style.paddingRight, style.borderLeftWidth, style.borderRightWidth].reduce((sum, value) => sum + (Number.parseFloat(value) || 0), 0);
  return Math.ceil(range.getBoundingClientRect().width + frame) + 1;
}

function scaled(value: number | undefined, scale: number): number | undefined {
  return value === undefined ? undefined : value * scale;
}

/** Two measurements differ enough to draw again (sub-pixel noise would loop). */
function changed(previous: number | undefined, next: number): boolean {
  return previous === undefined || Math.abs(previous - next) > 0.5;
}

export function SequenceDiagram({ exchanges, actors, selectedId, onSelect, authorization, maxHeight = 520, scale = 1 }: SequenceDiagramProps) {
  const t = useT();
  const language = useDebugger((state) => state.language);
  const scrollRef = useRef<HTMLDivElement>(null);
  const arrowRefs = useRef(new Map<string, SVGGElement>());
  const headerRefs = useRef(new Map<ActorId, HTMLDivElement>());
  const sampleRef = useRef<SVGTextElement>(null);
  const atBottom = useRef(true);
  const [pageChoice, setPageChoice] = useState<{ page: number; forSelection: string | undefined } | undefined>(undefined);
  const [focusedId, setFocusedId] = useState<string | undefined>(undefined);
  const [available, setAvailable] = useState(0);
  const [charWidth, setCharWidth] = useState(DEFAULT_CHAR_WIDTH);
  const [headerNatural, setHeaderNatural] = useState<Partial<Record<ActorId, number>>>({});

  useLayoutEffect(() => {
    const container = scrollRef.current;
    if (!container) return undefined;
    // The layout is worked out at 1× and drawn `scale` times larger.
    setAvailable(container.clientWidth / scale);
    const observer = new ResizeObserver(() => setAvailable(container.clientWidth / scale));
    observer.observe(container);
    return () => observer.disconnect();
  }, [exchanges.length === 0, scale]);

  // Measure what the fonts really draw: a label character's width and each header label's natural width.
  useLayoutEffect(() => {
    const sample = sampleRef.current;
    if (sample) {
      const measured = sample.getComputedTextLength() / MEASURE_SAMPLE.length;
      if (measured > 0 && changed(charWidth, measured)) setCharWidth(measured);
    }
    const natural: Partial<Record<ActorId, number>> = {};
    let differs = false;
    for (const [actor, element] of headerRefs.current) {
      const width = Math.max(0, ...[...element.children].map((child) => (child instanceof HTMLElement ? naturalWidth(child) : 0))) / scale;
      natural[actor] = width;
      if (changed(headerNatural[actor], width)) differs = true;
    }
    if (differs) setHeaderNatural(natural);
  });

  const selectedIndex = selectedId === undefined ? -1 : exchanges.findIndex((exchange) => exchange.id === selectedId);
  const paged = exchanges.length > SEQUENCE_PAGE_SIZE;
  // A page chosen by hand holds until the selection changes; then the page follows the selection.
  const chosenPage = pageChoice && pageChoice.forSelection === selectedId ? pageChoice.page : undefined;
  const page = sequencePage(exchanges.length, paged ? SEQUENCE_PAGE_SIZE : Math.max(1, exchanges.length), chosenPage, selectedIndex >= 0 ? selectedIndex : undefined);
  // Labels only for the page shown: a long run costs one page of label work, not the whole run's.
  const labelStart = paged ? page.start : 0;
  const labelEnd = paged ? page.end : exchanges.length;
  const model = useMemo(
    () => buildSequenceModel(exchanges, actors, { ...(authorization !== undefined ? { authorization } : {}), labelRange: { start: labelStart, end: labelEnd } }),
    [exchanges, actors.mcpOrigin, actors.authorizationServerOrigin, authorization, labelStart, labelEnd],
  );
  const rows = paged ? rowsOnPage(model, page, exchanges.length) : model.rows;
  const { width, lanes, headerWidths } = sequenceGeometry(model.actors, available, headerNatural);
  const noteWidth = width - 2 * NOTE_MARGIN;
  const { placed, height } = layOut(rows, (row) => noteRowHeight(t(`inspect.sequence.note.${row.note}`), noteWidth - 18));
  const clientX = lanes.get('client') ?? 0;
  const lastX = Math.max(...lanes.values());
  const requestX = clientX + LABEL_INSET;
  const replyX = requestX + REPLY_INDENT;
  const exchangeIds = placed.flatMap((item) => (item.kind === 'exchange' ? [item.exchangeId] : []));
  const tabStop = exchangeIds.includes(focusedId ?? '') ? focusedId : exchangeIds.includes(selectedId ?? '') ? selectedId : exchangeIds[0];

  // Follow the run as it grows when the reader is at the bottom; bring a selection made elsewhere into view.
  useLayoutEffect(() => {
    const container = scrollRef.current;
    if (!container) return;
    const selected = placed.find((item) => item.kind === 'exchange' && item.exchangeId === selectedId);
    if (selected) {
      // The sticky actor header covers the top HEADER_HEIGHT pixels of the scrolled view.
      const top = (selected.y - STEP_ROW) * scale;
      const bottom = (HEADER_HEIGHT + selected.y + ARROW_ROW * 2) * scale;
      if (top < container.scrollTop) container.scrollTop = Math.max(0, top - 4);
      else if (bottom > container.scrollTop + container.clientHeight) container.scrollTop = bottom - container.clientHeight + 4;
    } else if (atBottom.current) {
      container.scrollTop = container.scrollHeight;
    }
  }, [selectedId, exchanges.length, page.page]);

  if (exchanges.length === 0 && authorization !== 'waiting') {
    return <p className="rounded-md border border-dashed border-slate-300 p-3 text-sm text-slate-600 dark:border-slate-700 dark:text-slate-300">{t('inspect.sequence.empty')}</p>;
  }

  const asOrigin = inferAuthorizationServerOrigin(exchanges, actors);
  const actorHost: Partial<Record<ActorId, string>> = { mcp: hostOf(originOf(actors.mcpOrigin) ?? actors.mcpOrigin), as: hostOf(asOrigin) };

  const focusArrow = (offset: number, from: string) => {
    const index = exchangeIds.indexOf(from);
    const next = offset === Number.NEGATIVE_INFINITY ? exchangeIds[0] : offset === Number.POSITIVE_INFINITY ? exchangeIds.at(-1) : exchangeIds[index + offset];
    if (next === undefined) return;
    setFocusedId(next);
    arrowRefs.current.get(next)?.focus();
  };

  const onArrowKey = (event: KeyboardEvent<SVGGElement>, exchangeId: string) => {
    const moves: Record<string, number> = { ArrowDown: 1, ArrowUp: -1, Home: Number.NEGATIVE_INFINITY, End: Number.POSITIVE_INFINITY };
    const move = moves[event.key];
    if (move !== undefined) {
      event.preventDefault();
      focusArrow(move, exchangeId);
    } else if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      onSelect(exchangeId);
    }
  };

  const choosePage = (next: number) => setPageChoice({ page: next, forSelection: selectedId });

  return (
    <div>
      <p className="mb-1 text-xs text-slate-600 dark:text-slate-300">{t('inspect.sequence.keys')}</p>
      {paged && (
        <nav aria-label={t('inspect.sequence.label')} className="mb-1 flex flex-wrap items-center gap-2 text-xs">
          <button type="button" className={PAGE_BUTTON} disabled={page.page === 0} onClick={() => choosePage(page.page - 1)}>
            ← {t('inspect.sequence.earlier')}
          </button>
          <span className="text-slate-700 dark:text-slate-200">{t('inspect.sequence.page', { start: page.start + 1, end: page.end, count: exchanges.length })}</span>
          <button type="button" className={PAGE_BUTTON} disabled={page.page >= page.pageCount - 1} onClick={() => choosePage(page.page + 1)}>
            {t('inspect.sequence.later')} →
          </button>
        </nav>
      )}
      <div
        ref={scrollRef}
        onScroll={(event) => {
          const element = event.currentTarget;
          atBottom.current = element.scrollTop + element.clientHeight >= element.scrollHeight - 4;
        }}
        className="relative overflow-auto rounded-md border border-slate-200 bg-white dark:border-slate-700 dark:bg-slate-900"
        style={{ maxHeight }}
      >
        <div aria-hidden="true" className="sticky top-0 z-10 border-b border-slate-200 bg-white dark:border-slate-700 dark:bg-slate-900" style={{ width: width * scale, height: HEADER_HEIGHT * scale }}>
          {model.actors.map((actor) => {
            const name = t(`inspect.actor.${actor}`);
            const host = actorHost[actor] ?? '';
            return (
              <div
                key={actor}
                ref={(element) => {
                  if (element) headerRefs.current.set(actor, element);
                  else headerRefs.current.delete(actor);
                }}
                title={host ? `${name}\n${host}` : name}
                className="absolute top-1 w-max -translate-x-1/2 text-center"
                style={{ left: (lanes.get(actor) ?? 0) * scale, maxWidth: scaled(headerWidths.get(actor), scale) }}
              >
                <div className="truncate rounded border border-slate-300 bg-slate-50 px-2 text-xs font-semibold text-slate-800 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-100" style={scale !== 1 ? { fontSize: 12 * scale } : undefined}>
                  {name}
                </div>
                {host ? (
                  <div className="truncate font-mono text-[11px] leading-4 text-slate-600 dark:text-slate-400" style={scale !== 1 ? { fontSize: 11 * scale, lineHeight: 1.4 } : undefined}>
                    {host}
                  </div>
                ) : null}
              </div>
            );
          })}
        </div>
        <svg role="group" aria-label={t('inspect.sequence.label')} width={width * scale} height={height * scale} viewBox={`0 0 ${width} ${height}`} className="block font-mono text-[11px]">
          <g aria-hidden="true">
            <text ref={sampleRef} x={0} y={-20} visibility="hidden">
              {MEASURE_SAMPLE}
            </text>
            {model.actors.map((actor) => (
              <line
                key={actor}
                x1={lanes.get(actor)}
                x2={lanes.get(actor)}
                y1={0}
                y2={height}
                className="stroke-slate-300 dark:stroke-slate-600"
                strokeDasharray={actor === 'client' ? undefined : '4 4'}
                strokeWidth={actor === 'client' ? 2 : 1}
              />
            ))}
          </g>
          {placed.map((item) => {
            if (item.kind === 'step') {
              return (
                <g key={`step-${item.row.exchangeIndex}`} aria-hidden="true">
                  <line x1={0} x2={width} y1={item.y + 4} y2={item.y + 4} className="stroke-slate-200 dark:stroke-slate-700" />
                  <text x={6} y={item.y + 16} className={`font-sans text-[11px] font-semibold ${HALO} fill-slate-600 dark:fill-slate-300`}>
                    {stepTitle(item.row.stepId, language)}
                  </text>
                </g>
              );
            }
            if (item.kind === 'note') {
              return (
                <foreignObject key={`note-${item.row.exchangeIndex}-${item.row.note}`} x={NOTE_MARGIN} y={item.y + 4} width={noteWidth} height={item.height - 8}>
                  <div className="flex h-full items-center rounded border border-amber-300 bg-amber-50 px-2 font-sans text-xs leading-snug text-amber-950 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100">
                    {t(`inspect.sequence.note.${item.row.note}`)}
                  </div>
                </foreignObject>
              );
            }
            const selected = item.exchangeId === selectedId;
            const target = lanes.get(item.request.actor) ?? lastX;
            const requestY = item.y + 19;
            const replyY = item.y + ARROW_ROW + 19;
            const stroke = selected ? 'stroke-sky-700 dark:stroke-sky-300' : 'stroke-slate-500 dark:stroke-slate-400';
            const head = selected ? 'fill-sky-700 dark:fill-sky-300' : 'fill-slate-500 dark:fill-slate-400';
            const requestText = fitLabel(item.request.label, width - requestX - LABEL_END, charWidth);
            const replyText = fitLabel(item.reply.label, width - replyX - LABEL_END, charWidth);
            return (
              <g
                key={item.exchangeId}
                ref={(element) => {
                  if (element) arrowRefs.current.set(item.exchangeId, element);
                  else arrowRefs.current.delete(item.exchangeId);
                }}
                role="button"
                tabIndex={item.exchangeId === tabStop ? 0 : -1}
                aria-current={selected ? 'true' : undefined}
                aria-label={t('inspect.sequence.arrow', { request: item.request.label, reply: item.reply.label })}
                onClick={() => onSelect(item.exchangeId)}
                onKeyDown={(event) => onArrowKey(event, item.exchangeId)}
                onFocus={() => setFocusedId(item.exchangeId)}
                className="group/arrow cursor-pointer outline-none"
              >
                <title>{`${item.request.label}\n${item.reply.label}`}</title>
                <rect
                  x={1}
                  y={item.y + 1}
                  width={width - 2}
                  height={ARROW_ROW * 2 - 2}
                  rx={3}
                  className={`${selected ? 'fill-sky-50 dark:fill-sky-950' : 'fill-transparent group-hover/arrow:fill-slate-50 dark:group-hover/arrow:fill-slate-800/60'} stroke-transparent group-focus-visible/arrow:stroke-sky-600 dark:group-focus-visible/arrow:stroke-sky-400`}
                  strokeWidth={2}
                />
                <line x1={clientX} x2={target - 6} y1={requestY} y2={requestY} className={stroke} strokeWidth={selected ? 2 : 1.25} />
                <polygon points={`${target},${requestY} ${target - 8},${requestY - 4} ${target - 8},${requestY + 4}`} className={head} />
                <text x={requestX} y={requestY - 6} className={`${selected ? HALO_SELECTED : HALO} ${selected ? 'fill-sky-900 dark:fill-sky-100' : 'fill-slate-900 dark:fill-slate-100'} ${selected ? 'font-semibold' : ''}`}>
                  {requestText}
                </text>
                <line x1={target} x2={clientX + 6} y1={replyY} y2={replyY} className={stroke} strokeWidth={selected ? 2 : 1.25} strokeDasharray="5 3" />
                <polygon points={`${clientX},${replyY} ${clientX + 8},${replyY - 4} ${clientX + 8},${replyY + 4}`} className={head} />
                <text x={replyX} y={replyY - 6} className={`${selected ? HALO_SELECTED : HALO} ${TONE_TEXT[item.reply.tone]} ${selected ? 'font-semibold' : ''}`}>
                  {replyText}
                </text>
              </g>
            );
          })}
        </svg>
      </div>
    </div>
  );
}

/** Text drawn over lifelines gets a halo in the background colour, so lines never cross letters. */
const HALO = '[paint-order:stroke] stroke-white stroke-[4px] [stroke-linejoin:round] dark:stroke-slate-900';
const HALO_SELECTED = '[paint-order:stroke] stroke-sky-50 stroke-[4px] [stroke-linejoin:round] dark:stroke-sky-950';
const PAGE_BUTTON =
  'rounded border border-slate-300 px-2 py-0.5 text-slate-800 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-sky-600 disabled:opacity-50 dark:border-slate-600 dark:text-slate-100 dark:hover:bg-slate-800';
