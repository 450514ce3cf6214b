import assert from 'node:assert/strict';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { createServer, request, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test, type TestContext } from 'node:test';
import { renderTextRef } from '../../src/engine/checks/engine-phrases.js';
import { createRelayTransport } from '../../src/engine/relay-transport.js';
import { RELAY_SECRET_META_NAME } from '../../src/wire/relay.js';
import type { TransportRequest } from '../../src/engine/transport.js';
import { freePort, listenOnLoopback } from '../test-support/free-port.js';
import { startRelay, type Relay, type RelayOptions } from './index.js';

// ---------------------------------------------------------------- helpers (real sockets only)

interface Upstream {
  url: string;
  port: number;
  hits: string[];
}

async function listen(t: TestContext, server: Server): Promise<number> {
  const port = await listenOnLoopback(server);
  t.after(
    () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  );
  return port;
}

async function startUpstream(t: TestContext, handler: (req: IncomingMessage, res: ServerResponse, body: string) => void): Promise<Upstream> {
  const hits: string[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      hits.push(`${req.method} ${req.url}`);
      handler(req, res, Buffer.concat(chunks).toString('utf8'));
    });
  });
  const port = await listen(t, server);
  return { url: `http://127.0.0.1:${port}`, port, hits };
}

async function startTestRelay(t: TestContext, options: RelayOptions = {}): Promise<Relay & { lines: string[] }> {
  const lines: string[] = [];
  const relay = await startRelay({ log: (line) => lines.push(line), ...options });
  t.after(() => relay.close());
  return Object.assign(relay, { lines });
}

