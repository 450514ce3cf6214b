import { useT } from '../i18n/index.js';
import { stepTitle } from '../i18n/steps.js';
import { useDebugger } from '../store/index.js';
import { stopOverrideMessages } from '../store/selectors.js';

/** Next step, run to the end, continue past a MUST-stop, start over. Keys: N and R. */
export function FlowControls() {
  const t = useT();
  const language = useDebugger((s) => s.language);
  const session = useDebugger((s) => s.session);
  const running = useDebugger((s) => s.running);
  const runningStep = useDebugger((s) => s.runningStep);
  const next = useDebugger((s) => s.next);
  const runToEnd = useDebugger((s) => s.runToEnd);
  const continueLeniently = useDebugger((s) => s.continueLeniently);
  const stopOverridable = useDebugger((s) => s.stopOverridable);
  const reset = useDebugger((s) => s.reset);
  const recording = useDebugger((s) => s.recording);
  // A recording is not run: its banner offers to run it again live.
  if (!session || recording) return null;

  const canAdvance = !running && session.status.kind === 'ready' && session.next !== undefined;
  const lenient = stopOverridable && session.status.kind === 'stopped';
  const override = stopOverrideMessages(session);
  return (
    <section aria-label={t('app.controls.label')} className="panel space-y-2 p-3">
      <div className="flex flex-wrap gap-2">
        <button type="button" className="btn-primary" disabled={!canAdvance} onClick={() => void next()} aria-keyshortcuts="N">
          {t('app.controls.next')}
        </button>
        <button type="button" className="btn-secondary" disabled={!canAdvance} onClick={() => void runToEnd()} aria-keyshortcuts="R">
          {t('app.controls.runToEnd')}
        </button>
      </div>
      {lenient ? (
        <div className="rounded-md border border-amber-400 bg-amber-50 p-2 text-xs text-amber-950 dark:border-amber-600 dark:bg-amber-950 dark:text-amber-100">
          <button type="button" className="btn-warning w-full" disabled={running} onClick={() => void continueLeniently()}>
            <span aria-hidden="true">⚠ </span>
            {t(override.label)}
          </button>
          <p className="mt-1">{t(override.help)}</p>
        </div>
      ) : null}
      <div className="flex items-center justify-between gap-2">
        <p className="text-xs text-slate-600 dark:text-slate-400">{t('app.controls.keys')}</p>
        <button type="button" className="btn-secondary shrink-0 px-2 py-1 text-xs whitespace-nowrap" onClick={reset}>
          {t('app.controls.reset')}
        </button>
      </div>
      <p className="text-xs text-slate-600 dark:text-slate-400" aria-live="polite">
        {running && runningStep
          ? t('app.controls.running', { step: stepTitle(runningStep, language) })
          : session.status.kind === 'ready' && session.next
            ? t('app.controls.upNext', { step: stepTitle(session.next, language) })
            : ''}
      </p>
    </section>
  );
}
