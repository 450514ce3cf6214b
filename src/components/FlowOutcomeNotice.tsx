import { useT } from '../i18n/index.js';
import { stepTitle } from '../i18n/steps.js';
import { useFindingCatalogue } from '../i18n/finding-catalogue.js';
import { useDebugger } from '../store/index.js';
import { stopOverrideMessages, stoppingFinding } from '../store/selectors.js';
import { reasonText } from '../ui-logic/engine-text.js';
import { localizedFindingText } from '../ui-logic/findings.js';
import { EngineText } from './EngineText.js';

/**
 * Where the flow ended and the way on: why it stopped (the finding, in the chosen language, with
 * its fix), and what the person can do next. Also the reason an action could not run.
 */
export function FlowOutcomeNotice() {
  const t = useT();
  const language = useDebugger((s) => s.language);
  const session = useDebugger((s) => s.session);
  const flowError = useDebugger((s) => s.flowError);
  const running = useDebugger((s) => s.running);
  const continueLeniently = useDebugger((s) => s.continueLeniently);
  const stopOverridable = useDebugger((s) => s.stopOverridable);
  const start = useDebugger((s) => s.start);
  const mode = useDebugger((s) => s.mode);
  const setConnectExpanded = useDebugger((s) => s.setConnectExpanded);
  const catalogue = useFindingCatalogue();
  const recording = useDebugger((s) => s.recording);

  const error = flowError ? (
    <p role="alert" className="rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100">
      {t(flowError.key, flowError.params)}
    </p>
  ) : null;

  const status = session?.status;
  if (status?.kind !== 'stopped') return error;
  const finding = stoppingFinding(session);
  const text = finding ? localizedFindingText(finding, language, catalogue) : undefined;
  return (
    <>
      {error}
      <section role="status" className="rounded-lg border border-red-300 bg-red-50 p-3 text-sm text-red-950 dark:border-red-800 dark:bg-red-950 dark:text-red-50">
        <h2 className="font-semibold">{t('app.outcome.stopped', { step: stepTitle(status.stepId, language) })}</h2>
        <p className="mt-1">{text ? text.title : <EngineText source={reasonText(status)} />}</p>
        {text?.hint ? (
          <p className="mt-1">
            <span className="font-medium">{t('app.outcome.fix')}</span> {text.hint}
          </p>
        ) : null}
        {recording ? null : (
        <div className="mt-2 flex flex-wrap gap-2">
          {stopOverridable ? (
            <button type="button" className="btn-warning" disabled={running} onClick={() => void continueLeniently()}>
              <span aria-hidden="true">⚠ </span>
              {t(stopOverrideMessages(session).label)}
            </button>
          ) : null}
          <button type="button" className="btn-secondary" disabled={running} onClick={() => void start(mode)}>
            {t('app.outcome.runAgain')}
          </button>
          <button type="button" className="btn-secondary" onClick={() => setConnectExpanded(true)}>
            {t('app.outcome.editConnection')}
          </button>
        </div>
        )}
      </section>
    </>
  );
}
