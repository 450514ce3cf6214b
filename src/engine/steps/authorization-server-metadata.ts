/**
 * Stage 3: the authorization server's metadata (RFC 8414, or OpenID Connect Discovery), which
 * gives its endpoints and capabilities. Every candidate URL of the spec version is tried in
 * order until one serves a usable document; the document is then checked field by field.
 * @see https://modelcontextprotocol.io/specification/2026-07-28/basic/authorization/authorization-server-discovery#authorization-server-metadata-discovery
 * @see https://www.rfc-editor.org/rfc/rfc8414#section-3
 *
 * Per version:
 * - 2025-11-25, 2026-07-28: the issuer is the first `authorization_servers` entry; RFC 8414 and
 *   OIDC URLs in the spec's priority order (see `authorizationServerMetadataUrls`).
 * - 2025-06-18: the RFC 8414 URL is the spec's; the OIDC URLs are tried after it, and finding
 *   the document only there is reported (`asm.oauth-metadata-missing`).
 * - 2025-03-26: no PRM; the metadata is at `<MCP server origin>/.well-known/oauth-authorization-server`
 *   (sent with `MCP-Protocol-Version`), and when it is not there the default endpoints
 *   `/authorize`, `/token`, `/register` at that origin are used (`fallback: true`). The fallback
 *   is taken for any unusable answer, not only a 404, so the rest of the flow can still be seen;
 *   the findings say what was wrong with the answer.
 *
 * Stops (unless lenient): `asm.issuer-mismatch` and `asm.issuer-not-identical` (RFC 8414 §3.3,
 * MUST NOT use the metadata), and from 2025-11-25 on `asm.pkce-unsupported` ("MCP clients MUST
 * refuse to proceed"). Earlier versions report a missing PKCE advertisement without stopping.
 */
import { processDiscoveryResponse } from 'oauth4webapi';
import { isSecureOrLoopback } from '../canonical-uri.js';
import type { FindingInput } from '../checks/catalogue.js';
import { phrase, type DocumentPhraseId, type PhraseId } from '../checks/finding-phrases.js';
import type { AuthorizationServerData, AuthorizationServerMetadata } from '../flow-data.js';
import { OAUTH_GRANT_TYPES } from '../options.js';
import { because, exchangeLabel } from '../checks/engine-phrases.js';
import { failed, ok, type StepContext, type StepDefinition, type StepOutput } from '../step.js';
import type { SpecVersion } from '../types.js';
import {
  authorizationBaseUrl,
  authorizationServerMetadataUrls,
  legacyAuthorizationServerMetadataUrl,
  legacyDefaultEndpoints,
} from '../well-known.js';
import { describeTried, discoveryHeaders, fetchMetadataDocument, isErrorFinding, type FetchedDocument } from './metadata-fetch.js';
import { strictVerdict } from './oauth-library.js';

const FETCH_IDS = { followed: 'asm.redirect', notFollowed: 'asm.redirect-not-followed', unexpectedStatus: 'asm.unexpected-status' };

const WHAT: DocumentPhraseId = 'document.authorization-server-metadata';

export const authorizationServerMetadataStep: StepDefinition = {
  id: 'authorization-server-metadata',
  async run(ctx) {
    if (!URL.canParse(ctx.options.serverUrl)) return failed(because('outcome.server-url-not-absolute'));
    const serverUrl = new URL(ctx.options.serverUrl);
    if (ctx.spec === '2025-03-26') return discoverAtServerOrigin(ctx, serverUrl);

    const issuer = ctx.data.protectedResource?.authorizationServers[0];
    if (issuer === undefined) return failed(because('outcome.asm.no-issuer'));
    if (!URL.canParse(issuer)) return failed(because('outcome.asm.issuer-not-absolute', { issuer }));
    const issuerUrl = new URL(issuer);

    const candidates = authorizationServerMetadataUrls(issuerUrl, ctx.spec);
    const tried: string[] = [];
    for (const candidate of candidates) {
      tried.push(candidate.url);
      const label = exchangeLabel(`label.asm.${candidate.format}.${candidate.construction}${candidate.inSpec ? '' : '.beyond-spec'}`);
      const fetched = await fetchMetadataDocument(ctx, { url: candidate.url, label, headers: discoveryHeaders(ctx, candidate.url, { protocolVersion: false }) }, WHAT, FETCH_IDS);
      if (!fetched) continue;
      if (!candidate.inSpec) {
        ctx.report('asm.oauth-metadata-missing', {
          params: { url: candidates[0]?.url ?? candidate.url, found: candidate.url },
          evidence: { exchangeId: fetched.sent.exchange.id },
        });
      }
      return analyzeDocument(ctx, fetched, { issuer, exact: true });
    }
    ctx.report('asm.not-found', { params: { issuer, tried: describeTried(tried) } });
    return failed(because('outcome.asm.not-found', { issuer }), 'asm.not-found');
  },
};

