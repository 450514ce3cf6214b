/**
 * Authenticated MCP: the access token at work, in the era the server speaks.
 *
 * - Modern (2026-07-28, the default judgement): stateless requests with `_meta` and the
 *   `MCP-Protocol-Version`, `Mcp-Method`, `Mcp-Name` and `Mcp-Param-*` headers; `server/discover`
 *   first, which also finds the era as "Versioning and Compatibility" describes (see
 *   mcp/era-negotiation.ts); tools/list and tools/call with `resultType`, caching hints and
 *   multi round-trip requests.
 * - Legacy (2025-11-25 and earlier judgements, or a server that gave no modern evidence): the
 *   `initialize` handshake, then tools/list and tools/call in its session.
 *
 * The debugger speaks both eras itself on its recorder, one exchange per HTTP request, so each
 * request and answer can be shown and judged; a gap of the debugger's own (a version it does
 * not know, an input request it cannot answer) is reported as its own limit.
 * "Authorization MUST be included in every HTTP request from client to server"; a 403
 * `insufficient_scope` sends the flow back to the authorization request with the challenge's
 * scope (step-up), up to `maxStepUps` times.
 * @see https://modelcontextprotocol.io/specification/2026-07-28/basic/versioning
 * @see https://modelcontextprotocol.io/specification/2026-07-28/basic/transports/streamable-http
 * @see https://modelcontextprotocol.io/specification/2026-07-28/basic/authorization#token-requirements
 * @see https://modelcontextprotocol.io/specification/2026-07-28/basic/authorization#step-up-authorization-flow
 */
import { because, exchangeLabel, renderTextRef, transportMessageParams } from '../checks/engine-phrases.js';
import { referencedPhrase } from '../checks/phrase-reference.js';
import { jsonRefusalText } from '../../wire/json.js';
import { phrase } from '../checks/finding-phrases.js';
import type { DiscoverData, FlowData, InputRound, McpData, McpTool, McpToolCall } from '../flow-data.js';
import { MODERN_ERROR_CODES, METHOD_NOT_FOUND, negotiateEra, supportedVersionsOf, type EraProbe } from '../mcp/era-negotiation.js';
import { answerInputRequests } from '../mcp/input-requests.js';
import { readJsonRpcAnswer, type JsonRpcAnswer, type JsonRpcErrorObject } from '../mcp/jsonrpc-answer.js';
import {
  checkHeaderAnnotations,
  eraOfVersion,
  initializeParams,
  legacyRequest,
  META_KEYS,
  modernRequest,
  MODERN_PROTOCOL_VERSIONS,
  toolParameterHeaders,
  type ClientIdentity,
  type ProtocolEra,
} from '../mcp/request-metadata.js';
import { withDpop } from '../dpop.js';
import type { FlowOptions } from '../options.js';
import { missingScopes, splitScope } from '../scope.js';
import { failed, ok, outcomeReason, skipped, type ExchangeLabel, type Reason, type SentExchange, type StepContext, type StepDefinition, type StepHttp, type StepOutput } from '../step.js';
import type { HeaderList } from '../types.js';
import { findChallenge, parseWwwAuthenticateChallenges } from '../www-authenticate.js';
import { headerValue, headerValues, parseJsonObject, noAnswerFindingId, reportTransportFailure } from './json-document.js';

export const authenticatedMcpStep: StepDefinition = { id: 'authenticated-mcp', run: useAccessToken };

const CLIENT_VERSION = '0.1.0';
/**
 * Declared in every modern `_meta` and in `initialize`: the debugger answers form elicitations
 * and roots requests of multi round-trip calls itself (see mcp/input-requests.ts).
 */
const CLIENT_CAPABILITIES: Record<string, unknown> = { elicitation: { form: {} }, roots: {} };
/** tools/list pages followed at most (a server that keeps sending cursors must not hold the step). */
const MAX_TOOL_PAGES = 20;
/** Input-required rounds answered per tool call before the debugger gives up. */
const MAX_INPUT_ROUNDS = 4;

export function clientIdentity(options: Pick<FlowOptions, 'clientName'>): ClientIdentity {
  return { name: options.clientName, version: CLIENT_VERSION, capabilities: CLIENT_CAPABILITIES };
}

/** The era and version this run speaks, and the legacy session if the server opened one. */
interface Conversation {
  ctx: StepContext;
  /** The step's HTTP; with a DPoP-bound token, each request to the server gets its proof. */
  http: StepHttp;
  era: ProtocolEra;
  version: string;
  headers: HeaderList;
  sessionId?: string;
  nextId: number;
  mcp: McpData;
}

type Phase = 'open' | 'list' | 'call';

