import { useId, useState, type FormEvent } from 'react';
import { countKey, useT } from '../i18n/index.js';
import { breakDownUrl } from '../ui-logic/query-params.js';
import { useDebugger } from '../store/index.js';
import { CopyableValue } from './CopyableValue.js';
import { ParametersTable } from './ParametersTable.js';
import { SignInChoices } from './SignInChoices.js';

/**
 * The flow waits for the person: the authorization URL, its parameters explained, the redirect
 * URI it comes back to, and two ways to open it. A pasted callback URL is the way on when the
 * browser blocks popups or the authorization server sends the browser somewhere else.
 */
export function AuthorizationRoundTrip() {
  const t = useT();
  const status = useDebugger((s) => s.session?.status);
  const completeAuthorization = useDebugger((s) => s.completeAuthorization);
  const running = useDebugger((s) => s.running);
  const [pasted, setPasted] = useState('');
  const [pasteError, setPasteError] = useState(false);
  const id = useId();
  const recording = useDebugger((s) => s.recording);
  if (status?.kind !== 'waiting' || recording) return null;
  const { url, redirectUri } = status.action;
  const breakdown = breakDownUrl(url);

  const onPaste = (event: FormEvent) => {
    event.preventDefault();
    const value = pasted.trim();
    if (!URL.canParse(value)) {
      setPasteError(true);
      return;
    }
    setPasteError(false);
    void completeAuthorization(value);
  };

  return (
    <section aria-labelledby={`${id}-title`} className="rounded-lg border-2 border-violet-500 bg-violet-50 p-4 dark:border-violet-400 dark:bg-violet-950/60">
      <h2 id={`${id}-title`} className="text-base font-semibold text-violet-950 dark:text-violet-100">
        {t('app.auth.title')}
      </h2>
      <p className="mt-1 text-sm text-violet-950 dark:text-violet-100">{t('app.auth.body')}</p>
      <SignInChoices />

      <details className="mt-3">
        <summary className="cursor-pointer text-sm font-medium text-violet-950 dark:text-violet-100">{t(countKey('app.auth.parameters', breakdown.params.length), { count: breakdown.params.length })}</summary>
        <div className="mt-2 space-y-2">
          <CopyableValue value={url} label={t('app.auth.url')} />
          <div className="overflow-x-auto">
            <ParametersTable params={breakdown.params} caption={t('app.auth.parametersTable')} />
          </div>
        </div>
      </details>

      <div className="mt-3">
        <span className="field-label text-violet-950 dark:text-violet-100">{t('app.auth.redirectUri')}</span>
        <CopyableValue value={redirectUri} label={t('app.auth.redirectUri')} />
      </div>

      <form onSubmit={onPaste} className="mt-3">
        <label htmlFor={`${id}-paste`} className="field-label text-violet-950 dark:text-violet-100">
          {t('app.auth.paste')}
        </label>
        <div className="flex gap-2">
          <input
            id={`${id}-paste`}
            type="text"
            inputMode="url"
            spellCheck={false}
            value={pasted}
            onChange={(e) => setPasted(e.target.value)}
            placeholder={`${redirectUri}?code=…&state=…`}
            className="field-input font-mono"
            aria-invalid={pasteError || undefined}
            aria-describedby={pasteError ? `${id}-paste-error` : undefined}
          />
          <button type="submit" className="btn-secondary shrink-0" disabled={running || pasted.trim() === ''}>
            {t('app.auth.pasteContinue')}
          </button>
        </div>
        {pasteError ? (
          <p id={`${id}-paste-error`} className="mt-1 text-xs text-red-700 dark:text-red-300">
            {t('app.auth.pasteInvalid')}
          </p>
        ) : null}
      </form>
    </section>
  );
}
