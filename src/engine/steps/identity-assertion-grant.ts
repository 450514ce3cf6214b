/**
 * The `cross-app-access` grant: MCP's Enterprise-Managed Authorization extension, an application
 * of the Identity Assertion JWT Authorization Grant. The user signed in to the client at the
 * enterprise IdP, so the client holds an ID token; it exchanges that ID token at the IdP for an
 * ID-JAG (RFC 8693 token exchange), then presents the ID-JAG to the MCP server's authorization
 * server as a JWT bearer grant (RFC 7523 §2.1), authenticating as the client registered there.
 * No browser and no consent screen: the IdP's policy decides.
 *
 * Both requests are recorded; the token exchange answer and the ID-JAG are checked here (the
 * ID-JAG decoded, not verified: its signature is the authorization server's to check), the
 * authorization server's answer by the token-request rules shared with the other grants.
 *
 * @see https://github.com/modelcontextprotocol/ext-auth/blob/main/specification/stable/enterprise-managed-authorization.mdx
 * @see https://datatracker.ietf.org/doc/draft-ietf-oauth-identity-assertion-authz-grant/
 * @see https://www.rfc-editor.org/rfc/rfc8693#section-2.1
 * @see https://www.rfc-editor.org/rfc/rfc7523#section-2.1
 */
import { decodeJwt, decodeProtectedHeader, type JWTPayload } from 'jose';
import * as oauth from 'oauth4webapi';
import { because, exchangeLabel } from '../checks/engine-phrases.js';
import { phrase } from '../checks/finding-phrases.js';
import { basicCredentials, secureEndpoint } from '../client-authentication.js';
import type { AuthorizationServerMetadata, IdentityAssertionGrantData } from '../flow-data.js';
import { numericDateText } from '../numeric-date.js';
import { JWT_BEARER_GRANT_TYPE, type IdentityAssertionOptions } from '../options.js';
import { failed, ok, type Reason, type StepContext, type StepOutput } from '../step.js';
import type { Exchange } from '../types.js';
import { headerValue, parseJsonObject, readJsonDocument, noAnswerFindingId, reportTransportFailure, sentExchange } from './json-document.js';
import { sendThroughLibrary } from './oauth-library.js';
import { analyzeTokenResponse, callTokenEndpoint, missingPrerequisite, scopeWithoutAuthorizationRequest, tokenRequestResource } from './token-request.js';

/** Stands in the finding params for a claim or member the token or answer lacks. */
const ABSENT = phrase('value.absent');

/** RFC 8693 §2.1 grant type. */
const TOKEN_EXCHANGE_GRANT_TYPE = 'urn:ietf:params:oauth:grant-type:token-exchange';
/** RFC 8693 §3: the subject token is an OpenID Connect ID token. */
const ID_TOKEN_TYPE = 'urn:ietf:params:oauth:token-type:id_token';
/** The token type identifier of an ID-JAG (Identity Assertion JWT Authorization Grant). */
const ID_JAG_TOKEN_TYPE = 'urn:ietf:params:oauth:token-type:id-jag';
/** The JOSE `typ` an ID-JAG carries, so no other JWT passes for one. */
const ID_JAG_JWT_TYPE = 'oauth-id-jag+jwt';
/** What an authorization server lists in `authorization_grant_profiles_supported` when it accepts ID-JAGs. */
const ID_JAG_GRANT_PROFILE = 'urn:ietf:params:oauth:grant-profile:id-jag';

/** The token exchange parameters that decide what the ID-JAG is good for. */
export interface IdJagRequest {
  /** The authorization server's issuer: "audience MUST be the issuer identifier of the Resource Authorization Server". */
  audience: string;
  /** "resource is OPTIONAL and if set, MUST be the Resource Identifier of the MCP Server" (RFC 9728). */
  resource?: string;
  scope?: string;
}

