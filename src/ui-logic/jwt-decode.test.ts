import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decodeToken, maskToken, tokenFormatMessage } from './jwt-decode.js';

// An access token the lab issued (RS256, typ at+jwt).
const LAB_ACCESS_TOKEN =
  'eyJhbGciOiJSUzI1NiIsInR5cCI6ImF0K2p3dCIsImtpZCI6Ik8wUDc1bGMwVWo4TDdTaU5VelFOOHUtYk5TUEVJajFQOXU4bzRrY29wVVEifQ.eyJqdGkiOiIyTmRjZnlGWEFZYjczWDJXbHF0YktudTBUX1RiVGNlaGsxSFVub0pKUkdVIiwic3ViIjoiYWRtaW4iLCJpYXQiOjE3OTU3NDE1MDUsImV4cCI6MTc5NTc0MjQwNSwic2NvcGUiOiJtY3A6dG9vbHMiLCJjbGllbnRfaWQiOiJMVFNzTmNGSkNCc3RlcHVLQWRuNVZ5WFZTMFpYUFVVcExFSkExd1BZR00xIiwiaXNzIjoiaHR0cDovLzEyNy4wLjAuMTozOTI3OS9yZWFsbXMvZGVtbyIsImF1ZCI6Imh0dHA6Ly8xMjcuMC4wLjE6NDU5MDEvbWNwIn0.XUyQFHAANi4XaZ8ZWWlru4O-EnrVZV74COUs1PvGQMOe-bFthqQGaqqAqG_LrVeOUkKUnjlM91ztEPR-xyQ-TlT421CJzTjm7zuCsFAWgaTyonR-9ovd4Wx6nKjJTfxPy4Zzk4U7acaFfYKYWx0f_sBxbpEG0bBQg2R_h90cu3WGDKZLR1mCRUJQiXUgCw4GL4AyqN0sOs6DqZY7rpd7q7g7W3yNuTovXHjhXiXkAqfuHgzZN-6AvY0Fic_42Ak5jLdmegiClC_Bf1t3Hr0UdWlp9nhzF5jA-77pG_GEM_BpzZhimC8l23WDGz4fxqYagpfAfvPrBx8_ute8VEO4nw';

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
