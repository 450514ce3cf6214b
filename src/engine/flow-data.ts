/**
 * What the steps learn, accumulated as the flow runs. Each step reads what earlier steps
 * wrote and adds its own section; every section is plain JSON.
 */
import type { CorsAnswerVerdict, CorsPreflightVerdict, McpExposedHeader } from './cors.js';
import type { ProtocolEra } from './mcp/request-metadata.js';
import type { TokenEndpointAuthMethod } from './options.js';

/** One challenge of a `WWW-Authenticate` header (RFC 9110 §11.6.1). */
export interface AuthChallenge {
  scheme: string;
  parameters: Record<string, string>;
  token68?: string;
}

export interface ProbeData {
  status: number;
  /** The era and version the server answered the unauthenticated request in, when it did. */
  era?: ProtocolEra;
  protocolVersion?: string;
  /** True when the server answered without asking for a token: there is no flow to run, only tools. */
  unprotected?: boolean;
  challenges: AuthChallenge[];
  /** `resource_metadata` of the Bearer challenge, when present. */
  resourceMetadataUrl?: string;
  /** `scope` of the Bearer challenge, when present. */
  challengeScope?: string;
}

/** RFC 9728 §2 fields the flow uses; the whole document is kept in `document`. */
export interface ProtectedResourceData {
  metadataUrl: string;
  resource: string;
  authorizationServers: string[];
  scopesSupported?: string[];
  document: Record<string, unknown>;
}

export interface AuthorizationServerData {
  /** The `authorization_servers` entry chosen. */
  authorizationServer: string;
  metadataUrl: string;
  /** RFC 8414 metadata (validated as far as a lenient client could go). */
  metadata: AuthorizationServerMetadata;
  /** True when metadata came from the 2025-03-26 default-endpoint fallback, not a document. */
  fallback: boolean;
}

export interface AuthorizationServerMetadata {
  issuer: string;
  authorization_endpoint?: string;
  token_endpoint?: string;
  registration_endpoint?: string;
  jwks_uri?: string;
  introspection_endpoint?: string;
  revocation_endpoint?: string;
  scopes_supported?: string[];
  response_types_supported?: string[];
  grant_types_supported?: string[];
  code_challenge_methods_supported?: string[];
  token_endpoint_auth_methods_supported?: string[];
  token_endpoint_auth_signing_alg_values_supported?: string[];
  authorization_response_iss_parameter_supported?: boolean;
  client_id_metadata_document_supported?: boolean;
  [field: string]: unknown;
}

export interface ClientData {
  method: 'pre' | 'cimd' | 'dcr';
  clientId: string;
  /**
   * The issuer of the authorization server the credentials belong to: "clients MUST associate
   * those credentials with the specific authorization server that issued them".
   */
  issuer?: string;
  clientSecret?: string;
  tokenEndpointAuthMethod: TokenEndpointAuthMethod;
  redirectUri: string;
  /** The registration response (DCR) without secrets. */
  registration?: Record<string, unknown>;
}

export interface AuthorizationRequestData {
  url: string;
  state: string;
  codeVerifier: string;
  codeChallenge: string;
  redirectUri: string;
  scope?: string;
  resource?: string;
  /** The issuer recorded before redirecting, for the RFC 9207 check. */
  expectedIssuer: string;
}

export interface AuthorizationResponseData {
  callbackUrl: string;
  code?: string;
  iss?: string;
  error?: string;
  errorDescription?: string;
}

export interface TokenData {
  accessToken: string;
  tokenType: string;
  expiresIn?: number;
  /** When the token was received (ISO time), so expiry can be shown later. */
  receivedAt: string;
  refreshToken?: string;
  idToken?: string;
  scope?: string;
  grant: 'authorization_code' | 'client_credentials' | 'refresh_token' | 'urn:ietf:params:oauth:grant-type:jwt-bearer';
}

/**
 * The Identity Assertion JWT Authorization Grant (ID-JAG) the enterprise IdP issued for the
 * `cross-app-access` grant, decoded for display. The JWT itself is not kept: it is a bearer
 * credential until it expires.
 */
export interface IdentityAssertionGrantData {
  idpTokenEndpoint: string;
  /** The token exchange parameters that shape the ID-JAG (RFC 8693 §2.1). */
  audience: string;
  resource?: string;
  scope?: string;
  /** RFC 8693 §2.2.1 response fields. */
  issuedTokenType?: string;
  tokenType?: string;
  expiresIn?: number;
  grantedScope?: string;
  /** JOSE header and claims of the ID-JAG, decoded; the signature is the authorization server's to verify. */
  header?: Record<string, unknown>;
  claims?: Record<string, unknown>;
}

export interface TokenInspectionData {
  format: 'jwt' | 'opaque';
  header?: Record<string, unknown>;
  claims?: Record<string, unknown>;
  signature?: 'valid' | 'invalid' | 'unverified';
  introspection?: Record<string, unknown>;
  /** Claims of the OpenID Connect ID token, when one was issued (decoded, not verified). */
  idTokenClaims?: Record<string, unknown>;
}

export interface McpTool {
  name: string;
  title?: string;
  description?: string;
  inputSchema: Record<string, unknown>;
}

