import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { test, type TestContext } from 'node:test';
import { createRelayTransport, resultFromEnvelope } from './relay-transport.js';
import { RELAY_PATH, RELAY_SECRET_HEADER } from '../wire/relay.js';
import type { TransportRequest } from './transport.js';
import { freePort, listenOnLoopback } from '../../server/test-support/free-port.js';

/** A stand-in relay on a real socket, answering whatever the test needs (the real one is tested in server/relay). */
async function fakeRelay(t: TestContext, handler: (req: IncomingMessage, res: ServerResponse, body: string) => void): Promise<string> {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => handler(req, res, Buffer.concat(chunks).toString('utf8')));
  });
  const port = await listenOnLoopback(server);
  t.after(
    () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  );
  return `http://127.0.0.1:${port}`;
}

const request: TransportRequest = {
  method: 'POST',
  url: 'https://as.example/token',
  headers: [['content-type', 'application/x-www-form-urlencoded']],
  body: 'grant_type=authorization_code',
  timeoutMs: 1_234,
  maxBodyBytes: 5_678,
};

test('posts the request as JSON to /api/relay with the secret, and returns the relayed result', async (t) => {
  let seen: { method?: string; url?: string; secret?: string | string[]; contentType?: string; call?: unknown } = {};
  const base = await fakeRelay(t, (req, res, body) => {
    seen = { method: req.method, url: req.url, secret: req.headers[RELAY_SECRET_HEADER], contentType: req.headers['content-type'], call: JSON.parse(body) };
    res.setHeader('content-type', 'application/json');
    res.end(
      JSON.stringify({
        relay: { ok: true },
        result: { ok: true, response: { status: 302, statusText: 'Found', headers: [['location', '/next']], body: '', bodyTruncated: false, bodyBytes: 0 } },
      }),
    );
  });
  const result = await createRelayTransport(`${base}//`, 's3cret').send(request);
  assert.deepEqual(result, {
    ok: true,
    response: { status: 302, statusText: 'Found', headers: [['location', '/next']], body: '', bodyTruncated: false, bodyBytes: 0 },
  });
  assert.equal(seen.method, 'POST');
  assert.equal(seen.url, RELAY_PATH);
  assert.equal(seen.secret, 's3cret');
  assert.equal(seen.contentType, 'application/json');
  assert.deepEqual(seen.call, {
    method: 'POST',
    url: 'https://as.example/token',
    headers: [['content-type', 'application/x-www-form-urlencoded']],
    body: 'grant_type=authorization_code',
    timeoutMs: 1_234,
    maxBodyBytes: 5_678,
  });
});

test('a relay refusal becomes a relay-rejected error carrying the status and the relay’s reason', async (t) => {
  const base = await fakeRelay(t, (_req, res) => {
    res.writeHead(403, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ relay: { ok: false, error: { kind: 'relay-rejected', message: 'Host is not this relay.' } } }));
  });
  const result = await createRelayTransport(base, 'x').send(request);
  assert.equal(result.ok, false);
  assert.equal(result.ok ? undefined : result.error.kind, 'relay-rejected');
  assert.match(result.ok ? '' : result.error.message, /\(403\): Host is not this relay\./);
});

test('an answer that is not the relay’s envelope is relay-rejected, not a crash', async (t) => {
  const base = await fakeRelay(t, (_req, res) => {
    res.writeHead(502, { 'content-type': 'text/html' });
    res.end('<html>Bad gateway</html>');
  });
  const result = await createRelayTransport(base, 'x').send(request);
  assert.equal(result.ok ? undefined : result.error.kind, 'relay-rejected');
  assert.match(result.ok ? '' : result.error.message, /502/);
});

test('an unreachable relay is relay-rejected', async () => {
  // A port that was free a moment ago: bound, then released.
  const result = await createRelayTransport(`http://127.0.0.1:${await freePort()}`, 'x').send(request);
  assert.equal(result.ok ? undefined : result.error.kind, 'relay-rejected');
  assert.match(result.ok ? '' : result.error.message, /could not be reached/);
});

test('resultFromEnvelope keeps typed upstream errors and refuses malformed shapes', () => {
  const partial = { status: 200, statusText: 'OK', headers: [], body: 'abc', bodyTruncated: true, bodyBytes: 10 };
  assert.deepEqual(resultFromEnvelope(200, { relay: { ok: true }, result: { ok: false, error: { kind: 'too-large', message: 'cut' }, response: partial } }), {
    ok: false,
    error: { kind: 'too-large', message: 'cut' },
    response: partial,
  });
  assert.deepEqual(resultFromEnvelope(200, { relay: { ok: true }, result: { ok: false, error: { kind: 'timeout', message: 'slow' } } }), {
    ok: false,
    error: { kind: 'timeout', message: 'slow' },
  });
  const malformed: unknown[] = [
    null,
    'text',
    { relay: true },
    { relay: { ok: true } },
    { relay: { ok: true }, result: { ok: true } },
    { relay: { ok: true }, result: { ok: true, response: { ...partial, headers: [['only-name']] } } },
    { relay: { ok: true }, result: { ok: true, response: { ...partial, status: '200' } } },
    { relay: { ok: true }, result: { ok: false, error: { kind: 'made-up', message: 'x' } } },
    { relay: { ok: true }, result: { ok: false, error: { kind: 'timeout', message: 'x' }, response: { status: 1 } } },
    { relay: { ok: false } },
  ];
  for (const envelope of malformed) {
    const result = resultFromEnvelope(200, envelope);
    assert.equal(result.ok ? undefined : result.error.kind, 'relay-rejected', JSON.stringify(envelope));
  }
});
