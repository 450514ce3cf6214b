/**
 * Token request: the client exchanges the authorization code (PKCE verifier, redirect URI and
 * `resource` included) or, for `client_credentials`, its own credentials for tokens; the
 * `cross-app-access` grant is handed to `identity-assertion-grant.ts` (token exchange at the
 * IdP, then the ID-JAG as a jwt-bearer grant here) by `token-step.ts`, which passes it in so
 * the two modules do not import each other.
 * The answer is checked field by field so every problem shows, then handed to oauth4webapi's
 * strict processor for a second verdict. `refresh` reuses `callTokenEndpoint` and
 * `analyzeTokenResponse`, so both grants are judged by the same rules.
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-4.1.3
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-5.1
 * @see https://modelcontextprotocol.io/specification/2026-07-28/basic/authorization#resource-parameter-implementation
 */
import * as oauth from 'oauth4webapi';
import { because, exchangeLabel, extendLabel } from '../checks/engine-phrases.js';
import { phrase, type PhraseId } from '../checks/finding-phrases.js';
import { clientAuthentication, secureEndpoint } from '../client-authentication.js';
import { createDpopKey, dpopState, withDpop } from '../dpop.js';
import type { AuthorizationServerMetadata, DpopState, TokenData } from '../flow-data.js';
import { JWT_BEARER_GRANT_TYPE, type TokenEndpointAuthMethod } from '../options.js';
import { missingResourceScopes } from '../scope.js';
import { failed, ok, type ExchangeLabel, type Reason, type StepContext, type StepOutput } from '../step.js';
import type { Exchange } from '../types.js';
import { resourceFor, selectScope } from './authorization-request.js';
import { headerValue, parseJsonObject, readJsonDocument, noAnswerFindingId, reportTransportFailure, sentExchange } from './json-document.js';
import { sendThroughLibrary, strictVerdict } from './oauth-library.js';

/** How a grant other than the ones this module speaks obtains its tokens (cross-app access). */
export type DelegatedGrant = (ctx: StepContext, metadata: AuthorizationServerMetadata) => Promise<StepOutput>;

export async function requestTokens(ctx: StepContext, crossAppAccess: DelegatedGrant): Promise<StepOutput> {
  const metadata = ctx.data.authorizationServer?.metadata;
  if (!metadata) return missingPrerequisite(ctx, 'prerequisite.authorization-server-metadata');
  if (!ctx.data.client) return missingPrerequisite(ctx, 'prerequisite.client-registration');

  const grant = ctx.options.grant;
  if (grant === 'cross-app-access') return crossAppAccess(ctx, metadata);
  if (grant === 'jwt-bearer') return requestTokensWithAssertion(ctx, metadata);
  const parameters = new URLSearchParams();
  let requestedScope: string | undefined;
  if (grant === 'client_credentials') {
    requestedScope = scopeWithoutAuthorizationRequest(ctx);
    if (requestedScope) parameters.set('scope', requestedScope);
  } else {
    const request = ctx.data.authorizationRequest;
    if (!request) return missingPrerequisite(ctx, 'prerequisite.authorization-request');
    const response = ctx.data.authorizationResponse;
    if (!response?.code) {
      const reason = response?.error ? `error=${response.error}` : phrase(response ? 'authorization-code.no-code-parameter' : 'authorization-code.no-callback');
      ctx.report('token.no-authorization-code', { params: { reason } });
      return failed(because('outcome.token.no-authorization-code'), 'token.no-authorization-code');
    }
    // RFC 6749 §4.1.3: redirect_uri is required when it was in the authorization request; OAuth 2.1 §4.1.3 adds code_verifier.
    parameters.set('code', response.code);
    parameters.set('redirect_uri', request.redirectUri);
    parameters.set('code_verifier', request.codeVerifier);
    requestedScope = request.scope;
  }
  const resource = tokenRequestResource(ctx);
  if (resource !== undefined) parameters.set('resource', resource);

  const { call, dpop } = await callWithDpop(ctx, metadata, grant, parameters);
  if (!call.ok) return failed(call.reason, call.findingId);
  const analysis = await analyzeTokenResponse(ctx, call.exchange, { grant, requestedScope, metadata, client: call.client, dpop: dpop !== undefined });
  if (!analysis.ok) return failed(because('outcome.token.no-usable-token'), analysis.findingId, dpop ? { dpop } : undefined);
  checkDpopBinding(ctx, call.exchange, analysis.tokens, dpop);
  return ok({ tokens: analysis.tokens, ...(dpop ? { dpop } : {}) });
}

