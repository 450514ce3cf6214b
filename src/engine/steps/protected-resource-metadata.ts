/**
 * Stage 2: the MCP server's Protected Resource Metadata (RFC 9728), which names the
 * authorization server(s). Candidates in the spec's order: the `resource_metadata` URL of the
 * 401 challenge, then the path-aware well-known URL, then the root one. The first usable
 * document wins; it is validated field by field, every violation reported.
 * @see https://modelcontextprotocol.io/specification/2026-07-28/basic/authorization/authorization-server-discovery#protected-resource-metadata-discovery-requirements
 * @see https://www.rfc-editor.org/rfc/rfc9728#section-3
 *
 * 2025-03-26 has no PRM: the step is skipped and the next one finds the authorization server at
 * the MCP server's origin.
 *
 * A `resource_metadata` URL that fails is an error (clients MUST use it when present), but the
 * well-known URLs are tried after it anyway, so the report shows what the server does serve.
 *
 * The `resource` check (RFC 9728 §3.3, "MUST be identical ... MUST NOT be used" otherwise):
 * identical, or the same URL once scheme/host case and default port are normalised, passes;
 * a same-origin parent path (accepted by the MCP SDKs, proposed by draft-mcguinness-oauth-
 * rfc9728bis) is a warning and the flow goes on; anything else is `prm.resource-mismatch`,
 * which stops the flow.
 */
import { processResourceDiscoveryResponse } from 'oauth4webapi';
import { compareResourceIdentifiers } from '../canonical-uri.js';
import type { FindingInput } from '../checks/catalogue.js';
import { phrase, type PhraseId } from '../checks/finding-phrases.js';
import type { ProtectedResourceData } from '../flow-data.js';
import { because, exchangeLabel } from '../checks/engine-phrases.js';
import { failed, ok, skipped, type ExchangeLabel, type StepContext, type StepDefinition, type StepOutput } from '../step.js';
import { protectedResourceMetadataUrls } from '../well-known.js';
import { describeTried, discoveryHeaders, fetchMetadataDocument, isErrorFinding, type FetchedDocument } from './metadata-fetch.js';
import { strictVerdict } from './oauth-library.js';

const FETCH_IDS = { followed: 'prm.redirect', notFollowed: 'prm.redirect-not-followed', unexpectedStatus: 'prm.unexpected-status' };

interface Candidate {
  url: string;
  label: ExchangeLabel;
  fromChallenge: boolean;
}

export const protectedResourceMetadataStep: StepDefinition = {
  id: 'protected-resource-metadata',
  async run(ctx) {
    if (ctx.spec === '2025-03-26') {
      return skipped(because('outcome.prm.not-in-spec'));
    }
    if (!URL.canParse(ctx.options.serverUrl)) return failed(because('outcome.server-url-not-absolute'));
    const serverUrl = new URL(ctx.options.serverUrl);

    const tried: string[] = [];
    for (const candidate of candidates(ctx, serverUrl)) {
      tried.push(candidate.url);
      const fetched = await fetchMetadataDocument(
        ctx,
        { url: candidate.url, label: candidate.label, headers: discoveryHeaders(ctx, candidate.url, { protocolVersion: true }) },
        'document.protected-resource-metadata',
        FETCH_IDS,
      );
      if (fetched) return analyzeDocument(ctx, fetched);
      if (candidate.fromChallenge) {
        const last = ctx.http.exchanges.at(-1);
        ctx.report('prm.resource-metadata-url-failed', { params: { url: candidate.url }, ...(last ? { evidence: { exchangeId: last.id } } : {}) });
      }
    }
    ctx.report('prm.not-found', { params: { tried: describeTried(tried) } });
    return failed(because('outcome.prm.not-found'), 'prm.not-found');
  },
};

/** The URL from the challenge first (when there is one), then the well-known URLs not already listed. */
function candidates(ctx: StepContext, serverUrl: URL): Candidate[] {
  const list: Candidate[] = [];
  const fromChallenge = ctx.data.probe?.resourceMetadataUrl;
  if (fromChallenge !== undefined) list.push({ url: fromChallenge, label: exchangeLabel('label.prm.from-challenge'), fromChallenge: true });
  for (const wellKnown of protectedResourceMetadataUrls(serverUrl)) {
    if (list.some((c) => c.url === wellKnown.url)) continue;
    list.push({ url: wellKnown.url, label: exchangeLabel(`label.prm.well-known.${wellKnown.construction}`), fromChallenge: false });
  }
  return list;
}

