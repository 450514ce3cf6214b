import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decodeToken, maskToken } from './jwt-decode.js';
import { tokenFormatMessage } from './token-format.js';
import { LAB_ACCESS_TOKEN } from './lab-access-token.fixture.js';

describe('decodeToken', () => {
  it('decodes the header and claims of a JWT', () => {
    const decoded = decodeToken(LAB_ACCESS_TOKEN);
    assert.equal(decoded.format, 'jwt');
    if (decoded.format !== 'jwt') return;
    assert.equal(decoded.header.alg, 'RS256');
    assert.equal(decoded.header.typ, 'at+jwt');
    assert.equal(decoded.claims.sub, 'admin');
    assert.equal(decoded.claims.scope, 'mcp:tools');
    assert.equal(decoded.length, LAB_ACCESS_TOKEN.length);
  });

  it('calls anything else opaque', () => {
    assert.deepEqual(decodeToken('yNlXxcup8yybwFTXf3lqp-4YFlGtL9d7pNI8d5pcLYs'), { format: 'opaque', length: 43 });
    assert.deepEqual(decodeToken('a.b.c'), { format: 'opaque', length: 5 });
    assert.deepEqual(decodeToken(''), { format: 'opaque', length: 0 });
  });
});

describe('maskToken', () => {
  it('shows none of the token', () => {
    const masked = maskToken('secret-refresh-token');
    assert.ok(!/[a-z]/.test(masked));
    assert.equal(maskToken('x'.repeat(500)).length, 24);
  });
});

describe('tokenFormatMessage', () => {
  it('names the algorithm of a JWT and the length of anything', () => {
    assert.deepEqual(tokenFormatMessage(decodeToken(LAB_ACCESS_TOKEN)), { key: 'tokens.format.jwt', params: { alg: 'RS256', count: LAB_ACCESS_TOKEN.length } });
    assert.deepEqual(tokenFormatMessage(decodeToken('opaque-handle')), { key: 'tokens.format.opaque', params: { count: 13 } });
  });
});