/** The run's DPoP key, made (and said) the first time the run needs one. */
async function useDpop(ctx: StepContext, asked?: DpopState['reason']): Promise<DpopState | undefined> {
  const fresh = ctx.data.dpop === undefined;
  const state = asked && fresh ? await createDpopKey(asked) : await dpopState(ctx);
  if (state && fresh) ctx.report('dpop.used', { params: { reason: phrase(`dpop.reason.${state.reason}`), thumbprint: state.thumbprint } });
  return state;
}

/** The error code of a token endpoint's JSON error answer, if it has one. */
function tokenErrorCode(call: TokenEndpointCall): string | undefined {
  const response = call.ok ? call.exchange.response : undefined;
  if (!response || response.status < 400) return undefined;
  const body = parseJsonObject(response.body);
  return body.ok && typeof body.value.error === 'string' ? body.value.error : undefined;
}

/**
 * A token request with the run's DPoP key when it has one. An authorization server that asks for
 * DPoP (it refuses the request with invalid_dpop_proof or use_dpop_nonce, RFC 9449 §5, §8) gets
 * the request again with a proof, unless the person turned DPoP off. A proof the server still
 * refuses is reported as such.
 */
async function callWithDpop(
  ctx: StepContext,
  metadata: AuthorizationServerMetadata,
  grant: TokenData['grant'],
  parameters: URLSearchParams,
  label?: ExchangeLabel,
): Promise<{ call: TokenEndpointCall; dpop: DpopState | undefined }> {
  let dpop = await useDpop(ctx);
  let call = await callTokenEndpoint(ctx, metadata, grant, parameters, label, dpop);
  const code = tokenErrorCode(call);
  if (!dpop && ctx.options.dpop !== 'off' && (code === 'invalid_dpop_proof' || code === 'use_dpop_nonce')) {
    dpop = await useDpop(ctx, 'authorization-server');
    call = await callTokenEndpoint(ctx, metadata, grant, parameters, extendLabel(label ?? exchangeLabel('label.token.request'), 'label.then.dpop-proof'), dpop);
  }
  const after = tokenErrorCode(call);
  if (dpop && call.ok && (after === 'invalid_dpop_proof' || after === 'use_dpop_nonce')) {
    ctx.report('dpop.proof-rejected', { params: { url: call.exchange.request.url, error: after }, evidence: { exchangeId: call.exchange.id } });
  }
  return { call, dpop };
}

/**
 * A proof was sent, so the token should be bound to the key: `token_type` DPoP (RFC 9449 §5).
 * A Bearer answer means the authorization server ignored the proof, and the resource will see
 * an unbound token.
 */
function checkDpopBinding(ctx: StepContext, exchange: Exchange, tokens: TokenData, dpop: DpopState | undefined): void {
  if (!dpop || tokens.tokenType.toLowerCase() === 'dpop') return;
  ctx.report('dpop.token-not-bound', { params: { tokenType: tokens.tokenType }, evidence: { exchangeId: exchange.id, pointer: '/token_type' } });
}

/**
 * The JWT bearer grant (RFC 7523 §2.1) with an assertion the client holds: workload identity
 * federation, where the workload's platform issued the JWT for this authorization server.
 * One request: a refused assertion is not retried, nor replaced by another grant.
 */
async function requestTokensWithAssertion(ctx: StepContext, metadata: AuthorizationServerMetadata): Promise<StepOutput> {
  const assertion = ctx.options.assertion;
  if (!assertion) return missingPrerequisite(ctx, 'prerequisite.assertion');
  const parameters = new URLSearchParams({ assertion });
  const scope = scopeWithoutAuthorizationRequest(ctx);
  if (scope) parameters.set('scope', scope);
  const resource = tokenRequestResource(ctx);
  if (resource !== undefined) parameters.set('resource', resource);
  const { call, dpop } = await callWithDpop(ctx, metadata, JWT_BEARER_GRANT_TYPE, parameters, exchangeLabel('label.token.workload-identity'));
  if (!call.ok) return failed(call.reason, call.findingId);
  const analysis = await analyzeTokenResponse(ctx, call.exchange, { grant: JWT_BEARER_GRANT_TYPE, requestedScope: scope, metadata, client: call.client, dpop: dpop !== undefined });
  if (!analysis.ok) return failed(because('outcome.token.no-usable-token'), analysis.findingId);
  checkDpopBinding(ctx, call.exchange, analysis.tokens, dpop);
  return ok({ tokens: analysis.tokens, ...(dpop ? { dpop } : {}) });
}

