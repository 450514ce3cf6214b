import { lazy, Suspense } from 'react';
import { findingArea } from '../engine/scorecard.js';
import { useT } from '../i18n/index.js';
import { useDebugger } from '../store/index.js';
import { activeFindingsArea } from '../store/scorecard-slice.js';
import { sessionFindings } from '../store/selectors.js';
import { FindingsList } from './FindingsList.js';

// Loaded after the first paint, as the hints under each finding are (FindingCard), with the pitfalls checklist.
const PitfallsChecklist = lazy(() => import('./PitfallsChecklist.js').then((module) => ({ default: module.PitfallsChecklist })));
const KnownServerHints = lazy(() => import('./KnownServerHints.js').then((module) => ({ default: module.KnownServerHints })));

/**
 * The Findings tab: every finding of the run, or one area's when a scorecard verdict opened it;
 * evidence opens its exchange in the Flow tab.
 */
export function FindingsView() {
  const t = useT();
  const session = useDebugger((s) => s.session);
  const area = useDebugger(activeFindingsArea);
  const showAllFindings = useDebugger((s) => s.showAllFindings);
  const showEvidence = useDebugger((s) => s.showEvidence);
  const all = sessionFindings(session);
  const findings = area ? all.filter((finding) => finding.severity !== 'info' && findingArea(finding, finding.stepId) === area) : all;
  const areaName = area ? t(`scorecard.area.${area}`) : '';
  return (
    <div className="space-y-2">
      {area ? (
        <p className="flex flex-wrap items-center gap-2 text-sm">
          <span className="font-medium">{t('scorecard.filter', { area: areaName })}</span>
          <button type="button" className="link" onClick={showAllFindings}>
            {t('scorecard.filter.all')}
          </button>
        </p>
      ) : null}
      {session && !area ? (
        <Suspense fallback={null}>
          <KnownServerHints session={session} />
        </Suspense>
      ) : null}
      {findings.length === 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">{area ? t('scorecard.filter.none', { area: areaName }) : t('app.findings.none')}</p>
      ) : (
        <FindingsList findings={findings} onShowEvidence={showEvidence} specVersion={session?.options.spec} />
      )}
      {session && !area ? (
        <Suspense fallback={null}>
          <PitfallsChecklist session={session} />
        </Suspense>
      ) : null}
    </div>
  );
}
