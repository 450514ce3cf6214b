/** The response as received: status, the WWW-Authenticate breakdown when there is one, headers and body. */
import { useId } from 'react';
import type { Exchange, ExchangeResponse } from '../engine/types.js';
import { useT } from '../i18n/index.js';
import type { EvidenceTarget } from '../ui-logic/evidence-pointer.js';
import { formatBytes } from '../ui-logic/http-format.js';
import { explainWwwAuthenticate } from '../ui-logic/www-authenticate-explanation.js';
import { BodyView } from './BodyView.js';
import { EvidenceMark } from './EvidenceMark.js';
import { ExchangeStatusBadge } from './ExchangeStatusBadge.js';
import { HeadersTable } from './HeadersTable.js';
import { CARD, CARD_HEADING, SUBHEADING } from './card-styles.js';
import { WwwAuthenticateBreakdown } from './WwwAuthenticateBreakdown.js';

/** `evidence`: the part of the response a finding's evidence names (a header or a body value). */
export function ResponseCard({ exchange, response, evidence }: { exchange: Exchange; response: ExchangeResponse; evidence?: EvidenceTarget }) {
  const t = useT();
  const headingId = useId();
  const challenge = explainWwwAuthenticate(response.headers);
  const header = evidence?.place === 'response-header' ? evidence.name : undefined;
  // The WWW-Authenticate breakdown shows that header first, so its mark goes there.
  const markChallenge = header === 'www-authenticate' && challenge !== undefined;
  const headerAbsent = header !== undefined && !response.headers.some(([name]) => name.toLowerCase() === header);
  return (
    <section aria-labelledby={headingId} className={CARD}>
      <div className="flex flex-wrap items-center gap-2">
        <h3 id={headingId} className={CARD_HEADING}>
          {t('inspect.response.heading')}
        </h3>
        <ExchangeStatusBadge exchange={exchange} withReason />
        <span className="text-xs text-slate-600 dark:text-slate-300">{formatBytes(response.bodyBytes)}</span>
      </div>
      {challenge && (
        <div className="mt-2">
          <WwwAuthenticateBreakdown explanation={challenge} evidence={markChallenge} />
        </div>
      )}
      <h4 className={SUBHEADING}>{t('inspect.headers.heading', { count: response.headers.length })}</h4>
      {headerAbsent ? <EvidenceMark block note={t('inspect.evidence.headerAbsent', { name: header })} /> : null}
      <HeadersTable
        headers={response.headers}
        caption={`${t('inspect.response.heading')}: ${t('inspect.headers.heading', { count: response.headers.length })}`}
        highlight={['www-authenticate', 'location']}
        {...(header !== undefined && !markChallenge ? { evidence: header } : {})}
      />
      <h4 className={SUBHEADING}>{t('inspect.body.heading')}</h4>
      <BodyView
        headers={response.headers}
        body={response.body}
        {...(response.bodyTruncated ? { truncatedAt: response.bodyBytes } : {})}
        {...(evidence?.place === 'response-body' ? { highlight: evidence.pointer } : {})}
      />
    </section>
  );
}