/** 2025-03-26: metadata at the MCP server's origin, or the default endpoints there. */
async function discoverAtServerOrigin(ctx: StepContext, serverUrl: URL): Promise<StepOutput> {
  const base = authorizationBaseUrl(serverUrl);
  const url = legacyAuthorizationServerMetadataUrl(serverUrl);
  // "MCP clients SHOULD include the header MCP-Protocol-Version: <protocol-version> during Server Metadata Discovery"
  const fetched = await fetchMetadataDocument(
    ctx,
    { url, label: exchangeLabel('label.asm.mcp-origin'), headers: discoveryHeaders(ctx, url, { protocolVersion: true }) },
    WHAT,
    FETCH_IDS,
  );
  // No resource metadata names the issuer in 2025-03-26: the document is found through the MCP
  // server's origin, and its own `issuer` (often with a path, such as /oauth) is taken as it is.
  if (fetched) {
    const declared = fetched.document.issuer;
    return analyzeDocument(ctx, fetched, { issuer: typeof declared === 'string' ? declared : base, exact: false, foundAt: base });
  }

  const endpoints = legacyDefaultEndpoints(serverUrl);
  ctx.report('asm.default-endpoints', {
    params: { url, authorize: endpoints.authorization_endpoint, token: endpoints.token_endpoint, register: endpoints.registration_endpoint },
  });
  const authorizationServer: AuthorizationServerData = {
    authorizationServer: base,
    metadataUrl: url,
    metadata: { issuer: base, ...endpoints },
    fallback: true,
  };
  return ok({ authorizationServer });
}

interface Expectation {
  /** The issuer identifier the well-known URL was built from. */
  issuer: string;
  /** Whether RFC 8414's "identical" applies to the string, or URL equivalence is enough. */
  exact: boolean;
  /** 2025-03-26: the origin the document was found at, when no issuer was declared beforehand. */
  foundAt?: string;
}

type Reporter = (id: string, input?: FindingInput) => void;

async function analyzeDocument(ctx: StepContext, fetched: FetchedDocument, expected: Expectation): Promise<StepOutput> {
  const { document, sent } = fetched;
  const url = sent.exchange.request.url;
  const reported = new Set<string>();
  const report: Reporter = (id, input) => {
    reported.add(id);
    ctx.report(id, { ...input, evidence: { exchangeId: sent.exchange.id, ...input?.evidence } });
  };
  const pointer = (field: string) => ({ exchangeId: sent.exchange.id, pointer: `/${field}` });

  checkIssuer(document, expected, url, report, pointer);
  const checks = new MetadataChecks(document, url, report, pointer);
  for (const field of ENDPOINT_FIELDS) checks.endpoint(field, isRequiredEndpoint(field, ctx));
  for (const field of STRING_ARRAY_FIELDS) checks.stringArray(field);
  for (const field of BOOLEAN_FIELDS) checks.boolean(field);
  checkCapabilities(ctx, checks, report, pointer);

  if (![...reported].some((id) => isErrorFinding(id, ctx.spec))) {
    const message = await strictVerdict(sent, (response) => processDiscoveryResponse(new URL(expected.issuer), response));
    if (message !== undefined) report('asm.strict-client-rejects', { params: { url, message } });
  }

  const authorizationServer: AuthorizationServerData = {
    authorizationServer: expected.foundAt ?? expected.issuer,
    metadataUrl: url,
    metadata: checks.metadata(expected.issuer),
    fallback: false,
  };
  const data = { authorizationServer };
  for (const id of ['asm.issuer-mismatch', 'asm.issuer-not-identical'] as const) {
    if (reported.has(id) && ctx.stopsFlow(id)) {
      return failed(because('outcome.asm.issuer-mismatch'), id, data);
    }
  }
  if (reported.has('asm.pkce-unsupported') && refusesWithoutPkce(ctx.spec) && ctx.stopsFlow('asm.pkce-unsupported')) {
    return failed(because('outcome.asm.pkce-unsupported'), 'asm.pkce-unsupported', data);
  }
  return ok(data);
}

