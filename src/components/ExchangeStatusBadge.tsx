/** The outcome of an exchange in a few characters: the status code, or why there is none. Colour and text both carry it. */
import type { Exchange } from '../engine/types.js';
import { useT } from '../i18n/index.js';
import { statusReason, statusTone, type StatusTone } from '../ui-logic/http-format.js';

const TONE_CLASSES: Record<StatusTone | 'failure' | 'pending', string> = {
  success: 'bg-emerald-100 text-emerald-900 dark:bg-emerald-900/60 dark:text-emerald-100',
  redirect: 'bg-sky-100 text-sky-900 dark:bg-sky-900/60 dark:text-sky-100',
  informational: 'bg-slate-100 text-slate-800 dark:bg-slate-800 dark:text-slate-100',
  'client-error': 'bg-amber-100 text-amber-900 dark:bg-amber-900/60 dark:text-amber-100',
  'server-error': 'bg-red-100 text-red-900 dark:bg-red-900/60 dark:text-red-100',
  failure: 'bg-red-100 text-red-900 dark:bg-red-900/60 dark:text-red-100',
  pending: 'bg-slate-100 text-slate-700 dark:bg-slate-800 dark:text-slate-200',
};

export function ExchangeStatusBadge({ exchange, withReason = false }: { exchange: Exchange; withReason?: boolean }) {
  const t = useT();
  let tone: StatusTone | 'failure' | 'pending';
  let text: string;
  if (exchange.error) {
    tone = 'failure';
    text = t('inspect.status.failed', { kind: exchange.error.kind });
  } else if (exchange.response) {
    tone = statusTone(exchange.response.status);
    const reason = withReason ? statusReason(exchange.response.status, exchange.response.statusText) : '';
    text = reason ? `${exchange.response.status} ${reason}` : String(exchange.response.status);
  } else {
    tone = 'pending';
    text = t('inspect.status.pending');
  }
  return <span className={`inline-block whitespace-nowrap rounded px-1.5 py-0.5 font-mono text-xs font-semibold ${TONE_CLASSES[tone]}`}>{text}</span>;
}
