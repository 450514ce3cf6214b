import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { defaultFlowOptions } from '../engine/options.js';
import { createSession, type Session } from '../engine/session.js';
import type { StepId, StepResult } from '../engine/types.js';
import { nextMove, previousMove, shownStep, waitsForSignIn } from './presenter-navigation.js';

const result = (stepId: StepId): StepResult => ({ stepId, exchanges: [], findings: [], data: {}, outcome: { kind: 'ok' } });

/** A run that has done `steps` and waits for `next` (or has the status given). */
function run(steps: StepId[], next: StepId | undefined, status: Session['status'] = { kind: 'ready' }): Session {
  return { ...createSession(defaultFlowOptions('https://mcp.example.com/mcp')), results: steps.map(result), next, status };
}

describe('presenter navigation', () => {
  it('shows the step picked, else the one up next, else the first', () => {
    assert.deepEqual(shownStep(undefined, undefined), { stepId: 'probe' });
    const session = run(['probe', 'protected-resource-metadata'], 'authorization-server-metadata');
    assert.deepEqual(shownStep(session, undefined), { stepId: 'authorization-server-metadata' });
    // A step picked without a run of it (the one running) is shown as not run, as the step details show it.
    assert.deepEqual(shownStep(session, { stepId: 'authorization-server-metadata' }), { stepId: 'authorization-server-metadata' });
    assert.deepEqual(shownStep(session, { stepId: 'protected-resource-metadata', resultIndex: 1 }), { stepId: 'protected-resource-metadata', resultIndex: 1 });
  });

  it('next starts a run, walks forward through steps already run, then runs the one up next', () => {
    assert.deepEqual(nextMove(undefined, { stepId: 'probe' }), { kind: 'start' });
    const session = run(['probe', 'protected-resource-metadata'], 'authorization-server-metadata');
    assert.deepEqual(nextMove(session, { stepId: 'probe', resultIndex: 0 }), { kind: 'select', selection: { stepId: 'protected-resource-metadata', resultIndex: 1 } });
    assert.deepEqual(nextMove(session, { stepId: 'protected-resource-metadata', resultIndex: 1 }), { kind: 'run-next' });
    assert.deepEqual(nextMove(session, { stepId: 'authorization-server-metadata' }), { kind: 'run-next' });
  });

  it('next does nothing while the flow waits for the person, or once it stopped or completed', () => {
    const action = { kind: 'open-authorization-url' as const, url: 'https://as.example/authorize', redirectUri: 'http://127.0.0.1/callback' };
    const waiting = run(['probe', 'authorization-request'], 'authorization-response', { kind: 'waiting', stepId: 'authorization-request', action } as Session['status']);
    assert.deepEqual(nextMove(waiting, { stepId: 'authorization-request', resultIndex: 1 }), { kind: 'none' });
    assert.equal(waitsForSignIn(waiting, { stepId: 'authorization-request', resultIndex: 1 }), true);
    assert.equal(waitsForSignIn(waiting, { stepId: 'probe', resultIndex: 0 }), false, 'an earlier step shown: the next thing is to go forward');
    const completed = run(['probe', 'cors'], undefined, { kind: 'completed' });
    assert.deepEqual(nextMove(completed, { stepId: 'cors', resultIndex: 1 }), { kind: 'none' });
    assert.equal(waitsForSignIn(completed, { stepId: 'cors', resultIndex: 1 }), false);
  });

  it('previous walks back from a step run or the one up next, and stops at the first', () => {
    assert.deepEqual(previousMove(undefined, { stepId: 'probe' }), { kind: 'none' });
    const session = run(['probe', 'protected-resource-metadata'], 'authorization-server-metadata');
    assert.deepEqual(previousMove(session, { stepId: 'authorization-server-metadata' }), { kind: 'select', selection: { stepId: 'protected-resource-metadata', resultIndex: 1 } });
    assert.deepEqual(previousMove(session, { stepId: 'protected-resource-metadata', resultIndex: 1 }), { kind: 'select', selection: { stepId: 'probe', resultIndex: 0 } });
    assert.deepEqual(previousMove(session, { stepId: 'probe', resultIndex: 0 }), { kind: 'none' });
    assert.deepEqual(previousMove(run([], 'probe'), { stepId: 'probe' }), { kind: 'none' });
  });
});
