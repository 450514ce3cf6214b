/**
 * A DPoP proof (RFC 9449 §4) carried by a request, decoded: the key it is signed with and what it
 * binds, each claim explained. Nothing here verifies the signature; the server does.
 */
import type { ExchangeRequest } from '../engine/types.js';
import { useT } from '../i18n/index.js';
import { decodeToken } from '../ui-logic/jwt-decode.js';
import { SUBHEADING } from './card-styles.js';

const CLAIMS = ['htm', 'htu', 'iat', 'jti', 'ath', 'nonce'] as const;

export function DpopProofView({ request }: { request: ExchangeRequest }) {
  const t = useT();
  const proof = request.headers.find(([name]) => name.toLowerCase() === 'dpop')?.[1];
  if (proof === undefined) return null;
  const decoded = decodeToken(proof);
  if (decoded.format !== 'jwt') {
    return (
      <div data-testid="dpop-proof">
        <h4 className={SUBHEADING}>{t('mcp.dpop.heading')}</h4>
        <p className="text-xs text-red-800 dark:text-red-300">{t('mcp.dpop.notJwt')}</p>
      </div>
    );
  }
  const jwk = decoded.header.jwk;
  const key = typeof jwk === 'object' && jwk !== null ? Object.entries(jwk).filter(([name]) => ['kty', 'crv', 'alg'].includes(name)).map(([name, value]) => `${name} ${String(value)}`).join(', ') : '';
  const rows: [string, string, string][] = [
    ['typ', String(decoded.header.typ ?? ''), t('mcp.dpop.typ')],
    ['alg', String(decoded.header.alg ?? ''), t('mcp.dpop.alg')],
    ['jwk', key, t('mcp.dpop.jwk')],
    ...CLAIMS.filter((claim) => decoded.claims[claim] !== undefined).map((claim): [string, string, string] => [claim, String(decoded.claims[claim]), t(`mcp.dpop.${claim}`)]),
  ];
  return (
    <div data-testid="dpop-proof">
      <h4 className={SUBHEADING}>{t('mcp.dpop.heading')}</h4>
      <p className="mb-1 text-xs text-slate-700 dark:text-slate-300">{t('mcp.dpop.intro')}</p>
      <table className="w-full table-fixed border-collapse text-xs">
        <caption className="sr-only">{t('mcp.dpop.heading')}</caption>
        <tbody>
          {rows.map(([name, value, meaning]) => (
            <tr key={name} className="border-t border-slate-100 align-top first:border-t-0 dark:border-slate-800">
              <th scope="row" className="w-16 py-1 pr-2 text-left font-mono font-semibold text-slate-700 dark:text-slate-200">
                {name}
              </th>
              <td className="py-1 pr-2 font-mono break-all text-slate-900 dark:text-slate-100">{value}</td>
              <td className="py-1 text-slate-700 dark:text-slate-300">{meaning}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
