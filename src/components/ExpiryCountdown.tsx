import { useT } from '../i18n/index.js';
import { useDebugger } from '../store/index.js';
import { expiryState, formatCountdown, formatLocalDateTime, formatRelativeTime } from '../ui-logic/time-format.js';
import '../i18n/messages/tokens.js';

interface ExpiryCountdownProps {
  /** When the token stops being accepted (epoch ms); undefined when nothing says. */
  expiresAt: number | undefined;
  /** The app's ticking clock (epoch ms): the countdown moves when it does. */
  now: number;
}

/** "expires in 4:32", turning into "expired 2 minutes ago" in the warning colour. */
export function ExpiryCountdown({ expiresAt, now }: ExpiryCountdownProps) {
  const t = useT();
  const language = useDebugger((state) => state.language);
  if (expiresAt === undefined) return <span className="text-slate-600 dark:text-slate-400">{t('tokens.expiry.unknown')}</span>;

  const state = expiryState(expiresAt, now);
  const at = formatLocalDateTime(expiresAt, language);
  if (state.kind === 'expired') {
    return (
      <span className="inline-flex items-center gap-1 rounded bg-amber-100 px-1.5 py-0.5 font-medium text-amber-900 dark:bg-amber-950 dark:text-amber-200" title={at}>
        <span aria-hidden="true">⚠</span>
        {t('tokens.expiry.expired', { relative: formatRelativeTime(expiresAt, now, language) })}
      </span>
    );
  }
  const tone = state.endingSoon
    ? 'bg-amber-100 text-amber-900 dark:bg-amber-950 dark:text-amber-200'
    : 'bg-emerald-50 text-emerald-800 dark:bg-emerald-950 dark:text-emerald-200';
  return (
    <span role="timer" className={`inline-flex items-center rounded px-1.5 py-0.5 font-medium tabular-nums ${tone}`} title={at}>
      {t('tokens.expiry.in', { time: formatCountdown(state.remainingMs) })}
    </span>
  );
}
