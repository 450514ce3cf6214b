/**
 * Compare: two sessions side by side (two servers, two days, two spec versions). A summary of
 * the engine's verdict on top, then one row per step with each side's outcome and findings, the
 * difference sentences about it, and its exchanges paired across the runs; an exchange of the run
 * shown opens in its inspector. Loaded on first use.
 */
import { useEffect, useId, useMemo, useRef } from 'react';
import type { SessionDifference } from '../engine/compare.js';
import { differenceText } from '../ui-logic/compare-text.js';
import { protocolSummary } from '../engine/mcp/protocol-summary.js';
import type { Exchange, Outcome } from '../engine/types.js';
import { useFindingCatalogue } from '../i18n/finding-catalogue.js';
import { countKey, useT } from '../i18n/index.js';
import { stepTitle } from '../i18n/steps.js';
import type { ComparedSession } from '../store/compare-slice.js';
import { useDebugger } from '../store/index.js';
import { localizedFindingText } from '../ui-logic/findings.js';
import { hostAndPath } from '../ui-logic/http-format.js';
import { alignSessions, type ExchangePair, type RowMark, type StepRow, type StepSide } from '../ui-logic/session-alignment.js';
import { ExchangeStatusBadge } from './ExchangeStatusBadge.js';
import { EngineText } from './EngineText.js';
import { COMPARE_TRIGGER_ID } from './SessionFiles.js';
import { SeverityBadge } from './SeverityBadge.js';

const MARK_CLASSES: Record<RowMark, { border: string; badge: string; glyph: string }> = {
  same: {
    border: 'border-l-slate-300 dark:border-l-slate-600',
    badge: 'bg-slate-100 text-slate-700 ring-slate-300 dark:bg-slate-800 dark:text-slate-200 dark:ring-slate-600',
    glyph: '=',
  },
  changed: {
    border: 'border-l-sky-600 dark:border-l-sky-400',
    badge: 'bg-sky-100 text-sky-950 ring-sky-300 dark:bg-sky-950 dark:text-sky-100 dark:ring-sky-800',
    glyph: '≠',
  },
  regression: {
    border: 'border-l-red-600 dark:border-l-red-500',
    badge: 'bg-red-100 text-red-900 ring-red-300 dark:bg-red-950 dark:text-red-100 dark:ring-red-800',
    glyph: '▼',
  },
};

const OUTCOME_CLASSES: Record<Outcome['kind'] | 'notReached', string> = {
  ok: 'border-emerald-600 bg-emerald-50 text-emerald-900 dark:border-emerald-500 dark:bg-emerald-950 dark:text-emerald-100',
  failed: 'border-red-600 bg-red-50 text-red-900 dark:border-red-400 dark:bg-red-950 dark:text-red-100',
  'needs-user': 'border-violet-600 bg-violet-50 text-violet-900 dark:border-violet-400 dark:bg-violet-950 dark:text-violet-100',
  skipped: 'border-slate-300 bg-slate-100 text-slate-700 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-200',
  notReached: 'border-dashed border-slate-400 text-slate-600 dark:border-slate-500 dark:text-slate-300',
};

