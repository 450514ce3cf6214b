/**
 * One finding: severity, what is wrong, why it matters, how to fix it, the clauses it rests on
 * (for the selected spec version), a way to the exchange that shows it, and its page in the
 * findings reference (served by the relay at /findings/<id>).
 */
import { lazy, Suspense, useId } from 'react';
import { DEFAULT_SPEC_VERSION, type Finding, type Severity, type SpecVersion } from '../engine/types.js';
import { useFindingCatalogue } from '../i18n/finding-catalogue.js';
import { useT } from '../i18n/index.js';
import { stepTitle } from '../i18n/steps.js';
import { useDebugger } from '../store/index.js';
import { localizedFindingTextParts, specLink } from '../ui-logic/findings.js';
import { findingReferencePath } from '../wire/findings-reference.js';
import { SeverityBadge } from './SeverityBadge.js';
import { MarkedText } from './MarkedText.js';

// The known-server hints (their texts in two languages, the recognisers) load after the first paint.
const KnownServerHintNote = lazy(() => import('./KnownServerHintNote.js').then((module) => ({ default: module.KnownServerHintNote })));

export interface FindingCardProps {
  finding: Finding;
  /** Opens the evidence: its exchange and, when the finding names one, the field in it. */
  onShowEvidence?: (evidence: NonNullable<Finding['evidence']>) => void;
  specVersion?: SpecVersion;
  /** Name the finding's step (in lists that span the whole run). */
  showStep?: boolean;
}

const BORDER: Record<Severity, string> = {
  error: 'border-l-red-600 dark:border-l-red-500',
  warning: 'border-l-amber-500 dark:border-l-amber-400',
  info: 'border-l-sky-500 dark:border-l-sky-400',
};

export function FindingCard({ finding, onShowEvidence, specVersion = DEFAULT_SPEC_VERSION, showStep = false }: FindingCardProps) {
  const t = useT();
  const language = useDebugger((state) => state.language);
  const titleId = useId();
  const text = localizedFindingTextParts(finding, language, useFindingCatalogue());
  const problem = finding.severity !== 'info';
  const evidence = finding.evidence;
  return (
    <article
      aria-labelledby={titleId}
      className={`rounded-md border border-l-4 border-slate-200 bg-white p-3 text-sm dark:border-slate-700 dark:bg-slate-900 ${BORDER[finding.severity]}`}
    >
      <header className="flex flex-wrap items-start gap-2">
        <SeverityBadge severity={finding.severity} />
        <h3 id={titleId} className="min-w-0 flex-1 font-semibold break-words text-slate-900 dark:text-slate-50">
          <MarkedText parts={text.title} />
        </h3>
      </header>
      <p className="mt-1 flex flex-wrap gap-x-3 text-xs text-slate-600 dark:text-slate-300">
        <code className="font-mono">{finding.id}</code>
        {showStep && <span>{t('inspect.finding.step', { step: stepTitle(finding.stepId, language) })}</span>}
        <a
          href={findingReferencePath(finding.id)}
          target="_blank"
          rel="noopener noreferrer"
          className="text-sky-800 underline decoration-sky-800/40 underline-offset-2 hover:decoration-sky-800 focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-sky-600 dark:text-sky-300 dark:decoration-sky-300/40"
        >
          {t('inspect.finding.reference')}
          <span aria-hidden="true"> ↗</span>
          <span className="sr-only"> {t('inspect.finding.newTab')}</span>
        </a>
      </p>
      <div className="mt-2 space-y-2 text-slate-800 dark:text-slate-200">
        <div>
          {problem && <h4 className="text-xs font-semibold text-slate-600 dark:text-slate-300">{t('inspect.finding.why')}</h4>}
          <p className="break-words">
            <MarkedText parts={text.detail} />
          </p>
        </div>
        {text.hint && (
          <div>
            <h4 className="text-xs font-semibold text-slate-600 dark:text-slate-300">{problem ? t('inspect.finding.fix') : t('inspect.finding.note')}</h4>
            <p className="break-words">
              <MarkedText parts={text.hint} />
            </p>
          </div>
        )}
        <Suspense fallback={null}>
          <KnownServerHintNote finding={finding} />
        </Suspense>
      </div>
      {(finding.specRefs.length > 0 || (evidence && onShowEvidence)) && (
        <footer className="mt-2 flex flex-wrap items-center justify-between gap-2 border-t border-slate-100 pt-2 dark:border-slate-800">
          {finding.specRefs.length > 0 ? (
            <div className="flex min-w-0 flex-wrap items-baseline gap-x-2 gap-y-1 text-xs">
              <span className="font-semibold text-slate-600 dark:text-slate-300">{t('inspect.finding.specs')}:</span>
              <ul className="contents">
                {finding.specRefs.map((ref) => {
                  const link = specLink(ref, specVersion, language);
                  return (
                    <li key={ref.id}>
                      <a
                        href={link.url}
                        {...(link.label !== link.englishLabel ? { title: link.englishLabel } : {})}
                        target="_blank"
                        rel="noopener noreferrer"
                        className="break-words text-sky-800 underline decoration-sky-800/40 underline-offset-2 hover:decoration-sky-800 focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-sky-600 dark:text-sky-300 dark:decoration-sky-300/40"
                      >
                        {link.label}
                        <span aria-hidden="true"> ↗</span>
                        <span className="sr-only"> {t('inspect.finding.newTab')}</span>
                      </a>
                    </li>
                  );
                })}
              </ul>
            </div>
          ) : (
            <span />
          )}
          {evidence && onShowEvidence && (
            <button
              type="button"
              aria-describedby={titleId}
              onClick={() => onShowEvidence(evidence)}
              className="shrink-0 rounded border border-slate-300 px-2 py-0.5 text-xs font-medium text-slate-800 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-sky-600 dark:border-slate-600 dark:text-slate-100 dark:hover:bg-slate-800"
            >
              {t('inspect.finding.evidence')}
            </button>
          )}
        </footer>
      )}
    </article>
  );
}
