/**
 * CORS readiness (opt-in): whether a web page on another origin, an MCP client running in a
 * browser, could call each endpoint the flow used. For each one the step sends the OPTIONS
 * preflight such a client's browser would send, from a made-up origin; where the actual request
 * is harmless (the metadata documents, the unauthenticated MCP request that gets the 401) it
 * sends that too with an `Origin`, to see what the page could read. Registration and token
 * requests are never sent for this: their preflight is the evidence.
 *
 * The MCP specification has no CORS clause; a browser-based client simply cannot follow the
 * discovery the spec describes (the 401's `WWW-Authenticate`, then the metadata) when the
 * server does not allow it, so the judgements follow the Fetch standard.
 * @see https://fetch.spec.whatwg.org/#http-cors-protocol
 * @see https://modelcontextprotocol.io/specification/2026-07-28/basic/authorization#protected-resource-metadata-discovery-requirements
 */
import {
  BROWSER_CLIENT_ORIGIN,
  corsPreflightRequest,
  headerExposed,
  needsPreflight,
  processCorsAnswer,
  processCorsPreflight,
  type CorsPreflightInput,
  type McpExposedHeader,
} from '../cors.js';
import { phrase, type PhraseId } from '../checks/finding-phrases.js';
import type { CorsData, CorsEndpointCheck, CorsEndpointKind } from '../flow-data.js';
import { because, exchangeLabel } from '../checks/engine-phrases.js';
import { ok, skipped, type HttpRequestInput, type StepContext, type StepDefinition, type StepOutput } from '../step.js';
import { reportTransportFailure } from './json-document.js';
import { probeRequest } from './probe.js';

export const corsStep: StepDefinition = { id: 'cors', run: checkCors };

/** An endpoint to check: the request a browser client makes there, and the harmless copy to send. */
interface CorsTarget extends CorsPreflightInput {
  kind: CorsEndpointKind;
  actual?: HttpRequestInput;
}

const CORS_ENDPOINT_PHRASES: Record<CorsEndpointKind, PhraseId> = {
  'protected-resource-metadata': 'cors.endpoint.protected-resource-metadata',
  'authorization-server-metadata': 'cors.endpoint.authorization-server-metadata',
  registration: 'cors.endpoint.registration',
  token: 'cors.endpoint.token',
  mcp: 'cors.endpoint.mcp',
};

async function checkCors(ctx: StepContext): Promise<StepOutput> {
  if (!ctx.options.cors) return skipped(because('outcome.cors.off'));
  const targets = corsTargets(ctx);
  const endpoints: CorsEndpointCheck[] = [];
  for (const target of targets) endpoints.push(await checkEndpoint(ctx, target));
  const cors: CorsData = { origin: BROWSER_CLIENT_ORIGIN, endpoints };
  judge(ctx, cors);
  return ok({ cors });
}

/** The endpoints the flow learned, in the order a client calls them. */
function corsTargets(ctx: StepContext): CorsTarget[] {
  const origin = BROWSER_CLIENT_ORIGIN;
  const { protectedResource, authorizationServer, dpop } = ctx.data;
  const withOrigin = (request: HttpRequestInput): HttpRequestInput => ({ ...request, headers: [...(request.headers ?? []), ['Origin', origin]] });
  const targets: CorsTarget[] = [];

  // A plain GET is all a client needs for a metadata document: no preflight.
  const document = (kind: CorsEndpointKind, url: string): CorsTarget => ({ kind, url, origin, method: 'GET', requestHeaders: [], actual: withOrigin({ method: 'GET', url, headers: [['Accept', 'application/json']] }) });
  if (protectedResource) targets.push(document('protected-resource-metadata', protectedResource.metadataUrl));
  if (authorizationServer && !authorizationServer.fallback) targets.push(document('authorization-server-metadata', authorizationServer.metadataUrl));

  const metadata = authorizationServer?.metadata;
  // Dynamic Client Registration sends JSON (RFC 7591 §3.1), which is not a simple request.
  if (metadata?.registration_endpoint) targets.push({ kind: 'registration', url: metadata.registration_endpoint, origin, method: 'POST', requestHeaders: ['content-type'] });
  // A form POST is simple; a DPoP proof header is not (RFC 9449 §5).
  if (metadata?.token_endpoint) targets.push({ kind: 'token', url: metadata.token_endpoint, origin, method: 'POST', requestHeaders: dpop ? ['dpop'] : [] });

  // The MCP request as the debugger sent it, plus what an authenticated client adds.
  const era = ctx.data.mcp?.era ?? ctx.data.probe?.era;
  const request = probeRequest(ctx.options, era);
  const names = new Set((request.headers ?? []).map(([name]) => name.toLowerCase()).filter((name) => name !== 'accept'));
  names.add('authorization');
  if (era !== 'modern') names.add('mcp-session-id');
  if (dpop) names.add('dpop');
  targets.push({ kind: 'mcp', url: ctx.options.serverUrl, origin, method: request.method ?? 'POST', requestHeaders: [...names].sort(), actual: withOrigin(request) });
  return targets;
}

