import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { appMessages } from './app.js';

const src = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

test('every app key the components and the store name has a text', () => {
  const files = ['components', 'store'].flatMap((dir) =>
    readdirSync(path.join(src, dir))
      .filter((name) => /\.tsx?$/.test(name) && !name.endsWith('.test.ts'))
      .map((name) => path.join(src, dir, name)),
  );
  const named = new Set<string>();
  for (const file of files) for (const match of readFileSync(file, 'utf8').matchAll(/'(app\.[\w.-]+)'/g)) if (match[1]) named.add(match[1]);
  // Keys built from data: the families below must be complete.
  const families = [
    ...['auto', 'pre', 'cimd', 'dcr'].flatMap((mode) => [`app.connect.registration.${mode}`, `app.connect.registration.${mode}.help`]),
    ...['unreachable', 'rejected', 'no-secret'].flatMap((health) => [`app.relay.${health}.title`, `app.relay.${health}.body`]),
    ...['pending', 'running', 'waiting', 'ok', 'warning', 'error', 'skipped'].map((status) => `app.status.${status}`),
    ...['ready', 'waiting', 'stopped', 'completed'].map((kind) => `app.summary.${kind}`),
    ...['step', 'tokens', 'tools', 'findings'].map((tab) => `app.tabs.${tab}`),
    ...['light', 'dark', 'system'].map((theme) => `app.theme.${theme}`),
  ];
  const counted = ['app.count.errors', 'app.count.warnings', 'app.count.info', 'app.count.exchanges', 'app.step.exchanges', 'app.auth.parameters'];
  const missing = [...named, ...families]
    .filter((key) => !counted.includes(key))
    .concat(counted.flatMap((key) => [`${key}.one`, `${key}.other`]))
    .filter((key) => appMessages.en[key] === undefined);
  assert.deepEqual(missing, []);
});