async function useAccessToken(ctx: StepContext): Promise<StepOutput> {
  const tokens = ctx.data.tokens;
  const unprotected = ctx.data.probe?.unprotected === true;
  if (!tokens && !unprotected) return skipped(because('outcome.mcp.no-token'));
  const changes = ctx.data.mcp?.authorizationServerChanges;
  const mcp: McpData = { toolCalls: [], stepUps: ctx.data.mcp?.stepUps ?? 0, ...(changes !== undefined ? { authorizationServerChanges: changes } : {}) };
  // Every outcome but a step-up or a move to another authorization server ends those loops: the
  // keys are set (to undefined) so the runner's merge of data overwrites what an earlier round left.

  // A DPoP-bound token travels as `Authorization: DPoP` with a fresh proof on every request
  // (RFC 9449 §7); a Bearer token in the Authorization header.
  const dpop = tokens && tokens.tokenType.toLowerCase() === 'dpop' && ctx.data.dpop ? { ...ctx.data.dpop, nonces: { ...ctx.data.dpop.nonces } } : undefined;
  const http = dpop && tokens
    ? withDpop(ctx.http, {
        state: dpop,
        applies: (url) => url === ctx.options.serverUrl,
        accessToken: tokens.accessToken,
        clock: ctx.clock,
        random: ctx.random,
        onNonce: (sent) => ctx.report('dpop.nonce-required', { params: { url: sent.exchange.request.url }, evidence: { exchangeId: sent.exchange.id } }),
      })
    : ctx.http;
  // The nonces a server handed out are kept for the rest of the run.
  const finished = (): Partial<FlowData> => ({ mcp, stepUpScope: undefined, authorizationServerChanged: undefined, ...(dpop ? { dpop } : {}) });
  const headers: HeaderList = [
    // An extra Authorization header cannot replace the token.
    ...ctx.options.extraHeaders.filter(([name]) => !tokens || name.toLowerCase() !== 'authorization'),
    ...(tokens && !dpop ? ([['authorization', `Bearer ${tokens.accessToken}`]] as HeaderList) : []),
  ];

  const opened = await openConversation(ctx, http, headers, mcp);
  if (!('era' in opened)) return opened;
  const conversation = opened;

  const listStop = await listTools(conversation);
  if (listStop) return listStop;

  const calls = [...(ctx.options.toolCall ? [ctx.options.toolCall] : []), ...(ctx.options.toolCalls ?? [])];
  for (const call of calls) {
    const stop = await callTool(conversation, call.name, call.arguments);
    if (stop) return stop;
  }

  const server = mcp.serverInfo ? `${mcp.serverInfo.name} ${mcp.serverInfo.version}` : ctx.options.serverUrl;
  ctx.report(tokens ? 'mcp.connected' : 'mcp.connected-without-token', {
    params: { server, protocolVersion: conversation.version, era: phrase(`era.${conversation.era}`), toolCount: String(mcp.tools?.length ?? 0) },
  });
  if (conversation.era === 'legacy') await endSession(conversation);
  return ok(finished());
}

// ---------------------------------------------------------------------------------------------
// Opening: the era, the version, server/discover or initialize.

async function openConversation(ctx: StepContext, http: StepHttp, headers: HeaderList, mcp: McpData): Promise<Conversation | StepOutput> {
  const known = knownEra(ctx);
  const base = { ctx, http, headers, nextId: 1, mcp };
  if (known?.era === 'legacy') return openLegacy({ ...base, era: 'legacy', version: known.version }, false);
  if (known?.era === 'modern' && ctx.data.mcp?.discover) {
    // The era was found earlier in this run (the probe, or an earlier round): "Clients SHOULD
    // cache the result for the lifetime of the ... origin". server/discover is not asked again.
    Object.assign(mcp, pickServerFacts(ctx.data.mcp));
    return { ...base, era: 'modern', version: known.version };
  }
  if (!known && ctx.spec !== '2026-07-28') return openLegacy({ ...base, era: 'legacy', version: ctx.spec }, false);
  return openModern({ ...base, era: 'modern', version: MODERN_PROTOCOL_VERSIONS[0] }, false);
}

/** The era the probe (or an earlier run of this step) found, if any. */
function knownEra(ctx: StepContext): { era: ProtocolEra; version: string } | undefined {
  const source = ctx.data.mcp?.era ? ctx.data.mcp : ctx.data.probe;
  if (!source?.era || !source.protocolVersion) return undefined;
  return { era: source.era, version: source.protocolVersion };
}

function pickServerFacts(from: McpData): Partial<McpData> {
  return {
    ...(from.era ? { era: from.era } : {}),
    ...(from.protocolVersion ? { protocolVersion: from.protocolVersion } : {}),
    ...(from.serverInfo ? { serverInfo: from.serverInfo } : {}),
    ...(from.capabilities ? { capabilities: from.capabilities } : {}),
    ...(from.instructions !== undefined ? { instructions: from.instructions } : {}),
    ...(from.discover ? { discover: from.discover } : {}),
  };
}

/**
 * Modern first: server/discover, with the negotiation of "Versioning and Compatibility". The
 * probe's answer decides: modern (discover answered), legacy (fall back to initialize), or a
 * stop that names the cause.
 */
