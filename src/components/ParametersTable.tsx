/** Parameters of a URL query or a form body: name, decoded value and, for known OAuth parameters, what they mean. */
import { useT } from '../i18n/index.js';
import type { Parameter } from '../ui-logic/query-params.js';
import { EvidenceMark } from './EvidenceMark.js';

/** `evidence`: the name of the parameter a finding's evidence names; its first occurrence is marked. */
export function ParametersTable({ params, caption, evidence }: { params: readonly Parameter[]; caption: string; evidence?: string }) {
  const t = useT();
  const evidenceIndex = evidence === undefined ? -1 : params.findIndex((param) => param.name === evidence);
  return (
    <table className="w-full border-collapse text-xs">
      <caption className="sr-only">{caption}</caption>
      <thead>
        <tr className="text-left text-slate-600 dark:text-slate-300">
          <th scope="col" className="w-1/5 pb-1 pr-3 font-medium">
            {t('inspect.params.name')}
          </th>
          <th scope="col" className="w-2/5 pb-1 pr-3 font-medium">
            {t('inspect.params.value')}
          </th>
          <th scope="col" className="pb-1 font-medium">
            {t('inspect.params.meaning')}
          </th>
        </tr>
      </thead>
      <tbody>
        {params.map((param, index) => (
          <tr key={`${index}-${param.name}`} className="border-t border-slate-100 align-top dark:border-slate-800">
            <th scope="row" className="py-1 pr-3 text-left font-mono font-semibold break-words text-slate-800 dark:text-slate-100">
              {index === evidenceIndex ? <EvidenceMark>{param.name}</EvidenceMark> : param.name}
            </th>
            <td className="py-1 pr-3 font-mono break-all whitespace-pre-wrap text-slate-900 dark:text-slate-100">{param.value}</td>
            <td className="py-1 text-slate-700 dark:text-slate-300">{param.explanationKey ? t(param.explanationKey) : ''}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