/** Runs the whole grant for the token-request step (client and metadata are known to be there). */
export async function requestTokensWithIdentityAssertion(ctx: StepContext, metadata: AuthorizationServerMetadata): Promise<StepOutput> {
  const input = ctx.options.identityAssertion;
  if (!input) return missingPrerequisite(ctx, 'prerequisite.identity-assertion');
  const client = ctx.data.client;
  if (!client) return missingPrerequisite(ctx, 'prerequisite.client-registration');

  checkGrantProfile(ctx, metadata);
  const idTokenClaims = readIdToken(ctx, input.idToken);
  const scope = scopeWithoutAuthorizationRequest(ctx);
  // The PRM's resource is the MCP server's RFC 9728 resource identifier (the PRM step made sure it
  // is this server's); without a PRM (2025-03-26) the parameter is left out, as it is optional here.
  const resource = ctx.options.omitResource ? undefined : (ctx.data.protectedResource?.resource ?? tokenRequestResource(ctx));
  const request: IdJagRequest = { audience: metadata.issuer, ...(resource !== undefined ? { resource } : {}), ...(scope ? { scope } : {}) };
  let grant: IdentityAssertionGrantData = { idpTokenEndpoint: input.idpTokenEndpoint, ...request };

  const exchanged = await exchangeIdToken(ctx, input, idTokenClaims, request);
  if (!exchanged.ok) return failed(exchanged.reason, exchanged.findingId, { identityAssertionGrant: grant });
  const expectedIdpIssuer = input.idpIssuer ?? stringClaim(idTokenClaims, 'iss');
  const decoded = inspectIdJag(ctx, exchanged.idJag, {
    request,
    clientId: client.clientId,
    ...(expectedIdpIssuer !== undefined ? { idpIssuer: expectedIdpIssuer } : {}),
    exchangeId: exchanged.exchange.id,
  });
  grant = { ...grant, ...exchanged.fields, ...decoded };

  // RFC 7523 §2.1: grant_type jwt-bearer and the JWT as `assertion`; the client authenticates as
  // registered at the authorization server. `resource` goes along because MCP has it "included in
  // both authorization requests and token requests" (RFC 8707 §2.2), and `scope` so the
  // authorization server can intersect it with the ID-JAG's.
  const parameters = new URLSearchParams({ assertion: exchanged.idJag });
  if (scope) parameters.set('scope', scope);
  if (resource !== undefined) parameters.set('resource', resource);
  const call = await callTokenEndpoint(ctx, metadata, JWT_BEARER_GRANT_TYPE, parameters, exchangeLabel('label.id-jag.grant'));
  if (!call.ok) return failed(call.reason, call.findingId, { identityAssertionGrant: grant });
  const analysis = await analyzeTokenResponse(ctx, call.exchange, { grant: JWT_BEARER_GRANT_TYPE, requestedScope: scope, metadata, client: call.client, dpop: ctx.data.dpop !== undefined });
  if (!analysis.ok) return failed(because('outcome.id-jag.no-usable-token'), analysis.findingId, { identityAssertionGrant: grant });
  return ok({ identityAssertionGrant: grant, tokens: analysis.tokens });
}

/**
 * "An MCP Client can determine that a Resource Authorization Server supports this profile by
 * checking for urn:ietf:params:oauth:grant-profile:id-jag in the authorization_grant_profiles_supported
 * field". Few servers list it yet, so its absence is noted and the grant tried all the same.
 */
function checkGrantProfile(ctx: StepContext, metadata: AuthorizationServerMetadata): void {
  const profiles = metadata.authorization_grant_profiles_supported;
  if (Array.isArray(profiles) && profiles.includes(ID_JAG_GRANT_PROFILE)) return;
  ctx.report('id-jag.profile-not-advertised', { params: { profiles: profiles === undefined ? ABSENT : JSON.stringify(profiles) } });
}

/** Decodes the ID token the person gave, to name the IdP client and catch an expired token early. */
function readIdToken(ctx: StepContext, idToken: string): JWTPayload | undefined {
  let claims: JWTPayload;
  try {
    claims = decodeJwt(idToken);
  } catch (error) {
    ctx.report('id-jag.id-token-unreadable', { params: { reason: error instanceof Error ? error.message : String(error) } });
    return undefined;
  }
  if (typeof claims.exp === 'number' && claims.exp * 1000 <= ctx.clock.now()) {
    ctx.report('id-jag.id-token-expired', { params: { exp: numericDateText(claims.exp) } });
  }
  return claims;
}

