/**
 * Resource identifiers: the canonical URI of an MCP server (the value of the `resource`
 * parameter) and how a `resource` from Protected Resource Metadata relates to it.
 */

/**
 * The canonical URI of an MCP server.
 * @see https://modelcontextprotocol.io/specification/2026-07-28/basic/authorization#canonical-server-uri
 * Lowercase scheme and host, no fragment, no default port; the form without a trailing slash
 * for an empty path ("implementations SHOULD consistently use the form without the trailing
 * slash ... unless the trailing slash is semantically significant"). A slash after a
 * non-empty path is kept: it can be significant, and only the server knows.
 * Undefined when the input is not an absolute URL.
 */
export function canonicalServerUri(serverUrl: string): string | undefined {
  if (!URL.canParse(serverUrl)) return undefined;
  const url = new URL(serverUrl);
  // URL already lower-cases scheme and host and drops the default port.
  const path = url.pathname === '/' ? '' : url.pathname;
  return `${url.protocol}//${url.host}${path}${url.search}`;
}

/**
 * A resource identifier as a resource server compares it at its loosest: scheme and host case,
 * the default port, the fragment and trailing slashes do not count. Token inspection calls an
 * audience equal only this way "not exact"; the audit uses it so a token for this very server
 * is never taken for a foreign one. Undefined when the input is not an absolute URL.
 */
export function looseResourceIdentifier(uri: string): string | undefined {
  if (!URL.canParse(uri)) return undefined;
  const url = new URL(uri);
  return `${url.protocol}//${url.host}${url.pathname.replace(/\/+$/, '')}${url.search}`;
}

/** True for http(s) URLs on a loopback host, where plain http is allowed for development. */
export function isLoopbackUrl(url: URL): boolean {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  return host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

/** True for https URLs, and for http URLs on a loopback host. */
export function isSecureOrLoopback(url: URL): boolean {
  return url.protocol === 'https:' || (url.protocol === 'http:' && isLoopbackUrl(url));
}

/**
 * How a `resource` value relates to the URL the client used:
 * - `identical`: the same string (RFC 9728 §3.3 asks for this);
 * - `equivalent`: the same URL once scheme and host case, the default port and an empty path
 *   are normalised (RFC 3986 §6.2.2-6.2.3; the MCP spec says implementations SHOULD accept
 *   uppercase scheme and host);
 * - `parent`: same origin, and its path is a segment-wise prefix of the server's path
 *   (`https://x.example` for `https://x.example/mcp`). RFC 9728 rejects it; the MCP SDKs accept
 *   it, and draft-mcguinness-oauth-rfc9728bis proposes to allow it;
 * - `different`: anything else, including a value that is not an absolute URL.
 * @see https://www.rfc-editor.org/rfc/rfc9728#section-3.3
 */
export type ResourceRelation = 'identical' | 'equivalent' | 'parent' | 'different';

export function compareResourceIdentifiers(serverUrl: string, resource: string): ResourceRelation {
  if (serverUrl === resource) return 'identical';
  if (!URL.canParse(serverUrl) || !URL.canParse(resource)) return 'different';
  const server = new URL(serverUrl);
  const claimed = new URL(resource);
  server.hash = '';
  if (claimed.hash !== '' || resource.includes('#')) return 'different';
  if (server.href === claimed.href) return 'equivalent';
  if (server.origin !== claimed.origin || claimed.search !== '') return 'different';
  const withSlash = (path: string) => (path.endsWith('/') ? path : `${path}/`);
  const serverPath = withSlash(server.pathname);
  const claimedPath = withSlash(claimed.pathname);
  const narrower = serverPath !== claimedPath || server.search !== '';
  return narrower && serverPath.startsWith(claimedPath) ? 'parent' : 'different';
}
