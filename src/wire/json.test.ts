import assert from 'node:assert/strict';
import { test } from 'node:test';
import { jsonDepthExceeds, parseJsonSafely } from './json.js';

test('depth is counted without recursion, containers only', () => {
  const nested = (levels: number) => JSON.parse(`${'['.repeat(levels)}1${']'.repeat(levels)}`) as unknown;
  assert.equal(jsonDepthExceeds(nested(64)), false);
  assert.equal(jsonDepthExceeds(nested(65)), true);
  assert.equal(jsonDepthExceeds(nested(100_000)), true, 'a depth that would overflow a recursive walk');
  assert.equal(jsonDepthExceeds({ a: [{ b: 'x' }], c: 1 }, 3), false);
  assert.equal(jsonDepthExceeds({ a: [{ b: { c: 1 } }] }, 3), true);
  assert.equal(jsonDepthExceeds('plain'), false);
});

test('parseJsonSafely: a value, or why not, never an exception', () => {
  assert.deepEqual(parseJsonSafely('{"a":[1,2]}'), { ok: true, value: { a: [1, 2] } });
  assert.deepEqual(parseJsonSafely('null'), { ok: true, value: null });
  for (const text of ['', '{', '{"a":}', 'undefined', "{'a':1}"]) {
    const parsed = parseJsonSafely(text);
    assert.equal(parsed.ok ? 'ok' : parsed.kind, 'syntax', text);
  }
  const deep = parseJsonSafely(`${'['.repeat(100_000)}${']'.repeat(100_000)}`);
  assert.equal(deep.ok, false);
  const shallowLimit = parseJsonSafely('{"a":{"b":1}}', 1);
  assert.deepEqual(shallowLimit, { ok: false, kind: 'too-deep', message: 'nested deeper than 1 levels' });
});
