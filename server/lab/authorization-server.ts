/**
 * The lab's authorization server: oidc-provider shaped like the tutorial's Keycloak realm.
 *
 * - Issuer `http(s)://host:port/realms/demo`, endpoints on Keycloak's paths.
 * - Metadata at the RFC 8414 §3.1 path-insertion URL and at OpenID Connect Discovery's
 *   path-appended URL (and oidc-provider's own `<issuer>/.well-known/oauth-authorization-server`,
 *   which Keycloak serves too).
 * - DPoP (RFC 9449) offered: a proof on the token request binds the token to the client's key.
 * - PKCE (S256) required for every client, open Dynamic Client Registration (RFC 7591),
 *   introspection (RFC 7662), revocation (RFC 7009), `iss` in authorization responses
 *   (RFC 9207), resource indicators (RFC 8707) issuing JWT access tokens (RFC 9068) whose
 *   `aud` is the requested resource, refresh tokens, client_credentials.
 */
import { randomBytes } from 'node:crypto';
import type { EventEmitter } from 'node:events';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { calculateJwkThumbprint, createLocalJWKSet, exportJWK, generateKeyPair, jwtVerify, type JWK } from 'jose';
import type { ClientMetadata, Configuration, KoaContextWithOIDC, ResourceServer } from 'oidc-provider';
import {
  AUDIT_AUDIENCE_PATH,
  DEMO_USER,
  INTERACTION_PATH,
  INTROSPECTION_CLIENT_ID,
  KEYCLOAK_ROUTES,
  LOOPBACK_HOSTNAMES,
  MCP_SCOPE,
  PRE_REGISTERED_CLIENT_ID,
  REALM_PATH,
} from './demo-realm.js';
import type { ActiveFaults } from './faults.js';
import { installAuthorizationServerAuditFaults } from './authorization-server-audit-faults.js';
import { applyCors, REGISTRATION_CORS } from './cors.js';
import type { BoundServer } from './http-listener.js';
import { renderErrorPage, PAGE_HEADERS } from './interaction-pages.js';
import { choosePageLanguage, INTERACTION_TEXTS } from './interaction-texts.js';
import { createInteractionHandler } from './interactions.js';
import { createLabAdapter } from './memory-adapter.js';
import { errors, Provider } from './oidc-provider.js';

/** Short-lived access tokens (tutorial §8: avoid long-lived tokens); refresh covers the rest. */
const ACCESS_TOKEN_TTL_SECONDS = 15 * 60;
/** Fault token.long-lived: a working day, as servers that issue no refresh tokens often do. */
const LONG_ACCESS_TOKEN_TTL_SECONDS = 12 * 60 * 60;
/** Fault token.generic-audience: the audience Keycloak adds to every token by default. */
const KEYCLOAK_DEFAULT_AUDIENCE = 'account';
/** Fault token.broad-scope: a scope that grants everything. */
const WILDCARD_SCOPE = '*';
const SIGNING_ALG = 'RS256';

/** The debugger's default redirect URI (its relay's port); native clients may use any port. */
const PRE_REGISTERED_REDIRECT_URIS = ['http://127.0.0.1:4280/callback', 'http://localhost:4280/callback'];

/** oidc-provider routes that resolve the resources of an authorization, not of a token request. */
const AUTHORIZATION_ROUTES: ReadonlySet<string> = new Set(['authorization', 'resume', 'pushed_authorization_request']);

export interface AuthorizationServerOptions {
  bound: BoundServer;
  /** `http://host:port` of `bound`. */
  origin: string;
  /** The MCP server's URL: the default audience of the tokens. */
  mcpUrl: string;
  faults: ActiveFaults;
  autoConsent: boolean;
  log: (line: string) => void;
}

export interface AuthorizationServer {
  issuer: string;
  jwksUri: string;
  introspectionClient: { clientId: string; clientSecret: string };
  preRegisteredClient: { clientId: string; clientSecret: string; redirectUris: string[] };
}

