/**
 * OAuth scope values: "a list of space-delimited, case-sensitive strings" (RFC 6749 §3.3), as
 * requested, granted, carried by a token or demanded by a challenge. Runs of white space are
 * read as one separator, so a sloppy value still compares by its scope tokens.
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-3.3
 */

/** Asks for a refresh token (OpenID Connect Core §11); not something a resource requires. */
export const OFFLINE_ACCESS = 'offline_access';

export function splitScope(scope: string | undefined): string[] {
  return scope === undefined ? [] : scope.split(/\s+/).filter((s) => s !== '');
}

/** Keeps the order of first appearance: earlier scopes first, then the new ones. */
export function unionOfScopes(first: readonly string[], second: readonly string[]): string[] {
  return [...new Set([...first, ...second])];
}

/** The scopes of `wanted` that `held` lacks. */
export function missingScopes(wanted: string | undefined, held: string | undefined): string[] {
  const have = new Set(splitScope(held));
  return splitScope(wanted).filter((s) => !have.has(s));
}

/**
 * Requested resource scopes a grant or token lacks. offline_access only asks for a refresh token
 * ("refresh tokens are not a resource requirement"); authorization servers rightly leave it out of
 * the granted scope and the token, so it is not counted as missing.
 */
export function missingResourceScopes(requested: string | undefined, held: string | undefined): string[] {
  return missingScopes(requested, held).filter((s) => s !== OFFLINE_ACCESS);
}
