import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { startMcpTestServer, testToken as tokenFor } from '../../../server/test-support/mcp-test-server.js';
import { createFetchTransport } from '../fetch-transport.js';
import type { FlowData } from '../flow-data.js';
import { defaultFlowOptions, type FlowOptions } from '../options.js';
import { allFindings, createSession, runFlow } from '../session.js';
import { because, enginePhraseText, renderTextRef } from '../checks/engine-phrases.js';
import { resolvePhraseValue } from '../checks/phrase-reference.js';
import { ok, skipped, type StepDefinition } from '../step.js';
import { cannedTransport, findingIds, requestHeader, runOneStep, type CannedReply, type CannedTransport } from '../test-kit.js';
import type { TransportRequest } from '../transport.js';
import type { Exchange, Finding, StepId } from '../types.js';

interface StepSetup {
  token: string;
  grantedScope?: string;
  options?: Partial<FlowOptions>;
  data?: Partial<FlowData>;
}

async function useToken(url: string, setup: StepSetup) {
  const data: FlowData = {
    tokens: { accessToken: setup.token, tokenType: 'Bearer', receivedAt: new Date().toISOString(), grant: 'authorization_code', ...(setup.grantedScope ? { scope: setup.grantedScope } : {}) },
    ...setup.data,
  };
  const started = Date.now();
  const run = await runOneStep('authenticated-mcp', createFetchTransport(), { serverUrl: url, timeoutMs: 5_000, ...setup.options }, data);
  return { ...run, elapsedMs: Date.now() - started };
}

const header = (headers: [string, string][], name: string) => headers.find(([n]) => n.toLowerCase() === name)?.[1];
const bodyOf = (exchange: Exchange | undefined): Record<string, unknown> => JSON.parse(exchange?.request.body ?? '{}') as Record<string, unknown>;
const paramsOf = (exchange: Exchange | undefined): Record<string, unknown> => (bodyOf(exchange).params ?? {}) as Record<string, unknown>;
const add = { name: 'add_numbers', arguments: { a: 2, b: 3 } };

