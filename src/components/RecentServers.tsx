import { useId } from 'react';
import { useT } from '../i18n/index.js';
import { useDebugger } from '../store/index.js';

/** The servers run against before (never their secrets): one click fills the form again. */
export function RecentServers() {
  const t = useT();
  const recent = useDebugger((s) => s.recent);
  const apply = useDebugger((s) => s.applyRecentServer);
  const forget = useDebugger((s) => s.forgetServer);
  const id = useId();
  if (recent.length === 0) return null;
  return (
    <section aria-labelledby={id}>
      <h3 id={id} className="field-label">
        {t('app.recent.title')}
      </h3>
      <ul className="space-y-1">
        {recent.map((server) => (
          <li key={server.serverUrl} className="flex items-center gap-1">
            <button
              type="button"
              onClick={() => apply(server)}
              className="min-w-0 flex-1 rounded px-1.5 py-1 text-left hover:bg-slate-100 dark:hover:bg-slate-800"
              aria-label={t('app.recent.use', { url: server.serverUrl })}
            >
              <span className="block truncate font-mono text-xs">{server.serverUrl}</span>
              <span className="block text-[11px] text-slate-600 dark:text-slate-400">
                {server.spec} · {t(`app.connect.registration.${server.registration}`)}
                {server.clientId ? ` · ${server.clientId}` : ''}
              </span>
            </button>
            <button
              type="button"
              onClick={() => forget(server.serverUrl)}
              className="rounded px-1.5 py-1 text-xs text-slate-600 hover:bg-slate-100 dark:text-slate-400 dark:hover:bg-slate-800"
              aria-label={t('app.recent.forget', { url: server.serverUrl })}
            >
              <span aria-hidden="true">✕</span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
