import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { describe, it, type TestContext } from 'node:test';
import { renderTextRef } from '../checks/engine-phrases.js';
import { createFetchTransport } from '../fetch-transport.js';
import type { AuthorizationServerMetadata, FlowData } from '../flow-data.js';
import { defaultFlowOptions } from '../options.js';
import { createStepHttp, sequentialIds } from '../recorder.js';
import { createSession, runStep } from '../session.js';
import { InteractionFailure } from '../step.js';
import { authorizationServerData, cannedTransport, runOneStep, type CannedAnswer } from '../test-kit.js';
import type { Exchange } from '../types.js';
import { AuthorizationPageShown, createRedirectFollowingInteraction } from './follow-redirects.js';
import { listenOnLoopback } from '../../../server/test-support/free-port.js';

const REDIRECT = 'http://127.0.0.1:4280/callback';

/** A small authorization server: a login hop that sets a session cookie the consent hop needs. */
function handle(req: IncomingMessage, res: ServerResponse, base: string): void {
  const url = new URL(req.url ?? '/', base);
  const cookies = req.headers.cookie ?? '';
  switch (url.pathname) {
    case '/oauth/authorize': {
      const state = url.searchParams.get('state') ?? '';
      res.writeHead(302, {
        'set-cookie': ['sid=abc123; Path=/; HttpOnly', 'lang=en; Path=/'],
        // Relative: resolves against /oauth/authorize to /oauth/consent.
        location: `consent?state=${encodeURIComponent(state)}`,
      });
      res.end();
      return;
    }
    case '/oauth/consent': {
      if (!/(^|;\s*)sid=abc123(;|$)/.test(cookies)) {
        res.writeHead(400, { 'content-type': 'text/plain' });
        res.end('no session cookie');
        return;
      }
      const state = url.searchParams.get('state') ?? '';
      res.writeHead(303, { location: `${REDIRECT}?code=xyz&state=${encodeURIComponent(state)}&iss=${encodeURIComponent(base)}` });
      res.end();
      return;
    }
    case '/loop/a':
      res.writeHead(302, { location: '/loop/b' });
      res.end();
      return;
    case '/loop/b':
      res.writeHead(302, { location: '/loop/a' });
      res.end();
      return;
    case '/login-page':
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end('<html><body><form method="post"><input name="login"></form></body></html>');
      return;
    case '/bad-request':
      res.writeHead(400, { 'content-type': 'text/html' });
      res.end('<html><h1>invalid_redirect_uri</h1><p>redirect_uri did not match</p></html>');
      return;
    case '/no-location':
      res.writeHead(302);
      res.end();
      return;
    case '/to-elsewhere':
      // A callback the walk does not take for the redirect URI: it carries a code all the same.
      res.writeHead(302, { location: '/elsewhere?code=leaked-code&state=s1' });
      res.end();
      return;
    case '/elsewhere':
      res.writeHead(400, { 'content-type': 'text/plain' });
      res.end('nothing here');
      return;
    default:
      res.writeHead(404);
      res.end();
  }
}

async function startServer(t: TestContext): Promise<{ base: string; requests: { path: string; cookie: string }[] }> {
  const requests: { path: string; cookie: string }[] = [];
  let base = '';
  const server = createServer((req, res) => {
    requests.push({ path: req.url ?? '', cookie: req.headers.cookie ?? '' });
    handle(req, res, base);
  });
  const port = await listenOnLoopback(server);
  t.after(() => new Promise<void>((resolve) => server.close(() => resolve())));
  base = `http://127.0.0.1:${port}`;
  return { base, requests };
}

function stepHttp() {
  return createStepHttp('authorization-request', createFetchTransport(), { now: () => Date.now() }, sequentialIds(), { timeoutMs: 5000, maxBodyBytes: 1 << 20 });
}

