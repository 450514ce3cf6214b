import { useT } from '../i18n/index.js';
import { describeHeader } from '../ui-logic/jwt-header.js';

interface JwtHeaderViewProps {
  /** The decoded JOSE header of a JWT. */
  header: Record<string, unknown>;
  caption: string;
}

/** The JOSE header, each parameter explained (alg, typ and kid first, with a note on their values). */
export function JwtHeaderView({ header, caption }: JwtHeaderViewProps) {
  const t = useT();
  const rows = describeHeader(header);
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
          <th scope="col" className="py-1 pr-3 font-medium">{t('tokens.header.parameter')}</th>
          <th scope="col" className="py-1 pr-3 font-medium">{t('tokens.claims.value')}</th>
          <th scope="col" className="py-1 font-medium">{t('tokens.claims.meaning')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.name} className="border-b border-slate-200 align-top last:border-b-0 dark:border-slate-700">
            <th scope="row" className="py-1.5 pr-3 text-left font-mono text-xs leading-5 font-semibold">
              {row.name}
            </th>
            <td className="py-1.5 pr-3 font-mono text-xs leading-5 break-all">{row.value}</td>
            <td className="py-1.5 text-slate-700 dark:text-slate-300">
              {row.explanationKey ? t(row.explanationKey) : <span className="italic text-slate-600 dark:text-slate-400">{t('tokens.claims.unknown')}</span>}
              {row.valueNoteKey ? <span className="mt-0.5 block font-medium text-slate-800 dark:text-slate-200">{t(row.valueNoteKey)}</span> : null}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
