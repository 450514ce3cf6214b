import type { Translate } from '../i18n/index.js';
import { useT } from '../i18n/index.js';
import { useDebugger } from '../store/index.js';
import { describeClaims, type ClaimSource, type ClaimValue } from '../ui-logic/claims.js';
import { formatLocalDateTime, formatRelativeTime, numericDateToMs } from '../ui-logic/time-format.js';

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
    <table className="w-full table-fixed border-collapse text-sm">
      <caption className="sr-only">{caption}</caption>
      <colgroup>
        <col className="w-28" />
        <col className="w-[38%]" />
        <col />
      </colgroup>
      <thead>
        <tr className="border-b border-slate-300 text-left text-xs text-slate-600 dark:border-slate-600 dark:text-slate-400">
          <th scope="col" className="py-1 pr-3 font-medium">{t('tokens.claims.name')}</th>
          <th scope="col" className="py-1 pr-3 font-medium">{t('tokens.claims.value')}</th>
          <th scope="col" className="py-1 font-medium">{t('tokens.claims.meaning')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.name} className="border-b border-slate-200 align-top last:border-b-0 dark:border-slate-700">
            <th scope="row" className="py-1.5 pr-3 text-left font-mono text-xs leading-5 font-semibold break-all">
              {row.name}
            </th>
            <td className="py-1.5 pr-3">{renderValue(row.value, now, language)}</td>
            <td className="py-1.5 text-slate-700 dark:text-slate-300">{explanation(row.explanationKey, t)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function explanation(key: string | undefined, t: Translate) {
  if (key) return t(key);
  return <span className="italic text-slate-600 dark:text-slate-400">{t('tokens.claims.unknown')}</span>;
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