describe('authenticated-mcp in the modern era (2026-07-28)', () => {
  it('discovers the server, lists the tools and calls one: _meta and the request metadata headers on every request', async (t) => {
    const server = await startMcpTestServer(t);
    const token = tokenFor('mcp:tools');
    const { result, session } = await useToken(server.url, { token, options: { toolCall: add } });

    assert.deepEqual(result.outcome, { kind: 'ok' });
    assert.deepEqual(findingIds(result), ['mcp.connected']);
    assert.deepEqual(result.exchanges.map((e) => e.label), ['MCP server/discover (2026-07-28)', 'MCP tools/list', 'MCP tools/call add_numbers']);
    for (const exchange of result.exchanges) {
      assert.equal(header(exchange.request.headers, 'authorization'), `Bearer ${token}`);
      assert.equal(header(exchange.request.headers, 'mcp-protocol-version'), '2026-07-28');
      const body = bodyOf(exchange);
      assert.equal(header(exchange.request.headers, 'mcp-method'), body.method);
      const meta = paramsOf(exchange)._meta as Record<string, unknown>;
      assert.equal(meta['io.modelcontextprotocol/protocolVersion'], '2026-07-28');
      assert.deepEqual(meta['io.modelcontextprotocol/clientInfo'], { name: 'mcp-auth-debugger', version: '0.1.0' });
      assert.ok(meta['io.modelcontextprotocol/clientCapabilities']);
    }
    assert.equal(header(result.exchanges[2]?.request.headers ?? [], 'mcp-name'), 'add_numbers');
    assert.ok(server.seen.every((r) => r.rpcMethod !== 'initialize' && r.headers['mcp-session-id'] === undefined));

    const mcp = session.data.mcp;
    assert.equal(mcp?.era, 'modern');
    assert.equal(mcp?.protocolVersion, '2026-07-28');
    assert.deepEqual(mcp?.serverInfo, { name: 'test-mcp', version: '1.2.3' });
    assert.ok(mcp?.discover?.supportedVersions.includes('2026-07-28'));
    assert.ok(mcp?.discover?.capabilities.tools);
    assert.deepEqual(mcp?.tools?.map((tool) => tool.name), ['add_numbers', 'always_fails', 'regional', 'confirm_first']);
    const call = mcp?.toolCalls[0]?.result as { content?: unknown; resultType?: unknown } | undefined;
    assert.deepEqual(call?.content, [{ type: 'text', text: '5' }]);
    assert.equal(call?.resultType, 'complete');
    assert.equal(result.findings[0]?.params?.protocolVersion, '2026-07-28');
    assert.ok(!JSON.stringify(result.findings).includes(token));
  });

  it('mirrors an argument marked with x-mcp-header into Mcp-Param-*, Base64 where the value needs it', async (t) => {
    const server = await startMcpTestServer(t);
    const { result, session } = await useToken(server.url, {
      token: tokenFor('mcp:tools'),
      options: { toolCall: { name: 'regional', arguments: { region: 'eu-west-1' } }, toolCalls: [{ name: 'regional', arguments: { region: ' Zürich ' } }] },
    });
    assert.deepEqual(findingIds(result), ['mcp.connected']);
    const calls = result.exchanges.filter((e) => e.label?.startsWith('MCP tools/call'));
    assert.equal(header(calls[0]?.request.headers ?? [], 'mcp-param-region'), 'eu-west-1');
    assert.equal(header(calls[1]?.request.headers ?? [], 'mcp-param-region'), `=?base64?${Buffer.from(' Zürich ').toString('base64')}?=`);
    // The SDK v2 server checks the header against the body and would answer -32020 otherwise.
    assert.deepEqual(session.data.mcp?.toolCalls.map((c) => (c.result as { content?: { text?: string }[] } | undefined)?.content?.[0]?.text), ['region eu-west-1', 'region  Zürich ']);
  });

  it('answers the input a multi round-trip call asks for and retries with the same requestState under a new id', async (t) => {
    const server = await startMcpTestServer(t);
    const { result, session } = await useToken(server.url, { token: tokenFor('mcp:tools'), options: { toolCall: { name: 'confirm_first', arguments: { action: 'deploy' } } } });
    assert.deepEqual(findingIds(result), ['mcp.input-required', 'mcp.connected']);
    const [first, retry] = result.exchanges.filter((e) => e.label?.startsWith('MCP tools/call'));
    assert.notEqual(bodyOf(first).id, bodyOf(retry).id);
    assert.equal(paramsOf(retry).requestState, 'state-1');
    assert.deepEqual(paramsOf(retry).inputResponses, { confirm: { action: 'accept', content: { confirmed: true } } });
    const call = session.data.mcp?.toolCalls[0];
    assert.deepEqual((call?.result as { content?: unknown }).content, [{ type: 'text', text: 'deploy: confirmed=true' }]);
    assert.deepEqual(call?.inputRounds, [{ requests: [{ key: 'confirm', method: 'elicitation/create', answered: true }], requestState: true }]);
  });

  it('speaks to a server that refuses legacy requests without a single initialize', async (t) => {
    const server = await startMcpTestServer(t, { era: 'modern' });
    const { result, session } = await useToken(server.url, { token: tokenFor('mcp:tools'), options: { toolCall: add } });
    assert.deepEqual(findingIds(result), ['mcp.connected']);
    assert.equal(session.data.mcp?.era, 'modern');
    assert.ok(server.seen.every((r) => r.rpcMethod !== 'initialize'));
  });

  it('reports a rejected token with the challenge error', async (t) => {
    const server = await startMcpTestServer(t);
    const { result } = await useToken(server.url, { token: 'not-a-token-this-server-knows' });
    assert.deepEqual(findingIds(result), ['mcp.token-rejected']);
    const finding = result.findings[0];
    assert.equal(finding?.params?.error, 'invalid_token');
    assert.equal(finding?.params?.operation, 'server/discover');
    assert.match(finding?.params?.challenge ?? '', /Token audience mismatch/);
    assert.equal(finding?.evidence?.exchangeId, result.exchanges[0]?.id);
    assert.deepEqual(result.outcome, {
      kind: 'failed',
      reason: 'The MCP server rejected the access token (invalid_token).',
      reasonId: 'outcome.mcp.token-rejected',
      reasonParams: { error: 'invalid_token' },
      findingId: 'mcp.token-rejected',
    });
  });

  it('steps up on 403 insufficient_scope at tools/call', async (t) => {
    const server = await startMcpTestServer(t, { scopeFor: 'tools/call' });
    const { result, session } = await useToken(server.url, { token: tokenFor('mcp:read'), grantedScope: 'mcp:read', options: { toolCall: add } });
    assert.deepEqual(result.outcome, { kind: 'ok' });
    assert.deepEqual(findingIds(result), ['mcp.insufficient-scope']);
    assert.deepEqual(result.findings[0]?.params, { operation: 'tools/call', scope: 'mcp:tools', attempt: '1', max: '2' });
    assert.equal(session.data.stepUpScope, 'mcp:tools');
    assert.equal(session.data.mcp?.stepUps, 1);
    assert.equal(session.data.mcp?.tools?.length, 4);
    assert.equal(session.next, 'authorization-request');
  });

  it('stops when the step-up limit is reached', async (t) => {
    const server = await startMcpTestServer(t);
    const { result, session } = await useToken(server.url, { token: tokenFor('mcp:read'), grantedScope: 'mcp:read', data: { mcp: { toolCalls: [], stepUps: 2 }, stepUpScope: 'mcp:tools' } });
    assert.deepEqual(findingIds(result), ['mcp.step-up-limit']);
    assert.equal(result.outcome.kind, 'failed');
    assert.equal(session.data.stepUpScope, undefined);
    assert.equal(session.status.kind, 'stopped');
  });

  it('stops when the server demands a scope the token was granted', async (t) => {
    const server = await startMcpTestServer(t);
    const { result } = await useToken(server.url, { token: tokenFor('mcp:read'), grantedScope: 'mcp:read mcp:tools' });
    assert.deepEqual(findingIds(result), ['mcp.step-up-no-progress']);
    assert.equal(result.findings[0]?.params?.granted, 'mcp:read mcp:tools');
  });

  it('reports a tool result with isError and goes on', async (t) => {
    const server = await startMcpTestServer(t);
    const { result, session } = await useToken(server.url, { token: tokenFor('mcp:tools'), options: { toolCall: { name: 'always_fails', arguments: {} } } });
    assert.deepEqual(findingIds(result), ['mcp.tool-error', 'mcp.connected']);
    assert.equal(result.findings[0]?.params?.message, 'disk full');
    assert.equal(result.outcome.kind, 'ok');
    assert.equal(session.data.mcp?.toolCalls[0]?.name, 'always_fails');
  });

  it('reports arguments the tool refuses', async (t) => {
    const server = await startMcpTestServer(t);
    const { result } = await useToken(server.url, { token: tokenFor('mcp:tools'), options: { toolCall: { name: 'add_numbers', arguments: { a: 'two' } } } });
    assert.equal(result.outcome.kind, 'ok');
    assert.ok(['mcp.tool-error', 'mcp.tool-call-failed'].includes(findingIds(result)[0] ?? ''), findingIds(result).join());
    assert.match(result.findings[0]?.params?.message ?? '', /invalid|validation/i);
  });

  it('reports a tools/call JSON-RPC error and goes on', async (t) => {
    const server = await startMcpTestServer(t, { rpcErrorFor: 'tools/call' });
    const { result, session } = await useToken(server.url, { token: tokenFor('mcp:tools'), options: { toolCall: add } });
    assert.deepEqual(findingIds(result), ['mcp.tool-call-failed', 'mcp.connected']);
    assert.deepEqual(result.findings[0]?.params, { tool: 'add_numbers', message: 'backend down (-32603)' });
    assert.equal(result.findings[0]?.evidence?.exchangeId, result.exchanges.at(-1)?.id);
    assert.equal(session.data.mcp?.toolCalls[0]?.error, 'backend down (-32603)');
    assert.equal(result.outcome.kind, 'ok');
  });

  it('says when the endpoint does not speak MCP', async (t) => {
    const server = await startMcpTestServer(t, { notMcp: true });
    const { result } = await useToken(server.url, { token: tokenFor('mcp:tools') });
    assert.deepEqual(findingIds(result), ['mcp.not-mcp']);
    assert.equal(result.findings[0]?.params?.contentType, 'text/html');
    assert.equal(result.outcome.kind, 'failed');
    // Why there is nothing to read is said in our words, so a Chinese page says it in Chinese.
    const params = result.findings[0]?.params ?? {};
    assert.equal(resolvePhraseValue(params.message ?? '', params, enginePhraseText('en')), 'HTTP 200, not usable JSON: unexpected “<” at line 1, column 1');
    assert.equal(resolvePhraseValue(params.message ?? '', params, enginePhraseText('zh-CN')), 'HTTP 200,不是可用的 JSON:第 1 行第 1 列出现意外的 “<”');
    assert.match(result.findings[0]?.detail ?? '', /HTTP 200, not usable JSON: unexpected “<” at line 1, column 1/);
  });

  it('reports an unreachable server', async () => {
    const { result } = await useToken('http://127.0.0.1:9/mcp', { token: tokenFor('mcp:tools') });
    assert.deepEqual(findingIds(result), ['http.unreachable']);
    assert.equal(result.outcome.kind, 'failed');
  });
});

