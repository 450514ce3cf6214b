/** A finding's severity in colour and in words (never colour alone). */
import type { Severity } from '../engine/types.js';
import { useT } from '../i18n/index.js';

const CLASSES: Record<Severity, string> = {
  error: 'bg-red-100 text-red-900 ring-red-300 dark:bg-red-950 dark:text-red-100 dark:ring-red-800',
  warning: 'bg-amber-100 text-amber-950 ring-amber-300 dark:bg-amber-950 dark:text-amber-100 dark:ring-amber-800',
  info: 'bg-sky-100 text-sky-950 ring-sky-300 dark:bg-sky-950 dark:text-sky-100 dark:ring-sky-800',
};

const GLYPHS: Record<Severity, string> = { error: '✕', warning: '!', info: 'i' };

export function SeverityBadge({ severity }: { severity: Severity }) {
  const t = useT();
  return (
    <span className={`inline-flex shrink-0 items-center gap-1 rounded px-1.5 py-0.5 text-xs font-semibold ring-1 ring-inset ${CLASSES[severity]}`}>
      <span aria-hidden="true" className="font-mono">
        {GLYPHS[severity]}
      </span>
      {t(`inspect.severity.${severity}`)}
    </span>
  );
}
