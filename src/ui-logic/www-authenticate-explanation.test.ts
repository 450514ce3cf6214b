import assert from 'node:assert/strict';
import { test } from 'node:test';
import { inspectMessages } from '../i18n/messages/inspect.js';
import {
  explainWwwAuthenticate,
  KNOWN_BEARER_ERRORS,
  KNOWN_CHALLENGE_PARAMETERS,
  KNOWN_SCHEMES,
  WWW_AUTHENTICATE_PROBLEM_KINDS,
} from './www-authenticate-explanation.js';

test('the lab 401 challenge: Bearer with resource_metadata and scope, each explained', () => {
  const explained = explainWwwAuthenticate([
    ['content-type', 'application/json'],
    ['WWW-Authenticate', 'Bearer resource_metadata="http://127.0.0.1:4282/.well-known/oauth-protected-resource/mcp", scope="mcp:tools"'],
  ]);
  assert.ok(explained);
  assert.equal(explained.problems.length, 0);
  assert.deepEqual(explained.challenges, [
    {
      scheme: 'bearer',
      schemeExplanationKey: 'inspect.challenge.scheme.bearer',
      parameters: [
        { name: 'resource_metadata', value: 'http://127.0.0.1:4282/.well-known/oauth-protected-resource/mcp', explanationKey: 'inspect.challenge.param.resource_metadata' },
        { name: 'scope', value: 'mcp:tools', explanationKey: 'inspect.challenge.param.scope' },
      ],
    },
  ]);
});

test('an insufficient_scope error explains the error code; several header lines and schemes are kept apart', () => {
  const explained = explainWwwAuthenticate([
    ['www-authenticate', 'Basic realm="x"'],
    ['www-authenticate', 'Bearer error="insufficient_scope", scope="files:write", x-vendor=1'],
  ]);
  assert.ok(explained);
  assert.deepEqual(explained.lines.length, 2);
  assert.deepEqual(explained.challenges.map((c) => c.scheme), ['basic', 'bearer']);
  const bearer = explained.challenges[1];
  assert.ok(bearer);
  assert.deepEqual(bearer.parameters[0], {
    name: 'error',
    value: 'insufficient_scope',
    explanationKey: 'inspect.challenge.param.error',
    valueExplanationKey: 'inspect.challenge.error.insufficient_scope',
  });
  assert.deepEqual(bearer.parameters[2], { name: 'x-vendor', value: '1' });
});

test('an unquoted URL is recovered and reported as a problem with its own explanation', () => {
  const explained = explainWwwAuthenticate([['www-authenticate', 'Bearer resource_metadata=https://mcp.example/.well-known/oauth-protected-resource']]);
  assert.ok(explained);
  assert.equal(explained.challenges[0]?.parameters[0]?.value, 'https://mcp.example/.well-known/oauth-protected-resource');
  assert.deepEqual(explained.problems.map((p) => p.explanationKey), ['inspect.challenge.problem.unquoted-value']);
});

test('no header, no breakdown', () => {
  assert.equal(explainWwwAuthenticate([['content-type', 'text/plain']]), undefined);
});

test('every explanation key has English and Chinese text', () => {
  const keys = [
    ...KNOWN_CHALLENGE_PARAMETERS.map((name) => `inspect.challenge.param.${name}`),
    ...KNOWN_SCHEMES.map((name) => `inspect.challenge.scheme.${name}`),
    ...KNOWN_BEARER_ERRORS.map((name) => `inspect.challenge.error.${name}`),
    ...WWW_AUTHENTICATE_PROBLEM_KINDS.map((kind) => `inspect.challenge.problem.${kind}`),
  ];
  for (const key of keys) {
    assert.ok(inspectMessages.en[key], `en ${key}`);
    assert.ok(inspectMessages['zh-CN'][key], `zh-CN ${key}`);
  }
});
