/**
 * Reading a token for display. Decoding is jose's (`decodeProtectedHeader`, `decodeJwt`); nothing
 * here verifies anything: the signature verdict comes from the engine's token inspection.
 */
import { decodeJwt, decodeProtectedHeader, errors } from 'jose';

export type DecodedToken =
  | { format: 'jwt'; header: Record<string, unknown>; claims: Record<string, unknown>; length: number }
  /** Anything that is not a JWS-compact JWT: an opaque handle, or an encrypted JWT (JWE). */
  | { format: 'opaque'; length: number };

export function decodeToken(token: string): DecodedToken {
  try {
    const header = decodeProtectedHeader(token);
    const claims = decodeJwt(token);
    return { format: 'jwt', header: { ...header }, claims: { ...claims }, length: token.length };
  } catch (error) {
    // jose throws for every string that is not a JWT; that is what "opaque" means here.
    if (error instanceof errors.JOSEError || error instanceof TypeError) return { format: 'opaque', length: token.length };
    throw error;
  }
}

/**
 * The token hidden for display: its length and nothing of its content (an opaque refresh
 * token's first characters are part of the secret).
 */
export function maskToken(token: string): string {
  return '•'.repeat(Math.min(token.length, 24));
}
