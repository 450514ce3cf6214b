import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FINDINGS } from './checks/catalogue.js';
import { PITFALLS, pitfallChecklist, type PitfallRun } from './pitfalls.js';

type Result = PitfallRun['results'][number];
const step = (stepId: string, findings: [string, 'error' | 'warning' | 'info', Record<string, string>?][] = [], outcome = 'ok'): Result => ({
  stepId,
  outcome: { kind: outcome },
  findings: findings.map(([id, severity, params]) => ({ id, severity, ...(params ? { params } : {}) })),
});
const statuses = (run: PitfallRun) => Object.fromEntries(pitfallChecklist(run).map((row) => [row.number, row.status]));

describe('pitfalls checklist', () => {
  // Both languages of each row: src/i18n/parity.test.ts.
  it('has the tutorial\'s 14 rows and names only findings of the catalogue', () => {
    assert.deepEqual(
      PITFALLS.map((p) => p.number),
      [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14],
    );
    for (const pitfall of PITFALLS) {
      for (const id of pitfall.observed?.broken ?? []) assert.ok(FINDINGS.has(id), `${pitfall.number}: ${id} is not in the catalogue`);
    }
  });

  it('a clean run without the audit: what the flow observes held, the audit\'s rows not tested, the rest not observable', () => {
    const run: PitfallRun = { options: {}, results: [step('probe'), step('token-inspection'), step('audit', [], 'skipped')] };
    const result = pitfallChecklist(run);
    assert.deepEqual(statuses(run), {
      1: 'not-tested', 2: 'held', 3: 'not-tested', 4: 'not-observable', 5: 'held', 6: 'held', 7: 'not-observable',
      8: 'not-observable', 9: 'held', 10: 'not-tested', 11: 'held', 12: 'held', 13: 'not-tested', 14: 'not-tested',
    });
    assert.match(result[0]?.howToTest?.en ?? '', /--audit/);
    assert.match(result[13]?.howToTest?.en ?? '', /check --audit --spec 2025-11-25/);
  });

  it('a finding breaks its row; a refusal seen by the audit makes its row held', () => {
    const run: PitfallRun = {
      options: { audit: true },
      results: [
        step('probe', [['probe.no-resource-metadata', 'warning']]),
        step('token-inspection', [['token.long-lived', 'warning'], ['token.long-lived', 'info']]),
        step('audit', [
          ['audit.rejects-tampered-token', 'info'],
          ['audit.accepts-foreign-audience', 'error'],
          ['audit.as-refused', 'info', { what: '@phrase:audit.as.open-registration', detail: 'HTTP 400' }],
          ['audit.error-leaks-internals', 'warning'],
        ]),
      ],
    };
    const result = Object.fromEntries(pitfallChecklist(run).map((row) => [row.number, row]));
    assert.equal(result[1]?.status, 'held');
    assert.deepEqual([result[2]?.status, result[2]?.findingIds], ['broken', ['token.long-lived']]);
    assert.deepEqual(result[3]?.findingIds, ['audit.accepts-foreign-audience']);
    assert.equal(result[9]?.status, 'broken');
    assert.equal(result[10]?.status, 'held');
    assert.equal(result[12]?.status, 'broken');
    assert.equal(result[13]?.status, 'broken');
    // No session was tested: the audit said why, and the row says how to test it.
    assert.equal(result[14]?.status, 'not-tested');
  });

  it('the session and scope probes of the audit make their rows held or broken', () => {
    const audit = (findings: [string, 'error' | 'warning' | 'info'][]): PitfallRun => ({ options: { audit: true }, results: [step('probe'), step('token-inspection'), step('audit', findings)] });
    const held = statuses(audit([['audit.rejects-session-without-token', 'info'], ['audit.insufficient-scope-refused', 'info']]));
    assert.deepEqual([held[3], held[14]], ['held', 'held']);
    const untested = statuses(audit([['audit.session-untested', 'info'], ['audit.insufficient-scope-untested', 'info']]));
    assert.deepEqual([untested[3], untested[14]], ['not-tested', 'not-tested']);
    const broken = pitfallChecklist(audit([['audit.session-without-token', 'error'], ['audit.accepts-insufficient-scope', 'error'], ['audit.insufficient-scope-not-403', 'warning']]));
    assert.deepEqual(
      broken.filter((row) => row.status === 'broken').map((row) => [row.number, row.findingIds]),
      [[3, ['audit.accepts-insufficient-scope']], [9, ['audit.insufficient-scope-not-403']], [14, ['audit.session-without-token']]],
    );
  });

  it('an info finding never breaks a row', () => {
    const run: PitfallRun = { options: {}, results: [step('probe', [['probe.insecure-transport', 'info']])] };
    assert.equal(statuses(run)[5], 'held');
  });
});