export function missingPrerequisite(ctx: StepContext, what: Extract<PhraseId, `prerequisite.${string}`>): StepOutput {
  ctx.report('token.missing-prerequisite', { params: { what: phrase(what) } });
  return failed(because('outcome.token.missing-prerequisite', { what: phrase(what) }), 'token.missing-prerequisite');
}

/**
 * The `resource` of token requests: the one the authorization request used, else the canonical
 * server URI. "MUST be included in both authorization requests and token requests" (MCP
 * 2025-06-18 on); 2025-03-26 has no resource parameter, and the person may leave it out on
 * purpose (`omitResource`).
 */
export function tokenRequestResource(ctx: StepContext): string | undefined {
  const resource = resourceFor(ctx.spec, ctx.options, ctx.data.protectedResource?.resource);
  if (resource === undefined) return undefined;
  return ctx.data.authorizationRequest?.resource ?? resource;
}

/**
 * Scope of a grant without an authorization request (client_credentials, cross-app-access): the
 * authorization request's scope selection strategy (401 challenge scope, else PRM
 * scopes_supported; on step-up the union with the previous scope), without offline_access,
 * since these grants do not ask for refresh tokens (RFC 6749 §4.4.3).
 */
export function scopeWithoutAuthorizationRequest(ctx: StepContext): string | undefined {
  return selectScope({
    spec: ctx.spec,
    options: { refresh: false, ...(ctx.options.scope !== undefined ? { scope: ctx.options.scope } : {}) },
    ...(ctx.data.stepUpScope !== undefined ? { stepUpScope: ctx.data.stepUpScope } : {}),
    ...(ctx.data.tokens?.scope !== undefined ? { previousScope: ctx.data.tokens.scope } : {}),
    ...(ctx.data.probe?.challengeScope !== undefined ? { challengeScope: ctx.data.probe.challengeScope } : {}),
    ...(ctx.data.protectedResource?.scopesSupported ? { resourceScopesSupported: ctx.data.protectedResource.scopesSupported } : {}),
  }).scope;
}

/** The method the client authenticates with: forced by the person, else what registration settled. */
export function tokenEndpointAuthMethod(ctx: StepContext): TokenEndpointAuthMethod | undefined {
  return ctx.options.tokenEndpointAuthMethod ?? ctx.data.client?.tokenEndpointAuthMethod;
}

/** The metadata fields oauth4webapi reads, typed as it wants them. */
export function oauthServer(metadata: AuthorizationServerMetadata): oauth.AuthorizationServer {
  const idTokenAlgs = metadata.id_token_signing_alg_values_supported;
  return {
    issuer: metadata.issuer,
    ...(metadata.token_endpoint ? { token_endpoint: metadata.token_endpoint } : {}),
    ...(metadata.introspection_endpoint ? { introspection_endpoint: metadata.introspection_endpoint } : {}),
    ...(metadata.jwks_uri ? { jwks_uri: metadata.jwks_uri } : {}),
    ...(Array.isArray(idTokenAlgs) && idTokenAlgs.every((alg) => typeof alg === 'string')
      ? { id_token_signing_alg_values_supported: idTokenAlgs }
      : {}),
  };
}

export type TokenEndpointCall =
  | { ok: true; exchange: Exchange; client: oauth.Client }
  | { ok: false; reason: Reason; findingId?: string };

/**
 * Sends one token endpoint request (RFC 6749 §3.2) with the client's authentication method,
 * recorded through `ctx.http`. Nothing is sent to a non-HTTPS endpoint off loopback, since the
 * request carries a code, a secret or a refresh token.
 */
