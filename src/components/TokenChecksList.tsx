import { useFindingCatalogue } from '../i18n/finding-catalogue.js';
import { useT } from '../i18n/index.js';
import { useDebugger } from '../store/index.js';
import { localizedFindingText } from '../ui-logic/findings.js';
import type { TokenCheck, TokenCheckId, TokenCheckStatus } from '../ui-logic/token-checks.js';
import '../i18n/messages/tokens.js';

interface TokenChecksListProps {
  checks: TokenCheck[];
  /** Accessible name of the list. */
  label: string;
}

const STATUS_STYLE: Record<TokenCheckStatus, { glyph: string; className: string }> = {
  pass: { glyph: '✓', className: 'bg-emerald-50 text-emerald-800 ring-emerald-200 dark:bg-emerald-950 dark:text-emerald-200 dark:ring-emerald-800' },
  fail: { glyph: '✗', className: 'bg-red-50 text-red-800 ring-red-200 dark:bg-red-950 dark:text-red-200 dark:ring-red-800' },
  warn: { glyph: '!', className: 'bg-amber-50 text-amber-900 ring-amber-200 dark:bg-amber-950 dark:text-amber-200 dark:ring-amber-800' },
  info: { glyph: 'i', className: 'bg-sky-50 text-sky-800 ring-sky-200 dark:bg-sky-950 dark:text-sky-200 dark:ring-sky-800' },
  'not-checked': { glyph: '–', className: 'bg-slate-100 text-slate-700 ring-slate-200 dark:bg-slate-800 dark:text-slate-300 dark:ring-slate-700' },
};

/** Checks whose value (iss, aud, scope, typ) is worth a line under a pass. */
const SHOWS_VALUE: ReadonlySet<TokenCheckId> = new Set(['issuer', 'audience', 'scope', 'type']);

/** The access token's verdicts: signature, issuer, audience, lifetime, scope, type, introspection. */
export function TokenChecksList({ checks, label }: TokenChecksListProps) {
  const t = useT();
  const language = useDebugger((state) => state.language);
  const catalogue = useFindingCatalogue();
  return (
    <ul aria-label={label} className="divide-y divide-slate-200 text-sm dark:divide-slate-700">
      {checks.map((check) => {
        const style = STATUS_STYLE[check.status];
        return (
          <li key={check.id} className="flex flex-wrap items-start gap-x-3 gap-y-1 py-2">
            <span className={`inline-flex w-28 shrink-0 items-center gap-1.5 rounded px-1.5 py-0.5 text-xs font-semibold ring-1 ring-inset ${style.className}`}>
              <span aria-hidden="true" className="w-3 text-center">
                {style.glyph}
              </span>
              {t(`tokens.status.${check.status}`)}
            </span>
            <span className="w-36 shrink-0 font-medium">{t(`tokens.check.${check.id}`)}</span>
            <div className="min-w-0 flex-1 basis-64 space-y-1">
              {check.findings.length === 0 || check.status === 'pass' ? (
                <p className="text-slate-700 dark:text-slate-300">
                  {check.status === 'pass' ? t(`tokens.check.${check.id}.pass`) : t('tokens.check.not-checked')}
                </p>
              ) : null}
              {check.status === 'pass' && check.value !== undefined && SHOWS_VALUE.has(check.id) ? (
                <p className="font-mono text-xs break-all text-slate-700 dark:text-slate-300">{check.value}</p>
              ) : null}
              {check.status !== 'pass'
                ? check.findings.map((finding) => {
                    const text = localizedFindingText(finding, language, catalogue);
                    return (
                      <div key={finding.id}>
                        <p className="font-medium">{text.title}</p>
                        <p className="text-slate-700 dark:text-slate-300">{text.detail}</p>
                      </div>
                    );
                  })
                : null}
              {check.keyId || check.jwksUrl ? (
                <dl className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-2 text-xs text-slate-700 dark:text-slate-300">
                  {check.keyId ? (
                    <>
                      <dt>{t('tokens.check.keyId')}</dt>
                      <dd className="font-mono break-all">{check.keyId}</dd>
                    </>
                  ) : null}
                  {check.jwksUrl ? (
                    <>
                      <dt>{t('tokens.check.jwks')}</dt>
                      <dd className="font-mono break-all">{check.jwksUrl}</dd>
                    </>
                  ) : null}
                </dl>
              ) : null}
            </div>
          </li>
        );
      })}
    </ul>
  );
}
