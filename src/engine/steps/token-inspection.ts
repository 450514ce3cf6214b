/**
 * Token inspection: what the MCP server will see when it validates the access token. A client
 * treats access tokens as opaque; the debugger looks inside for the developer. A JWT is decoded,
 * its signature checked against the authorization server's `jwks_uri`, and its `iss`, `aud`,
 * `exp` and scope compared with the flow; an opaque token is introspected (RFC 7662) when the
 * person gave resource-server credentials.
 * @see https://www.rfc-editor.org/rfc/rfc9068#section-4
 * @see https://www.rfc-editor.org/rfc/rfc7662#section-2
 * @see https://modelcontextprotocol.io/specification/2026-07-28/basic/authorization/security-considerations#token-audience-binding-and-validation
 */
import { compactVerify, createLocalJWKSet, decodeJwt, decodeProtectedHeader, errors, type JWK } from 'jose';
import * as oauth from 'oauth4webapi';
import { canonicalServerUri, looseResourceIdentifier } from '../canonical-uri.js';
import { phrase } from '../checks/finding-phrases.js';
import { secureEndpoint } from '../client-authentication.js';
import type { AuthorizationServerMetadata, TokenData, TokenInspectionData } from '../flow-data.js';
import { jsonDepthExceeds, MAX_JSON_DEPTH } from '../../wire/json.js';
import { numericDateText } from '../numeric-date.js';
import { missingResourceScopes } from '../scope.js';
import { because, exchangeLabel } from '../checks/engine-phrases.js';
import { ok, skipped, type StepContext, type StepDefinition, type StepOutput } from '../step.js';
import type { Exchange } from '../types.js';
import { readJsonDocument, reportTransportFailure, sentExchange } from './json-document.js';
import { sendThroughLibrary } from './oauth-library.js';
import { oauthServer, tokenRequestResource } from './token-request.js';

export const tokenInspectionStep: StepDefinition = { id: 'token-inspection', run: inspectToken };

/** Tolerance for the not-before check, for clocks that disagree a little. */
const CLOCK_TOLERANCE_SECONDS = 60;
/** Lifetimes above this are pointed out (the spec asks for short-lived tokens without a number). */
/** The tutorial's pitfall "long-lived access tokens": more than an hour is flagged. */
const LONG_LIFETIME_HOURS = 1;

interface Expectations {
  issuer?: string;
  audience?: string;
  /** The resource identifier the server publishes in its metadata: an audience valid for it too. */
  publishedResource?: string;
  /** The `resource` the client asked for, when it asked for one. */
  requestedResource?: string;
  requestedScope?: string;
  receivedAt: number;
}

async function inspectToken(ctx: StepContext): Promise<StepOutput> {
  const tokens = ctx.data.tokens;
  if (!tokens) return skipped(because('outcome.token-inspection.no-token'));
  const metadata = ctx.data.authorizationServer?.metadata;
  const expect = expectations(ctx, tokens, metadata);

  const jwt = decodeAccessToken(tokens.accessToken);
  let inspection: TokenInspectionData;
  if (jwt) {
    const signature = await verifySignature(ctx, tokens.accessToken, jwt.header, metadata);
    checkTokenType(ctx, jwt.header);
    checkClaims(ctx, jwt.claims, expect, 'jwt');
    checkDpopBinding(ctx, tokens, jwt.claims);
    inspection = { format: 'jwt', header: jwt.header, claims: jwt.claims, signature };
  } else {
    ctx.report('token.opaque');
    inspection = { format: 'opaque' };
  }

  const introspection = await introspect(ctx, tokens.accessToken, inspection.format, metadata, expect);
  if (introspection) inspection.introspection = introspection;

  if (tokens.idToken) {
    const idTokenClaims = decodeIdToken(ctx, tokens.idToken);
    if (idTokenClaims) inspection.idTokenClaims = idTokenClaims;
  }
  return ok({ tokenInspection: inspection });
}

/**
 * A DPoP-bound token names its key: `cnf.jkt`, the SHA-256 thumbprint of the public key that
 * signs the proofs (RFC 9449 §6.1), which must be the run's own.
 */
function checkDpopBinding(ctx: StepContext, tokens: TokenData, claims: Record<string, unknown>): void {
  const dpop = ctx.data.dpop;
  const cnf = claims.cnf;
  const jkt = typeof cnf === 'object' && cnf !== null && 'jkt' in cnf && typeof cnf.jkt === 'string' ? cnf.jkt : undefined;
  if (!dpop || tokens.tokenType.toLowerCase() !== 'dpop') return;
  if (jkt === undefined) ctx.report('dpop.jkt-missing');
  else if (jkt !== dpop.thumbprint) ctx.report('dpop.jkt-mismatch', { params: { jkt, thumbprint: dpop.thumbprint } });
  else ctx.report('dpop.token-bound', { params: { jkt } });
}

