/**
 * Client authentication at the token endpoint: turns what registration settled (`ClientData`)
 * and the person's options into an oauth4webapi `ClientAuth`, and reports what cannot work
 * before anything is sent.
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-2.3 (client_secret_basic / client_secret_post)
 * @see https://www.rfc-editor.org/rfc/rfc7523#section-2.2 (private_key_jwt)
 */
import { base64url, importJWK } from 'jose';
import * as oauth from 'oauth4webapi';
import { isLoopbackUrl } from './canonical-uri.js';
import { phrase, type PhraseId } from './checks/finding-phrases.js';
import type { AuthorizationServerMetadata } from './flow-data.js';
import type { TokenEndpointAuthMethod } from './options.js';
import { because as stopReason } from './checks/engine-phrases.js';
import type { Reason, StepContext } from './step.js';

/** Who the client is at the authorization server, as the token and introspection requests need it. */
export interface ClientCredentials {
  clientId: string;
  clientSecret?: string;
  method: TokenEndpointAuthMethod;
}

export type ClientAuthentication =
  | { ok: true; method: TokenEndpointAuthMethod; client: oauth.Client; clientAuth: oauth.ClientAuth }
  | { ok: false; reason: Reason; findingId: string };

/** Lifetime of a client assertion: long enough for one request, short enough not to be replayed later. */
const ASSERTION_LIFETIME_SECONDS = 60;

/**
 * The ClientAuth for the client's token endpoint authentication method. Reports a missing secret
 * or unusable key (the request cannot be made) and a method or algorithm the authorization
 * server does not advertise (the request is made; the server decides).
 */
export async function clientAuthentication(
  ctx: StepContext,
  credentials: ClientCredentials,
  metadata: AuthorizationServerMetadata,
): Promise<ClientAuthentication> {
  const { clientId, method } = credentials;
  const client: oauth.Client = { client_id: clientId, token_endpoint_auth_method: method };

  // RFC 8414 §2: "If omitted, the default is client_secret_basic"; an absent list is not reported,
  // since many servers leave it out while accepting more.
  const supported = metadata.token_endpoint_auth_methods_supported;
  if (Array.isArray(supported) && !supported.includes(method)) {
    ctx.report('client-auth.method-not-advertised', { params: { method, supported: supported.join(', ') || phrase('value.none') } });
  }

  switch (method) {
    case 'none':
      return { ok: true, method, client, clientAuth: oauth.None() };
    case 'client_secret_basic':
    case 'client_secret_post': {
      const secret = credentials.clientSecret;
      if (!secret) {
        ctx.report('client-auth.secret-missing', { params: { method } });
        return { ok: false, reason: stopReason('outcome.client-auth.secret-missing', { method }), findingId: 'client-auth.secret-missing' };
      }
      const clientAuth = method === 'client_secret_basic' ? clientSecretBasic(clientId, secret) : oauth.ClientSecretPost(secret);
      return { ok: true, method, client, clientAuth };
    }
    case 'private_key_jwt':
      return privateKeyJwt(ctx, client, metadata);
  }
}

/**
 * RFC 6749 §2.3.1: id and secret are "encoded using the application/x-www-form-urlencoded
 * encoding algorithm", then joined by a colon and base64-encoded. That algorithm leaves
 * `*-._` and alphanumerics as they are; oauth4webapi's own encoder escapes more (such as `-`),
 * which servers that skip the decoding step (the MCP SDK's among them) then refuse.
 */
export function basicCredentials(clientId: string, secret: string): string {
  const encode = (value: string) => new URLSearchParams([['', value]]).toString().slice(1);
  const joined = new TextEncoder().encode(`${encode(clientId)}:${encode(secret)}`);
  return `Basic ${btoa(String.fromCharCode(...joined))}`;
}

function clientSecretBasic(clientId: string, secret: string): oauth.ClientAuth {
  return (_as, _client, _body, headers) => {
    headers.set('authorization', basicCredentials(clientId, secret));
  };
}

