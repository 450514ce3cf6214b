import assert from 'node:assert/strict';
import { test } from 'node:test';
import { jsonDepthExceeds } from './json-depth.js';

test('depth is counted without recursion, containers only', () => {
  const nested = (levels: number) => JSON.parse(`${'['.repeat(levels)}1${']'.repeat(levels)}`) as unknown;
  assert.equal(jsonDepthExceeds(nested(64)), false);
  assert.equal(jsonDepthExceeds(nested(65)), true);
  assert.equal(jsonDepthExceeds(nested(100_000)), true, 'a depth that would overflow a recursive walk');
  assert.equal(jsonDepthExceeds({ a: [{ b: 'x' }], c: 1 }, 3), false);
  assert.equal(jsonDepthExceeds({ a: [{ b: { c: 1 } }] }, 3), true);
  assert.equal(jsonDepthExceeds('plain'), false);
});
