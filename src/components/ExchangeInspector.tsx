/**
 * One exchange, raw and explained: what it was for, when and how long, the request as sent and
 * the response as received (or why there is none), with "Copy as curl".
 */
import { useEffect, useId, useRef } from 'react';
import type { Exchange } from '../engine/types.js';
import { useT } from '../i18n/index.js';
import { useEngineText } from '../i18n/engine-text.js';
import { stepTitle } from '../i18n/steps.js';
import { useDebugger } from '../store/index.js';
import { parseEvidencePointer } from '../ui-logic/evidence-pointer.js';
import { labelText } from '../ui-logic/engine-text.js';
import { hostAndPath } from '../ui-logic/http-format.js';
import { CopyAsCurlButton } from './CopyAsCurlButton.js';
import { EvidenceMark, revealEvidence } from './EvidenceMark.js';
import { ExchangeErrorCard } from './ExchangeErrorCard.js';
import { RequestCard } from './RequestCard.js';
import { ResponseCard } from './ResponseCard.js';
import { TimingBadge } from './TimingBadge.js';

export interface ExchangeInspectorProps {
  exchange: Exchange;
  /**
   * A finding's evidence in this exchange (pointer notation in src/engine/types.ts): the field is
   * opened and marked, and scrolled to and focused unless this ask (`request`) was `revealed`.
   */
  evidence?: { pointer?: string; request: number; revealed: boolean };
}

export function ExchangeInspector({ exchange, evidence }: ExchangeInspectorProps) {
  // A new exchange (or a new ask for evidence) starts from a fresh view: folds, copy state, the mark.
  return <ExchangeDetails key={`${exchange.id}#${evidence?.request ?? 0}`} exchange={exchange} {...(evidence ? { evidence } : {})} />;
}

function ExchangeDetails({ exchange, evidence }: ExchangeInspectorProps) {
  const t = useT();
  const target = parseEvidencePointer(evidence?.pointer);
  const language = useDebugger((state) => state.language);
  const evidenceRevealed = useDebugger((state) => state.evidenceRevealed);
  const headingId = useId();
  const article = useRef<HTMLElement>(null);
  // Once per ask: a later remount (back from another tab) shows the mark without pulling the page.
  useEffect(() => {
    if (!evidence || evidence.revealed || !article.current) return;
    if (revealEvidence(article.current)) evidenceRevealed(evidence.request);
  }, []);
  const engineText = useEngineText();
  const label = labelText(exchange);
  const title = label ? engineText.text(label) : `${exchange.request.method.toUpperCase()} ${hostAndPath(exchange.request.url)}`;
  return (
    <article ref={article} aria-labelledby={headingId} className="space-y-3">
      <header className="flex flex-wrap items-start justify-between gap-x-4 gap-y-2">
        <div className="min-w-0">
          <h2 id={headingId} className="text-base font-semibold break-words text-slate-900 dark:text-slate-50">
            {/* Evidence without a field (or one this version cannot place) names the whole exchange. */}
            {evidence && !target ? <EvidenceMark>{title}</EvidenceMark> : title}
          </h2>
          <p className="mt-0.5 flex flex-wrap items-baseline gap-x-3 gap-y-1 text-xs text-slate-600 dark:text-slate-300">
            <span>
              {t('inspect.exchange.step')}: <span className="font-medium text-slate-800 dark:text-slate-100">{stepTitle(exchange.stepId, language)}</span>
            </span>
            <span>
              {t('inspect.exchange.id')} <span className="font-mono">{exchange.id}</span>
            </span>
            <TimingBadge timings={exchange.timings} />
          </p>
        </div>
        <CopyAsCurlButton request={exchange.request} />
      </header>
      <RequestCard request={exchange.request} {...(target ? { evidence: target } : {})} />
      {exchange.error && <ExchangeErrorCard error={exchange.error} />}
      {exchange.response && <ResponseCard exchange={exchange} response={exchange.response} {...(target ? { evidence: target } : {})} />}
      {!exchange.error && !exchange.response && <p className="text-sm text-slate-600 dark:text-slate-300">{t('inspect.exchange.noResponseYet')}</p>}
    </article>
  );
}