export async function callTokenEndpoint(
  ctx: StepContext,
  metadata: AuthorizationServerMetadata,
  grant: TokenData['grant'],
  parameters: URLSearchParams,
  label = exchangeLabel(grant === 'refresh_token' ? 'label.token.refresh' : 'label.token.request'),
  dpop: DpopState | undefined = ctx.data.dpop,
): Promise<TokenEndpointCall> {
  const client = ctx.data.client;
  if (!client) return { ok: false, reason: because('outcome.token.no-client') };
  if (!metadata.token_endpoint) {
    ctx.report('token.no-token-endpoint');
    return { ok: false, reason: because('outcome.token.no-token-endpoint'), findingId: 'token.no-token-endpoint' };
  }
  const endpoint = secureEndpoint(ctx, metadata.token_endpoint);
  if (!endpoint.ok) return endpoint;

  const method = tokenEndpointAuthMethod(ctx) ?? client.tokenEndpointAuthMethod;
  const clientSecret = client.clientSecret ?? ctx.options.clientSecret;
  const auth = await clientAuthentication(ctx, { clientId: client.clientId, method, ...(clientSecret ? { clientSecret } : {}) }, metadata);
  if (!auth.ok) return auth;

  // DPoP: a proof on the token request binds the token to the run's key (RFC 9449 §5).
  const tokenEndpoint = metadata.token_endpoint;
  const http = dpop
    ? withDpop(ctx.http, {
        state: dpop,
        applies: (url) => url === tokenEndpoint,
        clock: ctx.clock,
        random: ctx.random,
        onNonce: (sent) => ctx.report('dpop.nonce-required', { params: { url: sent.exchange.request.url }, evidence: { exchangeId: sent.exchange.id } }),
      })
    : ctx.http;
  const { exchange, answered } = await sendThroughLibrary(
    ctx,
    label,
    (customFetch) =>
      oauth.genericTokenEndpointRequest(oauthServer(metadata), auth.client, auth.clientAuth, grant, parameters, {
        [oauth.customFetch]: customFetch,
        [oauth.allowInsecureRequests]: endpoint.allowInsecure,
      }),
    http,
  );
  if (!answered) {
    reportTransportFailure(ctx, sentExchange(exchange));
    return { ok: false, reason: because('outcome.token.no-answer'), findingId: noAnswerFindingId(exchange.error) };
  }
  return { ok: true, exchange, client: auth.client };
}

export interface TokenResponseExpectations {
  grant: TokenData['grant'];
  /** True when the request carried a DPoP proof. */
  dpop?: boolean;
  /** The scope the client asked for (for authorization_code: in the authorization request). */
  requestedScope: string | undefined;
  metadata: AuthorizationServerMetadata;
  client: oauth.Client;
}

export type TokenResponseAnalysis = { ok: true; tokens: TokenData } | { ok: false; findingId: string };

/**
 * Checks a token endpoint answer (RFC 6749 §5.1 success, §5.2 error) and reports every problem.
 * Gives the tokens when there is an access token a lenient client could use, else the finding
 * that says why there is none.
 */
