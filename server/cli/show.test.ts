/**
 * A run saved by `check --out` and printed again by `show`: the same steps, findings and verdict
 * as the live run printed, said to be a recording, without a request; and files that are not a
 * session (missing, cut short, tampered, another tool's JSON, from a newer version, 100 MB) get
 * one clear sentence and exit code 2, fast.
 */
import assert from 'node:assert/strict';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync, ftruncateSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startLab, type Lab } from '../lab/index.js';
import { runCli } from '../test-support/run-cli.js';

/** The step lines of a text report (status mark, step name, summary), in order. */
function stepLines(text: string): string[] {
  return text.split('\n').filter((line) => /^\s*[✓✗!○…↷·]\s+[a-z-]+\s/.test(line));
}

describe('show', () => {
  let lab: Lab;
  const dir = mkdtempSync(join(tmpdir(), 'mad-show-'));
  const labLog: string[] = [];

  before(async () => {
    lab = await startLab({ autoConsent: true, faults: ['prm.resource-mismatch'], log: (line) => labLog.push(line) });
  });
  after(async () => {
    await lab.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('prints a saved run as check printed it, says it is a recording, and sends nothing', async () => {
    const out = join(dir, 'run.json');
    const live = await runCli(['check', lab.mcpUrl, '--out', out]);
    assert.equal(live.code, 1, 'the fault fails the live run');
    const requestsBefore = labLog.length;

    const shown = await runCli(['show', out]);
    assert.equal(shown.code, live.code, 'the same verdict');
    assert.match(shown.stdout, /^Recorded session \(saved \d{4}-\d\d-\d\dT[\d:.]+Z, mcp-auth-debugger \d+\.\d+\.\d+, secrets redacted\); nothing was sent\./);
    assert.ok(stepLines(live.stdout).length >= 2, live.stdout);
    assert.deepEqual(stepLines(shown.stdout), stepLines(live.stdout));
    assert.match(shown.stdout, /prm\.resource-mismatch/);
    assert.equal(labLog.length, requestsBefore, 'show sent nothing to the lab');

    const json = await runCli(['show', out, '--format', 'json']);
    const report = JSON.parse(json.stdout) as { serverUrl: string; findings: { id: string }[] };
    assert.equal(report.serverUrl, lab.mcpUrl);
    assert.ok(report.findings.some((f) => f.id === 'prm.resource-mismatch'));
  });

  it('reads a bare session as check --out wrote it before session files', async () => {
    const out = join(dir, 'enveloped.json');
    await runCli(['check', lab.mcpUrl, '--out', out]);
    const bare = join(dir, 'bare.json');
    writeFileSync(bare, JSON.stringify((JSON.parse(readFileSync(out, 'utf8')) as { session: unknown }).session));
    const shown = await runCli(['show', bare]);
    assert.equal(shown.code, 1);
    assert.match(shown.stdout, /saved before session files had a date/);
    assert.match(shown.stdout, /prm\.resource-mismatch/);
  });

  it('says in one sentence what is wrong with a file that is not a session, fast', async () => {
    const good = join(dir, 'good.json');
    await runCli(['check', lab.mcpUrl, '--out', good]);
    const text = readFileSync(good, 'utf8');
    const file = JSON.parse(text) as Record<string, unknown> & { session: { results: { stepId: string }[] } };
    const write = (name: string, content: string) => {
      const path = join(dir, name);
      writeFileSync(path, content);
      return path;
    };
    const huge = join(dir, 'huge.json');
    const fd = openSync(huge, 'w');
    ftruncateSync(fd, 100 * 1024 * 1024);
    closeSync(fd);
    const tampered = structuredClone(file);
    const firstStep = tampered.session.results[0];
    if (firstStep) firstStep.stepId = 'steal-tokens';
    const cases: [string, string, RegExp][] = [
      ['missing', join(dir, 'nope.json'), /no such file/],
      ['empty', write('empty.json', ''), /empty/],
      ['cut short', write('cut.json', text.slice(0, Math.floor(text.length / 2))), /cut short/],
      ['not JSON', write('page.html', '<!doctype html><title>x</title>'), /not JSON/],
      ['another tool', write('har.json', JSON.stringify({ log: { version: '1.2', entries: [] } })), /not an mcp-auth-debugger session/],
      ['newer version', write('newer.json', JSON.stringify({ ...file, formatVersion: 99 })), /format version 99, written by a newer mcp-auth-debugger/],
      ['tampered', write('tampered.json', JSON.stringify(tampered)), /damaged: step 1 names an unknown step \(steal-tokens\)/],
      ['deep', write('deep.json', `${'['.repeat(5000)}${']'.repeat(5000)}`), /nests deeper/],
      ['100 MB', huge, /100 MB; a session file is at most 64 MB/],
    ];
    for (const [name, path, expected] of cases) {
      const started = performance.now();
      const result = await runCli(['show', path]);
      assert.equal(result.code, 2, `${name}: exit code`);
      assert.equal(result.stdout, '', `${name}: nothing printed as a report`);
      assert.match(result.stderr, expected, name);
      assert.equal(result.stderr.trim().split('\n').length, 1, `${name}: one line`);
      assert.ok(performance.now() - started < 2000, `${name}: answered fast`);
    }
  });
});
