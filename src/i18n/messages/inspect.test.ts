import assert from 'node:assert/strict';
import { test } from 'node:test';
import { inspectMessages } from './inspect.js';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

test('the inspection texts exist in both languages with the same placeholders', () => {
  const en = Object.keys(inspectMessages.en).sort();
  const zh = Object.keys(inspectMessages['zh-CN']).sort();
  assert.deepEqual(zh, en);
  for (const key of en) {
    assert.ok(key.startsWith('inspect.'), key);
    assert.deepEqual(placeholders(inspectMessages['zh-CN'][key] ?? ''), placeholders(inspectMessages.en[key] ?? ''), key);
  }
});
