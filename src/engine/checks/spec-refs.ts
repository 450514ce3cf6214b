/**
 * The spec-reference registry: every finding cites clauses by id, and the id resolves to a
 * deep link into the selected version of the MCP authorization spec or into an RFC.
 *
 * MCP ids name a section by its heading in each version. Where a version lacks the section
 * (PRM discovery did not exist in 2025-03-26), the link goes to the nearest later version
 * that has it, so the reader still lands on the rule.
 */
import { SPEC_VERSIONS, type SpecRef, type SpecVersion } from '../types.js';
import { SPEC_TITLES_ZH } from './spec-ref-titles.js';

type McpPage = '' | '/authorization-server-discovery' | '/client-registration' | '/security-considerations';

/**
 * A page outside the authorization chapter (the protocol's basic, transport and server pages),
 * as a path under the version's root; `title` names the page where no heading is linked.
 */
interface McpProtocolPage {
  path: string;
  heading?: string;
  title?: string;
}

interface McpSection {
  /** Heading per version; 2026-07-28 splits the chapter into pages. */
  headings: Partial<Record<SpecVersion, string | { page: McpPage; heading?: string } | McpProtocolPage>>;
}

const LEGACY_VERSIONS_OF_PAGE = ['2025-03-26', '2025-06-18', '2025-11-25'] as const;

/** The same protocol page in each legacy version. */
function legacyPages(path: string, heading?: string): McpSection['headings'] {
  return Object.fromEntries(LEGACY_VERSIONS_OF_PAGE.map((v) => [v, { path, ...(heading ? { heading } : {}) }]));
}

