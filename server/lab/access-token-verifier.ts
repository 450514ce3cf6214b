/**
 * How the lab's MCP server validates a bearer token: an RFC 9068 JWT access token, signed by
 * the lab's authorization server (keys from its jwks_uri), issued by its issuer, for this MCP
 * server (`aud`, MCP spec "Token Audience Binding and Validation"), not expired. Scope is
 * checked afterwards by the SDK's `requireBearerAuth` (403 `insufficient_scope`).
 *
 * Faults switch checks off, so the debugger's audit has something to find.
 */
import type { OAuthTokenVerifier } from '@modelcontextprotocol/sdk/server/auth/provider.js';
import type { AuthInfo } from '@modelcontextprotocol/sdk/server/auth/types.js';
import { InvalidTokenError } from '@modelcontextprotocol/sdk/server/auth/errors.js';
import { createRemoteJWKSet, decodeJwt, decodeProtectedHeader, errors as joseErrors, importJWK, jwtVerify, type JWTPayload } from 'jose';

/** Which checks run; asked at every verification, so faults can change it while the lab runs. */
export interface AccessTokenPolicy {
  /** Off with fault `audit.accepts-foreign-audience`. */
  checkAudience: boolean;
  /** Off with fault `audit.accepts-tampered-token`: the token is decoded, never verified. */
  checkSignature: boolean;
  /** Fault `audit.accepts-malformed-token`: a value that is no JWT passes as an API key with full scope. */
  acceptApiKeys?: boolean;
  /** Fault `audit.accepts-untrusted-issuer`: a token that brings its own key (`jwk`) is verified with it, issuer unchecked. */
  trustEmbeddedKeys?: boolean;
}

export interface AccessTokenVerifierOptions {
  issuer: string;
  jwksUri: string;
  /** The MCP server's URL, which must be (one of) the token's `aud`. */
  audience: string;
  policy: () => AccessTokenPolicy;
  /** The scope an API key gets (fault `audit.accepts-malformed-token`). */
  fullScope?: string;
  log: (line: string) => void;
}

const CLOCK_TOLERANCE_SECONDS = 5;

function audienceIncludes(aud: JWTPayload['aud'], expected: string): boolean {
  return Array.isArray(aud) ? aud.includes(expected) : aud === expected;
}

/** The claim checks jwtVerify would make, for the fault that skips the signature. */
function checkClaimsWithoutSignature(token: string, options: AccessTokenVerifierOptions, policy: AccessTokenPolicy): JWTPayload {
  decodeProtectedHeader(token);
  const payload = decodeJwt(token);
  if (payload.iss !== options.issuer) throw new InvalidTokenError('token issuer is not the expected authorization server');
  if (policy.checkAudience && !audienceIncludes(payload.aud, options.audience)) {
    throw new InvalidTokenError('token was not issued for this MCP server');
  }
  if (typeof payload.exp !== 'number' || payload.exp + CLOCK_TOLERANCE_SECONDS < Date.now() / 1000) {
    throw new InvalidTokenError('token has expired');
  }
  return payload;
}

/** A reason a client may see: specific enough to learn from, with no token content. */
function describeJoseError(error: unknown): string {
  if (error instanceof joseErrors.JWTExpired) return 'token has expired';
  if (error instanceof joseErrors.JWTClaimValidationFailed) {
    if (error.claim === 'aud') return 'token was not issued for this MCP server';
    if (error.claim === 'iss') return 'token issuer is not the expected authorization server';
    return `token claim "${error.claim}" is invalid`;
  }
  if (error instanceof joseErrors.JWSSignatureVerificationFailed) return 'token signature is invalid';
  if (error instanceof joseErrors.JWKSNoMatchingKey) return 'token is signed with an unknown key';
  if (error instanceof joseErrors.JOSEAlgNotAllowed) return 'token signing algorithm is not accepted';
  if (error instanceof joseErrors.JWSInvalid || error instanceof joseErrors.JWTInvalid) return 'token is not a valid JWT';
  return 'token could not be verified';
}

/** The public key a JWT carries in its own header, if any (what fault audit.accepts-untrusted-issuer trusts). */
function embeddedKey(token: string): { jwk: JsonWebKey; alg: string } | undefined {
  try {
    const { jwk, alg } = decodeProtectedHeader(token);
    return jwk && typeof jwk === 'object' && typeof alg === 'string' ? { jwk, alg } : undefined;
  } catch {
    return undefined;
  }
}

export function createAccessTokenVerifier(options: AccessTokenVerifierOptions): OAuthTokenVerifier {
  const keys = createRemoteJWKSet(new URL(options.jwksUri));

  async function verifiedPayload(token: string): Promise<JWTPayload> {
    const policy = options.policy();
    if (policy.acceptApiKeys && token.split('.').length !== 3) {
      return { sub: 'api-key', scope: options.fullScope ?? '', exp: Math.floor(Date.now() / 1000) + 300 };
    }
    const embedded = policy.trustEmbeddedKeys ? embeddedKey(token) : undefined;
    if (embedded) {
      const { payload } = await jwtVerify(token, await importJWK(embedded.jwk, embedded.alg), { requiredClaims: ['exp'], clockTolerance: CLOCK_TOLERANCE_SECONDS });
      return payload;
    }
    if (!policy.checkSignature) return checkClaimsWithoutSignature(token, options, policy);
    const { payload } = await jwtVerify(token, keys, {
      issuer: options.issuer,
      ...(policy.checkAudience ? { audience: options.audience } : {}),
      // RFC 9068 §4: the resource server checks the `at+jwt` type, so an ID token or another
      // JWT from the same issuer cannot pass as an access token.
      typ: 'at+jwt',
      algorithms: ['RS256'],
      requiredClaims: ['exp'],
      clockTolerance: CLOCK_TOLERANCE_SECONDS,
    });
    return payload;
  }

  return {
    async verifyAccessToken(token: string): Promise<AuthInfo> {
      let payload: JWTPayload;
      try {
        payload = await verifiedPayload(token);
      } catch (error) {
        if (error instanceof InvalidTokenError) {
          options.log(`MCP server refused a token: ${error.message}`);
          throw error;
        }
        const reason = describeJoseError(error);
        options.log(`MCP server refused a token: ${reason}`);
        throw new InvalidTokenError(reason);
      }
      const scope = typeof payload.scope === 'string' ? payload.scope : '';
      const aud = Array.isArray(payload.aud) ? payload.aud[0] : payload.aud;
      const resource = aud === undefined ? null : URL.parse(aud);
      return {
        token,
        clientId: typeof payload.client_id === 'string' ? payload.client_id : 'unknown',
        scopes: scope.split(' ').filter(Boolean),
        ...(typeof payload.exp === 'number' ? { expiresAt: payload.exp } : {}),
        ...(resource ? { resource } : {}),
        extra: { sub: payload.sub },
      };
    },
  };
}
