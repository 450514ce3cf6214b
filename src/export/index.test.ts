/**
 * The export entry point's choice of exchanges ("export shown" in the network panel): only the
 * exchanges named are written, in the run's order, redacted unless secrets were asked for.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { defaultFlowOptions } from '../engine/options.js';
import { createSession, type Session } from '../engine/session.js';
import type { Exchange, StepId, StepResult } from '../engine/types.js';
import type { Har } from './har.js';
import { exportSession } from './index.js';

const MCP = 'http://127.0.0.1:4282/mcp';
const AS = 'http://127.0.0.1:4281';

function exchange(id: string, stepId: StepId, method: string, url: string, status: number, headers: [string, string][] = [], body?: string): Exchange {
  return {
    id,
    stepId,
    request: { method, url, headers, ...(body !== undefined ? { body } : {}) },
    response: { status, statusText: '', headers: [], body: '{}', bodyTruncated: false, bodyBytes: 2 },
    timings: { startedAt: '2026-01-01T00:00:00.000Z', durationMs: 4 },
  };
}

function step(stepId: StepId, exchanges: Exchange[]): StepResult {
  return { stepId, exchanges, findings: [], data: {}, outcome: { kind: 'ok' } };
}

function run(): Session {
  return {
    ...createSession(defaultFlowOptions(MCP)),
    results: [
      step('probe', [exchange('ex-1', 'probe', 'POST', MCP, 401)]),
      step('token-request', [exchange('ex-2', 'token-request', 'POST', `${AS}/token`, 200, [], 'grant_type=authorization_code&code=c0de-s3cret&code_verifier=v3rifier')]),
      step('authenticated-mcp', [exchange('ex-3', 'authenticated-mcp', 'POST', MCP, 200, [['Authorization', 'Bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln']]), exchange('ex-4', 'authenticated-mcp', 'GET', `${MCP}?x=1`, 500)]),
    ],
  };
}

const harOf = (text: string) => (JSON.parse(text) as Har).log;

test('exchangeIds keeps only the exchanges named, in the run order', () => {
  const log = harOf(exportSession(run(), 'har', { toolVersion: 'test', includeSecrets: false, exchangeIds: ['ex-4', 'ex-2', 'ex-3'] }));
  assert.deepEqual(
    log.entries.map((entry) => `${entry.request.method} ${entry.request.url} ${entry.response.status}`),
    [`POST ${AS}/token 200`, `POST ${MCP} 200`, `GET ${MCP}?x=1 500`],
  );
});

test('without exchangeIds every exchange is written; with none named, none is', () => {
  assert.equal(harOf(exportSession(run(), 'har', { toolVersion: 'test', includeSecrets: false })).entries.length, 4);
  assert.equal(harOf(exportSession(run(), 'har', { toolVersion: 'test', includeSecrets: false, exchangeIds: [] })).entries.length, 0);
});

test('the chosen exchanges are redacted unless secrets were asked for', () => {
  const options = { toolVersion: 'test', exchangeIds: new Set(['ex-2', 'ex-3']) };
  for (const format of ['har', 'curl'] as const) {
    const redacted = exportSession(run(), format, { ...options, includeSecrets: false });
    for (const secret of ['c0de-s3cret', 'v3rifier', 'Bearer eyJ']) assert.ok(!redacted.includes(secret), `${format} keeps ${secret}`);
    const kept = exportSession(run(), format, { ...options, includeSecrets: true });
    assert.ok(kept.includes('c0de-s3cret'), `${format} with secrets keeps the code`);
  }
});

test('curl of the chosen exchanges has one request per exchange', () => {
  const script = exportSession(run(), 'curl', { toolVersion: 'test', includeSecrets: false, exchangeIds: ['ex-1', 'ex-4'] });
  assert.equal((script.match(/^curl /gm) ?? []).length, 2, script);
  assert.ok(!script.includes('/token'));
});
