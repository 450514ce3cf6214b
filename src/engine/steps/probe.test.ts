import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { describe, it } from 'node:test';
import { createFetchTransport } from '../fetch-transport.js';
import type { SpecVersion } from '../types.js';
import { phrase } from '../checks/finding-phrases.js';
import { cannedTransport, findingIds, runOneStep, type CannedAnswer, type CannedRoute } from '../test-kit.js';
import { SERVER_NOT_PROTECTED } from './probe.js';
import { listenOnLoopback } from '../../../server/test-support/free-port.js';

const SERVER = 'https://mcp.example.com/mcp';
const PRM = 'https://mcp.example.com/.well-known/oauth-protected-resource/mcp';
const CHALLENGE = `Bearer resource_metadata="${PRM}", scope="mcp:tools"`;

function probe(answer: CannedRoute, options: { spec?: SpecVersion; lenient?: boolean; serverUrl?: string } = {}) {
  const serverUrl = options.serverUrl ?? SERVER;
  const transport = cannedTransport({ [`POST ${serverUrl}`]: answer });
  return runOneStep('probe', transport, { serverUrl, ...(options.spec ? { spec: options.spec } : {}), lenient: options.lenient ?? false }).then((run) => ({
    ...run,
    transport,
  }));
}

const unauthorized = (wwwAuthenticate?: string | string[]): CannedAnswer => ({
  status: 401,
  headers: wwwAuthenticate === undefined ? [] : (Array.isArray(wwwAuthenticate) ? wwwAuthenticate : [wwwAuthenticate]).map((v) => ['www-authenticate', v] as [string, string]),
  body: { error: 'unauthorized' },
});

