import { useId, useMemo } from 'react';
import type { TokenData, TokenInspectionData } from '../engine/flow-data.js';
import type { Finding } from '../engine/types.js';
import { useT } from '../i18n/index.js';
import { useDebugger } from '../store/index.js';
import { splitScope } from '../ui-logic/claims.js';
import { decodeToken } from '../ui-logic/jwt-decode.js';
import { tokenFormatMessage } from '../ui-logic/token-format.js';
import { tokenChecks } from '../ui-logic/token-checks.js';
import { formatLocalDateTime, formatRelativeTime, tokenExpiresAtMs } from '../ui-logic/time-format.js';
import { ExpiryCountdown } from './ExpiryCountdown.js';
import { IdTokenSection } from './IdTokenSection.js';
import { IntrospectionResult } from './IntrospectionResult.js';
import { JwtHeaderView } from './JwtHeaderView.js';
import { RawTokenField } from './RawTokenField.js';
import { RefreshTokenSection } from './RefreshTokenSection.js';
import { TokenChecksList } from './TokenChecksList.js';
import { TokenClaimsTable } from './TokenClaimsTable.js';
import '../i18n/messages/tokens.js';

export interface TokenPanelProps {
  tokens: TokenData | undefined;
  refreshedTokens: TokenData | undefined;
  inspection: TokenInspectionData | undefined;
  /** The token-inspection step's findings. */
  findings: Finding[];
  /** The app's ticking clock (epoch ms); countdowns and "2 minutes ago" follow it. */
  now: number;
  onRefresh: (() => void) | undefined;
  busy: boolean;
}

const subheading = 'text-xs font-semibold tracking-wide text-slate-600 uppercase dark:text-slate-400';
const card = 'space-y-3 rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-700 dark:bg-slate-900';

/**
 * The tokens the flow obtained: the access token decoded and judged (signature, issuer,
 * audience, lifetime, scope), its introspection, the refresh token and the ID token.
 */
export function TokenPanel({ tokens, refreshedTokens, inspection, findings, now, onRefresh, busy }: TokenPanelProps) {
  const t = useT();
  const language = useDebugger((state) => state.language);
  const headingId = useId();
  const accessHeadingId = useId();
  const access = useMemo(() => (tokens ? decodeToken(tokens.accessToken) : undefined), [tokens]);
  const checks = useMemo(() => tokenChecks(inspection, findings), [inspection, findings]);

  if (!tokens || !access) {
    return (
      <section aria-labelledby={headingId} className="space-y-2 text-slate-800 dark:text-slate-100">
        <h2 id={headingId} className="text-lg font-semibold">
          {t('tokens.heading')}
        </h2>
        <p className="text-sm text-slate-600 dark:text-slate-400">{t('tokens.empty')}</p>
      </section>
    );
  }

  const header = inspection?.header ?? (access.format === 'jwt' ? access.header : undefined);
  const claims = inspection?.claims ?? (access.format === 'jwt' ? access.claims : undefined);
  const expiresAt = tokenExpiresAtMs(claims, tokens.receivedAt, tokens.expiresIn);
  const receivedAt = Date.parse(tokens.receivedAt);
  const format = tokenFormatMessage(access);
  const scopes = tokens.scope !== undefined ? splitScope(tokens.scope) : undefined;

  return (
    <section aria-labelledby={headingId} className="space-y-4 text-slate-800 dark:text-slate-100">
      <h2 id={headingId} className="text-lg font-semibold">
        {t('tokens.heading')}
      </h2>

      <section aria-labelledby={accessHeadingId} className={card}>
        <h3 id={accessHeadingId} className="text-base font-semibold">
          {t('tokens.access.heading')}
        </h3>
        <p className="text-sm text-slate-700 dark:text-slate-300">{t('tokens.access.intro')}</p>
        <dl className="grid grid-cols-[8rem_minmax(0,1fr)] items-baseline gap-x-3 gap-y-1 text-sm">
          <dt className="text-slate-600 dark:text-slate-400">{t('tokens.meta.type')}</dt>
          <dd className="font-mono text-xs leading-5">{tokens.tokenType}</dd>
          <dt className="text-slate-600 dark:text-slate-400">{t('tokens.meta.format')}</dt>
          <dd>{t(format.key, format.params)}</dd>
          <dt className="text-slate-600 dark:text-slate-400">{t('tokens.meta.scope')}</dt>
          <dd>
            {scopes && scopes.length > 0 ? (
              <ul className="flex flex-wrap gap-1">
                {scopes.map((scope) => (
                  <li key={scope} className="rounded bg-slate-100 px-1.5 py-0.5 font-mono text-xs dark:bg-slate-800">
                    {scope}
                  </li>
                ))}
              </ul>
            ) : (
              <span className="text-slate-600 dark:text-slate-400">{t('tokens.scope.none')}</span>
            )}
          </dd>
          <dt className="text-slate-600 dark:text-slate-400">{t('tokens.meta.grant')}</dt>
          <dd className="font-mono text-xs leading-5 break-all">{tokens.grant}</dd>
          <dt className="text-slate-600 dark:text-slate-400">{t('tokens.meta.received')}</dt>
          <dd>
            {Number.isNaN(receivedAt) ? (
              tokens.receivedAt
            ) : (
              <>
                {formatLocalDateTime(receivedAt, language)}{' '}
                <span className="text-slate-600 dark:text-slate-400">({formatRelativeTime(receivedAt, now, language)})</span>
              </>
            )}
          </dd>
          <dt className="text-slate-600 dark:text-slate-400">{t('tokens.meta.expires')}</dt>
          <dd className="flex flex-wrap items-center gap-x-2">
            <ExpiryCountdown expiresAt={expiresAt} now={now} />
            {expiresAt !== undefined ? <span className="text-slate-600 dark:text-slate-400">{formatLocalDateTime(expiresAt, language)}</span> : null}
          </dd>
        </dl>

        {access.format === 'opaque' ? <p className="text-sm text-slate-700 dark:text-slate-300">{t('tokens.access.opaqueNote')}</p> : null}

        {checks.length > 0 ? (
          <>
            <h4 className={subheading}>{t('tokens.checks.heading')}</h4>
            <TokenChecksList checks={checks} label={`${t('tokens.access.heading')}: ${t('tokens.checks.heading')}`} />
          </>
        ) : null}

        {header ? (
          <>
            <h4 className={subheading}>{t('tokens.header.heading')}</h4>
            <JwtHeaderView header={header} caption={`${t('tokens.access.heading')}: ${t('tokens.header.heading')}`} />
          </>
        ) : null}

        {claims ? (
          <>
            <h4 className={subheading}>{t('tokens.claims.heading')}</h4>
            <TokenClaimsTable claims={claims} now={now} caption={`${t('tokens.access.heading')}: ${t('tokens.claims.heading')}`} />
          </>
        ) : null}

        {inspection?.introspection ? (
          <>
            <h4 className={subheading}>{t('tokens.introspection.heading')}</h4>
            <IntrospectionResult introspection={inspection.introspection} now={now} foldMembers={inspection.format === 'jwt'} />
          </>
        ) : null}

        <RawTokenField token={tokens.accessToken} label={t('tokens.access.raw')} />
      </section>

      <RefreshTokenSection tokens={tokens} refreshedTokens={refreshedTokens} now={now} onRefresh={onRefresh} busy={busy} />

      {tokens.idToken ? <IdTokenSection idToken={tokens.idToken} now={now} /> : null}
    </section>
  );
}
