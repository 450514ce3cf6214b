/**
 * Authenticated MCP: the access token at work. The MCP SDK's client speaks Streamable HTTP with
 * "Authorization: Bearer <token>" on every request (initialize, tools/list, and the person's
 * tools/call), all recorded through `ctx.http`. A 403 `insufficient_scope` sends the flow back to
 * the authorization request with the challenge's scope (step-up), up to `maxStepUps` times.
 * @see https://modelcontextprotocol.io/specification/2026-07-28/basic/authorization#token-requirements
 * @see https://modelcontextprotocol.io/specification/2026-07-28/basic/authorization#runtime-insufficient-scope-errors
 * @see https://modelcontextprotocol.io/specification/2026-07-28/basic/authorization#step-up-authorization-flow
 */
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { CfWorkerJsonSchemaValidator } from '@modelcontextprotocol/sdk/validation/cfworker';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { FetchLike } from '@modelcontextprotocol/sdk/shared/transport.js';
import { McpError } from '@modelcontextprotocol/sdk/types.js';
import { inEnglish, phrase } from '../checks/finding-phrases.js';
import type { FlowData, McpData, McpTool } from '../flow-data.js';
import { missingScopes, splitScope } from '../scope.js';
import { failed, ok, skipped, type StepContext, type StepDefinition, type StepOutput } from '../step.js';
import type { Exchange } from '../types.js';
import { findChallenge, parseWwwAuthenticateChallenges } from '../www-authenticate.js';
import { headerValue, headerValues, reportTransportFailure, sentExchange } from './json-document.js';

export const authenticatedMcpStep: StepDefinition = { id: 'authenticated-mcp', run: useAccessToken };

const CLIENT_VERSION = '0.1.0';
/** The SDK's own request deadline sits past the transport's, so a timeout shows as a recorded exchange. */
const SDK_TIMEOUT_GRACE_MS = 1_000;
/** tools/list pages followed at most (a server that keeps sending cursors must not hold the step). */
const MAX_TOOL_PAGES = 20;

type Operation = 'initialize' | 'tools/list' | 'tools/call';

/**
 * Why the debugger does not open the optional standalone SSE stream (HTTP GET): it only makes
 * request/response calls, and the recorder reads whole bodies, so a stream that a server keeps
 * open would hold the step until the transport's deadline and be recorded after the step ended.
 */
class StandaloneStreamNotOpened extends Error {
  constructor() {
    super('The debugger does not open the standalone SSE stream (GET); it needs no server-initiated messages.');
  }
}

async function useAccessToken(ctx: StepContext): Promise<StepOutput> {
  const tokens = ctx.data.tokens;
  if (!tokens) return skipped('There is no access token to use.');
  const mcp: McpData = { toolCalls: [], stepUps: ctx.data.mcp?.stepUps ?? 0 };
  // Every outcome but a step-up ends the step-up loop: the key is set (to undefined) so the
  // runner's merge of data overwrites a stepUpScope left by an earlier round.
  const finished = (): Partial<FlowData> => ({ mcp, stepUpScope: undefined });

  const transport = new StreamableHTTPClientTransport(new URL(ctx.options.serverUrl), {
    fetch: recordingMcpFetch(ctx),
    requestInit: {
      // "authorization MUST be included in every HTTP request from client to server"; the SDK
      // adds these headers to each one. An extra Authorization header cannot replace the token.
      headers: [...ctx.options.extraHeaders.filter(([name]) => name.toLowerCase() !== 'authorization'), ['authorization', `Bearer ${tokens.accessToken}`]],
    },
  });
  // The default (ajv) validator compiles schemas with `new Function`, which the browser UI's
  // Content-Security-Policy (script-src 'self') forbids; @cfworker/json-schema interprets them.
  const client = new Client(
    { name: ctx.options.clientName, version: CLIENT_VERSION },
    { capabilities: {}, jsonSchemaValidator: new CfWorkerJsonSchemaValidator() },
  );
  // No client.onerror: request failures reach the awaiting call and are analysed there, and the
  // declined GET stream (the transport's only other error) is by design.
  const timeout = ctx.options.timeoutMs + SDK_TIMEOUT_GRACE_MS;

  try {
    let since = ctx.http.exchanges.length;
    try {
      await client.connect(transport, { timeout });
    } catch (error) {
      return failure(ctx, error, 'initialize', since, mcp) ?? failed('The MCP session could not be initialized.', 'mcp.request-failed', finished());
    }
    if (transport.protocolVersion) mcp.protocolVersion = transport.protocolVersion;
    const serverInfo = client.getServerVersion();
    if (serverInfo) mcp.serverInfo = { name: serverInfo.name, version: serverInfo.version };

    since = ctx.http.exchanges.length;
    try {
      mcp.tools = await listTools(client, timeout);
    } catch (error) {
      const stop = failure(ctx, error, 'tools/list', since, mcp);
      if (stop) return stop;
    }

    const call = ctx.options.toolCall;
    if (call) {
      since = ctx.http.exchanges.length;
      try {
        const result = await client.callTool({ name: call.name, arguments: call.arguments }, undefined, { timeout });
        mcp.toolCalls.push({ name: call.name, arguments: call.arguments, result });
        if (result.isError === true) ctx.report('mcp.tool-error', { params: { tool: call.name, message: resultText(result.content) } });
      } catch (error) {
        mcp.toolCalls.push({ name: call.name, arguments: call.arguments, error: errorMessage(error) });
        const stop = failure(ctx, error, 'tools/call', since, mcp, call.name);
        if (stop) return stop;
      }
    }

    ctx.report('mcp.connected', {
      params: {
        server: mcp.serverInfo ? `${mcp.serverInfo.name} ${mcp.serverInfo.version}` : ctx.options.serverUrl,
        protocolVersion: mcp.protocolVersion ?? phrase('value.unknown'),
        toolCount: String(mcp.tools?.length ?? 0),
      },
    });
    await endSession(ctx, transport);
    return ok(finished());
  } finally {
    await client.close();
  }
}

