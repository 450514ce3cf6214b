/** The step's teaching note: what happens in it and why, for someone who has not read the spec. */
import { useId } from 'react';
import type { StepId } from '../engine/types.js';
import { useT } from '../i18n/index.js';
import { stepText } from '../i18n/steps.js';
import { useDebugger } from '../store/index.js';

export function StepTeachingNote({ stepId }: { stepId: StepId }) {
  const t = useT();
  const language = useDebugger((state) => state.language);
  const headingId = useId();
  const text = stepText(stepId, language);
  return (
    <aside aria-labelledby={headingId} className="rounded-md border border-indigo-200 bg-indigo-50/70 p-3 text-sm dark:border-indigo-900 dark:bg-indigo-950/40">
      <h3 id={headingId} className="text-xs font-semibold tracking-wide text-indigo-900 uppercase dark:text-indigo-200">
        {t('inspect.teaching.heading')}
      </h3>
      <p className="mt-1 font-medium text-slate-900 dark:text-slate-50">{text.summary}</p>
      <p className="mt-1 leading-relaxed text-slate-800 dark:text-slate-200">{text.teaching}</p>
    </aside>
  );
}