describe('authenticated-mcp in the legacy era and across eras', () => {
  it('judged by 2025-11-25: initialize, then tools/list and tools/call in that protocol, no _meta', async (t) => {
    const server = await startMcpTestServer(t, { era: 'legacy' });
    const { result, session } = await useToken(server.url, { token: tokenFor('mcp:tools'), options: { spec: '2025-11-25', toolCall: add } });
    assert.deepEqual(findingIds(result), ['mcp.connected']);
    assert.deepEqual(result.exchanges.map((e) => e.label), ['MCP initialize', 'MCP notifications/initialized', 'MCP tools/list', 'MCP tools/call add_numbers']);
    assert.equal(paramsOf(result.exchanges[0]).protocolVersion, '2025-11-25');
    assert.ok(result.exchanges.slice(1).every((e) => header(e.request.headers, 'mcp-protocol-version') === '2025-11-25' && paramsOf(e)._meta === undefined));
    assert.equal(session.data.mcp?.era, 'legacy');
    assert.deepEqual((session.data.mcp?.toolCalls[0]?.result as { content?: unknown }).content, [{ type: 'text', text: '5' }]);
  });

  it('judged by 2025-11-25, a dual-era server is spoken to in the legacy protocol directly', async (t) => {
    const server = await startMcpTestServer(t);
    const { result, session } = await useToken(server.url, { token: tokenFor('mcp:tools'), options: { spec: '2025-11-25' } });
    assert.deepEqual(findingIds(result), ['mcp.connected']);
    assert.equal(result.exchanges[0]?.label, 'MCP initialize');
    assert.equal(session.data.mcp?.era, 'legacy');
  });

  it('does not wait on a standalone GET stream and ends the session', async (t) => {
    const server = await startMcpTestServer(t, { era: 'legacy-stateful' });
    const { result, elapsedMs } = await useToken(server.url, { token: tokenFor('mcp:tools'), options: { spec: '2025-11-25', timeoutMs: 4_000 } });
    assert.deepEqual(result.outcome, { kind: 'ok' });
    assert.ok(elapsedMs < 3_000, `took ${elapsedMs} ms`);
    assert.deepEqual(result.exchanges.map((e) => `${e.request.method} ${e.response?.status}`), ['POST 200', 'POST 202', 'POST 200', 'DELETE 200']);
    assert.ok(server.seen.every((r) => r.method !== 'GET'));
    assert.ok(header(result.exchanges[3]?.request.headers ?? [], 'mcp-session-id'));
  });

  it('stops on a JSON-RPC error to initialize', async (t) => {
    const server = await startMcpTestServer(t, { era: 'legacy', rpcErrorFor: 'initialize' });
    const { result } = await useToken(server.url, { token: tokenFor('mcp:tools'), options: { spec: '2025-11-25' } });
    assert.deepEqual(findingIds(result), ['mcp.request-failed']);
    assert.equal(result.findings[0]?.params?.operation, 'initialize');
    assert.equal(result.outcome.kind, 'failed');
  });

  it('judged by 2026-07-28, a legacy-only server: modern first, then the legacy fallback, and the era finding', async (t) => {
    const server = await startMcpTestServer(t, { era: 'legacy' });
    const { result, session } = await useToken(server.url, { token: tokenFor('mcp:tools'), options: { toolCall: add } });
    assert.deepEqual(result.outcome, { kind: 'ok' });
    assert.deepEqual(findingIds(result), ['mcp.legacy-only-server', 'mcp.connected']);
    assert.equal(result.findings[0]?.severity, 'warning');
    assert.deepEqual(result.exchanges.map((e) => e.label), [
      'MCP server/discover (2026-07-28)',
      'MCP initialize (legacy fallback)',
      'MCP notifications/initialized',
      'MCP tools/list',
      'MCP tools/call add_numbers',
    ]);
    assert.equal(result.exchanges[0]?.response?.status, 400);
    assert.equal(session.data.mcp?.era, 'legacy');
    assert.equal(session.data.mcp?.protocolVersion, '2025-11-25');
    assert.deepEqual((session.data.mcp?.toolCalls[0]?.result as { content?: unknown }).content, [{ type: 'text', text: '5' }]);
  });

  it('judged by 2025-11-25, a modern-only server: initialize refused naming its versions, then modern, and the era finding', async (t) => {
    const server = await startMcpTestServer(t, { era: 'modern' });
    const { result, session } = await useToken(server.url, { token: tokenFor('mcp:tools'), options: { spec: '2025-11-25', toolCall: add } });
    assert.deepEqual(result.outcome, { kind: 'ok' });
    assert.deepEqual(findingIds(result), ['mcp.modern-only-server', 'mcp.connected']);
    assert.equal(result.exchanges[0]?.label, 'MCP initialize');
    assert.equal(result.exchanges[1]?.label, 'MCP server/discover (2026-07-28)');
    assert.equal(session.data.mcp?.era, 'modern');
  });

  it('keeps the era it found for the next run of the step (no second server/discover)', async (t) => {
    const server = await startMcpTestServer(t);
    const first = await useToken(server.url, { token: tokenFor('mcp:tools') });
    const again = await useToken(server.url, { token: tokenFor('mcp:tools'), data: { mcp: first.session.data.mcp ?? { toolCalls: [], stepUps: 0 } }, options: { toolCall: add } });
    assert.deepEqual(again.result.exchanges.map((e) => e.label), ['MCP tools/list', 'MCP tools/call add_numbers']);
    assert.equal(again.session.data.mcp?.discover?.supportedVersions[0], '2026-07-28');
  });
});

