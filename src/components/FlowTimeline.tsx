import { useId } from 'react';
import { countKey, useT } from '../i18n/index.js';
import { stepTitle } from '../i18n/steps.js';
import { useDebugger } from '../store/index.js';
import { timelineEntries, type TimelineEntry, type TimelineStatus } from '../store/timeline.js';

const GLYPH: Record<TimelineStatus, string> = {
  pending: '○',
  running: '◌',
  waiting: '‖',
  ok: '✓',
  warning: '!',
  error: '✕',
  skipped: '–',
};

const TONE: Record<TimelineStatus, string> = {
  pending: 'border-slate-300 text-slate-500 dark:border-slate-600 dark:text-slate-400',
  running: 'border-sky-600 text-sky-700 motion-safe:animate-pulse dark:border-sky-400 dark:text-sky-300',
  waiting: 'border-violet-600 bg-violet-50 text-violet-800 dark:border-violet-400 dark:bg-violet-950 dark:text-violet-200',
  ok: 'border-emerald-600 bg-emerald-50 text-emerald-800 dark:border-emerald-500 dark:bg-emerald-950 dark:text-emerald-200',
  warning: 'border-amber-500 bg-amber-50 text-amber-800 dark:border-amber-400 dark:bg-amber-950 dark:text-amber-200',
  error: 'border-red-600 bg-red-50 text-red-700 dark:border-red-400 dark:bg-red-950 dark:text-red-200',
  skipped: 'border-slate-300 bg-slate-100 text-slate-600 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-300',
};

/** The stages as a vertical timeline: each run of a step with its status, then what comes. */
export function FlowTimeline() {
  const t = useT();
  const language = useDebugger((s) => s.language);
  const session = useDebugger((s) => s.session);
  const runningStep = useDebugger((s) => s.runningStep);
  const selected = useDebugger((s) => s.selected);
  const select = useDebugger((s) => s.select);
  const id = useId();
  const entries = timelineEntries(session, runningStep);

  const isSelected = (entry: TimelineEntry) =>
    selected !== undefined && selected.stepId === entry.stepId && (entry.resultIndex === undefined ? selected.resultIndex === undefined : selected.resultIndex === entry.resultIndex);

  return (
    <nav aria-labelledby={id} className="panel p-3">
      <h2 id={id} className="panel-title mb-2">
        {t('app.timeline.title')}
      </h2>
      <ol className="relative space-y-0.5">
        {entries.map((entry, index) => (
          <li key={entry.key} className="relative">
            {index < entries.length - 1 ? <span aria-hidden="true" className="absolute top-7 bottom-[-0.25rem] left-[0.95rem] w-px bg-slate-200 dark:bg-slate-700" /> : null}
            <button
              type="button"
              onClick={() => select({ stepId: entry.stepId, ...(entry.resultIndex !== undefined ? { resultIndex: entry.resultIndex } : {}) })}
              aria-current={isSelected(entry) ? 'step' : undefined}
              className={`relative flex w-full items-start gap-2 rounded-md px-1 py-1 text-left text-sm hover:bg-slate-100 dark:hover:bg-slate-800 ${
                isSelected(entry) ? 'bg-sky-50 ring-1 ring-sky-600 dark:bg-sky-950 dark:ring-sky-400' : ''
              }`}
            >
              <span aria-hidden="true" className={`mt-0.5 flex size-5 shrink-0 items-center justify-center rounded-full border text-[11px] font-bold ${TONE[entry.status]}`}>
                {GLYPH[entry.status]}
              </span>
              <span className="min-w-0 flex-1">
                <span className={`block leading-snug ${entry.status === 'pending' ? 'text-slate-600 dark:text-slate-400' : ''}`}>
                  {stepTitle(entry.stepId, language)}
                  {entry.round > 1 ? <span className="ml-1 text-xs text-slate-600 dark:text-slate-400">{t('app.timeline.round', { round: entry.round })}</span> : null}
                </span>
                <span className="block text-xs text-slate-600 dark:text-slate-400">
                  {t(`app.status.${entry.status}`)}
                  {entry.upNext && entry.status === 'pending' && session ? ` · ${t('app.timeline.upNext')}` : ''}
                  {entry.findingCounts.error > 0 ? ` · ${t(countKey('app.count.errors', entry.findingCounts.error), { count: entry.findingCounts.error })}` : ''}
                  {entry.findingCounts.warning > 0 ? ` · ${t(countKey('app.count.warnings', entry.findingCounts.warning), { count: entry.findingCounts.warning })}` : ''}
                </span>
              </span>
            </button>
          </li>
        ))}
      </ol>
    </nav>
  );
}