async function openModern(conversation: Conversation, switchedFromLegacy: boolean): Promise<Conversation | StepOutput> {
  const { ctx, mcp } = conversation;
  const probe = await negotiateEra({
    http: conversation.http,
    url: ctx.options.serverUrl,
    client: clientIdentity(ctx.options),
    headers: conversation.headers,
    label: exchangeLabel('label.mcp.discover'),
    firstId: conversation.nextId,
  });
  conversation.nextId += probe.attempts.length;
  reportRetries(ctx, probe);
  const stop = (reason: Reason, findingId: string): StepOutput => failed(reason, findingId, { mcp, stepUpScope: undefined, authorizationServerChanged: undefined });
  const evidence = { exchangeId: probe.sent.exchange.id };

  switch (probe.kind) {
    case 'modern':
      analyzeDiscover(ctx, probe.result, probe.sent, mcp);
      return adopt(conversation, 'modern', probe.version);
    case 'modern-error':
      if (probe.error.code === METHOD_NOT_FOUND) {
        // A modern server (its 404 carries -32601) without server/discover, which it MUST implement.
        ctx.report('mcp.discover-missing', { params: rpcErrorParams(probe.error), evidence });
        return adopt(conversation, 'modern', probe.version);
      }
      return (await judgeFailure(conversation, probe.sent, readAnswer(probe.sent, conversation.nextId - 1), 'server/discover', 'open')) ?? stop(because('outcome.mcp.request-failed', { operation: 'server/discover' }), 'mcp.request-failed');
    case 'legacy': {
      if (switchedFromLegacy) {
        ctx.report('mcp.era-contradiction', { params: { status: String(probe.sent.response?.status ?? '') }, evidence });
        return stop(because('outcome.mcp.era-contradiction'), 'mcp.era-contradiction');
      }
      const version = ctx.spec === '2026-07-28' ? probe.version : ctx.spec;
      const opened = await openLegacy({ ...conversation, era: 'legacy', version }, true);
      if ('era' in opened && opened.era === 'legacy') {
        ctx.report('mcp.legacy-only-server', { params: { version: opened.version, status: String(probe.sent.response?.status ?? '') }, evidence });
      }
      return opened;
    }
    case 'no-common-version':
      ctx.report('mcp.no-common-version', { params: { supported: probe.supported.join(', '), known: MODERN_PROTOCOL_VERSIONS.join(', ') }, evidence });
      return stop(because('outcome.mcp.no-common-version', { versions: probe.supported.join(', ') }), 'mcp.no-common-version');
    case 'version-loop':
      ctx.report('mcp.version-retry-loop', { params: { version: probe.version, supported: probe.supported.join(', ') }, evidence });
      return stop(because('outcome.mcp.version-retry-loop', { version: probe.version }), 'mcp.version-retry-loop');
    case 'unsupported-without-list':
      ctx.report('mcp.unsupported-version-without-list', { params: rpcErrorParams(probe.error), evidence });
      return stop(because('outcome.mcp.unsupported-version-without-list'), 'mcp.unsupported-version-without-list');
    case 'inconclusive':
      return (await judgeFailure(conversation, probe.sent, probe.answer, 'server/discover', 'open')) ?? stop(because('outcome.mcp.request-failed', { operation: 'server/discover' }), 'mcp.request-failed');
  }
}

/** Reports each time the server said "unsupported version" and the debugger retried. */
function reportRetries(ctx: StepContext, probe: EraProbe): void {
  for (const [index, attempt] of probe.attempts.slice(0, -1).entries()) {
    const answer = attempt.response ? readJsonRpcAnswer(attempt.response, undefined) : undefined;
    const supported = answer?.kind === 'error' ? (supportedVersionsOf(answer.error) ?? []) : [];
    const next = probe.attempts[index + 1]?.exchange.request.headers.find(([name]) => name === 'mcp-protocol-version')?.[1] ?? '';
    ctx.report('mcp.version-retried', { params: { supported: supported.join(', '), version: next }, evidence: { exchangeId: attempt.exchange.id } });
  }
}

function adopt(conversation: Conversation, era: ProtocolEra, version: string): Conversation {
  conversation.mcp.era = era;
  conversation.mcp.protocolVersion = version;
  return { ...conversation, era, version };
}

/**
 * server/discover's answer: supported versions, capabilities and server identity (SHOULD), and
 * the caching hints.
 * @see https://modelcontextprotocol.io/specification/2026-07-28/server/discover
 */
function analyzeDiscover(ctx: StepContext, result: Record<string, unknown>, sent: SentExchange, mcp: McpData): void {
  const evidence = { exchangeId: sent.exchange.id };
  const supportedVersions = Array.isArray(result.supportedVersions) ? result.supportedVersions.filter((v): v is string => typeof v === 'string') : undefined;
  const capabilities = isRecord(result.capabilities) ? result.capabilities : undefined;
  if (!supportedVersions || !capabilities) {
    const missing = [...(supportedVersions ? [] : ['supportedVersions']), ...(capabilities ? [] : ['capabilities'])];
    ctx.report('mcp.discover-invalid', { params: { missing: missing.join(', ') }, evidence });
  }
  const requested = headerOf(sent, 'mcp-protocol-version') ?? '';
  if (supportedVersions && !supportedVersions.includes(requested)) {
    ctx.report('mcp.discover-version-not-listed', { params: { version: requested, supported: supportedVersions.join(', ') }, evidence });
  }
  checkResultType(ctx, result, 'server/discover', sent);
  const discover: DiscoverData = {
    supportedVersions: supportedVersions ?? [],
    capabilities: capabilities ?? {},
    ...(typeof result.instructions === 'string' ? { instructions: result.instructions } : {}),
    ...(typeof result.ttlMs === 'number' ? { ttlMs: result.ttlMs } : {}),
    ...(typeof result.cacheScope === 'string' ? { cacheScope: result.cacheScope } : {}),
    ...(typeof result.resultType === 'string' ? { resultType: result.resultType } : {}),
    result,
  };
  mcp.discover = discover;
  mcp.capabilities = discover.capabilities;
  if (discover.instructions !== undefined) mcp.instructions = discover.instructions;
  const serverInfo = serverInfoOf(isRecord(result._meta) ? result._meta[META_KEYS.serverInfo] : undefined) ?? serverInfoOf(result.serverInfo);
  if (serverInfo) mcp.serverInfo = serverInfo;
  else ctx.report('mcp.discover-no-server-info', { evidence });
  if (headerOf(sent, 'mcp-session-id', 'response') !== undefined) ctx.report('mcp.modern-session-id', { evidence });
}

