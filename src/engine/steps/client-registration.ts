/**
 * Client registration: how the debugger gets a `client_id` at the chosen authorization server.
 * Three paths, pre-registration, a Client ID Metadata Document (CIMD) or Dynamic Client
 * Registration (RFC 7591), chosen by the person or by the spec's priority order.
 *
 * @see https://modelcontextprotocol.io/specification/2026-07-28/basic/authorization/client-registration
 * @see https://modelcontextprotocol.io/specification/2025-11-25/basic/authorization#client-registration-approaches
 * @see https://modelcontextprotocol.io/specification/2025-06-18/basic/authorization#dynamic-client-registration
 */
import { processDynamicClientRegistrationResponse } from 'oauth4webapi';
import { isLoopbackUrl } from '../canonical-uri.js';
import { because, exchangeLabel } from '../checks/engine-phrases.js';
import { phrase } from '../checks/finding-phrases.js';
import type { AuthorizationServerMetadata, ClientData } from '../flow-data.js';
import { OAUTH_GRANT_TYPES, type FlowOptions, type JsonWebKeyWithAlg, type TokenEndpointAuthMethod } from '../options.js';
import { splitScope } from '../scope.js';
import { failed, ok, type ExchangeLabel, type SentExchange, type StepContext, type StepDefinition, type StepOutput } from '../step.js';
import type { SpecVersion } from '../types.js';
import { parseJsonObject, readJsonDocument, noAnswerFindingId, reportTransportFailure } from './json-document.js';
import { selectScope } from './authorization-request.js';
import { strictVerdict } from './oauth-library.js';

export type RegistrationPath = ClientData['method'];

const KNOWN_AUTH_METHODS: readonly TokenEndpointAuthMethod[] = ['client_secret_basic', 'client_secret_post', 'none', 'private_key_jwt'];
const SECRET_METHODS: readonly string[] = ['client_secret_basic', 'client_secret_post', 'client_secret_jwt'];

/** CIMD entered the spec in 2025-11-25; earlier versions know pre-registration and DCR only. */
function specKnowsCimd(spec: SpecVersion): boolean {
  return spec !== '2025-03-26' && spec !== '2025-06-18';
}

/**
 * The registration path for a run. A forced mode is returned as is (its prerequisites are
 * checked when it runs); `auto` follows the spec's priority:
 * "1. Use pre-registered client information for the server if the client has it available
 *  2. Use Client ID Metadata Documents if the Authorization Server indicates that it supports them
 *  3. Use Dynamic Client Registration as a fallback if the Authorization Server supports it"
 * Undefined when no path is open (the spec's step 4: ask the person for client information).
 */
export function selectRegistrationPath(
  options: Pick<FlowOptions, 'registration' | 'clientId' | 'clientMetadataUrl' | 'grant' | 'privateKeyJwk'>,
  spec: SpecVersion,
  metadata: AuthorizationServerMetadata,
): RegistrationPath | undefined {
  if (options.registration !== 'auto') return options.registration;
  if (options.clientId) return 'pre';
  const cimdUsable =
    specKnowsCimd(spec) &&
    metadata.client_id_metadata_document_supported === true &&
    options.clientMetadataUrl !== undefined &&
    // A metadata document cannot carry a shared secret, so a machine client needs its own key.
    (options.grant === 'authorization_code' || options.privateKeyJwk !== undefined);
  if (cimdUsable) return 'cimd';
  if (typeof metadata.registration_endpoint === 'string' && metadata.registration_endpoint !== '') return 'dcr';
  return undefined;
}

/**
 * 2026-07-28, "Application Type and Redirect URI Constraints": "Native applications (desktop
 * applications, mobile apps, CLI tools, and locally-hosted web applications accessed via
 * localhost) SHOULD use application_type: "native"; Web applications (remote browser-based
 * applications served from a non-local host) SHOULD use application_type: "web"".
 */
export function applicationTypeFor(redirectUri: string): 'native' | 'web' {
  if (!URL.canParse(redirectUri)) return 'native';
  const url = new URL(redirectUri);
  // A private-use scheme (com.example.app:/callback) is a native app's redirect (RFC 8252 §7.1).
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return 'native';
  return isLoopbackUrl(url) ? 'native' : 'web';
}

/**
 * The `token_endpoint_auth_method` asked for in a registration request: the forced one, else
 * a public client (`none`: the debugger is a local app using PKCE) where the authorization
 * server accepts it, else the secret-based method it advertises.
 */
