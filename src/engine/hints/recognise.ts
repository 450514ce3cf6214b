/**
 * Which authorization servers and MCP frameworks a run talked to, told from what they sent:
 * issuer and endpoint URLs, metadata fields only one product writes, the words of their refusals,
 * the redirects they answered with. Pure: it reads a session (live or saved) and sends nothing.
 *
 * A clue is `strong` when only that product produces it (a host the vendor owns, a metadata field
 * or an error text of its own); `weak` when others copy the shape. A product known from weak clues
 * only is reported as `shape`, never as the product itself: the demo lab, for one, lays its
 * oidc-provider out on Keycloak's realm paths as the tutorial does, and is not Keycloak.
 */
import type { AuthorizationServerMetadata } from '../flow-data.js';
import type { Session } from '../session.js';
import type { Exchange, StepId } from '../types.js';

const PRODUCT_IDS = [
  'keycloak',
  'auth0',
  'entra',
  'okta',
  'cognito',
  'google',
  'github',
  'mcp-sdk',
  'fastmcp',
  'better-auth',
  'cloudflare',
] as const;
export type ProductId = (typeof PRODUCT_IDS)[number];

/** What a clue rests on; each kind has its sentence in the hint catalogue. */
export type ClueKind =
  | 'realm-path'
  | 'keycloak-endpoints'
  | 'keycloak-metadata-field'
  | 'keycloak-policy-answer'
  | 'vendor-host'
  | 'vendor-metadata-field'
  | 'vendor-error-code'
  | 'okta-authorization-server-path'
  | 'sdk-metadata-shape'
  | 'sdk-challenge'
  | 'fastmcp-upstream-redirect'
  | 'better-auth-paths'
  | 'better-auth-base-path'
  | 'cloudflare-metadata-shape';

export interface Clue {
  kind: ClueKind;
  /** What the server sent that matched (a URL, a field name, an error text), as data. */
  value: string;
  strength: 'strong' | 'weak';
}

export type Certainty = 'confirmed' | 'shape';

export interface Recognition {
  product: ProductId;
  certainty: Certainty;
  clues: Clue[];
  /** Values the product's fix steps name (the realm, the tenant), when the clues revealed them. */
  facts: Record<string, string>;
}

/** The parts of a session that say who answered. */
interface Observed {
  /** Issuer-like URLs: authorization_servers entries, the chosen server, the metadata's issuer. */
  issuers: string[];
  metadata?: AuthorizationServerMetadata;
  /** The URLs the run requested outside the browser's way through authorization, and the metadata's endpoints. */
  urls: string[];
  exchanges: Exchange[];
  /** Response bodies of the run, for error texts a product words its own way. */
  bodies: string[];
  challengeDescriptions: string[];
}

const BROWSER_STEPS: ReadonlySet<StepId> = new Set(['authorization-request', 'authorization-response']);

/**
 * Metadata fields that link to pages for people (RFC 8414 §2), not to the server's endpoints: a
 * server may point its documentation at GitHub or Google without being either.
 */
const DOCUMENT_LINKS: ReadonlySet<string> = new Set(['service_documentation', 'op_policy_uri', 'op_tos_uri']);

