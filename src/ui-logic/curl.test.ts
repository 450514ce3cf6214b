import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { test } from 'node:test';
import type { ExchangeRequest } from '../engine/types.js';
import { buildCurlCommand, curlArguments, shellQuote } from './curl.js';

/** Runs the command in a real POSIX shell with `curl` replaced by a function that prints its arguments. */
function argumentsSeenByShell(command: string): string[] {
  const script = `curl() { for a in "$@"; do printf '%s\\0' "$a"; done; }\n${command}`;
  const result = spawnSync('sh', ['-c', script], { encoding: 'utf8' });
  assert.equal(result.status, 0, result.stderr);
  return result.stdout.split('\0').slice(0, -1);
}

test('shellQuote leaves plain words alone and single-quotes the rest', () => {
  assert.equal(shellQuote('https://a.example/mcp'), 'https://a.example/mcp');
  assert.equal(shellQuote(''), "''");
  assert.equal(shellQuote('a b'), "'a b'");
  assert.equal(shellQuote("it's"), `'it'\\''s'`);
  assert.equal(shellQuote('$HOME'), "'$HOME'");
});

test('a JSON POST with hostile characters reaches curl byte for byte', () => {
  const request: ExchangeRequest = {
    method: 'POST',
    url: 'http://127.0.0.1:4282/mcp?x=1&y=$(id)',
    headers: [
      ['content-type', 'application/json'],
      ['authorization', 'Bearer eyJ.a\'b`c`.sig'],
      ['content-length', '99'],
      ['x-multi', 'line1\nline2 "quoted" \\ back'],
    ],
    body: '{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"it\'s $PATH `whoami` !"}}\n',
  };
  const command = buildCurlCommand(request);
  assert.deepEqual(argumentsSeenByShell(command), curlArguments(request));
  assert.deepEqual(curlArguments(request), [
    'http://127.0.0.1:4282/mcp?x=1&y=$(id)',
    '-H',
    'content-type: application/json',
    '-H',
    "authorization: Bearer eyJ.a'b`c`.sig",
    '-H',
    'x-multi: line1\nline2 "quoted" \\ back',
    '--data-raw',
    request.body,
  ]);
});

test('methods: GET has no -X, HEAD uses --head, a bodiless POST and a PUT name the method', () => {
  assert.deepEqual(curlArguments({ method: 'GET', url: 'https://a.example/', headers: [] }), ['https://a.example/']);
  assert.deepEqual(curlArguments({ method: 'HEAD', url: 'https://a.example/', headers: [] }), ['--head', 'https://a.example/']);
  assert.deepEqual(curlArguments({ method: 'POST', url: 'https://a.example/', headers: [] }), ['-X', 'POST', 'https://a.example/']);
  assert.deepEqual(curlArguments({ method: 'put', url: 'https://a.example/', headers: [], body: 'x' }), ['-X', 'PUT', 'https://a.example/', '--data-raw', 'x']);
});

test('a Host header is kept only when it differs from the URL', () => {
  const same = curlArguments({ method: 'GET', url: 'https://a.example:8443/', headers: [['Host', 'A.example:8443']] });
  assert.deepEqual(same, ['https://a.example:8443/']);
  const other = curlArguments({ method: 'GET', url: 'https://127.0.0.1/', headers: [['host', 'a.example']] });
  assert.deepEqual(other, ['https://127.0.0.1/', '-H', 'host: a.example']);
});

test('the command puts each option on its own continued line', () => {
  const command = buildCurlCommand({ method: 'POST', url: 'https://a.example/token', headers: [['content-type', 'application/x-www-form-urlencoded']], body: 'grant_type=authorization_code&code=abc' });
  assert.equal(
    command,
    "curl https://a.example/token \\\n  -H 'content-type: application/x-www-form-urlencoded' \\\n  --data-raw 'grant_type=authorization_code&code=abc'",
  );
});
