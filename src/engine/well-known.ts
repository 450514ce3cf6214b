/**
 * Where metadata documents live: the well-known URLs a client builds from the MCP server's URL
 * (RFC 9728) and from an authorization server's issuer identifier (RFC 8414, OpenID Connect
 * Discovery), in the order each MCP spec version prescribes. Pure functions on URLs.
 */
import type { SpecVersion } from './types.js';

export interface ProtectedResourceMetadataCandidate {
  url: string;
  /** `path-aware`: suffix inserted before the server's path; `root`: at the origin. */
  construction: 'path-aware' | 'root';
}

/**
 * RFC 9728 §3.1: "the well-known URI path suffix is inserted between the host component and the
 * path and/or query components" (any terminating slash after the host removed). MCP 2025-11-25
 * and later add the root URL as the second try; the MCP SDKs did the same for 2025-06-18.
 * When the server sits at the root, both are the same URL and it is listed once.
 * @see https://www.rfc-editor.org/rfc/rfc9728#section-3.1
 * @see https://modelcontextprotocol.io/specification/2025-11-25/basic/authorization#protected-resource-metadata-discovery-requirements
 */
export function protectedResourceMetadataUrls(serverUrl: URL): ProtectedResourceMetadataCandidate[] {
  const path = serverUrl.pathname === '/' ? '' : serverUrl.pathname;
  const root = `${serverUrl.origin}/.well-known/oauth-protected-resource`;
  const pathAware = `${root}${path}${serverUrl.search}`;
  return pathAware === root
    ? [{ url: root, construction: 'root' }]
    : [
        { url: pathAware, construction: 'path-aware' },
        { url: root, construction: 'root' },
      ];
}

export interface AuthorizationServerMetadataCandidate {
  url: string;
  /** Which document format the URL serves. */
  format: 'oauth' | 'oidc';
  /** `insertion`: suffix before the issuer's path; `appending`: after it (OIDC Discovery §4). */
  construction: 'insertion' | 'appending';
  /** False for URLs tried beyond what the selected spec version lists (to explain, not to require). */
  inSpec: boolean;
}

/**
 * The metadata URLs for an issuer identifier, in the priority order of the spec version.
 * RFC 8414 §3.1 and OIDC Discovery §4: "any terminating '/' MUST be removed" from the path first.
 *
 * - 2025-11-25 and later: for an issuer with a path, RFC 8414 insertion, OIDC insertion, OIDC
 *   appending; without a path, RFC 8414 then OIDC ("clients MUST try endpoints in the following
 *   priority order").
 * - 2025-06-18: "MCP clients MUST follow ... RFC8414", so only the RFC 8414 URL is in the spec;
 *   the OIDC URLs follow as extra tries (the MCP SDK of that time tried them too), so a server
 *   that only has OpenID Connect Discovery can be explained rather than just not found.
 * - 2025-03-26 has no issuer discovery: see `legacyAuthorizationServerMetadataUrl`.
 * @see https://modelcontextprotocol.io/specification/2025-11-25/basic/authorization#authorization-server-metadata-discovery
 * @see https://www.rfc-editor.org/rfc/rfc8414#section-3.1
 * @see https://openid.net/specs/openid-connect-discovery-1_0.html#ProviderConfig
 */
export function authorizationServerMetadataUrls(issuer: URL, spec: SpecVersion): AuthorizationServerMetadataCandidate[] {
  const path = issuer.pathname.replace(/\/+$/, '');
  const origin = issuer.origin;
  const candidates: Omit<AuthorizationServerMetadataCandidate, 'inSpec'>[] = [
    { url: `${origin}/.well-known/oauth-authorization-server${path}`, format: 'oauth', construction: 'insertion' },
    { url: `${origin}/.well-known/openid-configuration${path}`, format: 'oidc', construction: 'insertion' },
  ];
  if (path !== '') {
    candidates.push({ url: `${origin}${path}/.well-known/openid-configuration`, format: 'oidc', construction: 'appending' });
  }
  return candidates.map((candidate) => ({ ...candidate, inSpec: spec !== '2025-06-18' || candidate.format === 'oauth' }));
}

/**
 * 2025-03-26: "The authorization base URL MUST be determined from the MCP server URL by
 * discarding any existing path component", and the metadata "MUST be at"
 * `<base>/.well-known/oauth-authorization-server`.
 * @see https://modelcontextprotocol.io/specification/2025-03-26/basic/authorization#authorization-base-url
 */
export function authorizationBaseUrl(serverUrl: URL): string {
  return serverUrl.origin;
}

export function legacyAuthorizationServerMetadataUrl(serverUrl: URL): string {
  return `${authorizationBaseUrl(serverUrl)}/.well-known/oauth-authorization-server`;
}

/**
 * 2025-03-26 "Fallbacks for Servers without Metadata Discovery": clients MUST use these paths
 * relative to the authorization base URL when the metadata document is not there.
 * @see https://modelcontextprotocol.io/specification/2025-03-26/basic/authorization#fallbacks-for-servers-without-metadata-discovery
 */
export function legacyDefaultEndpoints(serverUrl: URL): { authorization_endpoint: string; token_endpoint: string; registration_endpoint: string } {
  const base = authorizationBaseUrl(serverUrl);
  return {
    authorization_endpoint: `${base}/authorize`,
    token_endpoint: `${base}/token`,
    registration_endpoint: `${base}/register`,
  };
}
