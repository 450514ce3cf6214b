/**
 * The scorecard at the top of the run: one verdict per area with its counts, so the eye goes to
 * what failed first. Each verdict opens the Findings tab with that area's findings.
 */
import { useMemo } from 'react';
import { scorecard, type ScoreVerdict } from '../engine/scorecard.js';
import { countKey, useT } from '../i18n/index.js';
import { useDebugger } from '../store/index.js';

const LOOK: Record<ScoreVerdict, { mark: string; tone: string }> = {
  failed: { mark: '✗', tone: 'border-red-300 bg-red-50 text-red-800 dark:border-red-800 dark:bg-red-950/50 dark:text-red-200' },
  warnings: { mark: '!', tone: 'border-amber-300 bg-amber-50 text-amber-900 dark:border-amber-800 dark:bg-amber-950/40 dark:text-amber-200' },
  passed: { mark: '✓', tone: 'border-emerald-300 bg-emerald-50 text-emerald-800 dark:border-emerald-800 dark:bg-emerald-950/40 dark:text-emerald-200' },
  'not-run': { mark: '·', tone: 'border-slate-200 bg-white text-slate-600 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-400' },
};

export function Scorecard() {
  const t = useT();
  const session = useDebugger((s) => s.session);
  const showAreaFindings = useDebugger((s) => s.showAreaFindings);
  const scores = useMemo(() => (session ? scorecard(session) : []), [session]);
  if (!session || session.results.length === 0) return null;
  return (
    <ul aria-label={t('scorecard.label')} className="grid grid-cols-2 gap-1.5 sm:grid-cols-4 xl:grid-cols-8" data-testid="scorecard">
      {scores.map((score) => {
        const look = LOOK[score.verdict];
        const area = t(`scorecard.area.${score.area}`);
        const verdict = t(`scorecard.verdict.${score.verdict}`);
        const counts = [
          score.errors > 0 ? t(countKey('app.count.errors', score.errors), { count: score.errors }) : '',
          score.warnings > 0 ? t(countKey('app.count.warnings', score.warnings), { count: score.warnings }) : '',
        ].filter(Boolean);
        return (
          <li key={score.area}>
            <button
              type="button"
              onClick={() => showAreaFindings(score.area)}
              aria-label={t('scorecard.open', { area, verdict: [verdict, ...counts].join(', ') })}
              className={`flex h-full w-full flex-col items-start rounded-md border px-2 py-1 text-left text-xs hover:brightness-95 focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-sky-600 ${look.tone}`}
              data-verdict={score.verdict}
            >
              <span className="font-semibold">{area}</span>
              <span>
                <span aria-hidden="true">{look.mark} </span>
                {verdict}
                {counts.length > 0 ? ` · ${counts.join(', ')}` : ''}
              </span>
            </button>
          </li>
        );
      })}
    </ul>
  );
}
