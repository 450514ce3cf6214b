import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { scorecard, type ScoredRun } from './scorecard.js';

type Result = ScoredRun['results'][number];
const step = (stepId: string, findings: [string, 'error' | 'warning' | 'info'][] = [], outcome = 'ok'): Result => ({
  stepId,
  outcome: { kind: outcome },
  findings: findings.map(([id, severity]) => ({ id, severity, stepId })),
});
const verdicts = (run: ScoredRun) => Object.fromEntries(scorecard(run).map((s) => [s.area, s.verdict]));

describe('scorecard', () => {
  it('a clean run passes every area it ran; the audit off and areas without checks are not run', () => {
    const run: ScoredRun = {
      status: { kind: 'completed' },
      results: ['probe', 'protected-resource-metadata', 'authorization-server-metadata', 'client-registration', 'authorization-request', 'authorization-response', 'token-request', 'token-inspection', 'authenticated-mcp', 'refresh']
        .map((id) => step(id, [['x.info', 'info']]))
        .concat(step('audit', [], 'skipped')),
    };
    assert.deepEqual(verdicts(run), { discovery: 'passed', registration: 'passed', authorization: 'passed', tokens: 'passed', mcp: 'passed', audit: 'not-run', cors: 'not-run', clients: 'not-run' });
  });

  it('counts errors and warnings per area, by the finding family first, then by step', () => {
    const run: ScoredRun = {
      status: { kind: 'completed' },
      results: [
        step('probe', [['mcp.legacy-only-server', 'warning'], ['probe.insecure-transport', 'warning']]),
        step('token-inspection', [['token.long-lived', 'warning'], ['token.audience-mismatch', 'error']]),
        step('refresh', [['refresh.not-rotated-public-client', 'warning']]),
        step('audit', [['audit.accepts-tampered-token', 'error'], ['audit.accepts-tampered-token', 'error'], ['cors.www-authenticate-not-exposed', 'warning']]),
      ],
    };
    const card = Object.fromEntries(scorecard(run).map((s) => [s.area, s]));
    assert.deepEqual(card.mcp, { area: 'mcp', verdict: 'warnings', errors: 0, warnings: 1, findingIds: ['mcp.legacy-only-server'] });
    assert.deepEqual(card.discovery?.findingIds, ['probe.insecure-transport']);
    assert.deepEqual(card.tokens, { area: 'tokens', verdict: 'failed', errors: 1, warnings: 2, findingIds: ['token.audience-mismatch', 'token.long-lived', 'refresh.not-rotated-public-client'] });
    assert.deepEqual(card.audit, { area: 'audit', verdict: 'failed', errors: 2, warnings: 0, findingIds: ['audit.accepts-tampered-token'] });
    assert.equal(card.cors?.verdict, 'warnings');
    assert.equal(card.registration?.verdict, 'not-run');
  });

  it('a step waiting for a person has not run its area yet', () => {
    const run: ScoredRun = { status: { kind: 'waiting', stepId: 'authorization-request' }, results: [step('probe'), step('authorization-request', [], 'needs-user')] };
    assert.equal(verdicts(run).authorization, 'not-run');
    assert.equal(verdicts(run).discovery, 'passed');
  });

  it('the area a run stopped in fails even without an error finding; the areas after it are not run', () => {
    const run: ScoredRun = {
      status: { kind: 'stopped', stepId: 'client-registration' },
      results: [step('probe'), step('protected-resource-metadata'), step('authorization-server-metadata'), step('client-registration', [['registration.no-path', 'warning']], 'failed')],
    };
    const card = verdicts(run);
    assert.equal(card.discovery, 'passed');
    assert.equal(card.registration, 'failed');
    assert.equal(card.authorization, 'not-run');
    assert.equal(card.tokens, 'not-run');
  });
});
