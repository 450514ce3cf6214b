import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { tokensMessages } from '../i18n/messages/tokens.js';
import { ID_TOKEN_CLAIM_KEYS, KNOWN_CLAIMS, claimExplanationKey, claimValue, describeClaims, splitScope } from './claims.js';
import { HEADER_PARAMETERS, algorithmNoteKey, describeHeader, typeNoteKey } from './jwt-header.js';
import { LAB_ACCESS_TOKEN_CLAIMS as LAB_CLAIMS } from './lab-access-token.fixture.js';

describe('describeClaims', () => {
  it('puts registered claims first in a reading order, each with its explanation', () => {
    const rows = describeClaims({ ...LAB_CLAIMS, tenant: 'acme' });
    assert.deepEqual(
      rows.map((r) => r.name),
      ['iss', 'sub', 'aud', 'exp', 'iat', 'jti', 'scope', 'client_id', 'tenant'],
    );
    assert.equal(rows[0]?.explanationKey, 'tokens.claim.iss');
    const unknown = rows.find((r) => r.name === 'tenant');
    assert.equal(unknown?.explanationKey, undefined);
    assert.deepEqual(unknown?.value, { kind: 'text', text: 'acme' });
  });

  it('explains aud and sub of an ID token as the client and the signed-in user', () => {
    const rows = describeClaims({ aud: 'mcp-auth-debugger', sub: 'admin', iss: 'https://as' }, 'id-token');
    assert.deepEqual(
      rows.map((r) => r.explanationKey),
      ['tokens.claim.iss', 'tokens.claim.id.sub', 'tokens.claim.id.aud'],
    );
  });

  it('reads times, scopes, audiences and structured claims', () => {
    assert.deepEqual(claimValue('exp', 1795742405), { kind: 'time', epochSeconds: 1795742405 });
    assert.deepEqual(claimValue('exp', 'tomorrow'), { kind: 'text', text: 'tomorrow' });
    assert.deepEqual(claimValue('scope', 'openid  mcp:tools'), { kind: 'list', items: ['openid', 'mcp:tools'] });
    assert.deepEqual(claimValue('scp', ['a', 'b']), { kind: 'list', items: ['a', 'b'] });
    assert.deepEqual(claimValue('aud', ['https://a', 'https://b']), { kind: 'list', items: ['https://a', 'https://b'] });
    assert.deepEqual(claimValue('email_verified', true), { kind: 'text', text: 'true' });
    assert.deepEqual(claimValue('cnf', { jkt: 'abc' }), { kind: 'json', json: '{\n  "jkt": "abc"\n}' });
    assert.deepEqual(claimValue('x', null), { kind: 'json', json: 'null' });
  });

  it('splits scope on spaces only', () => {
    assert.deepEqual(splitScope(' a  b:c '), ['a', 'b:c']);
  });
});

describe('describeHeader', () => {
  it('explains alg, typ and kid and notes what the values mean', () => {
    const rows = describeHeader({ kid: 'k1', alg: 'RS256', typ: 'at+jwt', foo: 1 });
    assert.deepEqual(rows, [
      { name: 'alg', value: 'RS256', explanationKey: 'tokens.header.alg', valueNoteKey: 'tokens.alg.rsa' },
      { name: 'typ', value: 'at+jwt', explanationKey: 'tokens.header.typ', valueNoteKey: 'tokens.typ.at-jwt' },
      { name: 'kid', value: 'k1', explanationKey: 'tokens.header.kid' },
      { name: 'foo', value: '1' },
    ]);
  });

  it('knows the algorithm families and token types', () => {
    assert.equal(algorithmNoteKey('none'), 'tokens.alg.none');
    assert.equal(algorithmNoteKey('HS256'), 'tokens.alg.hmac');
    assert.equal(algorithmNoteKey('PS384'), 'tokens.alg.rsa-pss');
    assert.equal(algorithmNoteKey('ES256K'), 'tokens.alg.ecdsa');
    assert.equal(algorithmNoteKey('EdDSA'), 'tokens.alg.eddsa');
    assert.equal(algorithmNoteKey('XYZ'), undefined);
    assert.equal(typeNoteKey('application/at+JWT'), 'tokens.typ.at-jwt');
    assert.equal(typeNoteKey('JWT'), 'tokens.typ.jwt');
    assert.equal(typeNoteKey(7), undefined);
  });
});

describe('token messages', () => {
  const en = tokensMessages.en;
  const zh = tokensMessages['zh-CN'];

  it('explain every known claim and header parameter in English and Chinese', () => {
    const keys = [
      ...KNOWN_CLAIMS.map(claimExplanationKey),
      ...Object.values(ID_TOKEN_CLAIM_KEYS),
      ...HEADER_PARAMETERS.map((name) => `tokens.header.${name}`),
      ...['none', 'hmac', 'rsa', 'rsa-pss', 'ecdsa', 'eddsa'].map((family) => `tokens.alg.${family}`),
      ...['at-jwt', 'jwt', 'logout-jwt', 'id-jag'].map((typ) => `tokens.typ.${typ}`),
    ];
    for (const key of keys) {
      assert.ok(en[key], `en is missing ${key}`);
      assert.ok(zh[key], `zh-CN is missing ${key}`);
    }
  });
});