/**
 * The recording fetch for the SDK's transport, one exchange per request, labelled with the
 * JSON-RPC method it carries. The standalone GET stream is declined (see StandaloneStreamNotOpened).
 */
function recordingMcpFetch(ctx: StepContext): FetchLike {
  return async (url, init) => {
    const method = (init?.method ?? 'GET').toUpperCase();
    if (method === 'GET') throw new StandaloneStreamNotOpened();
    const rpcMethod = typeof init?.body === 'string' ? jsonRpcMethod(init.body) : undefined;
    const label = rpcMethod ? `MCP ${rpcMethod}` : `MCP ${method}`;
    return ctx.http.fetch(label)(url, init);
  };
}

async function listTools(client: Client, timeout: number): Promise<McpTool[]> {
  const tools: McpTool[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < MAX_TOOL_PAGES; page++) {
    const result = await client.listTools(cursor ? { cursor } : undefined, { timeout });
    for (const tool of result.tools) {
      tools.push({
        name: tool.name,
        ...(tool.title ? { title: tool.title } : {}),
        ...(tool.description ? { description: tool.description } : {}),
        inputSchema: tool.inputSchema,
      });
    }
    cursor = result.nextCursor;
    if (!cursor) break;
  }
  return tools;
}

/**
 * Reads why an MCP request failed from what was recorded since it started, reports it, and says
 * whether the step stops (undefined: a client could go on). 401 and 403 stop or step up whatever
 * the operation; other failures of a tool call do not stop the flow.
 */
function failure(ctx: StepContext, error: unknown, phase: Operation, since: number, mcp: McpData, tool?: string): StepOutput | undefined {
  const stop = (reason: string, findingId: string): StepOutput => failed(reason, findingId, { mcp, stepUpScope: undefined });
  const exchange = ctx.http.exchanges.slice(since).at(-1);
  const operation = (exchange?.request.body !== undefined ? jsonRpcMethod(exchange.request.body) : undefined) ?? phase;
  const message = errorMessage(error);

  if (!exchange) {
    ctx.report('mcp.request-failed', { params: { operation, message } });
    return phase === 'tools/call' ? undefined : stop(`${operation} failed: ${message}`, 'mcp.request-failed');
  }
  const evidence = { exchangeId: exchange.id };
  const response = exchange.response;
  if (exchange.error || !response) {
    reportTransportFailure(ctx, sentExchange(exchange));
    return stop('The MCP server did not answer.', exchange.error?.kind === 'too-large' ? 'http.body-too-large' : 'http.unreachable');
  }

  const status = response.status;
  const challengeHeader = headerValues(response, 'www-authenticate');
  const challenge = challengeHeader.length > 0 ? findChallenge(parseWwwAuthenticateChallenges(challengeHeader), 'bearer') : undefined;
  const shownChallenge = challengeHeader.length > 0 ? challengeHeader.join(', ') : phrase('value.no-www-authenticate');

  if (status === 401) {
    const errorCode = challenge?.parameters.error ?? phrase('value.no-error-code');
    ctx.report('mcp.token-rejected', { params: { operation, error: errorCode, challenge: shownChallenge }, evidence });
    return stop(`The MCP server rejected the access token (${inEnglish(errorCode)}).`, 'mcp.token-rejected');
  }
  if (status === 403) {
    if (challenge?.parameters.error === 'insufficient_scope') return stepUp(ctx, exchange, operation, challenge.parameters.scope, shownChallenge, mcp);
    ctx.report('mcp.forbidden', { params: { operation, challenge: shownChallenge }, evidence });
    return stop(`The MCP server answered 403 to ${operation}.`, 'mcp.forbidden');
  }
  if (status < 200 || status >= 300) {
    ctx.report('mcp.http-error', { params: { operation, status: String(status), message }, evidence });
    return phase === 'tools/call' ? undefined : stop(`The MCP server answered HTTP ${status} to ${operation}.`, 'mcp.http-error');
  }

  const contentType = headerValue(response, 'content-type');
  if (!(error instanceof McpError) && !looksLikeJsonRpc(contentType ?? '', response.body)) {
    ctx.report('mcp.not-mcp', { params: { operation, contentType: contentType ?? phrase('value.none'), message }, evidence });
    return stop(`The answer to ${operation} is not MCP.`, 'mcp.not-mcp');
  }
  if (phase === 'tools/call') {
    ctx.report('mcp.tool-call-failed', { params: { tool: tool ?? operation, message }, evidence });
    return undefined;
  }
  ctx.report('mcp.request-failed', { params: { operation, message }, evidence });
  return stop(`${operation} failed: ${message}`, 'mcp.request-failed');
}