/**
 * The legacy handshake: initialize, then notifications/initialized. A modern-only server
 * rejects it; the debugger then speaks modern (it is a dual-era client), says that the server
 * is modern-only, and whether the rejection named the versions it supports (SHOULD).
 */
async function openLegacy(conversation: Conversation, fellBack: boolean): Promise<Conversation | StepOutput> {
  const { ctx, mcp } = conversation;
  const id = conversation.nextId++;
  const sent = await conversation.http.send(
    legacyRequest({ url: ctx.options.serverUrl, id, method: 'initialize', params: initializeParams(conversation.version, clientIdentity(ctx.options)), headers: conversation.headers }),
    exchangeLabel(fellBack ? 'label.mcp.initialize-fallback' : 'label.mcp.initialize'),
  );
  const answer = readAnswer(sent, id);
  const status = sent.response?.status;
  if (answer?.kind === 'result' && status !== undefined && status >= 200 && status < 300) {
    const result = answer.result;
    const version = typeof result.protocolVersion === 'string' ? result.protocolVersion : conversation.version;
    mcp.era = 'legacy';
    mcp.protocolVersion = version;
    const serverInfo = serverInfoOf(result.serverInfo);
    if (serverInfo) mcp.serverInfo = serverInfo;
    if (isRecord(result.capabilities)) mcp.capabilities = result.capabilities;
    if (typeof result.instructions === 'string') mcp.instructions = result.instructions;
    const sessionId = headerOf(sent, 'mcp-session-id', 'response');
    const opened: Conversation = { ...conversation, era: 'legacy', version, ...(sessionId !== undefined ? { sessionId } : {}) };
    await conversation.http.send(
      legacyRequest({ url: ctx.options.serverUrl, method: 'notifications/initialized', version, ...(sessionId !== undefined ? { sessionId } : {}), headers: conversation.headers }),
      exchangeLabel('label.mcp.initialized'),
    );
    return opened;
  }
  if (!fellBack && status !== undefined && status >= 400 && status < 500 && status !== 401 && status !== 403 && answer) {
    const modernOnly = modernOnlyEvidence(answer);
    if (modernOnly) {
      const evidence = { exchangeId: sent.exchange.id };
      if (!modernOnly.namesVersions) ctx.report('mcp.initialize-rejection-unnamed', { params: modernOnly.params, evidence });
      ctx.report('mcp.modern-only-server', { params: { ...modernOnly.params, spec: ctx.spec }, evidence });
      return openModern({ ...conversation, era: 'modern', version: MODERN_PROTOCOL_VERSIONS[0] }, true);
    }
  }
  return (await judgeFailure(conversation, sent, answer, 'initialize', 'open')) ?? failed(because('outcome.mcp.initialize-failed'), 'mcp.request-failed', { mcp, stepUpScope: undefined });
}

/**
 * Whether a rejected initialize came from a modern-only server: a modern error code, or an
 * answer naming a modern version. Named versions: a `supported` list, or a date-shaped version
 * in the message.
 */
function modernOnlyEvidence(answer: JsonRpcAnswer): { namesVersions: boolean; params: Record<string, string> } | undefined {
  if (answer.kind !== 'error') return undefined;
  const error = answer.error;
  const supported = supportedVersionsOf(error) ?? [];
  const text = `${error.message} ${JSON.stringify(error.data ?? '')}`;
  const namesModern = supported.some((v) => eraOfVersion(v) === 'modern') || MODERN_PROTOCOL_VERSIONS.some((v) => text.includes(v));
  const modernCode = Object.values(MODERN_ERROR_CODES).includes(error.code as never);
  if (!namesModern && !modernCode) return undefined;
  return { namesVersions: supported.length > 0 || /\d{4}-\d{2}-\d{2}/.test(text), params: rpcErrorParams(error) };
}

// ---------------------------------------------------------------------------------------------
// Requests in the conversation's era.

async function send(conversation: Conversation, method: string, params: Record<string, unknown>, label: ExchangeLabel, parameterHeaders: HeaderList = []): Promise<{ sent: SentExchange; answer: JsonRpcAnswer | undefined; id: number }> {
  const { ctx } = conversation;
  const id = conversation.nextId++;
  const request =
    conversation.era === 'modern'
      ? modernRequest({ url: ctx.options.serverUrl, id, method, params, version: conversation.version, client: clientIdentity(ctx.options), headers: conversation.headers, parameterHeaders })
      : legacyRequest({
          url: ctx.options.serverUrl,
          id,
          method,
          params,
          version: conversation.version,
          ...(conversation.sessionId !== undefined ? { sessionId: conversation.sessionId } : {}),
          headers: conversation.headers,
        });
  const sent = await conversation.http.send(request, label);
  return { sent, answer: readAnswer(sent, id), id };
}