describe('authenticated-mcp: the step-up loop through runFlow', () => {
  /** Earlier steps stubbed: an authorization server that grants what is asked, within `grantable`. */
  function stubSteps(grantable: string[]): Partial<Record<StepId, StepDefinition>> {
    const stub = (id: StepId, run: StepDefinition['run']): [StepId, StepDefinition] => [id, { id, run }];
    return Object.fromEntries([
      stub('probe', async () => ok({ probe: { status: 401, challenges: [], challengeScope: 'mcp:read' } })),
      stub('protected-resource-metadata', async () => ok()),
      stub('authorization-server-metadata', async () => ok()),
      stub('client-registration', async () => ok()),
      stub('authorization-request', async (ctx) => {
        const previous = ctx.data.authorizationRequest?.scope ?? ctx.data.probe?.challengeScope ?? '';
        const scope = [...new Set(`${previous} ${ctx.data.stepUpScope ?? ''}`.split(' ').filter(Boolean))].join(' ');
        return ok({
          authorizationRequest: { url: 'x', state: 's', codeVerifier: 'v', codeChallenge: 'c', redirectUri: 'r', scope, expectedIssuer: 'i' },
        });
      }),
      stub('authorization-response', async () => ok({ authorizationResponse: { callbackUrl: 'r?code=c', code: 'c' } })),
      stub('token-request', async (ctx) => {
        const granted = (ctx.data.authorizationRequest?.scope ?? '').split(' ').filter((s) => grantable.includes(s)).join(' ');
        return ok({ tokens: { accessToken: tokenFor(granted), tokenType: 'Bearer', receivedAt: 'now', scope: granted, grant: 'authorization_code' } });
      }),
      stub('token-inspection', async () => ok()),
      stub('refresh', async () => skipped(because('outcome.refresh.off'))),
      stub('audit', async () => skipped(because('outcome.audit.off'))),
    ]);
  }

  it('authorizes again with the wider scope and then completes', async (t) => {
    const server = await startMcpTestServer(t, { scopeFor: 'tools/call' });
    const options = defaultFlowOptions(server.url, { timeoutMs: 5_000, toolCall: { name: 'add_numbers', arguments: { a: 2, b: 3 } } });
    const session = await runFlow(createSession(options), { transport: createFetchTransport(), steps: stubSteps(['mcp:read', 'mcp:tools']) });

    assert.deepEqual(session.status, { kind: 'completed' });
    assert.deepEqual(
      session.results.map((r) => r.stepId).slice(4),
      [
        'authorization-request',
        'authorization-response',
        'token-request',
        'token-inspection',
        'authenticated-mcp',
        'authorization-request',
        'authorization-response',
        'token-request',
        'token-inspection',
        'authenticated-mcp',
        'refresh',
        'audit',
        'cors',
      ],
    );
    assert.equal(session.data.authorizationRequest?.scope, 'mcp:read mcp:tools');
    assert.equal(session.data.stepUpScope, undefined);
    assert.equal(session.data.mcp?.stepUps, 1);
    assert.deepEqual((session.data.mcp?.toolCalls[0]?.result as { content?: unknown }).content, [{ type: 'text', text: '5' }]);
    assert.deepEqual(
      allFindings(session).map((f) => f.id),
      ['mcp.insufficient-scope', 'mcp.connected'],
    );
  });

  it('gives up after maxStepUps when the authorization server never grants the scope', async (t) => {
    const server = await startMcpTestServer(t);
    const options = defaultFlowOptions(server.url, { timeoutMs: 5_000, maxStepUps: 2 });
    const session = await runFlow(createSession(options), { transport: createFetchTransport(), steps: stubSteps(['mcp:read']) });

    assert.equal(session.status.kind, 'stopped');
    assert.equal(session.status.kind === 'stopped' ? session.status.findingId : undefined, 'mcp.step-up-limit');
    assert.equal(session.results.filter((r) => r.stepId === 'authenticated-mcp').length, 3);
    assert.deepEqual(
      allFindings(session).map((f) => f.id),
      ['mcp.insufficient-scope', 'mcp.insufficient-scope', 'mcp.step-up-limit'],
    );
    assert.equal(session.data.stepUpScope, undefined);
  });
});

