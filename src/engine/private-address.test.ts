import assert from 'node:assert/strict';
import { test } from 'node:test';
import { addressClass, isIpLiteral, startsOnLoopback } from './private-address.js';

/** How a URL's host reaches the check: through the WHATWG URL parser. */
const hostOf = (url: string) => new URL(url).hostname;

test('loopback, private, link-local, unique-local and unspecified addresses in every spelling', () => {
  const cases: [string, string | undefined][] = [
    ['http://127.0.0.1/', 'loopback'],
    ['http://2130706433/', 'loopback'],
    ['http://0177.0.0.1/', 'loopback'],
    ['http://0x7f.1/', 'loopback'],
    ['http://[::1]/', 'loopback'],
    ['http://[::ffff:127.0.0.1]/', 'loopback'],
    ['http://[0:0:0:0:0:ffff:7f00:1]/', 'loopback'],
    ['http://10.1.2.3/', 'private'],
    ['http://172.20.0.1/', 'private'],
    ['http://192.168.1.1/', 'private'],
    ['http://[::ffff:192.168.1.1]/', 'private'],
    ['http://169.254.169.254/', 'link-local'],
    ['http://[fe80::1]/', 'link-local'],
    ['http://[fd12:3456::1]/', 'unique-local'],
    ['http://0.0.0.0/', 'unspecified'],
    ['http://[::]/', 'unspecified'],
    ['http://93.184.216.34/', undefined],
    ['http://172.32.0.1/', undefined],
    ['http://[2606:4700::1111]/', undefined],
    ['http://example.com/', undefined],
  ];
  for (const [url, expected] of cases) assert.equal(addressClass(hostOf(url)), expected, url);
});

test('IP literals are told from names; a run on loopback is recognised', () => {
  assert.equal(isIpLiteral('10.0.0.1'), true);
  assert.equal(isIpLiteral('[::1]'), true);
  assert.equal(isIpLiteral('mcp.example.com'), false);
  assert.equal(startsOnLoopback('localhost'), true);
  assert.equal(startsOnLoopback('127.0.0.1'), true);
  assert.equal(startsOnLoopback('[::1]'), true);
  assert.equal(startsOnLoopback('mcp.example.com'), false);
});
