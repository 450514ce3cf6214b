#!/usr/bin/env node
// Runs every `*.test.ts` under src/, server/ and scripts/ with node's test runner (through tsx),
// then the Playwright suites under e2e/ when there are any. Exit code: non-zero if any failed.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
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
const unit = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=2', ...files], { stdio: 'inherit' });
let failed = unit.status !== 0;

const e2eFiles = only.length > 0 ? [] : readdirSync('e2e').filter((n) => n.endsWith('.spec.ts'));
if (e2eFiles.length > 0) {
  // The browser tests drive the built UI, so build it from the sources under test first.
  const build = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
  failed ||= build.status !== 0;
  const e2e = spawnSync('npx', ['playwright', 'test', '-c', 'e2e/playwright.config.ts'], { stdio: 'inherit' });
  failed ||= e2e.status !== 0;
}
process.exit(failed ? 1 : 0);