export function CompareView() {
  const t = useT();
  const language = useDebugger((s) => s.language);
  const comparison = useDebugger((s) => s.comparison);
  const shownNow = useDebugger((s) => s.session);
  const selected = useDebugger((s) => s.selected);
  const swap = useDebugger((s) => s.swapComparison);
  const closeComparison = useDebugger((s) => s.closeComparison);
  const heading = useRef<HTMLHeadingElement>(null);
  const selectedAtOpen = useRef(selected);
  const titleId = useId();
  const left = comparison?.left.session;
  const right = comparison?.right.session;
  const alignment = useMemo(() => (left && right ? alignSessions(left, right) : undefined), [left, right]);

  const close = () => {
    closeComparison();
    document.getElementById(COMPARE_TRIGGER_ID)?.focus();
  };

  useEffect(() => heading.current?.focus(), []);
  // Whatever the person does to the run from the sidebar (a new run, a recording, a step picked)
  // brings the run's own view back: the comparison is of the session shown when it began.
  useEffect(() => {
    if (comparison && (shownNow !== comparison.shown || selected !== selectedAtOpen.current)) closeComparison();
  }, [comparison, shownNow, selected, closeComparison]);

  if (!comparison || !alignment) return null;
  // The exchanges of the run shown can open in its inspector; the other session's are only here.
  const shownSide = comparison.right.session === comparison.shown ? 'right' : comparison.left.session === comparison.shown ? 'left' : undefined;

  return (
    <section aria-labelledby={titleId} className="panel space-y-4 p-4" data-testid="compare-view">
      <header className="flex flex-wrap items-start justify-between gap-2">
        <h2 id={titleId} ref={heading} tabIndex={-1} className="text-lg font-semibold focus:outline-none">
          {t('compare.title')}
        </h2>
        <div className="flex flex-wrap gap-2">
          <button type="button" className="btn-secondary" onClick={swap}>
            <span aria-hidden="true">⇄</span>
            {t('compare.swap')}
          </button>
          <button type="button" className="btn-secondary" onClick={close}>
            {t('compare.close')}
          </button>
        </div>
      </header>
      <p className="max-w-prose text-sm text-slate-700 dark:text-slate-300">{t('compare.intro')}</p>

      <div className="grid grid-cols-2 gap-3">
        <SideLabel side={comparison.left} heading={t('compare.side.left')} />
        <SideLabel side={comparison.right} heading={t('compare.side.right')} />
      </div>

      <ComparisonSummary same={alignment.same} differences={alignment.differenceCount} regressions={alignment.regressionCount} />

      {alignment.acrossServers ? (
        <p className="rounded-md border border-amber-400 bg-amber-50 px-3 py-2 text-sm text-amber-950 dark:border-amber-600 dark:bg-amber-950 dark:text-amber-50">
          {t('compare.acrossServers', { left: hostAndPath(left?.options.serverUrl ?? ''), right: hostAndPath(right?.options.serverUrl ?? '') })}
        </p>
      ) : null}

      {alignment.runDifferences.length > 0 ? (
        <section aria-labelledby={`${titleId}-run`}>
          <h3 id={`${titleId}-run`} className="section-title">
            {t('compare.run.heading')}
          </h3>
          <DifferenceList differences={alignment.runDifferences} />
        </section>
      ) : null}

      <section aria-labelledby={`${titleId}-steps`} className="space-y-3">
        <h3 id={`${titleId}-steps`} className="section-title">
          {t('compare.steps.heading')}
        </h3>
        {alignment.steps.map((row) => (
          <StepComparison key={row.stepId} row={row} shownSide={shownSide} />
        ))}
        {alignment.unreached.length > 0 ? (
          <p className="text-xs text-slate-600 dark:text-slate-400">{t('compare.unreached', { steps: alignment.unreached.map((id) => stepTitle(id, language)).join(', ') })}</p>
        ) : null}
      </section>
    </section>
  );
}

function SideLabel({ side, heading }: { side: ComparedSession; heading: string }) {
  const t = useT();
  const { session, source } = side;
  const protocol = protocolSummary(session);
  const when = source.kind === 'file' && source.savedAt ? new Date(source.savedAt).toLocaleString() : t('compare.source.undated');
  return (
    <div className="min-w-0 rounded-md border border-slate-200 bg-slate-50 p-2 text-sm dark:border-slate-700 dark:bg-slate-950">
      <p className="text-xs font-semibold text-slate-600 uppercase dark:text-slate-400">{heading}</p>
      <p className="font-mono font-medium break-all">{hostAndPath(session.options.serverUrl)}</p>
      <p className="break-words text-slate-700 dark:text-slate-300">{source.kind === 'live' ? t('compare.source.live') : t('compare.source.file', { file: source.fileName, when })}</p>
      <p className="text-xs text-slate-600 dark:text-slate-400">
        {t(`app.summary.${session.status.kind}`)} · {t('compare.side.spec', { spec: session.options.spec })} ·{' '}
        {protocol ? t('compare.side.protocol', { version: protocol.version, era: t(`mcp.era.${protocol.era}`) }) : t('compare.side.noProtocol')}
      </p>
    </div>
  );
}

function ComparisonSummary({ same, differences, regressions }: { same: boolean; differences: number; regressions: number }) {
  const t = useT();
  const mark: RowMark = same ? 'same' : regressions > 0 ? 'regression' : 'changed';
  return (
    <p className="flex flex-wrap items-center gap-2 text-sm font-medium" data-testid="compare-summary">
      <MarkBadge mark={mark} />
      {same ? (
        <span>{t('compare.summary.same')}</span>
      ) : (
        <span>
          {t(countKey('compare.summary.differences', differences), { count: differences })} · {t(countKey('compare.summary.regressions', regressions), { count: regressions })}
        </span>
      )}
    </p>
  );
}

