/**
 * A comparison in the store: the file is the baseline on the left and the run shown is on the
 * right, nothing else in the store changes (so closing returns to exactly what was shown), a bad
 * file is refused with the Open session message, and swapping exchanges the sides.
 */
import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'node:test';
import { defaultFlowOptions } from '../engine/options.js';
import { createSession } from '../engine/session.js';
import { serialiseSessionFile, toSessionFile } from '../engine/session-file.js';
import { useDebugger } from './index.js';

const fileText = (serverUrl: string) =>
  serialiseSessionFile(toSessionFile(createSession(defaultFlowOptions(serverUrl)), { toolVersion: '0.3.0', secretsIncluded: false, savedAt: '2026-12-01T10:00:00.000Z' }));

describe('comparisons in the store', () => {
  beforeEach(() => useDebugger.setState(useDebugger.getInitialState(), true));

  it('puts the file on the left and the live run on the right, and closes back to the same page', async () => {
    const live = createSession(defaultFlowOptions('http://live.example/mcp'));
    useDebugger.setState({ session: live, mode: 'step', tab: 'findings', selected: { stepId: 'probe', resultIndex: 0 } });
    const before = useDebugger.getState();

    assert.equal(await useDebugger.getState().compareWithSessionFile(fileText('http://saved.example/mcp'), 'saved.json'), true);
    const comparison = useDebugger.getState().comparison;
    assert.equal(comparison?.left.session.options.serverUrl, 'http://saved.example/mcp');
    assert.deepEqual(comparison.left.source, { kind: 'file', fileName: 'saved.json', savedAt: '2026-12-01T10:00:00.000Z', toolVersion: '0.3.0' });
    assert.equal(comparison.right.session, live);
    assert.deepEqual(comparison.right.source, { kind: 'live' });

    useDebugger.getState().swapComparison();
    assert.equal(useDebugger.getState().comparison?.left.session, live);
    assert.equal(useDebugger.getState().comparison?.right.source.kind, 'file');

    useDebugger.getState().closeComparison();
    const after = useDebugger.getState();
    assert.equal(after.comparison, undefined);
    for (const key of ['session', 'mode', 'tab', 'selected', 'recording', 'parkedRun'] as const) assert.equal(after[key], before[key], key);
  });

  it('names an opened recording by its file', async () => {
    useDebugger.setState({ session: createSession(defaultFlowOptions('http://live.example/mcp')) });
    assert.equal(await useDebugger.getState().openSessionFile(fileText('http://recorded.example/mcp'), 'monday.json'), true);
    assert.equal(await useDebugger.getState().compareWithSessionFile(fileText('http://recorded.example/mcp'), 'tuesday.json'), true);
    const comparison = useDebugger.getState().comparison;
    assert.deepEqual([comparison?.left.source, comparison?.right.source].map((source) => source?.kind === 'file' && source.fileName), ['tuesday.json', 'monday.json']);
  });

  it('refuses a file that is not a session with the Open session message, keeping what was open', async () => {
    const live = createSession(defaultFlowOptions('http://live.example/mcp'));
    useDebugger.setState({ session: live });
    assert.equal(await useDebugger.getState().compareWithSessionFile(fileText('http://saved.example/mcp'), 'good.json'), true);
    const open = useDebugger.getState().comparison;

    assert.equal(await useDebugger.getState().compareWithSessionFile('{"log":{"entries":[]}}', 'capture.har'), false);
    assert.equal(useDebugger.getState().comparison, open);
    assert.equal(useDebugger.getState().session, live);
    assert.equal(useDebugger.getState().recordingError?.fileName, 'capture.har');
    assert.match(useDebugger.getState().recordingError?.message ?? '', /not an mcp-auth-debugger session/);
  });

  it('compares nothing without a run shown, or while one runs', async () => {
    assert.equal(await useDebugger.getState().compareWithSessionFile(fileText('http://saved.example/mcp'), 'saved.json'), false);
    useDebugger.setState({ session: createSession(defaultFlowOptions('http://live.example/mcp')), running: true });
    assert.equal(await useDebugger.getState().compareWithSessionFile(fileText('http://saved.example/mcp'), 'saved.json'), false);
    assert.equal(useDebugger.getState().comparison, undefined);
  });
});
