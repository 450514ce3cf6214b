import assert from 'node:assert/strict';
import { test } from 'node:test';
import { jsonDepthExceeds, locateJsonSyntaxError, parseJsonSafely } from './json.js';

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
  assert.deepEqual(shallowLimit, { ok: false, kind: 'too-deep', message: 'nested deeper than 1 levels', max: 1 });
});

test('a syntax error is located in our own terms: line, column and what was found there', () => {
  const at = (text: string) => {
    const parsed = parseJsonSafely(text);
    return parsed.ok || parsed.kind !== 'syntax' ? undefined : parsed.at;
  };
  assert.deepEqual(at('{"a":}'), { line: 1, column: 6, found: '“}”' });
  assert.deepEqual(at('{\n  "a": 1,\n  "b": tru\n}'), { line: 3, column: 8, found: '“t”' });
  assert.deepEqual(at('<html>'), { line: 1, column: 1, found: '“<”' });
  assert.deepEqual(at('{"a": 12'), { line: 1, column: 9, found: 'end' }, 'a text cut after a complete value ends early');
  assert.deepEqual(at(''), { line: 1, column: 1, found: 'end' });
  assert.deepEqual(at('[1,]'), { line: 1, column: 4, found: '“]”' });
  assert.deepEqual(at('{"a":1,}'), { line: 1, column: 8, found: '“}”' });
  assert.deepEqual(at('{} x'), { line: 1, column: 4, found: '“x”' });
  assert.deepEqual(at('"tab\there"'), { line: 1, column: 5, found: 'U+0009' }, 'a control character inside a string');
  assert.deepEqual(at('["\\x"]'), { line: 1, column: 4, found: '“x”' });
  assert.deepEqual(at('[1]\u202e'), { line: 1, column: 4, found: 'U+202E' }, 'a bidi control is shown as its code point, not applied');
  assert.deepEqual(at('01'), { line: 1, column: 2, found: '“1”' });
  assert.deepEqual(at(`${'['.repeat(200_000)}x`), { line: 1, column: 200_001, found: '“x”' }, 'deep nesting is walked without recursion');
  const parsed = parseJsonSafely('{"a":}');
  assert.equal(parsed.ok ? '' : parsed.message, 'unexpected “}” at line 1, column 6');
  const cut = parseJsonSafely('[1, 2');
  assert.equal(cut.ok ? '' : cut.message, 'the text ends at line 1, column 6, before the JSON is complete');
});

test('the locator agrees with JSON.parse on what is JSON', () => {
  // Random texts from JSON's own alphabet: every one JSON.parse refuses is located, every one it
  // accepts is not. A seeded generator keeps a failure reproducible.
  const alphabet = ['{', '}', '[', ']', ',', ':', '"', '"a"', '1', '-', '0', '.5', 'e3', 'true', 'null', 'fals', ' ', '\n', '\\', '\\u00e9', 'x'];
  let seed = 7;
  const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648);
  let refused = 0;
  for (let n = 0; n < 20_000; n++) {
    const length = 1 + Math.floor(random() * 8);
    const text = Array.from({ length }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
    let valid = true;
    try {
      JSON.parse(text);
    } catch {
      valid = false;
    }
    if (!valid) refused++;
    assert.equal(locateJsonSyntaxError(text) === undefined, valid, JSON.stringify(text));
  }
  assert.ok(refused > 1000 && refused < 20_000, `both kinds of text were generated (${refused} refused)`);
});