/**
 * The client's id at the IdP: given, else the ID token's authorized party, else its audience
 * when that is a single client (OpenID Connect Core §2: aud "MUST contain the OAuth 2.0
 * client_id of the Relying Party").
 */
export function idpClientIdFor(input: Pick<IdentityAssertionOptions, 'idpClientId'>, idTokenClaims: JWTPayload | undefined): string | undefined {
  if (input.idpClientId) return input.idpClientId;
  const azp = stringClaim(idTokenClaims, 'azp');
  if (azp) return azp;
  const aud = idTokenClaims?.aud;
  if (typeof aud === 'string' && aud !== '') return aud;
  if (Array.isArray(aud) && aud.length === 1 && typeof aud[0] === 'string') return aud[0];
  return undefined;
}

/**
 * Client authentication at the IdP. The extension's example sends client_id and client_secret in
 * the body, hence the default; without a secret the client is identified by client_id alone.
 */
function idpClientAuthentication(input: IdentityAssertionOptions, clientId: string): oauth.ClientAuth {
  const secret = input.idpClientSecret;
  if (!secret) return oauth.None();
  if (input.idpClientAuthMethod === 'client_secret_basic') {
    return (_as, _client, _body, headers) => {
      headers.set('authorization', basicCredentials(clientId, secret));
    };
  }
  return oauth.ClientSecretPost(secret);
}

type TokenExchangeResult =
  | { ok: true; idJag: string; exchange: Exchange; fields: Partial<IdentityAssertionGrantData> }
  | { ok: false; reason: Reason; findingId?: string };

/**
 * RFC 8693 §2.1 token exchange at the IdP: subject_token = the ID token, requested_token_type =
 * ID-JAG, audience = the authorization server's issuer, resource = the MCP server.
 */
async function exchangeIdToken(
  ctx: StepContext,
  input: IdentityAssertionOptions,
  idTokenClaims: JWTPayload | undefined,
  request: IdJagRequest,
): Promise<TokenExchangeResult> {
  const clientId = idpClientIdFor(input, idTokenClaims);
  if (!clientId) {
    ctx.report('id-jag.idp-client-id-unknown');
    return { ok: false, reason: because('outcome.id-jag.idp-client-id-unknown'), findingId: 'id-jag.idp-client-id-unknown' };
  }
  // The request carries the user's ID token (and maybe a secret): HTTPS only, loopback excepted.
  const endpoint = secureEndpoint(ctx, input.idpTokenEndpoint);
  if (!endpoint.ok) return endpoint;

  const idp: oauth.AuthorizationServer = { issuer: input.idpIssuer ?? endpoint.url.origin, token_endpoint: endpoint.url.href };
  const parameters = new URLSearchParams({
    requested_token_type: ID_JAG_TOKEN_TYPE,
    audience: request.audience,
    ...(request.resource !== undefined ? { resource: request.resource } : {}),
    ...(request.scope ? { scope: request.scope } : {}),
    subject_token: input.idToken,
    subject_token_type: ID_TOKEN_TYPE,
  });
  const { exchange, answered } = await sendThroughLibrary(ctx, exchangeLabel('label.id-jag.exchange'), (customFetch) =>
    oauth.genericTokenEndpointRequest(idp, { client_id: clientId }, idpClientAuthentication(input, clientId), TOKEN_EXCHANGE_GRANT_TYPE, parameters, {
      [oauth.customFetch]: customFetch,
      [oauth.allowInsecureRequests]: endpoint.allowInsecure,
    }),
  );
  if (!answered) {
    reportTransportFailure(ctx, sentExchange(exchange));
    return { ok: false, reason: because('outcome.id-jag.no-answer'), findingId: noAnswerFindingId(exchange.error) };
  }
  return analyzeTokenExchangeResponse(ctx, exchange, { authenticated: Boolean(input.idpClientSecret), clientId });
}

