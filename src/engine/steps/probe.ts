/**
 * Stage 1: an MCP `initialize` request without a token, which a protected server answers with
 * 401 and a `WWW-Authenticate: Bearer` challenge pointing to its Protected Resource Metadata.
 * @see https://modelcontextprotocol.io/specification/2026-07-28/basic/authorization/authorization-server-discovery#protected-resource-metadata-discovery-requirements
 * @see https://www.rfc-editor.org/rfc/rfc9728#section-5.1
 *
 * Outcomes:
 * - `ok`: a 401 arrived (or, in a lenient run, an answer the flow can still go on from); what
 *   the challenge says is in `data.probe`, and discovery continues even without a header.
 * - `failed` with findingId `probe.not-401` (`SERVER_NOT_PROTECTED`): the server answered
 *   2xx without a token. It does not require authorization, so there is nothing to debug;
 *   `data.probe` is filled and callers may present this as "completed: no authorization".
 * - `failed` otherwise: the URL is unusable, unreachable, not MCP, or answers a status no
 *   client would start authorization from (unless the run is lenient).
 */
import { isLoopbackUrl } from '../canonical-uri.js';
import { phrase } from '../checks/finding-phrases.js';
import type { AuthChallenge, ProbeData } from '../flow-data.js';
import type { FlowOptions } from '../options.js';
import { failed, ok, type HttpRequestInput, type SentExchange, type StepContext, type StepDefinition } from '../step.js';
import type { ExchangeResponse, HeaderList } from '../types.js';
import { findChallenge, parseWwwAuthenticate } from '../www-authenticate.js';
import { MAX_REDIRECTS, sendFollowingRedirects } from './same-origin-redirects.js';
import { headerValue, headerValues, parseJsonObject, reportTransportFailure } from './json-document.js';

/** The finding id that means "this server does not require authorization". */
export const SERVER_NOT_PROTECTED = 'probe.not-401';

/** The JSON-RPC body of the probe: a plain `initialize`, as a client's first message. */
export function initializeRequestBody(options: Pick<FlowOptions, 'spec' | 'clientName'>): string {
  return JSON.stringify({
    jsonrpc: '2.0',
    id: 1,
    method: 'initialize',
    params: {
      // The spec versions the engine profiles are MCP protocol versions.
      protocolVersion: options.spec,
      capabilities: {},
      clientInfo: { name: options.clientName, version: '0.1.0' },
    },
  });
}

/**
 * The unauthenticated request. Streamable HTTP clients MUST accept both JSON and SSE answers.
 * Up to 2025-11-25 the protocol version of `initialize` travels in its body (the
 * MCP-Protocol-Version header is for the requests after it); 2026-07-28 is stateless and
 * mirrors the version in a header on every request, so the header is sent there.
 */
export function probeRequest(options: FlowOptions): HttpRequestInput {
  const headers: HeaderList = [
    ['content-type', 'application/json'],
    ['accept', 'application/json, text/event-stream'],
  ];
  if (options.spec === '2026-07-28') headers.push(['mcp-protocol-version', options.spec]);
  return { method: 'POST', url: options.serverUrl, headers: [...headers, ...options.extraHeaders], body: initializeRequestBody(options) };
}

export const probeStep: StepDefinition = {
  id: 'probe',
  async run(ctx) {
    const serverUrl = parseServerUrl(ctx);
    if (!serverUrl) return failed('The server URL is not an http(s) URL.', 'probe.invalid-server-url');
    if (serverUrl.protocol === 'http:' && !isLoopbackUrl(serverUrl)) {
      ctx.report('probe.insecure-transport', { params: { url: ctx.options.serverUrl } });
    }

    const { sent, unfollowed } = await sendFollowingRedirects(ctx, probeRequest(ctx.options), 'MCP initialize without a token', {
      followed: 'probe.redirect',
      notFollowed: 'probe.redirect-not-followed',
    });
    const response = sent.response;
    // A cut body still has a usable status and headers; every other failure leaves nothing.
    if (!response || (sent.error && sent.error.kind !== 'too-large')) {
      reportTransportFailure(ctx, sent);
      return failed(`No answer from ${ctx.options.serverUrl}: ${sent.error?.message ?? 'no response'}`, 'http.unreachable');
    }
    if (sent.error) reportTransportFailure(ctx, sent);

    const url = sent.exchange.request.url;
    const evidence = { exchangeId: sent.exchange.id };
    const status = response.status;
    const probe = analyzeChallengeHeaders(ctx, response, evidence, status === 401);

    if (unfollowed) {
      const reason =
        unfollowed.reason === 'too-many'
          ? `The MCP endpoint keeps redirecting (more than ${MAX_REDIRECTS} redirects, the last to ${unfollowed.location}); clients give up.`
          : `The MCP endpoint redirects to ${unfollowed.location}, which clients do not follow.`;
      return ctx.stopsFlow('probe.redirect-not-followed') ? failed(reason, 'probe.redirect-not-followed', { probe }) : ok({ probe });
    }
    if (looksLikeSomethingElse(response)) {
      const contentType = headerValue(response, 'content-type') ?? phrase('value.none');
      ctx.report('probe.not-mcp', { params: { url, status: String(status), contentType }, evidence });
      if (ctx.stopsFlow('probe.not-mcp')) return failed(`${url} does not answer like an MCP endpoint (HTTP ${status}).`, 'probe.not-mcp', { probe });
      return ok({ probe });
    }
    if (status >= 200 && status < 300) {
      // Some servers let `initialize` through and protect the methods after it; the flow then
      // starts at the first 401, as a client would meet it.
      const followUp = await probeToolsList(ctx, response);
      if (followUp?.response?.status === 401) {
        ctx.report('probe.initialize-unprotected', { params: { url }, evidence: { exchangeId: followUp.exchange.id } });
        return ok({ probe: analyzeChallengeHeaders(ctx, followUp.response, { exchangeId: followUp.exchange.id }, true) });
      }
      ctx.report(SERVER_NOT_PROTECTED, { params: { url, status: String(status) }, evidence });
      return failed(
        'The server answered without asking for a token: it does not require authorization, so there is no authorization flow to debug.',
        SERVER_NOT_PROTECTED,
        { probe },
      );
    }
    if (status !== 401) {
      ctx.report('probe.unexpected-status', { params: { url, status: String(status) }, evidence });
      if (ctx.stopsFlow('probe.unexpected-status')) {
        return failed(`The server answered HTTP ${status} instead of 401 Unauthorized.`, 'probe.unexpected-status', { probe });
      }
    }
    return ok({ probe });
  },
};

