/**
 * The tutorial's 14 security pitfalls, each with what this run saw of it: held, broken (with the
 * findings that broke it), not tested in this run (and how to test it), or not observable from
 * outside (the tutorial's advice only). Shown in the Findings tab.
 */
import { useId, useMemo } from 'react';
import { pitfallChecklist, type PitfallStatus } from '../engine/pitfalls.js';
import type { Session } from '../engine/session.js';
import { useT } from '../i18n/index.js';
import { useDebugger } from '../store/index.js';

const LOOK: Record<PitfallStatus, { mark: string; tone: string }> = {
  broken: { mark: '✗', tone: 'text-red-700 dark:text-red-300' },
  held: { mark: '✓', tone: 'text-emerald-700 dark:text-emerald-300' },
  'not-tested': { mark: '?', tone: 'text-amber-800 dark:text-amber-300' },
  'not-observable': { mark: '·', tone: 'text-slate-600 dark:text-slate-400' },
};

export function PitfallsChecklist({ session }: { session: Session }) {
  const t = useT();
  const language = useDebugger((state) => state.language);
  const headingId = useId();
  const rows = useMemo(() => pitfallChecklist(session), [session]);
  const count = (status: PitfallStatus) => rows.filter((row) => row.status === status).length;
  return (
    <section aria-labelledby={headingId} className="panel mt-4 p-3">
      <details>
        <summary className="cursor-pointer">
          <h3 id={headingId} className="inline text-base font-semibold">
            {t('pitfalls.heading')}
          </h3>
          <span className="ml-2 text-sm text-slate-600 dark:text-slate-400">
            {t('pitfalls.summary', { held: count('held'), broken: count('broken'), untested: count('not-tested'), hidden: count('not-observable') })}
          </span>
        </summary>
        <p className="mt-2 text-sm text-slate-700 dark:text-slate-300">{t('pitfalls.intro')}</p>
        <ol className="mt-2 space-y-2 text-sm" aria-label={t('pitfalls.heading')}>
          {rows.map((row) => {
            const look = LOOK[row.status];
            return (
              <li key={row.number} className="rounded border border-slate-200 px-2 py-1.5 dark:border-slate-700" data-status={row.status}>
                <p className="flex flex-wrap items-baseline gap-x-2">
                  <span className="font-mono text-xs text-slate-500 dark:text-slate-400">{row.number}.</span>
                  <span className="font-medium">{row.title[language]}</span>
                  <span className={`text-xs font-semibold ${look.tone}`}>
                    <span aria-hidden="true">{look.mark} </span>
                    {t(`pitfalls.status.${row.status}`)}
                  </span>
                </p>
                {row.findingIds.length > 0 ? (
                  <p className="mt-0.5 text-xs">
                    {t('pitfalls.findings')}:{' '}
                    {row.findingIds.map((id) => (
                      <code key={id} className="mr-1 font-mono">
                        {id}
                      </code>
                    ))}
                  </p>
                ) : null}
                {row.howToTest ? (
                  <p className="mt-0.5 text-xs text-slate-700 dark:text-slate-300">
                    {t('pitfalls.howToTest')}: {row.howToTest[language]}
                  </p>
                ) : null}
                {row.status === 'not-observable' || row.status === 'broken' ? (
                  <p className="mt-0.5 text-xs text-slate-700 dark:text-slate-300">
                    {t('pitfalls.advice')}: {row.advice[language]}
                  </p>
                ) : null}
              </li>
            );
          })}
        </ol>
      </details>
    </section>
  );
}