export function requestedAuthMethod(
  options: Pick<FlowOptions, 'tokenEndpointAuthMethod' | 'privateKeyJwk' | 'grant'>,
  supported: readonly string[] | undefined,
): TokenEndpointAuthMethod {
  if (options.tokenEndpointAuthMethod) return options.tokenEndpointAuthMethod;
  if (options.privateKeyJwk) return 'private_key_jwt';
  const secretMethod: TokenEndpointAuthMethod =
    supported && !supported.includes('client_secret_basic') && supported.includes('client_secret_post') ? 'client_secret_post' : 'client_secret_basic';
  // A public client cannot use the client credentials grant (OAuth 2.1 §4.2).
  if (options.grant === 'client_credentials') return secretMethod;
  if (!supported || supported.includes('none')) return 'none';
  return secretMethod;
}

export interface AuthMethodChoice {
  /** `options.tokenEndpointAuthMethod`. */
  forced?: TokenEndpointAuthMethod;
  /** The method the registration recorded (DCR response, CIMD document). */
  registered?: TokenEndpointAuthMethod;
  /** The authorization server's `token_endpoint_auth_methods_supported`. */
  supported?: readonly string[];
  hasSecret: boolean;
  hasPrivateKey: boolean;
}

/**
 * How the client authenticates at the token endpoint: forced, else as registered, else the
 * best method the authorization server advertises for the credentials at hand.
 */
export function chooseTokenEndpointAuthMethod(choice: AuthMethodChoice): TokenEndpointAuthMethod {
  if (choice.forced) return choice.forced;
  if (choice.registered) return choice.registered;
  // RFC 8414 §2: "If omitted, the default is client_secret_basic".
  const supported = choice.supported ?? ['client_secret_basic'];
  if (choice.hasPrivateKey && supported.includes('private_key_jwt')) return 'private_key_jwt';
  if (choice.hasSecret) {
    if (supported.includes('client_secret_basic')) return 'client_secret_basic';
    if (supported.includes('client_secret_post')) return 'client_secret_post';
    // OAuth 2.1 §2.4.1: the authorization server "MUST support the HTTP Basic authentication
    // scheme for authenticating clients that were issued a client password".
    return 'client_secret_basic';
  }
  if (choice.hasPrivateKey) return 'private_key_jwt';
  return 'none';
}

/** RFC 7591 §2 client metadata sent to the registration endpoint. */
export function buildRegistrationRequest(
  options: FlowOptions,
  spec: SpecVersion,
  metadata: AuthorizationServerMetadata,
  scope: string | undefined = options.scope,
): Record<string, unknown> {
  const authMethod = requestedAuthMethod(options, metadata.token_endpoint_auth_methods_supported);
  const body: Record<string, unknown> = { client_name: options.clientName };
  if (options.grant !== 'authorization_code') {
    // No redirect in these grants (client_credentials; cross-app-access's jwt-bearer): no redirect URI, no response type.
    body.grant_types = [OAUTH_GRANT_TYPES[options.grant]];
    body.response_types = [];
  } else {
    body.redirect_uris = [options.redirectUri];
    // 2026-07-28, Refresh Tokens: clients that desire refresh tokens "SHOULD include
    // refresh_token in their grant_types client metadata".
    body.grant_types = options.refresh ? ['authorization_code', 'refresh_token'] : ['authorization_code'];
    body.response_types = ['code'];
  }
  body.token_endpoint_auth_method = authMethod;
  if (authMethod === 'private_key_jwt' && options.privateKeyJwk) body.jwks = { keys: [publicJwk(options.privateKeyJwk)] };
  if (scope) body.scope = scope;
  // "MCP clients MUST specify an appropriate application_type during Dynamic Client Registration."
  if (spec === '2026-07-28') body.application_type = applicationTypeFor(options.redirectUri);
  return body;
}

/** The public half of a private JWK (RFC 7517 §4, RFC 7518 §6): what a registration may publish. */
function publicJwk(jwk: JsonWebKeyWithAlg): Record<string, unknown> {
  const publicMembers = ['kty', 'crv', 'x', 'y', 'n', 'e', 'kid', 'alg'] as const;
  const result: Record<string, unknown> = { use: 'sig' };
  for (const member of publicMembers) {
    const value = jwk[member];
    if (value !== undefined) result[member] = value;
  }
  return result;
}