/**
 * RFC 7523 §3 client assertion: iss = sub = client_id, aud = the authorization server's issuer
 * (RFC 7523bis, and what the MCP conformance suite's `auth/client-credentials-jwt` verifies),
 * a fresh jti and a short exp. Time and randomness come from the context, so runs replay.
 */
async function privateKeyJwt(ctx: StepContext, client: oauth.Client, metadata: AuthorizationServerMetadata): Promise<ClientAuthentication> {
  const jwk = ctx.options.privateKeyJwk;
  if (!jwk) {
    ctx.report('client-auth.key-missing');
    return { ok: false, reason: stopReason('outcome.client-auth.key-missing'), findingId: 'client-auth.key-missing' };
  }
  // The reason is a phrase of ours, or jose's own message when it refuses the key.
  const invalid = (params: { reason: string; alg?: string }): ClientAuthentication => {
    ctx.report('client-auth.key-invalid', { params });
    return { ok: false, reason: stopReason('outcome.client-auth.key-invalid', params), findingId: 'client-auth.key-invalid' };
  };
  const because = (id: PhraseId) => invalid({ reason: phrase(id) });
  const alg = ctx.options.signingAlg ?? jwk.alg;
  if (!alg) return because('client-key.no-algorithm');
  if (jwk.d === undefined) return because('client-key.public-only');
  if (alg.startsWith('HS')) return invalid({ reason: phrase('client-key.symmetric-alg'), alg });

  let key: CryptoKey;
  try {
    const imported = await importJWK(jwk, alg);
    if (imported instanceof Uint8Array) return because('client-key.symmetric-key');
    key = imported;
  } catch (error) {
    return invalid({ reason: error instanceof Error ? error.message : String(error) });
  }

  const advertised = metadata.token_endpoint_auth_signing_alg_values_supported;
  if (Array.isArray(advertised) && !advertised.includes(alg)) {
    ctx.report('client-auth.signing-alg-not-advertised', { params: { alg, supported: advertised.join(', ') || phrase('value.none') } });
  }

  const clientAuth = oauth.PrivateKeyJwt(
    { key, ...(jwk.kid ? { kid: jwk.kid } : {}) },
    {
      [oauth.modifyAssertion]: (header, payload) => {
        // oauth4webapi names Ed25519 keys by the fully specified "Ed25519"; keep "EdDSA" when asked for it.
        if (alg === 'EdDSA') header.alg = 'EdDSA';
        const now = Math.floor(ctx.clock.now() / 1000);
        payload.iat = now;
        payload.nbf = now;
        payload.exp = now + ASSERTION_LIFETIME_SECONDS;
        payload.jti = base64url.encode(ctx.random(16));
      },
    },
  );
  return { ok: true, method: 'private_key_jwt', client, clientAuth };
}

export type EndpointCheck = { ok: true; url: URL; allowInsecure: boolean } | { ok: false; reason: Reason; findingId: string };

/**
 * An authorization server endpoint that credentials may be sent to: HTTPS, or plain http on
 * loopback for development. "All authorization server endpoints MUST be served over HTTPS."
 * @see https://modelcontextprotocol.io/specification/2026-07-28/basic/authorization/security-considerations#communication-security
 */
export function secureEndpoint(ctx: StepContext, value: string): EndpointCheck {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    ctx.report('token.endpoint-invalid', { params: { url: value } });
    return { ok: false, reason: stopReason('outcome.client-auth.endpoint-invalid', { endpoint: value }), findingId: 'token.endpoint-invalid' };
  }
  if (url.protocol === 'https:') return { ok: true, url, allowInsecure: false };
  if (url.protocol === 'http:' && isLoopbackUrl(url)) return { ok: true, url, allowInsecure: true };
  ctx.report('token.endpoint-insecure', { params: { url: url.href } });
  return { ok: false, reason: stopReason('outcome.client-auth.endpoint-insecure', { endpoint: url.href }), findingId: 'token.endpoint-insecure' };
}
