import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { base64Bytes, dataUri, isWebLink, readContentItem, readToolResult } from './tool-result.js';

// The lab's answer to add_numbers(2, 3).
const ADD_RESULT = {
  content: [{ type: 'text', text: '{"operation":"addition","operand_a":2,"operand_b":3,"result":5}' }],
  structuredContent: { operation: 'addition', operand_a: 2, operand_b: 3, result: 5 },
};

const PIXEL = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=';

describe('readToolResult', () => {
  it('reads text (pretty-printing JSON text) and structuredContent', () => {
    const shown = readToolResult(ADD_RESULT);
    assert.equal(shown.isError, false);
    assert.equal(shown.content.length, 1);
    const text = shown.content[0];
    assert.equal(text?.kind, 'text');
    if (text?.kind === 'text') assert.match(text.json ?? '', /"result": 5/);
    assert.match(shown.structuredContent ?? '', /"result": 5/);
  });

  it('reports isError results', () => {
    const shown = readToolResult({ content: [{ type: 'text', text: 'b must be a number' }], isError: true });
    assert.equal(shown.isError, true);
    assert.deepEqual(shown.content, [{ kind: 'text', text: 'b must be a number' }]);
  });

  it('tolerates a result that is not an object', () => {
    assert.deepEqual(readToolResult(undefined), { content: [], isError: false });
    assert.deepEqual(readToolResult('x'), { content: [], isError: false });
  });
});

describe('readContentItem', () => {
  it('makes data URIs for images and audio only from base64 of the right media type', () => {
    assert.deepEqual(readContentItem({ type: 'image', mimeType: 'image/png', data: PIXEL }), {
      kind: 'image',
      mimeType: 'image/png',
      dataUri: `data:image/png;base64,${PIXEL}`,
    });
    assert.equal(readContentItem({ type: 'image', mimeType: 'text/html', data: PIXEL }).kind, 'unknown');
    assert.equal(readContentItem({ type: 'image', mimeType: 'image/png', data: '"><script>' }).kind, 'unknown');
    assert.equal(readContentItem({ type: 'audio', mimeType: 'audio/wav', data: 'UklGRg==' }).kind, 'audio');
  });

  it('reads embedded resources and resource links', () => {
    assert.deepEqual(readContentItem({ type: 'resource', resource: { uri: 'file:///a.txt', mimeType: 'text/plain', text: 'hello' } }), {
      kind: 'resource',
      uri: 'file:///a.txt',
      mimeType: 'text/plain',
      text: 'hello',
    });
    assert.deepEqual(readContentItem({ type: 'resource', resource: { uri: 'x:b', blob: 'AAEC' } }), { kind: 'resource', uri: 'x:b', blobBytes: 3 });
    assert.deepEqual(readContentItem({ type: 'resource_link', uri: 'https://example.com/r', name: 'r', description: 'A resource' }), {
      kind: 'resource_link',
      uri: 'https://example.com/r',
      name: 'r',
      description: 'A resource',
    });
  });

  it('shows unknown and malformed items raw', () => {
    const item = readContentItem({ type: 'video', url: 'x' });
    assert.equal(item.kind, 'unknown');
    if (item.kind === 'unknown') assert.equal(item.type, 'video');
    assert.equal(readContentItem({ type: 'text' }).kind, 'unknown');
    assert.equal(readContentItem(42).kind, 'unknown');
  });
});

describe('helpers', () => {
  it('counts base64 bytes', () => {
    assert.equal(base64Bytes('AAEC'), 3);
    assert.equal(base64Bytes('AAE='), 2);
    assert.equal(base64Bytes('AA=='), 1);
  });

  it('accepts data only of the declared kind', () => {
    assert.equal(dataUri('image/svg+xml', 'PHN2Zz4=', 'image'), 'data:image/svg+xml;base64,PHN2Zz4=');
    assert.equal(dataUri('image/png', PIXEL, 'audio'), undefined);
    assert.equal(dataUri(undefined, PIXEL, 'image'), undefined);
  });

  it('links only http(s) URIs', () => {
    assert.equal(isWebLink('https://example.com/x'), true);
    assert.equal(isWebLink('javascript:alert(1)'), false);
    assert.equal(isWebLink('file:///etc/passwd'), false);
  });
});
