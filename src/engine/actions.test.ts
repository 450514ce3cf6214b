import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { continueLeniently, refreshAgain, runAgain } from './actions.js';
import { cannedTransport } from './test-kit.js';
import type { TokenData } from './flow-data.js';
import { defaultFlowOptions } from './options.js';
import { createSession, runFlow, type EngineDeps, type Session } from './session.js';
import { because } from './checks/engine-phrases.js';
import { failed, ok, skipped, type StepDefinition } from './step.js';
import { STEP_IDS, type StepId } from './types.js';

const SERVER = 'https://mcp.example.test/mcp';

const tokens = (accessToken: string, refreshToken?: string): TokenData => ({
  accessToken,
  tokenType: 'Bearer',
  receivedAt: '2026-01-01T00:00:00.000Z',
  grant: 'authorization_code',
  ...(refreshToken ? { refreshToken } : {}),
});

/**
 * A step table where every stage succeeds at once; authenticated-mcp calls the tool named in
 * the options (a tool named `needs-more-scope` answers with a step-up), and refresh trades the
 * refresh token it sees for the next one, as a rotating authorization server does.
 */
function fakeSteps(seenRefreshTokens: string[] = []): Partial<Record<StepId, StepDefinition>> {
  const steps: Partial<Record<StepId, StepDefinition>> = {};
  for (const id of STEP_IDS) steps[id] = { id, run: async () => ok() };
  steps['token-request'] = { id: 'token-request', run: async () => ok({ tokens: tokens('at-1', 'rt-1') }) };
  steps['authenticated-mcp'] = {
    id: 'authenticated-mcp',
    run: async (ctx) => {
      const call = ctx.options.toolCall;
      const stepUps = ctx.data.mcp?.stepUps ?? 0;
      if (call?.name === 'needs-more-scope' && stepUps === 0) {
        return ok({ mcp: { toolCalls: [], stepUps: 1 }, stepUpScope: 'mcp:admin' });
      }
      const toolCalls = call ? [{ name: call.name, arguments: call.arguments, result: { content: [] } }] : [];
      return ok({ mcp: { tools: [], toolCalls, stepUps }, stepUpScope: undefined });
    },
  };
  steps.refresh = {
    id: 'refresh',
    run: async (ctx) => {
      if (!ctx.options.refresh) return skipped(because('outcome.refresh.off'));
      const current = ctx.data.tokens?.refreshToken;
      if (!current) return skipped(because('outcome.refresh.no-refresh-token'));
      seenRefreshTokens.push(current);
      const n = Number(current.slice(3)) + 1;
      return ok({ refreshedTokens: tokens(`at-${n}`, `rt-${n}`) });
    },
  };
  return steps;
}

async function completedSession(deps: EngineDeps): Promise<Session> {
  const session = await runFlow(createSession(defaultFlowOptions(SERVER)), deps);
  assert.equal(session.status.kind, 'completed');
  return session;
}

