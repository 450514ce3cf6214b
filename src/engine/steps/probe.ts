/**
 * Stage 1: an MCP request without a token, which a protected server answers with 401 and a
 * `WWW-Authenticate: Bearer` challenge pointing to its Protected Resource Metadata.
 * Judged by 2026-07-28 the request is a modern one (`server/discover` with `_meta` and the
 * request metadata headers), negotiated as "Versioning and Compatibility" says; judged by an
 * earlier version it is the legacy `initialize`.
 * @see https://modelcontextprotocol.io/specification/2026-07-28/basic/authorization/authorization-server-discovery#protected-resource-metadata-discovery-requirements
 * @see https://www.rfc-editor.org/rfc/rfc9728#section-5.1
 *
 * Outcomes:
 * - `ok`: a 401 arrived (or, in a lenient run, an answer the flow can still go on from); what
 *   the challenge says is in `data.probe`, and discovery continues even without a header.
 * - `ok` with `data.probe.unprotected` (finding `probe.not-401`, `SERVER_NOT_PROTECTED`): the
 *   server answered without asking for a token. It needs no authorization; the runner goes
 *   straight to listing (and calling) its tools without a token.
 * - `failed` otherwise: the URL is unusable, unreachable, not MCP, or answers a status no
 *   client would start authorization from (unless the run is lenient).
 */
import { isLoopbackUrl } from '../canonical-uri.js';
import { because, exchangeLabel, transportMessageParams } from '../checks/engine-phrases.js';
import { phrase } from '../checks/finding-phrases.js';
import type { AuthChallenge, ProbeData } from '../flow-data.js';
import { DEFAULT_LEGACY_VERSION, METHOD_NOT_FOUND, MODERN_ERROR_CODES, negotiateEra, recognisedModernError } from '../mcp/era-negotiation.js';
import { mayBeJsonRpcAnswer, readJsonRpcAnswer } from '../mcp/jsonrpc-answer.js';
import { initializeParams, legacyRequest, modernRequest, MODERN_PROTOCOL_VERSIONS, type ProtocolEra } from '../mcp/request-metadata.js';
import type { FlowOptions } from '../options.js';
import { failed, ok, type ExchangeLabel, type HttpRequestInput, type SentExchange, type StepContext, type StepDefinition, type StepOutput } from '../step.js';
import type { ExchangeResponse } from '../types.js';
import { findChallenge, parseWwwAuthenticate } from '../www-authenticate.js';
import { clientIdentity } from './authenticated-mcp.js';
import { MAX_REDIRECTS, sendFollowingRedirects } from './same-origin-redirects.js';
import { headerValue, headerValues, noAnswerFindingId, noAnswerParams, reportTransportFailure } from './json-document.js';

/** The finding id that means "this server does not require authorization". */
export const SERVER_NOT_PROTECTED = 'probe.not-401';

/** The era a run starts in: modern when judged by 2026-07-28, legacy before. */
export function eraForSpec(options: Pick<FlowOptions, 'spec'>): ProtocolEra {
  return options.spec === '2026-07-28' ? 'modern' : 'legacy';
}

/**
 * The unauthenticated request (the audit sends it again with tokens the server must refuse):
 * in the modern era `server/discover` with `_meta` and its headers; in the legacy era a plain
 * `initialize`, whose protocol version travels in the body (up to 2025-11-25 the
 * MCP-Protocol-Version header is for the requests after it).
 */
export function probeRequest(options: FlowOptions, era: ProtocolEra = eraForSpec(options)): HttpRequestInput {
  const headers = [...options.extraHeaders];
  const client = clientIdentity(options);
  if (era === 'modern') {
    return modernRequest({ url: options.serverUrl, id: 1, method: 'server/discover', params: {}, version: MODERN_PROTOCOL_VERSIONS[0], client, headers });
  }
  const version = options.spec === '2026-07-28' ? DEFAULT_LEGACY_VERSION : options.spec;
  return legacyRequest({ url: options.serverUrl, id: 1, method: 'initialize', params: initializeParams(version, client), headers });
}

export const probeStep: StepDefinition = {
  id: 'probe',
  async run(ctx) {
    const serverUrl = parseServerUrl(ctx);
    if (!serverUrl) return failed(because('outcome.probe.invalid-server-url'), 'probe.invalid-server-url');
    const output = await (eraForSpec(ctx.options) === 'modern' ? modernProbe(ctx) : legacyProbe(ctx, false));
    // Only about a server that answered: a host that does not exist is not blamed for its scheme.
    const answered = ctx.http.exchanges.some((exchange) => exchange.response !== undefined);
    if (answered && serverUrl.protocol === 'http:' && !isLoopbackUrl(serverUrl)) {
      ctx.report('probe.insecure-transport', { params: { url: ctx.options.serverUrl } });
    }
    return output;
  },
};

