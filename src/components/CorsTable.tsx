/**
 * The CORS check as a table: one row per endpoint of the flow, with the preflight, the
 * Access-Control-Allow-Origin and, for the MCP endpoint, whether a page can read
 * WWW-Authenticate, Mcp-Session-Id and MCP-Protocol-Version. Each cell has a ✓ or ✗ and words,
 * so the verdict does not rest on colour; a cell's button shows the exchange it was read from.
 */
import { useId } from 'react';
import { MCP_EXPOSED_HEADERS, type McpExposedHeader } from '../engine/cors.js';
import type { CorsData, CorsEndpointCheck } from '../engine/flow-data.js';
import { useT, type Translate } from '../i18n/index.js';
import { EXPOSED_HEADER_NAMES } from '../export/cors-report.js';
import { CARD, CARD_HEADING } from './card-styles.js';

const YES = 'text-emerald-800 dark:text-emerald-300';
const NO = 'text-red-800 dark:text-red-300';

export function CorsTable({ cors, onShowExchange }: { cors: CorsData; onShowExchange: (exchangeId: string) => void }) {
  const t = useT();
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} className={CARD} data-testid="cors-table">
      <h3 id={headingId} className={CARD_HEADING}>
        {t('cors.table.title')}
      </h3>
      <p className="mt-1 text-xs text-slate-600 dark:text-slate-300">{t('cors.table.caption', { origin: cors.origin })}</p>
      <div className="mt-2 overflow-x-auto">
        <table className="w-full border-collapse text-left text-xs">
          <thead>
            <tr className="border-b border-slate-200 dark:border-slate-700">
              <th scope="col" className="py-1 pr-3">{t('cors.column.endpoint')}</th>
              <th scope="col" className="py-1 pr-3">{t('cors.column.preflight')}</th>
              <th scope="col" className="py-1 pr-3 font-mono">{t('cors.column.allowOrigin')}</th>
              {MCP_EXPOSED_HEADERS.map((name) => (
                <th key={name} scope="col" className="py-1 pr-3">
                  {t('cors.column.exposes', { header: EXPOSED_HEADER_NAMES[name] })}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {cors.endpoints.map((endpoint) => (
              <tr key={`${endpoint.kind}-${endpoint.url}`} className="border-t border-slate-100 align-top dark:border-slate-800" data-endpoint={endpoint.kind}>
                <th scope="row" className="py-1 pr-3 font-normal">
                  <span className="font-semibold">{t(`cors.endpoint.${endpoint.kind}`)}</span>
                  <span className="block font-mono break-all text-slate-600 dark:text-slate-400">{endpoint.url}</span>
                </th>
                <td className="py-1 pr-3">
                  <PreflightCell endpoint={endpoint} t={t} />
                  <ExchangeLink exchangeId={endpoint.preflight.exchangeId} onShow={onShowExchange} t={t} />
                </td>
                <td className="py-1 pr-3">
                  <AllowOriginCell endpoint={endpoint} t={t} />
                  {endpoint.answer ? <ExchangeLink exchangeId={endpoint.answer.exchangeId} onShow={onShowExchange} t={t} /> : null}
                </td>
                {MCP_EXPOSED_HEADERS.map((name) => (
                  <td key={name} className="py-1 pr-3">
                    <ExposedCell exposed={endpoint.exposed} name={name} t={t} />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function Verdict({ yes, text }: { yes: boolean; text: string }) {
  return (
    <span className={yes ? YES : NO}>
      <span aria-hidden="true">{yes ? '✓ ' : '✗ '}</span>
      {text}
    </span>
  );
}

function PreflightCell({ endpoint, t }: { endpoint: CorsEndpointCheck; t: Translate }) {
  const verdict = endpoint.preflight.verdict;
  const notNeeded = endpoint.preflightRequired ? null : <span className="block text-slate-600 dark:text-slate-400">{t('cors.preflight.notNeeded')}</span>;
  if (!verdict) {
    return (
      <>
        <Verdict yes={false} text={t('cors.preflight.noAnswer')} />
        {notNeeded}
      </>
    );
  }
  const refused = [...(verdict.methodAllowed ? [] : [endpoint.method]), ...verdict.headersRefused];
  return (
    <>
      <Verdict yes={verdict.passed} text={t(verdict.passed ? 'cors.preflight.passed' : 'cors.preflight.failed', { status: verdict.status })} />
      {refused.length > 0 ? <span className="block font-mono">{t('cors.preflight.refused', { items: refused.join(', ') })}</span> : null}
      {notNeeded}
    </>
  );
}

function AllowOriginCell({ endpoint, t }: { endpoint: CorsEndpointCheck; t: Translate }) {
  const verdict = endpoint.answer ? endpoint.answer.verdict : endpoint.preflight.verdict;
  const value = verdict?.allowOrigin ?? t('cors.origin.none');
  return (
    <>
      <Verdict yes={endpoint.originAllowed} text={t(endpoint.originAllowed ? 'cors.origin.allowed' : 'cors.origin.refused', { value })} />
      {endpoint.answer ? null : <span className="block text-slate-600 dark:text-slate-400">{t('cors.origin.fromPreflight')}</span>}
    </>
  );
}

function ExposedCell({ exposed, name, t }: { exposed: CorsEndpointCheck['exposed']; name: McpExposedHeader; t: Translate }) {
  if (!exposed) return <span className="text-slate-600 dark:text-slate-400">– {t('cors.exposed.notApplicable')}</span>;
  return <Verdict yes={exposed[name]} text={t(exposed[name] ? 'cors.exposed.yes' : 'cors.exposed.no')} />;
}

function ExchangeLink({ exchangeId, onShow, t }: { exchangeId: string; onShow: (id: string) => void; t: Translate }) {
  return (
    <button type="button" className="link block text-xs" onClick={() => onShow(exchangeId)}>
      {t('cors.showExchange')}
    </button>
  );
}
