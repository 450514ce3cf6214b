import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, it, type TestContext } from 'node:test';
import { createFetchTransport } from '../fetch-transport.js';
import type { AuthorizationServerMetadata, FlowData } from '../flow-data.js';
import { defaultFlowOptions } from '../options.js';
import { createStepHttp, sequentialIds } from '../recorder.js';
import { createSession, runStep } from '../session.js';
import { createRedirectFollowingInteraction } from './follow-redirects.js';

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
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  t.after(() => new Promise<void>((resolve) => server.close(() => resolve())));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
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

  it('gives up on a redirect loop after maxHops requests', async (t) => {
    const { base } = await startServer(t);
    const http = stepHttp();
    await assert.rejects(
      createRedirectFollowingInteraction({ maxHops: 4 }).obtainCallback({ url: `${base}/loop/a`, redirectUri: REDIRECT }, http),
      /Redirect loop: 4 requests/,
    );
    assert.equal(http.exchanges.length, 4);
  });

  it('explains that a login or consent page needs a person', async (t) => {
    const { base } = await startServer(t);
    await assert.rejects(
      createRedirectFollowingInteraction().obtainCallback({ url: `${base}/login-page`, redirectUri: REDIRECT }, stepHttp()),
      (error: Error) => /login or consent page/.test(error.message) && /--auto-consent/.test(error.message) && /--consent browser/.test(error.message),
    );
  });

  it('reports error statuses with a readable excerpt, and a 3xx without Location', async (t) => {
    const { base } = await startServer(t);
    await assert.rejects(
      createRedirectFollowingInteraction().obtainCallback({ url: `${base}/bad-request`, redirectUri: REDIRECT }, stepHttp()),
      /HTTP 400 instead of a redirect: invalid_redirect_uri redirect_uri did not match/,
    );
    await assert.rejects(
      createRedirectFollowingInteraction().obtainCallback({ url: `${base}/no-location`, redirectUri: REDIRECT }, stepHttp()),
      /HTTP 302 without a Location header/,
    );
  });

  it('reports an unreachable authorization server', async () => {
    await assert.rejects(
      createRedirectFollowingInteraction().obtainCallback({ url: 'http://127.0.0.1:1/authorize', redirectUri: REDIRECT }, stepHttp()),
      /The request to http:\/\/127\.0\.0\.1:1\/authorize failed \(refused\)/,
    );
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
    const start = { ...createSession(defaultFlowOptions('https://mcp.example.com/mcp')), data, next: 'authorization-request' as const };
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
});
