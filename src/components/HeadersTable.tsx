/** Request or response headers as received, in order, names and values in monospace. */
import type { HeaderList } from '../engine/types.js';
import { useT } from '../i18n/index.js';
import { EvidenceMark } from './EvidenceMark.js';

export interface HeadersTableProps {
  headers: HeaderList;
  caption: string;
  /** Names shown with a tint (the headers a reader looks for first). */
  highlight?: readonly string[];
  /** Lower-case name of the header a finding's evidence names: its first line is marked. */
  evidence?: string;
}

export function HeadersTable({ headers, caption, highlight = [], evidence }: HeadersTableProps) {
  const t = useT();
  if (headers.length === 0) return <p className="text-xs text-slate-600 dark:text-slate-300">{t('inspect.headers.none')}</p>;
  const marked = new Set(highlight.map((name) => name.toLowerCase()));
  const evidenceIndex = evidence === undefined ? -1 : headers.findIndex(([name]) => name.toLowerCase() === evidence);
  return (
    <table className="w-full table-fixed border-collapse font-mono text-xs">
      <caption className="sr-only">{caption}</caption>
      <colgroup>
        <col className="w-36 sm:w-44" />
        <col />
      </colgroup>
      <thead className="sr-only">
        <tr>
          <th scope="col">{t('inspect.headers.name')}</th>
          <th scope="col">{t('inspect.headers.value')}</th>
        </tr>
      </thead>
      <tbody>
        {headers.map(([name, value], index) => (
          <tr
            key={`${index}-${name}`}
            className={`border-t border-slate-100 align-top first:border-t-0 dark:border-slate-800 ${marked.has(name.toLowerCase()) ? 'bg-amber-50 dark:bg-amber-950/40' : ''}`}
          >
            <th scope="row" className="py-1 pr-3 text-left font-semibold break-words text-slate-700 sm:w-1/3 dark:text-slate-200">
              {index === evidenceIndex ? <EvidenceMark>{name}</EvidenceMark> : name}
            </th>
            <td className="py-1 break-all whitespace-pre-wrap text-slate-900 dark:text-slate-100">{value}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
