import { useId, useMemo } from 'react';
import type { TokenData } from '../engine/flow-data.js';
import { useT, type Translate } from '../i18n/index.js';
import { useDebugger } from '../store/index.js';
import { decodeToken, type DecodedToken } from '../ui-logic/jwt-decode.js';
import { tokenFormatMessage } from '../ui-logic/token-format.js';
import { formatLocalDateTime, formatRelativeTime, tokenExpiresAtMs } from '../ui-logic/time-format.js';
import { ExpiryCountdown } from './ExpiryCountdown.js';
import { RawTokenField } from './RawTokenField.js';
import { TokenClaimsTable } from './TokenClaimsTable.js';
import '../i18n/messages/tokens.js';

interface RefreshTokenSectionProps {
  tokens: TokenData;
  refreshedTokens: TokenData | undefined;
  now: number;
  onRefresh: (() => void) | undefined;
  busy: boolean;
}

/** The refresh token (usually opaque): whether there is one, its size, whether it rotated; and the refresh's result. */
export function RefreshTokenSection({ tokens, refreshedTokens, now, onRefresh, busy }: RefreshTokenSectionProps) {
  const t = useT();
  const language = useDebugger((state) => state.language);
  const headingId = useId();
  // After a refresh the client holds the refresh token of the last answer (or keeps the old one).
  const current = refreshedTokens?.refreshToken ?? tokens.refreshToken;
  const decodedCurrent = useMemo(() => (current ? decodeToken(current) : undefined), [current]);
  const refreshedAccess = useMemo(() => (refreshedTokens ? decodeToken(refreshedTokens.accessToken) : undefined), [refreshedTokens]);

  return (
    <section aria-labelledby={headingId} className="space-y-3 rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-700 dark:bg-slate-900">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h3 id={headingId} className="text-base font-semibold">
          {t('tokens.refresh.heading')}
        </h3>
        {onRefresh && current ? (
          <button
            type="button"
            onClick={onRefresh}
            disabled={busy}
            className="rounded bg-sky-700 px-3 py-1 text-sm font-medium text-white hover:bg-sky-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-600 disabled:cursor-not-allowed disabled:opacity-60"
          >
            {busy ? t('tokens.refresh.busy') : t('tokens.refresh.button')}
          </button>
        ) : null}
      </div>
      <p className="text-sm text-slate-700 dark:text-slate-300">{decodedCurrent ? t('tokens.refresh.present') : t('tokens.refresh.absent')}</p>
      {decodedCurrent && tokens.refreshToken ? (
        <dl className="grid grid-cols-[8rem_minmax(0,1fr)] items-baseline gap-x-3 gap-y-1 text-sm">
          <dt className="text-slate-600 dark:text-slate-400">{t('tokens.meta.format')}</dt>
          <dd>{formatLabel(decodedCurrent, t)}</dd>
          <dt className="text-slate-600 dark:text-slate-400">{t('tokens.refresh.rotation')}</dt>
          <dd>{t(rotationKey(tokens, refreshedTokens))}</dd>
        </dl>
      ) : null}

      {refreshedTokens && refreshedAccess ? (
        <div className="space-y-2 border-t border-slate-200 pt-3 dark:border-slate-700">
          <h4 className="text-xs font-semibold tracking-wide text-slate-600 uppercase dark:text-slate-400">{t('tokens.refreshed.heading')}</h4>
          <dl className="grid grid-cols-[8rem_minmax(0,1fr)] items-baseline gap-x-3 gap-y-1 text-sm">
            <dt className="text-slate-600 dark:text-slate-400">{t('tokens.meta.format')}</dt>
            <dd>{formatLabel(refreshedAccess, t)}</dd>
            <dt className="text-slate-600 dark:text-slate-400">{t('tokens.meta.received')}</dt>
            <dd>
              {formatLocalDateTime(Date.parse(refreshedTokens.receivedAt), language)}{' '}
              <span className="text-slate-600 dark:text-slate-400">({formatRelativeTime(Date.parse(refreshedTokens.receivedAt), now, language)})</span>
            </dd>
            <dt className="text-slate-600 dark:text-slate-400">{t('tokens.meta.expires')}</dt>
            <dd>
              <ExpiryCountdown
                expiresAt={tokenExpiresAtMs(refreshedAccess.format === 'jwt' ? refreshedAccess.claims : undefined, refreshedTokens.receivedAt, refreshedTokens.expiresIn)}
                now={now}
              />
            </dd>
          </dl>
          {refreshedAccess.format === 'jwt' ? (
            <details className="rounded border border-slate-200 dark:border-slate-700">
              <summary className="cursor-pointer px-2 py-1 text-sm text-slate-700 focus-visible:outline-2 focus-visible:outline-sky-600 dark:text-slate-300">
                {t('tokens.refreshed.claims')}
              </summary>
              <div className="border-t border-slate-200 p-2 dark:border-slate-700">
                <TokenClaimsTable claims={refreshedAccess.claims} now={now} caption={t('tokens.refreshed.claims')} />
              </div>
            </details>
          ) : null}
        </div>
      ) : null}

      {current ? <RawTokenField token={current} label={t('tokens.refresh.raw')} /> : null}
    </section>
  );
}

function formatLabel(decoded: DecodedToken, t: Translate): string {
  const message = tokenFormatMessage(decoded);
  return t(message.key, message.params);
}

function rotationKey(tokens: TokenData, refreshed: TokenData | undefined): string {
  if (!refreshed) return 'tokens.refresh.notYet';
  if (!refreshed.refreshToken) return 'tokens.refresh.kept';
  return refreshed.refreshToken === tokens.refreshToken ? 'tokens.refresh.notRotated' : 'tokens.refresh.rotated';
}
