import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compareSessions, type ComparableRun, type ComparableStep } from './compare.js';

const step = (stepId: ComparableStep['stepId'], kind: ComparableStep['outcome']['kind'] = 'ok'): ComparableStep => ({ stepId, outcome: { kind }, findings: [] });

/** A recording made before the cors step existed: it ends with the audit. */
const RECORDING: ComparableRun = {
  options: { serverUrl: 'https://mcp.example.com/mcp', spec: '2026-07-28' },
  status: { kind: 'completed' },
  results: [step('probe'), step('authenticated-mcp'), step('audit', 'skipped')],
  data: {},
};

describe('compareSessions and steps added to the flow since a recording', () => {
  it('sees no difference in a step the recording lacks and this run skipped', () => {
    const run = { ...RECORDING, results: [...RECORDING.results, step('cors', 'skipped')] };
    assert.deepEqual(compareSessions(RECORDING, run), { comparable: true, same: true, regressed: false, differences: [] });
  });

  it('still names a step the recording lacks where this run did something', () => {
    const run = { ...RECORDING, results: [...RECORDING.results, step('cors')] };
    assert.deepEqual(compareSessions(RECORDING, run), {
      comparable: true,
      same: false,
      regressed: false,
      differences: [{ regression: false, kind: 'reached', params: { outcome: 'ok' }, message: 'reached (ok); the recording did not reach it', stepId: 'cors' }],
    });
  });
});
