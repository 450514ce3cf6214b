/** Findings, errors first, with a filter by severity. Used per step and for the whole run. */
import { useState } from 'react';
import type { Finding, Severity, SpecVersion } from '../engine/types.js';
import { useT } from '../i18n/index.js';
import { countBySeverity, filterFindings, SEVERITY_ORDER } from '../ui-logic/findings.js';
import { FindingCard } from './FindingCard.js';

export interface FindingsListProps {
  findings: readonly Finding[];
  onShowEvidence: (evidence: NonNullable<Finding['evidence']>) => void;
  /** Spec version the run checks against: labels the spec links. */
  specVersion?: SpecVersion;
  /** Name each finding's step (for the whole run's list). */
  showStep?: boolean;
}

const FILTER_BUTTON =
  'rounded-full border px-2.5 py-0.5 text-xs font-medium focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-sky-600 border-slate-300 text-slate-700 hover:bg-slate-100 aria-pressed:border-slate-700 aria-pressed:bg-slate-800 aria-pressed:text-white dark:border-slate-600 dark:text-slate-200 dark:hover:bg-slate-800 dark:aria-pressed:border-slate-200 dark:aria-pressed:bg-slate-100 dark:aria-pressed:text-slate-900';

export function FindingsList({ findings, onShowEvidence, specVersion, showStep = false }: FindingsListProps) {
  const t = useT();
  const [filter, setFilter] = useState<Severity | 'all'>('all');
  const counts = countBySeverity(findings);
  // A filter whose severity has gone (a new run) falls back to all.
  const effective = filter !== 'all' && counts[filter] === 0 ? 'all' : filter;
  const shown = filterFindings(findings, effective === 'all' ? new Set() : new Set([effective]));
  if (findings.length === 0) return <p className="text-sm text-slate-600 dark:text-slate-300">{t('inspect.findings.empty')}</p>;
  return (
    <div>
      <div role="group" aria-label={t('inspect.findings.filter')} className="mb-2 flex flex-wrap gap-1.5">
        <button type="button" className={FILTER_BUTTON} aria-pressed={effective === 'all'} onClick={() => setFilter('all')}>
          {t('inspect.findings.all', { count: findings.length })}
        </button>
        {SEVERITY_ORDER.filter((severity) => counts[severity] > 0).map((severity) => (
          <button key={severity} type="button" className={FILTER_BUTTON} aria-pressed={effective === severity} onClick={() => setFilter(severity)}>
            {t(`inspect.findings.${severity}`, { count: counts[severity] })}
          </button>
        ))}
      </div>
      {shown.length === 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-300">{t('inspect.findings.emptyFiltered')}</p>
      ) : (
        <ul aria-label={t('inspect.findings.label')} className="space-y-2">
          {shown.map((finding, index) => (
            <li key={`${finding.id}-${finding.evidence?.exchangeId ?? ''}-${index}`}>
              <FindingCard finding={finding} onShowEvidence={onShowEvidence} showStep={showStep} {...(specVersion ? { specVersion } : {})} />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
