/**
 * The whole flow against servers that misbehave, over real loopback sockets: HTML where JSON
 * belongs, invalid JSON, a 10 MB document, redirect loops, sockets that never answer or reset,
 * a broken WWW-Authenticate header, URLs that do not parse or resolve. Each run must end within
 * a bound with a clear outcome (stopped at the right step by a finding that is in the report, or
 * completed with findings), every exchange either answered or carrying a typed error, and no
 * exception escaping or caught as an internal error.
 */
import assert from 'node:assert/strict';
import { describe, it, type TestContext } from 'node:test';
import {
  HUGE_BODY_BYTES,
  startMisbehavingServer,
  startSocketServer,
  type MisbehavingServer,
  type MisbehavingServerOptions,
} from '../../server/test-support/misbehaving-server.js';
import { phrase } from './checks/finding-phrases.js';
import { createRedirectFollowingInteraction } from './consent/follow-redirects.js';
import { createFetchTransport } from './fetch-transport.js';
import { defaultFlowOptions, type FlowOptions } from './options.js';
import { allExchanges, allFindings, createSession, runFlow, type Session } from './session.js';
import type { Exchange, ExchangeErrorKind, Finding, StepId } from './types.js';

// Generous enough that a loaded CI machine answers the well-behaved requests in time.
const TIMEOUT_MS = 1500;
/** Every run, even one that waits out a timeout, ends well within this. */
const BOUND_MS = 3 * TIMEOUT_MS;

interface Run {
  session: Session;
  findings: Finding[];
  ids: string[];
  exchanges: Exchange[];
  elapsedMs: number;
}

async function runWholeFlow(serverUrl: string, overrides: Partial<FlowOptions> = {}): Promise<Run> {
  const options = defaultFlowOptions(serverUrl, { timeoutMs: TIMEOUT_MS, ...overrides });
  const started = performance.now();
  const session = await runFlow(createSession(options), { transport: createFetchTransport(), interaction: createRedirectFollowingInteraction() });
  const elapsedMs = performance.now() - started;
  const findings = allFindings(session);
  const run = { session, findings, ids: findings.map((f) => f.id), exchanges: allExchanges(session), elapsedMs };
  assertWellEnded(run);
  return run;
}

/** What every run owes the person, whatever the server did. */
function assertWellEnded(run: Run): void {
  const { session, ids, exchanges, elapsedMs } = run;
  assert.ok(elapsedMs < BOUND_MS, `the run took ${Math.round(elapsedMs)} ms (bound ${BOUND_MS} ms)`);
  assert.ok(!ids.includes('engine.internal-error'), `no internal error: ${JSON.stringify(run.findings.filter((f) => f.id === 'engine.internal-error'))}`);
  assert.ok(session.status.kind === 'stopped' || session.status.kind === 'completed', `ended, not ${session.status.kind}`);
  if (session.status.kind === 'stopped') {
    const { stepId, reason, findingId } = session.status;
    assert.ok(reason.length > 0, 'a stopped run says why');
    assert.ok(findingId !== undefined, `the stop at ${stepId} names its finding (${reason})`);
    const stoppedStep = session.results.at(-1);
    assert.equal(stoppedStep?.stepId, stepId);
    assert.ok(stoppedStep?.findings.some((f) => f.id === findingId), `the finding ${findingId} that stopped ${stepId} is in its report: ${stoppedStep?.findings.map((f) => f.id).join(', ')}`);
  }
  for (const exchange of exchanges) {
    assert.ok(exchange.response !== undefined || exchange.error !== undefined, `${exchange.id} ${exchange.request.url} has an answer or a typed error`);
  }
  assert.doesNotThrow(() => JSON.stringify(session), 'the session stays plain, serialisable data');
}

function stoppedAt(run: Run, stepId: StepId, findingId: string): void {
  assert.deepEqual(
    run.session.status.kind === 'stopped' ? { stepId: run.session.status.stepId, findingId: run.session.status.findingId } : run.session.status,
    { stepId, findingId },
  );
}