function readAnswer(sent: SentExchange, id: number): JsonRpcAnswer | undefined {
  if (!sent.response || (sent.error && sent.error.kind !== 'too-large')) return undefined;
  return readJsonRpcAnswer(sent.response, id);
}

/** The result of a request that succeeded, or undefined (the failure has been judged). */
function successfulResult(sent: SentExchange, answer: JsonRpcAnswer | undefined): Record<string, unknown> | undefined {
  const status = sent.response?.status;
  if (status === undefined || status < 200 || status >= 300 || answer?.kind !== 'result') return undefined;
  return answer.result;
}

/**
 * "The result MUST include a resultType field"; an absent one is read as "complete" (servers of
 * earlier versions); one the client does not know "MUST be considered invalid".
 * @see https://modelcontextprotocol.io/specification/2026-07-28/basic/index#resulttype
 */
function checkResultType(ctx: StepContext, result: Record<string, unknown>, operation: string, sent: SentExchange): 'complete' | 'input_required' | 'invalid' {
  const evidence = { exchangeId: sent.exchange.id };
  const resultType = result.resultType;
  if (resultType === undefined) {
    ctx.report('mcp.result-type-missing', { params: { operation }, evidence });
    return 'complete';
  }
  if (resultType === 'complete' || resultType === 'input_required') return resultType;
  ctx.report('mcp.result-type-unknown', { params: { operation, resultType: JSON.stringify(resultType) }, evidence });
  return 'invalid';
}

async function listTools(conversation: Conversation): Promise<StepOutput | undefined> {
  const { ctx, mcp } = conversation;
  const tools: McpTool[] = [];
  const rejected: { name: string; reason: string }[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < MAX_TOOL_PAGES; page++) {
    const { sent, answer } = await send(conversation, 'tools/list', cursor ? { cursor } : {}, page === 0 ? exchangeLabel('label.mcp.tools-list') : exchangeLabel('label.mcp.tools-list-page', { page: String(page + 1) }));
    const result = successfulResult(sent, answer);
    if (!result) {
      const stop = await judgeFailure(conversation, sent, answer, 'tools/list', 'list');
      if (stop) return stop;
      break;
    }
    if (conversation.era === 'modern') {
      if (checkResultType(ctx, result, 'tools/list', sent) === 'invalid') break;
      if (page === 0) {
        mcp.toolsCache = {
          ...(typeof result.ttlMs === 'number' ? { ttlMs: result.ttlMs } : {}),
          ...(typeof result.cacheScope === 'string' ? { cacheScope: result.cacheScope } : {}),
        };
      }
    }
    for (const entry of Array.isArray(result.tools) ? result.tools : []) {
      if (!isRecord(entry) || typeof entry.name !== 'string') continue;
      const tool: McpTool = {
        name: entry.name,
        ...(typeof entry.title === 'string' ? { title: entry.title } : {}),
        ...(typeof entry.description === 'string' ? { description: entry.description } : {}),
        inputSchema: isRecord(entry.inputSchema) ? entry.inputSchema : {},
      };
      // Streamable HTTP clients "MUST reject tool definitions where any x-mcp-header value
      // violates these constraints": the tool is left out, with a warning naming why.
      const annotations = conversation.era === 'modern' ? checkHeaderAnnotations(tool.inputSchema) : undefined;
      if (annotations && !annotations.ok) {
        const [first] = annotations.problems;
        rejected.push({ name: tool.name, reason: annotations.reason, ...(first ? { reasonParams: { reason: phrase(`x-mcp-header.${first.kind}`), ...first.params } } : {}) });
        // One finding per problem, each in the reader's language.
        for (const problem of annotations.problems) {
          ctx.report('mcp.tool-definition-rejected', { params: { tool: tool.name, reason: phrase(`x-mcp-header.${problem.kind}`), ...problem.params }, evidence: { exchangeId: sent.exchange.id } });
        }
        continue;
      }
      tools.push(tool);
    }
    cursor = typeof result.nextCursor === 'string' && result.nextCursor !== '' ? result.nextCursor : undefined;
    if (!cursor) break;
  }
  mcp.tools = tools;
  if (rejected.length > 0) mcp.rejectedTools = rejected;
  return undefined;
}

/** A tool call's error in our words: in English, and by id and params for other languages. */
function callError(reason: Reason): Pick<McpToolCall, 'error' | 'errorId' | 'errorParams'> {
  const { reason: error, reasonId, reasonParams } = outcomeReason(reason);
  return { error, ...(reasonId !== undefined ? { errorId: reasonId } : {}), ...(reasonParams ? { errorParams: reasonParams } : {}) };
}

