/**
 * The session file's reader against what people will hand it, and the published JSON Schema
 * against what the engine writes (a real run against a misbehaving server, so exchanges,
 * findings, errors and a stop are all in it).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { Validator, type Schema } from '@cfworker/json-schema';
import { startMisbehavingServer } from '../../server/test-support/misbehaving-server.js';
import { createRedirectFollowingInteraction } from './consent/follow-redirects.js';
import { createFetchTransport } from './fetch-transport.js';
import { defaultFlowOptions } from './options.js';
import { redactSession } from './redact.js';
import { createSession, runFlow, type Session } from './session.js';
import { readSessionFile, serialiseSessionFile, toSessionFile, MAX_SESSION_FILE_BYTES } from './session-file.js';
import { EXCHANGE_ERROR_KINDS } from './transport.js';
import { SPEC_VERSIONS, STEP_IDS } from './types.js';

const schema = JSON.parse(readFileSync(new URL('../../docs/session-file.schema.json', import.meta.url), 'utf8')) as Schema & {
  $defs: Record<string, { enum?: string[]; properties?: Record<string, { properties?: Record<string, { enum?: string[] }> }> }>;
};

async function recordedRuns(): Promise<Session[]> {
  const server = await startMisbehavingServer({ faults: { token: 'html' } });
  try {
    const deps = { transport: createFetchTransport(), interaction: createRedirectFollowingInteraction() };
    const stopped = await runFlow(createSession(defaultFlowOptions(server.mcpUrl, { timeoutMs: 3000 })), deps);
    server.set('token', undefined);
    const completed = await runFlow(createSession(defaultFlowOptions(server.mcpUrl, { timeoutMs: 3000 })), deps);
    const unreachable = await runFlow(createSession(defaultFlowOptions('http://127.0.0.1:1/mcp', { timeoutMs: 3000 })), deps);
    return [stopped, completed, unreachable];
  } finally {
    await server.close();
  }
}

describe('session files', () => {
  it('what the engine writes is valid by the published schema, and reads back as it was', async () => {
    const validator = new Validator(schema, '2020-12', false);
    const runs = await recordedRuns();
    assert.deepEqual(
      runs.map((s) => s.status.kind),
      ['stopped', 'completed', 'stopped'],
    );
    for (const session of runs) {
      const file = toSessionFile(redactSession(session), { toolVersion: '9.9.9', secretsIncluded: false });
      const text = serialiseSessionFile(file);
      const result = validator.validate(JSON.parse(text));
      assert.ok(result.valid, JSON.stringify(result.errors.slice(0, 5)));
      const reading = readSessionFile(text);
      assert.ok(reading.ok);
      assert.equal(reading.readFrom, 1);
      assert.deepEqual(reading.file, JSON.parse(text));
      assert.equal(reading.file.summary.exchanges, session.results.reduce((n, r) => n + r.exchanges.length, 0));
    }
    // The runs carry the ids that let the page render reasons, labels and transport messages in another language.
    const [stopped, , unreachable] = runs as [Session, Session, Session];
    assert.ok(stopped.status.kind === 'stopped' && stopped.status.reasonId?.startsWith('outcome.'), JSON.stringify(stopped.status));
    assert.ok(stopped.results.flatMap((r) => r.exchanges).every((e) => e.label === undefined || e.labelId?.startsWith('label.')));
    const refused = unreachable.results[0]?.exchanges[0]?.error;
    // Port 1 is on the Fetch standard's blocklist: fetch refuses it before connecting.
    assert.equal(refused?.messageId, 'transport-error.bad-port');
    assert.ok(refused?.messageParams?.cause);
    // The schema rejects what the reader rejects.
    const tampered = JSON.parse(serialiseSessionFile(toSessionFile(runs[0] as Session, { toolVersion: '1', secretsIncluded: true }))) as { session: { results: { stepId: string }[] } };
    (tampered.session.results[0] as { stepId: string }).stepId = 'steal-tokens';
    assert.equal(validator.validate(tampered).valid, false);
    assert.equal(readSessionFile(JSON.stringify(tampered)).ok, false);
  });

  it('a file without the text ids (an older version’s) still reads; malformed ids or params do not', () => {
    const validator = new Validator(schema, '2020-12', false);
    const session: Session = {
      ...createSession(defaultFlowOptions('https://mcp.example.com/mcp')),
      results: [
        {
          stepId: 'probe',
          exchanges: [
            {
              id: 'x1',
              stepId: 'probe',
              label: 'MCP initialize without a token',
              request: { method: 'POST', url: 'https://mcp.example.com/mcp', headers: [] },
              error: { kind: 'refused', message: 'Connection refused (connect ECONNREFUSED)' },
              timings: { startedAt: '2026-01-01T00:00:00.000Z', durationMs: 3 },
            },
          ],
          findings: [],
          data: {},
          outcome: { kind: 'failed', reason: 'Connection refused: https://mcp.example.com/mcp (no answer)' },
        },
      ],
      status: { kind: 'stopped', stepId: 'probe', reason: 'Connection refused: https://mcp.example.com/mcp (no answer)' },
    };
    const older = serialiseSessionFile(toSessionFile(session, { toolVersion: '0.9.0', secretsIncluded: false }));
    assert.ok(validator.validate(JSON.parse(older)).valid);
    assert.ok(readSessionFile(older).ok);

    const damaged = (change: (s: { results: { outcome: Record<string, unknown>; exchanges: Record<string, unknown>[] }[] }) => void) => {
      const json = JSON.parse(older) as { session: { results: { outcome: Record<string, unknown>; exchanges: Record<string, unknown>[] }[] } };
      change(json.session);
      return json;
    };
    for (const json of [
      damaged((s) => void ((s.results[0] as { outcome: Record<string, unknown> }).outcome.reasonParams = { url: 42 })),
      damaged((s) => void ((s.results[0] as { outcome: Record<string, unknown> }).outcome.reasonId = ['outcome.probe.no-answer'])),
      damaged((s) => void ((s.results[0]?.exchanges[0] as Record<string, unknown>).labelParams = 'label')),
      damaged((s) => void ((s.results[0]?.exchanges[0]?.error as Record<string, unknown>).messageParams = { cause: null })),
    ]) {
      assert.equal(validator.validate(json).valid, false, JSON.stringify(json.session.results[0]));
      assert.equal(readSessionFile(JSON.stringify(json)).ok, false);
    }
  });

  it('the schema names every step, spec version and exchange error kind the engine has', () => {
    assert.deepEqual(schema.$defs.stepId?.enum, [...STEP_IDS]);
    assert.deepEqual(schema.$defs.specVersion?.enum, [...SPEC_VERSIONS]);
    assert.deepEqual(schema.$defs.exchange?.properties?.error?.properties?.kind?.enum, [...EXCHANGE_ERROR_KINDS]);
  });

  it('a file cut short is called so wherever the cut falls, after a value or within one', () => {
    for (const text of ['{"formatVersion": 1', '{"a": true', '{"a": "x"', '{"a": [1', '{"a": "unterminated', '{"a": 1,\n']) {
      const reading = readSessionFile(text);
      assert.ok(!reading.ok && /cut short/.test(reading.message), `${text}: ${reading.ok ? 'read' : reading.message}`);
    }
    const broken = readSessionFile('{"a": 1 "b": 2}');
    assert.ok(!broken.ok && /not JSON/.test(broken.message), 'a fault in the middle is not a cut');
  });

  it('a file larger than a session can be is refused before it is parsed', () => {
    const reading = readSessionFile(' '.repeat(MAX_SESSION_FILE_BYTES + 1));
    assert.ok(!reading.ok && /at most 64 MB/.test(reading.message));
  });
});