/** What `server/discover` told (2026-07-28); the whole result is kept in `result`. */
export interface DiscoverData {
  supportedVersions: string[];
  capabilities: Record<string, unknown>;
  instructions?: string;
  /** Caching hints: how long the result may be reused, and by whom. */
  ttlMs?: number;
  cacheScope?: string;
  resultType?: string;
  result: Record<string, unknown>;
}

/** One round of a multi round-trip tool call: what the server asked and what the debugger answered. */
export interface InputRound {
  requests: { key: string; method: string; answered: boolean }[];
  /** Whether the server sent a requestState (echoed unchanged, never shown: it is the server's opaque data). */
  requestState: boolean;
}

export interface McpToolCall {
  name: string;
  arguments: Record<string, unknown>;
  result?: unknown;
  /** Why there is no result, in English; `errorId` and `errorParams` name it in the engine's phrase tables (outcome-reasons.ts) where it is our wording. */
  error?: string;
  errorId?: string;
  errorParams?: Record<string, string>;
  /** The input-required rounds before the final answer (2026-07-28 multi round-trip requests). */
  inputRounds?: InputRound[];
}

export interface McpData {
  /** `modern`: 2026-07-28, stateless, `_meta` on every request; `legacy`: the initialize handshake. */
  era?: ProtocolEra;
  protocolVersion?: string;
  serverInfo?: { name: string; version: string };
  capabilities?: Record<string, unknown>;
  instructions?: string;
  discover?: DiscoverData;
  tools?: McpTool[];
  /** Tools set aside because their definition is invalid (an `x-mcp-header` that breaks the rules). */
  /** `reasonParams`: the first problem as a phrase with its values, for the reader's language (absent in older sessions). */
  rejectedTools?: { name: string; reason: string; reasonParams?: Record<string, string> }[];
  /** The caching hints of tools/list (2026-07-28). */
  toolsCache?: { ttlMs?: number; cacheScope?: string };
  toolCalls: McpToolCall[];
  stepUps: number;
  /** How often a 401 led to protected resource metadata naming another authorization server. */
  authorizationServerChanges?: number;
}

/**
 * The run's DPoP key (RFC 9449) and what servers said about nonces. The private key is a
 * secret: it never leaves the run unless the person asks for secrets.
 */
export interface DpopState {
  alg: 'ES256';
  publicJwk: Record<string, unknown>;
  privateJwk: Record<string, unknown>;
  /** RFC 7638 SHA-256 thumbprint of the public key: the `cnf.jkt` a bound token carries. */
  thumbprint: string;
  /** The latest nonce each origin supplied. */
  nonces: Record<string, string>;
  /** Why the run uses DPoP: the person chose it, or the resource or the authorization server asked for it. */
  reason: 'option' | 'challenge' | 'resource-metadata' | 'authorization-server';
}

/** The endpoints of the flow a browser-based client calls, as the `cors` step names them. */
export type CorsEndpointKind = 'protected-resource-metadata' | 'authorization-server-metadata' | 'registration' | 'token' | 'mcp';

/**
 * What a page on another origin may do with one endpoint. Verdicts are absent where the
 * request got no answer (the exchange holds the error).
 */
export interface CorsEndpointCheck {
  kind: CorsEndpointKind;
  url: string;
  /** The request a browser client makes there, and the headers it needs permitted. */
  method: string;
  requestHeaders: string[];
  /** Whether that request is not simple, so the browser sends a preflight first. */
  preflightRequired: boolean;
  preflight: { exchangeId: string; verdict?: CorsPreflightVerdict };
  /** The actual request, sent where it is harmless (metadata GETs, the unauthenticated MCP request). */
  answer?: { exchangeId: string; verdict?: CorsAnswerVerdict };
  /** The origin is allowed on the actual answer, or on the preflight where no actual request was sent. */
  originAllowed: boolean;
  /** MCP endpoint only: whether a page can read each header of the answer. */
  exposed?: Record<McpExposedHeader, boolean>;
}

export interface CorsData {
  origin: string;
  endpoints: CorsEndpointCheck[];
}

export interface FlowData {
  probe?: ProbeData;
  /** The URL the authorization server sent the user-agent back to (code or error). */
  callbackUrl?: string;
  /** Scope demanded by a 403 `insufficient_scope`; the next authorization request asks for it. */
  stepUpScope?: string;
  /**
   * Set when the protected resource metadata names another authorization server than the one
   * the token came from: the flow goes back to discovery and registers there (SEP-2352).
   */
  authorizationServerChanged?: { from: string; to: string[] };
  protectedResource?: ProtectedResourceData;
  authorizationServer?: AuthorizationServerData;
  client?: ClientData;
  authorizationRequest?: AuthorizationRequestData;
  authorizationResponse?: AuthorizationResponseData;
  /** The ID-JAG of the `cross-app-access` grant, decoded. */
  identityAssertionGrant?: IdentityAssertionGrantData;
  tokens?: TokenData;
  tokenInspection?: TokenInspectionData;
  mcp?: McpData;
  refreshedTokens?: TokenData;
  dpop?: DpopState;
  /** Whether a browser-based client on another origin could call each endpoint (`cors` step). */
  cors?: CorsData;
}