/** RFC 8693 §2.2: a success (§2.2.1) carries the ID-JAG; an error (§2.2.2) is an RFC 6749 §5.2 error. */
function analyzeTokenExchangeResponse(
  ctx: StepContext,
  exchange: Exchange,
  client: { authenticated: boolean; clientId: string },
): TokenExchangeResult {
  const evidence = { exchangeId: exchange.id };
  const sent = sentExchange(exchange);
  if (reportTransportFailure(ctx, sent) || !exchange.response) {
    return { ok: false, reason: because('outcome.id-jag.incomplete-answer'), findingId: noAnswerFindingId(exchange.error) };
  }
  const response = exchange.response;
  const status = String(response.status);
  const refused = (body: Record<string, unknown>): TokenExchangeResult => {
    const description = typeof body.error_description === 'string' ? body.error_description : phrase('value.no-error-description');
    ctx.report('id-jag.exchange-refused', { params: { status, error: String(body.error), description }, evidence });
    return { ok: false, reason: because('outcome.id-jag.exchange-refused', { error: String(body.error) }), findingId: 'id-jag.exchange-refused' };
  };

  if (response.status !== 200) {
    const parsed = parseJsonObject(response.body);
    if (parsed.ok && typeof parsed.value.error === 'string') return refused(parsed.value);
    ctx.report('id-jag.exchange-http-error', { params: { status, url: exchange.request.url }, evidence });
    return { ok: false, reason: because('outcome.id-jag.exchange-http-error', { status: String(status) }), findingId: 'id-jag.exchange-http-error' };
  }
  const body = readJsonDocument(ctx, sent, 'document.token-exchange-response');
  if (!body) return { ok: false, reason: because('outcome.id-jag.not-json'), findingId: 'http.not-json' };
  if (typeof body.error === 'string') return refused(body);

  // RFC 6749 §5.1, which RFC 8693 §2.2.1 builds on: responses with tokens carry "Cache-Control: no-store".
  const cacheControl = headerValue(response, 'cache-control');
  if (!cacheControl || !/(^|,)\s*no-store\s*(,|$)/i.test(cacheControl)) {
    ctx.report('token.cache-control-missing', { params: { value: cacheControl ?? phrase('value.none') }, evidence });
  }

  const idJag = typeof body.access_token === 'string' && body.access_token !== '' ? body.access_token : undefined;
  if (!idJag) {
    ctx.report('id-jag.missing', { evidence });
    return { ok: false, reason: because('outcome.id-jag.missing'), findingId: 'id-jag.missing' };
  }

  const issuedTokenType = typeof body.issued_token_type === 'string' ? body.issued_token_type : undefined;
  if (issuedTokenType === undefined) {
    ctx.report('id-jag.issued-token-type-missing', { evidence });
  } else if (issuedTokenType !== ID_JAG_TOKEN_TYPE) {
    ctx.report('id-jag.not-id-jag', { params: { issuedTokenType }, evidence });
    if (ctx.stopsFlow('id-jag.not-id-jag')) {
      return { ok: false, reason: because('outcome.id-jag.not-id-jag', { tokenType: issuedTokenType }), findingId: 'id-jag.not-id-jag' };
    }
  }

  // RFC 8693 §2.2.1: "If the issued token is not an access token or usable as an access token,
  // then the token_type value N_A is used".
  const tokenType = typeof body.token_type === 'string' ? body.token_type : undefined;
  if (tokenType?.toUpperCase() !== 'N_A') ctx.report('id-jag.token-type-not-n-a', { params: { tokenType: tokenType ?? ABSENT }, evidence });

  if (!client.authenticated) ctx.report('id-jag.idp-accepts-public-client', { params: { clientId: client.clientId }, evidence });

  const fields: Partial<IdentityAssertionGrantData> = {
    ...(issuedTokenType !== undefined ? { issuedTokenType } : {}),
    ...(tokenType !== undefined ? { tokenType } : {}),
    ...(typeof body.expires_in === 'number' ? { expiresIn: body.expires_in } : {}),
    ...(typeof body.scope === 'string' ? { grantedScope: body.scope } : {}),
  };
  return { ok: true, idJag, exchange, fields };
}

