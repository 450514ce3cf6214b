import { useState } from 'react';
import { useT } from '../i18n/index.js';

/** A value in monospace with a button that copies it (a redirect URI to register, a URL to open elsewhere). */
export function CopyableValue({ value, label }: { value: string; label: string }) {
  const t = useT();
  const [copied, setCopied] = useState<'no' | 'yes' | 'failed'>('no');
  const copy = () => {
    const settle = (state: 'yes' | 'failed') => {
      setCopied(state);
      window.setTimeout(() => setCopied('no'), 2000);
    };
    // Without a clipboard (an insecure context, a denied permission) the value stays selectable on screen.
    if (!('clipboard' in navigator)) return settle('failed');
    navigator.clipboard.writeText(value).then(
      () => settle('yes'),
      () => settle('failed'),
    );
  };
  return (
    <div className="flex items-stretch gap-1">
      <code className="min-w-0 flex-1 rounded border border-slate-200 bg-slate-100 px-2 py-1 font-mono text-xs break-all text-slate-800 select-all dark:border-slate-700 dark:bg-slate-900 dark:text-slate-200">
        {value}
      </code>
      <button type="button" onClick={copy} className="btn-secondary shrink-0 px-2 text-xs" aria-label={t('app.copy.label', { what: label })}>
        {copied === 'yes' ? t('app.copy.done') : copied === 'failed' ? t('app.copy.failed') : t('app.copy.button')}
      </button>
    </div>
  );
}
