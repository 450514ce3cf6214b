/** `POST /api/clients` over real sockets: a real relay running the real SDK clients against a real lab. */
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { after, before, describe, test } from 'node:test';
import { RELAY_SECRET_HEADER } from '../../src/wire/relay.js';
import { CLIENTS_PATH, clientsAnswerSchema } from '../../src/wire/clients.js';
import { runSdkClients } from '../clients/run-sdk-clients.js';
import { startLab, type Lab } from '../lab/index.js';
import { startRelay, type Relay } from './index.js';

function rawRequest(port: number, options: { method: string; path: string; headers: Record<string, string>; body?: string }): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method: options.method, path: options.path, headers: options.headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

describe('POST /api/clients', () => {
  let lab: Lab;
  let relay: Relay;
  const logLines: string[] = [];
  before(async () => {
    lab = await startLab({ autoConsent: true });
    relay = await startRelay({ clients: (body) => runSdkClients(body), log: (line) => logLines.push(line) });
  });
  after(async () => {
    await relay.close();
    await lab.close();
  });

  const call = (body: unknown, headers: Record<string, string> = {}, method = 'POST') =>
    rawRequest(relay.port, {
      method,
      path: CLIENTS_PATH,
      headers: { host: `127.0.0.1:${relay.port}`, origin: relay.url, [RELAY_SECRET_HEADER]: relay.secret, 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });

  test('the page’s call runs both SDK clients against the lab and answers with their results', async () => {
    const answer = await call({ serverUrl: lab.mcpUrl, clientSecret: 'never-logged-secret' });
    assert.equal(answer.status, 200, answer.body);
    const { results } = clientsAnswerSchema.parse(JSON.parse(answer.body));
    assert.deepEqual(results.map((result) => [result.client, result.connected, result.tools]), [
      ['sdk-v1', true, 2],
      ['sdk-v2', true, 2],
    ]);
    assert.ok(logLines.some((line) => /clients ran: sdk-v1 connected, sdk-v2 connected/.test(line)));
    assert.ok(!logLines.some((line) => line.includes('never-logged-secret') || line.includes(lab.mcpUrl)));
  });

  test('a page on another origin, a call without the secret and a foreign Host are refused before anything runs', async () => {
    const before = logLines.filter((line) => line.includes('clients ran')).length;
    assert.equal((await call({ serverUrl: lab.mcpUrl }, { origin: 'http://evil.example' })).status, 403);
    assert.equal((await call({ serverUrl: lab.mcpUrl }, { [RELAY_SECRET_HEADER]: 'wrong' })).status, 401);
    assert.equal((await call({ serverUrl: lab.mcpUrl }, { host: `rebound.example:${relay.port}` })).status, 403);
    assert.equal(logLines.filter((line) => line.includes('clients ran')).length, before);
    assert.ok(logLines.some((line) => /clients call refused \(foreign-origin\)/.test(line)));
  });

  test('a body that is not a clients request, a URL that is not http(s), and another method are refused', async () => {
    const extra = await call({ serverUrl: lab.mcpUrl, header: 'x' });
    assert.equal(extra.status, 400);
    assert.match(extra.body, /not what POST expects/);
    const ftp = await call({ serverUrl: 'ftp://127.0.0.1/mcp' });
    assert.equal(ftp.status, 400);
    assert.match(ftp.body, /http\(s\) URL/);
    assert.equal((await call({ serverUrl: lab.mcpUrl }, {}, 'PUT')).status, 405);
  });

  test('a relay started without the clients answers 404 there', async () => {
    const bare = await startRelay();
    try {
      const answer = await rawRequest(bare.port, { method: 'POST', path: CLIENTS_PATH, headers: { host: `127.0.0.1:${bare.port}`, [RELAY_SECRET_HEADER]: bare.secret, 'content-type': 'application/json' }, body: '{}' });
      assert.equal(answer.status, 404);
    } finally {
      await bare.close();
    }
  });
});
