import { useT } from '../i18n/index.js';

/**
 * What a popup shows at /callback after handing the URL to the debugger: it closes itself, and
 * says so in case the browser keeps it open.
 */
export function CallbackPage() {
  const t = useT();
  return (
    <main className="mx-auto max-w-md p-8 text-center">
      <h1 className="text-lg font-semibold">{t('app.callback.title')}</h1>
      <p className="mt-2 text-sm text-slate-700 dark:text-slate-300">{t('app.callback.body')}</p>
      <button type="button" className="btn-secondary mt-4" onClick={() => window.close()}>
        {t('app.callback.close')}
      </button>
    </main>
  );
}
