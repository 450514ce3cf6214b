import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findInternalLeaks } from './internal-leaks.js';

const kinds = (body: string) => findInternalLeaks(body).map((leak) => leak.kind);

describe('findInternalLeaks', () => {
  it('finds stack traces of the common runtimes, raw or escaped in JSON', () => {
    assert.deepEqual(kinds('Error: invalid signature\n    at verify (/srv/mcp/auth.js:12:7)\n    at next (node:internal)'), ['stack-trace', 'file-path']);
    assert.deepEqual(kinds(JSON.stringify({ error: 'boom', stack: 'TypeError: x\n    at Object.<anonymous> (file:///app/server.mjs:3:9)' })), ['stack-trace']);
    assert.deepEqual(kinds('Traceback (most recent call last):\n  File "main.py", line 3'), ['stack-trace']);
    assert.deepEqual(kinds('java.lang.IllegalStateException\n\tat com.acme.Auth.check(Auth.java:42)'), ['stack-trace']);
    assert.deepEqual(kinds('goroutine 1 [running]:'), ['stack-trace']);
  });

  it('finds SQL errors, server file paths and errors of the services behind', () => {
    assert.deepEqual(kinds('{"error":"SQLSTATE[42P01]: Undefined table"}'), ['sql-error']);
    assert.deepEqual(kinds('ERROR: syntax error at or near "WHERE"'), ['sql-error']);
    assert.deepEqual(kinds('cannot read /var/lib/mcp/keys/private.pem'), ['file-path']);
    assert.deepEqual(kinds('failed: C:\\Users\\svc\\app\\config.json'), ['file-path']);
    assert.deepEqual(kinds('{"error":"connect ECONNREFUSED 10.0.0.7:8443"}'), ['upstream-error']);
    assert.deepEqual(kinds('upstream connect error or disconnect/reset before headers'), ['upstream-error']);
  });

  it('stays quiet on ordinary error answers', () => {
    for (const body of [
      '{"error":"invalid_token","error_description":"token signature is invalid"}',
      '{"jsonrpc":"2.0","error":{"code":-32603,"message":"Internal server error"},"id":null}',
      '<html><body><h1>502 Bad Gateway</h1></body></html>',
      'See https://example.com/docs/errors/at-401 for help',
      'Unauthorized',
    ]) {
      assert.deepEqual(kinds(body), [], body);
    }
  });

  it('gives a short one-line excerpt around what it found', () => {
    const [leak] = findInternalLeaks(`${'x'.repeat(500)} ORA-00942: table or view does not exist\n${'y'.repeat(500)}`);
    assert.equal(leak?.kind, 'sql-error');
    assert.ok(leak && leak.excerpt.length <= 160 && leak.excerpt.includes('ORA-00942') && !leak.excerpt.includes('\n'));
  });
});