async function analyzeDocument(ctx: StepContext, fetched: FetchedDocument): Promise<StepOutput> {
  const { document, sent } = fetched;
  const url = sent.exchange.request.url;
  const expected = ctx.options.serverUrl.split('#')[0] ?? ctx.options.serverUrl;
  const evidence = (pointer?: string) => ({ exchangeId: sent.exchange.id, ...(pointer ? { pointer } : {}) });
  // Remembers what this document earned, to decide about stopping once everything is reported.
  const reported = new Set<string>();
  const report = (id: string, input: FindingInput) => {
    reported.add(id);
    ctx.report(id, input);
  };

  const resource = typeof document.resource === 'string' ? document.resource : undefined;
  if (resource === undefined) {
    report('prm.resource-missing', { params: { url, expected }, evidence: evidence('/resource') });
  } else {
    const relation = compareResourceIdentifiers(expected, resource);
    if (relation === 'different') report('prm.resource-mismatch', { params: { url, resource, expected }, evidence: evidence('/resource') });
    if (relation === 'parent') report('prm.resource-parent', { params: { url, resource, expected }, evidence: evidence('/resource') });
  }

  const authorizationServers = readAuthorizationServers(document, url, report, evidence);
  if (authorizationServers.length === 0) {
    report('prm.no-authorization-servers', { params: { url }, evidence: evidence('/authorization_servers') });
  } else if (authorizationServers.length > 1) {
    report('prm.several-authorization-servers', {
      params: { count: String(authorizationServers.length), chosen: authorizationServers[0] ?? '' },
      evidence: evidence('/authorization_servers'),
    });
  }

  const scopesSupported = readStringArray(document, 'scopes_supported', url, report, evidence);
  if (document.scopes_supported === undefined && ctx.data.probe?.challengeScope === undefined) {
    report('prm.no-scopes-supported', { evidence: evidence('/scopes_supported') });
  }
  const bearerMethods = readStringArray(document, 'bearer_methods_supported', url, report, evidence);
  if (bearerMethods && !bearerMethods.includes('header')) {
    report('prm.header-bearer-method-missing', { params: { methods: JSON.stringify(bearerMethods) }, evidence: evidence('/bearer_methods_supported') });
  }

  if (![...reported].some((id) => isErrorFinding(id, ctx.spec))) {
    const message = await strictVerdict(sent, (response) => processResourceDiscoveryResponse(new URL(expected), response));
    if (message !== undefined) report('prm.strict-client-rejects', { params: { url, message }, evidence: evidence() });
  }

  const protectedResource: ProtectedResourceData = {
    metadataUrl: url,
    resource: resource ?? expected,
    authorizationServers,
    ...(scopesSupported ? { scopesSupported } : {}),
    document,
  };
  const data = { protectedResource };
  for (const id of ['prm.resource-missing', 'prm.resource-mismatch'] as const) {
    if (reported.has(id) && ctx.stopsFlow(id)) {
      return failed(because('outcome.prm.resource-mismatch'), id, data);
    }
  }
  // Even a lenient run cannot go on without an authorization server to ask.
  if (authorizationServers.length === 0) return failed(because('outcome.prm.no-authorization-servers'), 'prm.no-authorization-servers', data);
  return ok(data);
}

type Reporter = (id: string, input: FindingInput) => void;
type Evidence = (pointer?: string) => { exchangeId: string; pointer?: string };

/** The usable issuer identifiers: https (or http) URLs without query or fragment (RFC 8414 §2). */
function readAuthorizationServers(document: Record<string, unknown>, url: string, report: Reporter, evidence: Evidence): string[] {
  const raw = document.authorization_servers;
  if (raw === undefined) return [];
  if (!Array.isArray(raw)) {
    report('prm.invalid-field', {
      params: { url, field: 'authorization_servers', expected: phrase('expected.issuer-url-array') },
      evidence: evidence('/authorization_servers'),
    });
    return [];
  }
  const usable: string[] = [];
  raw.forEach((entry: unknown, index) => {
    if (typeof entry !== 'string') {
      report('prm.invalid-authorization-server', { params: { value: String(entry), reason: phrase('issuer.not-string') }, evidence: evidence(`/authorization_servers/${index}`) });
      return;
    }
    const problem = issuerProblem(entry);
    if (problem === undefined) usable.push(entry);
    else report('prm.invalid-authorization-server', { params: { value: entry, ...problem }, evidence: evidence(`/authorization_servers/${index}`) });
  });
  return usable;
}

/** Why a string is no issuer identifier, as finding params (the reason and what it names). */
function issuerProblem(entry: string): { reason: string; scheme?: string } | undefined {
  const because = (id: PhraseId) => ({ reason: phrase(id) });
  if (!URL.canParse(entry)) return because('issuer.not-absolute-url');
  const url = new URL(entry);
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { ...because('issuer.scheme'), scheme: url.protocol };
  if (url.search !== '' || entry.includes('?')) return because('issuer.has-query');
  if (url.hash !== '' || entry.includes('#')) return because('issuer.has-fragment');
  return undefined;
}

function readStringArray(document: Record<string, unknown>, field: string, url: string, report: Reporter, evidence: Evidence): string[] | undefined {
  const value = document[field];
  if (value === undefined) return undefined;
  if (Array.isArray(value) && value.every((item): item is string => typeof item === 'string')) return value;
  report('prm.invalid-field', { params: { url, field, expected: phrase('expected.string-array') }, evidence: evidence(`/${field}`) });
  return undefined;
}
