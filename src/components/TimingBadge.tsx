/** How long an exchange took and when it started. */
import type { Exchange } from '../engine/types.js';
import { useT } from '../i18n/index.js';
import { formatClockTime, formatDuration } from '../ui-logic/http-format.js';

export function TimingBadge({ timings }: { timings: Exchange['timings'] }) {
  const t = useT();
  const duration = formatDuration(timings.durationMs);
  const time = formatClockTime(timings.startedAt);
  return (
    <span className="inline-flex items-baseline gap-1.5 text-xs text-slate-600 dark:text-slate-300" title={t('inspect.timing.label', { duration, time })}>
      <span className="font-mono font-semibold text-slate-800 dark:text-slate-100">{duration}</span>
      <time dateTime={timings.startedAt}>{t('inspect.exchange.started', { time })}</time>
    </span>
  );
}