function isLoopbackUrl(value: string): boolean {
  const url = URL.parse(value);
  return url !== null && (url.protocol === 'http:' || url.protocol === 'https:') && LOOPBACK_HOSTNAMES.has(url.hostname);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Middleware added with `provider.use` is typed as plain Koa; oidc-provider sets `ctx.oidc`
 * once a route matched, and it is absent for requests no route handled.
 */
function oidcContextOf(ctx: object): KoaContextWithOIDC['oidc'] | undefined {
  return (ctx as Partial<KoaContextWithOIDC>).oidc;
}

/** A fresh RSA signing key per lab: nothing secret outlives the process. */
async function generateSigningJwk(): Promise<JWK> {
  const { privateKey } = await generateKeyPair(SIGNING_ALG, { extractable: true });
  const jwk = await exportJWK(privateKey);
  return { ...jwk, kid: await calculateJwkThumbprint(jwk), alg: SIGNING_ALG, use: 'sig' };
}

function publicPart(jwk: JWK): JWK {
  const { kty, n, e, kid, alg, use } = jwk;
  return { kty, n, e, kid, alg, use };
}

/**
 * The RFC 8414 §3.1 metadata URL for an issuer with a path: the well-known segment goes
 * between the host and the path.
 */
function oauthMetadataPathFor(issuerPath: string): string {
  return `/.well-known/oauth-authorization-server${issuerPath}`;
}

export async function createAuthorizationServer(options: AuthorizationServerOptions): Promise<AuthorizationServer> {
  const { bound, origin, mcpUrl, faults, autoConsent, log } = options;
  const issuer = `${origin}${REALM_PATH}`;
  const auditAudience = `${new URL(mcpUrl).origin}${AUDIT_AUDIENCE_PATH}`;
  const signingJwk = await generateSigningJwk();
  const ownKeys = createLocalJWKSet({ keys: [publicPart(signingJwk)] });

  const introspectionClient = { clientId: INTROSPECTION_CLIENT_ID, clientSecret: randomBytes(24).toString('base64url') };
  const preRegisteredClient = {
    clientId: PRE_REGISTERED_CLIENT_ID,
    clientSecret: randomBytes(24).toString('base64url'),
    redirectUris: [...PRE_REGISTERED_REDIRECT_URIS],
  };

  const clients: ClientMetadata[] = [
    {
      // Tutorial step 4: the resource server's own confidential client; it only introspects.
      client_id: introspectionClient.clientId,
      client_secret: introspectionClient.clientSecret,
      client_name: 'MCP server (introspection)',
      grant_types: [],
      response_types: [],
      redirect_uris: [],
      token_endpoint_auth_method: 'client_secret_basic',
    },
    {
      // Native, so any loopback port matches the registered redirect URIs (RFC 8252 §7.3).
      client_id: preRegisteredClient.clientId,
      client_secret: preRegisteredClient.clientSecret,
      client_name: 'mcp-auth-debugger (pre-registered)',
      application_type: 'native',
      grant_types: ['authorization_code', 'refresh_token', 'client_credentials'],
      response_types: ['code'],
      redirect_uris: preRegisteredClient.redirectUris,
      token_endpoint_auth_method: 'client_secret_basic',
    },
  ];

  // Asked at every token issued, so fault token.long-lived applies from the next token on.
  const accessTokenTtl = (): number => (faults.has('token.long-lived') ? LONG_ACCESS_TOKEN_TTL_SECONDS : ACCESS_TOKEN_TTL_SECONDS);

  /**
   * Every resource on loopback is accepted (the lab only runs there), each its own audience
   * with the `mcp:tools` scope. Anything else is `invalid_target` (RFC 8707 §2).
   */
  function resourceServerFor(indicator: string): ResourceServer {
    if (!isLoopbackUrl(indicator)) {
      throw new errors.InvalidTarget('the lab only issues tokens for resources on loopback addresses');
    }
    return {
      scope: MCP_SCOPE,
      audience: indicator,
      accessTokenFormat: 'jwt',
      accessTokenTTL: accessTokenTtl(),
      jwt: { sign: { alg: SIGNING_ALG } },
    };
  }

  const configuration: Configuration = {
    adapter: createLabAdapter(),
    clients,
    jwks: { keys: [signingJwk] },
    cookies: { keys: [randomBytes(32).toString('base64url')] },
    routes: KEYCLOAK_ROUTES,
    // OAuth 2.1: the code flow only, no implicit or hybrid responses.
    responseTypes: ['code'],
    // `mcp:tools` is listed too, so clients may register for it (RFC 7591 `scope`), as the
    // metadata's scopes_supported promises; resource indicators still decide which resource
    // server's scopes a token carries.
    scopes: ['openid', 'offline_access', MCP_SCOPE],
    claims: {
      openid: ['sub'],
      profile: ['name', 'preferred_username'],
      email: ['email', 'email_verified'],
    },
    // OAuth 2.1 §4.1.1 and the MCP spec: PKCE for every client, confidential ones included.
    // Fault audit.as-accepts-missing-pkce: a request without code_challenge is served anyway.
    pkce: { required: () => !faults.has('audit.as-accepts-missing-pkce') },
    findAccount(_ctx, sub) {
      if (sub !== DEMO_USER.username) return undefined;
      return {
        accountId: sub,
        claims: () => ({
          sub,
          name: DEMO_USER.name,
          preferred_username: DEMO_USER.username,
          email: DEMO_USER.email,
          email_verified: true,
        }),
      };
    },
    interactions: {
      url: (_ctx, interaction) => `${INTERACTION_PATH}/${interaction.uid}`,
    },
    // Keycloak issues a refresh token to any client allowed the grant. oidc-provider's default
    // also requires `offline_access`, which it drops unless `prompt=consent` is sent too.
    issueRefreshToken: (_ctx, client) => client.grantTypeAllowed('refresh_token'),
    // OAuth 2.1 §4.3.1: public clients' refresh tokens rotate. oidc-provider consumes the old
    // token before it checks `resource`, so a refresh refused with invalid_target would burn
    // the token and, on retry, revoke the grant; a request that will be refused keeps it.
    rotateRefreshToken(ctx) {
      const refreshToken = ctx.oidc.entities.RefreshToken;
      const requested = ctx.oidc.params?.resource;
      if (refreshToken && typeof requested === 'string' && !refreshToken.resourceIndicators.has(requested)) return false;
      return ctx.oidc.entities.Client?.clientAuthMethod === 'none';
    },
    // A registration policy, as the tutorial's Keycloak has one (Trusted Hosts): anyone may
    // register, but only for loopback or https redirect URIs. oidc-provider calls this validator
    // for each listed property on every registration, so one RFC 7591 property carries the rule.
    // Fault audit.as-registers-insecure-redirect turns it off.
    extraClientMetadata: {
      properties: ['software_id'],
      validator(ctx, key, _value, metadata) {
        if (key !== 'software_id' || !ctx || faults.has('audit.as-registers-insecure-redirect')) return;
        if (oidcContextOf(ctx)?.route !== 'registration') return;
        const refused = (metadata.redirect_uris ?? []).find((uri) => !isLoopbackUrl(uri) && URL.parse(uri)?.protocol !== 'https:');
        if (refused === undefined) return;
        const error = new errors.InvalidRedirectUri();
        error.error_description = `redirect_uris must be loopback or https addresses; ${refused} is neither`;
        throw error;
      },
    },
    // Browser-based MCP clients on loopback (inspectors) call the token endpoint directly.
    clientBasedCORS: (_ctx, requestOrigin) => isLoopbackUrl(requestOrigin),
    ttl: {
      AccessToken: accessTokenTtl,
      AuthorizationCode: 60,
      ClientCredentials: accessTokenTtl,
      IdToken: ACCESS_TOKEN_TTL_SECONDS,
      Interaction: 15 * 60,
      RefreshToken: 24 * 60 * 60,
      Session: 24 * 60 * 60,
      Grant: 24 * 60 * 60,
    },
    features: {
      devInteractions: { enabled: false },
      // DPoP (RFC 9449): a token request with a proof gets a token bound to its key (cnf.jkt),
      // which the lab's MCP server then accepts only with a proof by the same key.
      dPoP: { enabled: true },
      clientCredentials: { enabled: true },
      // Always on: fault registration.no-path hides it per request (metadata and route below),
      // so the fault can be switched while the lab runs.
      registration: { enabled: true, initialAccessToken: false },
      introspection: {
        enabled: true,
        // Confidential clients (the resource server) may introspect any token; public clients only their own.
        allowedPolicy: (ctx, client, token) => client.clientAuthMethod !== 'none' || token.clientId === ctx.oidc.client?.clientId,
      },
      revocation: {
        enabled: true,
        allowedPolicy: (_ctx, client, token) => token.clientId === client.clientId,
      },
      resourceIndicators: {
        enabled: true,
        // Without a `resource`, tokens are for the MCP server: what the tutorial's Keycloak
        // audience mapper does.
        defaultResource(_ctx, _client, oneOf) {
          if (!oneOf) return mcpUrl;
          if (oneOf.includes(mcpUrl)) return mcpUrl;
          return oneOf.find((indicator) => indicator !== auditAudience) ?? oneOf[0];
        },
        // A granted resource is used even when `openid` was asked for and the token request
        // names none (oidc-provider would otherwise issue an opaque userinfo token).
        useGrantedResource: () => true,
        getResourceServerInfo(ctx, indicator) {
          const info = resourceServerFor(indicator);
          // oidc-provider lets a refresh_token grant name only resources of the original
          // authorization (RFC 8707 §2.2), so the audit audience joins every authorization.
          const resourceServers = ctx.oidc.resourceServers;
          if (resourceServers && AUTHORIZATION_ROUTES.has(ctx.oidc.route) && indicator !== auditAudience && !(auditAudience in resourceServers)) {
            resourceServers[auditAudience] = new ctx.oidc.provider.ResourceServer(auditAudience, resourceServerFor(auditAudience));
          }
          return info;
        },
      },
    },
    formats: {
      customizers: {
        // Claim faults, applied before the access token is signed.
        jwt(_ctx, _token, jwt) {
          const { payload } = jwt;
          if (faults.has('token.generic-audience') && typeof payload.aud === 'string') payload.aud = [payload.aud, KEYCLOAK_DEFAULT_AUDIENCE];
          if (faults.has('token.broad-scope') && typeof payload.scope === 'string') payload.scope = `${payload.scope} ${WILDCARD_SCOPE}`;
        },
      },
    },
    renderError(ctx, out) {
      ctx.type = 'html';
      for (const [name, value] of Object.entries(PAGE_HEADERS)) ctx.set(name, value);
      // The rows are the protocol's own fields (error, error_description, state): not translated.
      const language = choosePageLanguage({ uiLocales: ctx.query.ui_locales, acceptLanguage: ctx.get('accept-language') });
      ctx.body = renderErrorPage(INTERACTION_TEXTS[language]['error.authorizationFailed'], Object.entries(out).map(([key, value]) => [key, String(value)]), { language });
    },
  };

  const provider = new Provider(issuer, configuration);
  installAuthorizationServerAuditFaults(provider, faults);

  // Metadata edits: the `mcp:tools` scope (a resource-server scope, so oidc-provider does not
  // list it) and the metadata faults. Applied to every discovery document alike.
  provider.use(async (ctx, next) => {
    await next();
    const oidcContext = oidcContextOf(ctx);
    if (oidcContext?.route !== 'discovery' || !isRecord(ctx.body)) return;
    const metadata: Record<string, unknown> = { ...ctx.body };
    const scopes = Array.isArray(metadata.scopes_supported) ? metadata.scopes_supported : [];
    metadata.scopes_supported = [...new Set([...scopes, MCP_SCOPE])];
    if (faults.has('asm.pkce-unsupported')) delete metadata.code_challenge_methods_supported;
    if (faults.has('asm.issuer-mismatch')) metadata.issuer = `${issuer}/oauth2`;
    if (faults.has('registration.no-path')) delete metadata.registration_endpoint;
    if (faults.has('asm.pkce-s256-missing')) metadata.code_challenge_methods_supported = ['plain'];
    if (faults.has('asm.response-types-missing')) delete metadata.response_types_supported;
    if (faults.has('authorization.iss-not-advertised')) delete metadata.authorization_response_iss_parameter_supported;
    if (faults.has('asm.grant-type-not-advertised') && Array.isArray(metadata.grant_types_supported)) {
      metadata.grant_types_supported = metadata.grant_types_supported.filter((grant) => grant !== 'authorization_code');
    }
    ctx.body = metadata;
  });

  // Token response faults. Koa sends the answer only once every middleware has returned, so
  // headers set by oidc-provider can still be taken away here.
  provider.use(async (ctx, next) => {
    await next();
    if (oidcContextOf(ctx)?.route !== 'token' || ctx.status !== 200 || !isRecord(ctx.body)) return;
    // RFC 6749 §5.1 asks for Cache-Control: no-store on any response with tokens.
    if (faults.has('token.cache-control-missing')) {
      ctx.remove('Cache-Control');
      ctx.remove('Pragma');
    }
    const body: Record<string, unknown> = { ...ctx.body };
    // RFC 6749 §5.1: expires_in is a number of seconds; some servers send it as a JSON string.
    if (faults.has('token.invalid-expires-in') && typeof body.expires_in === 'number') body.expires_in = String(body.expires_in);
    // A token type of the server's own making, as some answer "JWT"; RFC 6750 clients expect Bearer.
    if (faults.has('token.not-bearer') && body.token_type === 'Bearer') body.token_type = 'JWT';
    ctx.body = body;
  });

  // Registration response faults (RFC 7591 §3.2.1: 201 Created, with all registered metadata).
  provider.use(async (ctx, next) => {
    await next();
    if (oidcContextOf(ctx)?.route !== 'registration' || ctx.status !== 201 || !isRecord(ctx.body)) return;
    const body: Record<string, unknown> = { ...ctx.body };
    if (faults.has('registration.dcr-redirect-uris-not-echoed')) delete body.redirect_uris;
    ctx.body = body;
    if (faults.has('registration.dcr-status-not-201')) ctx.status = 200;
  });

  // oidc-provider refuses to introspect its own JWT access tokens (`unsupported_token_type`),
  // but the tutorial's resource server introspects them, and RFC 7662 §2.2 expects an answer.
  // After oidc-provider has authenticated the caller, answer from the token's own signature.
  provider.use(async (ctx, next) => {
    await next();
    const oidcContext = oidcContextOf(ctx);
    if (oidcContext?.route !== 'introspection' || !isRecord(ctx.body) || ctx.body.error !== 'unsupported_token_type') return;
    const caller = oidcContext.client;
    const token = oidcContext.params?.token;
    if (!caller || typeof token !== 'string') return;
    ctx.status = 200;
    ctx.body = await introspectJwtAccessToken(token, caller.clientId, caller.clientAuthMethod);
  });

  async function introspectJwtAccessToken(token: string, callerId: string, callerAuthMethod: string | undefined): Promise<Record<string, unknown>> {
    try {
      const { payload } = await jwtVerify(token, ownKeys, { issuer, typ: 'at+jwt', algorithms: [SIGNING_ALG] });
      if ((callerAuthMethod ?? 'none') === 'none' && payload.client_id !== callerId) return { active: false };
      return { ...payload, active: true, token_type: 'Bearer' };
    } catch (error) {
      log(`introspection: JWT access token not active (${error instanceof Error ? error.name : 'error'})`);
      return { active: false };
    }
  }

  const logProviderError = (event: string) => (_ctx: unknown, error: Error): void => {
    // Answered by the JWT introspection middleware above, not an error of the lab's.
    if (event === 'introspection.error' && error.message === 'unsupported_token_type') return;
    const detail = 'error_detail' in error && typeof error.error_detail === 'string' ? ` (${error.error_detail})` : '';
    log(`authorization server ${event}: ${error.message}${detail}`);
  };
  provider.on('server_error', logProviderError('server_error'));
  provider.on('grant.error', logProviderError('grant.error'));
  provider.on('authorization.error', logProviderError('authorization.error'));
  provider.on('registration_create.error', logProviderError('registration_create.error'));
  provider.on('introspection.error', logProviderError('introspection.error'));
  provider.on('revocation.error', logProviderError('revocation.error'));

  // Koa's own error event (a connection that failed mid-answer, an error past oidc-provider's
  // handlers): one line of the lab's log instead of the stack trace Koa prints when no one
  // listens. oidc-provider's typed event map leaves Koa's events out, hence the plain emitter.
  const koaEvents: EventEmitter = provider;
  koaEvents.on('error', (error: Error) => log(`authorization server: ${error.message}`));
  const providerCallback = provider.callback();
  const handleInteraction = createInteractionHandler({ provider, autoConsent, auditAudience, log });
  const rfc8414Path = oauthMetadataPathFor(REALM_PATH);
  const registrationPath = `${REALM_PATH}${KEYCLOAK_ROUTES.registration}`;
  const isRegistrationPath = (pathname: string): boolean => pathname === registrationPath || pathname.startsWith(`${registrationPath}/`);

  /** Hands a request to oidc-provider as if it were mounted at the issuer's path. */
  function toProvider(req: IncomingMessage & { originalUrl?: string }, res: ServerResponse, pathInProvider: string): void {
    // oidc-provider derives its mount path from originalUrl minus url (as under Express).
    req.originalUrl = `${REALM_PATH}${pathInProvider}`;
    req.url = pathInProvider;
    void providerCallback(req, res);
  }

  bound.setHandler((req, res) => {
    const rawUrl = req.url ?? '/';
    const url = new URL(rawUrl, origin);
    if (url.pathname === rfc8414Path) {
      toProvider(req, res, `/.well-known/oauth-authorization-server${url.search}`);
      return;
    }
    if (url.pathname.startsWith(`${INTERACTION_PATH}/`)) {
      void handleInteraction(req, res, url.pathname);
      return;
    }
    if (faults.has('registration.no-path') && isRegistrationPath(url.pathname)) {
      // What oidc-provider answers for a route whose feature is off.
      res.statusCode = 404;
      res.setHeader('Content-Type', 'application/json');
      res.end(JSON.stringify({ error: 'invalid_request', error_description: `unrecognized route or not allowed method (${req.method ?? 'GET'} on ${url.pathname})` }));
      return;
    }
    // oidc-provider answers CORS on its discovery, token and other machine endpoints, not on
    // registration, which a browser-based client needs as well.
    if (url.pathname === `${REALM_PATH}${KEYCLOAK_ROUTES.registration}` && applyCors(req, res, REGISTRATION_CORS)) return;
    if (url.pathname.startsWith(`${REALM_PATH}/`)) {
      toProvider(req, res, rawUrl.slice(REALM_PATH.length));
      return;
    }
    // Machine clients probe other well-known URLs here (older spec revisions): answer in JSON.
    res.statusCode = 404;
    res.setHeader('Content-Type', 'application/json');
    res.end(JSON.stringify({ error: 'not_found', error_description: `nothing at ${url.pathname}; the issuer is ${issuer}` }));
  });

  return {
    issuer,
    jwksUri: provider.urlFor('jwks'),
    introspectionClient,
    preRegisteredClient,
  };
}
