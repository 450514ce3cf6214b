#!/usr/bin/env node
// Runs every `*.test.ts` under src/, server/ and scripts/ with node's test runner (through tsx),
// checks that every finding of the catalogue was produced by some test, builds the UI and checks
// its first page's size, then the Playwright suites under e2e/ when there are any. Exit code: non-zero if any failed.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const roots = ['src', 'server', 'scripts'];
const only = process.argv.slice(2);

function collect(dir, out) {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name.startsWith('.')) continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) collect(path, out);
    else if (name.endsWith('.test.ts')) out.push(path);
  }
  return out;
}

const files = only.length > 0 ? only : roots.flatMap((root) => collect(root, [])).sort();
// The library's tests import the package by its name, which resolves to the built lib/ (code and types).
const library = spawnSync(process.execPath, ['scripts/build-library.mjs'], { stdio: 'inherit' });
if (library.status !== 0) process.exit(1);
// Each test process writes the ids of the findings the engine reported into findingsLog; after a
// whole run, findings-coverage.ts says which catalogue entries no test produced.
const findingsLog = mkdtempSync(join(tmpdir(), 'mad-findings-'));
const unit = spawnSync(process.execPath, ['--import', 'tsx', '--import', './scripts/record-findings.ts', '--test', '--test-concurrency=2', ...files], {
  stdio: 'inherit',
  env: { ...process.env, MCP_AUTH_DEBUGGER_FINDINGS_LOG: findingsLog },
});
let failed = unit.status !== 0;
if (only.length === 0) {
  const coverage = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/findings-coverage.ts', findingsLog], { stdio: 'inherit' });
  failed ||= coverage.status !== 0;
}
rmSync(findingsLog, { recursive: true, force: true });

const e2eFiles = only.length > 0 ? [] : readdirSync('e2e').filter((n) => n.endsWith('.spec.ts'));
if (e2eFiles.length > 0) {
  // The browser tests drive the built UI, so build it from the sources under test first.
  const build = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
  failed ||= build.status !== 0;
  // The first page's JavaScript stays within its budget (scripts/check-bundle-size.ts).
  const size = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/check-bundle-size.ts'], { stdio: 'inherit' });
  failed ||= size.status !== 0;
  const e2e = spawnSync('npx', ['playwright', 'test', '-c', 'e2e/playwright.config.ts'], { stdio: 'inherit' });
  failed ||= e2e.status !== 0;
}
process.exit(failed ? 1 : 0);
