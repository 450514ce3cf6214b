import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { compareMessages } from './compare.js';

const components = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../components');

test('every compare key the components name has a text, and the key families built from data are complete', () => {
  const named = new Set<string>();
  for (const name of readdirSync(components).filter((file) => file.endsWith('.tsx'))) {
    for (const match of readFileSync(path.join(components, name), 'utf8').matchAll(/'(compare\.[\w.-]+)'/g)) if (match[1]) named.add(match[1]);
  }
  assert.ok(named.has('compare.start') && named.has('compare.title'), 'the scan finds the keys');
  const families = [
    ...['same', 'changed', 'regression'].map((mark) => `compare.mark.${mark}`),
    ...['ok', 'failed', 'needs-user', 'skipped', 'notReached'].map((outcome) => `compare.outcome.${outcome}`),
  ];
  const counted = ['compare.summary.differences', 'compare.summary.regressions', 'compare.findings.notes', 'compare.exchanges.summary'];
  const missing = [...named, ...families]
    .filter((key) => !counted.includes(key))
    .concat(counted.flatMap((key) => [`${key}.one`, `${key}.other`]))
    .filter((key) => compareMessages.en[key] === undefined);
  assert.deepEqual(missing, []);
});