type Followed = Awaited<ReturnType<typeof sendFollowingRedirects>>;

function sendProbe(ctx: StepContext, era: ProtocolEra, label: ExchangeLabel): Promise<Followed> {
  return sendFollowingRedirects(ctx, probeRequest(ctx.options, era), label, {
    followed: 'probe.redirect',
    notFollowed: 'probe.redirect-not-followed',
  });
}

/**
 * The modern probe: server/discover without a token. A 401 starts the flow; a result means the
 * server is modern and answers without a token (tools/list is then tried the same way, since
 * servers may leave discovery open); a version error is negotiated; a 4xx without a modern
 * error means a legacy server, probed with initialize.
 */
async function modernProbe(ctx: StepContext): Promise<StepOutput> {
  const first = await sendProbe(ctx, 'modern', exchangeLabel('label.probe.discover'));
  const response = first.sent.response;
  if (!response || (first.sent.error && first.sent.error.kind !== 'too-large') || first.unfollowed || response.status === 401) return judgeProbeAnswer(ctx, first);
  const answer = readJsonRpcAnswer(response, 1);
  const modernError = recognisedModernError(response.status, answer);
  if (response.status >= 200 && response.status < 300 && answer.kind === 'result') return modernAnswered(ctx, first.sent, MODERN_PROTOCOL_VERSIONS[0]);
  if (modernError?.code === MODERN_ERROR_CODES.unsupportedProtocolVersion) {
    const probe = await negotiateEra({
      http: ctx.http,
      url: ctx.options.serverUrl,
      client: clientIdentity(ctx.options),
      headers: ctx.options.extraHeaders,
      label: exchangeLabel('label.probe.discover'),
      firstId: 2,
    });
    if (probe.kind === 'modern') return modernAnswered(ctx, probe.sent, probe.version);
    if (probe.kind === 'legacy') return legacyProbe(ctx, true);
    return judgeProbeAnswer(ctx, { sent: probe.sent });
  }
  // A modern server without server/discover: tools/list tells whether it wants a token.
  if (modernError?.code === METHOD_NOT_FOUND) return modernAnswered(ctx, first.sent, MODERN_PROTOCOL_VERSIONS[0]);
  if (modernError) return judgeProbeAnswer(ctx, first);
  // "If the body is empty or is not a recognized modern JSON-RPC error, fall back to initialize."
  const legacySignal = (response.status >= 400 && response.status < 500 && response.status !== 403) || (response.status >= 200 && response.status < 300 && answer.kind === 'error');
  if (legacySignal && !looksLikeHtml(response)) return legacyProbe(ctx, true);
  return judgeProbeAnswer(ctx, first);
}

/** server/discover answered without a token: try tools/list the same way before calling the server unprotected. */
async function modernAnswered(ctx: StepContext, sent: SentExchange, version: string): Promise<StepOutput> {
  const followUp = await ctx.http.send(
    modernRequest({ url: ctx.options.serverUrl, id: 10, method: 'tools/list', params: {}, version, client: clientIdentity(ctx.options), headers: ctx.options.extraHeaders }),
    exchangeLabel('label.probe.tools-list'),
  );
  const url = sent.exchange.request.url;
  if (followUp.response?.status === 401) {
    ctx.report('probe.initialize-unprotected', { params: { url, request: 'server/discover' }, evidence: { exchangeId: followUp.exchange.id } });
    return ok({ probe: { ...analyzeChallengeHeaders(ctx, followUp.response, { exchangeId: followUp.exchange.id }, true), era: 'modern', protocolVersion: version } });
  }
  const status = sent.response?.status ?? 200;
  ctx.report(SERVER_NOT_PROTECTED, { params: { url, status: String(status) }, evidence: { exchangeId: sent.exchange.id } });
  return ok({ probe: { status, challenges: [], era: 'modern', protocolVersion: version, unprotected: true } });
}

/**
 * The legacy probe: initialize without a token (judged by 2025-11-25 or earlier, or after a
 * modern request got a legacy answer).
 */
