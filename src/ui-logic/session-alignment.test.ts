/**
 * Lining up two sessions for the compare view: rows per step in flow order with the engine's
 * verdict on each, findings only one side has, and exchanges paired by what they were for, with
 * a gap where only one run made a request.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { defaultFlowOptions } from '../engine/options.js';
import { createSession, type Session, type SessionStatus } from '../engine/session.js';
import type { Exchange, Finding, Outcome, StepId, StepResult } from '../engine/types.js';
import { alignSessions, exchangeKey, pairExchanges } from './session-alignment.js';

let nextId = 1;
function exchange(stepId: StepId, method: string, url: string, answer: number | 'refused', label?: string): Exchange {
  return {
    id: `ex-${nextId++}`,
    stepId,
    ...(label ? { label } : {}),
    request: { method, url, headers: [] },
    ...(answer === 'refused'
      ? { error: { kind: 'refused' as const, message: 'connection refused' } }
      : { response: { status: answer, statusText: '', headers: [], body: '', bodyTruncated: false, bodyBytes: 0 } }),
    timings: { startedAt: '2026-12-06T08:00:00.000Z', durationMs: 3 },
  };
}

function finding(stepId: StepId, id: string, severity: Finding['severity'] = 'error'): Finding {
  return { id, severity, stepId, title: id, detail: '', specRefs: [] };
}

function result(stepId: StepId, outcome: Outcome, exchanges: Exchange[] = [], findings: Finding[] = []): StepResult {
  return { stepId, exchanges, findings, data: {}, outcome };
}

function session(serverUrl: string, results: StepResult[], status: SessionStatus): Session {
  return { ...createSession(defaultFlowOptions(serverUrl)), results, status, next: undefined };
}

const ok: Outcome = { kind: 'ok' };
const failed: Outcome = { kind: 'failed', reason: 'the metadata names another resource', findingId: 'prm.resource-mismatch' };

function cleanRun(serverUrl = 'http://127.0.0.1:4282/mcp'): Session {
  return session(
    serverUrl,
    [
      result('probe', ok, [exchange('probe', 'POST', `${serverUrl}`, 401, 'probe without a token')]),
      result('protected-resource-metadata', ok, [exchange('protected-resource-metadata', 'GET', 'http://127.0.0.1:4282/.well-known/oauth-protected-resource/mcp', 200, 'PRM from resource_metadata')], [
        finding('protected-resource-metadata', 'prm.scopes-missing', 'warning'),
      ]),
      result('authorization-server-metadata', ok, [exchange('authorization-server-metadata', 'GET', 'http://127.0.0.1:4283/.well-known/oauth-authorization-server', 200)]),
    ],
    { kind: 'completed' },
  );
}

describe('alignSessions', () => {
  it('says two equal runs are the same, with every reached step marked same and the rest listed as unreached', () => {
    const alignment = alignSessions(cleanRun(), cleanRun());
    assert.equal(alignment.same, true);
    assert.equal(alignment.differenceCount, 0);
    assert.equal(alignment.acrossServers, false);
    assert.deepEqual(
      alignment.steps.map((row) => [row.stepId, row.mark]),
      [
        ['probe', 'same'],
        ['protected-resource-metadata', 'same'],
        ['authorization-server-metadata', 'same'],
      ],
    );
    assert.ok(alignment.unreached.includes('token-request') && !alignment.unreached.includes('probe'));
    assert.ok(alignment.steps.every((row) => row.exchanges.every((pair) => !pair.differs)));
  });

  it('marks the step where the right run got a new error as a regression, with the finding only on its side', () => {
    const faulty = session(
      'http://127.0.0.1:4282/mcp',
      [
        result('probe', ok, [exchange('probe', 'POST', 'http://127.0.0.1:4282/mcp', 401, 'probe without a token')]),
        result('protected-resource-metadata', failed, [exchange('protected-resource-metadata', 'GET', 'http://127.0.0.1:4282/.well-known/oauth-protected-resource/mcp', 200, 'PRM from resource_metadata')], [
          finding('protected-resource-metadata', 'prm.scopes-missing', 'warning'),
          finding('protected-resource-metadata', 'prm.resource-mismatch'),
        ]),
      ],
      { kind: 'stopped', stepId: 'protected-resource-metadata', reason: 'mismatch', findingId: 'prm.resource-mismatch' },
    );
    const alignment = alignSessions(cleanRun(), faulty);
    assert.equal(alignment.same, false);
    const prm = alignment.steps.find((row) => row.stepId === 'protected-resource-metadata');
    assert.equal(prm?.mark, 'regression');
    assert.ok(prm.differences.some((d) => d.message === 'new error prm.resource-mismatch'));
    assert.equal(prm.right?.outcome, 'failed');
    // Errors first; only the new error is the right side's own.
    assert.deepEqual(prm.right?.findings.map((f) => f.id), ['prm.resource-mismatch', 'prm.scopes-missing']);
    assert.deepEqual([...(prm.right?.onlyHere ?? [])], ['prm.resource-mismatch']);
    assert.deepEqual([...(prm.left?.onlyHere ?? [])], []);
    // The step the faulty run never reached is there, with no right side.
    const asm = alignment.steps.find((row) => row.stepId === 'authorization-server-metadata');
    assert.equal(asm?.mark, 'regression');
    assert.equal(asm.right, undefined);
    assert.equal(asm.exchanges.length, 1);
    assert.equal(asm.exchanges[0]?.differs, true);
    // The run's end is a run-wide difference, counted with the rest.
    assert.ok(alignment.runDifferences.some((d) => d.regression && /stopped at protected-resource-metadata/.test(d.message)));
    assert.equal(alignment.regressionCount, alignment.steps.flatMap((row) => row.differences).filter((d) => d.regression).length + alignment.runDifferences.filter((d) => d.regression).length);

    // Swapped, the same difference is an improvement: the error is gone.
    const swapped = alignSessions(faulty, cleanRun());
    const prmSwapped = swapped.steps.find((row) => row.stepId === 'protected-resource-metadata');
    assert.equal(prmSwapped?.mark, 'changed');
    assert.ok(prmSwapped.differences.some((d) => d.message === 'error prm.resource-mismatch is gone'));
  });

  it('judges a step that ran twice by its last run, and pairs the exchanges of both runs', () => {
    const url = 'http://127.0.0.1:4282/.well-known/oauth-protected-resource/mcp';
    const retried = session(
      'http://127.0.0.1:4282/mcp',
      [
        result('probe', ok, [exchange('probe', 'POST', 'http://127.0.0.1:4282/mcp', 401, 'probe without a token')]),
        result('protected-resource-metadata', failed, [exchange('protected-resource-metadata', 'GET', url, 200, 'PRM from resource_metadata')], [finding('protected-resource-metadata', 'prm.resource-mismatch')]),
        // Continued leniently: the same request again, and the step passes with the finding kept as a warning.
        result('protected-resource-metadata', ok, [exchange('protected-resource-metadata', 'GET', url, 200, 'PRM from resource_metadata')], [finding('protected-resource-metadata', 'prm.resource-mismatch', 'warning')]),
        result('authorization-server-metadata', ok, [exchange('authorization-server-metadata', 'GET', 'http://127.0.0.1:4283/.well-known/oauth-authorization-server', 200)]),
      ],
      { kind: 'completed' },
    );
    const prm = alignSessions(cleanRun(), retried).steps.find((row) => row.stepId === 'protected-resource-metadata');
    assert.equal(prm?.right?.runs, 2);
    assert.equal(prm.right?.outcome, 'ok');
    assert.equal(prm.left?.runs, 1);
    // No new error in the last run (a warning is not an error), so not a regression.
    assert.equal(prm.mark, 'same');
    assert.deepEqual([...(prm.right?.onlyHere ?? [])], ['prm.resource-mismatch']);
    assert.deepEqual(
      prm.exchanges.map((pair) => [Boolean(pair.left), Boolean(pair.right), pair.differs]),
      [
        [true, true, false],
        [false, true, true],
      ],
    );
  });

  it('compares runs against different servers anyway, and says so', () => {
    const alignment = alignSessions(cleanRun('http://127.0.0.1:4282/mcp'), cleanRun('https://staging.example/mcp'));
    assert.equal(alignment.acrossServers, true);
    assert.equal(alignment.same, true);
    assert.equal(alignment.steps.length, 3);
  });
});

describe('pairExchanges', () => {
  it('pairs by method and label across hosts, leaving a gap where only one run made a request', () => {
    const left = [
      exchange('protected-resource-metadata', 'GET', 'http://a.example/.well-known/oauth-protected-resource/mcp', 404, 'PRM, path-aware well-known'),
      exchange('protected-resource-metadata', 'GET', 'http://a.example/.well-known/oauth-protected-resource', 200, 'PRM, root well-known'),
    ];
    const right = [
      exchange('protected-resource-metadata', 'GET', 'http://b.example/.well-known/oauth-protected-resource/x', 200, 'PRM from resource_metadata'),
      exchange('protected-resource-metadata', 'GET', 'http://b.example/.well-known/oauth-protected-resource/mcp', 404, 'PRM, path-aware well-known'),
      exchange('protected-resource-metadata', 'GET', 'http://b.example/.well-known/oauth-protected-resource', 'refused', 'PRM, root well-known'),
    ];
    const pairs = pairExchanges(left, right);
    assert.deepEqual(
      pairs.map((p) => [p.left?.id ?? null, p.right?.id ?? null, p.differs]),
      [
        [null, right[0]?.id, true],
        [left[0]?.id, right[1]?.id, false],
        // Same request, but no answer this time.
        [left[1]?.id, right[2]?.id, true],
      ],
    );
  });

  it('keys an unlabelled exchange by method and path, not by query or host', () => {
    const a = exchange('authorization-request', 'GET', 'http://a.example/authorize?state=one&code_challenge=x', 302);
    const b = exchange('authorization-request', 'GET', 'http://b.example/authorize?state=two', 302);
    assert.equal(exchangeKey(a), exchangeKey(b));
    assert.notEqual(exchangeKey(a), exchangeKey(exchange('authorization-request', 'POST', 'http://a.example/authorize', 302)));
    assert.deepEqual(
      pairExchanges([a], [b]).map((p) => p.differs),
      [false],
    );
  });

  it('keeps both orders when one side repeats a request', () => {
    const key = (n: number) => exchange('authenticated-mcp', 'POST', 'http://a.example/mcp', n, 'tools/list');
    const call = exchange('authenticated-mcp', 'POST', 'http://a.example/mcp', 200, 'tools/call add_numbers');
    const left = [key(200), call];
    const right = [key(401), key(200), exchange('authenticated-mcp', 'POST', 'http://a.example/mcp', 200, 'tools/call add_numbers')];
    const pairs = pairExchanges(left, right);
    assert.equal(pairs.length, 3);
    assert.deepEqual(
      pairs.map((p) => [p.left?.label ?? null, p.right?.label ?? null]),
      [
        [null, 'tools/list'],
        ['tools/list', 'tools/list'],
        ['tools/call add_numbers', 'tools/call add_numbers'],
      ],
    );
    assert.deepEqual(
      pairs.map((p) => p.differs),
      [true, false, false],
    );
  });
});
