import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ENGINE_PHRASES } from '../engine/checks/engine-phrases.js';
import { classifyBody, parseEventStream } from './body-format.js';
import { localizedEngineText } from './engine-text.js';

const json: [string, string][] = [['content-type', 'application/json; charset=utf-8']];

test('JSON bodies become trees; broken JSON stays text with the parse error', () => {
  assert.deepEqual(classifyBody(json, '{"a":[1]}'), { kind: 'json', value: { a: [1] } });
  const broken = classifyBody(json, '{"a":');
  assert.equal(broken.kind, 'text');
  assert.ok(broken.kind === 'text' && broken.invalidJson);
  // Said in our words, in the reader's language, not in the JavaScript engine's English.
  assert.equal(localizedEngineText(broken.invalidJson, 'en', ENGINE_PHRASES), 'the text ends at line 1, column 6, before the JSON is complete');
  assert.equal(localizedEngineText(broken.invalidJson, 'zh-CN', ENGINE_PHRASES), '文本在第 1 行第 6 列就结束了,JSON 尚不完整');
  const html = classifyBody(json, '<html>');
  assert.equal(html.kind === 'text' && html.invalidJson ? localizedEngineText(html.invalidJson, 'zh-CN', ENGINE_PHRASES) : '', '第 1 行第 1 列出现意外的 “<”');
  assert.deepEqual(classifyBody([['Content-Type', 'application/jwk-set+json']], '{"keys":[]}'), { kind: 'json', value: { keys: [] } });
});

test('a body without a content type that looks like JSON is read as JSON; HTML is text', () => {
  assert.equal(classifyBody([], ' [1,2]').kind, 'json');
  assert.deepEqual(classifyBody([['content-type', 'text/html']], '<html></html>'), { kind: 'text', text: '<html></html>' });
  assert.deepEqual(classifyBody([], undefined), { kind: 'empty' });
  assert.deepEqual(classifyBody(json, ''), { kind: 'empty' });
});

test('form bodies become parameters', () => {
  const view = classifyBody([['content-type', 'application/x-www-form-urlencoded']], 'grant_type=refresh_token&refresh_token=r1');
  assert.equal(view.kind, 'form');
  assert.deepEqual(view.kind === 'form' && view.params.map((p) => p.name), ['grant_type', 'refresh_token']);
});

test('event streams split into events with JSON data parsed', () => {
  const body = 'event: message\nid: 7\ndata: {"jsonrpc":"2.0",\ndata: "id":1,"result":{}}\n\n: keep-alive\n\ndata: plain text\r\n\r\n';
  const events = parseEventStream(body);
  assert.equal(events.length, 2);
  assert.deepEqual(events[0], {
    event: 'message',
    id: '7',
    data: '{"jsonrpc":"2.0",\n"id":1,"result":{}}',
    json: { jsonrpc: '2.0', id: 1, result: {} },
  });
  assert.deepEqual(events[1], { data: 'plain text' });
  assert.equal(classifyBody([['content-type', 'text/event-stream']], body).kind, 'event-stream');
});
