/**
 * PKCE (RFC 7636) and `state` values for the authorization request, drawn from the injected
 * random source so a run with a seeded source is reproducible.
 *
 * @see https://www.rfc-editor.org/rfc/rfc7636#section-4.1
 * @see https://modelcontextprotocol.io/specification/2026-07-28/basic/authorization/security-considerations#authorization-code-protection
 */
import { base64url } from 'jose';
import { calculatePKCECodeChallenge } from 'oauth4webapi';
import type { RandomSource } from './step.js';

/** The only method MCP clients use: "MCP clients MUST use the S256 code challenge method". */
const PKCE_METHOD = 'S256';

export interface PkcePair {
  codeVerifier: string;
  codeChallenge: string;
  codeChallengeMethod: typeof PKCE_METHOD;
}

/**
 * 32 random octets give a 43-character base64url verifier, the minimum RFC 7636 §4.1 allows
 * ("It is RECOMMENDED that the output of a suitable random number generator be used to create
 * a 32-octet sequence. The octet sequence is then base64url-encoded").
 */
const VERIFIER_OCTETS = 32;
const STATE_OCTETS = 32;

/** RFC 7636 §4.1: `code-verifier = 43*128unreserved`. */
export function isValidCodeVerifier(value: string): boolean {
  return /^[A-Za-z0-9\-._~]{43,128}$/.test(value);
}

export async function createPkcePair(random: RandomSource): Promise<PkcePair> {
  // Base64url without padding (RFC 4648 §5), as RFC 7636 Appendix A prescribes.
  const codeVerifier = base64url.encode(random(VERIFIER_OCTETS));
  // The S256 transformation itself is oauth4webapi's: BASE64URL(SHA256(ASCII(code_verifier))).
  const codeChallenge = await calculatePKCECodeChallenge(codeVerifier);
  return { codeVerifier, codeChallenge, codeChallengeMethod: PKCE_METHOD };
}

/** An opaque, unguessable `state` (RFC 6749 §10.12) bound to this one authorization request. */
export function createState(random: RandomSource): string {
  return base64url.encode(random(STATE_OCTETS));
}
