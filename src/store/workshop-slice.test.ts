/**
 * The Workshop panel's state against a real relay driving a real lab: the page learns the
 * faults from the relay, switches them between runs (never during one), and learns an
 * exercise's fault only from the reveal.
 */
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { startLab, type Lab } from '../../server/lab/index.js';
import { createWorkshop, exerciseCandidates } from '../../server/lab/workshop.js';
import { startRelay, type Relay } from '../../server/relay/index.js';
import { createRedirectFollowingInteraction } from '../engine/consent/follow-redirects.js';
import { createFetchTransport } from '../engine/fetch-transport.js';
import { createStepHttp, sequentialIds } from '../engine/recorder.js';
import { allFindings } from '../engine/session.js';
import { emptyConnectForm } from './connect-form.js';
import { useDebugger } from './index.js';
import { runInProgress } from './workshop-slice.js';

async function followAuthorization(url: string, redirectUri: string): Promise<string> {
  const http = createStepHttp('authorization-request', createFetchTransport(), { now: () => Date.now() }, sequentialIds('walk', 1), { timeoutMs: 10_000, maxBodyBytes: 1_000_000 });
  return createRedirectFollowingInteraction().obtainCallback({ url, redirectUri }, http);
}

const state = () => useDebugger.getState();
const findings = () => {
  const session = state().session;
  return session ? allFindings(session) : [];
};
const activeFaults = (): string[] => {
  const workshop = state().workshop;
  return workshop?.mode === 'switches' ? workshop.faults.filter((f) => f.active).map((f) => f.id) : [];
};

/** A whole run in the store: start, the authorization walked as a browser would, the rest. */
async function runFlow(): Promise<void> {
  state().reset();
  assert.equal(await state().start('run'), true);
  const status = state().session?.status;
  assert.equal(status?.kind, 'waiting');
  if (status?.kind !== 'waiting') return;
  // Mid-run: the lab must not change under it.
  assert.equal(runInProgress(state()), true);
  await state().receiveCallback(await followAuthorization(status.action.url, status.action.redirectUri), true);
  await state().runToEnd();
  assert.equal(runInProgress(state()), false);
}

describe('workshop slice against a relay running the lab', () => {
  let lab: Lab;
  let relay: Relay;
  before(async () => {
    lab = await startLab({ autoConsent: true });
    // The lab picks the exercise's fault; this pins it to prm.resource-mismatch, wherever it stands among the candidates.
    const candidates = exerciseCandidates(false);
    const pinned = (candidates.indexOf('prm.resource-mismatch') + 0.5) / candidates.length;
    relay = await startRelay({ workshop: createWorkshop(lab, { random: () => pinned }), config: { lab: { mcpUrl: lab.mcpUrl, demoUser: lab.demoUser } } });
  });
  after(async () => {
    await relay.close();
    await lab.close();
  });
  beforeEach(async () => {
    lab.setFaults([]);
    useDebugger.setState(useDebugger.getInitialState(), true);
    state().configureRuntime({ origin: relay.url, relaySecret: relay.secret, transport: createFetchTransport(), fetchImpl: (input, init) => fetch(input, init) });
    state().replaceForm({ ...emptyConnectForm(), serverUrl: lab.mcpUrl });
    await state().checkRelay();
    // A failed test must not leave the next one in an exercise.
    if (state().workshop?.mode === 'exercise') await state().endExercise();
    lab.setFaults([]);
    await state().loadWorkshop();
  });

  it('loads the faults with the relay config, and a switch made between runs changes the next run only', async () => {
    assert.equal(state().relayConfig?.workshop, true);
    assert.deepEqual(activeFaults(), []);
    await runFlow();
    assert.deepEqual(findings().filter((f) => f.severity === 'error').map((f) => f.id), []);

    await state().switchFault('prm.resource-mismatch', true);
    assert.deepEqual(activeFaults(), ['prm.resource-mismatch']);
    assert.deepEqual(lab.faults(), ['prm.resource-mismatch']);
    state().reset();
    await state().start('run');
    assert.ok(findings().some((f) => f.id === 'prm.resource-mismatch'));

    state().reset();
    await state().switchFault('prm.resource-mismatch', false);
    assert.deepEqual(lab.faults(), []);
  });

  it('refuses to switch while a run is in progress, and says why', async () => {
    assert.equal(await state().start('run'), true);
    assert.equal(state().session?.status.kind, 'waiting');
    await state().switchFault('asm.pkce-unsupported', true);
    assert.deepEqual(lab.faults(), []);
    assert.equal(state().workshopError?.kind, 'locked');
    await state().startExercise();
    assert.equal(state().workshop?.mode, 'switches');
  });

  it('an exercise keeps its fault out of the page until the reveal', async () => {
    await state().startExercise();
    const hidden = state().workshop;
    assert.equal(hidden?.mode, 'exercise');
    assert.deepEqual(lab.faults(), ['prm.resource-mismatch']);
    assert.ok(hidden && !('revealed' in hidden) && hidden.faults.every((f) => !('active' in f)), JSON.stringify(hidden));

    await runFlow().catch(() => undefined);
    const found = findings().filter((f) => f.severity !== 'info').map((f) => f.id);
    await state().revealExercise();
    const revealed = state().workshop;
    assert.equal(revealed?.mode === 'exercise' ? revealed.revealed : undefined, 'prm.resource-mismatch');
    assert.ok(found.includes('prm.resource-mismatch'), found.join());

    state().reset();
    await state().endExercise();
    assert.equal(state().workshop?.mode, 'switches');
    assert.deepEqual(lab.faults(), []);
  });

  it('an unknown fault comes back as the relay’s refusal', async () => {
    await state().switchFault('prm.no-such-fault', true);
    assert.equal(state().workshopError?.kind, 'unknown-fault');
    assert.match(state().workshopError?.detail ?? '', /Unknown fault: prm\.no-such-fault/);
    assert.deepEqual(lab.faults(), []);
  });
});
