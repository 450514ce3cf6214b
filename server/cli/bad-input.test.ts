/**
 * The real `check` command against misbehaving servers on loopback: the run ends with exit code 1
 * and a JSON report naming the finding, and nothing is thrown or reported as an internal error.
 */
import assert from 'node:assert/strict';
import { describe, it, type TestContext } from 'node:test';
import { phrase } from '../../src/engine/checks/finding-phrases.js';
import { startMisbehavingServer, type MisbehavingServerOptions } from '../test-support/misbehaving-server.js';
import { runCli } from '../test-support/run-cli.js';
import type { CheckReport } from './report.js';

// Generous enough that a loaded CI machine answers the well-behaved requests in time.
const TIMEOUT_MS = 1500;

async function checkJson(url: string): Promise<{ code: number; report: CheckReport; stderr: string; elapsedMs: number }> {
  const started = performance.now();
  const { code, stdout, stderr } = await runCli(['check', url, '--format', 'json', '--timeout', String(TIMEOUT_MS)]);
  const elapsedMs = performance.now() - started;
  assert.ok(stdout.trim().startsWith('{'), `expected JSON, got: ${stdout.slice(0, 300)} ${stderr}`);
  return { code, report: JSON.parse(stdout) as CheckReport, stderr, elapsedMs };
}

async function serve(t: TestContext, options: MisbehavingServerOptions): Promise<string> {
  const server = await startMisbehavingServer(options);
  t.after(() => server.close());
  return server.mcpUrl;
}

describe('check against misbehaving servers', { concurrency: true }, () => {
  it('Protected Resource Metadata served as HTML: exit 1, stopped at discovery, http.not-json in the report', async (t) => {
    const url = await serve(t, { faults: { prm: 'html' } });
    const { code, report, stderr, elapsedMs } = await checkJson(url);
    assert.equal(code, 1);
    assert.equal(stderr, '');
    assert.equal(report.ok, false);
    assert.deepEqual(report.outcome.kind === 'stopped' ? [report.outcome.stepId, report.outcome.findingId] : report.outcome, ['protected-resource-metadata', 'prm.not-found']);
    const notJson = report.findings.find((f) => f.id === 'http.not-json');
    // The report keeps the phrase reference in params, and the English in the texts.
    assert.equal(notJson?.params?.reason, phrase('json.looks-like-html'));
    assert.match(notJson?.detail ?? '', /\(it looks like HTML\)/);
    assert.ok(report.exchanges.some((e) => e.id === notJson?.evidence?.exchangeId && e.response?.status === 200));
    assert.ok(!report.findings.some((f) => f.id === 'engine.internal-error'));
    assert.ok(elapsedMs < 3 * TIMEOUT_MS, `${Math.round(elapsedMs)} ms`);
  });

  it('a token endpoint that never answers: exit 1 within the timeout, a typed timeout in the report', async (t) => {
    const url = await serve(t, { faults: { token: 'hang' } });
    const { code, report, stderr, elapsedMs } = await checkJson(url);
    assert.equal(code, 1);
    assert.equal(stderr, '');
    assert.deepEqual(report.outcome.kind === 'stopped' ? [report.outcome.stepId, report.outcome.findingId] : report.outcome, ['token-request', 'http.unreachable']);
    const unreachable = report.findings.find((f) => f.id === 'http.unreachable');
    assert.equal(unreachable?.params?.kind, 'timeout');
    const tokenExchange = report.exchanges.find((e) => e.id === unreachable?.evidence?.exchangeId);
    assert.equal(tokenExchange?.error?.kind, 'timeout');
    assert.match(tokenExchange?.request.url ?? '', /\/token$/);
    assert.ok(elapsedMs < 3 * TIMEOUT_MS, `${Math.round(elapsedMs)} ms`);
  });
});