const MCP_SECTIONS = {
  'mcp:protocol-requirements': { headings: all('Protocol Requirements') },
  'mcp:standards-compliance': { headings: all('Standards Compliance') },
  'mcp:as-location': {
    headings: {
      '2025-06-18': 'Authorization Server Location',
      '2025-11-25': 'Authorization Server Location',
      '2026-07-28': { page: '/authorization-server-discovery', heading: 'Authorization Server Location' },
    },
  },
  'mcp:prm-discovery': {
    headings: {
      '2025-06-18': 'Authorization Server Location',
      '2025-11-25': 'Protected Resource Metadata Discovery Requirements',
      '2026-07-28': { page: '/authorization-server-discovery', heading: 'Protected Resource Metadata Discovery Requirements' },
    },
  },
  'mcp:asm-discovery': {
    headings: {
      '2025-03-26': 'Server Metadata Discovery',
      '2025-06-18': 'Server Metadata Discovery',
      '2025-11-25': 'Authorization Server Metadata Discovery',
      '2026-07-28': { page: '/authorization-server-discovery', heading: 'Authorization Server Metadata Discovery' },
    },
  },
  'mcp:asm-fallback': { headings: { '2025-03-26': 'Fallbacks for Servers without Metadata Discovery' } },
  'mcp:client-registration': {
    headings: {
      '2025-03-26': 'Dynamic Client Registration',
      '2025-06-18': 'Dynamic Client Registration',
      '2025-11-25': 'Client Registration Approaches',
      '2026-07-28': { page: '/client-registration' },
    },
  },
  'mcp:cimd': {
    headings: {
      '2025-11-25': 'Client ID Metadata Documents',
      '2026-07-28': { page: '/client-registration', heading: 'Client ID Metadata Documents' },
    },
  },
  'mcp:pre-registration': {
    headings: {
      '2025-11-25': 'Preregistration',
      '2026-07-28': { page: '/client-registration', heading: 'Pre-registration' },
    },
  },
  'mcp:dcr': {
    headings: {
      '2025-03-26': 'Dynamic Client Registration',
      '2025-06-18': 'Dynamic Client Registration',
      '2025-11-25': 'Dynamic Client Registration',
      '2026-07-28': { page: '/client-registration', heading: 'Dynamic Client Registration' },
    },
  },
  'mcp:dcr-application-type': {
    headings: { '2026-07-28': { page: '/client-registration', heading: 'Application Type and Redirect URI Constraints' } },
  },
  'mcp:scope-selection': { headings: { '2025-11-25': 'Scope Selection Strategy', '2026-07-28': 'Scope Selection Strategy' } },
  'mcp:flow-steps': { headings: all('Authorization Flow Steps') },
  'mcp:iss-validation': { headings: { '2026-07-28': 'Authorization Response Validation' } },
  'mcp:resource-parameter': {
    headings: {
      '2025-06-18': 'Resource Parameter Implementation',
      '2025-11-25': 'Resource Parameter Implementation',
      '2026-07-28': 'Resource Parameter Implementation',
    },
  },
  'mcp:canonical-uri': {
    headings: { '2025-06-18': 'Canonical Server URI', '2025-11-25': 'Canonical Server URI', '2026-07-28': 'Canonical Server URI' },
  },
  'mcp:token-requirements': { headings: all('Token Requirements') },
  'mcp:token-handling': { headings: all('Token Handling') },
  'mcp:refresh-tokens': { headings: { '2026-07-28': 'Refresh Tokens' } },
  'mcp:error-handling': { headings: all('Error Handling') },
  'mcp:step-up': { headings: { '2025-11-25': 'Step-Up Authorization Flow', '2026-07-28': 'Step-Up Authorization Flow' } },
  'mcp:insufficient-scope': {
    headings: { '2025-11-25': 'Runtime Insufficient Scope Errors', '2026-07-28': 'Runtime Insufficient Scope Errors' },
  },
  'mcp:audience-binding': {
    headings: {
      '2025-06-18': 'Token Audience Binding and Validation',
      '2025-11-25': 'Token Audience Binding and Validation',
      '2026-07-28': { page: '/security-considerations', heading: 'Token Audience Binding and Validation' },
    },
  },
  'mcp:token-theft': {
    headings: {
      '2025-06-18': 'Token Theft',
      '2025-11-25': 'Token Theft',
      '2026-07-28': { page: '/security-considerations', heading: 'Token Theft' },
    },
  },
  'mcp:communication-security': {
    headings: {
      '2025-06-18': 'Communication Security',
      '2025-11-25': 'Communication Security',
      '2026-07-28': { page: '/security-considerations', heading: 'Communication Security' },
    },
  },
  'mcp:code-protection': {
    headings: {
      '2025-03-26': 'Security Considerations',
      '2025-06-18': 'Authorization Code Protection',
      '2025-11-25': 'Authorization Code Protection',
      '2026-07-28': { page: '/security-considerations', heading: 'Authorization Code Protection' },
    },
  },
  'mcp:mix-up': { headings: { '2026-07-28': { page: '/security-considerations', heading: 'Mix-Up Attacks' } } },
  'mcp:open-redirection': {
    headings: {
      '2025-06-18': 'Open Redirection',
      '2025-11-25': 'Open Redirection',
      '2026-07-28': { page: '/security-considerations', heading: 'Open Redirection' },
    },
  },
  'mcp:confused-deputy': {
    headings: {
      '2025-06-18': 'Confused Deputy Problem',
      '2025-11-25': 'Confused Deputy Problem',
      '2026-07-28': { page: '/security-considerations', heading: 'Confused Deputy Problem' },
    },
  },
  // The protocol pages the MCP layer's findings cite (2026-07-28 makes MCP stateless).
  'mcp:version-negotiation': {
    headings: {
      ...legacyPages('/basic/lifecycle', 'Version Negotiation'),
      '2026-07-28': { path: '/basic/versioning', heading: 'Protocol Version Negotiation' },
    },
  },
  'mcp:era-compatibility': {
    headings: { '2026-07-28': { path: '/basic/versioning', heading: 'Backward Compatibility with Initialization-Based Versions' } },
  },
  'mcp:http-backward-compatibility': {
    headings: { '2026-07-28': { path: '/basic/transports/streamable-http', heading: 'Backward Compatibility' } },
  },
  'mcp:request-metadata': {
    headings: { '2026-07-28': { path: '/basic/transports/streamable-http', heading: 'Request Metadata' } },
  },
  'mcp:server-validation': {
    headings: { '2026-07-28': { path: '/basic/transports/streamable-http', heading: 'Server Validation' } },
  },
  'mcp:legacy-transport': {
    headings: {
      ...legacyPages('/basic/transports', 'Streamable HTTP'),
      '2026-07-28': { path: '/basic/transports/streamable-http', heading: 'Earlier Streamable HTTP Revisions' },
    },
  },
  'mcp:lifecycle-initialization': { headings: legacyPages('/basic/lifecycle', 'Initialization') },
  'mcp:discover': { headings: { '2026-07-28': { path: '/server/discover', title: 'Discovery' } } },
  'mcp:result-type': { headings: { '2026-07-28': { path: '/basic/index', heading: 'ResultType' } } },
  'mcp:error-codes': { headings: { '2026-07-28': { path: '/basic/index', heading: 'Error Codes' } } },
  'mcp:x-mcp-header': { headings: { '2026-07-28': { path: '/server/tools', heading: 'x-mcp-header' } } },
  'mcp:tools-list': {
    headings: {
      ...legacyPages('/server/tools', 'Listing Tools'),
      '2026-07-28': { path: '/server/tools', heading: 'Listing Tools' },
    },
  },
  'mcp:mrtr': { headings: { '2026-07-28': { path: '/basic/patterns/mrtr', title: 'Multi Round-Trip Requests' } } },
  // 2025-11-25 and earlier: "MCP servers MUST NOT use sessions for authentication"; 2026-07-28 has
  // no sessions and says the same of its state handles.
  'mcp:session-hijacking': {
    headings: {
      '2025-06-18': { path: '/basic/security_best_practices', heading: 'Session Hijacking' },
      '2025-11-25': { path: '/basic/security_best_practices', heading: 'Session Hijacking' },
      '2026-07-28': { path: '/basic/security_best_practices', heading: 'State Handle Hijacking' },
    },
  },
  'mcp:ssrf': { headings: { '2026-07-28': { path: '/basic/security_best_practices', heading: 'Server-Side Request Forgery (SSRF)' } } },
} satisfies Record<string, McpSection>;

