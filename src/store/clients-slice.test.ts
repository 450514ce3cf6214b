/**
 * The page's "Real SDK clients" against a real relay running the real SDK clients and a real
 * lab: with the switch on, a run that is over sends them (and a fault's stage reaches the
 * session, its scorecard and a saved file); with it off, or for a session restored at load,
 * nothing is sent.
 */
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { runSdkClients } from '../../server/clients/run-sdk-clients.js';
import { startLab, type Lab } from '../../server/lab/index.js';
import { startRelay, type Relay } from '../../server/relay/index.js';
import { createFetchTransport } from '../engine/fetch-transport.js';
import { scorecard } from '../engine/scorecard.js';
import { emptyConnectForm } from './connect-form.js';
import { useDebugger } from './index.js';

const state = () => useDebugger.getState();

async function settled(): Promise<void> {
  // The clients start once the run is over and answer within their bounds (2 × 30 s at most).
  for (let i = 0; i < 600 && state().clientsRun.kind === 'running'; i++) await new Promise((resolve) => setTimeout(resolve, 100));
}

describe('clients slice against a relay running the SDK clients', () => {
  let lab: Lab;
  let relay: Relay;
  let runs = 0;
  before(async () => {
    lab = await startLab({ autoConsent: true, faults: ['prm.resource-mismatch'] });
    relay = await startRelay({
      clients: (request) => {
        runs++;
        return runSdkClients(request);
      },
    });
  });
  after(async () => {
    await relay.close();
    await lab.close();
  });
  beforeEach(async () => {
    useDebugger.setState(useDebugger.getInitialState(), true);
    state().configureRuntime({ origin: relay.url, relaySecret: relay.secret, transport: createFetchTransport(), fetchImpl: (input, init) => fetch(input, init) });
    await state().checkRelay();
  });

  it('the relay offers them; with the switch on, a run stopped by a fault gets both clients’ stage in its session and scorecard', async () => {
    assert.equal(state().relayConfig?.clients, true);
    state().replaceForm({ ...emptyConnectForm(), serverUrl: lab.mcpUrl, clients: true });
    assert.equal(await state().start('run'), true);
    assert.equal(state().session?.status.kind, 'stopped');
    await settled();
    const session = state().session;
    assert.deepEqual(session?.clients?.results.map((result) => [result.client, result.connected, result.stoppedAt]), [
      ['sdk-v1', false, 'protected-resource-metadata'],
      ['sdk-v2', false, 'protected-resource-metadata'],
    ]);
    assert.deepEqual(session?.clients?.findings.map((finding) => finding.id), ['clients.stopped', 'clients.stopped']);
    assert.equal(scorecard(session ?? { status: { kind: 'ready' }, results: [] }).find((score) => score.area === 'clients')?.verdict, 'failed');
  });

  it('with the switch off, or for a session restored at load, nothing is sent to the clients route', async () => {
    const before = runs;
    state().replaceForm({ ...emptyConnectForm(), serverUrl: lab.mcpUrl, clients: false });
    await state().start('run');
    await settled();
    assert.equal(state().session?.status.kind, 'stopped');
    assert.equal(state().session?.clients, undefined);
    assert.equal(runs, before);

    // A finished session shown at load (from storage) is shown as it was, switch or not.
    const restored = state().session;
    useDebugger.setState({ ...useDebugger.getInitialState(), runtime: state().runtime, relayConfig: state().relayConfig }, true);
    state().replaceForm({ ...emptyConnectForm(), serverUrl: lab.mcpUrl, clients: true });
    useDebugger.setState({ session: restored });
    await settled();
    assert.equal(state().clientsRun.kind, 'idle');
    assert.equal(runs, before);
  });
});
