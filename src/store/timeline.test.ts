import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { defaultFlowOptions } from '../engine/options.js';
import { createSession, type Session } from '../engine/session.js';
import { STEP_IDS, type Finding, type StepId, type StepResult } from '../engine/types.js';
import { latestResultIndex, resultIndexOfExchange, runFindingCounts, timelineEntries } from './timeline.js';

const finding = (stepId: StepId, severity: Finding['severity']): Finding => ({ id: `x.${severity}`, severity, stepId, title: '', detail: '', specRefs: [] });

const result = (stepId: StepId, patch: Partial<StepResult> = {}): StepResult => ({ stepId, exchanges: [], findings: [], data: {}, outcome: { kind: 'ok' }, ...patch });

function session(results: StepResult[], status: Session['status'], next?: StepId): Session {
  return { ...createSession(defaultFlowOptions('https://mcp.example/mcp')), results, status, ...(next ? { next } : { next: undefined }) };
}

describe('timelineEntries', () => {
  it('shows every step pending without a session, the first up next', () => {
    const entries = timelineEntries(undefined);
    assert.deepEqual(
      entries.map((e) => e.stepId),
      [...STEP_IDS],
    );
    assert.equal(entries.every((e) => e.status === 'pending'), true);
    assert.equal(entries[0]?.upNext, true);
  });

  it('derives each run’s status from its outcome and worst finding, then lists what comes', () => {
    const s = session(
      [
        result('probe', { findings: [finding('probe', 'info')] }),
        result('protected-resource-metadata', { findings: [finding('probe', 'warning'), finding('probe', 'info')] }),
        result('authorization-server-metadata', { findings: [finding('probe', 'error')] }),
        result('client-registration', { outcome: { kind: 'skipped', reason: 'x' } }),
      ],
      { kind: 'ready' },
      'authorization-request',
    );
    const entries = timelineEntries(s, 'authorization-request');
    assert.deepEqual(
      entries.slice(0, 6).map((e) => [e.stepId, e.status]),
      [
        ['probe', 'ok'],
        ['protected-resource-metadata', 'warning'],
        ['authorization-server-metadata', 'error'],
        ['client-registration', 'skipped'],
        ['authorization-request', 'running'],
        ['authorization-response', 'pending'],
      ],
    );
    assert.deepEqual(entries[1]?.findingCounts, { error: 0, warning: 1, info: 1 });
    assert.equal(entries.length, STEP_IDS.length);
  });

  it('marks the step that waits for the person', () => {
    const s = session([result('probe'), result('authorization-request', { outcome: { kind: 'needs-user', action: { kind: 'open-authorization-url', url: 'u', redirectUri: 'r' } } })], { kind: 'waiting', stepId: 'authorization-request', action: { kind: 'open-authorization-url', url: 'u', redirectUri: 'r' } }, 'authorization-response');
    const waiting = timelineEntries(s).find((e) => e.upNext);
    assert.deepEqual([waiting?.stepId, waiting?.status], ['authorization-response', 'waiting']);
  });

  it('shows a step-up loop as repeated steps with their round', () => {
    const s = session(
      [result('token-request'), result('authenticated-mcp'), result('authorization-request'), result('authorization-response'), result('token-request'), result('authenticated-mcp')],
      { kind: 'completed' },
      'audit',
    );
    const entries = timelineEntries(s);
    assert.equal(entries.length, 6, 'a completed flow has nothing to come');
    assert.deepEqual(
      entries.filter((e) => e.stepId === 'authenticated-mcp').map((e) => e.round),
      [1, 2],
    );
  });

  it('keeps the steps a stop kept from running in view', () => {
    const s = session([result('probe'), result('protected-resource-metadata', { outcome: { kind: 'failed', reason: 'r' } })], { kind: 'stopped', stepId: 'protected-resource-metadata', reason: 'r' }, 'protected-resource-metadata');
    const entries = timelineEntries(s);
    assert.equal(entries[1]?.status, 'error');
    assert.equal(entries.length, STEP_IDS.length);
    assert.equal(entries.slice(2).every((e) => e.status === 'pending' && !e.upNext), true);
  });
});

describe('lookups', () => {
  it('finds the latest run of a step, the run of an exchange, and counts findings', () => {
    const exchange = { id: 'ex-2', stepId: 'probe' as const, request: { method: 'GET', url: 'u', headers: [] }, timings: { startedAt: '', durationMs: 0 } };
    const s = session([result('probe', { findings: [finding('probe', 'error')] }), result('probe', { exchanges: [exchange], findings: [finding('probe', 'info')] })], { kind: 'ready' }, 'protected-resource-metadata');
    assert.equal(latestResultIndex(s, 'probe'), 1);
    assert.equal(latestResultIndex(s, 'audit'), undefined);
    assert.equal(resultIndexOfExchange(s, 'ex-2'), 1);
    assert.equal(resultIndexOfExchange(s, 'ex-9'), undefined);
    assert.deepEqual(runFindingCounts(s), { error: 1, warning: 0, info: 1 });
  });
});
