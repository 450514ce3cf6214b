import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sanitiseClientError } from './client-error-text.js';

test('a client error keeps no secret, no control character and no unbounded length', () => {
  const jwt = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJkZW1vIn0.c2lnbmF0dXJl';
  const raw = `Token exchange failed: {"access_token":"opaque-123456","error":"x"} for s3cr3t-value at https://as.example/cb?code=abcdef&state=1 with ${jwt}\u001b[31m red \u202e`;
  const safe = sanitiseClientError(raw, ['s3cr3t-value']);
  for (const secret of ['opaque-123456', 's3cr3t-value', 'abcdef', jwt, '\u001b', '\u202e']) assert.ok(!safe.includes(secret), `${JSON.stringify(secret)} in ${safe}`);
  assert.match(safe, /\\u001b\[31m red \\u202e/);
  assert.ok(sanitiseClientError('x'.repeat(5000), []).length <= 500);
});
