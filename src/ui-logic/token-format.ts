/** What kind of token a decoded token is, as a message of the token panel. */
import '../i18n/messages/tokens.js';
import type { DecodedToken } from './jwt-decode.js';

/** The message that says what kind of token this is ("JWT (RS256), 812 characters"). */
export function tokenFormatMessage(decoded: DecodedToken): { key: string; params: Record<string, string | number> } {
  if (decoded.format === 'opaque') return { key: 'tokens.format.opaque', params: { count: decoded.length } };
  const alg = typeof decoded.header.alg === 'string' ? decoded.header.alg : '?';
  return { key: 'tokens.format.jwt', params: { alg, count: decoded.length } };
}