function expectations(ctx: StepContext, tokens: TokenData, metadata: AuthorizationServerMetadata | undefined): Expectations {
  // The audience is the MCP server whatever the token request said (even with omitResource).
  const audience = ctx.data.authorizationRequest?.resource ?? canonicalServerUri(ctx.options.serverUrl);
  const requestedScope = ctx.data.authorizationRequest?.scope ?? tokens.scope;
  const receivedAt = Date.parse(tokens.receivedAt);
  const requestedResource = ctx.data.authorizationRequest?.resource ?? tokenRequestResource(ctx);
  const publishedResource = ctx.data.protectedResource?.resource;
  return {
    ...(metadata ? { issuer: metadata.issuer } : {}),
    ...(audience ? { audience } : {}),
    ...(publishedResource !== undefined ? { publishedResource } : {}),
    ...(requestedResource !== undefined ? { requestedResource } : {}),
    ...(requestedScope ? { requestedScope } : {}),
    receivedAt: Number.isNaN(receivedAt) ? ctx.clock.now() : receivedAt,
  };
}

/** Header and claims of a JWS-compact JWT, or undefined for anything else (opaque strings, JWE). */
function decodeAccessToken(token: string): { header: Record<string, unknown>; claims: Record<string, unknown> } | undefined {
  try {
    const decoded = { header: decodeProtectedHeader(token), claims: decodeJwt(token) };
    // Claims nested past any real token's are not kept (they could not be saved or shown).
    return jsonDepthExceeds(decoded) ? undefined : decoded;
  } catch (error) {
    // jose throws for every non-JWT; that is the definition of an opaque token here.
    if (error instanceof errors.JOSEError || error instanceof TypeError) return undefined;
    throw error;
  }
}

/**
 * Verifies the signature only; claims are judged separately, so that an expired token still
 * shows whether its signature is good.
 */
async function verifySignature(
  ctx: StepContext,
  token: string,
  header: Record<string, unknown>,
  metadata: AuthorizationServerMetadata | undefined,
): Promise<NonNullable<TokenInspectionData['signature']>> {
  const alg = typeof header.alg === 'string' ? header.alg : phrase('value.none');
  const kid = typeof header.kid === 'string' ? header.kid : phrase('value.none');
  if (alg.toLowerCase() === 'none') {
    ctx.report('token.alg-none');
    return 'invalid';
  }
  if (alg.startsWith('HS')) {
    ctx.report('token.signature-unverifiable', { params: { alg, reason: phrase('signature.shared-secret') } });
    return 'unverified';
  }
  const url = metadata?.jwks_uri;
  if (!url) {
    ctx.report('token.no-jwks-uri');
    return 'unverified';
  }

  const sent = await ctx.http.send({ url, headers: [['accept', 'application/json']] }, exchangeLabel('label.token.jwks'));
  const evidence = { exchangeId: sent.exchange.id };
  if (reportTransportFailure(ctx, sent) || !sent.response) return 'unverified';
  if (sent.response.status !== 200) {
    ctx.report('token.jwks-unusable', { params: { url, reason: `HTTP ${sent.response.status}` }, evidence });
    return 'unverified';
  }
  const jwks = readJsonDocument(ctx, sent, 'document.jwk-set');
  if (!jwks) return 'unverified';
  if (!Array.isArray(jwks.keys)) {
    ctx.report('token.jwks-unusable', { params: { url, reason: phrase('jwks.no-keys-array') }, evidence });
    return 'unverified';
  }

  let keySet: ReturnType<typeof createLocalJWKSet>;
  try {
    keySet = createLocalJWKSet({ keys: jwks.keys.filter(isJwk) });
  } catch (error) {
    ctx.report('token.jwks-unusable', { params: { url, reason: errorMessage(error) }, evidence });
    return 'unverified';
  }
  try {
    await compactVerify(token, keySet);
  } catch (error) {
    if (error instanceof errors.JWKSNoMatchingKey) {
      ctx.report('token.signing-key-not-found', { params: { alg, kid, url }, evidence });
      return 'invalid';
    }
    if (error instanceof errors.JOSENotSupported || error instanceof errors.JOSEAlgNotAllowed) {
      ctx.report('token.signature-unverifiable', { params: { alg, reason: errorMessage(error) }, evidence });
      return 'unverified';
    }
    const reason = error instanceof errors.JWSSignatureVerificationFailed ? phrase('signature.mismatch') : errorMessage(error);
    ctx.report('token.signature-invalid', { params: { url, reason }, evidence });
    return 'invalid';
  }
  ctx.report('token.signature-valid', { params: { alg, kid, url }, evidence });
  return 'valid';
}

function isJwk(value: unknown): value is JWK {
  return typeof value === 'object' && value !== null && 'kty' in value && typeof value.kty === 'string';
}