function observe(session: Session): Observed {
  const { data } = session;
  const exchanges = session.results.flatMap((r) => r.exchanges);
  const issuers = [
    ...(data.protectedResource?.authorizationServers ?? []),
    ...(data.authorizationServer ? [data.authorizationServer.authorizationServer] : []),
    ...(typeof data.authorizationServer?.metadata.issuer === 'string' ? [data.authorizationServer.metadata.issuer] : []),
  ];
  // The browser's way through the authorization endpoint may pass other providers (an OAuth
  // proxy hands off to GitHub or Google): they are upstream, not the server the run talks to.
  const urls = exchanges.filter((e) => !BROWSER_STEPS.has(e.stepId)).map((e) => e.request.url);
  const metadata = data.authorizationServer?.metadata;
  if (metadata) {
    for (const [field, value] of Object.entries(metadata)) {
      if (!DOCUMENT_LINKS.has(field) && typeof value === 'string' && /^https?:\/\//.test(value)) urls.push(value);
    }
  }
  const challengeDescriptions = (data.probe?.challenges ?? []).flatMap((c) => (c.parameters.error_description ? [c.parameters.error_description] : []));
  const bodies = exchanges.flatMap((e) => (e.response && e.response.status >= 300 ? [e.response.body.slice(0, 4096)] : []));
  // Error texts also travel in findings' params (saved sessions keep them even when bodies are cut).
  for (const finding of session.results.flatMap((r) => r.findings)) for (const value of Object.values(finding.params ?? {})) bodies.push(value);
  return { issuers: unique(issuers), ...(metadata ? { metadata } : {}), urls: unique(urls), exchanges, bodies, challengeDescriptions };
}

function header(exchange: Exchange, name: string): string | undefined {
  return exchange.response?.headers.find(([n]) => n.toLowerCase() === name)?.[1];
}

function unique<T>(values: T[]): T[] {
  return [...new Set(values)];
}

function parse(url: string): URL | undefined {
  return URL.parse(url) ?? undefined;
}

type Recogniser = (observed: Observed) => { clues: Clue[]; facts?: Record<string, string> };

/** Keycloak puts a realm at `/realms/<name>` (before version 17 under `/auth/realms/<name>`). */
const REALM_PATH = /^(?:\/auth)?\/realms\/([^/]+)\/?$/;

const keycloak: Recogniser = ({ issuers, metadata, urls, bodies }) => {
  const clues: Clue[] = [];
  const facts: Record<string, string> = {};
  for (const issuer of issuers) {
    const url = parse(issuer);
    const realm = url?.pathname.match(REALM_PATH)?.[1];
    if (url && realm) {
      clues.push({ kind: 'realm-path', value: issuer, strength: 'weak' });
      facts.realm ??= decodeURIComponent(realm);
      facts.realmUrl ??= `${url.origin}${url.pathname.replace(/\/$/, '')}`;
      facts.origin ??= url.origin;
    }
  }
  const endpoint = urls.find((u) => /\/realms\/[^/]+\/protocol\/openid-connect\//.test(parse(u)?.pathname ?? ''));
  if (endpoint) clues.push({ kind: 'keycloak-endpoints', value: endpoint, strength: 'weak' });
  // Fields whose values only Keycloak's own routes produce.
  const own: [string, RegExp][] = [
    ['check_session_iframe', /\/protocol\/openid-connect\/login-status-iframe\.html$/],
    ['backchannel_authentication_endpoint', /\/protocol\/openid-connect\/ext\/ciba\/auth$/],
    ['device_authorization_endpoint', /\/protocol\/openid-connect\/auth\/device$/],
  ];
  for (const [field, pattern] of own) {
    const value = metadata?.[field];
    if (typeof value === 'string' && pattern.test(value)) clues.push({ kind: 'keycloak-metadata-field', value: field, strength: 'strong' });
  }
  if (metadata && typeof metadata.mtls_endpoint_aliases === 'object' && endpoint) {
    clues.push({ kind: 'keycloak-metadata-field', value: 'mtls_endpoint_aliases', strength: 'strong' });
  }
  // The client registration policies name themselves in their refusals.
  const policy = bodies.map((b) => b.match(/Policy '[^']{1,80}' rejected request to client-registration service/)?.[0]).find((m) => m !== undefined);
  if (policy) clues.push({ kind: 'keycloak-policy-answer', value: policy, strength: 'strong' });
  return { clues, facts };
};

const ENTRA_HOSTS = new Set(['login.microsoftonline.com', 'login.microsoftonline.us', 'login.partner.microsoftonline.cn', 'sts.windows.net']);

const entra: Recogniser = ({ issuers, urls, metadata, bodies }) => {
  const clues: Clue[] = [];
  const facts: Record<string, string> = {};
  for (const value of unique([...issuers, ...urls])) {
    const url = parse(value);
    if (!url || !ENTRA_HOSTS.has(url.hostname)) continue;
    clues.push({ kind: 'vendor-host', value, strength: 'strong' });
    const tenant = url.pathname.split('/')[1];
    if (tenant) facts.tenant ??= tenant;
  }
  for (const field of ['cloud_instance_name', 'tenant_region_scope', 'msgraph_host']) {
    if (metadata && typeof metadata[field] === 'string') clues.push({ kind: 'vendor-metadata-field', value: field, strength: 'strong' });
  }
  const code = bodies.map((b) => b.match(/\bAADSTS\d{5,7}\b/)?.[0]).find((c) => c !== undefined);
  if (code) clues.push({ kind: 'vendor-error-code', value: code, strength: 'strong' });
  return { clues, facts };
};

/** A recogniser for a product known by the hosts it serves from. */
function byHost(matches: (host: string) => boolean, fields: string[] = []): Recogniser {
  return ({ issuers, urls, metadata }) => {
    const clues: Clue[] = [];
    const facts: Record<string, string> = {};
    for (const value of unique([...issuers, ...urls])) {
      const url = parse(value);
      if (!url || !matches(url.hostname)) continue;
      clues.push({ kind: 'vendor-host', value, strength: 'strong' });
      facts.origin ??= url.origin;
    }
    for (const field of fields) {
      if (metadata && metadata[field] !== undefined) clues.push({ kind: 'vendor-metadata-field', value: field, strength: 'strong' });
    }
    return { clues, facts };
  };
}

const auth0 = byHost((host) => host.endsWith('.auth0.com'), ['mfa_challenge_endpoint']);

/**
 * Okta's APIs refuse with their own error object (`errorCode` `E0000…`, `errorSummary`, `errorId`),
 * not with OAuth's `error`: its registration endpoint answers an anonymous request that way.
 */
const OKTA_ERROR = /"errorCode"\s*:\s*"(E\d{7})"[\s\S]{0,400}"errorId"\s*:\s*"[A-Za-z0-9_-]{1,64}"/;

const okta: Recogniser = (observed) => {
  const found = byHost((host) => /\.(okta|oktapreview|okta-emea)\.com$/.test(host))(observed);
  // Custom authorization servers live at /oauth2/<id> (`default`, or an id starting with `aus`)
  // with endpoints under /oauth2/<id>/v1/; the org authorization server has no such path.
  for (const issuer of observed.issuers) {
    const path = parse(issuer)?.pathname ?? '';
    if (/^\/oauth2\/(default|aus[0-9A-Za-z]+)\/?$/.test(path)) {
      found.clues.push({ kind: 'okta-authorization-server-path', value: issuer, strength: 'weak' });
      found.facts = { ...found.facts, authorizationServer: issuer };
    }
  }
  const code = observed.bodies.map((b) => b.match(OKTA_ERROR)?.[1]).find((c) => c !== undefined);
  if (code) found.clues.push({ kind: 'vendor-error-code', value: code, strength: 'strong' });
  return found;
};

/** User pools answer at `cognito-idp.<region>.amazonaws.com/<pool id>`; managed login at `<prefix>.auth.<region>.amazoncognito.com`. */
const COGNITO_IDP_HOST = /^cognito-idp\.[a-z0-9-]+\.amazonaws\.com$/;

const cognito: Recogniser = (observed) => {
  const found = byHost((host) => COGNITO_IDP_HOST.test(host) || /\.auth\.[a-z0-9-]+\.amazoncognito\.com$/.test(host))(observed);
  for (const issuer of observed.issuers) {
    const url = parse(issuer);
    // The pool id is `<region>_<id>`; only the user pool's own host names one.
    const pool = url && COGNITO_IDP_HOST.test(url.hostname) ? url.pathname.match(/^\/([a-z0-9-]+_[0-9A-Za-z]+)\/?$/)?.[1] : undefined;
    if (pool) found.facts = { ...found.facts, userPool: pool };
  }
  return found;
};

const google = byHost((host) => host === 'accounts.google.com' || host === 'oauth2.googleapis.com');

/**
 * GitHub's issuer is `https://github.com/login/oauth` (its endpoints are under /login/); a server
 * that names github.com itself as the authorization server is GitHub misnamed.
 * @see https://docs.github.com/en/apps/github-authentication-discovery-endpoints
 */
const github: Recogniser = ({ issuers, urls }) => {
  const clues: Clue[] = [];
  for (const value of unique([...issuers, ...urls])) {
    const url = parse(value);
    if (url?.hostname !== 'github.com') continue;
    if (url.pathname === '/' || url.pathname.startsWith('/login/oauth') || url.pathname.startsWith('/login/device')) clues.push({ kind: 'vendor-host', value, strength: 'strong' });
  }
  return { clues };
};

function pathOf(value: unknown): string | undefined {
  return typeof value === 'string' ? parse(value)?.pathname : undefined;
}

function sameList(value: unknown, expected: string[]): boolean {
  return Array.isArray(value) && value.length === expected.length && expected.every((item, i) => value[i] === item);
}

/**
 * The TypeScript SDK's `mcpAuthRouter` writes its metadata from a template: `/authorize`,
 * `/token`, and exactly `client_secret_post` and `none` as client authentication. Its resource
 * side (`requireBearerAuth`) refuses a request without a token with its own description.
 */
const mcpSdk: Recogniser = ({ metadata, challengeDescriptions }) => {
  const clues: Clue[] = [];
  if (
    metadata &&
    pathOf(metadata.authorization_endpoint)?.endsWith('/authorize') &&
    pathOf(metadata.token_endpoint)?.endsWith('/token') &&
    sameList(metadata.token_endpoint_auth_methods_supported, ['client_secret_post', 'none'])
  ) {
    clues.push({ kind: 'sdk-metadata-shape', value: 'token_endpoint_auth_methods_supported: client_secret_post, none', strength: 'weak' });
  }
  const description = challengeDescriptions.find((d) => d === 'Missing Authorization header');
  if (description) clues.push({ kind: 'sdk-challenge', value: description, strength: 'weak' });
  return { clues };
};

/**
 * FastMCP's OAuth proxy answers the authorization request by sending the browser on to the
 * upstream provider, with itself as the upstream's redirect URI at `<base>/auth/callback`.
 */
const fastmcp: Recogniser = ({ exchanges }) => {
  const clues: Clue[] = [];
  const facts: Record<string, string> = {};
  for (const exchange of exchanges) {
    const location = header(exchange, 'location');
    const from = parse(exchange.request.url);
    const to = location !== undefined && from ? URL.parse(location, from) : null;
    const redirectUri = to?.searchParams.get('redirect_uri');
    const callback = redirectUri ? parse(redirectUri) : undefined;
    if (from && to && callback && to.origin !== from.origin && callback.origin === from.origin && callback.pathname.endsWith('/auth/callback')) {
      clues.push({ kind: 'fastmcp-upstream-redirect', value: `${to.origin}${to.pathname}`, strength: 'strong' });
      facts.upstreamCallback ??= `${callback.origin}${callback.pathname}`;
      facts.upstream ??= to.origin;
    }
  }
  return { clues, facts };
};

/**
 * Better Auth mounts its routes under `basePath` (`/api/auth` unless changed): the OAuth Provider
 * plugin and `@better-auth/mcp` serve `/oauth2/authorize`, `/oauth2/token`, `/oauth2/register`
 * there with the issuer `<origin>/api/auth`; the older `mcp` plugin of `better-auth/plugins`
 * serves `/mcp/authorize`, `/mcp/token`, `/mcp/register` with the bare origin as issuer.
 */
const betterAuth: Recogniser = ({ metadata, urls, issuers }) => {
  const clues: Clue[] = [];
  const fromMetadata = metadata ? [metadata.authorization_endpoint, metadata.token_endpoint, metadata.registration_endpoint] : [];
  const match = [...fromMetadata, ...urls].find((u) => /\/api\/auth\/(mcp|oauth2)\/(authorize|token|register)$/.test(pathOf(u) ?? ''));
  if (typeof match === 'string') clues.push({ kind: 'better-auth-paths', value: match, strength: 'strong' });
  // An issuer at the default base path is Better Auth's shape only: other frameworks use /api/auth too.
  const basePath = issuers.find((i) => /^\/api\/auth\/?$/.test(parse(i)?.pathname ?? ''));
  if (basePath) clues.push({ kind: 'better-auth-base-path', value: basePath, strength: 'weak' });
  return { clues };
};

/**
 * `@cloudflare/workers-oauth-provider` serves revocation on its token endpoint, answers in the
 * query only (or also in the fragment where the implicit flow is allowed), and publishes no
 * `jwks_uri` (its tokens are opaque).
 */
const cloudflare: Recogniser = ({ metadata }) => {
  if (
    metadata &&
    typeof metadata.token_endpoint === 'string' &&
    metadata.revocation_endpoint === metadata.token_endpoint &&
    (sameList(metadata.response_modes_supported, ['query']) || sameList(metadata.response_modes_supported, ['query', 'fragment'])) &&
    metadata.jwks_uri === undefined
  ) {
    return { clues: [{ kind: 'cloudflare-metadata-shape', value: 'revocation_endpoint = token_endpoint', strength: 'strong' }] };
  }
  return { clues: [] };
};

const RECOGNISERS: Record<ProductId, Recogniser> = {
  keycloak,
  auth0,
  entra,
  okta,
  cognito,
  google,
  github,
  'mcp-sdk': mcpSdk,
  fastmcp,
  'better-auth': betterAuth,
  cloudflare,
};

/** The products a run talked to, strongest evidence first; empty when nothing matched. */
export function recogniseServers(session: Session): Recognition[] {
  const observed = observe(session);
  const found: Recognition[] = [];
  for (const product of PRODUCT_IDS) {
    const { clues: each, facts = {} } = RECOGNISERS[product](observed);
    const clues = mergeClues(each);
    if (clues.length === 0) continue;
    const certainty: Certainty = clues.some((c) => c.strength === 'strong') ? 'confirmed' : 'shape';
    found.push({ product, certainty, clues, facts });
  }
  return found.sort((a, b) => Number(b.certainty === 'confirmed') - Number(a.certainty === 'confirmed'));
}

/** One clue per kind, naming up to three of the values that matched (several fields of one vendor read as one clue). */
function mergeClues(clues: Clue[]): Clue[] {
  const byKind = new Map<ClueKind, Clue>();
  for (const clue of clues) {
    const seen = byKind.get(clue.kind);
    if (!seen) byKind.set(clue.kind, { ...clue });
    // Three examples are evidence enough; more only lengthen the report.
    else if (!seen.value.split(', ').includes(clue.value) && seen.value.split(', ').length < 3) {
      byKind.set(clue.kind, { ...seen, value: `${seen.value}, ${clue.value}`, strength: seen.strength === 'strong' || clue.strength === 'strong' ? 'strong' : 'weak' });
    }
  }
  return [...byKind.values()];
}
