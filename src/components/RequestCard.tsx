/** The request as sent: method and URL, the query broken into explained parameters, headers and body. */
import { useId } from 'react';
import type { ExchangeRequest } from '../engine/types.js';
import { useT } from '../i18n/index.js';
import { breakDownUrl } from '../ui-logic/query-params.js';
import { BodyView } from './BodyView.js';
import { CARD, CARD_HEADING, SUBHEADING } from './card-styles.js';
import { DpopProofView } from './DpopProofView.js';
import { HeadersTable } from './HeadersTable.js';
import { McpRequestMetadata } from './McpRequestMetadata.js';
import { ParametersTable } from './ParametersTable.js';

export function RequestCard({ request }: { request: ExchangeRequest }) {
  const t = useT();
  const headingId = useId();
  const url = breakDownUrl(request.url);
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
      {url.params.length > 0 && (
        <>
          <h4 className={SUBHEADING}>{t('inspect.query.heading')}</h4>
          <ParametersTable params={url.params} caption={t('inspect.query.heading')} />
        </>
      )}
      <h4 className={SUBHEADING}>{t('inspect.headers.heading', { count: request.headers.length })}</h4>
      <HeadersTable headers={request.headers} caption={`${t('inspect.request.heading')}: ${t('inspect.headers.heading', { count: request.headers.length })}`} />
      <McpRequestMetadata request={request} />
      <DpopProofView request={request} />
      {request.body !== undefined && request.body !== '' && (
        <>
          <h4 className={SUBHEADING}>{t('inspect.body.heading')}</h4>
          <BodyView headers={request.headers} body={request.body} />
        </>
      )}
    </section>
  );
}
