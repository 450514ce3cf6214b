import { lazy, Suspense, useId } from 'react';
import type { Exchange, StepResult } from '../engine/types.js';
import { countKey, useT } from '../i18n/index.js';
import { stepTitle } from '../i18n/steps.js';
import { useDebugger } from '../store/index.js';
import { latestResultIndex, resultStatus } from '../store/timeline.js';
import { reasonText } from '../ui-logic/engine-text.js';
import { EngineText } from './EngineText.js';
import { ExchangeInspector } from './ExchangeInspector.js';
import { ExchangeList } from './ExchangeList.js';
import { FindingsList } from './FindingsList.js';
import { McpServerSummary } from './McpServerSummary.js';
import { StepTeachingNote } from './StepTeachingNote.js';

// The CORS table matters only in the opt-in cors step: loaded when that step is shown.
const CorsTable = lazy(() => import('./CorsTable.js').then((module) => ({ default: module.CorsTable })));

/** The exchange to show when none is picked: the one the first error points at, else the step's last. */
function defaultExchange(result: StepResult): Exchange | undefined {
  const cited = result.findings.find((f) => f.severity === 'error' && f.evidence)?.evidence?.exchangeId;
  return result.exchanges.find((e) => e.id === cited) ?? result.exchanges.at(-1);
}

/** The selected step: what it is for, what it found, and every exchange it made. */
export function StepDetail() {
  const t = useT();
  const language = useDebugger((s) => s.language);
  const session = useDebugger((s) => s.session);
  const selected = useDebugger((s) => s.selected);
  const selectedExchangeId = useDebugger((s) => s.selectedExchangeId);
  const selectExchange = useDebugger((s) => s.selectExchange);
  const showEvidence = useDebugger((s) => s.showEvidence);
  const evidence = useDebugger((s) => s.evidence);
  const running = useDebugger((s) => s.running);
  const runningStep = useDebugger((s) => s.runningStep);
  const next = useDebugger((s) => s.next);
  const id = useId();

  const stepId = selected?.stepId ?? session?.next ?? 'probe';
  const resultIndex = selected ? selected.resultIndex : latestResultIndex(session, stepId);
  const result = resultIndex === undefined ? undefined : session?.results[resultIndex];
  const exchange = result ? (result.exchanges.find((e) => e.id === selectedExchangeId) ?? defaultExchange(result)) : undefined;
  const upNext = !result && session?.status.kind === 'ready' && session.next === stepId;

  return (
    <article aria-labelledby={id} className="space-y-4">
      <header className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
        <h2 id={id} className="text-lg font-semibold">
          {stepTitle(stepId, language)}
        </h2>
        <span className="text-sm text-slate-600 dark:text-slate-400">
          {result ? t(`app.status.${resultStatus(result)}`) : running && runningStep === stepId ? t('app.status.running') : t('app.status.pending')}
        </span>
      </header>

      <StepTeachingNote stepId={stepId} />

      {result ? (
        <>
          <Outcome result={result} />
          {stepId === 'authenticated-mcp' && session ? <McpServerSummary session={session} /> : null}
          {stepId === 'cors' && session?.data.cors ? (
            <Suspense fallback={null}>
              <CorsTable cors={session.data.cors} onShowExchange={selectExchange} />
            </Suspense>
          ) : null}
          <section>
            <h3 className="section-title">{t('app.step.findings')}</h3>
            {result.findings.length > 0 ? <FindingsList findings={result.findings} onShowEvidence={showEvidence} specVersion={session?.options.spec} /> : <p className="text-sm text-slate-600 dark:text-slate-400">{t('app.step.noFindings')}</p>}
          </section>
          <section>
            <h3 className="section-title">{t(countKey('app.step.exchanges', result.exchanges.length), { count: result.exchanges.length })}</h3>
            {result.exchanges.length > 0 ? (
              <div className="grid grid-cols-[minmax(0,1fr)] gap-3 2xl:grid-cols-[24rem_minmax(0,1fr)] 2xl:items-start">
                <ExchangeList exchanges={result.exchanges} selectedId={exchange?.id} onSelect={selectExchange} />
                {exchange ? <ExchangeInspector exchange={exchange} {...(evidence?.exchangeId === exchange.id ? { evidence } : {})} /> : null}
              </div>
            ) : (
              <p className="text-sm text-slate-600 dark:text-slate-400">{t('app.step.noExchanges')}</p>
            )}
          </section>
        </>
      ) : (
        <div className="rounded-md border border-dashed border-slate-300 p-3 text-sm text-slate-700 dark:border-slate-600 dark:text-slate-300">
          <p>{session ? t('app.step.notRun') : t('app.step.noSession')}</p>
          {upNext ? (
            <button type="button" className="btn-primary mt-2" disabled={running} onClick={() => void next()}>
              {t('app.step.runThis')} <kbd className="kbd">N</kbd>
            </button>
          ) : null}
        </div>
      )}
    </article>
  );
}

function Outcome({ result }: { result: StepResult }) {
  const t = useT();
  const outcome = result.outcome;
  if (outcome.kind === 'ok') return null;
  if (outcome.kind === 'needs-user') return <p className="text-sm text-violet-800 dark:text-violet-200">{t('app.step.needsUser')}</p>;
  const tone = outcome.kind === 'failed' ? 'border-red-300 bg-red-50 text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100' : 'border-slate-300 bg-slate-50 text-slate-800 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-200';
  return (
    <p className={`rounded-md border px-3 py-2 text-sm ${tone}`}>
      <span className="font-semibold">{t(outcome.kind === 'failed' ? 'app.step.failed' : 'app.step.skipped')}</span> <EngineText source={reasonText(outcome)} />
    </p>
  );
}