/** "MCP clients MUST refuse to proceed" without code_challenge_methods_supported: 2025-11-25 and later. */
function refusesWithoutPkce(spec: SpecVersion): boolean {
  return spec !== '2025-03-26' && spec !== '2025-06-18';
}

/**
 * RFC 8414 §3.3: "The issuer value returned MUST be identical to the authorization server's
 * issuer identifier value into which the well-known URI string was inserted ... If these values
 * are not identical, the data contained in the response MUST NOT be used."
 */
function checkIssuer(document: Record<string, unknown>, expected: Expectation, url: string, report: Reporter, pointer: (field: string) => { exchangeId: string; pointer: string }): void {
  const issuer = document.issuer;
  if (typeof issuer !== 'string') {
    report('asm.issuer-mismatch', { params: { url, issuer: phrase('value.missing'), expected: expected.issuer }, evidence: pointer('issuer') });
    return;
  }
  if (expected.foundAt !== undefined && issuer !== expected.foundAt && !sameIssuerSpelledDifferently(issuer, expected.foundAt)) {
    report('asm.issuer-not-server-origin', { params: { url, issuer, origin: expected.foundAt }, evidence: pointer('issuer') });
  }
  if (issuer !== expected.issuer) {
    const equivalent = sameIssuerSpelledDifferently(issuer, expected.issuer);
    if (!equivalent) report('asm.issuer-mismatch', { params: { url, issuer, expected: expected.issuer }, evidence: pointer('issuer') });
    else if (expected.exact) report('asm.issuer-not-identical', { params: { url, issuer, expected: expected.issuer }, evidence: pointer('issuer') });
  }
  if (!secureOrLoopback(issuer)) report('asm.endpoint-not-https', { params: { field: 'issuer', value: issuer }, evidence: pointer('issuer') });
}

function checkCapabilities(ctx: StepContext, checks: MetadataChecks, report: Reporter, pointer: (field: string) => { exchangeId: string; pointer: string }): void {
  const authorizationCode = ctx.options.grant === 'authorization_code';

  if (authorizationCode) {
    // "If code_challenge_methods_supported is absent, the authorization server does not support PKCE."
    const methods = checks.strings('code_challenge_methods_supported');
    if (methods === undefined || methods.length === 0) report('asm.pkce-unsupported', { evidence: pointer('code_challenge_methods_supported') });
    else if (!methods.includes('S256')) {
      report('asm.pkce-s256-missing', { params: { methods: JSON.stringify(methods) }, evidence: pointer('code_challenge_methods_supported') });
    }

    const responseTypes = checks.strings('response_types_supported');
    if (checks.absent('response_types_supported')) report('asm.response-types-missing', { evidence: pointer('response_types_supported') });
    else if (responseTypes && !responseTypes.includes('code')) {
      report('asm.code-response-type-unsupported', { params: { types: JSON.stringify(responseTypes) }, evidence: pointer('response_types_supported') });
    }

    const authMethods = checks.strings('token_endpoint_auth_methods_supported');
    // RFC 8414 §2: "If omitted, the default is client_secret_basic".
    if (!(authMethods ?? ['client_secret_basic']).includes('none')) {
      report('asm.public-clients-unsupported', {
        params: { methods: authMethods ? JSON.stringify(authMethods) : phrase('value.absent') },
        evidence: pointer('token_endpoint_auth_methods_supported'),
      });
    }

    if (checks.value('authorization_response_iss_parameter_supported') !== true) {
      report('asm.iss-parameter-not-advertised', { evidence: pointer('authorization_response_iss_parameter_supported') });
    }
  }

  // RFC 8414 §2: "If omitted, the default value is ["authorization_code", "implicit"]". A value of
  // the wrong type was reported already and says nothing about grants.
  const grants = checks.absent('grant_types_supported') ? ['authorization_code', 'implicit'] : checks.strings('grant_types_supported');
  // Compared by wire grant type: cross-app access is the RFC 7523 jwt-bearer grant at the AS.
  const grant = OAUTH_GRANT_TYPES[ctx.options.grant];
  if (grants && !grants.includes(grant)) {
    report('asm.grant-type-not-advertised', {
      params: { grant, grants: checks.absent('grant_types_supported') ? phrase('value.absent') : JSON.stringify(grants) },
      evidence: pointer('grant_types_supported'),
    });
  }
}