export const clientRegistrationStep: StepDefinition = {
  id: 'client-registration',
  async run(ctx) {
    const as = ctx.data.authorizationServer;
    if (!as) return failed(because('outcome.registration.no-metadata'));
    const metadata = as.metadata;
    const path = selectRegistrationPath(ctx.options, ctx.spec, metadata);
    if (!path) {
      ctx.report('registration.no-path', { params: { issuer: metadata.issuer } });
      return failed(because('outcome.registration.no-path'), 'registration.no-path');
    }
    if (path === 'pre') return usePreRegistered(ctx, metadata);
    if (path === 'cimd') return useClientIdMetadataDocument(ctx, metadata);
    return registerDynamically(ctx, metadata);
  },
};

async function usePreRegistered(ctx: StepContext, metadata: AuthorizationServerMetadata): Promise<StepOutput> {
  const { clientId, clientSecret } = ctx.options;
  if (!clientId) {
    ctx.report('registration.pre-client-id-missing');
    return failed(because('outcome.registration.pre-client-id-missing'), 'registration.pre-client-id-missing');
  }
  // "Pre-registered credentials are inherently specific to a particular authorization server. If
  // the authorization server ... no longer matches the one the credentials were registered with,
  // clients SHOULD surface an error rather than silently attempting to use mismatched credentials."
  const earlier = ctx.data.client;
  if (earlier?.method === 'pre' && earlier.issuer !== undefined && earlier.issuer !== metadata.issuer) {
    ctx.report('registration.pre-registered-elsewhere', { params: { clientId, issuer: earlier.issuer, newIssuer: metadata.issuer } });
    return failed(because('outcome.registration.pre-registered-elsewhere', { clientId, registeredAt: earlier.issuer, issuer: metadata.issuer }), 'registration.pre-registered-elsewhere');
  }
  ctx.report('registration.using-pre-registered', { params: { clientId, issuer: metadata.issuer } });
  return finishClient(ctx, metadata, { method: 'pre', clientId, ...(clientSecret ? { clientSecret } : {}) });
}

/**
 * CIMD: the client_id is the HTTPS URL of a document the client hosts. The authorization
 * server fetches it; the debugger fetches it too, to check what the server will see.
 */
async function useClientIdMetadataDocument(ctx: StepContext, metadata: AuthorizationServerMetadata): Promise<StepOutput> {
  const documentUrl = ctx.options.clientMetadataUrl;
  if (!documentUrl) {
    ctx.report('registration.cimd-url-missing');
    return failed(because('outcome.registration.cimd-url-missing'), 'registration.cimd-url-missing');
  }
  if (!specKnowsCimd(ctx.spec)) ctx.report('registration.cimd-not-in-spec-version', { params: { spec: ctx.spec } });
  if (metadata.client_id_metadata_document_supported !== true) {
    ctx.report('registration.cimd-unsupported', { params: { issuer: metadata.issuer } });
  }

  // "The client_id URL MUST use the "https" scheme and contain a path component".
  const parsed = URL.canParse(documentUrl) ? new URL(documentUrl) : undefined;
  if (!parsed || parsed.protocol !== 'https:' || parsed.pathname === '/' || parsed.pathname === '') {
    ctx.report('registration.cimd-url-invalid', { params: { url: documentUrl } });
    if (ctx.stopsFlow('registration.cimd-url-invalid') || !parsed) {
      return failed(because('outcome.registration.cimd-url-invalid', { url: documentUrl }), 'registration.cimd-url-invalid');
    }
  }

  const sent = await ctx.http.send({ url: documentUrl, headers: [['accept', 'application/json']] }, exchangeLabel('label.registration.cimd'));
  let registeredMethod: TokenEndpointAuthMethod | undefined;
  if (!reportTransportFailure(ctx, sent) && sent.response) {
    const evidence = { exchangeId: sent.exchange.id };
    if (sent.response.status < 200 || sent.response.status > 299) {
      ctx.report('registration.cimd-document-unavailable', { params: { url: documentUrl, status: String(sent.response.status) }, evidence });
    } else {
      const document = readJsonDocument(ctx, sent, 'document.client-id-metadata');
      if (document) registeredMethod = checkMetadataDocument(ctx, document, documentUrl, evidence);
    }
  }
  ctx.report('registration.using-cimd', { params: { clientId: documentUrl, issuer: metadata.issuer } });
  return finishClient(ctx, metadata, { method: 'cimd', clientId: documentUrl, ...(registeredMethod ? { registeredMethod } : {}) });
}

