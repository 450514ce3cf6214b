import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { startLab, type Lab } from '../../server/lab/index.js';
import { createRedirectFollowingInteraction } from '../engine/consent/follow-redirects.js';
import { createFetchTransport } from '../engine/fetch-transport.js';
import { createStepHttp, sequentialIds } from '../engine/recorder.js';
import { allFindings } from '../engine/session.js';
import { emptyConnectForm } from './connect-form.js';
import { translate } from '../i18n/index.js';
import { ENGINE_PHRASES } from '../engine/checks/engine-phrases.js';
import { localizedEngineText } from '../ui-logic/engine-text.js';
import { transportError, transportText } from '../wire/transport-messages.js';
import { useDebugger } from './index.js';

const ORIGIN = 'http://127.0.0.1:4280';

/** Walks the lab's redirects (auto-consent) to the callback URL, as a person's browser would. */
async function followAuthorization(url: string, redirectUri: string): Promise<string> {
  const http = createStepHttp('authorization-request', createFetchTransport(), { now: () => Date.now() }, sequentialIds('walk', 1), {
    timeoutMs: 10_000,
    maxBodyBytes: 1_000_000,
  });
  return createRedirectFollowingInteraction().obtainCallback({ url, redirectUri }, http);
}

function waitingAction() {
  const status = useDebugger.getState().session?.status;
  assert.equal(status?.kind, 'waiting', `the flow waits for the person (status ${JSON.stringify(status)})`);
  return status.action;
}

function freshStore(serverUrl: string): void {
  useDebugger.setState(useDebugger.getInitialState(), true);
  useDebugger.getState().configureRuntime({ origin: ORIGIN, transport: createFetchTransport() });
  useDebugger.getState().replaceForm({ ...emptyConnectForm(), serverUrl });
}

describe('flow slice against the lab', () => {
  let lab: Lab;
  before(async () => {
    lab = await startLab({ autoConsent: true });
  });
  after(() => lab.close());
  beforeEach(() => freshStore(lab.mcpUrl));

  it('start(run) goes to the authorization, and on to the end once the callback comes', async () => {
    const started = await useDebugger.getState().start('run');
    assert.equal(started, true);
    const action = waitingAction();
    assert.equal(action.redirectUri, `${ORIGIN}/callback`);
    assert.equal(useDebugger.getState().selected?.stepId, 'authorization-request');
    assert.equal(useDebugger.getState().running, false);

    const callback = await followAuthorization(action.url, action.redirectUri);
    assert.equal(await useDebugger.getState().completeAuthorization(callback), true);

    const { session, running } = useDebugger.getState();
    assert.ok(session);
    assert.equal(running, false);
    assert.equal(session.status.kind, 'completed');
    assert.deepEqual(
      allFindings(session)
        .filter((f) => f.severity === 'error')
        .map((f) => f.id),
      [],
    );
    assert.deepEqual(
      session.data.mcp?.tools?.map((t) => t.name).sort(),
      ['add_numbers', 'multiply_numbers'],
    );
    assert.equal(useDebugger.getState().recent[0]?.serverUrl, lab.mcpUrl);
  });

  it('step mode runs one step per next()', async () => {
    await useDebugger.getState().start('step');
    assert.equal(useDebugger.getState().session?.results.length, 0, 'starting in step mode runs nothing yet');
    assert.equal(useDebugger.getState().session?.next, 'probe');

    await useDebugger.getState().next();
    assert.deepEqual(
      useDebugger.getState().session?.results.map((r) => r.stepId),
      ['probe'],
    );
    assert.deepEqual(useDebugger.getState().selected, { stepId: 'probe', resultIndex: 0 });

    await useDebugger.getState().next();
    assert.deepEqual(
      useDebugger.getState().session?.results.map((r) => r.stepId),
      ['probe', 'protected-resource-metadata'],
    );
    assert.equal(useDebugger.getState().mode, 'step');

    await useDebugger.getState().runToEnd();
    assert.equal(useDebugger.getState().session?.status.kind, 'waiting');
  });

  it('completes the authorization from a popup only when the callback is this flow’s', async () => {
    await useDebugger.getState().start('run');
    const action = waitingAction();
    const callback = await followAuthorization(action.url, action.redirectUri);

    const foreign = new URL(callback);
    foreign.searchParams.set('state', 'another-tab');
    assert.equal(await useDebugger.getState().receiveCallback(foreign.href, false), false);
    assert.equal(useDebugger.getState().session?.status.kind, 'waiting');

    assert.equal(await useDebugger.getState().receiveCallback(callback, false), true);
    assert.equal(useDebugger.getState().session?.status.kind, 'completed');
    assert.equal(await useDebugger.getState().receiveCallback(callback, true), false, 'a second delivery is ignored');
  });

  it('calls a tool and refreshes after the run without changing the flow status', async () => {
    await useDebugger.getState().start('run');
    const action = waitingAction();
    await useDebugger.getState().completeAuthorization(await followAuthorization(action.url, action.redirectUri));
    const completed = useDebugger.getState().session;
    assert.equal(completed?.status.kind, 'completed');

    await useDebugger.getState().callTool('add_numbers', { a: 2, b: 3 });
    const afterCall = useDebugger.getState().session;
    assert.ok(afterCall && completed);
    assert.equal(afterCall.status.kind, 'completed');
    assert.equal(afterCall.results.length, completed.results.length + 1);
    const call = afterCall.data.mcp?.toolCalls.at(-1);
    assert.equal(call?.name, 'add_numbers');
    assert.deepEqual((call?.result as { structuredContent?: unknown } | undefined)?.structuredContent, { operation: 'addition', operand_a: 2, operand_b: 3, result: 5 });

    const refreshedBefore = afterCall.data.refreshedTokens?.accessToken;
    await useDebugger.getState().refresh();
    const afterRefresh = useDebugger.getState().session;
    assert.ok(afterRefresh);
    assert.equal(afterRefresh.results.at(-1)?.stepId, 'refresh');
    assert.equal(afterRefresh.results.at(-1)?.outcome.kind, 'ok');
    assert.notEqual(afterRefresh.data.refreshedTokens?.accessToken, refreshedBefore);
    assert.equal(afterRefresh.data.tokens?.accessToken, completed.data.tokens?.accessToken);
    assert.equal(afterRefresh.status.kind, 'completed');
  });

  it('reset forgets the run and opens the form again; the form is kept', async () => {
    await useDebugger.getState().start('step');
    await useDebugger.getState().next();
    useDebugger.getState().reset();
    const state = useDebugger.getState();
    assert.equal(state.session, undefined);
    assert.equal(state.connectExpanded, true);
    assert.equal(state.form.serverUrl, lab.mcpUrl);
  });
});

