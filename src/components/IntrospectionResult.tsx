import { useT } from '../i18n/index.js';
import { TokenClaimsTable } from './TokenClaimsTable.js';
import '../i18n/messages/tokens.js';

interface IntrospectionResultProps {
  /** The RFC 7662 introspection response, as the authorization server sent it. */
  introspection: Record<string, unknown>;
  now: number;
  /**
   * The members are folded away when they repeat what the decoded JWT already shows; for an
   * opaque token they are all there is, so they are shown.
   */
  foldMembers: boolean;
}

/** What the authorization server said about the token: active or not, and its members explained. */
export function IntrospectionResult({ introspection, now, foldMembers }: IntrospectionResultProps) {
  const t = useT();
  const active = introspection.active === true;
  return (
    <div className="space-y-2">
      <p className="text-sm text-slate-700 dark:text-slate-300">{t('tokens.introspection.intro')}</p>
      <p
        className={`inline-block rounded px-1.5 py-0.5 text-sm font-medium ${
          active
            ? 'bg-emerald-50 text-emerald-800 dark:bg-emerald-950 dark:text-emerald-200'
            : 'bg-red-50 text-red-800 dark:bg-red-950 dark:text-red-200'
        }`}
      >
        {t(active ? 'tokens.introspection.active' : 'tokens.introspection.inactive')}
      </p>
      {foldMembers ? (
        <details className="rounded border border-slate-200 dark:border-slate-700">
          <summary className="cursor-pointer px-2 py-1 text-sm text-slate-700 focus-visible:outline-2 focus-visible:outline-sky-600 dark:text-slate-300">
            {t('tokens.introspection.members')}
          </summary>
          <div className="border-t border-slate-200 p-2 dark:border-slate-700">
            <TokenClaimsTable claims={introspection} now={now} source="introspection" caption={t('tokens.introspection.heading')} />
          </div>
        </details>
      ) : (
        <TokenClaimsTable claims={introspection} now={now} source="introspection" caption={t('tokens.introspection.heading')} />
      )}
      <details className="rounded border border-slate-200 dark:border-slate-700">
        <summary className="cursor-pointer px-2 py-1 text-sm text-slate-700 focus-visible:outline-2 focus-visible:outline-sky-600 dark:text-slate-300">
          {t('tokens.introspection.raw')}
        </summary>
        <pre className="max-h-64 overflow-auto border-t border-slate-200 p-2 font-mono text-xs dark:border-slate-700">
          {JSON.stringify(introspection, null, 2)}
        </pre>
      </details>
    </div>
  );
}
