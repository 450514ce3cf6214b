/**
 * The lab MCP server's side of DPoP (RFC 9449 §7): a DPoP-bound token comes as
 * `Authorization: DPoP <token>` with a proof, which must be a `dpop+jwt` signed by the key in its
 * header, for this request (htm, htu), fresh (iat, an unseen jti), for this token (ath), by the
 * key the token is bound to (cnf.jkt). A bound token presented as a Bearer token is refused.
 * On success the request goes on as a Bearer request, so the token itself is verified as usual.
 */
import type { NextFunction, Request, Response } from 'express';
import { calculateJwkThumbprint, compactVerify, decodeJwt, EmbeddedJWK, errors as joseErrors } from 'jose';

/** RFC 9449 §11.1: proofs are accepted for a short window; their jti is remembered that long. */
const PROOF_WINDOW_SECONDS = 300;
const MAX_REMEMBERED_JTIS = 10_000;
const PROOF_ALGORITHMS = ['ES256', 'ES384', 'ES512', 'RS256', 'PS256', 'EdDSA'];

function base64url(bytes: ArrayBuffer): string {
  return Buffer.from(bytes).toString('base64url');
}

function boundKey(token: string): string | undefined {
  try {
    const cnf = decodeJwt(token).cnf;
    return typeof cnf === 'object' && cnf !== null && 'jkt' in cnf && typeof cnf.jkt === 'string' ? cnf.jkt : undefined;
  } catch (error) {
    // Not a JWT: the token verifier refuses it with its own reason.
    if (error instanceof joseErrors.JOSEError) return undefined;
    throw error;
  }
}

export function createDpopProofCheck(options: { mcpUrl: string; resourceMetadataUrl: string; log: (line: string) => void }) {
  const seen = new Map<string, number>();
  const refuse = (res: Response, error: 'invalid_dpop_proof' | 'invalid_token', description: string) => {
    options.log(`MCP server refused a request: ${description}`);
    res.set('WWW-Authenticate', `DPoP error="${error}", error_description="${description}", algs="ES256", resource_metadata="${options.resourceMetadataUrl}"`);
    res.status(401).json({ error, error_description: description });
  };

  async function verifyProof(req: Request, token: string): Promise<string | undefined> {
    const header = req.headers.dpop;
    if (typeof header !== 'string' || header.includes(',')) return 'exactly one DPoP proof is required';
    let verified;
    try {
      verified = await compactVerify(header, EmbeddedJWK, { algorithms: PROOF_ALGORITHMS });
    } catch (error) {
      return `the DPoP proof does not verify (${error instanceof Error ? error.name : 'error'})`;
    }
    if (verified.protectedHeader.typ !== 'dpop+jwt') return 'the DPoP proof is not typ dpop+jwt';
    const jwk = verified.protectedHeader.jwk;
    if (!jwk || 'd' in jwk) return 'the DPoP proof carries no public key';
    const claims = JSON.parse(new TextDecoder().decode(verified.payload)) as Record<string, unknown>;
    const now = Math.floor(Date.now() / 1000);
    if (claims.htm !== req.method) return 'htm is not the request method';
    if (typeof claims.htu !== 'string' || claims.htu.replace(/\/$/, '') !== options.mcpUrl.replace(/\/$/, '')) return 'htu is not the MCP endpoint';
    if (typeof claims.iat !== 'number' || Math.abs(now - claims.iat) > PROOF_WINDOW_SECONDS) return 'iat is outside the accepted window';
    if (typeof claims.jti !== 'string' || seen.has(claims.jti)) return 'the proof was used before (jti)';
    const ath = base64url(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(token)));
    if (claims.ath !== ath) return 'ath does not match the access token';
    if (boundKey(token) !== (await calculateJwkThumbprint(jwk))) return 'the token is not bound to the proof key (cnf.jkt)';
    for (const [jti, at] of seen) if (at < now - PROOF_WINDOW_SECONDS || seen.size >= MAX_REMEMBERED_JTIS) seen.delete(jti);
    seen.set(claims.jti, now);
    return undefined;
  }

  return async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    const authorization = req.headers.authorization ?? '';
    const dpop = /^DPoP\s+(\S+)$/i.exec(authorization);
    if (!dpop?.[1]) {
      const bearer = /^Bearer\s+(\S+)$/i.exec(authorization);
      if (bearer?.[1] && boundKey(bearer[1]) !== undefined) {
        refuse(res, 'invalid_token', 'the token is bound to a DPoP key and must come with a DPoP proof');
        return;
      }
      next();
      return;
    }
    const problem = await verifyProof(req, dpop[1]);
    if (problem) {
      refuse(res, 'invalid_dpop_proof', problem);
      return;
    }
    req.headers.authorization = `Bearer ${dpop[1]}`;
    next();
  };
}