export type McpSectionId = keyof typeof MCP_SECTIONS;

/** RFC sections cited by findings: `rfcNNNN:section` (section as in the RFC's own numbering). */
const RFC_TITLES: Record<number, string> = {
  3986: 'URI Generic Syntax',
  6749: 'OAuth 2.0',
  6750: 'Bearer Token Usage',
  7009: 'Token Revocation',
  7519: 'JSON Web Token',
  7523: 'JWT Profile for Client Authentication and Authorization Grants',
  7591: 'Dynamic Client Registration',
  7636: 'PKCE',
  7662: 'Token Introspection',
  8252: 'OAuth 2.0 for Native Apps',
  8414: 'Authorization Server Metadata',
  8693: 'Token Exchange',
  8707: 'Resource Indicators',
  9068: 'JWT Access Tokens',
  9110: 'HTTP Semantics',
  9207: 'Authorization Server Issuer Identification',
  9700: 'OAuth 2.0 Security Best Current Practice',
  9449: 'Demonstrating Proof of Possession (DPoP)',
  9728: 'Protected Resource Metadata',
};

/** `fetch:cors`: the CORS protocol of the WHATWG Fetch standard, which has no RFC. */
export type SpecRefId = McpSectionId | `rfc${number}:${string}` | 'oauth21:draft' | 'oidc-discovery:4' | 'fetch:cors';

const MCP_BASE = 'https://modelcontextprotocol.io/specification';

export function isKnownSpecRef(id: string): boolean {
  if (id in MCP_SECTIONS) return true;
  if (id === 'oauth21:draft' || id === 'oidc-discovery:4' || id === 'fetch:cors') return true;
  const rfc = /^rfc(\d+):[0-9A-Z][0-9A-Za-z.]*$/.exec(id);
  return rfc !== null && Number(rfc[1]) in RFC_TITLES;
}

