import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { INITIAL_JS_GZIP_BUDGET_BYTES, initialJsGzipBytes } from './bundle-size.js';

const script = new URL('./check-bundle-size.ts', import.meta.url).pathname;

/** A built site whose entry script is `entryBytes` of incompressible JS, plus a lazy chunk that must not count. */
function builtSite(entryBytes: number): string {
  const dist = mkdtempSync(join(tmpdir(), 'bundle-size-'));
  mkdirSync(join(dist, 'assets'));
  writeFileSync(join(dist, 'index.html'), '<!doctype html><html><head><script type="module" crossorigin src="/assets/index-1.js"></script><link rel="modulepreload" crossorigin href="/assets/vendor-2.js"></head><body></body></html>');
  const filler = (bytes: number) => `const x = ${JSON.stringify(randomBytes(bytes).toString('base64'))};\n`;
  writeFileSync(join(dist, 'assets', 'index-1.js'), filler(entryBytes));
  writeFileSync(join(dist, 'assets', 'vendor-2.js'), 'export const vendor = 1;\n');
  writeFileSync(join(dist, 'assets', 'lazy-3.js'), filler(400_000));
  return dist;
}

function check(dist: string) {
  const run = spawnSync(process.execPath, ['--import', 'tsx', script, dist], { encoding: 'utf8' });
  return { status: run.status, output: run.stdout + run.stderr };
}

test('the entry script and its modulepreloads count; a lazy chunk does not', (t) => {
  const dist = builtSite(10_000);
  t.after(() => rmSync(dist, { recursive: true, force: true }));
  const { bytes, files } = initialJsGzipBytes(dist);
  assert.deepEqual(files, ['/assets/index-1.js', '/assets/vendor-2.js']);
  assert.ok(bytes > 10_000 && bytes < 20_000, String(bytes));
  assert.equal(check(dist).status, 0);
});

test('a first page over budget fails the check and says by how much', (t) => {
  const dist = builtSite(INITIAL_JS_GZIP_BUDGET_BYTES);
  t.after(() => rmSync(dist, { recursive: true, force: true }));
  const { status, output } = check(dist);
  assert.equal(status, 1);
  assert.match(output, /over by [\d,]+ bytes/);
});