function finding(run: Run, id: string): Finding {
  const found = run.findings.find((f) => f.id === id);
  assert.ok(found, `finding ${id} among ${run.ids.join(', ')}`);
  return found;
}

function exchangeTo(run: Run, path: string): Exchange {
  const found = run.exchanges.find((e) => new URL(e.request.url).pathname === path);
  assert.ok(found, `an exchange to ${path}`);
  return found;
}

function errorKind(exchange: Exchange | undefined): ExchangeErrorKind | undefined {
  return exchange?.error?.kind;
}

async function misbehavingServer(t: TestContext, options: MisbehavingServerOptions): Promise<MisbehavingServer> {
  const server = await startMisbehavingServer(options);
  t.after(() => server.close());
  return server;
}

const PRM_PATH = '/.well-known/oauth-protected-resource/mcp';
const ASM_PATH = '/.well-known/oauth-authorization-server';

describe('the whole flow against a misbehaving server', { concurrency: true }, () => {
  it('completes against the same server when it behaves (the cases below each change one thing)', async (t) => {
    const server = await misbehavingServer(t, {});
    const run = await runWholeFlow(server.mcpUrl);
    assert.deepEqual(run.session.status, { kind: 'completed' });
    assert.deepEqual(run.findings.filter((f) => f.severity === 'error').map((f) => f.id), []);
    assert.deepEqual(run.session.data.mcp?.tools?.map((tool) => tool.name), ['echo']);
  });

  describe('Protected Resource Metadata', { concurrency: true }, () => {
    it('served as an HTML page: not JSON, then not found', async (t) => {
      const server = await misbehavingServer(t, { faults: { prm: 'html' } });
      const run = await runWholeFlow(server.mcpUrl);
      stoppedAt(run, 'protected-resource-metadata', 'prm.not-found');
      const notJson = finding(run, 'http.not-json');
      assert.equal(notJson.params?.reason, phrase('json.looks-like-html'));
      assert.match(notJson.detail, /a body that is not JSON \(it looks like HTML\)/);
      assert.match(notJson.params?.contentType ?? '', /^text\/html/);
      assert.equal(notJson.evidence?.exchangeId, exchangeTo(run, PRM_PATH).id);
      finding(run, 'prm.resource-metadata-url-failed');
    });

    it('invalid JSON: where it stops being JSON is reported, in our words', async (t) => {
      const server = await misbehavingServer(t, { faults: { prm: 'invalid-json' } });
      const run = await runWholeFlow(server.mcpUrl);
      stoppedAt(run, 'protected-resource-metadata', 'prm.not-found');
      const notJson = finding(run, 'http.not-json');
      assert.deepEqual([notJson.params?.reason, notJson.params?.line, notJson.params?.column], [phrase('json.syntax.ends-early'), '1', '62']);
      assert.match(notJson.detail, /the text ends at line 1, column 62, before the JSON is complete/);
    });

    it('a JSON array instead of an object', async (t) => {
      const server = await misbehavingServer(t, { faults: { prm: 'json-array' } });
      const run = await runWholeFlow(server.mcpUrl);
      stoppedAt(run, 'protected-resource-metadata', 'prm.not-found');
      const notJson = finding(run, 'http.not-json');
      assert.deepEqual([notJson.params?.reason, notJson.params?.jsonType], [phrase('json.top-level-not-object'), phrase('json-type.array')]);
      assert.match(notJson.detail, /\(the top level is an array, not an object\)/);
    });

    it('a redirect to itself: followed as clients do, given up, reported as a loop', async (t) => {
      const server = await misbehavingServer(t, { faults: { prm: 'redirect-loop' } });
      const run = await runWholeFlow(server.mcpUrl);
      stoppedAt(run, 'protected-resource-metadata', 'prm.not-found');
      const hops = run.exchanges.filter((e) => new URL(e.request.url).pathname === PRM_PATH);
      assert.deepEqual(hops.map((e) => e.response?.status), [302, 302, 302, 302, 302, 302]);
      assert.equal(run.ids.filter((id) => id === 'prm.redirect').length, 5);
      const notFollowed = finding(run, 'prm.redirect-not-followed');
      assert.equal(notFollowed.params?.reason, phrase('redirect.too-many'));
      assert.match(notFollowed.detail, /not followed \(more than 5 redirects\)/);
      const loop = finding(run, 'http.redirect-loop');
      assert.equal(loop.params?.repeated, server.prmUrl);
      assert.equal(loop.stepId, 'protected-resource-metadata');
    });

    it('a socket that never answers: a timeout, then the next candidate', async (t) => {
      const server = await misbehavingServer(t, { faults: { prm: 'hang' } });
      const run = await runWholeFlow(server.mcpUrl);
      stoppedAt(run, 'protected-resource-metadata', 'prm.not-found');
      const hung = exchangeTo(run, PRM_PATH);
      assert.equal(errorKind(hung), 'timeout');
      assert.ok(hung.timings.durationMs >= TIMEOUT_MS - 50, `waited out the timeout: ${hung.timings.durationMs} ms`);
      assert.equal(finding(run, 'http.unreachable').params?.kind, 'timeout');
      assert.ok(run.exchanges.some((e) => new URL(e.request.url).pathname === '/.well-known/oauth-protected-resource'), 'the root well-known URL was still tried');
    });

    it('headers, then a body that never ends: a timeout that keeps the status', async (t) => {
      const server = await misbehavingServer(t, { faults: { prm: 'stall-body' } });
      const run = await runWholeFlow(server.mcpUrl);
      stoppedAt(run, 'protected-resource-metadata', 'prm.not-found');
      const stalled = exchangeTo(run, PRM_PATH);
      assert.equal(errorKind(stalled), 'timeout');
      assert.equal(stalled.response?.status, 200);
    });

    it('a connection reset: a typed error that says so', async (t) => {
      const server = await misbehavingServer(t, { faults: { prm: 'reset' } });
      const run = await runWholeFlow(server.mcpUrl);
      stoppedAt(run, 'protected-resource-metadata', 'prm.not-found');
      const reset = exchangeTo(run, PRM_PATH);
      assert.equal(errorKind(reset), 'refused');
      assert.match(reset.error?.message ?? '', /reset|closed the connection/);
    });
  });

  describe('authorization server metadata', { concurrency: true }, () => {
    it('a 10 MB document is cut at the cap and reported as too large', async (t) => {
      const server = await misbehavingServer(t, { faults: { asm: 'huge' } });
      const run = await runWholeFlow(server.mcpUrl);
      stoppedAt(run, 'authorization-server-metadata', 'asm.not-found');
      const huge = exchangeTo(run, ASM_PATH);
      assert.equal(errorKind(huge), 'too-large');
      assert.equal(huge.response?.status, 200);
      assert.equal(huge.response?.bodyTruncated, true);
      assert.ok((huge.response?.body.length ?? Infinity) <= run.session.options.maxBodyBytes, 'no more than the cap is kept');
      assert.ok(run.session.options.maxBodyBytes < HUGE_BODY_BYTES);
      assert.equal(finding(run, 'http.body-too-large').params?.limit, String(run.session.options.maxBodyBytes));
    });

    it('2025-03-26: an HTML answer at the server origin falls back to the default endpoints, and the flow goes on', async (t) => {
      const server = await misbehavingServer(t, { faults: { asm: 'html' } });
      const run = await runWholeFlow(server.mcpUrl, { spec: '2025-03-26' });
      assert.deepEqual(run.session.status, { kind: 'completed' });
      assert.equal(finding(run, 'http.not-json').params?.reason, phrase('json.looks-like-html'));
      finding(run, 'asm.default-endpoints');
      assert.equal(run.session.data.authorizationServer?.fallback, true);
    });
  });

  describe('the MCP endpoint without a token', { concurrency: true }, () => {
    it('a 307 to itself: a redirect loop stops the probe with a reason that says so', async (t) => {
      const server = await misbehavingServer(t, { faults: { mcp: 'redirect-loop' } });
      const run = await runWholeFlow(server.mcpUrl);
      stoppedAt(run, 'probe', 'probe.redirect-not-followed');
      assert.equal(run.exchanges.length, 6);
      assert.ok(run.exchanges.every((e) => e.request.method === 'POST' && e.response?.status === 307));
      assert.equal(finding(run, 'http.redirect-loop').params?.repeated, server.mcpUrl);
      assert.match(run.session.status.kind === 'stopped' ? run.session.status.reason : '', /keeps redirecting/);
    });

    it('a 302 to itself: the POST would turn into a GET, so it is not followed at all', async (t) => {
      const server = await misbehavingServer(t, { faults: { mcp: 'redirect-loop' }, redirectStatus: 302 });
      const run = await runWholeFlow(server.mcpUrl);
      stoppedAt(run, 'probe', 'probe.redirect-not-followed');
      assert.deepEqual(run.exchanges.map((e) => e.response?.status), [302]);
      assert.equal(finding(run, 'probe.redirect-not-followed').params?.reason, phrase('redirect.method-change'));
      assert.ok(!run.ids.includes('http.redirect-loop'));
    });

    it('a socket that accepts and never answers: the probe times out', async (t) => {
      const socket = await startSocketServer('silent');
      t.after(() => socket.close());
      const run = await runWholeFlow(`${socket.origin}/mcp`);
      stoppedAt(run, 'probe', 'http.unreachable');
      assert.deepEqual(run.exchanges.map(errorKind), ['timeout']);
      assert.equal(socket.connections(), 1);
    });

    it('a socket that resets the connection at once', async (t) => {
      const socket = await startSocketServer('reset');
      t.after(() => socket.close());
      const run = await runWholeFlow(`${socket.origin}/mcp`);
      stoppedAt(run, 'probe', 'http.unreachable');
      assert.deepEqual(run.exchanges.map(errorKind), ['refused']);
      assert.match(run.exchanges[0]?.error?.message ?? '', /reset|closed the connection/);
      assert.ok(run.elapsedMs < TIMEOUT_MS, 'a reset is not waited out');
    });

    it('an answer that is not HTTP at all', async (t) => {
      const socket = await startSocketServer('not-http');
      t.after(() => socket.close());
      const run = await runWholeFlow(`${socket.origin}/mcp`);
      stoppedAt(run, 'probe', 'http.unreachable');
      assert.match(run.exchanges[0]?.error?.message ?? '', /not valid HTTP/);
    });

    it('200 with binary garbage is not MCP (not "unprotected")', async (t) => {
      const server = await misbehavingServer(t, { faults: { mcp: 'garbage' } });
      const run = await runWholeFlow(server.mcpUrl);
      stoppedAt(run, 'probe', 'probe.not-mcp');
      assert.ok(!run.ids.includes('probe.not-401'));
      assert.equal(finding(run, 'probe.not-mcp').params?.contentType, 'text/plain');
    });

    it('200 with a JSON body that is not JSON-RPC is not MCP either', async (t) => {
      const server = await misbehavingServer(t, { faults: { mcp: 'json-array' } });
      const run = await runWholeFlow(server.mcpUrl);
      stoppedAt(run, 'probe', 'probe.not-mcp');
    });

    it('a garbage WWW-Authenticate header: reported, and discovery goes on through the well-known URL', async (t) => {
      const server = await misbehavingServer(t, { challenge: 'Bearer realm="unterminated' });
      const run = await runWholeFlow(server.mcpUrl);
      assert.deepEqual(run.session.status, { kind: 'completed' });
      const malformed = finding(run, 'probe.malformed-www-authenticate');
      assert.equal(malformed.params?.problem, 'unterminated-quoted-string');
      assert.equal(run.session.data.probe?.resourceMetadataUrl, undefined);
      assert.equal(run.session.data.protectedResource?.metadataUrl, server.prmUrl);
    });

    it('a resource_metadata value that is not a URL: an error, and discovery goes on', async (t) => {
      const server = await misbehavingServer(t, { challenge: 'Bearer resource_metadata="not a url", scope="mcp:tools"' });
      const run = await runWholeFlow(server.mcpUrl);
      assert.deepEqual(run.session.status, { kind: 'completed' });
      assert.equal(finding(run, 'probe.invalid-resource-metadata-url').params?.value, 'not a url');
      assert.ok(!run.exchanges.some((e) => e.request.url.includes('not a url')), 'the bad value is never requested');
      assert.equal(run.session.data.protectedResource?.metadataUrl, server.prmUrl);
    });

    it('a resource_metadata URL that does not parse (an unclosed IPv6 bracket)', async (t) => {
      const server = await misbehavingServer(t, { challenge: 'Bearer resource_metadata="http://[::1/prm", scope="mcp:tools"' });
      const run = await runWholeFlow(server.mcpUrl);
      assert.deepEqual(run.session.status, { kind: 'completed' });
      assert.equal(finding(run, 'probe.invalid-resource-metadata-url').params?.value, 'http://[::1/prm');
    });
  });

  describe('server URLs that cannot be used', { concurrency: true }, () => {
    for (const url of ['http://[::1', 'not a url', 'ftp://127.0.0.1/mcp']) {
      it(`"${url}" stops the probe before any request`, async () => {
        const run = await runWholeFlow(url);
        stoppedAt(run, 'probe', 'probe.invalid-server-url');
        assert.deepEqual(run.exchanges, []);
      });
    }

    it('a host name under .invalid does not resolve: a dns error within the bound', async () => {
      const run = await runWholeFlow('https://mcp-auth-debugger-test.invalid/mcp');
      stoppedAt(run, 'probe', 'http.unreachable');
      // RFC 6761 §6.4: .invalid never resolves; a resolver that cannot be reached is cut by the timeout.
      const kind = errorKind(run.exchanges[0]);
      assert.ok(kind === 'dns' || kind === 'timeout', JSON.stringify(run.exchanges[0]?.error));
    });

    it('a port fetch refuses to use: refused, and the message says why', async () => {
      const run = await runWholeFlow('http://127.0.0.1:1/mcp');
      stoppedAt(run, 'probe', 'http.unreachable');
      assert.equal(errorKind(run.exchanges[0]), 'refused');
      assert.match(run.exchanges[0]?.error?.message ?? '', /refuses to connect to this port/);
    });
  });

  describe('registration and authorization', { concurrency: true }, () => {
    it('a registration endpoint answering HTML', async (t) => {
      const server = await misbehavingServer(t, { faults: { registration: 'html' } });
      const run = await runWholeFlow(server.mcpUrl);
      stoppedAt(run, 'client-registration', 'http.not-json');
      assert.equal(finding(run, 'http.not-json').params?.reason, phrase('json.looks-like-html'));
    });

    it('an authorization endpoint showing a login page', async (t) => {
      const server = await misbehavingServer(t, { faults: { authorization: 'html' } });
      const run = await runWholeFlow(server.mcpUrl);
      stoppedAt(run, 'authorization-request', 'authorization.login-page-shown');
      const shown = finding(run, 'authorization.login-page-shown');
      assert.equal(shown.evidence?.exchangeId, run.exchanges.filter((e) => e.stepId === 'authorization-request').at(-1)?.id);
      assert.match(shown.hint ?? '', /--consent browser/);
    });

    it('an authorization endpoint redirecting to itself', async (t) => {
      const server = await misbehavingServer(t, { faults: { authorization: 'redirect-loop' } });
      const run = await runWholeFlow(server.mcpUrl);
      stoppedAt(run, 'authorization-request', 'authorization.redirect-uri-not-reached');
      assert.equal(finding(run, 'authorization.redirect-uri-not-reached').params?.hops, '10');
    });
  });

  describe('the token endpoint', { concurrency: true }, () => {
    it('a socket that never answers: a timeout at the token request', async (t) => {
      const server = await misbehavingServer(t, { faults: { token: 'hang' } });
      const run = await runWholeFlow(server.mcpUrl);
      stoppedAt(run, 'token-request', 'http.unreachable');
      assert.equal(errorKind(exchangeTo(run, '/token')), 'timeout');
      assert.equal(finding(run, 'http.unreachable').params?.kind, 'timeout');
    });

    it('an HTML answer', async (t) => {
      const server = await misbehavingServer(t, { faults: { token: 'html' } });
      const run = await runWholeFlow(server.mcpUrl);
      stoppedAt(run, 'token-request', 'http.not-json');
      const notJson = finding(run, 'http.not-json');
      assert.equal(notJson.params?.what, phrase('document.token-response'));
      assert.equal(notJson.title, 'The token response is not JSON');
    });

    it('a 10 MB answer', async (t) => {
      const server = await misbehavingServer(t, { faults: { token: 'huge' } });
      const run = await runWholeFlow(server.mcpUrl);
      stoppedAt(run, 'token-request', 'http.body-too-large');
      assert.equal(errorKind(exchangeTo(run, '/token')), 'too-large');
    });

    it('HTTP 999, a status a fetch Response cannot be built with, is judged like any error status', async (t) => {
      const server = await misbehavingServer(t, { faults: { token: 'status-999' } });
      const run = await runWholeFlow(server.mcpUrl);
      stoppedAt(run, 'token-request', 'token.http-error');
      assert.equal(finding(run, 'token.http-error').params?.status, '999');
    });
  });

  describe('the MCP endpoint with the access token', { concurrency: true }, () => {
    it('answers binary garbage', async (t) => {
      const server = await misbehavingServer(t, { faults: { 'authenticated-mcp': 'garbage' } });
      const run = await runWholeFlow(server.mcpUrl);
      stoppedAt(run, 'authenticated-mcp', 'mcp.not-mcp');
      assert.equal(finding(run, 'mcp.not-mcp').params?.operation, 'server/discover');
    });

    it('answers invalid JSON as application/json', async (t) => {
      const server = await misbehavingServer(t, { faults: { 'authenticated-mcp': 'invalid-json' } });
      const run = await runWholeFlow(server.mcpUrl);
      stoppedAt(run, 'authenticated-mcp', 'mcp.not-mcp');
    });

    it('never answers', async (t) => {
      const server = await misbehavingServer(t, { faults: { 'authenticated-mcp': 'hang' } });
      const run = await runWholeFlow(server.mcpUrl);
      stoppedAt(run, 'authenticated-mcp', 'http.unreachable');
      assert.equal(finding(run, 'http.unreachable').params?.kind, 'timeout');
    });

    it('answers HTTP 999', async (t) => {
      const server = await misbehavingServer(t, { faults: { 'authenticated-mcp': 'status-999' } });
      const run = await runWholeFlow(server.mcpUrl);
      stoppedAt(run, 'authenticated-mcp', 'mcp.http-error');
      assert.equal(finding(run, 'mcp.http-error').params?.status, '999');
    });
  });

  describe('servers that lie about their era (server/discover with the access token)', { concurrency: true }, () => {
    it('rejects the version it lists as supported, every time: a bounded retry, then a finding', async (t) => {
      const server = await misbehavingServer(t, { faults: { discover: 'version-loop' } });
      const run = await runWholeFlow(server.mcpUrl);
      stoppedAt(run, 'authenticated-mcp', 'mcp.version-retry-loop');
      const discovers = run.exchanges.filter((e) => e.request.body?.includes('"server/discover"') && e.stepId === 'authenticated-mcp');
      assert.ok(discovers.length >= 2 && discovers.length <= 3, `${discovers.length} attempts`);
      assert.ok(run.ids.includes('mcp.version-retried'));
    });

    it('supports only a version nobody knows: the debugger says it is its own limit, not the server\'s fault', async (t) => {
      const server = await misbehavingServer(t, { faults: { discover: 'unknown-version-only' } });
      const run = await runWholeFlow(server.mcpUrl);
      stoppedAt(run, 'authenticated-mcp', 'mcp.no-common-version');
      const limit = finding(run, 'mcp.no-common-version');
      assert.equal(limit.severity, 'info');
      assert.match(limit.detail, /the debugger's limit, not a fault of the server/);
      assert.equal(limit.params?.supported, '2099-01-01');
    });

    it('rejects the version without saying which it supports', async (t) => {
      const server = await misbehavingServer(t, { faults: { discover: 'unsupported-without-list' } });
      const run = await runWholeFlow(server.mcpUrl);
      stoppedAt(run, 'authenticated-mcp', 'mcp.unsupported-version-without-list');
    });

    it('answers a modern error (HeaderMismatch) though it is a legacy server: modern by the spec\'s rule, stopped with the server\'s words', async (t) => {
      const server = await misbehavingServer(t, { faults: { discover: 'header-mismatch' } });
      const run = await runWholeFlow(server.mcpUrl);
      stoppedAt(run, 'authenticated-mcp', 'mcp.header-mismatch');
      assert.match(finding(run, 'mcp.header-mismatch').params?.message ?? '', /Header mismatch/);
    });

    it('answers server/discover with garbage, or not at all', async (t) => {
      const garbage = await misbehavingServer(t, { faults: { discover: 'garbage' } });
      stoppedAt(await runWholeFlow(garbage.mcpUrl), 'authenticated-mcp', 'mcp.not-mcp');
      const silent = await misbehavingServer(t, { faults: { discover: 'hang' } });
      const run = await runWholeFlow(silent.mcpUrl);
      stoppedAt(run, 'authenticated-mcp', 'http.unreachable');
      assert.equal(finding(run, 'http.unreachable').params?.kind, 'timeout');
    });

    it('a legacy server (server/discover answered in-band with method not found) gets the legacy fallback', async (t) => {
      const server = await misbehavingServer(t, {});
      const run = await runWholeFlow(server.mcpUrl);
      assert.equal(run.session.status.kind, 'completed');
      assert.ok(run.ids.includes('mcp.legacy-only-server'));
      assert.equal(run.session.data.mcp?.era, 'legacy');
    });
  });
});

describe('JSON nested 10,000 levels deep', { concurrency: true }, () => {
  it('as protected resource metadata: not kept, reported as not usable JSON, the session stays serialisable', async (t) => {
    const server = await misbehavingServer(t, { faults: { prm: 'deep-json' } });
    const run = await runWholeFlow(server.mcpUrl);
    const notJson = run.findings.find((f) => f.id === 'http.not-json');
    assert.ok(notJson, run.ids.join(', '));
    assert.match(notJson.detail, /nests deeper than 64 levels/);
  });

  it('as the answer of the MCP server: reported, never kept, the session stays serialisable', async (t) => {
    const server = await misbehavingServer(t, { faults: { discover: 'deep-json' } });
    const run = await runWholeFlow(server.mcpUrl);
    stoppedAt(run, 'authenticated-mcp', 'mcp.not-mcp');
    assert.match(finding(run, 'mcp.not-mcp').detail, /not usable JSON: it nests deeper than 64 levels/);
  });
});