/** Checks a fetched metadata document as the authorization server will; returns its auth method. */
function checkMetadataDocument(
  ctx: StepContext,
  document: Record<string, unknown>,
  documentUrl: string,
  evidence: { exchangeId: string },
): TokenEndpointAuthMethod | undefined {
  // "The metadata document MUST include at least the following properties: client_id, client_name, redirect_uris"
  for (const field of ['client_id', 'client_name', 'redirect_uris'] as const) {
    if (document[field] === undefined) ctx.report('registration.cimd-field-missing', { params: { field }, evidence: { ...evidence, pointer: `/${field}` } });
  }
  // "Clients MUST ensure the client_id value in the metadata matches the document URL exactly"
  if (document.client_id !== undefined && document.client_id !== documentUrl) {
    ctx.report('registration.cimd-client-id-mismatch', {
      params: { url: documentUrl, clientId: String(document.client_id) },
      evidence: { ...evidence, pointer: '/client_id' },
    });
  }
  const redirectUris = stringArray(document.redirect_uris);
  if (ctx.options.grant === 'authorization_code' && document.redirect_uris !== undefined && !redirectUris.includes(ctx.options.redirectUri)) {
    ctx.report('registration.cimd-redirect-uri-missing', {
      params: { redirectUri: ctx.options.redirectUri, registered: redirectUris.join(' ') || phrase('value.none') },
      evidence: { ...evidence, pointer: '/redirect_uris' },
    });
  }
  checkRefreshGrant(ctx, document, evidence);
  const method = document.token_endpoint_auth_method;
  // A metadata document is public, so it cannot carry a shared secret; such a method is
  // reported and not used (the choice falls back to what the client can do without one).
  if (document.client_secret !== undefined || (typeof method === 'string' && SECRET_METHODS.includes(method))) {
    ctx.report('registration.cimd-shared-secret', { params: { method: String(method ?? 'client_secret') }, evidence });
    return undefined;
  }
  if (method === undefined) return undefined;
  return knownAuthMethod(ctx.report, method, evidence);
}

/** 2026-07-28, Refresh Tokens: clients that desire refresh tokens "SHOULD include refresh_token in their grant_types". */
function checkRefreshGrant(ctx: StepContext, document: Record<string, unknown>, evidence: { exchangeId: string }): void {
  if (!ctx.options.refresh || ctx.options.grant !== 'authorization_code') return;
  // RFC 7591 §2: "If omitted, the default behavior is that the client will use only the "authorization_code" Grant Type."
  const grantTypes = document.grant_types === undefined ? ['authorization_code'] : stringArray(document.grant_types);
  if (!grantTypes.includes('refresh_token')) {
    ctx.report('registration.metadata-no-refresh-grant', { params: { grantTypes: grantTypes.join(' ') || phrase('value.none') }, evidence: { ...evidence, pointer: '/grant_types' } });
  }
}

