import { useT } from '../i18n/index.js';
import { EngineText } from './EngineText.js';
import { useDebugger } from '../store/index.js';

/**
 * Says when the page cannot reach its relay, why, and how to go on. What the person typed is
 * in sessionStorage, so reloading or restarting the relay loses nothing.
 */
export function RelayStatusBanner() {
  const t = useT();
  const health = useDebugger((s) => s.relayHealth);
  const problem = useDebugger((s) => s.relayProblem);
  const checkRelay = useDebugger((s) => s.checkRelay);
  if (health !== 'unreachable' && health !== 'rejected' && health !== 'no-secret') return null;
  return (
    <div role="alert" className="border-b border-amber-300 bg-amber-50 px-4 py-2 text-sm text-amber-950 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100">
      <div className="mx-auto flex max-w-screen-2xl flex-wrap items-center gap-x-4 gap-y-1">
        <p className="font-semibold">{t(`app.relay.${health}.title`)}</p>
        <p className="min-w-0 flex-1">
          {t(`app.relay.${health}.body`)} {t('app.relay.kept')}
          {problem ? (
            <span className="mt-0.5 block text-xs break-all opacity-80">
              {t(`app.relay.problem.${problem.kind}`, problem.params)}
              {problem.reason ? (
                <>
                  {' '}
                  <EngineText source={problem.reason} />
                </>
              ) : null}
              {problem.detail ? (
                <>
                  {' '}
                  <code lang="en">{problem.detail}</code>
                </>
              ) : null}
            </span>
          ) : null}
        </p>
        <div className="flex gap-2">
          {health === 'unreachable' ? (
            <button type="button" onClick={() => void checkRelay()} className="btn-secondary">
              {t('app.relay.retry')}
            </button>
          ) : null}
          {health === 'rejected' ? (
            <button type="button" onClick={() => window.location.reload()} className="btn-secondary">
              {t('app.relay.reload')}
            </button>
          ) : null}
        </div>
      </div>
    </div>
  );
}