interface RawAnswer {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

/** node:http rather than fetch: fetch cannot send a foreign Host header, which is what rebinding looks like. */
function rawRequest(port: number, options: { method?: string; path?: string; headers?: Record<string, string>; body?: string }): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, method: options.method ?? 'GET', path: options.path ?? '/', headers: options.headers, agent: false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

function relayCall(relay: Relay, call: unknown, headers: Record<string, string> = {}): Promise<RawAnswer> {
  return rawRequest(relay.port, {
    method: 'POST',
    path: '/api/relay',
    headers: { host: `127.0.0.1:${relay.port}`, 'content-type': 'application/json', 'x-relay-secret': relay.secret, ...headers },
    body: JSON.stringify(call),
  });
}

function json(answer: RawAnswer): unknown {
  assert.match(String(answer.headers['content-type']), /^application\/json/);
  return JSON.parse(answer.body);
}

function assertRejected(answer: RawAnswer, status: number): void {
  assert.equal(answer.status, status, answer.body);
  const envelope = json(answer) as { relay: { ok: boolean; error: { kind: string; message: string } } };
  assert.equal(envelope.relay.ok, false);
  assert.equal(envelope.relay.error.kind, 'relay-rejected');
  assert.equal(typeof envelope.relay.error.message, 'string');
  assert.equal('result' in envelope, false);
}

interface RelayedAnswer {
  relay: { ok: true };
  result: {
    ok: boolean;
    error?: { kind: string; message: string };
    response?: { status: number; statusText: string; headers: [string, string][]; body: string; bodyTruncated: boolean; bodyBytes: number };
  };
}

function relayed(answer: RawAnswer): RelayedAnswer['result'] {
  assert.equal(answer.status, 200, answer.body);
  const envelope = json(answer) as RelayedAnswer;
  assert.equal(envelope.relay.ok, true);
  return envelope.result;
}

function header(headers: [string, string][] | undefined, name: string): string[] {
  return (headers ?? []).filter(([key]) => key === name).map(([, value]) => value);
}

function getCall(url: string, extra: Partial<TransportRequest> = {}): TransportRequest {
  return { method: 'GET', url, headers: [], timeoutMs: 5_000, maxBodyBytes: 100_000, ...extra };
}

const echoUpstream = (req: IncomingMessage, res: ServerResponse, body: string): void => {
  res.writeHead(201, 'Created Here', [
    ['content-type', 'application/json'],
    ['x-upstream', 'yes'],
    ['set-cookie', 'a=1'],
    ['set-cookie', 'b=2'],
  ]);
  res.end(JSON.stringify({ method: req.method, url: req.url, headers: req.headers, body }));
};

// ---------------------------------------------------------------- who may call the relay

test('GET /api/health answers without a secret', async (t) => {
  const relay = await startTestRelay(t);
  const answer = await rawRequest(relay.port, { path: '/api/health' });
  assert.equal(answer.status, 200);
  assert.deepEqual(json(answer), { ok: true });
});

test('GET /api/config answers the configured default target without a secret, to the relay’s own Host only', async (t) => {
  const config = { defaultServerUrl: 'http://127.0.0.1:4282/mcp', lab: { mcpUrl: 'http://127.0.0.1:4282/mcp', demoUser: { username: 'demo', password: 'demo-pass' } } };
  const relay = await startTestRelay(t, { config });
  const answer = await rawRequest(relay.port, { path: '/api/config', headers: { host: `127.0.0.1:${relay.port}` } });
  assert.equal(answer.status, 200);
  assert.match(String(answer.headers['content-type']), /^application\/json/);
  assert.equal(answer.headers['cache-control'], 'no-store');
  assert.deepEqual(JSON.parse(answer.body), config);
  assert.equal(answer.body.includes(relay.secret), false);

  const rebound = await rawRequest(relay.port, { path: '/api/config', headers: { host: `evil.example:${relay.port}` } });
  assert.equal(rebound.status, 403);
  assert.equal(rebound.body.includes('demo-pass'), false);

  const posted = await rawRequest(relay.port, { method: 'POST', path: '/api/config', headers: { host: `127.0.0.1:${relay.port}` } });
  assert.equal(posted.status, 405);

  const bare = await startTestRelay(t);
  const empty = await rawRequest(bare.port, { path: '/api/config', headers: { host: `127.0.0.1:${bare.port}` } });
  assert.deepEqual(JSON.parse(empty.body), {});
});

test('a call without the secret is refused with 401 and never reaches upstream', async (t) => {
  const upstream = await startUpstream(t, echoUpstream);
  const relay = await startTestRelay(t);
  const answer = await rawRequest(relay.port, {
    method: 'POST',
    path: '/api/relay',
    headers: { host: `127.0.0.1:${relay.port}`, 'content-type': 'application/json' },
    body: JSON.stringify(getCall(upstream.url)),
  });
  assertRejected(answer, 401);
  assert.deepEqual(upstream.hits, []);
  assert.match(relay.lines.join('\n'), / rejected 401 missing-secret /);
});

test('a call with a wrong secret is refused with 401, whatever its length', async (t) => {
  const upstream = await startUpstream(t, echoUpstream);
  const relay = await startTestRelay(t, { secret: 'the-right-secret' });
  for (const wrong of ['the-wrong-secret', 'x', `${relay.secret}x`, relay.secret.toUpperCase()]) {
    assertRejected(await relayCall(relay, getCall(upstream.url), { 'x-relay-secret': wrong }), 401);
  }
  assert.deepEqual(upstream.hits, []);
});

test('a call from a foreign Origin is refused with 403 even with the secret', async (t) => {
  const upstream = await startUpstream(t, echoUpstream);
  const relay = await startTestRelay(t);
  for (const origin of ['http://evil.example', `http://evil.example:${relay.port}`, 'null', `https://127.0.0.1:${relay.port}`, `http://127.0.0.1:${relay.port + 1}`]) {
    assertRejected(await relayCall(relay, getCall(upstream.url), { origin }), 403);
  }
  assert.deepEqual(upstream.hits, []);
});

test('a rebinding Host (evil.example:PORT) is refused with 403 even with the secret', async (t) => {
  const upstream = await startUpstream(t, echoUpstream);
  const relay = await startTestRelay(t);
  assertRejected(await relayCall(relay, getCall(upstream.url), { host: `evil.example:${relay.port}` }), 403);
  assertRejected(await relayCall(relay, getCall(upstream.url), { host: `127.0.0.1:${relay.port + 1}` }), 403);
  assert.deepEqual(upstream.hits, []);
  assert.match(relay.lines.join('\n'), / rejected 403 foreign-host /);
});

test('the relay’s own origins are accepted: 127.0.0.1, localhost and [::1]', async (t) => {
  const upstream = await startUpstream(t, echoUpstream);
  const relay = await startTestRelay(t);
  for (const name of ['127.0.0.1', 'localhost', '[::1]']) {
    const answer = await relayCall(relay, getCall(upstream.url), { host: `${name}:${relay.port}`, origin: `http://${name}:${relay.port}` });
    assert.equal(relayed(answer).ok, true);
  }
  assert.equal(upstream.hits.length, 3);
});

test('only POST with a JSON body of bounded size is a relay call', async (t) => {
  const upstream = await startUpstream(t, echoUpstream);
  const relay = await startTestRelay(t, { maxRequestBytes: 1024 });
  const good = { host: `127.0.0.1:${relay.port}`, 'x-relay-secret': relay.secret };

  const get = await rawRequest(relay.port, { path: '/api/relay', headers: good });
  assertRejected(get, 405);
  assert.equal(get.headers.allow, 'POST');
  assertRejected(await rawRequest(relay.port, { method: 'OPTIONS', path: '/api/relay', headers: { ...good, origin: 'http://evil.example' } }), 405);
  assertRejected(await relayCall(relay, getCall(upstream.url), { 'content-type': 'text/plain' }), 415);
  assertRejected(await rawRequest(relay.port, { method: 'POST', path: '/api/relay', headers: { ...good, 'content-type': 'application/json' }, body: '{not json' }), 400);
  assertRejected(await relayCall(relay, getCall(upstream.url, { body: 'x'.repeat(4000), method: 'POST' })), 413);
  assert.deepEqual(upstream.hits, []);
});

test('malformed calls are refused with 400 before anything is sent', async (t) => {
  const upstream = await startUpstream(t, echoUpstream);
  const relay = await startTestRelay(t);
  // Each with the reason the relay gives, and that reason in Chinese: a page never sends such a
  // call, but a caller that does is told why in the page's language, not in the schema library's.
  const bad: [unknown, string, string][] = [
    [{ method: 'GET', headers: [] }, 'transport-error.relay-call-field', '中继调用的 url 缺失或格式不正确。'],
    [{ method: 'GET', url: 42, headers: [] }, 'transport-error.relay-call-field', '中继调用的 url 缺失或格式不正确。'],
    [{ method: 'G ET', url: upstream.url, headers: [] }, 'transport-error.relay-call-method-token', '中继调用的 method 不是 HTTP 令牌(token)。'],
    [{ method: 'TRACE', url: upstream.url, headers: [] }, 'transport-error.relay-call-method-forbidden', '中继不发送这种方法。'],
    [
      { method: 'GET', url: upstream.url, headers: [['x-a', 'line\r\nInjected: yes']] },
      'transport-error.relay-call-header-value',
      'headers.0.1 处的请求头值包含 CR、LF、NUL 或 U+00FF 以上的字符。',
    ],
    [{ method: 'GET', url: upstream.url, headers: [['bad name', 'v']] }, 'transport-error.relay-call-header-name', 'headers.0.0 处的请求头名称不是 HTTP 令牌(token)。'],
    [{ method: 'GET', url: upstream.url, headers: [['transfer-encoding', 'chunked']] }, 'transport-error.relay-call-hop-by-hop', 'headers.0.0 处是逐跳(hop-by-hop)请求头,不能转发。'],
    [{ method: 'GET', url: upstream.url, headers: [], body: 'a GET has no body' }, 'transport-error.relay-call-body-not-allowed', 'GET 请求不能带请求体。'],
    [{ method: 'GET', url: upstream.url, headers: [], timeoutMs: -1 }, 'transport-error.relay-call-field', '中继调用的 timeoutMs 缺失或格式不正确。'],
    [[], 'transport-error.relay-call-not-object', '中继调用不是包含 method、url 和 headers 的对象。'],
  ];
  for (const [call, messageId, chinese] of bad) {
    const answer = await relayCall(relay, call);
    assertRejected(answer, 400);
    const { error } = (json(answer) as { relay: { error: { messageId?: string; messageParams?: Record<string, string> } } }).relay;
    assert.equal(error.messageId, messageId, JSON.stringify(call));
    assert.equal(renderTextRef({ id: messageId, params: error.messageParams ?? {} }, 'zh-CN'), chinese);
  }
  assert.deepEqual(upstream.hits, []);
});

test('no answer carries CORS headers', async (t) => {
  const upstream = await startUpstream(t, echoUpstream);
  const relay = await startTestRelay(t);
  const answers = [
    await relayCall(relay, getCall(upstream.url), { origin: `http://127.0.0.1:${relay.port}` }),
    await relayCall(relay, getCall(upstream.url), { origin: 'http://evil.example' }),
    await rawRequest(relay.port, { method: 'OPTIONS', path: '/api/relay', headers: { origin: 'http://evil.example', 'access-control-request-method': 'POST' } }),
    await rawRequest(relay.port, { path: '/', headers: { origin: 'http://evil.example' } }),
  ];
  for (const answer of answers) {
    assert.deepEqual(Object.keys(answer.headers).filter((name) => name.startsWith('access-control-')), []);
  }
});

// ---------------------------------------------------------------- what the relay relays

test('a correct call relays method, headers and body, and returns status, headers and body', async (t) => {
  const upstream = await startUpstream(t, echoUpstream);
  const relay = await startTestRelay(t);
  const answer = await relayCall(
    relay,
    getCall(`${upstream.url}/token?x=1`, { method: 'POST', headers: [['content-type', 'application/x-www-form-urlencoded'], ['x-test', 'one']], body: 'grant_type=x' }),
    { cookie: 'browser-cookie=never-forwarded' },
  );
  const result = relayed(answer);
  assert.equal(result.ok, true);
  assert.equal(result.response?.status, 201);
  assert.equal(result.response?.statusText, 'Created Here');
  assert.deepEqual(header(result.response?.headers, 'x-upstream'), ['yes']);
  assert.deepEqual(header(result.response?.headers, 'set-cookie'), ['a=1', 'b=2']);
  const seen = JSON.parse(result.response?.body ?? '') as { method: string; url: string; headers: Record<string, string>; body: string };
  assert.equal(seen.method, 'POST');
  assert.equal(seen.url, '/token?x=1');
  assert.equal(seen.body, 'grant_type=x');
  assert.equal(seen.headers['x-test'], 'one');
  assert.equal(seen.headers['content-type'], 'application/x-www-form-urlencoded');
  // The relay call's own headers stay with the relay.
  assert.equal(seen.headers['x-relay-secret'], undefined);
  assert.equal(seen.headers.cookie, undefined);
  assert.equal(answer.headers['cache-control'], 'no-store');
});

test('a 302 comes back as a 302 with its Location; the redirect is not followed', async (t) => {
  const upstream = await startUpstream(t, (req, res) => {
    if (req.url === '/start') {
      res.writeHead(302, { location: '/elsewhere?code=abc' });
      res.end();
    } else {
      res.end('followed');
    }
  });
  const relay = await startTestRelay(t);
  const result = relayed(await relayCall(relay, getCall(`${upstream.url}/start`)));
  assert.equal(result.ok, true);
  assert.equal(result.response?.status, 302);
  assert.deepEqual(header(result.response?.headers, 'location'), ['/elsewhere?code=abc']);
  assert.deepEqual(upstream.hits, ['GET /start']);
});

test('an upstream body over the cap is a too-large error, also when the call asks for more than the relay allows', async (t) => {
  const upstream = await startUpstream(t, (_req, res) => res.end('x'.repeat(50_000)));
  const relay = await startTestRelay(t, { maxBodyBytes: 10_000 });

  const asked = relayed(await relayCall(relay, getCall(upstream.url, { maxBodyBytes: 1_000 })));
  assert.equal(asked.ok, false);
  assert.equal(asked.error?.kind, 'too-large');
  assert.equal(asked.response?.bodyTruncated, true);
  assert.equal(asked.response?.body.length, 1_000);

  const clamped = relayed(await relayCall(relay, getCall(upstream.url, { maxBodyBytes: 1_000_000 })));
  assert.equal(clamped.error?.kind, 'too-large');
  assert.equal(clamped.response?.body.length, 10_000);
});

test('a hanging upstream is a timeout within the relay’s time cap', async (t) => {
  const upstream = await startUpstream(t, () => {
    // Accepts and never answers.
  });
  const relay = await startTestRelay(t, { timeoutMs: 300 });
  const started = performance.now();
  const result = relayed(await relayCall(relay, getCall(upstream.url, { timeoutMs: 60_000 })));
  const elapsed = performance.now() - started;
  assert.equal(result.ok, false);
  assert.equal(result.error?.kind, 'timeout');
  assert.ok(elapsed >= 250 && elapsed < 3_000, `took ${elapsed} ms`);
  assert.match(relay.lines.join('\n'), / -> timeout /);
});

test('a refused connection is a refused error', async (t) => {
  const relay = await startTestRelay(t);
  const result = relayed(await relayCall(relay, getCall(`http://127.0.0.1:${await freePort()}/mcp`)));
  assert.equal(result.ok, false);
  assert.equal(result.error?.kind, 'refused');
});

test('a target that is not an http(s) URL is an invalid-url error, sent nowhere', async (t) => {
  const upstream = await startUpstream(t, echoUpstream);
  const relay = await startTestRelay(t);
  for (const url of ['not a url', 'ftp://127.0.0.1/x', 'file:///etc/passwd', 'javascript:alert(1)', `http://user:pass@127.0.0.1:${upstream.port}/`]) {
    const result = relayed(await relayCall(relay, getCall(url)));
    assert.equal(result.ok, false, url);
    assert.equal(result.error?.kind, 'invalid-url', url);
  }
  assert.deepEqual(upstream.hits, []);
});

test('a call carrying the private-address rule is not relayed to loopback for a run that started elsewhere', async (t) => {
  const upstream = await startUpstream(t, echoUpstream);
  const relay = await startTestRelay(t);
  // Resolved by the machine's own resolver: localhost is loopback wherever this runs.
  for (const url of [`${upstream.url}/x`, `http://localhost:${upstream.port}/x`]) {
    const result = relayed(await relayCall(relay, getCall(url, { privateHops: { startHost: 'mcp.example.com' } })));
    assert.equal(result.error?.kind, 'private-address', url);
  }
  assert.deepEqual(upstream.hits, []);
  // The same call for a run that started on loopback goes through.
  assert.equal(relayed(await relayCall(relay, getCall(`${upstream.url}/y`, { privateHops: { startHost: '127.0.0.1' } }))).response?.status, 201);
  assert.deepEqual(upstream.hits, ['GET /y']);
});

// ---------------------------------------------------------------- what the relay logs

test('log lines name method, origin, path, status and time, and never credentials, codes or the query', async (t) => {
  const upstream = await startUpstream(t, (_req, res) => res.end('{}'));
  const relay = await startTestRelay(t);
  const bearer = 'eyJhbGciOiJSUzI1NiJ9.SECRETISH-ACCESS-TOKEN.sig';
  const result = relayed(
    await relayCall(
      relay,
      getCall(`http://user:pw-in-url@127.0.0.1:${upstream.port}/x`, {}),
    ),
  );
  assert.equal(result.error?.kind, 'invalid-url');
  relayed(
    await relayCall(
      relay,
      getCall(`${upstream.url}/callback?code=AUTH-CODE-123&state=STATE-456`, {
        method: 'POST',
        headers: [
          ['authorization', `Bearer ${bearer}`],
          ['cookie', 'session=COOKIE-VALUE'],
        ],
        body: 'client_secret=CLIENT-SECRET-789&code_verifier=VERIFIER',
      }),
    ),
  );
  await relayCall(relay, getCall(upstream.url), { 'x-relay-secret': 'PRESENTED-WRONG-SECRET' });

  assert.equal(relay.lines.length, 3);
  const [invalid, ok, rejected] = relay.lines;
  assert.match(invalid ?? '', /^\d{4}-\d\d-\d\dT\S+Z relay GET \(invalid target URL\) -> invalid-url \d+\.\dms$/);
  assert.equal(ok?.replace(/^\S+ /, '').replace(/ \S+ms$/, ''), `relay POST ${upstream.url}/callback -> 200`);
  assert.match(rejected ?? '', / relay rejected 401 wrong-secret \d+\.\dms$/);
  const all = relay.lines.join('\n');
  for (const secret of [bearer, 'SECRETISH', 'Bearer', 'AUTH-CODE-123', 'code=', 'STATE-456', 'COOKIE-VALUE', 'CLIENT-SECRET-789', 'VERIFIER', 'pw-in-url', 'PRESENTED-WRONG-SECRET', relay.secret]) {
    assert.equal(all.includes(secret), false, `log leaks ${secret}`);
  }
});

// ---------------------------------------------------------------- the SPA

async function builtSite(t: TestContext): Promise<{ root: string; outside: string }> {
  const parent = await mkdtemp(path.join(tmpdir(), 'relay-static-'));
  t.after(() => rm(parent, { recursive: true, force: true }));
  const root = path.join(parent, 'dist');
  await mkdir(path.join(root, 'assets'), { recursive: true });
  await writeFile(path.join(root, 'index.html'), '<!doctype html><html><head><title>ui</title></head><body><div id="root"></div></body></html>');
  await writeFile(path.join(root, 'assets', 'index-abc123.js'), 'console.log("app")');
  await writeFile(path.join(root, 'assets', 'index-abc123.css'), 'body{}');
  await writeFile(path.join(root, 'favicon.svg'), '<svg/>');
  await writeFile(path.join(root, '.env'), 'HIDDEN=1');
  // A file next to the site that traversal would reach.
  await writeFile(path.join(parent, 'package.json'), '{"outside":"OUTSIDE-THE-ROOT"}');
  return { root, outside: 'OUTSIDE-THE-ROOT' };
}

test('index.html carries the secret meta only when the Host names the relay', async (t) => {
  const { root } = await builtSite(t);
  const relay = await startTestRelay(t, { staticDir: root });
  const meta = `<meta name="${RELAY_SECRET_META_NAME}" content="${relay.secret}" />`;

  for (const spaRoute of ['/', '/callback?code=x&state=y', '/index.html', '/some/deep/route']) {
    const page = await rawRequest(relay.port, { path: spaRoute, headers: { host: `localhost:${relay.port}` } });
    assert.equal(page.status, 200, spaRoute);
    assert.equal(page.headers['content-type'], 'text/html; charset=utf-8');
    assert.equal(page.headers['cache-control'], 'no-store');
    assert.ok(page.body.includes(meta), spaRoute);
    assert.ok(page.body.indexOf(meta) < page.body.indexOf('</head>'));
  }
  for (const host of [`evil.example:${relay.port}`, 'evil.example', `127.0.0.1:${relay.port + 1}`]) {
    const page = await rawRequest(relay.port, { path: '/', headers: { host } });
    assert.equal(page.status, 200);
    assert.ok(page.body.includes('<div id="root">'));
    assert.equal(page.body.includes(relay.secret), false, host);
    assert.equal(page.body.includes(RELAY_SECRET_META_NAME), false, host);
  }
});

test('static files come with their content type, caching and the security headers', async (t) => {
  const { root } = await builtSite(t);
  const relay = await startTestRelay(t, { staticDir: root });
  const script = await rawRequest(relay.port, { path: '/assets/index-abc123.js' });
  assert.equal(script.status, 200);
  assert.equal(script.body, 'console.log("app")');
  assert.equal(script.headers['content-type'], 'text/javascript; charset=utf-8');
  assert.equal(script.headers['cache-control'], 'public, max-age=31536000, immutable');
  assert.equal((await rawRequest(relay.port, { path: '/assets/index-abc123.css' })).headers['content-type'], 'text/css; charset=utf-8');
  const icon = await rawRequest(relay.port, { path: '/favicon.svg' });
  assert.equal(icon.headers['content-type'], 'image/svg+xml');
  assert.equal(icon.headers['cache-control'], 'no-cache');

  for (const answer of [script, icon, await rawRequest(relay.port, { path: '/' })]) {
    assert.equal(answer.headers['x-content-type-options'], 'nosniff');
    assert.equal(answer.headers['referrer-policy'], 'no-referrer');
    assert.equal(answer.headers['x-frame-options'], 'DENY');
    assert.match(String(answer.headers['content-security-policy']), /script-src 'self'(;|$)/);
    assert.match(String(answer.headers['content-security-policy']), /frame-ancestors 'none'/);
    // Tool results' images and audio come as data: (or blob:) URLs; nothing else is widened.
    assert.match(String(answer.headers['content-security-policy']), /media-src 'self' data: blob:/);
    assert.match(String(answer.headers['content-security-policy']), /img-src 'self' data: blob:/);
  }
  assert.equal((await rawRequest(relay.port, { path: '/assets/missing.js' })).status, 404);
  assert.equal((await rawRequest(relay.port, { path: '/.env' })).status, 404);
  assert.equal((await rawRequest(relay.port, { method: 'POST', path: '/' })).status, 405);
  const head = await rawRequest(relay.port, { method: 'HEAD', path: '/assets/index-abc123.js' });
  assert.equal(head.status, 200);
  assert.equal(head.body, '');
});

test('path traversal, plain or encoded, is refused', async (t) => {
  const { root, outside } = await builtSite(t);
  const relay = await startTestRelay(t, { staticDir: root });
  const attempts = [
    '/../package.json',
    '/%2e%2e/package.json',
    '/%2E%2E/package.json',
    '/..%2fpackage.json',
    '/assets/../../package.json',
    '/assets/%2e%2e/%2e%2e/package.json',
    '/%2e%2e%5cpackage.json',
    '/..\\package.json',
    '/%00index.html',
    '/%E0%A4%A',
    'http://127.0.0.1/../package.json',
  ];
  for (const attempt of attempts) {
    const answer = await rawRequest(relay.port, { path: attempt });
    assert.equal(answer.status, 400, attempt);
    assert.equal(answer.body.includes(outside), false, attempt);
  }
});

test('without a built UI, / says how to build it', async (t) => {
  const relay = await startTestRelay(t);
  const page = await rawRequest(relay.port, { path: '/' });
  assert.equal(page.status, 200);
  assert.equal(page.headers['content-type'], 'text/html; charset=utf-8');
  assert.match(page.body, /npm run build/);
  assert.equal(page.body.includes(relay.secret), false);
  assert.equal((await rawRequest(relay.port, { path: '/assets/app.js' })).status, 404);
});

test('close() ends open keep-alive connections too', async (t) => {
  const upstream = await startUpstream(t, (_req, res) => res.end('ok'));
  const relay = await startRelay();
  const transport = createRelayTransport(relay.url, relay.secret);
  assert.equal((await transport.send(getCall(upstream.url))).ok, true);
  const started = performance.now();
  await relay.close();
  assert.ok(performance.now() - started < 1_000);
  await relay.close();
  const after = await transport.send(getCall(upstream.url));
  assert.equal(after.ok, false);
  assert.equal(after.ok ? undefined : after.error.kind, 'relay-rejected');
});

test('a port already in use makes startRelay reject', async (t) => {
  const first = await startTestRelay(t);
  await assert.rejects(startRelay({ port: first.port }), { code: 'EADDRINUSE' });
});

test('a transport that throws is a 500 without details, and the relay keeps serving', async (t) => {
  let calls = 0;
  const relay = await startTestRelay(t, {
    transport: {
      send: () => {
        calls += 1;
        return Promise.reject(new TypeError('boom with Bearer TOKEN-IN-MESSAGE'));
      },
    },
  });
  const answer = await relayCall(relay, getCall('http://127.0.0.1:1/'));
  assert.equal(answer.status, 500);
  assert.equal(answer.body.includes('TOKEN-IN-MESSAGE'), false);
  assert.equal(calls, 1);
  assert.match(relay.lines.join('\n'), /relay internal error: TypeError$/);
  assert.equal(relay.lines.join('\n').includes('TOKEN-IN-MESSAGE'), false);
  assert.equal((await rawRequest(relay.port, { path: '/api/health' })).status, 200);
});

// ---------------------------------------------------------------- the browser's transport, end to end

test('createRelayTransport relays through a real relay like the fetch transport would answer', async (t) => {
  const upstream = await startUpstream(t, (req, res) => {
    if (req.url === '/redirect') {
      res.writeHead(302, { location: 'https://as.example/authorize?x=1' });
      res.end();
    } else if (req.url === '/big') {
      res.end('y'.repeat(5_000));
    } else if (req.url === '/hang') {
      // never answers
    } else {
      echoUpstream(req, res, '');
    }
  });
  const relay = await startTestRelay(t, { timeoutMs: 300 });
  const transport = createRelayTransport(`${relay.url}/`, relay.secret);

  const ok = await transport.send(getCall(`${upstream.url}/hello`, { headers: [['accept', 'application/json']] }));
  assert.equal(ok.ok, true);
  assert.equal(ok.response?.status, 201);
  assert.deepEqual(header(ok.response?.headers, 'set-cookie'), ['a=1', 'b=2']);

  const redirect = await transport.send(getCall(`${upstream.url}/redirect`));
  assert.equal(redirect.response?.status, 302);
  assert.deepEqual(header(redirect.response?.headers, 'location'), ['https://as.example/authorize?x=1']);

  const big = await transport.send(getCall(`${upstream.url}/big`, { maxBodyBytes: 100 }));
  assert.equal(big.ok ? undefined : big.error.kind, 'too-large');
  assert.equal(big.response?.body.length, 100);

  const hang = await transport.send(getCall(`${upstream.url}/hang`, { timeoutMs: 10_000 }));
  assert.equal(hang.ok ? undefined : hang.error.kind, 'timeout');

  const refused = await transport.send(getCall(`http://127.0.0.1:${await freePort()}/`));
  assert.equal(refused.ok ? undefined : refused.error.kind, 'refused');

  const privateHop = await transport.send(getCall(`${upstream.url}/hello`, { privateHops: { startHost: 'mcp.example.com' } }));
  assert.equal(privateHop.ok ? undefined : privateHop.error.kind, 'private-address', 'the rule travels with the call, and the error comes back typed');

  const invalid = await transport.send(getCall('mailto:someone@example.com'));
  assert.equal(invalid.ok ? undefined : invalid.error.kind, 'invalid-url');

  const wrongSecret = await createRelayTransport(relay.url, 'not-the-secret').send(getCall(`${upstream.url}/hello`));
  assert.equal(wrongSecret.ok, false);
  assert.equal(wrongSecret.ok ? undefined : wrongSecret.error.kind, 'relay-rejected');
  assert.match(wrongSecret.ok ? '' : wrongSecret.error.message, /401/);
  // The relay names its refusal among the engine's transport messages, so the page can say it in Chinese.
  assert.ok(!wrongSecret.ok);
  assert.equal(wrongSecret.error.messageId, 'transport-error.relay-refused');
  assert.equal(renderTextRef({ id: wrongSecret.error.messageId, params: wrongSecret.error.messageParams ?? {} }, 'zh-CN'), '中继拒绝了这次调用(401):x-relay-secret 请求头不正确。');
  assert.equal(invalid.ok ? undefined : invalid.error.messageId, 'transport-error.scheme-not-http', 'an upstream error keeps its id through the relay');

  const badCall = await transport.send(getCall(`${upstream.url}/hello`, { headers: [['x-bad', 'a\nb']] }));
  assert.equal(badCall.ok ? undefined : badCall.error.kind, 'relay-rejected');
  assert.match(badCall.ok ? '' : badCall.error.message, /400/);

  const unreachable = await createRelayTransport(`http://127.0.0.1:${await freePort()}`, relay.secret).send(getCall(`${upstream.url}/hello`));
  assert.equal(unreachable.ok ? undefined : unreachable.error.kind, 'relay-rejected');
  assert.match(unreachable.ok ? '' : unreachable.error.message, /could not be reached/);

  assert.deepEqual(upstream.hits, ['GET /hello', 'GET /redirect', 'GET /big', 'GET /hang']);
});