function MarkBadge({ mark }: { mark: RowMark }) {
  const t = useT();
  const classes = MARK_CLASSES[mark];
  return (
    <span className={`inline-flex shrink-0 items-center gap-1 rounded px-1.5 py-0.5 text-xs font-semibold ring-1 ring-inset ${classes.badge}`} data-mark={mark}>
      <span aria-hidden="true" className="font-mono">
        {classes.glyph}
      </span>
      {t(`compare.mark.${mark}`)}
    </span>
  );
}

function DifferenceList({ differences }: { differences: SessionDifference[] }) {
  const t = useT();
  const language = useDebugger((s) => s.language);
  return (
    <ul className="space-y-1 text-sm">
      {differences.map((difference, index) => (
        <li key={index} className="flex items-baseline gap-2">
          <span
            className={`shrink-0 rounded px-1 text-xs font-semibold ${
              difference.regression ? 'bg-red-100 text-red-900 dark:bg-red-950 dark:text-red-100' : 'bg-sky-100 text-sky-950 dark:bg-sky-950 dark:text-sky-100'
            }`}
          >
            {t(difference.regression ? 'compare.difference.regression' : 'compare.difference.change')}
          </span>
          <span className="min-w-0 break-words">{differenceText(t, difference, (stepId) => stepTitle(stepId, language))}</span>
        </li>
      ))}
    </ul>
  );
}

type Side = 'left' | 'right';

function StepComparison({ row, shownSide }: { row: StepRow; shownSide: Side | undefined }) {
  const t = useT();
  const language = useDebugger((s) => s.language);
  const id = useId();
  const title = stepTitle(row.stepId, language);
  const differing = row.exchanges.filter((pair) => pair.differs).length;
  return (
    <section aria-labelledby={id} className={`rounded-md border border-l-4 border-slate-200 p-3 dark:border-slate-700 ${MARK_CLASSES[row.mark].border}`} data-step={row.stepId}>
      <header className="flex flex-wrap items-center gap-2">
        <h4 id={id} className="font-semibold">
          {title}
        </h4>
        <MarkBadge mark={row.mark} />
      </header>
      {row.differences.length > 0 ? (
        <div className="mt-2">
          <DifferenceList differences={row.differences} />
        </div>
      ) : null}
      <div className="mt-2 grid grid-cols-2 gap-3">
        <StepSideView side={row.left} label={t('compare.side.left')} onlyHereMarker={t('compare.finding.gone')} />
        <StepSideView side={row.right} label={t('compare.side.right')} onlyHereMarker={t('compare.finding.new')} />
      </div>
      {row.exchanges.length > 0 ? (
        <details className="mt-2" open={differing > 0}>
          <summary className="cursor-pointer text-xs font-medium text-slate-700 dark:text-slate-300">
            {t(countKey('compare.exchanges.summary', row.exchanges.length), { count: row.exchanges.length })}
            {differing > 0 ? ` · ${t('compare.exchanges.differing', { count: differing })}` : ''}
          </summary>
          <ExchangePairs pairs={row.exchanges} caption={t('compare.exchanges.caption', { step: title })} shownSide={shownSide} />
        </details>
      ) : null}
    </section>
  );
}