async function callTool(conversation: Conversation, name: string, args: Record<string, unknown>): Promise<StepOutput | undefined> {
  const { ctx, mcp } = conversation;
  const call: McpToolCall = { name, arguments: args };
  mcp.toolCalls.push(call);
  const rejected = mcp.rejectedTools?.find((t) => t.name === name);
  if (rejected !== undefined) {
    // Why, in the reader's language: the first problem as a phrase (a session from before it: the English words).
    const why = rejected.reasonParams ?? { reason: rejected.reason };
    Object.assign(call, callError(because('outcome.tool-call.definition-invalid', why)));
    ctx.report('mcp.tool-call-refused', { params: { tool: name, ...why } });
    return undefined;
  }
  const tool = mcp.tools?.find((t) => t.name === name);
  const annotations = conversation.era === 'modern' && tool ? checkHeaderAnnotations(tool.inputSchema) : undefined;
  const parameterHeaders = annotations?.ok ? toolParameterHeaders(annotations.annotations, args) : [];

  let params: Record<string, unknown> = { name, arguments: args };
  const rounds: InputRound[] = [];
  for (let round = 0; ; round++) {
    const label = round === 0 ? exchangeLabel('label.mcp.tools-call', { tool: name }) : exchangeLabel('label.mcp.tools-call-round', { tool: name, round: String(round + 1) });
    const { sent, answer } = await send(conversation, 'tools/call', params, label, parameterHeaders);
    const result = successfulResult(sent, answer);
    if (!result) {
      Object.assign(call, callFailure(failureParams(sent, answer)));
      return await judgeFailure(conversation, sent, answer, 'tools/call', 'call', name);
    }
    const kind = conversation.era === 'modern' ? checkResultType(ctx, result, 'tools/call', sent) : 'complete';
    if (kind === 'invalid') {
      Object.assign(call, callError(because('outcome.tool-call.unknown-result-type')));
      return undefined;
    }
    if (kind === 'complete') {
      call.result = result;
      if (rounds.length > 0) call.inputRounds = rounds;
      if (result.isError === true) ctx.report('mcp.tool-error', { params: { tool: name, message: resultText(result.content) }, evidence: { exchangeId: sent.exchange.id } });
      return undefined;
    }
    // input_required: answer what the debugger can, echo the requestState unchanged, new id.
    const evidence = { exchangeId: sent.exchange.id };
    const answers = answerInputRequests(result.inputRequests);
    const requestState = typeof result.requestState === 'string' ? result.requestState : undefined;
    rounds.push({ requests: answers.map((a) => ({ key: a.key, method: a.method, answered: a.response !== undefined })), requestState: requestState !== undefined });
    call.inputRounds = rounds;
    const unanswered = answers.filter((a) => a.response === undefined);
    if (unanswered.length > 0 || (answers.length === 0 && requestState === undefined)) {
      const methods = unanswered.map((a) => a.method).join(', ') || phrase('value.none');
      ctx.report('mcp.input-request-unsupported', { params: { tool: name, methods }, evidence });
      Object.assign(call, callError(because('outcome.tool-call.input-unsupported', { methods })));
      return undefined;
    }
    if (round + 1 >= MAX_INPUT_ROUNDS) {
      ctx.report('mcp.input-required-rounds', { params: { tool: name, rounds: String(round + 1) }, evidence });
      Object.assign(call, callError(because('outcome.tool-call.input-rounds', { rounds: String(round + 1) })));
      return undefined;
    }
    ctx.report('mcp.input-required', {
      params: { tool: name, requests: answers.map((a) => `${a.key}: ${a.method}`).join(', '), answers: answers.map((a) => `${a.key}: ${JSON.stringify(a.response)}`).join('; ') },
      evidence,
    });
    params = {
      name,
      arguments: args,
      inputResponses: Object.fromEntries(answers.map((a) => [a.key, a.response])),
      // "the client MUST echo back the exact value"; without one, it MUST NOT include one.
      ...(requestState !== undefined ? { requestState } : {}),
    };
  }
}

// ---------------------------------------------------------------------------------------------
// Failures.

/**
 * Reads why an MCP request failed, reports it, and says whether the step stops (undefined: a
 * client could go on). 401 and 403 stop or step up whatever the operation; other failures of a
 * tool call do not stop the flow.
 */