async function legacyProbe(ctx: StepContext, fellBack: boolean): Promise<StepOutput> {
  const followed = await sendProbe(ctx, 'legacy', exchangeLabel(fellBack ? 'label.probe.initialize-fallback' : 'label.probe.initialize'));
  const response = followed.sent.response;
  if (response && response.status >= 200 && response.status < 300 && !followed.unfollowed && !looksLikeSomethingElse(response)) {
    const url = followed.sent.exchange.request.url;
    const evidence = { exchangeId: followed.sent.exchange.id };
    const version = negotiatedProtocolVersion(response);
    if (fellBack) ctx.report('mcp.legacy-only-server', { params: { version: version ?? DEFAULT_LEGACY_VERSION, status: String(response.status) }, evidence });
    const era = { era: 'legacy' as const, ...(version ? { protocolVersion: version } : {}) };
    // Some servers let `initialize` through and protect the methods after it; the flow then
    // starts at the first 401, as a client would meet it.
    const followUp = await probeToolsList(ctx, response);
    if (followUp?.response?.status === 401) {
      ctx.report('probe.initialize-unprotected', { params: { url, request: 'initialize' }, evidence: { exchangeId: followUp.exchange.id } });
      return ok({ probe: { ...analyzeChallengeHeaders(ctx, followUp.response, { exchangeId: followUp.exchange.id }, true), ...era } });
    }
    ctx.report(SERVER_NOT_PROTECTED, { params: { url, status: String(response.status) }, evidence });
    return ok({ probe: { status: response.status, challenges: [], ...era, unprotected: true } });
  }
  return judgeProbeAnswer(ctx, followed);
}

/** Everything but an unauthenticated success: a challenge, a redirect, a failure, something that is not MCP. */
function judgeProbeAnswer(ctx: StepContext, { sent, unfollowed }: Pick<Followed, 'sent' | 'unfollowed'>): StepOutput {
  const response = sent.response;
  // A cut body still has a usable status and headers; every other failure leaves nothing.
  if (!response || (sent.error && sent.error.kind !== 'too-large')) {
    reportTransportFailure(ctx, sent);
    // The one cause that happened, first ("Host name not found: …"), then the transport's words.
    const problem = (sent.error ? noAnswerParams(ctx.options.serverUrl, sent.error).problem : undefined) ?? phrase('transport.problem.other');
    return failed(because('outcome.probe.no-answer', { ...(sent.error ? transportMessageParams(sent.error) : { message: phrase('transport.no-answer') }), problem, url: ctx.options.serverUrl }), noAnswerFindingId(sent.error));
  }
  if (sent.error) reportTransportFailure(ctx, sent);

  const url = sent.exchange.request.url;
  const evidence = { exchangeId: sent.exchange.id };
  const status = response.status;
  const probe = analyzeChallengeHeaders(ctx, response, evidence, status === 401);

  if (unfollowed) {
    const reason =
      unfollowed.reason === 'too-many'
        ? because('outcome.probe.redirect-loop', { max: String(MAX_REDIRECTS), location: unfollowed.location })
        : because('outcome.probe.redirect', { location: unfollowed.location });
    return ctx.stopsFlow('probe.redirect-not-followed') ? failed(reason, 'probe.redirect-not-followed', { probe }) : ok({ probe });
  }
  if (status !== 401 && looksLikeSomethingElse(response)) {
    const contentType = headerValue(response, 'content-type') ?? phrase('value.none');
    ctx.report('probe.not-mcp', { params: { url, status: String(status), contentType }, evidence });
    if (ctx.stopsFlow('probe.not-mcp')) return failed(because('outcome.probe.not-mcp', { url, status: String(status) }), 'probe.not-mcp', { probe });
    return ok({ probe });
  }
  if (status !== 401) {
    ctx.report('probe.unexpected-status', { params: { url, status: String(status) }, evidence });
    if (ctx.stopsFlow('probe.unexpected-status')) {
      return failed(because('outcome.probe.unexpected-status', { status: String(status) }), 'probe.unexpected-status', { probe });
    }
  }
  return ok({ probe });
}

function looksLikeHtml(response: ExchangeResponse): boolean {
  const contentType = headerValue(response, 'content-type') ?? '';
  return /^text\/html\b/i.test(contentType) || /^\s*<(!doctype|html)\b/i.test(response.body);
}

/**
 * After an unauthenticated `initialize` succeeded: `tools/list` without a token, in the session
 * the server opened (if any) and with the protocol version it chose.
 */
async function probeToolsList(ctx: StepContext, initialized: ExchangeResponse): Promise<SentExchange | undefined> {
  const sessionId = headerValue(initialized, 'mcp-session-id');
  const request = legacyRequest({
    url: ctx.options.serverUrl,
    id: 2,
    method: 'tools/list',
    params: {},
    version: negotiatedProtocolVersion(initialized) ?? ctx.options.spec,
    ...(sessionId !== undefined ? { sessionId } : {}),
    headers: ctx.options.extraHeaders,
  });
  return ctx.http.send(request, exchangeLabel('label.probe.tools-list'));
}

