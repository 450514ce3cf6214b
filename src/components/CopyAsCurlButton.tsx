/**
 * Copies the request as a curl command. By default its credentials (tokens, secrets, keys in the
 * URL, cookies) are replaced, so a command pasted into a ticket leaks nothing; "with credentials"
 * copies the request exactly as sent, which is what reproduces it.
 */
import { useEffect, useId, useRef, useState } from 'react';
import type { ExchangeRequest } from '../engine/types.js';
import { useT } from '../i18n/index.js';
import { redactRequest } from '../engine/redact.js';
import { buildCurlCommand } from '../ui-logic/curl.js';

type CopyState = 'idle' | 'copied' | 'failed';

export function CopyAsCurlButton({ request }: { request: ExchangeRequest }) {
  const t = useT();
  const hintId = useId();
  const [state, setState] = useState<CopyState>('idle');
  const [withCredentials, setWithCredentials] = useState(false);
  const fallback = useRef<HTMLTextAreaElement>(null);
  const command = buildCurlCommand(withCredentials ? request : redactRequest(request));

  useEffect(() => {
    if (state !== 'copied') return undefined;
    const timer = window.setTimeout(() => setState('idle'), 2000);
    return () => window.clearTimeout(timer);
  }, [state]);

  useEffect(() => {
    if (state === 'failed') fallback.current?.select();
  }, [state]);

  async function copy(): Promise<void> {
    try {
      if (!navigator.clipboard) throw new Error('The clipboard API is not available.');
      await navigator.clipboard.writeText(command);
      setState('copied');
    } catch {
      // No clipboard (insecure context, permission refused): the command is shown to copy by hand.
      setState('failed');
    }
  }

  return (
    <div className="inline-flex flex-col items-end gap-1">
      <span className="inline-flex items-center gap-2">
        <span role="status" className="text-xs font-medium text-emerald-800 dark:text-emerald-300">
          {state === 'copied' ? t('inspect.curl.copied') : ''}
        </span>
        <button
          type="button"
          aria-describedby={hintId}
          onClick={() => void copy()}
          className="rounded border border-slate-300 bg-white px-2 py-1 text-xs font-medium text-slate-800 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-sky-600 dark:border-slate-600 dark:bg-slate-900 dark:text-slate-100 dark:hover:bg-slate-800"
        >
          {t('inspect.curl.copy')}
        </button>
      </span>
      <label className="inline-flex items-center gap-1 text-xs text-slate-700 dark:text-slate-300">
        <input type="checkbox" checked={withCredentials} onChange={(e) => setWithCredentials(e.target.checked)} />
        {t('inspect.curl.withCredentials')}
      </label>
      <span id={hintId} className="sr-only">
        {t('inspect.curl.hint')}
      </span>
      {state === 'failed' && (
        <label className="block w-full min-w-72 text-xs text-slate-700 dark:text-slate-200">
          {t('inspect.curl.failed')}
          <textarea
            ref={fallback}
            readOnly
            value={command}
            rows={Math.min(10, command.split('\n').length)}
            className="mt-1 block w-full rounded border border-slate-300 bg-slate-50 p-1 font-mono text-xs dark:border-slate-600 dark:bg-slate-950"
          />
        </label>
      )}
    </div>
  );
}