async function judgeFailure(conversation: Conversation, sent: SentExchange, answer: JsonRpcAnswer | undefined, operation: string, phase: Phase, tool?: string): Promise<StepOutput | undefined> {
  const { ctx, mcp } = conversation;
  const stop = (reason: Reason, findingId: string): StepOutput => failed(reason, findingId, { mcp, stepUpScope: undefined, authorizationServerChanged: undefined });
  const exchange = sent.exchange;
  const response = sent.response;
  if (!response || (sent.error && sent.error.kind !== 'too-large')) {
    reportTransportFailure(ctx, sent);
    return stop(because('outcome.mcp.no-answer'), noAnswerFindingId(sent.error));
  }
  const evidence = { exchangeId: exchange.id };
  const status = response.status;
  const challengeHeader = headerValues(response, 'www-authenticate');
  const challenges = challengeHeader.length > 0 ? parseWwwAuthenticateChallenges(challengeHeader) : [];
  const challenge = findChallenge(challenges, 'bearer') ?? findChallenge(challenges, 'dpop');
  const shownChallenge = challengeHeader.length > 0 ? challengeHeader.join(', ') : phrase('value.no-www-authenticate');
  const failure = failureParams(sent, answer);

  if (status === 401) {
    const dpopError = challenge?.scheme.toLowerCase() === 'dpop' ? challenge.parameters.error : undefined;
    if (ctx.data.tokens && (dpopError === 'invalid_dpop_proof' || dpopError === 'use_dpop_nonce')) {
      ctx.report('dpop.proof-rejected', { params: { url: exchange.request.url, error: dpopError }, evidence });
      return stop(because('outcome.mcp.dpop-proof-rejected', { error: dpopError }), 'dpop.proof-rejected');
    }
    if (!ctx.data.tokens) {
      ctx.report('mcp.authorization-required-later', { params: { operation, challenge: shownChallenge }, evidence });
      return stop(because('outcome.mcp.authorization-required-later', { operation }), 'mcp.authorization-required-later');
    }
    const moved = await authorizationServerChange(conversation);
    if (moved) {
      ctx.report('mcp.authorization-server-changed', { params: { operation, from: moved.from, to: moved.to.join(', ') }, evidence });
      return ok({
        mcp: { ...mcp, authorizationServerChanges: (mcp.authorizationServerChanges ?? 0) + 1 },
        authorizationServerChanged: moved,
        stepUpScope: undefined,
      });
    }
    const errorCode = challenge?.parameters.error ?? phrase('value.no-error-code');
    ctx.report('mcp.token-rejected', { params: { operation, error: errorCode, challenge: shownChallenge }, evidence });
    return stop(because('outcome.mcp.token-rejected', { error: errorCode }), 'mcp.token-rejected');
  }
  if (status === 403) {
    if (challenge?.parameters.error === 'insufficient_scope') return stepUp(conversation, sent, operation, challenge.parameters.scope, shownChallenge);
    ctx.report('mcp.forbidden', { params: { operation, challenge: shownChallenge }, evidence });
    return stop(because('outcome.mcp.forbidden', { operation }), 'mcp.forbidden');
  }
  if (answer?.kind === 'error' && answer.error.code === MODERN_ERROR_CODES.headerMismatch) {
    ctx.report('mcp.header-mismatch', { params: { operation, ...failure }, evidence });
    return phase === 'call' ? undefined : stop(because('outcome.mcp.header-mismatch', failure), 'mcp.header-mismatch');
  }
  if (answer?.kind === 'error' && answer.error.code === MODERN_ERROR_CODES.missingRequiredClientCapability) {
    ctx.report('mcp.client-capability-required', { params: { operation, ...failure }, evidence });
    return phase === 'call' ? undefined : stop(because('outcome.mcp.client-capability-required', failure), 'mcp.client-capability-required');
  }
  if (answer?.kind === 'error' && status >= 200 && status < 300) {
    if (phase === 'call') {
      ctx.report('mcp.tool-call-failed', { params: { tool: tool ?? operation, ...failure }, evidence });
      return undefined;
    }
    ctx.report('mcp.request-failed', { params: { operation, ...failure }, evidence });
    return stop(because('outcome.mcp.request-failed-because', { operation, ...failure }), 'mcp.request-failed');
  }
  if (status < 200 || status >= 300) {
    ctx.report('mcp.http-error', { params: { operation, ...failure, status: String(status) }, evidence });
    return phase === 'call' ? undefined : stop(because('outcome.mcp.http-error', { status: String(status), operation }), 'mcp.http-error');
  }
  const contentType = headerValue(response, 'content-type') ?? phrase('value.none');
  ctx.report('mcp.not-mcp', { params: { operation, contentType, ...failure }, evidence });
  return phase === 'call' ? undefined : stop(because('outcome.mcp.not-mcp', { operation }), 'mcp.not-mcp');
}

/**
 * After a 401 to a token that was issued: does the protected resource metadata still name the
 * authorization server the token came from? "When the authorization server changes (detected via
 * updated protected resource metadata), clients MUST NOT reuse client credentials from a
 * different authorization server and MUST re-register with the new authorization server."
 * Asked once per run, so a server that keeps refusing cannot send the flow round forever.
 * @see https://modelcontextprotocol.io/specification/2026-07-28/basic/authorization/client-registration#authorization-server-binding
 */
async function authorizationServerChange(conversation: Conversation): Promise<{ from: string; to: string[] } | undefined> {
  const { ctx, mcp } = conversation;
  const metadataUrl = ctx.data.protectedResource?.metadataUrl;
  const current = ctx.data.authorizationServer?.authorizationServer;
  if (!metadataUrl || !current || (mcp.authorizationServerChanges ?? 0) >= 1) return undefined;
  const sent = await ctx.http.send({ url: metadataUrl, headers: [['accept', 'application/json']] }, exchangeLabel('label.prm.again-after-401'));
  const status = sent.response?.status;
  if (!sent.response || status === undefined || status < 200 || status >= 300) return undefined;
  const parsed = parseJsonObject(sent.response.body);
  const servers = parsed.ok && Array.isArray(parsed.value.authorization_servers) ? parsed.value.authorization_servers.filter((v): v is string => typeof v === 'string') : [];
  if (servers.length === 0 || servers.includes(current)) return undefined;
  return { from: current, to: servers };
}

/**
 * What went wrong, in the server's words where it gave some, as the params a finding or reason
 * carries: `message` is a phrase reference where the words are ours (no answer, a body that is
 * not JSON-RPC), so each reader says it in its own language, and the server's own text otherwise.
 */