describe('probe step', () => {
  it('sends an unauthenticated initialize POST and reads a complete Bearer challenge', async () => {
    const transport = cannedTransport({ [`POST ${SERVER}`]: unauthorized(CHALLENGE) });
    const { result } = await runOneStep('probe', transport, { serverUrl: SERVER, spec: '2025-11-25', extraHeaders: [['x-api-key', 'k1']] });
    assert.deepEqual(result.outcome, { kind: 'ok' });
    assert.deepEqual(findingIds(result), []);
    assert.deepEqual(result.data.probe, {
      status: 401,
      challenges: [{ scheme: 'bearer', parameters: { resource_metadata: PRM, scope: 'mcp:tools' } }],
      resourceMetadataUrl: PRM,
      challengeScope: 'mcp:tools',
    });
    const [request] = transport.requests;
    assert.equal(request?.method, 'POST');
    assert.deepEqual(request?.headers, [
      ['content-type', 'application/json'],
      ['accept', 'application/json, text/event-stream'],
      ['x-api-key', 'k1'],
    ]);
    const body = JSON.parse(request?.body ?? '{}') as { method: string; params: { protocolVersion: string } };
    assert.equal(body.method, 'initialize');
    assert.equal(body.params.protocolVersion, '2025-11-25');
    assert.equal(result.exchanges.length, 1);
  });

  it('sends MCP-Protocol-Version on the probe only for the stateless 2026-07-28 protocol', async () => {
    for (const [spec, expected] of [
      ['2026-07-28', '2026-07-28'],
      ['2025-06-18', undefined],
    ] as const) {
      const { transport } = await probe(unauthorized(CHALLENGE), { spec });
      const header = transport.requests[0]?.headers.find(([name]) => name === 'mcp-protocol-version')?.[1];
      assert.equal(header, expected, spec);
    }
  });

  it('401 without WWW-Authenticate: error in 2025-06-18, warning where well-known discovery is allowed; the flow goes on', async () => {
    const expectations: [SpecVersion, string][] = [
      ['2025-03-26', 'warning'],
      ['2025-06-18', 'error'],
      ['2025-11-25', 'warning'],
      ['2026-07-28', 'warning'],
    ];
    for (const [spec, severity] of expectations) {
      const { result } = await probe(unauthorized(), { spec });
      assert.deepEqual(findingIds(result), ['probe.missing-www-authenticate'], spec);
      assert.equal(result.findings[0]?.severity, severity, spec);
      assert.equal(result.findings[0]?.evidence?.exchangeId, result.exchanges[0]?.id);
      assert.equal(result.outcome.kind, 'ok', spec);
    }
  });

  it('Bearer challenge without resource_metadata: off in 2025-03-26, error in 2025-06-18, info later', async () => {
    const expectations: [SpecVersion, string | undefined][] = [
      ['2025-03-26', undefined],
      ['2025-06-18', 'error'],
      ['2025-11-25', 'info'],
      ['2026-07-28', 'info'],
    ];
    for (const [spec, severity] of expectations) {
      const { result } = await probe(unauthorized('Bearer realm="mcp", scope="mcp:tools"'), { spec });
      const finding = result.findings.find((f) => f.id === 'probe.no-resource-metadata');
      assert.equal(finding?.severity, severity, spec);
      assert.equal(result.data.probe?.resourceMetadataUrl, undefined);
      assert.equal(result.data.probe?.challengeScope, 'mcp:tools');
    }
  });

  it('reports a missing challenge scope from 2025-11-25 on', async () => {
    const withoutScope = `Bearer resource_metadata="${PRM}"`;
    assert.deepEqual(findingIds((await probe(unauthorized(withoutScope), { spec: '2025-11-25' })).result), ['probe.no-challenge-scope']);
    assert.deepEqual(findingIds((await probe(unauthorized(withoutScope), { spec: '2025-06-18' })).result), []);
  });

  it('reports a malformed header and still uses the recovered resource_metadata', async () => {
    const { result } = await probe(unauthorized(`Bearer resource_metadata=${PRM}, scope="mcp:tools"`));
    assert.deepEqual(findingIds(result), ['probe.malformed-www-authenticate']);
    assert.equal(result.findings[0]?.params?.problem, 'unquoted-value');
    assert.equal(result.findings[0]?.params?.position, String('Bearer resource_metadata='.length + 1));
    assert.equal(result.findings[0]?.params?.message, phrase('www-authenticate.unquoted-value'));
    assert.equal(result.findings[0]?.params?.subject, 'resource_metadata');
    assert.match(result.findings[0]?.detail ?? '', /unquoted-value: The value of "resource_metadata" contains characters a token cannot hold;/);
    assert.equal(result.data.probe?.resourceMetadataUrl, PRM);
  });

  it('reads challenges spread over several header lines', async () => {
    const { result } = await probe(unauthorized(['Basic realm="legacy"', CHALLENGE]));
    assert.deepEqual(findingIds(result), []);
    assert.deepEqual(
      result.data.probe?.challenges.map((c) => c.scheme),
      ['basic', 'bearer'],
    );
    assert.equal(result.data.probe?.resourceMetadataUrl, PRM);
  });

  it('reports a 401 without a Bearer challenge', async () => {
    const { result } = await probe(unauthorized('Basic realm="proxy"'));
    assert.deepEqual(findingIds(result), ['probe.no-bearer-challenge']);
    assert.equal(result.findings[0]?.params?.schemes, 'basic');
    assert.equal(result.outcome.kind, 'ok');
  });

  it('reads a DPoP challenge like a Bearer one and notes the algorithms it accepts', async () => {
    const { result } = await probe(unauthorized(`DPoP algs="ES256 PS256", resource_metadata="${PRM}", scope="mcp:tools"`));
    assert.deepEqual(findingIds(result), ['probe.dpop-challenge']);
    const finding = result.findings[0];
    assert.equal(finding?.severity, 'info');
    assert.deepEqual(finding?.params, { algs: 'ES256 PS256' });
    assert.deepEqual(finding?.evidence, { exchangeId: result.exchanges[0]?.id, pointer: 'header:www-authenticate' });
    assert.equal(result.data.probe?.resourceMetadataUrl, PRM);
    assert.equal(result.data.probe?.challengeScope, 'mcp:tools');
    // Offered next to Bearer, the Bearer challenge is the one read.
    const both = await probe(unauthorized([CHALLENGE, `DPoP algs="ES256", resource_metadata="${PRM}"`]));
    assert.ok(!findingIds(both.result).includes('probe.dpop-challenge'));
  });

  it('reports a resource_metadata that is not an http(s) URL and does not use it', async () => {
    const { result } = await probe(unauthorized('Bearer resource_metadata="/.well-known/oauth-protected-resource", scope="a"'));
    assert.deepEqual(findingIds(result), ['probe.invalid-resource-metadata-url']);
    assert.equal(result.data.probe?.resourceMetadataUrl, undefined);
  });

  it('notes an error code in a challenge to a request that had no token', async () => {
    const { result } = await probe(unauthorized(`${CHALLENGE}, error="invalid_token"`));
    assert.deepEqual(findingIds(result), ['probe.error-without-token']);
    assert.equal(result.findings[0]?.severity, 'info');
  });

  it('2xx without a token: the server needs no authorization, says so plainly, and the run goes straight to its tools', async () => {
    const discover = { jsonrpc: '2.0', id: 1, result: { supportedVersions: ['2026-07-28'], capabilities: { tools: {} }, resultType: 'complete' } };
    const { result, session, transport } = await probe((request) => (JSON.parse(request.body ?? '{}') as { method?: string }).method === 'server/discover' ? { status: 200, body: discover } : { status: 200, body: { jsonrpc: '2.0', id: 10, result: { tools: [] } } });
    assert.deepEqual(findingIds(result), [SERVER_NOT_PROTECTED]);
    assert.equal(result.findings[0]?.severity, 'info');
    assert.deepEqual(result.outcome, { kind: 'ok' });
    assert.deepEqual(result.data.probe, { status: 200, challenges: [], era: 'modern', protocolVersion: '2026-07-28', unprotected: true });
    assert.deepEqual(transport.requests.map((r) => (JSON.parse(r.body ?? '{}') as { method?: string }).method), ['server/discover', 'tools/list']);
    assert.equal(session.status.kind, 'ready');
    assert.equal(session.next, 'authenticated-mcp');
  });

  it('judged by 2026-07-28, the probe is a modern request: server/discover with _meta and the request metadata headers', async () => {
    const { transport } = await probe(unauthorized(CHALLENGE));
    const [request] = transport.requests;
    const body = JSON.parse(request?.body ?? '{}') as { method?: string; params?: { _meta?: Record<string, unknown> } };
    assert.equal(body.method, 'server/discover');
    assert.equal(body.params?._meta?.['io.modelcontextprotocol/protocolVersion'], '2026-07-28');
    assert.equal(request?.headers.find(([n]) => n === 'mcp-method')?.[1], 'server/discover');
  });

  it('retries an unsupported-version answer with a version from its list, then reads the challenge', async () => {
    let calls = 0;
    const { result, transport } = await probe(() =>
      ++calls === 1 ? { status: 400, body: { jsonrpc: '2.0', id: 1, error: { code: -32022, message: 'Unsupported protocol version', data: { supported: ['2026-07-28'], requested: 'x' } } } } : unauthorized(CHALLENGE),
    );
    assert.deepEqual(result.outcome, { kind: 'ok' });
    assert.equal(result.data.probe?.status, 401);
    assert.equal(result.data.probe?.resourceMetadataUrl, PRM);
    assert.equal(transport.requests.length, 2);
  });

  it('falls back to initialize when a modern request gets a 4xx without a modern error (a legacy server)', async () => {
    const { result, transport } = await probe((request) =>
      (JSON.parse(request.body ?? '{}') as { method?: string }).method === 'initialize'
        ? unauthorized(CHALLENGE)
        : { status: 400, body: { jsonrpc: '2.0', id: null, error: { code: -32000, message: 'Bad Request: Server not initialized' } } },
    );
    assert.deepEqual(result.outcome, { kind: 'ok' });
    assert.deepEqual(result.exchanges.map((e) => e.label), ['MCP server/discover without a token', 'MCP initialize without a token (legacy fallback)']);
    assert.equal(result.data.probe?.resourceMetadataUrl, PRM);
    assert.equal(transport.requests.length, 2);
  });

  it('404, 405 and HTML pages are not MCP; lenient runs go on', async () => {
    const cases: CannedRoute[] = [
      { status: 404, headers: { 'content-type': 'text/html' }, body: '<!doctype html><h1>Not found</h1>' },
      { status: 405, body: '' },
      { status: 200, headers: { 'content-type': 'text/html; charset=utf-8' }, body: '<html><body>app</body></html>' },
    ];
    for (const answer of cases) {
      const strict = await probe(answer);
      assert.deepEqual(findingIds(strict.result), ['probe.not-mcp']);
      assert.equal(strict.result.outcome.kind, 'failed');
      const lenient = await probe(answer, { lenient: true });
      assert.equal(lenient.result.outcome.kind, 'ok');
    }
  });

  it('another status stops the flow, unless lenient', async () => {
    const strict = await probe({ status: 500, body: 'boom' });
    assert.deepEqual(findingIds(strict.result), ['probe.unexpected-status']);
    assert.equal(strict.result.outcome.kind === 'failed' ? strict.result.outcome.findingId : undefined, 'probe.unexpected-status');
    const lenient = await probe({ status: 403, headers: { 'www-authenticate': CHALLENGE }, body: '' }, { lenient: true });
    assert.deepEqual(findingIds(lenient.result), ['probe.unexpected-status']);
    assert.equal(lenient.result.outcome.kind, 'ok');
    assert.equal(lenient.result.data.probe?.resourceMetadataUrl, PRM);
  });

  it('refuses a server URL that is not http(s) without sending anything', async () => {
    for (const [serverUrl, reason, words] of [
      ['mcp.example.com/mcp', phrase('server-url.not-absolute'), ': it is not an absolute URL.'],
      ['ftp://mcp.example.com/mcp', phrase('server-url.scheme-not-http'), ': the scheme is ftp: (only http and https carry MCP).'],
    ] as const) {
      const { result, transport } = await probe(unauthorized(CHALLENGE), { serverUrl });
      assert.deepEqual(findingIds(result), ['probe.invalid-server-url']);
      assert.equal(result.findings[0]?.params?.reason, reason);
      assert.ok(result.findings[0]?.detail.endsWith(words), result.findings[0]?.detail);
      assert.equal(result.outcome.kind, 'failed');
      assert.equal(transport.requests.length, 0);
    }
  });

  it('reports plain http on a non-loopback host, not on loopback', async () => {
    const remote = await probe(unauthorized(CHALLENGE), { serverUrl: 'http://mcp.example.com/mcp' });
    assert.deepEqual(findingIds(remote.result), ['probe.insecure-transport']);
    assert.equal(remote.result.outcome.kind, 'ok');
    const local = await probe(unauthorized(CHALLENGE), { serverUrl: 'http://127.0.0.1:3000/mcp' });
    assert.deepEqual(findingIds(local.result), []);
  });

  it('a host that does not exist: the one cause, first and plainly, and no plain-http finding for a server never reached', async () => {
    const { result } = await probe({ error: { kind: 'dns', message: 'getaddrinfo ENOTFOUND mcp.example.com' } }, { serverUrl: 'http://mcp.example.com/mcp' });
    assert.deepEqual(findingIds(result), ['http.unreachable']);
    assert.equal(result.findings[0]?.title, 'Host name not found: http://mcp.example.com/mcp');
    assert.equal(result.outcome.kind === 'failed' ? result.outcome.reason : '', 'Host name not found: http://mcp.example.com/mcp (getaddrinfo ENOTFOUND mcp.example.com)');
  });

  it('follows a same-origin 307 as a recorded hop and reports it', async () => {
    const transport = cannedTransport({
      [`POST ${SERVER}`]: { status: 307, headers: { location: '/mcp/' }, body: '' },
      [`POST ${SERVER}/`]: unauthorized(CHALLENGE),
    });
    const { result } = await runOneStep('probe', transport, { serverUrl: SERVER });
    assert.deepEqual(transport.urls(), [`POST ${SERVER}`, `POST ${SERVER}/`]);
    assert.equal(transport.requests[1]?.body, transport.requests[0]?.body);
    assert.deepEqual(findingIds(result), ['probe.redirect']);
    assert.equal(result.findings[0]?.params?.to, `${SERVER}/`);
    assert.equal(result.exchanges.length, 2);
    assert.equal(result.outcome.kind, 'ok');
  });

  it('does not follow a 302 (it would turn the POST into a GET) or a cross-origin redirect', async () => {
    for (const [status, location, reason] of [
      [302, '/login', 'redirect.method-change'],
      [308, 'https://elsewhere.example.com/mcp', 'redirect.cross-origin'],
    ] as const) {
      const { result, transport } = await probe({ status, headers: { location }, body: '' });
      assert.equal(transport.requests.length, 1);
      assert.deepEqual(findingIds(result), ['probe.redirect-not-followed']);
      assert.equal(result.findings[0]?.params?.reason, phrase(reason));
      assert.equal(result.outcome.kind === 'failed' ? result.outcome.findingId : undefined, 'probe.redirect-not-followed');
    }
  });

  it('stops when the server cannot be reached', async () => {
    const { result } = await probe({ error: { kind: 'refused', message: 'connect ECONNREFUSED' } });
    assert.deepEqual(findingIds(result), ['http.unreachable']);
    assert.equal(result.outcome.kind, 'failed');
  });

  it('reports a cut body but still reads the status and the challenge', async () => {
    const { result } = await probe({ status: 401, headers: { 'www-authenticate': CHALLENGE }, body: 'x'.repeat(10 * 1024 * 1024) });
    assert.deepEqual(findingIds(result), ['http.body-too-large']);
    assert.equal(result.data.probe?.resourceMetadataUrl, PRM);
    assert.equal(result.outcome.kind, 'ok');
  });

  it('reports a timeout from a real server that never answers', async (t) => {
    const server = createServer(() => {
      /* never answers */
    });
    const port = await listenOnLoopback(server);
    t.after(() => {
      server.closeAllConnections();
      server.close();
    });
    const started = Date.now();
    const { result } = await runOneStep('probe', createFetchTransport(), { serverUrl: `http://127.0.0.1:${port}/mcp`, timeoutMs: 300 });
    assert.ok(Date.now() - started < 3000);
    assert.deepEqual(findingIds(result), ['http.unreachable']);
    assert.equal(result.findings[0]?.params?.kind, 'timeout');
    assert.equal(result.outcome.kind, 'failed');
  });

  it('when initialize needs no token, probes tools/list in the same session and starts from its 401', async () => {
    const transport = cannedTransport({
      [`POST ${SERVER}`]: (request) => {
        const method = (JSON.parse(request.body ?? '{}') as { method?: string }).method;
        if (method === 'initialize') {
          return {
            status: 200,
            headers: { 'content-type': 'text/event-stream', 'mcp-session-id': 'session-7' },
            body: 'event: message\ndata: {"jsonrpc":"2.0","id":1,"result":{"protocolVersion":"2025-06-18","capabilities":{},"serverInfo":{"name":"s","version":"1"}}}\n\n',
          };
        }
        return unauthorized(CHALLENGE) as { status: number };
      },
    });
    const { result } = await runOneStep('probe', transport, { serverUrl: SERVER, spec: '2025-11-25' });
    assert.deepEqual(result.outcome, { kind: 'ok' });
    assert.ok(findingIds(result).includes('probe.initialize-unprotected'));
    assert.equal(result.data.probe?.challengeScope, 'mcp:tools');
    const followUp = transport.requests[1];
    assert.equal((JSON.parse(followUp?.body ?? '{}') as { method?: string }).method, 'tools/list');
    assert.ok(followUp?.headers.some(([n, v]) => n === 'mcp-session-id' && v === 'session-7'));
    assert.ok(followUp?.headers.some(([n, v]) => n === 'mcp-protocol-version' && v === '2025-06-18'));
  });

  it('judged by 2025-11-25, a server that answers initialize and tools/list without a token is not protected', async () => {
    const transport = cannedTransport({ [`POST ${SERVER}`]: { status: 200, body: { jsonrpc: '2.0', id: 1, result: { protocolVersion: '2025-11-25' } } } });
    const { result, session } = await runOneStep('probe', transport, { serverUrl: SERVER, spec: '2025-11-25' });
    assert.deepEqual(result.outcome, { kind: 'ok' });
    assert.equal(transport.requests.length, 2);
    assert.deepEqual(findingIds(result), [SERVER_NOT_PROTECTED]);
    assert.equal(result.data.probe?.era, 'legacy');
    assert.equal(result.data.probe?.unprotected, true);
    assert.equal(session.next, 'authenticated-mcp');
  });
});