/**
 * 403 insufficient_scope: "Clients SHOULD respond to these errors by requesting a new access
 * token with an increased set of scopes via a step-up authorization flow", retrying "no more than
 * a few times". The runner loops back to the authorization request while `stepUpScope` is set;
 * the authorization request asks for the union with the previous scope.
 */
function stepUp(ctx: StepContext, exchange: Exchange, operation: string, scope: string | undefined, challenge: string, mcp: McpData): StepOutput {
  const evidence = { exchangeId: exchange.id };
  const stop = (reason: string, findingId: string): StepOutput => failed(reason, findingId, { mcp, stepUpScope: undefined });
  if (!scope || splitScope(scope).length === 0) {
    ctx.report('mcp.insufficient-scope-without-scope', { params: { operation, challenge }, evidence });
    return stop('The server wants more scope but does not say which.', 'mcp.insufficient-scope-without-scope');
  }
  const granted = ctx.data.tokens?.scope;
  if (granted !== undefined && missingScopes(scope, granted).length === 0) {
    ctx.report('mcp.step-up-no-progress', { params: { operation, scope, granted }, evidence });
    return stop('The server demands scopes the token already has.', 'mcp.step-up-no-progress');
  }
  const max = ctx.options.maxStepUps;
  if (mcp.stepUps >= max) {
    ctx.report('mcp.step-up-limit', { params: { operation, scope, count: String(mcp.stepUps) }, evidence });
    return stop(`Still insufficient scope after ${mcp.stepUps} step-ups.`, 'mcp.step-up-limit');
  }
  const attempt = mcp.stepUps + 1;
  ctx.report('mcp.insufficient-scope', { params: { operation, scope, attempt: String(attempt), max: String(max) }, evidence });
  return ok({ mcp: { ...mcp, stepUps: attempt }, stepUpScope: scope });
}

/**
 * "Clients that no longer need a particular session ... SHOULD send an HTTP DELETE to the MCP
 * endpoint with the Mcp-Session-Id header" (Streamable HTTP, session management).
 */
async function endSession(ctx: StepContext, transport: StreamableHTTPClientTransport): Promise<void> {
  if (transport.sessionId === undefined) return;
  try {
    await transport.terminateSession();
  } catch (error) {
    ctx.report('mcp.session-not-terminated', { params: { message: errorMessage(error) } });
  }
}

function jsonRpcMethod(body: string): string | undefined {
  try {
    const message: unknown = JSON.parse(body);
    const first: unknown = Array.isArray(message) ? message[0] : message;
    if (typeof first === 'object' && first !== null && 'method' in first && typeof first.method === 'string') return first.method;
    return undefined;
  } catch (error) {
    // Not JSON: the request carries no JSON-RPC method to name it by.
    if (error instanceof SyntaxError) return undefined;
    throw error;
  }
}

/** A Streamable HTTP answer: JSON-RPC in application/json, or an SSE stream of JSON-RPC events. */
function looksLikeJsonRpc(contentType: string, body: string): boolean {
  const essence = contentType.split(';')[0]?.trim().toLowerCase();
  if (essence === 'text/event-stream') return /^data:/m.test(body) || body.trim() === '';
  if (essence !== 'application/json') return false;
  return /"jsonrpc"\s*:\s*"2\.0"/.test(body);
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

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
