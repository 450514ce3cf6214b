/** Label–value rows as a definition list, in two aligned columns. */
import type { ReactNode } from 'react';

export function DefinitionRows({ rows, size }: { rows: readonly (readonly [string, ReactNode])[]; size: 'xs' | 'sm' }) {
  const small = size === 'xs';
  return (
    <dl className={`grid gap-x-3 gap-y-1 ${small ? 'grid-cols-[minmax(7rem,auto)_1fr] text-xs' : 'mt-2 grid-cols-[minmax(8rem,auto)_1fr] text-sm'}`}>
      {rows.map(([label, value]) => (
        <div key={label} className="contents">
          <dt className={`${small ? 'font-semibold' : 'font-medium'} text-slate-700 dark:text-slate-200`}>{label}</dt>
          <dd className="break-words text-slate-900 dark:text-slate-100">{value}</dd>
        </div>
      ))}
    </dl>
  );
}