async function checkEndpoint(ctx: StepContext, target: CorsTarget): Promise<CorsEndpointCheck> {
  const sentPreflight = await ctx.http.send(corsPreflightRequest(target), exchangeLabel(`label.cors.preflight.${target.kind}`));
  if (!sentPreflight.response) reportTransportFailure(ctx, sentPreflight);
  const preflight = {
    exchangeId: sentPreflight.exchange.id,
    ...(sentPreflight.response ? { verdict: processCorsPreflight(target, sentPreflight.response) } : {}),
  };

  let answer: CorsEndpointCheck['answer'];
  if (target.actual) {
    const sent = await ctx.http.send(target.actual, exchangeLabel(`label.cors.with-origin.${target.kind}`));
    if (!sent.response) reportTransportFailure(ctx, sent);
    answer = { exchangeId: sent.exchange.id, ...(sent.response ? { verdict: processCorsAnswer(target.origin, sent.response) } : {}) };
  }
  const originAllowed = answer ? answer.verdict?.originAllowed === true : preflight.verdict?.originAllowed === true;
  const exposedList = answer?.verdict?.exposedHeaders;
  return {
    kind: target.kind,
    url: target.url,
    method: target.method,
    requestHeaders: [...target.requestHeaders],
    preflightRequired: needsPreflight(target.method, target.requestHeaders),
    preflight,
    ...(answer ? { answer } : {}),
    originAllowed,
    ...(target.kind === 'mcp' && exposedList
      ? { exposed: exposedHeaders(originAllowed, exposedList) }
      : {}),
  };
}

/** A header is readable only when the origin is allowed at all and the header is exposed. */
function exposedHeaders(originAllowed: boolean, exposed: readonly string[]): Record<McpExposedHeader, boolean> {
  const readable = (name: McpExposedHeader) => originAllowed && headerExposed(exposed, name);
  return { 'www-authenticate': readable('www-authenticate'), 'mcp-session-id': readable('mcp-session-id'), 'mcp-protocol-version': readable('mcp-protocol-version') };
}

/**
 * No CORS at all is a choice (a server for desktop clients only), reported as info; a half
 * configuration, where some of the flow is allowed and a browser still cannot finish it, is a
 * warning per gap.
 */
function judge(ctx: StepContext, cors: CorsData): void {
  const anyAllowed = cors.endpoints.some((endpoint) => endpoint.originAllowed || endpoint.preflight.verdict?.passed === true);
  if (!anyAllowed) {
    ctx.report('cors.not-browser-ready', { params: { origin: cors.origin, url: ctx.options.serverUrl } });
    return;
  }
  let gaps = 0;
  for (const endpoint of cors.endpoints) {
    const base = { endpoint: phrase(CORS_ENDPOINT_PHRASES[endpoint.kind]), url: endpoint.url, origin: cors.origin };
    const preflight = endpoint.preflight.verdict;
    const answer = endpoint.answer?.verdict;
    if (!endpoint.originAllowed) {
      gaps++;
      const evidence = { exchangeId: endpoint.answer?.exchangeId ?? endpoint.preflight.exchangeId };
      ctx.report('cors.origin-not-allowed', { params: { ...base, allowOrigin: (answer ?? preflight)?.allowOrigin ?? phrase('value.none') }, evidence });
      continue;
    }
    if (endpoint.preflightRequired && preflight && !preflight.passed) {
      gaps++;
      ctx.report('cors.preflight-failed', {
        params: {
          ...base,
          method: endpoint.method,
          headers: endpoint.requestHeaders.join(', ') || phrase('value.none'),
          status: String(preflight.status),
          allowOrigin: preflight.allowOrigin ?? phrase('value.none'),
          refused: [...(preflight.methodAllowed ? [] : [endpoint.method]), ...preflight.headersRefused].join(', ') || phrase('value.none'),
        },
        evidence: { exchangeId: endpoint.preflight.exchangeId },
      });
    }
    if (endpoint.kind !== 'mcp' || !endpoint.exposed || !answer || !endpoint.answer) continue;
    const evidence = { exchangeId: endpoint.answer.exchangeId };
    if (answer.status === 401 && !endpoint.exposed['www-authenticate']) {
      gaps++;
      ctx.report('cors.www-authenticate-not-exposed', { params: { ...base, exposed: exposedText(answer.exposedHeaders) }, evidence });
    }
    const hidden = (['mcp-session-id', 'mcp-protocol-version'] as const).filter((name) => !endpoint.exposed?.[name]);
    if (hidden.length > 0) {
      gaps++;
      ctx.report('cors.mcp-headers-not-exposed', { params: { ...base, headers: hidden.map(displayName).join(', '), exposed: exposedText(answer.exposedHeaders) }, evidence });
    }
  }
  if (gaps === 0) ctx.report('cors.browser-ready', { params: { origin: cors.origin, url: ctx.options.serverUrl, count: String(cors.endpoints.length) } });
}

const DISPLAY_NAMES: Record<string, string> = { 'www-authenticate': 'WWW-Authenticate', 'mcp-session-id': 'Mcp-Session-Id', 'mcp-protocol-version': 'MCP-Protocol-Version' };

function displayName(name: string): string {
  return DISPLAY_NAMES[name] ?? name;
}

function exposedText(exposed: readonly string[]): string {
  return exposed.length === 0 ? phrase('value.none') : exposed.join(', ');
}