/** RFC 9068 §2.1: JWT access tokens are typed "at+jwt" (informational: MCP does not require RFC 9068). */
function checkTokenType(ctx: StepContext, header: Record<string, unknown>): void {
  const typ = typeof header.typ === 'string' ? header.typ : undefined;
  if (!typ || !/^(application\/)?at\+jwt$/i.test(typ)) ctx.report('token.typ-not-at-jwt', { params: { typ: typ ?? phrase('value.none') } });
}

/**
 * Compares claims (of the JWT, or of an introspection response, which uses the same names) with
 * what the flow asked for. Introspection members are optional (RFC 7662 §2.2), so their absence
 * is only reported where a resource server cannot do without them (the audience).
 */
function checkClaims(
  ctx: StepContext,
  claims: Record<string, unknown>,
  expect: Expectations,
  source: 'jwt' | 'introspection',
  evidence?: { exchangeId: string },
): void {
  const withEvidence = evidence ? { evidence } : {};
  const fromJwt = source === 'jwt';

  if (expect.issuer !== undefined) {
    if (typeof claims.iss !== 'string') {
      if (fromJwt) ctx.report('token.issuer-missing', withEvidence);
    } else if (claims.iss !== expect.issuer) {
      ctx.report('token.issuer-mismatch', { params: { iss: claims.iss, expected: expect.issuer }, ...withEvidence });
    }
  }

  if (expect.audience !== undefined) checkAudience(ctx, claims.aud, expect, expect.audience, withEvidence);

  const now = ctx.clock.now() / 1000;
  const exp = typeof claims.exp === 'number' ? claims.exp : undefined;
  if (exp === undefined) {
    if (fromJwt) ctx.report('token.expiry-missing', withEvidence);
  } else {
    if (exp <= now) ctx.report('token.expired', { params: { exp: numericDateText(exp), now: numericDateText(now) }, ...withEvidence });
    const issuedAt = typeof claims.iat === 'number' ? claims.iat : expect.receivedAt / 1000;
    const hours = (exp - issuedAt) / 3600;
    if (hours > LONG_LIFETIME_HOURS) ctx.report('token.long-lived', { params: { hours: String(Math.round(hours)) }, ...withEvidence });
  }
  if (typeof claims.nbf === 'number' && claims.nbf > now + CLOCK_TOLERANCE_SECONDS) {
    ctx.report('token.not-yet-valid', { params: { nbf: numericDateText(claims.nbf), now: numericDateText(now) }, ...withEvidence });
  }

  // RFC 9068 §2.2.3 "scope" (space-separated); some servers write "scp", as a string or an array.
  const held = typeof claims.scope === 'string' ? claims.scope : scpClaim(claims.scp);
  if (held === undefined) {
    if (fromJwt) ctx.report('token.scope-claim-missing', withEvidence);
  } else {
    // The tutorial's pitfall "wildcard scopes": one scope that grants everything.
    const broad = held.split(' ').filter((scope) => BROAD_SCOPE.test(scope));
    if (broad.length > 0) ctx.report('token.broad-scope', { params: { scopes: broad.join(' ') }, ...withEvidence });
  }
  if (held !== undefined && expect.requestedScope) {
    const missing = missingResourceScopes(expect.requestedScope, held);
    if (missing.length > 0) {
      ctx.report('token.scope-missing', {
        params: { requested: expect.requestedScope, scope: held || phrase('value.none'), missing: missing.join(' ') },
        ...withEvidence,
      });
    }
  }
}

/** Audiences that name no particular server (Keycloak's default `account`, a bare `api`, …). */
const GENERIC_AUDIENCE = /^(api|apis|account|accounts|all|default|resource|resources|audience|everyone|any)$/i;

/** Scopes that grant everything: `*`, `something:*`, `all`, `admin`, `root`, `full_access`. */
const BROAD_SCOPE = /^(\*|[\w.-]+[:/]\*|all|admin|root|superuser|full[_-]?access)$/i;

function scpClaim(scp: unknown): string | undefined {
  if (typeof scp === 'string') return scp;
  if (Array.isArray(scp) && scp.every((s) => typeof s === 'string')) return scp.join(' ');
  return undefined;
}

/**
 * "MCP servers MUST validate that access tokens were issued specifically for them as the
 * intended audience" (RFC 8707 §2). An exact match is what a strict server requires; a match
 * only up to letter case or a trailing slash is pointed out, since servers differ there.
 */
