import { useId } from 'react';
import { countKey, useT } from '../i18n/index.js';
import { useDebugger } from '../store/index.js';
import { runInProgress } from '../store/workshop-slice.js';
import type { WorkshopFault } from '../wire/workshop.js';
import '../i18n/messages/workshop.js';

/**
 * The trainer's view of the embedded lab: a switch per fault, and an exercise that hides the
 * fault it switched on until the reveal. Shown only when the relay runs the lab.
 */
export function WorkshopPanel() {
  const t = useT();
  const available = useDebugger((s) => s.relayConfig?.workshop === true);
  const workshop = useDebugger((s) => s.workshop);
  const error = useDebugger((s) => s.workshopError);
  const busy = useDebugger((s) => s.workshopBusy);
  const locked = useDebugger(runInProgress);
  const titleId = useId();
  if (!available) return null;

  return (
    <section aria-labelledby={titleId} className="panel space-y-2 p-3">
      <h2 id={titleId} className="panel-title">
        {t('workshop.title')}
      </h2>
      {workshop === undefined ? (
        <p className="text-xs text-slate-600 dark:text-slate-400">{t('workshop.loading')}</p>
      ) : workshop.mode === 'switches' ? (
        <FaultSwitches faults={workshop.faults} disabled={locked || busy} />
      ) : (
        <ExerciseRunning faults={workshop.faults} revealed={workshop.revealed} disabled={busy} endDisabled={locked || busy} />
      )}
      {locked ? <p className="text-xs text-amber-800 dark:text-amber-300">{t('workshop.locked')}</p> : null}
      {error ? (
        <p role="alert" className="text-xs text-red-700 dark:text-red-300">
          {t('workshop.error', { message: t(`workshop.error.${error.kind}`, error.params) })}
          {error.detail ? (
            <span className="mt-0.5 block">
              {t('workshop.error.detail')}{' '}
              <code lang="en" className="break-all">
                {error.detail}
              </code>
            </span>
          ) : null}
        </p>
      ) : null}
    </section>
  );
}

function FaultSummary({ fault }: { fault: WorkshopFault }) {
  const t = useT();
  const language = useDebugger((s) => s.language);
  return (
    <span className="block text-[11px] text-slate-600 dark:text-slate-400">
      {fault.summary[language]}
      {fault.audit ? ` (${t('workshop.fault.audit')})` : ''}
    </span>
  );
}

function FaultSwitches({ faults, disabled }: { faults: (WorkshopFault & { active: boolean })[]; disabled: boolean }) {
  const t = useT();
  const switchFault = useDebugger((s) => s.switchFault);
  const startExercise = useDebugger((s) => s.startExercise);
  const audit = useDebugger((s) => s.form.audit);
  const active = faults.filter((fault) => fault.active).length;
  return (
    <>
      <p className="text-xs text-slate-600 dark:text-slate-400">{t('workshop.intro')}</p>
      <p className="text-xs font-medium" aria-live="polite">
        {active === 0 ? t('workshop.active.none') : t(countKey('workshop.active', active), { count: active })}
      </p>
      <ul aria-label={t('workshop.faults.label')} className="max-h-96 space-y-1.5 overflow-y-auto">
        {faults.map((fault) => (
          <li key={fault.id}>
            <label className="flex items-start gap-2">
              <input
                type="checkbox"
                role="switch"
                className="mt-0.5"
                checked={fault.active}
                disabled={disabled}
                onChange={(event) => void switchFault(fault.id, event.target.checked)}
              />
              <span className="min-w-0">
                <span className="block font-mono text-xs break-all">{fault.id}</span>
                <FaultSummary fault={fault} />
              </span>
            </label>
          </li>
        ))}
      </ul>
      <h3 className="field-label">{t('workshop.exercise.title')}</h3>
      <p className="text-xs text-slate-600 dark:text-slate-400">
        {t('workshop.exercise.help')}
        {audit ? ` ${t('workshop.exercise.helpAudit')}` : ''}
      </p>
      <button type="button" className="btn-secondary" disabled={disabled} onClick={() => void startExercise()}>
        {t('workshop.exercise.start')}
      </button>
    </>
  );
}

function ExerciseRunning({ faults, revealed, disabled, endDisabled }: { faults: WorkshopFault[]; revealed: string | undefined; disabled: boolean; endDisabled: boolean }) {
  const t = useT();
  const reveal = useDebugger((s) => s.revealExercise);
  const end = useDebugger((s) => s.endExercise);
  const fault = revealed === undefined ? undefined : faults.find((candidate) => candidate.id === revealed);
  return (
    <>
      <p className="rounded-md border border-amber-400 bg-amber-50 p-2 text-xs text-amber-950 dark:border-amber-600 dark:bg-amber-950 dark:text-amber-100">
        {t('workshop.exercise.running')}
      </p>
      {revealed === undefined ? (
        <button type="button" className="btn-primary" disabled={disabled} onClick={() => void reveal()}>
          {t('workshop.exercise.reveal')}
        </button>
      ) : (
        <div aria-label={t('workshop.exercise.revealed')} role="status" className="space-y-1 text-xs">
          <p>{t('workshop.exercise.revealed')}</p>
          <p className="font-mono">{revealed}</p>
          {fault ? <FaultSummary fault={fault} /> : null}
          {/* Each fault is named after the finding it triggers. */}
          <p>{t('workshop.exercise.finding', { id: revealed })}</p>
        </div>
      )}
      <button type="button" className="btn-secondary" disabled={endDisabled} onClick={() => void end()}>
        {t('workshop.exercise.end')}
      </button>
    </>
  );
}