/** RFC 7591 registration: POST the client metadata, read back the client information. */
async function registerDynamically(ctx: StepContext, metadata: AuthorizationServerMetadata): Promise<StepOutput> {
  const endpoint = metadata.registration_endpoint;
  if (typeof endpoint !== 'string' || endpoint === '') {
    ctx.report('registration.dcr-unsupported', { params: { issuer: metadata.issuer } });
    return failed(because('outcome.registration.dcr-unsupported'), 'registration.dcr-unsupported');
  }
  ctx.report('registration.dcr-deprecated');

  // Like the MCP SDKs' clients, register for the scope the authorization request will ask for.
  const scope = registrationScope(ctx, metadata);
  let body = buildRegistrationRequest(ctx.options, ctx.spec, metadata, scope);
  let sent = await sendRegistration(ctx, endpoint, body, exchangeLabel('label.registration.dcr'));
  if (!sent.response) {
    reportTransportFailure(ctx, sent);
    return failed(because('outcome.registration.no-answer', { endpoint }), noAnswerFindingId(sent.error));
  }
  // What the metadata promises, the registration must accept: a scope listed in scopes_supported
  // that makes registration fail breaks every client that registers for it (the MCP Inspector does).
  if (scope && isRefusal(sent) && splitScope(scope).every((s) => metadata.scopes_supported?.includes(s) === true)) {
    ctx.report('registration.advertised-scope-refused', { params: { url: endpoint, scope, ...registrationError(sent) }, evidence: { exchangeId: sent.exchange.id } });
    body = buildRegistrationRequest(ctx.options, ctx.spec, metadata, '');
    sent = await sendRegistration(ctx, endpoint, body, exchangeLabel('label.registration.dcr-without-scope'));
  }
  if (reportTransportFailure(ctx, sent) || !sent.response) {
    return failed(because('outcome.registration.no-answer', { endpoint }), noAnswerFindingId(sent.error));
  }
  const response = sent.response;
  const evidence = { exchangeId: sent.exchange.id };

  // RFC 7591 §3.2.2: errors are 400 with a JSON body { error, error_description }.
  if (response.status < 200 || response.status > 299) {
    const applicationType = typeof body.application_type === 'string' ? body.application_type : phrase('value.not-sent');
    const { error, description } = registrationError(sent);
    ctx.report('registration.dcr-rejected', { params: { url: endpoint, status: String(response.status), error, description, applicationType }, evidence });
    return failed(because('outcome.registration.dcr-rejected', { status: String(response.status), error }), 'registration.dcr-rejected');
  }
  // Counts what this response is found guilty of, so the library's verdict is only asked for more.
  let problems = 0;
  const report: StepContext['report'] = (id, input) => {
    problems++;
    ctx.report(id, input);
  };
  // RFC 7591 §3.2.1: "The server responds with an HTTP 201 Created status code".
  if (response.status !== 201) report('registration.dcr-status-not-201', { params: { status: String(response.status) }, evidence });

  const information = readJsonDocument(ctx, sent, 'document.registration-response');
  if (!information) return failed(because('outcome.registration.not-json'), 'http.not-json');

  const clientId = information.client_id;
  if (typeof clientId !== 'string' || clientId === '') {
    report('registration.dcr-client-id-missing', { evidence: { ...evidence, pointer: '/client_id' } });
    return failed(because('outcome.registration.dcr-client-id-missing'), 'registration.dcr-client-id-missing');
  }

  if (ctx.options.grant === 'authorization_code') {
    // RFC 7591 §3.2.1: the response "MUST contain all registered metadata about the client,
    // including any fields provisioned by the authorization server itself".
    if (information.redirect_uris === undefined) {
      report('registration.dcr-redirect-uris-not-echoed', { evidence });
    } else if (!stringArray(information.redirect_uris).includes(ctx.options.redirectUri)) {
      report('registration.dcr-redirect-uri-replaced', {
        params: { redirectUri: ctx.options.redirectUri, registered: stringArray(information.redirect_uris).join(' ') || phrase('value.none') },
        evidence: { ...evidence, pointer: '/redirect_uris' },
      });
    }
  }

  const secret = typeof information.client_secret === 'string' && information.client_secret !== '' ? information.client_secret : undefined;
  // RFC 7591 §3.2.1: client_secret_expires_at is "REQUIRED if client_secret is issued".
  if (secret !== undefined && typeof information.client_secret_expires_at !== 'number') {
    report('registration.dcr-secret-expiry-missing', { evidence: { ...evidence, pointer: '/client_secret_expires_at' } });
  }
  const requested = typeof body.token_endpoint_auth_method === 'string' ? body.token_endpoint_auth_method : undefined;
  const registeredRaw = information.token_endpoint_auth_method ?? requested;
  const registeredMethod = registeredRaw === undefined ? undefined : knownAuthMethod(report, registeredRaw, { ...evidence, pointer: '/token_endpoint_auth_method' });
  if (registeredMethod && registeredMethod !== requested && requested !== undefined) {
    report('registration.dcr-auth-method-changed', { params: { requested, registered: registeredMethod }, evidence });
  }

  // oauth4webapi's processor as a second, strict verdict on anything the checks above missed.
  if (problems === 0) {
    const verdict = await strictVerdict(sent, processDynamicClientRegistrationResponse);
    if (verdict) ctx.report('registration.dcr-library-rejected', { params: { message: verdict }, evidence });
  }

  ctx.report('registration.using-dcr', { params: { clientId, issuer: metadata.issuer } });
  return finishClient(ctx, metadata, {
    method: 'dcr',
    clientId,
    ...(secret ? { clientSecret: secret } : {}),
    ...(registeredMethod ? { registeredMethod } : {}),
    registration: withoutSecrets(information),
  });
}

interface ObtainedClient {
  method: RegistrationPath;
  clientId: string;
  clientSecret?: string;
  registeredMethod?: TokenEndpointAuthMethod;
  registration?: Record<string, unknown>;
}