/** Resolves a reference id to a link for the chosen spec version. */
export function resolveSpecRef(id: SpecRefId, version: SpecVersion): SpecRef {
  if (id === 'oauth21:draft') return { id, url: 'https://datatracker.ietf.org/doc/html/draft-ietf-oauth-v2-1-13' };
  if (id === 'oidc-discovery:4') {
    return { id, url: 'https://openid.net/specs/openid-connect-discovery-1_0.html#ProviderConfig' };
  }
  if (id === 'fetch:cors') return { id, url: 'https://fetch.spec.whatwg.org/#http-cors-protocol' };
  if (id.startsWith('rfc')) {
    const [rfc = '', section = ''] = id.slice(3).split(':');
    const anchor = /^[A-Z]/.test(section) ? `appendix-${section}` : `section-${section}`;
    return { id, url: `https://www.rfc-editor.org/rfc/rfc${rfc}#${anchor}` };
  }
  const section: McpSection = MCP_SECTIONS[id as McpSectionId];
  const [usedVersion, heading] = nearestHeading(section, version);
  const target = typeof heading === 'string' ? { page: '' as McpPage, heading } : heading;
  const anchor = target.heading ? `#${slug(target.heading)}` : '';
  if ('path' in target) return { id, url: `${MCP_BASE}/${usedVersion}${target.path}${anchor}` };
  return { id, url: `${MCP_BASE}/${usedVersion}/basic/authorization${target.page}${anchor}` };
}

/**
 * Human label for a reference ("RFC 9728 §3.3", "MCP 2026-07-28: Canonical Server URI"); in
 * Chinese the title is translated (SPEC_TITLES_ZH), the document names and numbers stay.
 */
export function specRefLabel(id: SpecRefId, version: SpecVersion, language: 'en' | 'zh-CN' = 'en'): string {
  const title = (english: string) => (language === 'en' ? english : (SPEC_TITLES_ZH[english] ?? english));
  if (id === 'oauth21:draft') return title('OAuth 2.1 (draft)');
  if (id === 'oidc-discovery:4') return title('OpenID Connect Discovery §4');
  if (id === 'fetch:cors') return title('Fetch Standard §3.2 (CORS protocol)');
  if (id.startsWith('rfc')) {
    const [rfc = '', section = ''] = id.slice(3).split(':');
    const name = title(RFC_TITLES[Number(rfc)] ?? '');
    return language === 'en' ? `RFC ${rfc} §${section} (${name})` : `RFC ${rfc} §${section}(${name})`;
  }
  const [usedVersion, heading] = nearestHeading(MCP_SECTIONS[id as McpSectionId], version);
  const english = typeof heading === 'string' ? heading : (heading.heading ?? ('title' in heading ? heading.title : undefined) ?? 'Client Registration');
  return language === 'en' ? `MCP ${usedVersion}: ${english}` : `MCP ${usedVersion}:${title(english)}`;
}

/** Every English title a label can show (MCP headings, RFC titles, the other documents), for the translations' test. */
export function allSpecTitles(): string[] {
  const titles = new Set<string>(['OAuth 2.1 (draft)', 'OpenID Connect Discovery §4', 'Fetch Standard §3.2 (CORS protocol)', 'Client Registration', ...Object.values(RFC_TITLES)]);
  for (const section of Object.values(MCP_SECTIONS) as McpSection[]) {
    for (const heading of Object.values(section.headings)) {
      if (typeof heading === 'string') titles.add(heading);
      else if (heading.heading !== undefined) titles.add(heading.heading);
      else if ('title' in heading && heading.title !== undefined) titles.add(heading.title);
    }
  }
  return [...titles].sort();
}

function nearestHeading(section: McpSection, version: SpecVersion): [SpecVersion, NonNullable<McpSection['headings'][SpecVersion]>] {
  const start = SPEC_VERSIONS.indexOf(version);
  const order = [...SPEC_VERSIONS.slice(start), ...SPEC_VERSIONS.slice(0, start).reverse()];
  for (const candidate of order) {
    const heading = section.headings[candidate];
    if (heading !== undefined) return [candidate, heading];
  }
  throw new Error('spec section without any heading');
}

function all(heading: string): McpSection['headings'] {
  return Object.fromEntries(SPEC_VERSIONS.map((v) => [v, heading]));
}

/** Mintlify's heading anchors: lower case, spaces to hyphens, punctuation dropped. */
function slug(heading: string): string {
  return heading
    .toLowerCase()
    .replace(/[^a-z0-9 -]/g, '')
    .trim()
    .replace(/\s+/g, '-');
}
