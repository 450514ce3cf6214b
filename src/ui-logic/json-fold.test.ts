import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  childCount,
  countNodes,
  foldedPreview,
  isPointerPrefix,
  jsonChildren,
  jsonKind,
  parseJson,
  pointerToken,
  prettyJson,
  startsOpen,
  type JsonValue,
} from './json-fold.js';

const metadata = parseJson(
  JSON.stringify({
    issuer: 'https://as.example/realms/demo',
    'a/b~c': 1,
    code_challenge_methods_supported: ['S256'],
    nested: { deeper: { deepest: { x: 1 } } },
    big: Array.from({ length: 80 }, (_, i) => i),
  }),
);

function value(): JsonValue {
  assert.ok(metadata.ok);
  return metadata.value;
}

test('parseJson reports syntax errors instead of throwing', () => {
  const bad = parseJson('{"a":');
  assert.equal(bad.ok, false);
  assert.deepEqual(parseJson('[1,null]'), { ok: true, value: [1, null] });
});

test('kinds', () => {
  assert.deepEqual([null, true, 1, 's', [], {}].map((v) => jsonKind(v)), ['null', 'boolean', 'number', 'string', 'array', 'object']);
});

test('children carry RFC 6901 pointers with ~ and / escaped', () => {
  assert.equal(pointerToken('a/b~c'), 'a~1b~0c');
  const children = jsonChildren(value(), '');
  assert.deepEqual(
    children.map((c) => c.pointer),
    ['/issuer', '/a~1b~0c', '/code_challenge_methods_supported', '/nested', '/big'],
  );
  assert.deepEqual(jsonChildren(['x', 'y'], '/list').map((c) => [c.key, c.pointer]), [
    [0, '/list/0'],
    [1, '/list/1'],
  ]);
  assert.deepEqual(jsonChildren('scalar', ''), []);
  assert.equal(childCount(value()), 5);
});

test('a folded container previews its first members and stops at the length cap', () => {
  assert.equal(foldedPreview(['S256', 'plain']), '["S256", "plain"]');
  assert.equal(foldedPreview({ a: 1, b: { c: 2 } }), '{"a": 1, "b": {…}}');
  const long = foldedPreview({ issuer: 'https://as.example/realms/demo', token_endpoint: 'https://as.example/realms/demo/token' }, 40);
  assert.ok(long.endsWith('…}'), long);
  assert.ok(long.length <= 44, long);
});

test('shallow, small containers start open; big and deep ones folded; the path to a highlight opens', () => {
  const root = value();
  assert.equal(startsOpen(root, '', 0), true);
  assert.equal(startsOpen({ deeper: { deepest: { x: 1 } } }, '/nested', 1), true);
  assert.equal(startsOpen({ deepest: { x: 1 } }, '/nested/deeper', 2), false);
  assert.equal(startsOpen(Array.from({ length: 80 }, () => 0), '/big', 1), false);
  assert.equal(startsOpen({ deepest: { x: 1 } }, '/nested/deeper', 2, undefined, '/nested/deeper/deepest/x'), true);
  assert.equal(startsOpen('scalar', '/issuer', 1), false);
});

test('pointer prefixes match whole tokens only', () => {
  assert.equal(isPointerPrefix('', '/a'), true);
  assert.equal(isPointerPrefix('/a', '/a/b'), true);
  assert.equal(isPointerPrefix('/a', '/ab'), false);
});

test('countNodes stops at its limit', () => {
  assert.equal(countNodes(value(), 10_000), 1 + 5 + 1 + 3 + 80);
  assert.equal(countNodes(value(), 10), 10);
  assert.equal(prettyJson({ a: [1] }), '{\n  "a": [\n    1\n  ]\n}');
});