function StepSideView({ side, label, onlyHereMarker }: { side: StepSide | undefined; label: string; onlyHereMarker: string }) {
  const t = useT();
  const language = useDebugger((s) => s.language);
  const catalogue = useFindingCatalogue();
  const outcome = side ? side.outcome : 'notReached';
  const shown = side?.findings.filter((f) => f.severity !== 'info') ?? [];
  const notes = (side?.findings.length ?? 0) - shown.length;
  return (
    <div className="min-w-0 space-y-1 text-sm">
      <p className="flex flex-wrap items-center gap-x-2 gap-y-1">
        <span className="sr-only">{label}:</span>
        <span className={`inline-block rounded border px-1.5 py-0.5 text-xs font-semibold ${OUTCOME_CLASSES[outcome]}`}>{t(`compare.outcome.${outcome}`)}</span>
        {side && side.runs > 1 ? <span className="text-xs text-slate-600 dark:text-slate-400">{t('compare.runs', { count: side.runs })}</span> : null}
      </p>
      {side ? (
        shown.length > 0 ? (
          <ul aria-label={t('compare.findings.label', { side: label })} className="space-y-1">
            {shown.map((finding) => (
              <li key={finding.id} className="flex flex-wrap items-start gap-x-2 gap-y-0.5">
                <SeverityBadge severity={finding.severity} />
                <span className="min-w-0 flex-1 break-words">
                  {localizedFindingText(finding, language, catalogue).title}{' '}
                  <code className="font-mono text-xs text-slate-600 dark:text-slate-300">{finding.id}</code>
                </span>
                {side.onlyHere.has(finding.id) ? (
                  <span className="rounded bg-amber-100 px-1 text-xs font-semibold text-amber-950 ring-1 ring-amber-400 ring-inset dark:bg-amber-950 dark:text-amber-50 dark:ring-amber-600">{onlyHereMarker}</span>
                ) : null}
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-xs text-slate-600 dark:text-slate-400">{t('compare.findings.none')}</p>
        )
      ) : null}
      {notes > 0 ? <p className="text-xs text-slate-600 dark:text-slate-400">{t(countKey('compare.findings.notes', notes), { count: notes })}</p> : null}
    </div>
  );
}

function ExchangePairs({ pairs, caption, shownSide }: { pairs: ExchangePair[]; caption: string; shownSide: Side | undefined }) {
  const t = useT();
  return (
    <table className="mt-1 w-full table-fixed border-collapse text-xs">
      <caption className="sr-only">{caption}</caption>
      <thead>
        <tr className="text-left text-slate-600 dark:text-slate-400">
          <th scope="col" className="w-[44%] py-1 pr-2 font-medium">
            {t('compare.side.left')}
          </th>
          <th scope="col" className="w-[44%] py-1 pr-2 font-medium">
            {t('compare.side.right')}
          </th>
          <th scope="col" className="py-1 font-medium">
            {t('compare.exchanges.difference')}
          </th>
        </tr>
      </thead>
      <tbody>
        {pairs.map((pair, index) => (
          <tr key={index} className={`border-t border-slate-200 align-top dark:border-slate-700 ${pair.differs ? 'bg-amber-50 dark:bg-amber-950/40' : ''}`}>
            <td className="py-1 pr-2">
              <ExchangeCell exchange={pair.left} inspectable={shownSide === 'left'} />
            </td>
            <td className="py-1 pr-2">
              <ExchangeCell exchange={pair.right} inspectable={shownSide === 'right'} />
            </td>
            <td className="py-1 font-semibold">
              {pair.differs ? (
                <span className="text-amber-900 dark:text-amber-200">
                  <span aria-hidden="true">≠ </span>
                  {t('compare.exchange.differs')}
                </span>
              ) : (
                <span className="font-normal text-slate-600 dark:text-slate-400">{t('compare.exchange.same')}</span>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function ExchangeCell({ exchange, inspectable }: { exchange: Exchange | undefined; inspectable: boolean }) {
  const t = useT();
  const selectExchange = useDebugger((s) => s.selectExchange);
  if (!exchange) return <span className="text-slate-600 italic dark:text-slate-400">{t('compare.exchange.notMade')}</span>;
  const request = `${exchange.request.method} ${hostAndPath(exchange.request.url)}`;
  return (
    <div className="min-w-0 space-y-0.5">
      <div className="flex flex-wrap items-center gap-1">
        <ExchangeStatusBadge exchange={exchange} />
        {inspectable ? (
          // Selecting the exchange shows the run again, with it open in the inspector.
          <button type="button" className="link min-w-0 text-left font-mono break-all" onClick={() => selectExchange(exchange.id)}>
            {request}
            <span className="sr-only">{t('compare.exchange.inspect')}</span>
          </button>
        ) : (
          <span className="min-w-0 font-mono break-all">{request}</span>
        )}
      </div>
      {exchange.label ? (
        <div className="break-words text-slate-600 dark:text-slate-400">
          <EngineText source={{ english: exchange.label, id: exchange.labelId, params: exchange.labelParams }} plain />
        </div>
      ) : null}
    </div>
  );
}