describe('authenticated-mcp: the resource moves to another authorization server (SEP-2352)', () => {
  const SERVER_URL = 'https://mcp.example.com/mcp';
  const PRM_URL = 'https://mcp.example.com/.well-known/oauth-protected-resource/mcp';
  const AS1 = 'https://as1.example.com';
  const AS2 = 'https://as2.example.com';

  function movedData(): FlowData {
    return {
      tokens: { accessToken: 'as1-token', tokenType: 'Bearer', receivedAt: new Date().toISOString(), grant: 'authorization_code' },
      protectedResource: { metadataUrl: PRM_URL, resource: SERVER_URL, authorizationServers: [AS1], document: {} },
      authorizationServer: { authorizationServer: AS1, metadataUrl: `${AS1}/.well-known/oauth-authorization-server`, metadata: { issuer: AS1 }, fallback: false },
    };
  }

  function transportNaming(servers: string[]) {
    return cannedTransport({
      [`POST ${SERVER_URL}`]: (request) => {
        const body = JSON.parse(request.body ?? '{}') as { id?: number; method?: string };
        if (body.method === 'server/discover') return { body: { jsonrpc: '2.0', id: body.id, result: { supportedVersions: ['2026-07-28'], capabilities: { tools: {} }, _meta: { 'io.modelcontextprotocol/serverInfo': { name: 's', version: '1' } }, resultType: 'complete' } } };
        return { status: 401, headers: { 'www-authenticate': `Bearer error="invalid_token", resource_metadata="${PRM_URL}"` }, body: { error: 'invalid_token', error_description: 'authorization server has changed' } };
      },
      [`GET ${PRM_URL}`]: { body: { resource: SERVER_URL, authorization_servers: servers } },
    });
  }

  it('on a 401, reads the metadata again; a new authorization server sends the flow back to discovery', async () => {
    const transport = transportNaming([AS2]);
    const { result, session } = await runOneStep('authenticated-mcp', transport, { serverUrl: SERVER_URL }, movedData());
    assert.deepEqual(result.outcome, { kind: 'ok' });
    assert.deepEqual(findingIds(result), ['mcp.authorization-server-changed']);
    assert.deepEqual(session.data.authorizationServerChanged, { from: AS1, to: [AS2] });
    assert.equal(session.data.mcp?.authorizationServerChanges, 1);
    assert.equal(session.next, 'protected-resource-metadata');
    assert.equal(result.exchanges.at(-1)?.request.url, PRM_URL);
  });

  it('the same authorization server still named: the token was simply rejected', async () => {
    const { result } = await runOneStep('authenticated-mcp', transportNaming([AS1]), { serverUrl: SERVER_URL }, movedData());
    assert.deepEqual(findingIds(result), ['mcp.token-rejected']);
    assert.equal(result.outcome.kind, 'failed');
  });

  it('moves at most once per run', async () => {
    const data = { ...movedData(), mcp: { toolCalls: [], stepUps: 0, authorizationServerChanges: 1 } };
    const { result } = await runOneStep('authenticated-mcp', transportNaming([AS2]), { serverUrl: SERVER_URL }, data);
    assert.deepEqual(findingIds(result), ['mcp.token-rejected']);
  });

  it('a pre-registered client of the old authorization server is not sent to the new one', async () => {
    const data: FlowData = {
      ...movedData(),
      authorizationServer: { authorizationServer: AS2, metadataUrl: `${AS2}/.well-known/oauth-authorization-server`, metadata: { issuer: AS2, token_endpoint: `${AS2}/token` }, fallback: false },
      client: { method: 'pre', clientId: 'as1-client', issuer: AS1, tokenEndpointAuthMethod: 'none', redirectUri: 'http://127.0.0.1:4280/callback' },
    };
    const { result } = await runOneStep('client-registration', cannedTransport({}), { serverUrl: SERVER_URL, clientId: 'as1-client', registration: 'pre' }, data);
    assert.deepEqual(findingIds(result), ['registration.pre-registered-elsewhere']);
    assert.equal(result.outcome.kind, 'failed');
  });
});

