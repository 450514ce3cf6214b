/** Why an exchange has no answer: the closed error kind, explained, and the transport's own message. */
import { useId } from 'react';
import type { ExchangeError } from '../engine/types.js';
import { useT } from '../i18n/index.js';
import { messageText } from '../ui-logic/engine-text.js';
import { exchangeErrorKey } from '../ui-logic/http-format.js';
import { EngineText } from './EngineText.js';

export function ExchangeErrorCard({ error }: { error: ExchangeError }) {
  const t = useT();
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} className="rounded-md border border-red-300 bg-red-50 p-3 dark:border-red-800 dark:bg-red-950/40">
      <h3 id={headingId} className="text-sm font-semibold text-red-900 dark:text-red-100">
        {t('inspect.error.heading')}
      </h3>
      <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-xs">
        <dt className="font-medium text-slate-700 dark:text-slate-300">{t('inspect.error.kind')}</dt>
        <dd>
          <span className="font-mono font-semibold text-red-900 dark:text-red-100">{error.kind}</span>
          <span className="block text-slate-800 dark:text-slate-200">{t(exchangeErrorKey(error.kind))}</span>
        </dd>
        <dt className="font-medium text-slate-700 dark:text-slate-300">{t('inspect.error.message')}</dt>
        <dd className="break-words whitespace-pre-wrap text-slate-900 dark:text-slate-100">
          <EngineText source={messageText(error)} />
        </dd>
      </dl>
    </section>
  );
}
