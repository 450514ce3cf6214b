/** The workshop routes over real sockets: a real relay driving a real lab. */
import assert from 'node:assert/strict';
import { request, type IncomingHttpHeaders } from 'node:http';
import { describe, test, type TestContext } from 'node:test';
import { RELAY_SECRET_HEADER } from '../../src/wire/relay.js';
import { LAB_FAULTS_PATH, LAB_EXERCISE_PATH, LAB_EXERCISE_REVEAL_PATH, workshopStateSchema, type WorkshopState } from '../../src/wire/workshop.js';
import { LAB_FAULTS, startLab, type Lab } from '../lab/index.js';
import { createWorkshop, exerciseCandidates } from '../lab/workshop.js';
import { startRelay, type Relay } from './index.js';

interface RawAnswer {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

function rawRequest(port: number, options: { method: string; path: string; headers?: Record<string, string>; body?: string }): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method: options.method, path: options.path, headers: options.headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

interface Setup {
  lab: Lab;
  relay: Relay;
  /** A call as the served page makes it: own Host and Origin, the secret. */
  call(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<RawAnswer>;
}

async function setUp(t: TestContext, random?: () => number): Promise<Setup> {
  const lab = await startLab({ autoConsent: true });
  t.after(() => lab.close());
  const relay = await startRelay({ workshop: createWorkshop(lab, random ? { random } : {}), config: { lab: { mcpUrl: lab.mcpUrl, demoUser: lab.demoUser } } });
  t.after(() => relay.close());
  const call: Setup['call'] = (method, path, body, headers = {}) =>
    rawRequest(relay.port, {
      method,
      path,
      headers: {
        host: `127.0.0.1:${relay.port}`,
        origin: relay.url,
        [RELAY_SECRET_HEADER]: relay.secret,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...headers,
      },
      ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
    });
  return { lab, relay, call };
}

function stateOf(answer: RawAnswer): WorkshopState {
  assert.equal(answer.status, 200, answer.body);
  return workshopStateSchema.parse(JSON.parse(answer.body));
}

const activeIds = (state: WorkshopState): string[] => (state.mode === 'switches' ? state.faults.filter((f) => f.active).map((f) => f.id) : []);

async function resourceInMetadata(lab: Lab): Promise<unknown> {
  const answer = await fetch(`${new URL(lab.mcpUrl).origin}/.well-known/oauth-protected-resource/mcp`);
  return ((await answer.json()) as Record<string, unknown>).resource;
}

describe('fault switches', () => {
  test('GET lists every fault with both summaries; PUT switches the running lab, the next request sees it', async (t) => {
    const { lab, call } = await setUp(t);
    const initial = stateOf(await call('GET', LAB_FAULTS_PATH));
    assert.equal(initial.mode, 'switches');
    assert.equal(initial.faults.length, LAB_FAULTS.length);
    assert.deepEqual(activeIds(initial), []);
    const mismatch = initial.faults.find((f) => f.id === 'prm.resource-mismatch');
    assert.ok(mismatch && mismatch.summary.en.length > 0 && /\p{Script=Han}/u.test(mismatch.summary['zh-CN']) && !mismatch.audit);
    assert.equal(initial.faults.find((f) => f.id === 'audit.accepts-query-token')?.audit, true);
    assert.equal(await resourceInMetadata(lab), lab.mcpUrl);

    const switched = stateOf(await call('PUT', LAB_FAULTS_PATH, { faults: ['prm.resource-mismatch'] }));
    assert.deepEqual(activeIds(switched), ['prm.resource-mismatch']);
    assert.deepEqual(lab.faults(), ['prm.resource-mismatch']);
    assert.notEqual(await resourceInMetadata(lab), lab.mcpUrl);

    assert.deepEqual(activeIds(stateOf(await call('PUT', LAB_FAULTS_PATH, { faults: [] }))), []);
    assert.equal(await resourceInMetadata(lab), lab.mcpUrl);
  });

  test('an unknown fault id is a 400 that names it, and nothing changes', async (t) => {
    const { lab, call } = await setUp(t);
    lab.setFaults(['asm.pkce-unsupported']);
    const answer = await call('PUT', LAB_FAULTS_PATH, { faults: ['prm.resource-mismatch', 'prm.no-such-fault'] });
    assert.equal(answer.status, 400);
    assert.match(answer.body, /Unknown fault: prm\.no-such-fault/);
    assert.deepEqual(lab.faults(), ['asm.pkce-unsupported']);
    for (const bad of ['{"faults":"prm.resource-mismatch"}', '{"faults":[],"extra":1}', 'not json']) {
      assert.equal((await call('PUT', LAB_FAULTS_PATH, bad)).status, 400, bad);
    }
    assert.equal((await call('PUT', LAB_FAULTS_PATH, undefined, { 'content-type': 'text/plain' })).status, 415);
    assert.equal((await call('POST', LAB_FAULTS_PATH, { faults: [] })).status, 405);
    assert.deepEqual(lab.faults(), ['asm.pkce-unsupported']);
  });

  test('the relay guard protects every route: no secret, a wrong one, a foreign Origin or Host are refused and change nothing', async (t) => {
    const { lab, relay, call } = await setUp(t);
    const refusals: [Record<string, string>, number][] = [
      [{ [RELAY_SECRET_HEADER]: '' }, 401],
      [{ [RELAY_SECRET_HEADER]: 'guessed' }, 401],
      [{ origin: 'http://evil.example' }, 403],
      [{ host: `evil.example:${relay.port}` }, 403],
    ];
    for (const [headers, status] of refusals) {
      assert.equal((await call('GET', LAB_FAULTS_PATH, undefined, headers)).status, status, JSON.stringify(headers));
      assert.equal((await call('PUT', LAB_FAULTS_PATH, { faults: ['prm.resource-mismatch'] }, headers)).status, status, JSON.stringify(headers));
      assert.equal((await call('POST', LAB_EXERCISE_PATH, { includeAudit: true }, headers)).status, status, JSON.stringify(headers));
    }
    assert.deepEqual(lab.faults(), []);
    assert.equal(stateOf(await call('GET', LAB_FAULTS_PATH)).mode, 'switches');
  });

  test('without the lab the routes do not exist and the config says so', async (t) => {
    const relay = await startRelay();
    t.after(() => relay.close());
    const headers = { host: `127.0.0.1:${relay.port}`, origin: relay.url, [RELAY_SECRET_HEADER]: relay.secret };
    assert.equal((await rawRequest(relay.port, { method: 'GET', path: LAB_FAULTS_PATH, headers })).status, 404);
    const config = await rawRequest(relay.port, { method: 'GET', path: '/api/config', headers });
    assert.equal(JSON.parse(config.body).workshop, undefined);
  });
});

describe('exercise', () => {
  test('start hides the fault it switched on, switches are locked, reveal names it, end restores the previous set', async (t) => {
    // Pinned to mcp.legacy-only-server, wherever it stands among the candidates without audit faults.
    const candidates = exerciseCandidates(false);
    const pinned = (candidates.indexOf('mcp.legacy-only-server') + 0.5) / candidates.length;
    const { lab, call } = await setUp(t, () => pinned);
    assert.equal((await call('GET', '/api/config')).body.includes('"workshop":true'), true);
    lab.setFaults(['asm.pkce-unsupported']);

    const started = await call('POST', LAB_EXERCISE_PATH, { includeAudit: false });
    const hidden = stateOf(started);
    assert.equal(hidden.mode, 'exercise');
    assert.deepEqual(lab.faults(), ['mcp.legacy-only-server']);
    // The answer lists the catalogue (for guessing) but says nothing about which fault is on.
    assert.ok(!('revealed' in hidden));
    for (const fault of hidden.faults) assert.ok(!('active' in fault));
    assert.deepEqual(stateOf(await call('GET', LAB_FAULTS_PATH)), hidden);

    assert.equal((await call('PUT', LAB_FAULTS_PATH, { faults: [] })).status, 409);
    assert.equal((await call('POST', LAB_EXERCISE_PATH, { includeAudit: false })).status, 409);
    assert.deepEqual(lab.faults(), ['mcp.legacy-only-server']);

    const revealed = stateOf(await call('POST', LAB_EXERCISE_REVEAL_PATH));
    assert.equal(revealed.mode === 'exercise' ? revealed.revealed : undefined, 'mcp.legacy-only-server');
    assert.deepEqual(lab.faults(), ['mcp.legacy-only-server']);

    const ended = stateOf(await call('DELETE', LAB_EXERCISE_PATH));
    assert.deepEqual(activeIds(ended), ['asm.pkce-unsupported']);
    assert.deepEqual(lab.faults(), ['asm.pkce-unsupported']);
    assert.equal((await call('POST', LAB_EXERCISE_REVEAL_PATH)).status, 409);
    assert.equal((await call('DELETE', LAB_EXERCISE_PATH)).status, 409);
  });
});