/** Picks the token endpoint authentication method and checks the credentials it needs. */
function finishClient(ctx: StepContext, metadata: AuthorizationServerMetadata, obtained: ObtainedClient): StepOutput {
  const { options } = ctx;
  const supported = metadata.token_endpoint_auth_methods_supported;
  const method = chooseTokenEndpointAuthMethod({
    ...(options.tokenEndpointAuthMethod ? { forced: options.tokenEndpointAuthMethod } : {}),
    ...(obtained.registeredMethod ? { registered: obtained.registeredMethod } : {}),
    ...(supported ? { supported } : {}),
    hasSecret: obtained.clientSecret !== undefined,
    hasPrivateKey: options.privateKeyJwk !== undefined,
  });

  if (Array.isArray(supported) && !supported.includes(method)) {
    ctx.report('registration.auth-method-unsupported', { params: { method, supported: supported.join(' ') || phrase('value.none') } });
  }
  const missingCredential =
    (SECRET_METHODS.includes(method) && obtained.clientSecret === undefined) || (method === 'private_key_jwt' && options.privateKeyJwk === undefined);
  if (missingCredential) {
    ctx.report('registration.auth-method-missing-credential', { params: { method, clientId: obtained.clientId } });
  }
  if (options.grant === 'client_credentials' && method === 'none') {
    ctx.report('registration.client-credentials-public');
    if (ctx.stopsFlow('registration.client-credentials-public')) {
      return failed(because('outcome.registration.client-credentials-public'), 'registration.client-credentials-public');
    }
  }

  const client: ClientData = {
    method: obtained.method,
    clientId: obtained.clientId,
    issuer: metadata.issuer,
    ...(obtained.clientSecret !== undefined ? { clientSecret: obtained.clientSecret } : {}),
    tokenEndpointAuthMethod: method,
    redirectUri: options.redirectUri,
    ...(obtained.registration ? { registration: obtained.registration } : {}),
  };
  if (missingCredential && ctx.stopsFlow('registration.auth-method-missing-credential')) {
    return failed(because('outcome.registration.auth-method-missing-credential', { method }), 'registration.auth-method-missing-credential', { client });
  }
  return ok({ client });
}

function knownAuthMethod(
  report: StepContext['report'],
  value: unknown,
  evidence: { exchangeId: string; pointer?: string },
): TokenEndpointAuthMethod | undefined {
  const known = KNOWN_AUTH_METHODS.find((m) => m === value);
  if (!known) report('registration.auth-method-unusable', { params: { method: String(value) }, evidence });
  return known;
}

/** The registration response as kept in the session: secrets and management tokens removed. */
function withoutSecrets(information: Record<string, unknown>): Record<string, unknown> {
  const { client_secret: _secret, registration_access_token: _token, ...rest } = information;
  return rest;
}

function stringArray(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}


function sendRegistration(ctx: StepContext, endpoint: string, body: Record<string, unknown>, label: ExchangeLabel) {
  return ctx.http.send(
    {
      method: 'POST',
      url: endpoint,
      headers: [
        ['content-type', 'application/json'],
        ['accept', 'application/json'],
      ],
      body: JSON.stringify(body),
    },
    label,
  );
}

function isRefusal(sent: SentExchange): boolean {
  const status = sent.response?.status;
  return status !== undefined && status >= 400 && status < 500;
}

/** RFC 7591 §3.2.2 error fields of a refused registration, or phrases where they are absent. */
function registrationError(sent: SentExchange): { error: string; description: string } {
  const errorBody = sent.response ? parseJsonObject(sent.response.body) : undefined;
  const error = errorBody?.ok && typeof errorBody.value.error === 'string' ? errorBody.value.error : phrase('value.none');
  const description = errorBody?.ok && typeof errorBody.value.error_description === 'string' ? errorBody.value.error_description : phrase('value.none');
  return { error, description };
}

/** The scope the authorization request will ask for, chosen by the same strategy. */
function registrationScope(ctx: StepContext, metadata: AuthorizationServerMetadata): string | undefined {
  if (ctx.options.grant !== 'authorization_code') return ctx.options.scope;
  return selectScope({
    spec: ctx.spec,
    options: ctx.options,
    ...(ctx.data.probe?.challengeScope !== undefined ? { challengeScope: ctx.data.probe.challengeScope } : {}),
    ...(ctx.data.protectedResource?.scopesSupported ? { resourceScopesSupported: ctx.data.protectedResource.scopesSupported } : {}),
    ...(metadata.scopes_supported ? { asScopesSupported: metadata.scopes_supported } : {}),
  }).scope;
}
