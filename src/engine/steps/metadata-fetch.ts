/**
 * Fetching one metadata document (RFC 9728 or RFC 8414 / OIDC Discovery) from one candidate
 * URL, the way the discovery stages share it: redirects judged and recorded, 404 taken as
 * "not here, try the next one", other statuses and unusable bodies reported.
 */
import { findingDefinition, severityFor } from '../checks/catalogue.js';
import { phrase, type DocumentPhraseId } from '../checks/finding-phrases.js';
import type { ExchangeLabel, SentExchange, StepContext } from '../step.js';
import type { HeaderList, SpecVersion } from '../types.js';
import { sendFollowingRedirects, type RedirectFindingIds } from './same-origin-redirects.js';
import { readJsonDocument, reportTransportFailure } from './json-document.js';

export interface MetadataFindingIds extends RedirectFindingIds {
  /** Reported for an answer that is neither 200 nor 404 (params: url, status). */
  unexpectedStatus: string;
}

export interface FetchedDocument {
  document: Record<string, unknown>;
  /** The exchange that delivered the document (the last hop after redirects). */
  sent: SentExchange;
}

export interface CandidateRequest {
  url: string;
  headers: HeaderList;
  label: ExchangeLabel;
}

/** Undefined when this URL has no usable document; the reason is already reported (or was a 404). */
export async function fetchMetadataDocument(
  ctx: StepContext,
  candidate: CandidateRequest,
  document: DocumentPhraseId,
  ids: MetadataFindingIds,
): Promise<FetchedDocument | undefined> {
  const { sent, unfollowed } = await sendFollowingRedirects(ctx, { method: 'GET', url: candidate.url, headers: candidate.headers }, candidate.label, ids);
  if (unfollowed) return undefined;
  if (!sent.response || sent.error) {
    reportTransportFailure(ctx, sent);
    return undefined;
  }
  const status = sent.response.status;
  if (status === 404) return undefined;
  if (status !== 200) {
    ctx.report(ids.unexpectedStatus, { params: { url: sent.exchange.request.url, status: String(status) }, evidence: { exchangeId: sent.exchange.id } });
    // "A successful response MUST use the 200 OK HTTP status code"; another 2xx is still read.
    if (status < 200 || status >= 300) return undefined;
  }
  const read = readJsonDocument(ctx, sent, document);
  return read ? { document: read, sent } : undefined;
}

/**
 * Headers for a discovery request: JSON wanted; `MCP-Protocol-Version` where the spec (2025-03-26)
 * or the SDKs send it; the person's extra headers only to the MCP server's own origin, since
 * they may carry credentials meant for it alone.
 */
export function discoveryHeaders(ctx: StepContext, url: string, options: { protocolVersion: boolean }): HeaderList {
  const headers: HeaderList = [['accept', 'application/json']];
  if (options.protocolVersion) headers.push(['mcp-protocol-version', ctx.spec]);
  if (sameOrigin(url, ctx.options.serverUrl)) headers.push(...ctx.options.extraHeaders);
  return headers;
}

function sameOrigin(a: string, b: string): boolean {
  return URL.canParse(a) && URL.canParse(b) && new URL(a).origin === new URL(b).origin;
}

/** Human list of the URLs tried, for `*.not-found` findings. */
export function describeTried(urls: readonly string[]): string {
  return urls.length === 0 ? phrase('value.none') : urls.join(', ');
}

/**
 * True for findings of error severity under the spec version. A document that earned one is
 * already refused; the strict library's verdict is asked only for the others, where it shows
 * whether a strict client would still turn the document down.
 */
export function isErrorFinding(id: string, spec: SpecVersion): boolean {
  return severityFor(findingDefinition(id), spec) === 'error';
}
