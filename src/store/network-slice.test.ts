/**
 * The network panel's state in the store: the filters and order outlive a change of tab and of
 * run; the panel's open exchange is its own (choosing one does not leave the tab) and is
 * forgotten with the run it belonged to; "export shown" writes only the exchanges named.
 */
import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'node:test';
import { defaultFlowOptions } from '../engine/options.js';
import { serialiseSessionFile, toSessionFile } from '../engine/session-file.js';
import { createSession, type Session } from '../engine/session.js';
import type { Exchange, StepId } from '../engine/types.js';
import type { Har } from '../export/har.js';
import { NO_NETWORK_FILTER } from '../ui-logic/network-filter.js';
import { useDebugger } from './index.js';

const MCP = 'http://127.0.0.1:4282/mcp';

function exchange(id: string, stepId: StepId, url: string, status: number, headers: [string, string][] = []): Exchange {
  return {
    id,
    stepId,
    request: { method: 'POST', url, headers },
    response: { status, statusText: '', headers: [], body: '', bodyTruncated: false, bodyBytes: 0 },
    timings: { startedAt: '2026-01-01T00:00:00.000Z', durationMs: 3 },
  };
}

function run(): Session {
  return {
    ...createSession(defaultFlowOptions(MCP)),
    results: [
      { stepId: 'probe', exchanges: [exchange('ex-1', 'probe', MCP, 401)], findings: [], data: {}, outcome: { kind: 'ok' } },
      {
        stepId: 'authenticated-mcp',
        exchanges: [exchange('ex-2', 'authenticated-mcp', MCP, 200, [['Authorization', 'Bearer eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiJ1In0.c2lnbmF0dXJl']]), exchange('ex-3', 'authenticated-mcp', MCP, 200)],
        findings: [],
        data: {},
        outcome: { kind: 'ok' },
      },
    ],
  };
}

describe('the network panel’s state', () => {
  beforeEach(() => {
    useDebugger.setState(useDebugger.getInitialState(), true);
    useDebugger.setState({ session: run() });
  });

  it('filters are merged, kept across tabs, and cleared at once', () => {
    const state = () => useDebugger.getState();
    state().setNetworkFilter({ query: 'mcp' });
    state().setNetworkFilter({ failuresOnly: true, stepId: 'probe' });
    state().setNetworkSort({ key: 'duration', direction: 'descending' });
    state().setTab('tokens');
    state().setTab('network');
    assert.deepEqual(state().networkFilter, { query: 'mcp', failuresOnly: true, stepId: 'probe' });
    assert.deepEqual(state().networkSort, { key: 'duration', direction: 'descending' });
    state().clearNetworkFilter();
    assert.deepEqual(state().networkFilter, NO_NETWORK_FILTER);
    assert.deepEqual(state().networkSort, { key: 'duration', direction: 'descending' }, 'the order is not a filter');
  });

  it('choosing an exchange in the panel stays on the panel; "show in its step" goes to the flow', () => {
    useDebugger.getState().setTab('network');
    useDebugger.getState().selectNetworkExchange('ex-3');
    assert.equal(useDebugger.getState().tab, 'network');
    assert.equal(useDebugger.getState().networkExchangeId, 'ex-3');
    useDebugger.getState().selectExchange('ex-3');
    assert.equal(useDebugger.getState().tab, 'step');
    assert.deepEqual(useDebugger.getState().selected, { stepId: 'authenticated-mcp', resultIndex: 1 });
  });

  it('an opened recording forgets the open exchange but keeps the filters, and closing it does too', async () => {
    useDebugger.getState().setNetworkFilter({ failuresOnly: true });
    useDebugger.getState().selectNetworkExchange('ex-1');
    const text = serialiseSessionFile(toSessionFile(run(), { toolVersion: 'test', secretsIncluded: false }));
    assert.equal(await useDebugger.getState().openSessionFile(text, 'run.json'), true);
    assert.equal(useDebugger.getState().networkExchangeId, undefined);
    assert.equal(useDebugger.getState().networkFilter.failuresOnly, true);
    useDebugger.getState().selectNetworkExchange('ex-2');
    useDebugger.getState().closeRecording();
    assert.equal(useDebugger.getState().networkExchangeId, undefined);
  });

  it('"export shown" writes the exchanges named, redacted, under a name that says so', async () => {
    const file = await useDebugger.getState().exportForDownload('har', false, ['ex-2']);
    assert.ok(file);
    assert.match(file.fileName, /^mcp-auth-har-shown-127\.0\.0\.1-4282-[\d-]+\.har$/);
    const entries = (JSON.parse(file.text) as Har).log.entries;
    assert.equal(entries.length, 1);
    assert.equal(entries[0]?.response.status, 200);
    assert.ok(!file.text.includes('eyJhbGciOiJFUzI1NiJ9'), 'the bearer token is redacted');
    const whole = await useDebugger.getState().exportForDownload('har', false);
    assert.equal((JSON.parse(whole?.text ?? '{}') as Har).log.entries.length, 3);
    assert.match(whole?.fileName ?? '', /^mcp-auth-har-127/);
  });
});