function checkAudience(ctx: StepContext, aud: unknown, expect: Expectations, expected: string, withEvidence: { evidence?: { exchangeId: string } }): void {
  const audiences = typeof aud === 'string' ? [aud] : Array.isArray(aud) ? aud.filter((a): a is string => typeof a === 'string') : [];
  if (audiences.length === 0) {
    ctx.report('token.audience-missing', { params: { expected }, ...withEvidence });
    return;
  }
  // The tutorial's pitfall "generic audiences": a value such as api or account names no server,
  // so every service that accepts it accepts this token.
  const generic = audiences.filter((a) => GENERIC_AUDIENCE.test(a) || a.includes('*'));
  if (generic.length > 0) ctx.report('token.generic-audience', { params: { aud: generic.map((a) => `"${a}"`).join(', ') }, ...withEvidence });
  // The server's own published resource identifier is this server, whatever was requested.
  if (audiences.includes(expected) || (expect.publishedResource !== undefined && audiences.includes(expect.publishedResource))) return;
  const shown = audiences.map((a) => `"${a}"`).join(', ');
  const loose = looseResourceIdentifier(expected);
  if (loose !== undefined && audiences.some((a) => looseResourceIdentifier(a) === loose)) {
    ctx.report('token.audience-not-exact', { params: { aud: shown, expected }, ...withEvidence });
    return;
  }
  // RFC 8707 §2: the authorization server "SHOULD audience-restrict issued access tokens to the
  // resource(s) indicated"; one that did not is named, with both values.
  if (expect.requestedResource !== undefined) {
    ctx.report('token.resource-ignored', { params: { aud: shown, requested: expect.requestedResource }, ...withEvidence });
    return;
  }
  ctx.report('token.audience-mismatch', { params: { aud: shown, expected }, ...withEvidence });
}


/**
 * RFC 7662 introspection with the resource server's credentials (client_secret_basic), as the
 * tutorial's MCP server does it. For a JWT only `active` is judged (its claims were checked above);
 * for an opaque token this is the only way to see its audience, expiry and scope.
 */
async function introspect(
  ctx: StepContext,
  token: string,
  format: TokenInspectionData['format'],
  metadata: AuthorizationServerMetadata | undefined,
  expect: Expectations,
): Promise<Record<string, unknown> | undefined> {
  const credentials = ctx.options.introspection;
  if (!credentials || !metadata) return undefined;
  if (!metadata.introspection_endpoint) {
    ctx.report('token.introspection-unavailable');
    return undefined;
  }
  const endpoint = secureEndpoint(ctx, metadata.introspection_endpoint);
  if (!endpoint.ok) return undefined;

  // A network failure is in the exchange's error, which the analysis reports.
  const { exchange } = await sendThroughLibrary(ctx, exchangeLabel('label.token.introspection'), (customFetch) =>
    oauth.introspectionRequest(oauthServer(metadata), { client_id: credentials.clientId }, oauth.ClientSecretBasic(credentials.clientSecret), token, {
      [oauth.customFetch]: customFetch,
      [oauth.allowInsecureRequests]: endpoint.allowInsecure,
    }),
  );
  return analyzeIntrospection(ctx, exchange, format, expect);
}

function analyzeIntrospection(
  ctx: StepContext,
  exchange: Exchange,
  format: TokenInspectionData['format'],
  expect: Expectations,
): Record<string, unknown> | undefined {
  const sent = sentExchange(exchange);
  const evidence = { exchangeId: exchange.id };
  const url = exchange.request.url;
  if (reportTransportFailure(ctx, sent) || !exchange.response) return undefined;
  if (exchange.response.status !== 200) {
    ctx.report('token.introspection-failed', { params: { url, reason: `HTTP ${exchange.response.status}` }, evidence });
    return undefined;
  }
  const body = readJsonDocument(ctx, sent, 'document.introspection-response');
  if (!body) return undefined;
  if (body.active !== true) {
    ctx.report('token.introspection-inactive', { params: { active: body.active === undefined ? phrase('value.absent') : JSON.stringify(body.active) }, evidence });
    return body;
  }
  if (format === 'opaque') checkClaims(ctx, body, expect, 'introspection', evidence);
  return body;
}

/** The ID token is for the client, not the MCP server: its claims are shown, not judged here. */
function decodeIdToken(ctx: StepContext, idToken: string): Record<string, unknown> | undefined {
  let claims: Record<string, unknown>;
  try {
    claims = decodeJwt(idToken);
  } catch (error) {
    ctx.report('token.id-token-undecodable', { params: { reason: errorMessage(error) } });
    return undefined;
  }
  if (jsonDepthExceeds(claims)) {
    ctx.report('token.id-token-undecodable', { params: { reason: phrase('json.too-deep'), max: String(MAX_JSON_DEPTH) } });
    return undefined;
  }
  const aud = typeof claims.aud === 'string' ? claims.aud : Array.isArray(claims.aud) ? claims.aud.join(', ') : phrase('value.none');
  ctx.report('token.id-token', { params: { iss: typeof claims.iss === 'string' ? claims.iss : phrase('value.none'), aud } });
  return claims;
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