describe('flow slice with a lab fault', () => {
  let lab: Lab;
  before(async () => {
    lab = await startLab({ autoConsent: true, faults: ['prm.resource-mismatch'] });
  });
  after(() => lab.close());
  beforeEach(() => freshStore(lab.mcpUrl));

  it('stops on the MUST, and continueLeniently re-runs that step and goes on', async () => {
    await useDebugger.getState().start('run');
    const stopped = useDebugger.getState().session;
    assert.equal(stopped?.status.kind, 'stopped');
    assert.equal(stopped.status.stepId, 'protected-resource-metadata');
    assert.equal(stopped.status.findingId, 'prm.resource-mismatch');
    assert.equal(useDebugger.getState().stopOverridable, true, 'the stop may be overridden');

    await useDebugger.getState().continueLeniently();
    const session = useDebugger.getState().session;
    assert.equal(session?.options.lenient, true);
    assert.equal(session?.status.kind, 'waiting');
    assert.deepEqual(
      session?.results.filter((r) => r.stepId === 'protected-resource-metadata').map((r) => r.outcome.kind),
      ['failed', 'ok'],
    );
  });

  it('showEvidence opens the finding’s exchange on its step; asking again counts, another exchange drops it', async () => {
    await useDebugger.getState().start('run');
    const session = useDebugger.getState().session;
    const finding = session ? allFindings(session).find((f) => f.id === 'prm.resource-mismatch') : undefined;
    assert.ok(finding?.evidence);
    assert.equal(finding.evidence.pointer, '/resource');
    useDebugger.getState().select({ stepId: 'probe', resultIndex: 0 });
    useDebugger.getState().setTab('findings');

    useDebugger.getState().showEvidence(finding.evidence);
    let state = useDebugger.getState();
    assert.equal(state.tab, 'step');
    assert.equal(state.selected?.stepId, 'protected-resource-metadata');
    assert.equal(state.selectedExchangeId, finding.evidence.exchangeId);
    const first = state.evidence?.request ?? Number.NaN;
    assert.deepEqual(state.evidence, { exchangeId: finding.evidence.exchangeId, pointer: '/resource', request: first, revealed: false });
    useDebugger.getState().evidenceRevealed(first);
    assert.equal(useDebugger.getState().evidence?.revealed, true, 'scrolled to once; a later remount leaves the page where it is');

    useDebugger.getState().showEvidence(finding.evidence);
    assert.deepEqual(useDebugger.getState().evidence, { exchangeId: finding.evidence.exchangeId, pointer: '/resource', request: first + 1, revealed: false }, 'a second ask is a new one, so the view scrolls again');
    useDebugger.getState().evidenceRevealed(first);
    assert.equal(useDebugger.getState().evidence?.revealed, false, 'an earlier ask does not count for this one');
    // Picking the same exchange keeps the mark; another one, or another step, leaves it behind.
    useDebugger.getState().selectExchange(finding.evidence.exchangeId);
    assert.equal(useDebugger.getState().evidence?.request, first + 1);
    const other = session?.results.find((r) => r.stepId === 'probe')?.exchanges[0]?.id;
    useDebugger.getState().selectExchange(other);
    state = useDebugger.getState();
    assert.equal(state.evidence, undefined);
    state.showEvidence(finding.evidence);
    useDebugger.getState().select({ stepId: 'probe' });
    assert.equal(useDebugger.getState().evidence, undefined);
  });
});

