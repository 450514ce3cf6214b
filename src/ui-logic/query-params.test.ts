import assert from 'node:assert/strict';
import { test } from 'node:test';
import { inspectMessages } from '../i18n/messages/inspect.js';
import { breakDownUrl, formParameters, KNOWN_OAUTH_PARAMETERS, oauthParameterKey } from './query-params.js';

test('an authorization URL breaks into decoded, explained parameters in order', () => {
  const url =
    'https://as.example/realms/demo/auth?response_type=code&client_id=abc&redirect_uri=http%3A%2F%2F127.0.0.1%3A4280%2Fcallback&code_challenge=E9Mel&code_challenge_method=S256&state=xyz&resource=https%3A%2F%2Fmcp.example%2Fmcp&scope=mcp%3Atools+offline_access&x-custom=1#frag';
  const breakdown = breakDownUrl(url);
  assert.equal(breakdown.valid, true);
  assert.equal(breakdown.base, 'https://as.example/realms/demo/auth');
  assert.equal(breakdown.fragment, 'frag');
  assert.deepEqual(
    breakdown.params.map((p) => p.name),
    ['response_type', 'client_id', 'redirect_uri', 'code_challenge', 'code_challenge_method', 'state', 'resource', 'scope', 'x-custom'],
  );
  assert.equal(breakdown.params.find((p) => p.name === 'redirect_uri')?.value, 'http://127.0.0.1:4280/callback');
  assert.equal(breakdown.params.find((p) => p.name === 'scope')?.value, 'mcp:tools offline_access');
  assert.equal(breakdown.params.find((p) => p.name === 'resource')?.explanationKey, 'inspect.param.resource');
  assert.equal(breakdown.params.find((p) => p.name === 'x-custom')?.explanationKey, undefined);
});

test('repeated parameters stay repeated; a URL without a query has none', () => {
  assert.deepEqual(
    breakDownUrl('https://a.example/?resource=a&resource=b').params.map((p) => p.value),
    ['a', 'b'],
  );
  const plain = breakDownUrl('https://a.example/mcp');
  assert.deepEqual(plain.params, []);
  assert.equal(plain.base, 'https://a.example/mcp');
});

test('text that is not a URL is kept raw and marked invalid', () => {
  const breakdown = breakDownUrl('not a url');
  assert.equal(breakdown.valid, false);
  assert.equal(breakdown.raw, 'not a url');
  assert.deepEqual(breakdown.params, []);
});

test('a token request body reads as form parameters', () => {
  const params = formParameters('grant_type=authorization_code&code=c%2B1&code_verifier=v&resource=https%3A%2F%2Fmcp.example%2Fmcp');
  assert.deepEqual(
    params.map((p) => [p.name, p.value, p.explanationKey]),
    [
      ['grant_type', 'authorization_code', 'inspect.param.grant_type'],
      ['code', 'c+1', 'inspect.param.code'],
      ['code_verifier', 'v', 'inspect.param.code_verifier'],
      ['resource', 'https://mcp.example/mcp', 'inspect.param.resource'],
    ],
  );
});

test('every known parameter has an explanation in English and Chinese', () => {
  for (const name of KNOWN_OAUTH_PARAMETERS) {
    const key = oauthParameterKey(name);
    assert.ok(key);
    assert.ok(inspectMessages.en[key], `en ${key}`);
    assert.ok(inspectMessages['zh-CN'][key], `zh-CN ${key}`);
  }
});