function failureParams(sent: SentExchange, answer: JsonRpcAnswer | undefined): Record<string, string> {
  if (!sent.response) return sent.error ? transportMessageParams(sent.error) : { message: phrase('transport.no-answer') };
  if (answer?.kind === 'error') return rpcErrorParams(answer.error);
  const status = String(sent.response.status);
  if (answer?.kind !== 'unreadable') return { message: `HTTP ${status}` };
  const why = answer.refusal ? jsonRefusalText(answer.refusal) : undefined;
  const json = why ? { ...why.params, jsonError: phrase(why.id) } : {};
  return { ...json, message: phrase('mcp-answer.unreadable'), status, why: phrase(`mcp-answer.${answer.reason}`) };
}

/** A tool call's failure: the English beside the phrase and params to say it in another language. */
function callFailure(params: Record<string, string>): Pick<McpToolCall, 'error' | 'errorId' | 'errorParams'> {
  const message = params.message ?? '';
  const id = referencedPhrase(message);
  if (id === undefined) return { error: message };
  return { error: renderTextRef({ id, params }, 'en') ?? message, errorId: id, errorParams: params };
}

/** A JSON-RPC error as a finding's params: the server's message and code, or in our words that it gave no message. */
function rpcErrorParams(error: JsonRpcErrorObject): Record<string, string> {
  if (error.message) return { message: `${error.message} (${error.code})` };
  return { message: phrase('mcp-answer.rpc-error'), rpcMessage: phrase('value.no-message'), code: String(error.code) };
}

/**
 * 403 insufficient_scope: "Clients SHOULD respond to these errors by requesting a new access
 * token with an increased set of scopes via a step-up authorization flow", retrying "no more than
 * a few times". The runner loops back to the authorization request while `stepUpScope` is set;
 * the authorization request asks for the union with the previous scope.
 */
function stepUp(conversation: Conversation, sent: SentExchange, operation: string, scope: string | undefined, challenge: string): StepOutput {
  const { ctx, mcp } = conversation;
  const evidence = { exchangeId: sent.exchange.id };
  const stop = (reason: Reason, findingId: string): StepOutput => failed(reason, findingId, { mcp, stepUpScope: undefined, authorizationServerChanged: undefined });
  if (!scope || splitScope(scope).length === 0) {
    ctx.report('mcp.insufficient-scope-without-scope', { params: { operation, challenge }, evidence });
    return stop(because('outcome.mcp.insufficient-scope-without-scope'), 'mcp.insufficient-scope-without-scope');
  }
  const granted = ctx.data.tokens?.scope;
  if (granted !== undefined && missingScopes(scope, granted).length === 0) {
    ctx.report('mcp.step-up-no-progress', { params: { operation, scope, granted }, evidence });
    return stop(because('outcome.mcp.step-up-no-progress'), 'mcp.step-up-no-progress');
  }
  const max = ctx.options.maxStepUps;
  if (mcp.stepUps >= max) {
    ctx.report('mcp.step-up-limit', { params: { operation, scope, count: String(mcp.stepUps) }, evidence });
    return stop(because('outcome.mcp.step-up-limit', { count: String(mcp.stepUps) }), 'mcp.step-up-limit');
  }
  const attempt = mcp.stepUps + 1;
  ctx.report('mcp.insufficient-scope', { params: { operation, scope, attempt: String(attempt), max: String(max) }, evidence });
  return ok({ mcp: { ...mcp, stepUps: attempt }, stepUpScope: scope });
}

/**
 * "Clients that no longer need a particular session ... SHOULD send an HTTP DELETE to the MCP
 * endpoint with the Mcp-Session-Id header" (2025-11-25 Streamable HTTP, session management).
 * A 405 means the server does not let clients end sessions, which it may.
 */
async function endSession(conversation: Conversation): Promise<void> {
  const { ctx, sessionId } = conversation;
  if (sessionId === undefined) return;
  const headers: HeaderList = [['mcp-session-id', sessionId], ['mcp-protocol-version', conversation.version], ...conversation.headers];
  const sent = await conversation.http.send({ method: 'DELETE', url: ctx.options.serverUrl, headers }, exchangeLabel('label.mcp.end-session'));
  const status = sent.response?.status;
  if (status === undefined || (status >= 300 && status !== 405)) {
    ctx.report('mcp.session-not-terminated', { params: { message: status === undefined ? (sent.error?.message ?? 'no answer') : `HTTP ${status}` }, evidence: { exchangeId: sent.exchange.id } });
  }
}

// ---------------------------------------------------------------------------------------------

function headerOf(sent: SentExchange, name: string, side: 'request' | 'response' = 'request'): string | undefined {
  if (side === 'response') return sent.response ? headerValue(sent.response, name) : undefined;
  return sent.exchange.request.headers.find(([n]) => n.toLowerCase() === name)?.[1];
}

function serverInfoOf(value: unknown): { name: string; version: string } | undefined {
  if (!isRecord(value) || typeof value.name !== 'string') return undefined;
  return { name: value.name, version: typeof value.version === 'string' ? value.version : '' };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The tool's own text (quoted data), or a phrase saying it has none. */
function resultText(content: unknown): string {
  if (!Array.isArray(content)) return phrase('value.no-content');
  const text = content
    .map((item: unknown) => (typeof item === 'object' && item !== null && 'text' in item && typeof item.text === 'string' ? item.text : ''))
    .join(' ')
    .trim();
  return text ? text.slice(0, 300) : phrase('value.no-text-content');
}