describe('flow slice on bad input', () => {
  it('refuses a malformed URL with a message and keeps what was typed', async () => {
    freshStore('http//missing-colon.example/mcp');
    assert.equal(await useDebugger.getState().start('run'), false);
    const state = useDebugger.getState();
    assert.equal(state.formErrors.serverUrl?.key, 'app.connect.error.urlMalformed');
    assert.equal(state.form.serverUrl, 'http//missing-colon.example/mcp');
    assert.equal(state.session, undefined);
  });

  it('uses the relay’s default server when nothing was typed', async () => {
    freshStore('');
    assert.equal(useDebugger.getState().validateForm(), false);
    useDebugger.setState({ relayConfig: { defaultServerUrl: 'http://127.0.0.1:1/mcp' } });
    assert.equal(useDebugger.getState().validateForm(), true);
  });

  it('stops at the probe with a finding when the host does not answer', async () => {
    freshStore('http://127.0.0.1:1/mcp');
    await useDebugger.getState().start('run');
    const session = useDebugger.getState().session;
    assert.equal(session?.status.kind, 'stopped');
    assert.equal(session.status.stepId, 'probe');
    assert.ok(allFindings(session).some((f) => f.id === 'http.unreachable'));
    assert.equal(useDebugger.getState().stopOverridable, false, 'no client could go on without an answer');
  });

  it('says the relay is missing instead of running without one', async () => {
    useDebugger.setState(useDebugger.getInitialState(), true);
    useDebugger.getState().configureRuntime({ origin: ORIGIN });
    useDebugger.getState().replaceForm({ ...emptyConnectForm(), serverUrl: 'http://127.0.0.1:1/mcp' });
    assert.equal(useDebugger.getState().relayHealth, 'no-secret');
    assert.equal(await useDebugger.getState().start('run'), false);
    assert.equal(useDebugger.getState().flowError?.key, 'app.flow.error.noRelay');
  });

  it('marks the relay as gone when an exchange comes back relay-rejected', async () => {
    freshStore('http://127.0.0.1:1/mcp');
    useDebugger.getState().configureRuntime({
      origin: ORIGIN,
      transport: { send: async () => ({ ok: false, error: transportError('relay-rejected', transportText('transport-error.relay-unreachable', { endpoint: 'http://127.0.0.1:4280/api/relay', cause: 'fetch failed' })) }) },
    });
    await useDebugger.getState().start('run');
    assert.equal(useDebugger.getState().relayHealth, 'unreachable');
    const problem = useDebugger.getState().relayProblem;
    assert.ok(problem?.kind === 'failed', JSON.stringify(problem));
    assert.equal(translate('zh-CN', `app.relay.problem.${problem.kind}`, problem.params), '经中继的调用失败:');
    // The relay transport's words are ours: the banner says them in the page's language.
    assert.ok(problem.reason);
    assert.equal(localizedEngineText(problem.reason, 'zh-CN', ENGINE_PHRASES), '无法连接到位于 http://127.0.0.1:4280/api/relay 的中继(fetch failed)。');
    assert.equal(useDebugger.getState().session?.status.kind, 'stopped');
  });

  it('says where a relay config that is not JSON stops being JSON, in the page language', async () => {
    useDebugger.setState(useDebugger.getInitialState(), true);
    useDebugger.getState().configureRuntime({ origin: ORIGIN, fetchImpl: async () => new Response('{"version": 1,\n <html>', { status: 200 }) });
    await useDebugger.getState().checkRelay();
    const problem = useDebugger.getState().relayProblem;
    assert.equal(useDebugger.getState().relayHealth, 'unreachable');
    assert.ok(problem?.kind === 'not-json' && problem.reason, JSON.stringify(problem));
    assert.equal(localizedEngineText(problem.reason, 'en', ENGINE_PHRASES), 'unexpected “<” at line 2, column 2');
    assert.equal(localizedEngineText(problem.reason, 'zh-CN', ENGINE_PHRASES), '第 2 行第 2 列出现意外的 “<”');
  });
});
