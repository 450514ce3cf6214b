/**
 * A recording in the store: it takes the run's place without losing it, is never advanced (no
 * request leaves for it, whatever its status says), a bad file leaves everything as it was, and
 * closing it brings the live run back.
 */
import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'node:test';
import { createSession } from '../engine/session.js';
import { serialiseSessionFile, toSessionFile } from '../engine/session-file.js';
import { defaultFlowOptions } from '../engine/options.js';
import type { Transport } from '../engine/transport.js';
import { useDebugger } from './index.js';

let sent = 0;
const countingTransport: Transport = {
  send: () => {
    sent++;
    return Promise.resolve({ ok: false, error: { kind: 'refused', message: 'this test sends nothing' } });
  },
};

describe('recordings in the store', () => {
  beforeEach(() => {
    sent = 0;
    useDebugger.setState(useDebugger.getInitialState(), true);
    useDebugger.getState().configureRuntime({ origin: 'http://127.0.0.1:4280', transport: countingTransport });
  });

  it('shows a recording in the run’s place, never runs it, and gives the live run back', async () => {
    const live = createSession(defaultFlowOptions('http://live.example/mcp'));
    useDebugger.setState({ session: live, mode: 'step' });
    // A recording saved before its first step: "ready", with a next step that must not run.
    const recorded = createSession(defaultFlowOptions('http://recorded.example/mcp'));
    const text = serialiseSessionFile(toSessionFile(recorded, { toolVersion: '0.1.0', secretsIncluded: false }));

    assert.equal(await useDebugger.getState().openSessionFile(text, 'run.json'), true);
    assert.equal(useDebugger.getState().session?.options.serverUrl, 'http://recorded.example/mcp');
    assert.equal(useDebugger.getState().recording?.fileName, 'run.json');

    await useDebugger.getState().next();
    await useDebugger.getState().runToEnd();
    await useDebugger.getState().continueLeniently();
    assert.equal(sent, 0, 'nothing was sent for the recording');
    assert.equal(useDebugger.getState().session?.results.length, 0);

    useDebugger.getState().closeRecording();
    assert.equal(useDebugger.getState().session, live);
    assert.equal(useDebugger.getState().mode, 'step');
    assert.equal(useDebugger.getState().recording, undefined);
  });

  it('a file that is not a session: a message, and the open run stays', async () => {
    const live = createSession(defaultFlowOptions('http://live.example/mcp'));
    useDebugger.setState({ session: live });
    assert.equal(await useDebugger.getState().openSessionFile('{"log":{"entries":[]}}', 'capture.har'), false);
    assert.equal(useDebugger.getState().session, live);
    assert.equal(useDebugger.getState().recording, undefined);
    assert.match(useDebugger.getState().recordingError?.message ?? '', /not an mcp-auth-debugger session/);
  });

  it('saves what is shown, redacted unless asked', async () => {
    const session = createSession(defaultFlowOptions('http://live.example/mcp?api_key=s3cr3t-value'));
    useDebugger.setState({ session });
    const redacted = await useDebugger.getState().sessionFileForDownload(false);
    assert.ok(redacted && !redacted.text.includes('s3cr3t-value'));
    assert.match(redacted.fileName, /^mcp-auth-session-live\.example-\d{4}-\d\d-\d\d-\d\d-\d\d-\d\d\.json$/);
    const kept = await useDebugger.getState().sessionFileForDownload(true);
    assert.ok(kept?.text.includes('s3cr3t-value'));
    for (const format of ['har', 'curl', 'markdown'] as const) {
      const exported = await useDebugger.getState().exportForDownload(format, false);
      assert.ok(exported && exported.text.length > 0 && !exported.text.includes('s3cr3t-value'), `${format}: redacted`);
      assert.match(exported.fileName, /\.(har|sh|md)$/);
    }
  });
});
