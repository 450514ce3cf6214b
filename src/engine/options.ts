/**
 * What the person (or the CLI) asks the engine to do. Plain data; secrets here live only in
 * memory and are redacted from exported sessions unless the person asks otherwise.
 */
import { DEFAULT_SPEC_VERSION, type HeaderList, type SpecVersion } from './types.js';
import { DEFAULT_MAX_BODY_BYTES, DEFAULT_TIMEOUT_MS } from './transport.js';

/** `auto` follows the spec's priority: pre-registered, then CIMD, then DCR. */
export type RegistrationMode = 'auto' | 'pre' | 'cimd' | 'dcr';

export type TokenEndpointAuthMethod = 'client_secret_basic' | 'client_secret_post' | 'none' | 'private_key_jwt';

/**
 * `cross-app-access` is the Identity Assertion JWT Authorization Grant of MCP's
 * Enterprise-Managed Authorization extension: an ID token from the enterprise IdP is exchanged
 * there for an ID-JAG (RFC 8693), which the authorization server takes as a JWT bearer grant
 * (RFC 7523 §2.1).
 * `jwt-bearer` presents a JWT the client already holds as the grant (RFC 7523 §2.1): workload
 * identity federation, where a platform (a CI runner, a cloud workload) issues the assertion.
 * @see https://github.com/modelcontextprotocol/ext-auth/blob/main/specification/stable/enterprise-managed-authorization.mdx
 */
export type GrantKind = 'authorization_code' | 'client_credentials' | 'cross-app-access' | 'jwt-bearer';

/** RFC 7523 §2.1: the `grant_type` that presents a JWT (here the ID-JAG) as an authorization grant. */
export const JWT_BEARER_GRANT_TYPE = 'urn:ietf:params:oauth:grant-type:jwt-bearer';

/** The `grant_type` each grant kind sends to the authorization server, as `grant_types_supported` lists it. */
export const OAUTH_GRANT_TYPES: Readonly<Record<GrantKind, string>> = {
  authorization_code: 'authorization_code',
  client_credentials: 'client_credentials',
  'cross-app-access': JWT_BEARER_GRANT_TYPE,
  'jwt-bearer': JWT_BEARER_GRANT_TYPE,
};

/** How the client authenticates at the IdP's token endpoint when it has a secret there. */
export type IdpClientAuthMethod = 'client_secret_basic' | 'client_secret_post';

/** What the `cross-app-access` grant starts from: the user's single sign-on at the enterprise IdP. */
export interface IdentityAssertionOptions {
  /** The IdP's token endpoint, where the ID token is exchanged for an ID-JAG. */
  idpTokenEndpoint: string;
  /** The IdP's issuer identifier; the ID-JAG's `iss` is compared with it (default: the ID token's `iss`). */
  idpIssuer?: string;
  /** The OpenID Connect ID token the client received when the user signed in at the IdP. */
  idToken: string;
  /** The client's id at the IdP (default: the ID token's `azp`, else its single `aud`). */
  idpClientId?: string;
  /** The client's secret at the IdP; without it the exchange is sent as a public client. */
  idpClientSecret?: string;
  /** Default `client_secret_post`, as in the extension's example request. */
  idpClientAuthMethod?: IdpClientAuthMethod;
}

export interface FlowOptions {
  /** The MCP endpoint, e.g. `https://example.com/mcp`. */
  serverUrl: string;
  spec: SpecVersion;
  grant: GrantKind;
  registration: RegistrationMode;
  clientId?: string;
  clientSecret?: string;
  /** For `private_key_jwt`: a private JWK (with `alg`, or `signingAlg` below). */
  privateKeyJwk?: JsonWebKeyWithAlg;
  signingAlg?: string;
  /** HTTPS URL of this client's Client ID Metadata Document (used as `client_id`). */
  clientMetadataUrl?: string;
  /** Forces a token endpoint authentication method instead of choosing from metadata. */
  tokenEndpointAuthMethod?: TokenEndpointAuthMethod;
  /** Overrides the scope strategy with an explicit value. */
  scope?: string;
  redirectUri: string;
  clientName: string;
  /** Leave `resource` out of the authorization and token requests (to see how a server copes). */
  omitResource: boolean;
  /** Sent with every request to the MCP server. */
  extraHeaders: HeaderList;
  /**
   * Query parameters of the server URL that carry credentials, besides the known ones (api_key,
   * key, token, sig, …): sent to the server, redacted wherever the run is kept or exported.
   */
  secretParameters?: string[];
  /** Go on past MUST-stop violations so the rest of the flow can be seen. */
  lenient: boolean;
  /**
   * Follow the servers to loopback and private addresses of other hosts than the run started
   * at. Off by default: a server on the internet must not be able to make the debugger reach
   * into the person's own network (see private-address.ts). A run that starts on loopback is
   * not held to the rule.
   */
  allowPrivateHops?: boolean;
  /** The JWT the `jwt-bearer` grant presents (workload identity federation); a secret. */
  assertion?: string;
  /** Inputs of the `cross-app-access` grant (required for it, ignored by the others). */
  identityAssertion?: IdentityAssertionOptions;
  /** Resource-server credentials for RFC 7662 introspection (as the tutorial's token verifier has). */
  introspection?: { clientId: string; clientSecret: string };
  /** A tool call to make once the tools are listed. */
  toolCall?: ToolCallRequest;
  /** Further tool calls, made in order after `toolCall`. */
  toolCalls?: ToolCallRequest[];
  /**
   * DPoP (RFC 9449): `auto` uses it when the resource asks for it (a DPoP challenge, or
   * dpop_bound_access_tokens_required), `on` always, `off` never.
   */
  dpop: 'auto' | 'on' | 'off';
  /** Run the security audit (tampered and foreign-audience tokens sent to the MCP server). */
  audit: boolean;
  /**
   * Check whether a browser-based client on another origin could call each endpoint: OPTIONS
   * preflights, and the harmless requests (metadata, the unauthenticated MCP request) again
   * with an Origin.
   */
  cors: boolean;
  /** Ask for a refresh after the token request when a refresh token was issued. */
  refresh: boolean;
  /** How many times a 403 `insufficient_scope` may send the flow back for more scope. */
  maxStepUps: number;
  timeoutMs: number;
  maxBodyBytes: number;
}

export interface ToolCallRequest {
  name: string;
  arguments: Record<string, unknown>;
}

export interface JsonWebKeyWithAlg extends JsonWebKey {
  alg?: string;
  kid?: string;
}

export const DEFAULT_REDIRECT_URI = 'http://127.0.0.1:4280/callback';

export function defaultFlowOptions(serverUrl: string, overrides: Partial<FlowOptions> = {}): FlowOptions {
  return {
    serverUrl,
    spec: DEFAULT_SPEC_VERSION,
    grant: 'authorization_code',
    registration: 'auto',
    redirectUri: DEFAULT_REDIRECT_URI,
    clientName: 'mcp-auth-debugger',
    omitResource: false,
    extraHeaders: [],
    lenient: false,
    dpop: 'auto',
    audit: false,
    cors: false,
    refresh: true,
    maxStepUps: 2,
    timeoutMs: DEFAULT_TIMEOUT_MS,
    maxBodyBytes: DEFAULT_MAX_BODY_BYTES,
    ...overrides,
  };
}
