/** The request as sent: method and URL, the query broken into explained parameters, headers and body. */
import { useId } from 'react';
import type { ExchangeRequest } from '../engine/types.js';
import { useT } from '../i18n/index.js';
import type { EvidenceTarget } from '../ui-logic/evidence-pointer.js';
import { breakDownUrl } from '../ui-logic/query-params.js';
import { classifyBody } from '../ui-logic/body-format.js';
import { BodyView } from './BodyView.js';
import { CARD, CARD_HEADING, SUBHEADING } from './card-styles.js';
import { EvidenceMark } from './EvidenceMark.js';
import { DpopProofView } from './DpopProofView.js';
import { HeadersTable } from './HeadersTable.js';
import { McpRequestMetadata } from './McpRequestMetadata.js';
import { ParametersTable } from './ParametersTable.js';

/** `evidence`: the part of the request a finding's evidence names (a header, a parameter, a body value). */
export function RequestCard({ request, evidence }: { request: ExchangeRequest; evidence?: EvidenceTarget }) {
  const t = useT();
  const headingId = useId();
  const url = breakDownUrl(request.url);
  const param = evidence?.place === 'param' ? evidence.name : undefined;
  const header = evidence?.place === 'request-header' ? evidence.name : undefined;
  const inQuery = param !== undefined && url.params.some((p) => p.name === param);
  const body = request.body !== undefined && request.body !== '' ? classifyBody(request.headers, request.body) : undefined;
  const inForm = param !== undefined && !inQuery && body?.kind === 'form' && body.params.some((p) => p.name === param);
  const absent =
    param !== undefined && !inQuery && !inForm
      ? t('inspect.evidence.paramAbsent', { name: param })
      : header !== undefined && !request.headers.some(([name]) => name.toLowerCase() === header)
        ? t('inspect.evidence.headerAbsent', { name: header })
        : undefined;
  return (
    <section aria-labelledby={headingId} className={CARD}>
      <h3 id={headingId} className={CARD_HEADING}>
        {t('inspect.request.heading')}
      </h3>
      <p className="mt-1 font-mono text-xs break-all text-slate-900 dark:text-slate-100">
        <span className="mr-2 font-semibold">{request.method.toUpperCase()}</span>
        {url.valid && url.params.length > 0 ? (
          <>
            {url.base}
            <span className="text-slate-600 dark:text-slate-400">{request.url.slice(url.base.length)}</span>
          </>
        ) : (
          request.url
        )}
      </p>
      {absent !== undefined ? <EvidenceMark block note={absent} /> : null}
      {url.params.length > 0 && (
        <>
          <h4 className={SUBHEADING}>{t('inspect.query.heading')}</h4>
          <ParametersTable params={url.params} caption={t('inspect.query.heading')} {...(inQuery ? { evidence: param } : {})} />
        </>
      )}
      <h4 className={SUBHEADING}>{t('inspect.headers.heading', { count: request.headers.length })}</h4>
      <HeadersTable
        headers={request.headers}
        caption={`${t('inspect.request.heading')}: ${t('inspect.headers.heading', { count: request.headers.length })}`}
        {...(header !== undefined ? { evidence: header } : {})}
      />
      <McpRequestMetadata request={request} />
      <DpopProofView request={request} />
      {request.body !== undefined && request.body !== '' && (
        <>
          <h4 className={SUBHEADING}>{t('inspect.body.heading')}</h4>
          <BodyView
            headers={request.headers}
            body={request.body}
            {...(evidence?.place === 'request-body' ? { highlight: evidence.pointer } : {})}
            {...(inForm ? { highlightParam: param } : {})}
          />
        </>
      )}
    </section>
  );
}
