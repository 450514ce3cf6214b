import { useEffect, useId, useState } from 'react';
import { useT } from '../i18n/index.js';
import { maskToken } from '../ui-logic/jwt-decode.js';
import '../i18n/messages/tokens.js';

interface RawTokenFieldProps {
  token: string;
  /** What the token is, in running text ("access token"). */
  label: string;
}

type CopyState = 'idle' | 'copied' | 'failed';

/** How long "Copied" stays before the status clears. */
const COPY_FEEDBACK_MS = 2000;

/**
 * The raw token, collapsed and masked: tokens are secrets and a debugger is often on a shared
 * screen. Reveal shows it; Copy works either way.
 */
export function RawTokenField({ token, label }: RawTokenFieldProps) {
  const t = useT();
  const [revealed, setRevealed] = useState(false);
  const [copy, setCopy] = useState<CopyState>('idle');
  const valueId = useId();

  useEffect(() => {
    if (copy === 'idle') return;
    const timer = setTimeout(() => setCopy('idle'), COPY_FEEDBACK_MS);
    return () => clearTimeout(timer);
  }, [copy]);

  const copyToken = () => {
    navigator.clipboard.writeText(token).then(
      () => setCopy('copied'),
      () => setCopy('failed'),
    );
  };

  const button =
    'rounded border border-slate-300 bg-white px-2 py-0.5 text-xs font-medium text-slate-800 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-600 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-100 dark:hover:bg-slate-700';

  return (
    <details className="rounded border border-slate-200 dark:border-slate-700">
      <summary className="cursor-pointer px-2 py-1 text-sm text-slate-700 select-none focus-visible:outline-2 focus-visible:outline-sky-600 dark:text-slate-300">
        {t('tokens.raw.summary', { label, count: token.length })}
      </summary>
      <div className="space-y-2 border-t border-slate-200 p-2 dark:border-slate-700">
        <div className="flex flex-wrap items-center gap-2">
          <button
            type="button"
            className={button}
            aria-controls={valueId}
            aria-label={t(revealed ? 'tokens.raw.hideLabel' : 'tokens.raw.revealLabel', { label })}
            onClick={() => setRevealed((shown) => !shown)}
          >
            {t(revealed ? 'tokens.raw.hide' : 'tokens.raw.reveal')}
          </button>
          <button type="button" className={button} aria-label={t('tokens.raw.copyLabel', { label })} onClick={copyToken}>
            {t('tokens.raw.copy')}
          </button>
          <span role="status" className="text-xs text-slate-700 dark:text-slate-300">
            {copy === 'copied' ? t('tokens.raw.copied') : copy === 'failed' ? t('tokens.raw.copyFailed') : ''}
          </span>
        </div>
        <div id={valueId} aria-label={t('tokens.raw.valueLabel', { label })} role="group">
          {revealed ? (
            <code className="block max-h-48 overflow-auto rounded bg-slate-50 p-2 font-mono text-xs break-all dark:bg-slate-950">{token}</code>
          ) : (
            <p className="text-xs text-slate-600 dark:text-slate-400">
              <span aria-hidden="true" className="mr-2 font-mono tracking-widest">
                {maskToken(token)}
              </span>
              {t('tokens.raw.hidden')}
            </p>
          )}
        </div>
      </div>
    </details>
  );
}