export async function analyzeTokenResponse(ctx: StepContext, exchange: Exchange, expect: TokenResponseExpectations): Promise<TokenResponseAnalysis> {
  const evidence = { exchangeId: exchange.id };
  const sent = sentExchange(exchange);
  if (reportTransportFailure(ctx, sent) || !exchange.response) {
    return { ok: false, findingId: noAnswerFindingId(exchange.error) };
  }
  const response = exchange.response;
  const status = String(response.status);

  if (response.status !== 200) {
    const parsed = parseJsonObject(response.body);
    if (parsed.ok && typeof parsed.value.error === 'string') {
      ctx.report('token.error-response', { params: oauthErrorParams(status, parsed.value), evidence: { ...evidence, pointer: '/error' } });
      return { ok: false, findingId: 'token.error-response' };
    }
    ctx.report('token.http-error', { params: { status, url: exchange.request.url }, evidence });
    return { ok: false, findingId: 'token.http-error' };
  }

  const body = readJsonDocument(ctx, sent, 'document.token-response');
  if (!body) return { ok: false, findingId: 'http.not-json' };
  if (typeof body.error === 'string') {
    ctx.report('token.error-response', { params: oauthErrorParams(status, body), evidence: { ...evidence, pointer: '/error' } });
    return { ok: false, findingId: 'token.error-response' };
  }

  // RFC 6749 §5.1: "The authorization server MUST include the HTTP "Cache-Control" response
  // header field with a value of "no-store" in any response containing tokens".
  const cacheControl = headerValue(response, 'cache-control');
  if (!cacheControl || !/(^|,)\s*no-store\s*(,|$)/i.test(cacheControl)) {
    ctx.report('token.cache-control-missing', { params: { value: cacheControl ?? phrase('value.none') }, evidence: { ...evidence, pointer: 'header:cache-control' } });
  }

  const accessToken = typeof body.access_token === 'string' && body.access_token.length > 0 ? body.access_token : undefined;
  if (!accessToken) ctx.report('token.missing-access-token', { evidence: { ...evidence, pointer: '/access_token' } });

  const tokenType = typeof body.token_type === 'string' ? body.token_type : undefined;
  if (!tokenType) ctx.report('token.missing-token-type', { evidence: { ...evidence, pointer: '/token_type' } });
  // A proof went with the request (the run uses DPoP): a DPoP token is what was asked for.
  else if (tokenType.toLowerCase() !== 'bearer' && !(expect.dpop && tokenType.toLowerCase() === 'dpop')) ctx.report('token.not-bearer', { params: { tokenType }, evidence: { ...evidence, pointer: '/token_type' } });

  let expiresIn: number | undefined;
  if (body.expires_in === undefined) {
    ctx.report('token.missing-expires-in', { evidence: { ...evidence, pointer: '/expires_in' } });
  } else if (typeof body.expires_in !== 'number' || !Number.isFinite(body.expires_in) || body.expires_in <= 0) {
    ctx.report('token.invalid-expires-in', { params: { value: JSON.stringify(body.expires_in) }, evidence: { ...evidence, pointer: '/expires_in' } });
  } else {
    expiresIn = body.expires_in;
  }

  const refreshToken = typeof body.refresh_token === 'string' && body.refresh_token.length > 0 ? body.refresh_token : undefined;
  if (expect.grant === JWT_BEARER_GRANT_TYPE) {
    // Without a refresh token the client presents a new ID-JAG, with no user involved, so only an issued one is news.
    if (refreshToken) ctx.report('token.refresh-token-issued', { evidence });
  } else if (expect.grant !== 'refresh_token') {
    if (refreshToken && expect.grant === 'client_credentials') ctx.report('token.refresh-token-for-client-credentials', { evidence });
    else ctx.report(refreshToken ? 'token.refresh-token-issued' : 'token.no-refresh-token', { evidence });
  }

  // RFC 6749 §5.1: scope is "OPTIONAL, if identical to the scope requested by the client; otherwise, REQUIRED".
  const grantedScope = typeof body.scope === 'string' ? body.scope : undefined;
  if (grantedScope !== undefined && expect.requestedScope) {
    const missing = missingResourceScopes(expect.requestedScope, grantedScope);
    if (missing.length > 0) {
      ctx.report('token.scope-narrowed', {
        params: { requested: expect.requestedScope, granted: grantedScope || phrase('value.none'), missing: missing.join(' ') },
        evidence: { ...evidence, pointer: '/scope' },
      });
    }
  }

  // The strict processor would only repeat what is reported above; ask it when nothing was.
  const clean = accessToken && tokenType?.toLowerCase() === 'bearer' && (body.expires_in === undefined || expiresIn !== undefined);
  if (clean) await reportStrictVerdict(ctx, exchange, expect);
  if (!accessToken) return { ok: false, findingId: 'token.missing-access-token' };

  const scope = grantedScope ?? expect.requestedScope;
  const tokens: TokenData = {
    accessToken,
    tokenType: tokenType ?? 'Bearer',
    ...(expiresIn !== undefined ? { expiresIn } : {}),
    receivedAt: new Date(ctx.clock.now()).toISOString(),
    ...(refreshToken ? { refreshToken } : {}),
    ...(typeof body.id_token === 'string' ? { idToken: body.id_token } : {}),
    ...(scope ? { scope } : {}),
    grant: expect.grant,
  };
  return { ok: true, tokens };
}

function oauthErrorParams(status: string, body: Record<string, unknown>): Record<string, string> {
  return {
    status,
    error: String(body.error),
    description: typeof body.error_description === 'string' ? body.error_description : phrase('value.no-error-description'),
  };
}

/**
 * oauth4webapi's processor for the grant, as a second, spec-strict opinion on a response that
 * passed the checks above (ID token claims, value types). Its first objection becomes a warning.
 */
async function reportStrictVerdict(ctx: StepContext, exchange: Exchange, expect: TokenResponseExpectations): Promise<void> {
  const as = oauthServer(expect.metadata);
  // Align oauth4webapi's clock (ID token exp/iat) with the injected one.
  const client: oauth.Client = { ...expect.client, [oauth.clockSkew]: Math.round((ctx.clock.now() - Date.now()) / 1000) };
  const message = await strictVerdict(exchange, (response) => {
    if (expect.grant === 'authorization_code') return oauth.processAuthorizationCodeResponse(as, client, response);
    if (expect.grant === 'client_credentials') return oauth.processClientCredentialsResponse(as, client, response);
    if (expect.grant === JWT_BEARER_GRANT_TYPE) return oauth.processGenericTokenEndpointResponse(as, client, response);
    return oauth.processRefreshTokenResponse(as, client, response);
  });
  if (message !== undefined) ctx.report('token.strict-check-failed', { params: { message }, evidence: { exchangeId: exchange.id } });
}
