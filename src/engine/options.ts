/**
 * What the person (or the CLI) asks the engine to do. Plain data; secrets here live only in
 * memory and are redacted from exported sessions unless the person asks otherwise.
 */
import { DEFAULT_SPEC_VERSION, type HeaderList, type SpecVersion } from './types.js';
import { DEFAULT_MAX_BODY_BYTES, DEFAULT_TIMEOUT_MS } from './transport.js';

/** `auto` follows the spec's priority: pre-registered, then CIMD, then DCR. */
export type RegistrationMode = 'auto' | 'pre' | 'cimd' | 'dcr';

export type TokenEndpointAuthMethod = 'client_secret_basic' | 'client_secret_post' | 'none' | 'private_key_jwt';

export type GrantKind = 'authorization_code' | 'client_credentials';

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
  /** Go on past MUST-stop violations so the rest of the flow can be seen. */
  lenient: boolean;
  /** Resource-server credentials for RFC 7662 introspection (as the tutorial's token verifier has). */
  introspection?: { clientId: string; clientSecret: string };
  /** A tool call to make once the tools are listed. */
  toolCall?: { name: string; arguments: Record<string, unknown> };
  /** Run the security audit (tampered and foreign-audience tokens sent to the MCP server). */
  audit: boolean;
  /** Ask for a refresh after the token request when a refresh token was issued. */
  refresh: boolean;
  /** How many times a 403 `insufficient_scope` may send the flow back for more scope. */
  maxStepUps: number;
  timeoutMs: number;
  maxBodyBytes: number;
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
    audit: false,
    refresh: true,
    maxStepUps: 2,
    timeoutMs: DEFAULT_TIMEOUT_MS,
    maxBodyBytes: DEFAULT_MAX_BODY_BYTES,
    ...overrides,
  };
}