describe('authenticated-mcp against canned server answers', () => {
  const SERVER_URL = 'https://mcp.example.com/mcp';
  const SERVER_INFO = { 'io.modelcontextprotocol/serverInfo': { name: 'canned', version: '1' } };
  const DISCOVER = { supportedVersions: ['2026-07-28'], capabilities: { tools: {} }, _meta: SERVER_INFO, resultType: 'complete' };
  const ADD_TOOL = { name: 'add_numbers', inputSchema: { type: 'object', properties: { a: { type: 'number' }, b: { type: 'number' } } } };

  interface RpcRequest {
    id?: number;
    method?: string;
    params?: Record<string, unknown>;
  }
  type RpcResponder = (rpc: RpcRequest, request: TransportRequest) => CannedReply;

  const result = (rpc: RpcRequest, value: Record<string, unknown>, headers: Record<string, string> = {}): CannedReply => ({ headers, body: { jsonrpc: '2.0', id: rpc.id, result: value } });
  const rpcError = (rpc: RpcRequest, code: number, message: string, status = 200, data?: unknown): CannedReply => ({
    status,
    body: { jsonrpc: '2.0', id: rpc.id, error: { code, message, ...(data !== undefined ? { data } : {}) } },
  });

  /** An MCP endpoint answering each JSON-RPC method as told; by default a modern server with one tool. */
  function cannedMcpServer(answers: Partial<Record<string, RpcResponder>> = {}) {
    return cannedTransport({
      [SERVER_URL]: (request) => {
        const rpc = JSON.parse(request.body ?? '{}') as RpcRequest;
        const answer = answers[request.method === 'POST' ? (rpc.method ?? '') : request.method];
        if (answer) return answer(rpc, request);
        if (rpc.method === 'server/discover') return result(rpc, DISCOVER);
        if (rpc.method === 'tools/list') return result(rpc, { tools: [ADD_TOOL], resultType: 'complete' });
        if (rpc.method === 'tools/call') return result(rpc, { content: [{ type: 'text', text: '5' }], resultType: 'complete' });
        return rpcError(rpc, -32601, 'Method not found', 404);
      },
    });
  }

  const withToken = (scope = 'mcp:tools'): FlowData => ({ tokens: { accessToken: 'at-1', tokenType: 'Bearer', receivedAt: new Date().toISOString(), grant: 'authorization_code', scope } });
  const unprotected: FlowData = { probe: { status: 200, unprotected: true, challenges: [] } };
  const run = (transport: CannedTransport, data: FlowData, options: Partial<FlowOptions> = {}) => runOneStep('authenticated-mcp', transport, { serverUrl: SERVER_URL, ...options }, data);
  const find = (ran: { result: { findings: Finding[] } }, id: string) => ran.result.findings.find((f) => f.id === id);

  it('a tool call answered with a cut-off body keeps why, in our words, for the page to say in its language', async () => {
    const transport = cannedMcpServer({ 'tools/call': () => ({ status: 502, headers: { 'content-type': 'application/json' }, body: '{"jsonrpc": "2.0", "id": 3, "result": {' }) });
    const { session } = await run(transport, withToken(), { toolCall: { name: 'add_numbers', arguments: { a: 1, b: 2 } } });
    const call = session.data.mcp?.toolCalls[0];
    assert.equal(call?.error, 'HTTP 502, not usable JSON: the text ends at line 1, column 40, before the JSON is complete');
    assert.equal(call?.errorId, 'mcp-answer.unreadable');
    assert.equal(renderTextRef({ id: call.errorId, params: call.errorParams ?? {} }, 'zh-CN'), 'HTTP 502,不是可用的 JSON:文本在第 1 行第 40 列就结束了,JSON 尚不完整');
  });

  describe('authorization answers', () => {
    it('a 403 that is not insufficient_scope stops the step as forbidden, naming the operation and the challenge', async () => {
      const challenge = 'Bearer error="access_denied", error_description="user is not in the mcp-users group"';
      const ran = await run(cannedMcpServer({ 'tools/list': () => ({ status: 403, headers: { 'www-authenticate': challenge }, body: { error: 'access_denied' } }) }), withToken());
      assert.deepEqual(findingIds(ran.result), ['mcp.forbidden']);
      const finding = find(ran, 'mcp.forbidden');
      assert.equal(finding?.severity, 'error');
      assert.deepEqual(finding?.params, { operation: 'tools/list', challenge });
      assert.equal(finding?.evidence?.exchangeId, ran.result.exchanges[1]?.id);
      assert.deepEqual(ran.result.outcome, {
        kind: 'failed',
        reason: 'The MCP server answered 403 to tools/list.',
        reasonId: 'outcome.mcp.forbidden',
        reasonParams: { operation: 'tools/list' },
        findingId: 'mcp.forbidden',
      });
      assert.equal(ran.session.data.stepUpScope, undefined);
    });

    it('a 403 insufficient_scope without a scope stops instead of stepping up; with a scope it steps up', async () => {
      for (const challenge of ['Bearer error="insufficient_scope"', 'Bearer error="insufficient_scope", scope=""']) {
        const ran = await run(cannedMcpServer({ 'tools/call': () => ({ status: 403, headers: { 'www-authenticate': challenge } }) }), withToken('mcp:read'), { toolCall: { name: 'add_numbers', arguments: { a: 2, b: 3 } } });
        assert.deepEqual(findingIds(ran.result), ['mcp.insufficient-scope-without-scope'], challenge);
        const finding = find(ran, 'mcp.insufficient-scope-without-scope');
        assert.equal(finding?.severity, 'warning');
        assert.deepEqual(finding?.params, { operation: 'tools/call', challenge });
        assert.equal(ran.result.outcome.kind, 'failed');
        assert.equal(ran.session.data.stepUpScope, undefined);
      }
      const named = await run(
        cannedMcpServer({ 'tools/call': () => ({ status: 403, headers: { 'www-authenticate': 'Bearer error="insufficient_scope", scope="mcp:tools"' } }) }),
        withToken('mcp:read'),
        { toolCall: { name: 'add_numbers', arguments: { a: 2, b: 3 } } },
      );
      assert.deepEqual(findingIds(named.result), ['mcp.insufficient-scope']);
      assert.equal(named.session.data.stepUpScope, 'mcp:tools');
    });

    it('a server that needs no token: the tools are used without an Authorization header, and the finding says so', async () => {
      const transport = cannedMcpServer();
      const ran = await run(transport, unprotected, { toolCall: { name: 'add_numbers', arguments: { a: 2, b: 3 } } });
      assert.deepEqual(ran.result.outcome, { kind: 'ok' });
      assert.deepEqual(findingIds(ran.result), ['mcp.connected-without-token']);
      const finding = find(ran, 'mcp.connected-without-token');
      assert.equal(finding?.severity, 'info');
      assert.equal(finding?.params?.server, 'canned 1');
      assert.equal(finding?.params?.toolCount, '1');
      assert.equal(transport.requests.length, 3);
      assert.ok(transport.requests.every((r) => requestHeader(r, 'authorization') === undefined));
      // With a token, the same server is simply connected.
      assert.deepEqual(findingIds((await run(cannedMcpServer(), withToken())).result), ['mcp.connected']);
    });

    it('a server that answered the unauthenticated probe but wants a token later stops the step, naming where', async () => {
      const challenge = 'Bearer resource_metadata="https://mcp.example.com/.well-known/oauth-protected-resource/mcp"';
      const ran = await run(cannedMcpServer({ 'tools/call': () => ({ status: 401, headers: { 'www-authenticate': challenge } }) }), unprotected, { toolCall: { name: 'add_numbers', arguments: {} } });
      assert.deepEqual(findingIds(ran.result), ['mcp.authorization-required-later']);
      const finding = find(ran, 'mcp.authorization-required-later');
      assert.equal(finding?.severity, 'warning');
      assert.deepEqual(finding?.params, { operation: 'tools/call', challenge });
      assert.equal(finding?.evidence?.exchangeId, ran.result.exchanges.at(-1)?.id);
      assert.equal(ran.result.outcome.kind, 'failed');
    });
  });

  describe('opening the conversation', () => {
    it('judges the server/discover result: supportedVersions, capabilities and server identity', async () => {
      const ran = await run(cannedMcpServer({ 'server/discover': (rpc) => result(rpc, { resultType: 'complete' }) }), withToken());
      assert.deepEqual(findingIds(ran.result), ['mcp.discover-invalid', 'mcp.discover-no-server-info', 'mcp.connected']);
      const invalid = find(ran, 'mcp.discover-invalid');
      assert.equal(invalid?.severity, 'error');
      assert.deepEqual(invalid?.params, { missing: 'supportedVersions, capabilities' });
      assert.equal(invalid?.evidence?.exchangeId, ran.result.exchanges[0]?.id);
      assert.equal(find(ran, 'mcp.discover-no-server-info')?.severity, 'warning');
      // The complete answer of the default server draws neither.
      assert.deepEqual(findingIds((await run(cannedMcpServer(), withToken())).result), ['mcp.connected']);
    });

    it('reads serverInfo from the result too, when it is not in _meta', async () => {
      const { _meta: _serverMeta, ...withoutMeta } = DISCOVER;
      const ran = await run(cannedMcpServer({ 'server/discover': (rpc) => result(rpc, { ...withoutMeta, serverInfo: { name: 'plain', version: '2' } }) }), withToken());
      assert.deepEqual(findingIds(ran.result), ['mcp.connected']);
      assert.deepEqual(ran.session.data.mcp?.serverInfo, { name: 'plain', version: '2' });
    });

    it('warns when server/discover does not list the version it was asked in', async () => {
      const ran = await run(cannedMcpServer({ 'server/discover': (rpc) => result(rpc, { ...DISCOVER, supportedVersions: ['2026-12-01'] }) }), withToken());
      assert.deepEqual(findingIds(ran.result), ['mcp.discover-version-not-listed', 'mcp.connected']);
      const finding = find(ran, 'mcp.discover-version-not-listed');
      assert.equal(finding?.severity, 'warning');
      assert.deepEqual(finding?.params, { version: '2026-07-28', supported: '2026-12-01' });
    });

    it('warns about an Mcp-Session-Id on a modern answer', async () => {
      const ran = await run(cannedMcpServer({ 'server/discover': (rpc) => result(rpc, DISCOVER, { 'mcp-session-id': 'sess-1' }) }), withToken());
      assert.deepEqual(findingIds(ran.result), ['mcp.modern-session-id', 'mcp.connected']);
      assert.equal(find(ran, 'mcp.modern-session-id')?.severity, 'warning');
    });

    it('a modern server without server/discover (404 with -32601) is reported and still spoken to in the modern era', async () => {
      const transport = cannedMcpServer({ 'server/discover': (rpc) => rpcError(rpc, -32601, 'Method not found: server/discover', 404) });
      const ran = await run(transport, withToken());
      assert.deepEqual(findingIds(ran.result), ['mcp.discover-missing', 'mcp.connected']);
      const finding = find(ran, 'mcp.discover-missing');
      assert.equal(finding?.severity, 'error');
      assert.equal(finding?.params?.message, 'Method not found: server/discover (-32601)');
      assert.equal(ran.session.data.mcp?.era, 'modern');
      assert.deepEqual(transport.requests.map((r) => (JSON.parse(r.body ?? '{}') as RpcRequest).method), ['server/discover', 'tools/list']);
    });

    it('judged by 2025-11-25, an initialize rejected with a modern code but no version named: the rejection is pointed out, then modern', async () => {
      const ran = await run(cannedMcpServer({ initialize: (rpc) => rpcError(rpc, -32021, 'Missing required client capability', 400) }), withToken(), { spec: '2025-11-25' });
      assert.deepEqual(findingIds(ran.result), ['mcp.initialize-rejection-unnamed', 'mcp.modern-only-server', 'mcp.connected']);
      const finding = find(ran, 'mcp.initialize-rejection-unnamed');
      assert.equal(finding?.severity, 'warning');
      assert.equal(finding?.params?.message, 'Missing required client capability (-32021)');
      assert.equal(ran.session.data.mcp?.era, 'modern');
      // A rejection that names the versions it supports is not pointed out.
      const named = await run(
        cannedMcpServer({ initialize: (rpc) => rpcError(rpc, -32022, 'Unsupported protocol version', 400, { supported: ['2026-07-28'] }) }),
        withToken(),
        { spec: '2025-11-25' },
      );
      assert.deepEqual(findingIds(named.result), ['mcp.modern-only-server', 'mcp.connected']);
    });

    it('a server that refuses initialize as modern and then server/discover as legacy contradicts itself', async () => {
      const ran = await run(
        cannedMcpServer({
          initialize: (rpc) => rpcError(rpc, -32022, 'Unsupported protocol version', 400, { supported: ['2026-07-28'] }),
          'server/discover': () => ({ status: 400, headers: { 'content-type': 'text/plain' }, body: 'Bad Request: no valid session ID provided' }),
        }),
        withToken(),
        { spec: '2025-11-25' },
      );
      assert.deepEqual(findingIds(ran.result), ['mcp.modern-only-server', 'mcp.era-contradiction']);
      const finding = find(ran, 'mcp.era-contradiction');
      assert.equal(finding?.severity, 'error');
      assert.deepEqual(finding?.params, { status: '400' });
      assert.equal(finding?.evidence?.exchangeId, ran.result.exchanges[1]?.id);
      assert.deepEqual(ran.result.outcome, {
        kind: 'failed',
        reason: 'The server refuses both the legacy handshake and modern requests.',
        reasonId: 'outcome.mcp.era-contradiction',
        findingId: 'mcp.era-contradiction',
      });
    });

    it('a modern server that needs a client capability the debugger lacks stops the step at tools/list', async () => {
      const ran = await run(cannedMcpServer({ 'tools/list': (rpc) => rpcError(rpc, -32021, 'Missing required client capability: sampling', 400) }), withToken());
      assert.deepEqual(findingIds(ran.result), ['mcp.client-capability-required']);
      const finding = find(ran, 'mcp.client-capability-required');
      assert.equal(finding?.severity, 'info');
      assert.deepEqual(finding?.params, { operation: 'tools/list', message: 'Missing required client capability: sampling (-32021)' });
      assert.equal(ran.result.outcome.kind, 'failed');
    });
  });

  describe('legacy sessions', () => {
    const legacyServer = (deleteAnswer: CannedReply) =>
      cannedMcpServer({
        initialize: (rpc) => result(rpc, { protocolVersion: '2025-11-25', capabilities: { tools: {} }, serverInfo: { name: 'legacy', version: '1' } }, { 'mcp-session-id': 'sess-9' }),
        'notifications/initialized': () => ({ status: 202 }),
        'tools/list': (rpc) => result(rpc, { tools: [ADD_TOOL] }),
        DELETE: () => deleteAnswer,
      });

    it('says when the server does not end the session it opened; a 405 (not allowed to end it) is fine', async () => {
      const transport = legacyServer({ status: 500, headers: { 'content-type': 'text/plain' }, body: 'oops' });
      const ran = await run(transport, withToken(), { spec: '2025-11-25' });
      assert.deepEqual(findingIds(ran.result), ['mcp.connected', 'mcp.session-not-terminated']);
      const finding = find(ran, 'mcp.session-not-terminated');
      assert.equal(finding?.severity, 'info');
      assert.deepEqual(finding?.params, { message: 'HTTP 500' });
      const deleted = transport.requests.at(-1);
      assert.equal(deleted?.method, 'DELETE');
      assert.equal(requestHeader(deleted, 'mcp-session-id'), 'sess-9');
      assert.equal(ran.result.outcome.kind, 'ok');
      for (const status of [200, 204, 405]) {
        assert.deepEqual(findingIds((await run(legacyServer({ status }), withToken(), { spec: '2025-11-25' })).result), ['mcp.connected'], String(status));
      }
    });
  });

  describe('tools and results', () => {
    const add = { name: 'add_numbers', arguments: { a: 2, b: 3 } };

    it('reads a modern result without resultType as complete, with a warning; an unknown resultType is invalid', async () => {
      const missing = await run(cannedMcpServer({ 'tools/list': (rpc) => result(rpc, { tools: [ADD_TOOL] }) }), withToken());
      assert.deepEqual(findingIds(missing.result), ['mcp.result-type-missing', 'mcp.connected']);
      const warning = find(missing, 'mcp.result-type-missing');
      assert.equal(warning?.severity, 'warning');
      assert.deepEqual(warning?.params, { operation: 'tools/list' });
      assert.deepEqual(missing.session.data.mcp?.tools?.map((t) => t.name), ['add_numbers']);

      const unknown = await run(cannedMcpServer({ 'tools/call': (rpc) => result(rpc, { content: [], resultType: 'partial' }) }), withToken(), { toolCall: add });
      assert.deepEqual(findingIds(unknown.result), ['mcp.result-type-unknown', 'mcp.connected']);
      const error = find(unknown, 'mcp.result-type-unknown');
      assert.equal(error?.severity, 'error');
      assert.deepEqual(error?.params, { operation: 'tools/call', resultType: '"partial"' });
      assert.equal(unknown.session.data.mcp?.toolCalls[0]?.result, undefined);
      assert.match(unknown.session.data.mcp?.toolCalls[0]?.error ?? '', /resultType/);
    });

    it('leaves out a tool whose x-mcp-header is invalid, and does not call it', async () => {
      const badTool = { name: 'regional', inputSchema: { type: 'object', properties: { region: { type: 'object', 'x-mcp-header': 'Region' } } } };
      const transport = cannedMcpServer({ 'tools/list': (rpc) => result(rpc, { tools: [ADD_TOOL, badTool], resultType: 'complete' }) });
      const ran = await run(transport, withToken(), { toolCall: { name: 'regional', arguments: { region: {} } } });
      assert.deepEqual(findingIds(ran.result), ['mcp.tool-definition-rejected', 'mcp.tool-call-refused', 'mcp.connected']);
      const rejected = find(ran, 'mcp.tool-definition-rejected');
      assert.equal(rejected?.severity, 'warning');
      assert.equal(rejected?.params?.tool, 'regional');
      // The reason is a phrase with its values beside it, so it reads in either language.
      assert.equal(rejected?.params?.reason, '@phrase:x-mcp-header.not-primitive');
      assert.deepEqual({ header: rejected?.params?.header, where: rejected?.params?.where, schemaType: rejected?.params?.schemaType }, { header: 'Region', where: 'region', schemaType: '"object"' });
      assert.match(rejected?.detail ?? '', /x-mcp-header "Region" is on region of type "object"; only string, integer and boolean may be mirrored/);
      const refused = find(ran, 'mcp.tool-call-refused');
      assert.equal(refused?.severity, 'info');
      assert.deepEqual(refused?.params, { tool: 'regional', reason: '@phrase:x-mcp-header.not-primitive', header: 'Region', where: 'region', schemaType: '"object"' });
      assert.match(refused?.detail ?? '', /x-mcp-header "Region" is on region of type "object"; only string, integer and boolean may be mirrored/);
      // The call's own error reads the same, by its id in other languages.
      const call = ran.session.data.mcp?.toolCalls?.find((c) => c.name === 'regional');
      assert.match(call?.error ?? '', /only string, integer and boolean may be mirrored/);
      assert.equal(call?.errorId, 'outcome.tool-call.definition-invalid');
      assert.deepEqual(ran.session.data.mcp?.tools?.map((t) => t.name), ['add_numbers']);
      assert.ok(transport.requests.every((r) => (JSON.parse(r.body ?? '{}') as RpcRequest).method !== 'tools/call'));
    });

    it('ends a call whose input request the debugger cannot answer (sampling), as its own limit', async () => {
      const ran = await run(
        cannedMcpServer({
          'tools/call': (rpc) => result(rpc, { resultType: 'input_required', inputRequests: { summary: { method: 'sampling/createMessage', params: { messages: [] } } }, requestState: 'st-1' }),
        }),
        withToken(),
        { toolCall: add },
      );
      assert.deepEqual(findingIds(ran.result), ['mcp.input-request-unsupported', 'mcp.connected']);
      const finding = find(ran, 'mcp.input-request-unsupported');
      assert.equal(finding?.severity, 'info');
      assert.deepEqual(finding?.params, { tool: 'add_numbers', methods: 'sampling/createMessage' });
      assert.equal(ran.session.data.mcp?.toolCalls[0]?.inputRounds?.[0]?.requests[0]?.answered, false);
    });

    it('gives up on a call that stays input_required, after a bounded number of rounds', async () => {
      const transport = cannedMcpServer({
        'tools/call': (rpc) => result(rpc, { resultType: 'input_required', inputRequests: { roots: { method: 'roots/list' } }, requestState: 'again' }),
      });
      const ran = await run(transport, withToken(), { toolCall: add });
      assert.deepEqual(findingIds(ran.result), ['mcp.input-required', 'mcp.input-required', 'mcp.input-required', 'mcp.input-required-rounds', 'mcp.connected']);
      const finding = find(ran, 'mcp.input-required-rounds');
      assert.equal(finding?.severity, 'warning');
      assert.deepEqual(finding?.params, { tool: 'add_numbers', rounds: '4' });
      const calls = transport.requests.filter((r) => (JSON.parse(r.body ?? '{}') as RpcRequest).method === 'tools/call');
      assert.equal(calls.length, 4);
      assert.equal(ran.session.data.mcp?.toolCalls[0]?.error, 'still input_required after 4 rounds');
      assert.equal(ran.session.data.mcp?.toolCalls[0]?.errorId, 'outcome.tool-call.input-rounds');
      assert.deepEqual(ran.session.data.mcp?.toolCalls[0]?.errorParams, { rounds: '4' });
    });
  });
});