const ENDPOINT_FIELDS = [
  'authorization_endpoint',
  'token_endpoint',
  'registration_endpoint',
  'jwks_uri',
  'introspection_endpoint',
  'revocation_endpoint',
  'userinfo_endpoint',
] as const;

const STRING_ARRAY_FIELDS = [
  'scopes_supported',
  'response_types_supported',
  'response_modes_supported',
  'grant_types_supported',
  'code_challenge_methods_supported',
  'token_endpoint_auth_methods_supported',
  'token_endpoint_auth_signing_alg_values_supported',
  'revocation_endpoint_auth_methods_supported',
  'introspection_endpoint_auth_methods_supported',
] as const;

const BOOLEAN_FIELDS = ['authorization_response_iss_parameter_supported', 'client_id_metadata_document_supported'] as const;

function isRequiredEndpoint(field: (typeof ENDPOINT_FIELDS)[number], ctx: StepContext): boolean {
  // RFC 8414 §2: authorization_endpoint is REQUIRED unless no grant type uses it; token_endpoint unless only implicit.
  if (field === 'token_endpoint') return true;
  return field === 'authorization_endpoint' && ctx.options.grant === 'authorization_code';
}

/** Type checks on the document; keeps only well-typed values for the flow's later steps. */
class MetadataChecks {
  private readonly invalid = new Set<string>();
  private readonly document: Record<string, unknown>;
  private readonly url: string;
  private readonly report: Reporter;
  private readonly pointer: (field: string) => { exchangeId: string; pointer: string };

  constructor(document: Record<string, unknown>, url: string, report: Reporter, pointer: (field: string) => { exchangeId: string; pointer: string }) {
    this.document = document;
    this.url = url;
    this.report = report;
    this.pointer = pointer;
  }

  value(field: string): unknown {
    return this.invalid.has(field) ? undefined : this.document[field];
  }

  absent(field: string): boolean {
    return this.document[field] === undefined;
  }

  strings(field: string): string[] | undefined {
    const value = this.value(field);
    return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : undefined;
  }

  endpoint(field: string, required: boolean): void {
    const value = this.document[field];
    if (value === undefined) {
      if (required) this.report('asm.missing-endpoint', { params: { field, url: this.url }, evidence: this.pointer(field) });
      return;
    }
    if (typeof value !== 'string' || !URL.canParse(value)) {
      this.fail(field, 'expected.absolute-url');
      return;
    }
    // An endpoint is called or opened in a browser: only http(s) (a javascript:, data: or file:
    // URL must never be navigated to), so any other scheme leaves the field unusable.
    if (!['http:', 'https:'].includes(new URL(value).protocol)) {
      this.fail(field, 'expected.http-url');
      return;
    }
    if (!secureOrLoopback(value)) this.report('asm.endpoint-not-https', { params: { field, value }, evidence: this.pointer(field) });
  }

  stringArray(field: string): void {
    const value = this.document[field];
    if (value === undefined) return;
    if (!Array.isArray(value) || !value.every((item) => typeof item === 'string')) this.fail(field, 'expected.string-array');
  }

  boolean(field: string): void {
    const value = this.document[field];
    if (value !== undefined && typeof value !== 'boolean') this.fail(field, 'expected.boolean');
  }

  /** The document as the flow may rely on it: every field, minus those of the wrong type. */
  metadata(issuer: string): AuthorizationServerMetadata {
    const kept = Object.fromEntries(Object.entries(this.document).filter(([field]) => !this.invalid.has(field)));
    const documentIssuer = this.document.issuer;
    return { ...kept, issuer: typeof documentIssuer === 'string' ? documentIssuer : issuer };
  }

  private fail(field: string, expected: Extract<PhraseId, `expected.${string}`>): void {
    this.invalid.add(field);
    this.report('asm.invalid-field', { params: { field, expected: phrase(expected), url: this.url }, evidence: this.pointer(field) });
  }
}

function secureOrLoopback(value: string): boolean {
  return URL.canParse(value) && isSecureOrLoopback(new URL(value));
}

/** The same URL up to scheme/host case, default port and one trailing slash: a spelling difference. */
function sameIssuerSpelledDifferently(a: string, b: string): boolean {
  if (!URL.canParse(a) || !URL.canParse(b)) return false;
  const trim = (href: string) => (href.endsWith('/') ? href.slice(0, -1) : href);
  return trim(new URL(a).href) === trim(new URL(b).href);
}
