/**
 * `export` of real lab runs: a HAR with one entry per exchange and its timings, a curl script
 * of every request in order, a Markdown report naming the stop, its fix and the failing
 * exchange; and no secret of a run saved with its secrets survives an export that did not ask
 * (nor the Playwright test, ever). The Playwright test is run in export-playwright.test.ts.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Har } from '../../src/export/har.js';
import { startLab, type Lab } from '../lab/index.js';
import { runCli } from '../test-support/run-cli.js';
import { readSavedSessionFile } from '../test-support/saved-session.js';

describe('export', () => {
  let lab: Lab;
  let faulty: Lab;
  const dir = mkdtempSync(join(tmpdir(), 'mad-export-'));

  before(async () => {
    [lab, faulty] = await Promise.all([startLab({ autoConsent: true }), startLab({ autoConsent: true, faults: ['prm.resource-mismatch'] })]);
  });
  after(async () => {
    await Promise.all([lab.close(), faulty.close()]);
    rmSync(dir, { recursive: true, force: true });
  });

  it('HAR, curl and Markdown of a run saved with its secrets keep none of them unless asked', async () => {
    const saved = join(dir, 'with-secrets.json');
    assert.equal((await runCli(['check', lab.mcpUrl, '--out', saved, '--include-secrets'])).code, 0);
    const { session } = readSavedSessionFile(saved);
    const secrets = [session.data.tokens?.accessToken, session.data.tokens?.refreshToken, session.data.authorizationRequest?.codeVerifier].filter((s): s is string => typeof s === 'string' && s.length > 8);
    assert.ok(secrets.length >= 2, 'the run had secrets to keep');
    const exchanges = session.results.flatMap((r) => r.exchanges);

    const har = await runCli(['export', saved, '--format', 'har']);
    assert.equal(har.code, 0, har.stderr);
    const log = (JSON.parse(har.stdout) as Har).log;
    assert.equal(log.version, '1.2');
    assert.equal(log.entries.length, exchanges.length);
    for (const [index, entry] of log.entries.entries()) {
      const exchange = exchanges[index];
      assert.equal(entry.request.url.split('?')[0], exchange?.request.url.split('?')[0]);
      assert.equal(entry.startedDateTime, exchange?.timings.startedAt);
      assert.equal(entry.time, exchange?.timings.durationMs);
      assert.equal(entry.response.status, exchange?.response?.status ?? 0);
    }

    const curl = await runCli(['export', saved, '--format', 'curl']);
    assert.equal(curl.code, 0);
    assert.equal(curl.stdout.match(/^curl /gm)?.length, exchanges.length);
    assert.ok(curl.stdout.startsWith('#!/bin/sh\n'));

    const markdown = await runCli(['export', saved, '--format', 'markdown']);
    assert.match(markdown.stdout, /^# MCP authorization: /);
    assert.match(markdown.stdout, /The flow completed with no errors/);

    const playwright = await runCli(['export', saved, '--format', 'playwright', '--include-secrets']);
    assert.equal(playwright.code, 0, playwright.stderr);
    assert.match(playwright.stdout, /await runCheck\(SERVER_URL, \{/);

    // The Playwright test holds no secret even when they are asked for: it reads them from the environment.
    for (const [format, output] of [['har', har.stdout], ['curl', curl.stdout], ['markdown', markdown.stdout], ['playwright', playwright.stdout]] as const) {
      for (const secret of secrets) assert.ok(!output.includes(secret), `${format}: a secret survived`);
    }
    const withSecrets = await runCli(['export', saved, '--format', 'har', '--include-secrets']);
    assert.ok(secrets.some((secret) => withSecrets.stdout.includes(secret)), '--include-secrets keeps them');
  });

  it('a stopped run: the Markdown report names the stop, the finding, its fix and the failing exchange', async () => {
    const saved = join(dir, 'stopped.json');
    assert.equal((await runCli(['check', faulty.mcpUrl, '--out', saved])).code, 1);
    const out = join(dir, 'report.md');
    const result = await runCli(['export', saved, '--format', 'markdown', '--out', out]);
    assert.equal(result.code, 0);
    assert.match(result.stderr, /Exported to .*report\.md \(secrets redacted\)/);
    const report = readFileSync(out, 'utf8');
    assert.match(report, /❌ The flow stopped at \*\*protected-resource-metadata\*\*/);
    assert.match(report, /`prm\.resource-mismatch`/);
    assert.match(report, /\*\*Fix:\*\* /);
    assert.match(report, /## The exchange it stopped on\n\n```+http\nGET http:\/\/127\.0\.0\.1:\d+\/\.well-known\/oauth-protected-resource\/mcp/);
  });

  it('a file that is not a session, or no format: a clear message and exit 2', async () => {
    const missing = await runCli(['export', join(dir, 'nope.json'), '--format', 'har']);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /no such file/);
    const noFormat = await runCli(['export', join(dir, 'nope.json')]);
    assert.equal(noFormat.code, 2);
    assert.match(noFormat.stderr, /Name the --format: har, curl, markdown or playwright/);
  });
});