describe('runAgain', () => {
  it('appends a result and leaves a completed flow completed', async () => {
    const deps: EngineDeps = { transport: cannedTransport({}), steps: fakeSteps() };
    const before = await completedSession(deps);
    const after = await runAgain(before, deps, 'authenticated-mcp', { toolCall: { name: 'add_numbers', arguments: { a: 2, b: 3 } } });

    assert.equal(after.results.length, before.results.length + 1);
    assert.equal(after.results.at(-1)?.stepId, 'authenticated-mcp');
    assert.deepEqual(after.status, { kind: 'completed' });
    assert.equal(after.next, before.next);
    assert.equal(after.options.toolCall, undefined, 'the patch applies to that run only');
    assert.deepEqual(after.data.mcp?.toolCalls.map((c) => c.arguments), [{ a: 2, b: 3 }]);
    assert.equal(before.results.length, STEP_IDS.length, 'the input session is not changed');
  });

  it('keeps earlier tool calls when another one is made', async () => {
    const deps: EngineDeps = { transport: cannedTransport({}), steps: fakeSteps() };
    const first = await runAgain(await completedSession(deps), deps, 'authenticated-mcp', { toolCall: { name: 'a', arguments: {} } });
    const second = await runAgain(first, deps, 'authenticated-mcp', { toolCall: { name: 'b', arguments: { x: 1 } } });
    assert.deepEqual(
      second.data.mcp?.toolCalls.map((c) => c.name),
      ['a', 'b'],
    );
  });

  it('sends the flow back to the authorization request on a step-up, keeping the call for the retry', async () => {
    const deps: EngineDeps = { transport: cannedTransport({}), steps: fakeSteps() };
    const after = await runAgain(await completedSession(deps), deps, 'authenticated-mcp', { toolCall: { name: 'needs-more-scope', arguments: {} } });
    assert.deepEqual(after.status, { kind: 'ready' });
    assert.equal(after.next, 'authorization-request');
    assert.equal(after.data.stepUpScope, 'mcp:admin');
    assert.equal(after.options.toolCall?.name, 'needs-more-scope');

    const retried = await runFlow(after, deps);
    assert.equal(retried.status.kind, 'completed');
    assert.equal(retried.data.mcp?.toolCalls.at(-1)?.name, 'needs-more-scope');
  });

  it('numbers the new exchanges after the earlier ones', async () => {
    const transport = cannedTransport({ [SERVER]: { status: 200, body: 'ok' } });
    const steps = fakeSteps();
    steps.probe = { id: 'probe', run: async (ctx) => (await ctx.http.send({ url: SERVER }), ok()) };
    const deps: EngineDeps = { transport, steps };
    const before = await completedSession(deps);
    const after = await runAgain(before, deps, 'probe');
    assert.deepEqual(
      after.results.flatMap((r) => r.exchanges.map((e) => e.id)),
      ['ex-1', 'ex-2'],
    );
    assert.equal(after.exchangeCounter, 3);
  });
});

describe('refreshAgain', () => {
  it('uses the newest refresh token and keeps the tokens of the token request', async () => {
    const seen: string[] = [];
    const deps: EngineDeps = { transport: cannedTransport({}), steps: fakeSteps(seen) };
    const before = await completedSession(deps);
    assert.equal(before.data.refreshedTokens?.refreshToken, 'rt-2');

    const once = await refreshAgain(before, deps);
    const twice = await refreshAgain(once, deps);
    assert.deepEqual(seen, ['rt-1', 'rt-2', 'rt-3']);
    assert.equal(twice.data.tokens?.accessToken, 'at-1');
    assert.equal(twice.data.refreshedTokens?.accessToken, 'at-4');
    assert.equal(twice.options.refresh, before.options.refresh);
    assert.equal(twice.results.filter((r) => r.stepId === 'refresh').length, 3);
  });

  it('returns the session unchanged when there are no tokens', async () => {
    const session = createSession(defaultFlowOptions(SERVER));
    const deps: EngineDeps = { transport: cannedTransport({}), steps: fakeSteps() };
    assert.equal(await refreshAgain(session, deps), session);
  });
});

describe('continueLeniently', () => {
  it('re-runs the stopped step in lenient mode', async () => {
    const steps = fakeSteps();
    steps['protected-resource-metadata'] = {
      id: 'protected-resource-metadata',
      run: async (ctx) => (ctx.options.lenient ? ok() : failed(because('outcome.prm.resource-mismatch'), 'prm.resource-mismatch')),
    };
    const deps: EngineDeps = { transport: cannedTransport({}), steps };
    const stopped = await runFlow(createSession(defaultFlowOptions(SERVER)), deps);
    assert.equal(stopped.status.kind, 'stopped');

    const prepared = continueLeniently(stopped);
    assert.ok(prepared);
    assert.equal(prepared.next, 'protected-resource-metadata');
    assert.equal(prepared.options.lenient, true);
    assert.equal(stopped.options.lenient, false, 'the input session is not changed');

    const finished = await runFlow(prepared, deps);
    assert.equal(finished.status.kind, 'completed');
    assert.deepEqual(
      finished.results.filter((r) => r.stepId === 'protected-resource-metadata').map((r) => r.outcome.kind),
      ['failed', 'ok'],
    );
  });

  it('is undefined unless the flow stopped', () => {
    assert.equal(continueLeniently(createSession(defaultFlowOptions(SERVER))), undefined);
  });
});
