/**
 * The two ways to open the authorization server's sign-in (a popup, this tab), the lab's demo
 * user when the run targets the lab, and a notice when the browser blocked the popup. Shared by
 * the flow's round trip and the presenter view.
 */
import { useState, type RefObject } from 'react';
import { useT } from '../i18n/index.js';
import { useDebugger } from '../store/index.js';

export function SignInChoices({ firstButtonRef, compact = false }: { firstButtonRef?: RefObject<HTMLButtonElement | null>; compact?: boolean }) {
  const t = useT();
  const serverUrl = useDebugger((s) => s.session?.options.serverUrl);
  const lab = useDebugger((s) => s.relayConfig?.lab);
  const openAuthorization = useDebugger((s) => s.openAuthorization);
  const running = useDebugger((s) => s.running);
  const [blocked, setBlocked] = useState(false);
  return (
    <>
      {lab && serverUrl === lab.mcpUrl ? (
        <p className={`${compact ? '' : 'mt-2 '}text-sm text-violet-950 dark:text-violet-100`}>
          {t('app.auth.labUser')} <code className="font-mono font-semibold">{lab.demoUser.username}</code> / <code className="font-mono font-semibold">{lab.demoUser.password}</code>
        </p>
      ) : null}
      <div className={`${compact ? 'mt-1' : 'mt-3'} flex flex-wrap gap-2`}>
        <button ref={firstButtonRef} type="button" className="btn-primary" disabled={running} onClick={() => setBlocked(!openAuthorization('popup'))}>
          {t('app.auth.popup')}
        </button>
        <button type="button" className="btn-secondary" disabled={running} onClick={() => openAuthorization('tab')}>
          {t('app.auth.thisTab')}
        </button>
      </div>
      {blocked ? (
        <p role="alert" className={`${compact ? 'mt-1' : 'mt-2'} text-sm text-red-700 dark:text-red-300`}>
          {t('app.auth.popupBlocked')}
        </p>
      ) : null}
    </>
  );
}
