import assert from 'node:assert/strict';
import { test } from 'node:test';
import { inspectMessages } from '../i18n/messages/inspect.js';
import { EXCHANGE_ERROR_KINDS } from '../engine/transport.js';
import {
  exchangeErrorKey,
  firstHeader,
  formatBytes,
  formatClockTime,
  formatDuration,
  headerValues,
  hostAndPath,
  mediaType,
  originOf,
  statusReason,
  statusTone,
  truncate,
} from './http-format.js';

test('headers are looked up case-insensitively, every value in order', () => {
  const headers: [string, string][] = [
    ['WWW-Authenticate', 'Basic'],
    ['content-type', 'Application/JSON; charset=utf-8'],
    ['www-authenticate', 'Bearer'],
  ];
  assert.deepEqual(headerValues(headers, 'www-authenticate'), ['Basic', 'Bearer']);
  assert.equal(firstHeader(headers, 'Content-Type'), 'Application/JSON; charset=utf-8');
  assert.equal(firstHeader(headers, 'location'), undefined);
  assert.equal(mediaType(headers), 'application/json');
  assert.equal(mediaType([]), '');
});

test('status reasons: the sent text wins, else the standard phrase', () => {
  assert.equal(statusReason(401, 'Unauthorized'), 'Unauthorized');
  assert.equal(statusReason(401, ''), 'Unauthorized');
  assert.equal(statusReason(299, ''), '');
  assert.deepEqual([101, 204, 302, 404, 503].map(statusTone), ['informational', 'success', 'redirect', 'client-error', 'server-error']);
});

test('durations and sizes', () => {
  assert.equal(formatDuration(51.4), '51 ms');
  assert.equal(formatDuration(1234), '1.23 s');
  assert.equal(formatDuration(12_345), '12.3 s');
  assert.equal(formatDuration(125_000), '2 min 5 s');
  assert.equal(formatDuration(-1), '–');
  assert.equal(formatBytes(84), '84 B');
  assert.equal(formatBytes(1234), '1.2 kB');
  assert.equal(formatBytes(2_097_153), '2.1 MB');
});

test('URLs shortened to host and path; origins; truncation', () => {
  assert.equal(hostAndPath('http://127.0.0.1:4282/mcp'), '127.0.0.1:4282/mcp');
  assert.equal(hostAndPath('https://as.example/auth?client_id=x'), 'as.example/auth?…');
  assert.equal(hostAndPath('nonsense'), 'nonsense');
  assert.equal(originOf('https://as.example:443/x'), 'https://as.example');
  assert.equal(originOf('relative/path'), undefined);
  assert.equal(truncate('abcdef', 4), 'abc…');
  assert.equal(truncate('abc', 4), 'abc');
});

test('clock times are local and keep milliseconds', () => {
  const iso = new Date(2026, 0, 2, 3, 4, 5, 67).toISOString();
  assert.equal(formatClockTime(iso), '03:04:05.067');
  assert.equal(formatClockTime('not a date'), 'not a date');
});

test('every exchange error kind is explained in English and Chinese', () => {
  for (const kind of EXCHANGE_ERROR_KINDS) {
    const key = exchangeErrorKey(kind);
    assert.ok(inspectMessages.en[key], key);
    assert.ok(inspectMessages['zh-CN'][key], key);
  }
});
