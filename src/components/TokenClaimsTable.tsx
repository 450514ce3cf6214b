import { useT } from '../i18n/index.js';
import { useDebugger } from '../store/index.js';
import { describeClaims, type ClaimSource, type ClaimValue } from '../ui-logic/claims.js';
import { formatLocalDateTime, formatRelativeTime, numericDateToMs } from '../ui-logic/time-format.js';
import { ExplainedFieldsTable } from './ExplainedFieldsTable.js';
import '../i18n/messages/tokens.js';

interface TokenClaimsTableProps {
  claims: Record<string, unknown>;
  /** The app's clock (epoch ms), for "in 4 minutes" / "2 minutes ago". */
  now: number;
  caption: string;
  /** Default: an access token's claims. */
  source?: ClaimSource;
}

/** Every claim with its value and what it means; times as local dates and relative to now. */
export function TokenClaimsTable({ claims, now, caption, source = 'access-token' }: TokenClaimsTableProps) {
  const t = useT();
  const language = useDebugger((state) => state.language);
  const rows = describeClaims(claims, source);
  if (rows.length === 0) return <p className="text-sm text-slate-600 dark:text-slate-400">{t('tokens.claims.empty')}</p>;
  return (
    <ExplainedFieldsTable
      caption={caption}
      columns={{ name: t('tokens.claims.name'), value: t('tokens.claims.value'), meaning: t('tokens.claims.meaning') }}
      rows={rows.map((row) => ({
        key: row.name,
        name: row.name,
        value: renderValue(row.value, now, language),
        meaning: row.explanationKey ? t(row.explanationKey) : undefined,
      }))}
      unexplained={t('tokens.claims.unknown')}
    />
  );
}

function renderValue(value: ClaimValue, now: number, language: string) {
  switch (value.kind) {
    case 'time': {
      const ms = numericDateToMs(value.epochSeconds);
      return (
        <span className="block">
          <time dateTime={new Date(ms).toISOString()} className="block">
            {formatLocalDateTime(ms, language)}
          </time>
          <span className="block text-xs text-slate-600 dark:text-slate-400">
            {formatRelativeTime(ms, now, language)} · <span className="font-mono">{value.epochSeconds}</span>
          </span>
        </span>
      );
    }
    case 'list':
      return (
        <ul className="flex flex-wrap gap-1">
          {value.items.map((item, index) => (
            <li key={`${index}-${item}`} className="rounded bg-slate-100 px-1.5 py-0.5 font-mono text-xs break-all dark:bg-slate-800">
              {item}
            </li>
          ))}
        </ul>
      );
    case 'text':
      return <span className="block font-mono text-xs leading-5 break-all">{value.text}</span>;
    case 'json':
      return <pre className="font-mono text-xs leading-5 whitespace-pre-wrap break-all">{value.json}</pre>;
  }
}