/**
 * After an unauthenticated `initialize` succeeded: `tools/list` without a token, in the session
 * the server opened (if any) and with the protocol version it chose.
 */
async function probeToolsList(ctx: StepContext, initialized: ExchangeResponse): Promise<SentExchange | undefined> {
  const headers: HeaderList = [
    ['content-type', 'application/json'],
    ['accept', 'application/json, text/event-stream'],
    ['mcp-protocol-version', negotiatedProtocolVersion(initialized.body) ?? ctx.options.spec],
  ];
  const sessionId = headerValue(initialized, 'mcp-session-id');
  if (sessionId !== undefined) headers.push(['mcp-session-id', sessionId]);
  const body = JSON.stringify({ jsonrpc: '2.0', id: 2, method: 'tools/list', params: {} });
  return ctx.http.send({ method: 'POST', url: ctx.options.serverUrl, headers: [...headers, ...ctx.options.extraHeaders], body }, 'MCP tools/list without a token');
}

/** The `protocolVersion` of an initialize result, sent as JSON or as an SSE `data:` line. */
function negotiatedProtocolVersion(body: string): string | undefined {
  const candidates = [body, ...body.split('\n').filter((line) => line.startsWith('data:')).map((line) => line.slice(5))];
  for (const candidate of candidates) {
    const parsed = parseJsonObject(candidate.trim());
    const result = parsed.ok ? parsed.value.result : undefined;
    if (result && typeof result === 'object' && 'protocolVersion' in result && typeof result.protocolVersion === 'string') {
      return result.protocolVersion;
    }
  }
  return undefined;
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
 * 404/405, an HTML page, or a 2xx that is no JSON-RPC answer: where a JSON-RPC answer or a
 * challenge should be, something else answered. A 2xx of that kind must not be taken for "not
 * protected": nothing there speaks MCP.
 */
function looksLikeSomethingElse(response: ExchangeResponse): boolean {
  if (response.status === 404 || response.status === 405) return true;
  if (response.status === 401) return false;
  const contentType = headerValue(response, 'content-type') ?? '';
  if (/^text\/html\b/i.test(contentType) || /^\s*<(!doctype|html)\b/i.test(response.body)) return true;
  return response.status >= 200 && response.status < 300 && !mayBeJsonRpcAnswer(response);
}

/**
 * Streamable HTTP: "If the input is a JSON-RPC request, the server MUST either return
 * Content-Type: text/event-stream, to initiate an SSE stream, or Content-Type: application/json,
 * to return one JSON object." A JSON body must be JSON-RPC; a body cut at the size cap cannot be
 * parsed, so there only the Content-Type is judged (the cut is reported on its own).
 * @see https://modelcontextprotocol.io/specification/2025-11-25/basic/transports#sending-messages-to-the-server
 */
function mayBeJsonRpcAnswer(response: ExchangeResponse): boolean {
  const essence = (headerValue(response, 'content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (essence === 'text/event-stream') return true;
  if (!/^application\/([\w.+-]*\+)?json$/.test(essence)) return false;
  if (response.bodyTruncated) return true;
  const parsed = parseJsonValue(response.body);
  const messages = Array.isArray(parsed) ? parsed : [parsed];
  return messages.length > 0 && messages.every((m) => typeof m === 'object' && m !== null && 'jsonrpc' in m && m.jsonrpc === '2.0');
}

function parseJsonValue(body: string): unknown {
  try {
    return JSON.parse(body);
  } catch (error) {
    // Not JSON: no JSON-RPC message either.
    if (error instanceof SyntaxError) return undefined;
    throw error;
  }
}

/**
 * Reads the challenge(s) and reports what a client would miss. Runs for every status, so a
 * lenient run still learns resource_metadata from a 403; the header is only required on a 401.
 */
function analyzeChallengeHeaders(
  ctx: StepContext,
  response: ExchangeResponse,
  evidence: { exchangeId: string },
  is401: boolean,
): ProbeData {
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
  const bearer = findChallenge(challenges, 'bearer');
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
