import type { ReactNode } from 'react';

/** One named field: its value and what it means. */
export interface ExplainedField {
  /** React key: unique within the table. */
  key: string;
  name: string;
  value: ReactNode;
  /** What the field means; undefined for a field without an explanation (then `unexplained` is shown). */
  meaning?: ReactNode;
  /** A remark on this particular value, under the meaning ("RSA signature with SHA-256"). */
  note?: ReactNode;
}

interface ExplainedFieldsTableProps {
  /** The table's accessible name (visually hidden: a heading above says it). */
  caption: string;
  columns: { name: string; value: string; meaning: string };
  rows: readonly ExplainedField[];
  /** Shown, in italics, in place of the meaning of a field without an explanation. */
  unexplained: string;
}

/** Named fields (JWT claims, JOSE header parameters) in three columns: name, value, and what it means. */
export function ExplainedFieldsTable({ caption, columns, rows, unexplained }: ExplainedFieldsTableProps) {
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
          <th scope="col" className="py-1 pr-3 font-medium">{columns.name}</th>
          <th scope="col" className="py-1 pr-3 font-medium">{columns.value}</th>
          <th scope="col" className="py-1 font-medium">{columns.meaning}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.key} className="border-b border-slate-200 align-top last:border-b-0 dark:border-slate-700">
            <th scope="row" className="py-1.5 pr-3 text-left font-mono text-xs leading-5 font-semibold break-all">
              {row.name}
            </th>
            <td className="py-1.5 pr-3">{row.value}</td>
            <td className="py-1.5 text-slate-700 dark:text-slate-300">
              {row.meaning ?? <span className="italic text-slate-600 dark:text-slate-400">{unexplained}</span>}
              {row.note ? <span className="mt-0.5 block font-medium text-slate-800 dark:text-slate-200">{row.note}</span> : null}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
