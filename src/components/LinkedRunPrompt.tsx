/**
 * The confirmation a `?run=1` / `?step=1` link needs: any web page can open such a link, and a
 * run sends requests from this machine to the server it names (and to the servers that one
 * names). The prompt says where, and nothing is sent until the person chooses.
 */
import { useEffect, useRef } from 'react';
import { useT } from '../i18n/index.js';
import { useDebugger } from '../store/index.js';

export function LinkedRunPrompt() {
  const t = useT();
  const linkedRun = useDebugger((s) => s.linkedRun);
  const dismiss = useDebugger((s) => s.dismissLinkedRun);
  const start = useDebugger((s) => s.start);
  const confirmRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (linkedRun) confirmRef.current?.focus();
  }, [linkedRun]);
  if (!linkedRun) return null;
  const go = (mode: 'run' | 'step') => {
    dismiss();
    void start(mode);
  };
  return (
    <section role="alertdialog" aria-labelledby="linked-run-title" aria-describedby="linked-run-body" className="rounded-lg border border-amber-400 bg-amber-50 p-4 text-sm text-amber-950 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-50">
      <h2 id="linked-run-title" className="text-base font-semibold">
        {t('app.linkedRun.title', { host: linkedRun.host })}
      </h2>
      <p id="linked-run-body" className="mt-1 max-w-prose">
        {t('app.linkedRun.body', { host: linkedRun.host })}
      </p>
      <div className="mt-3 flex flex-wrap gap-2">
        <button ref={confirmRef} type="button" className="btn-primary" onClick={() => go(linkedRun.mode)}>
          {t(linkedRun.mode === 'run' ? 'app.linkedRun.run' : 'app.linkedRun.step', { host: linkedRun.host })}
        </button>
        <button type="button" className="btn-secondary" onClick={dismiss}>
          {t('app.linkedRun.cancel')}
        </button>
      </div>
    </section>
  );
}