export interface IdJagExpectations {
  request: IdJagRequest;
  /** The client's id at the authorization server, which the ID-JAG's client_id must name. */
  clientId: string;
  /** The IdP's issuer, when known (given, or the ID token's iss). */
  idpIssuer?: string;
  exchangeId: string;
}

/**
 * Decodes the ID-JAG and checks, as the authorization server will, what the client can see
 * without the IdP's keys: the typ header and the claims that bind it to this authorization
 * server, MCP server and client (RFC 7523 §3; the profile's aud/resource pairing). An encrypted
 * ID-JAG (for the authorization server's eyes only) is passed on unread.
 */
function inspectIdJag(ctx: StepContext, idJag: string, expect: IdJagExpectations): Pick<IdentityAssertionGrantData, 'header' | 'claims'> {
  const evidence = { exchangeId: expect.exchangeId };
  let header: Record<string, unknown>;
  try {
    header = { ...decodeProtectedHeader(idJag) };
  } catch (error) {
    ctx.report('id-jag.not-jwt', { params: { reason: error instanceof Error ? error.message : String(error) }, evidence });
    return {};
  }
  if (idJag.split('.').length === 5) return { header };

  const typ = typeof header.typ === 'string' ? header.typ.toLowerCase() : undefined;
  // RFC 7515 §4.1.9: the "application/" prefix of a typ media type may be left out.
  if (typ !== ID_JAG_JWT_TYPE && typ !== `application/${ID_JAG_JWT_TYPE}`) {
    ctx.report('id-jag.wrong-typ', { params: { typ: typeof header.typ === 'string' ? header.typ : ABSENT }, evidence });
  }

  let claims: JWTPayload;
  try {
    claims = decodeJwt(idJag);
  } catch (error) {
    ctx.report('id-jag.not-jwt', { params: { reason: error instanceof Error ? error.message : String(error) }, evidence });
    return { header };
  }

  const audiences = typeof claims.aud === 'string' ? [claims.aud] : (claims.aud ?? []);
  if (!audiences.includes(expect.request.audience)) {
    ctx.report('id-jag.audience-mismatch', { params: { aud: audiences.length > 0 ? audiences.join(' ') : ABSENT, issuer: expect.request.audience }, evidence });
  }
  // "the resource claim MUST contain the Resource Identifier of the MCP Server if present".
  const resource = claims.resource;
  if (resource !== undefined && expect.request.resource !== undefined && resource !== expect.request.resource) {
    ctx.report('id-jag.resource-mismatch', { params: { claim: JSON.stringify(resource), resource: expect.request.resource }, evidence });
  }
  const clientId = stringClaim(claims, 'client_id');
  if (clientId !== expect.clientId) {
    ctx.report('id-jag.client-id-mismatch', { params: { claim: clientId ?? ABSENT, clientId: expect.clientId }, evidence });
  }
  const iss = stringClaim(claims, 'iss');
  if (expect.idpIssuer !== undefined && iss !== expect.idpIssuer) {
    ctx.report('id-jag.issuer-mismatch', { params: { iss: iss ?? ABSENT, expected: expect.idpIssuer }, evidence });
  }
  if (typeof claims.exp !== 'number') ctx.report('id-jag.exp-missing', { evidence });
  else if (claims.exp * 1000 <= ctx.clock.now()) ctx.report('id-jag.expired', { params: { exp: numericDateText(claims.exp) }, evidence });

  ctx.report('id-jag.received', {
    params: {
      iss: iss ?? ABSENT,
      sub: stringClaim(claims, 'sub') ?? ABSENT,
      aud: audiences.join(' ') || ABSENT,
      resource: typeof resource === 'string' ? resource : ABSENT,
      clientId: clientId ?? ABSENT,
      exp: typeof claims.exp === 'number' ? numericDateText(claims.exp) : ABSENT,
    },
    evidence,
  });
  return { header, claims: { ...claims } };
}

function stringClaim(claims: JWTPayload | undefined, name: string): string | undefined {
  const value = claims?.[name];
  return typeof value === 'string' ? value : undefined;
}

