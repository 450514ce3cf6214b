/** The runner: step order, stops, waits, step-up loops and the session's final shape. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { defaultFlowOptions } from './options.js';
import { createSession, provideCallback, runFlow, runStep, type EngineDeps } from './session.js';
import { because } from './checks/engine-phrases.js';
import { failed, ok, skipped, type StepDefinition } from './step.js';
import { noNetwork } from './test-kit.js';
import { STEP_IDS, type StepId } from './types.js';

/** Every stage answers ok unless overridden, and says which stages ran. */
function scriptedSteps(overrides: Partial<Record<StepId, StepDefinition['run']>> = {}) {
  const ran: StepId[] = [];
  const steps = Object.fromEntries(
    STEP_IDS.map((id) => [id, { id, run: async (ctx: Parameters<StepDefinition['run']>[0]) => (ran.push(id), (overrides[id] ?? (async () => ok()))(ctx)) }]),
  ) as Record<StepId, StepDefinition>;
  return { ran, deps: { transport: noNetwork, steps } satisfies EngineDeps };
}

const options = defaultFlowOptions('https://mcp.example.com/mcp');

describe('session runner', () => {
  it('runs every stage in spec order and ends completed with nothing next', async () => {
    const { ran, deps } = scriptedSteps();
    const session = await runFlow(createSession(options), deps);
    assert.deepEqual(ran, [...STEP_IDS]);
    assert.deepEqual(session.status, { kind: 'completed' });
    assert.equal(session.next, undefined);
    assert.equal(session.results.length, STEP_IDS.length);
  });

  it('stops at a failed step and names it; skipped steps do not stop the flow', async () => {
    const { ran, deps } = scriptedSteps({
      'client-registration': async () => skipped(because('outcome.registration.no-path')),
      'token-request': async () => failed(because('outcome.token.no-usable-token'), 'token.error-response'),
    });
    const session = await runFlow(createSession(options), deps);
    assert.equal(ran.at(-1), 'token-request');
    assert.deepEqual(session.status, {
      kind: 'stopped',
      stepId: 'token-request',
      reason: 'The token endpoint issued no usable access token.',
      reasonId: 'outcome.token.no-usable-token',
      findingId: 'token.error-response',
    });
  });

  it('waits for a person at the authorization request, then goes on from the callback', async () => {
    const action = { kind: 'open-authorization-url' as const, url: 'https://as.example.com/authorize?x=1', redirectUri: 'http://127.0.0.1:4280/callback' };
    const { ran, deps } = scriptedSteps({
      'authorization-request': async () => ({ outcome: { kind: 'needs-user', action } }),
      'authorization-response': async (ctx) => (ctx.data.callbackUrl ? ok() : failed(because('outcome.authorization-response.no-request'))),
    });
    const waiting = await runFlow(createSession(options), deps);
    assert.deepEqual(waiting.status, { kind: 'waiting', stepId: 'authorization-request', action });
    assert.equal(ran.at(-1), 'authorization-request');
    const resumed = await runFlow(provideCallback(waiting, 'http://127.0.0.1:4280/callback?code=c&state=s'), deps);
    assert.deepEqual(resumed.status, { kind: 'completed' });
  });

  it('loops back to the authorization request on a step-up, and the loop is bounded', async () => {
    const { ran, deps } = scriptedSteps({ 'authenticated-mcp': async () => ok({ stepUpScope: 'more' }) });
    const session = await runFlow(createSession({ ...options, maxStepUps: 2 }), deps);
    assert.ok(ran.filter((id) => id === 'authorization-request').length > 1, 'stepped up');
    assert.equal(ran.length, STEP_IDS.length * (2 + 2), 'bounded by the runner');
    assert.equal(session.status.kind, 'stopped');
  });

  it('turns a step that throws into an internal-error finding, not a crash', async () => {
    const { deps } = scriptedSteps({
      probe: async () => {
        throw new Error('boom');
      },
    });
    const session = await runStep(createSession(options), deps);
    assert.equal(session.status.kind, 'stopped');
    assert.deepEqual(session.results[0]?.findings.map((f) => f.id), ['engine.internal-error']);
  });

  it('numbers exchanges across steps without gaps or repeats', async () => {
    const { deps } = scriptedSteps({
      probe: async (ctx) => (await ctx.http.send({ url: 'https://mcp.example.com/mcp' }), ok()),
      'protected-resource-metadata': async (ctx) => (await ctx.http.send({ url: 'https://mcp.example.com/a' }), await ctx.http.send({ url: 'https://mcp.example.com/b' }), ok()),
    });
    const session = await runFlow(createSession(options), deps);
    assert.deepEqual(session.results.flatMap((r) => r.exchanges.map((e) => e.id)), ['ex-1', 'ex-2', 'ex-3']);
  });
});

describe('session runner: data that cannot be kept', () => {
  it('a step whose data nests past any depth or loops is stopped with a finding, and the session stays serialisable', async () => {
    const cyclic: Record<string, unknown> = { name: 'loop' };
    cyclic.self = cyclic;
    let deep: Record<string, unknown> = { leaf: 1 };
    for (let i = 0; i < 5_000; i++) deep = { a: deep };
    for (const value of [cyclic, deep]) {
      const { deps } = scriptedSteps({ 'protected-resource-metadata': async () => ok({ protectedResource: { metadataUrl: 'x', resource: 'x', authorizationServers: [], document: value } }) });
      const session = await runFlow(createSession(options), deps);
      assert.deepEqual(session.status.kind === 'stopped' ? [session.status.stepId, session.status.findingId] : session.status, ['protected-resource-metadata', 'engine.internal-error']);
      assert.equal(session.data.protectedResource, undefined);
      assert.doesNotThrow(() => JSON.stringify(session));
    }
  });
});