/** The `protocolVersion` of an initialize result, sent as JSON or on an SSE stream. */
function negotiatedProtocolVersion(response: ExchangeResponse): string | undefined {
  const answer = readJsonRpcAnswer(response, 1);
  return answer.kind === 'result' && typeof answer.result.protocolVersion === 'string' ? answer.result.protocolVersion : undefined;
}

function parseServerUrl(ctx: StepContext): URL | undefined {
  const raw = ctx.options.serverUrl;
  if (!URL.canParse(raw)) {
    ctx.report('probe.invalid-server-url', { params: { url: raw, reason: phrase('server-url.not-absolute') } });
    return undefined;
  }
  const url = new URL(raw);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    ctx.report('probe.invalid-server-url', { params: { url: raw, reason: phrase('server-url.scheme-not-http'), scheme: url.protocol } });
    return undefined;
  }
  return url;
}

/**
 * 404/405 without a modern JSON-RPC error, an HTML page, or a 2xx that is no JSON-RPC answer:
 * where a JSON-RPC answer or a challenge should be, something else answered. A 2xx of that kind
 * must not be taken for "not protected": nothing there speaks MCP. Streamable HTTP: "the server
 * MUST return either Content-Type: application/json ... or Content-Type: text/event-stream".
 * @see https://modelcontextprotocol.io/specification/2026-07-28/basic/transports/streamable-http#sending-messages
 */
function looksLikeSomethingElse(response: ExchangeResponse): boolean {
  if (response.status === 401) return false;
  if (response.status === 404 || response.status === 405) return recognisedModernError(response.status, readJsonRpcAnswer(response, undefined)) === undefined;
  if (looksLikeHtml(response)) return true;
  return response.status >= 200 && response.status < 300 && !mayBeJsonRpcAnswer(response);
}

/**
 * Reads the challenge(s) and reports what a client would miss. Runs for every status, so a
 * lenient run still learns resource_metadata from a 403; the header is only required on a 401.
 */
function analyzeChallengeHeaders(
  ctx: StepContext,
  response: ExchangeResponse,
  exchange: { exchangeId: string },
  is401: boolean,
): ProbeData {
  const evidence = { ...exchange, pointer: 'header:www-authenticate' };
  const lines = headerValues(response, 'www-authenticate');
  const url = ctx.options.serverUrl;
  if (lines.length === 0) {
    if (is401) ctx.report('probe.missing-www-authenticate', { params: { url }, evidence });
    return { status: response.status, challenges: [] };
  }
  const { challenges, problems } = parseWwwAuthenticate(lines);
  for (const problem of problems) {
    ctx.report('probe.malformed-www-authenticate', {
      params: {
        problem: problem.kind,
        message: phrase(`www-authenticate.${problem.note}`),
        subject: problem.subject ?? '',
        position: String(problem.offset + 1),
        line: String(problem.line + 1),
        excerpt: problem.excerpt,
      },
      evidence,
    });
  }
  const probe: ProbeData = { status: response.status, challenges };
  // A resource that wants DPoP-bound tokens challenges with the DPoP scheme, carrying the same
  // parameters (RFC 9449 §7.1); either scheme leads to the metadata.
  const bearer = findChallenge(challenges, 'bearer') ?? findChallenge(challenges, 'dpop');
  if (bearer?.scheme.toLowerCase() === 'dpop') ctx.report('probe.dpop-challenge', { params: { algs: bearer.parameters.algs ?? phrase('value.none') }, evidence });
  if (!bearer) {
    ctx.report('probe.no-bearer-challenge', { params: { schemes: schemeList(challenges) }, evidence });
    return probe;
  }
  const resourceMetadata = bearer.parameters.resource_metadata;
  if (resourceMetadata === undefined) {
    ctx.report('probe.no-resource-metadata', { evidence });
  } else if (isHttpUrl(resourceMetadata)) {
    probe.resourceMetadataUrl = resourceMetadata;
  } else {
    ctx.report('probe.invalid-resource-metadata-url', { params: { value: resourceMetadata }, evidence });
  }
  const scope = bearer.parameters.scope;
  if (scope !== undefined) probe.challengeScope = scope;
  // The scope guidance is about what a request without a token needs; a 403 is another matter.
  else if (is401) ctx.report('probe.no-challenge-scope', { evidence });
  const error = bearer.parameters.error;
  if (error !== undefined && is401) ctx.report('probe.error-without-token', { params: { error }, evidence });
  return probe;
}

function schemeList(challenges: readonly AuthChallenge[]): string {
  return challenges.length === 0 ? phrase('value.none') : challenges.map((c) => c.scheme).join(', ');
}

function isHttpUrl(value: string): boolean {
  return URL.canParse(value) && ['https:', 'http:'].includes(new URL(value).protocol);
}
