import { useId, useMemo } from 'react';
import { useT } from '../i18n/index.js';
import { decodeToken } from '../ui-logic/jwt-decode.js';
import { JwtHeaderView } from './JwtHeaderView.js';
import { RawTokenField } from './RawTokenField.js';
import { TokenClaimsTable } from './TokenClaimsTable.js';
import '../i18n/messages/tokens.js';

interface IdTokenSectionProps {
  idToken: string;
  now: number;
}

/** The OpenID Connect ID token, decoded for the reader (the client's business, not the MCP server's). */
export function IdTokenSection({ idToken, now }: IdTokenSectionProps) {
  const t = useT();
  const headingId = useId();
  const decoded = useMemo(() => decodeToken(idToken), [idToken]);
  return (
    <section aria-labelledby={headingId} className="space-y-3 rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-700 dark:bg-slate-900">
      <h3 id={headingId} className="text-base font-semibold">
        {t('tokens.id.heading')}
      </h3>
      <p className="text-sm text-slate-700 dark:text-slate-300">{t('tokens.id.intro')}</p>
      {decoded.format === 'jwt' ? (
        <>
          <h4 className="text-xs font-semibold tracking-wide text-slate-600 uppercase dark:text-slate-400">{t('tokens.header.heading')}</h4>
          <JwtHeaderView header={decoded.header} caption={`${t('tokens.id.heading')}: ${t('tokens.header.heading')}`} />
          <h4 className="text-xs font-semibold tracking-wide text-slate-600 uppercase dark:text-slate-400">{t('tokens.claims.heading')}</h4>
          <TokenClaimsTable claims={decoded.claims} now={now} source="id-token" caption={`${t('tokens.id.heading')}: ${t('tokens.claims.heading')}`} />
        </>
      ) : (
        <p className="text-sm text-amber-900 dark:text-amber-200">{t('tokens.id.undecodable')}</p>
      )}
      <RawTokenField token={idToken} label={t('tokens.id.raw')} />
    </section>
  );
}
