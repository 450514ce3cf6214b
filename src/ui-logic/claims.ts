import '../i18n/messages/tokens.js';
/**
 * JWT claims (and RFC 7662 introspection members, which use the same names) turned into rows a
 * person can read: each registered claim with the message key that explains it, times as
 * instants, scopes and audiences as lists, anything else as raw JSON.
 * @see https://www.iana.org/assignments/jwt/jwt.xhtml
 */

/**
 * Claims with an explanation, in the order they are shown: who issued the token for whom,
 * when, what it allows, then who the user is. Anything else follows in the token's own order.
 */
export const KNOWN_CLAIMS = [
  // RFC 7519 §4.1
  'iss',
  'sub',
  'aud',
  'exp',
  'nbf',
  'iat',
  'jti',
  // RFC 8693 §4.2, RFC 9068 §2.2
  'scope',
  'scp',
  'client_id',
  'azp',
  // RFC 7662 §2.2
  'active',
  'token_type',
  'username',
  // OpenID Connect Core §2
  'auth_time',
  'acr',
  'amr',
  'sid',
  'nonce',
  'at_hash',
  'c_hash',
  // RFC 7800 §3.1 (proof of possession: DPoP, mTLS)
  'cnf',
  // RFC 8693 §4.1
  'act',
  'may_act',
  // RFC 9068 §2.2.3.1 (SCIM-style authorisation attributes)
  'roles',
  'groups',
  'entitlements',
  // OpenID Connect Core §5.1
  'email',
  'email_verified',
  'name',
  'preferred_username',
  'given_name',
  'family_name',
  'locale',
] as const;

export type KnownClaim = (typeof KNOWN_CLAIMS)[number];

/** NumericDate claims (seconds since the epoch). */
const TIME_CLAIMS: readonly string[] = ['exp', 'nbf', 'iat', 'auth_time'];
/** Space-separated scope strings (or `scp` as an array). */
const SCOPE_CLAIMS: readonly string[] = ['scope', 'scp'];

export type ClaimValue =
  | { kind: 'time'; epochSeconds: number }
  | { kind: 'list'; items: string[] }
  | { kind: 'text'; text: string }
  | { kind: 'json'; json: string };

export interface ClaimRow {
  name: string;
  value: ClaimValue;
  /** Message key explaining the claim; undefined for claims outside the known set (shown raw). */
  explanationKey?: string;
}

function isKnownClaim(name: string): name is KnownClaim {
  return (KNOWN_CLAIMS as readonly string[]).includes(name);
}

export function claimExplanationKey(name: KnownClaim): string {
  return `tokens.claim.${name}`;
}

/** Which token the claims come from: an ID token's audience is the client, not the MCP server. */
export type ClaimSource = 'access-token' | 'id-token' | 'introspection';

/** Claims whose meaning differs in an OpenID Connect ID token (OpenID Connect Core §2). */
export const ID_TOKEN_CLAIM_KEYS: Readonly<Partial<Record<KnownClaim, string>>> = {
  aud: 'tokens.claim.id.aud',
  sub: 'tokens.claim.id.sub',
};

export function describeClaims(claims: Record<string, unknown>, source: ClaimSource = 'access-token'): ClaimRow[] {
  const names = [...KNOWN_CLAIMS.filter((name) => name in claims), ...Object.keys(claims).filter((name) => !isKnownClaim(name))];
  return names.map((name) => {
    const row: ClaimRow = { name, value: claimValue(name, claims[name]) };
    if (isKnownClaim(name)) row.explanationKey = (source === 'id-token' ? ID_TOKEN_CLAIM_KEYS[name] : undefined) ?? claimExplanationKey(name);
    return row;
  });
}

export function claimValue(name: string, value: unknown): ClaimValue {
  if (TIME_CLAIMS.includes(name) && typeof value === 'number' && Number.isFinite(value)) return { kind: 'time', epochSeconds: value };
  if (SCOPE_CLAIMS.includes(name)) {
    if (typeof value === 'string') return { kind: 'list', items: splitScope(value) };
    if (isStringArray(value)) return { kind: 'list', items: value };
  }
  if (isStringArray(value)) return { kind: 'list', items: value };
  if (typeof value === 'string') return { kind: 'text', text: value };
  if (typeof value === 'number' || typeof value === 'boolean') return { kind: 'text', text: String(value) };
  return { kind: 'json', json: JSON.stringify(value, null, 2) ?? String(value) };
}

/** RFC 6749 §3.3: scope is a space-delimited list. */
export function splitScope(scope: string): string[] {
  return scope.split(' ').filter((s) => s.length > 0);
}

export function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}