describe('createRedirectFollowingInteraction', () => {
  it('follows relative and absolute Locations with cookies until the redirect URI', async (t) => {
    const { base, requests } = await startServer(t);
    const http = stepHttp();
    const callback = await createRedirectFollowingInteraction().obtainCallback({ url: `${base}/oauth/authorize?state=s1`, redirectUri: REDIRECT }, http);
    assert.equal(callback, `${REDIRECT}?code=xyz&state=s1&iss=${encodeURIComponent(base)}`);
    assert.deepEqual(
      http.exchanges.map((e) => [e.label, e.request.url, e.response?.status]),
      [
        ['authorization request', `${base}/oauth/authorize?state=s1`, 302],
        ['authorization redirect 2', `${base}/oauth/consent?state=s1`, 303],
      ],
    );
    assert.equal(requests[1]?.cookie, 'sid=abc123; lang=en');
    assert.equal(requests.length, 2, 'the redirect URI itself is never requested');
  });

  /** Runs the walk, expecting it to fail; returns the failure and the exchanges it recorded. */
  async function failedWalk(url: string, maxHops?: number): Promise<{ failure: InteractionFailure; exchanges: readonly Exchange[] }> {
    const http = stepHttp();
    const interaction = createRedirectFollowingInteraction(maxHops === undefined ? {} : { maxHops });
    const error: unknown = await interaction.obtainCallback({ url, redirectUri: REDIRECT }, http).then(
      (callback) => assert.fail(`expected a failure, got ${callback}`),
      (rejection: unknown) => rejection,
    );
    assert.ok(error instanceof InteractionFailure, String(error));
    return { failure: error, exchanges: http.exchanges };
  }

  it('gives up on a redirect loop after maxHops requests', async (t) => {
    const { base } = await startServer(t);
    const { failure, exchanges } = await failedWalk(`${base}/loop/a`, 4);
    assert.match(failure.message, /Redirect loop: 4 requests/);
    assert.equal(exchanges.length, 4);
    assert.equal(failure.finding.id, 'authorization.redirect-uri-not-reached');
    assert.deepEqual(failure.finding.params, { url: `${base}/loop/a`, redirectUri: REDIRECT, hops: '4', last: `${base}/loop/a` });
    assert.equal(failure.finding.evidence?.exchangeId, exchanges[3]?.id);
  });

  it('explains that a login or consent page needs a person', async (t) => {
    const { base } = await startServer(t);
    const { failure, exchanges } = await failedWalk(`${base}/login-page`);
    assert.ok(failure instanceof AuthorizationPageShown);
    assert.match(failure.message, /login or consent page/);
    assert.deepEqual(failure.finding, { id: 'authorization.login-page-shown', params: { url: `${base}/login-page` }, evidence: { exchangeId: exchanges[0]?.id } });
  });

  it('reports error statuses with a readable excerpt, and a 3xx without Location', async (t) => {
    const { base } = await startServer(t);
    const refused = await failedWalk(`${base}/bad-request`);
    assert.match(refused.failure.message, /HTTP 400 instead of a redirect: invalid_redirect_uri redirect_uri did not match/);
    assert.equal(refused.failure.finding.id, 'authorization.no-redirect');
    assert.deepEqual(refused.failure.finding.params, { url: `${base}/bad-request`, status: '400', excerpt: 'invalid_redirect_uri redirect_uri did not match' });

    const nowhere = await failedWalk(`${base}/no-location`);
    assert.match(nowhere.failure.message, /HTTP 302 without a Location header/);
    assert.deepEqual(nowhere.failure.finding.params, { url: `${base}/no-location`, status: '302' });
    assert.equal(nowhere.failure.finding.id, 'authorization.redirect-without-location');
  });

  it('keeps a code out of the reason when the walk ends on a URL that carries one', async (t) => {
    const { base } = await startServer(t);
    const { failure } = await failedWalk(`${base}/to-elsewhere`);
    assert.equal(failure.finding.id, 'authorization.no-redirect');
    assert.equal(failure.finding.params?.url, `${base}/elsewhere?code=%5Bredacted%5D&state=s1`);
    assert.doesNotMatch(`${failure.message} ${JSON.stringify(failure.finding)}`, /leaked-code/);
  });

  it('reports an unreachable authorization server', async () => {
    const { failure, exchanges } = await failedWalk('http://127.0.0.1:1/authorize');
    assert.match(failure.message, /^The request to http:\/\/127\.0\.0\.1:1\/authorize failed: Connection refused \(/);
    // The reason is a catalogue text, so a recorded run reads in the page's language.
    assert.match(renderTextRef(failure.reason, 'zh-CN') ?? '', /^对 http:\/\/127\.0\.0\.1:1\/authorize 的请求失败:连接被拒绝\(/);
    assert.equal(failure.finding.id, 'http.unreachable');
    assert.equal(failure.finding.params?.kind, 'refused');
    assert.equal(failure.finding.evidence?.exchangeId, exchanges[0]?.id);
  });

  it('completes authorization-request and authorization-response headlessly', async (t) => {
    const { base } = await startServer(t);
    const metadata: AuthorizationServerMetadata = {
      issuer: base,
      authorization_endpoint: `${base}/oauth/authorize`,
      authorization_response_iss_parameter_supported: true,
    };
    const data: FlowData = {
      authorizationServer: { authorizationServer: base, metadataUrl: `${base}/.well-known/oauth-authorization-server`, metadata, fallback: false },
      client: { method: 'pre', clientId: 'c1', tokenEndpointAuthMethod: 'none', redirectUri: REDIRECT },
    };
    const deps = { transport: createFetchTransport(), interaction: createRedirectFollowingInteraction() };
    const start = { ...createSession(defaultFlowOptions(`${base}/mcp`)), data, next: 'authorization-request' as const };
    const requested = await runStep(start, deps);
    assert.equal(requested.next, 'authorization-response');
    assert.deepEqual(
      requested.results[0]?.exchanges.map((e) => e.label),
      ['authorization request', 'authorization redirect 2'],
    );
    const responded = await runStep(requested, deps);
    assert.equal(responded.results[1]?.outcome.kind, 'ok');
    assert.equal(responded.data.authorizationResponse?.code, 'xyz');
    assert.deepEqual(responded.results[1]?.findings.map((f) => f.id), ['authorization.iss-verified']);
  });

  describe('through the authorization-request step', () => {
    const AS = 'https://auth.example.com';
    const AUTHORIZE = `${AS}/oauth/authorize`;

    /** Runs authorization-request headlessly against an authorization endpoint that gives `answer`. */
    async function walkStep(answer: CannedAnswer) {
      const data: FlowData = {
        authorizationServer: authorizationServerData({ issuer: AS, authorization_endpoint: AUTHORIZE, token_endpoint: `${AS}/token` }),
        client: { method: 'pre', clientId: 'c1', tokenEndpointAuthMethod: 'none', redirectUri: REDIRECT },
      };
      const transport = cannedTransport(() => answer);
      const run = await runOneStep('authorization-request', transport, { serverUrl: 'https://mcp.example.com/mcp' }, data, { interaction: createRedirectFollowingInteraction() });
      return { ...run, transport };
    }

    it('reports a redirect without a Location as the failure of the step, with the exchange as evidence', async () => {
      const { result } = await walkStep({ status: 302, headers: { 'content-type': 'text/plain' }, body: '' });
      const finding = result.findings.find((f) => f.id === 'authorization.redirect-without-location');
      assert.equal(finding?.severity, 'error', result.findings.map((f) => f.id).join(', '));
      assert.equal(finding?.params?.status, '302');
      assert.match(finding?.params?.url ?? '', /^https:\/\/auth\.example\.com\/oauth\/authorize\?/);
      assert.equal(finding?.evidence?.exchangeId, result.exchanges[0]?.id);
      assert.equal(result.outcome.kind === 'failed' ? result.outcome.findingId : undefined, 'authorization.redirect-without-location');
    });

    it('reports a Location that is not a URL, and follows it nowhere', async () => {
      const { result, transport } = await walkStep({ status: 302, headers: { location: 'http://[::1/callback?code=secret-code' } });
      const finding = result.findings.find((f) => f.id === 'authorization.redirect-location-invalid');
      assert.equal(finding?.severity, 'error', result.findings.map((f) => f.id).join(', '));
      assert.equal(finding?.evidence?.exchangeId, result.exchanges[0]?.id);
      assert.doesNotMatch(JSON.stringify(finding), /secret-code/);
      assert.equal(transport.requests.length, 1);
      assert.equal(result.outcome.kind === 'failed' ? result.outcome.findingId : undefined, 'authorization.redirect-location-invalid');
    });
  });
});
