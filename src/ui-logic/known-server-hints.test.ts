import assert from 'node:assert/strict';
import { test } from 'node:test';
import { KEYCLOAK_METADATA } from '../engine/hints/fixtures/recorded-answers.js';
import { sessionWith } from '../engine/hints/fixtures/sessions.js';
import { hintsExplaining, sessionHints } from './known-server-hints.js';

test('the hint that explains a finding, in the language asked, computed once per session', () => {
  const session = sessionWith(KEYCLOAK_METADATA, 'token-inspection', [
    { id: 'token.audience-mismatch', params: { aud: '"account"', expected: 'https://mcp.example.com/mcp' } },
    { id: 'token.expiry-missing' },
  ]);
  assert.deepEqual(hintsExplaining(session, 'token.audience-mismatch', 'en').map((h) => h.title), ['Keycloak puts the MCP server into aud only through an Audience mapper']);
  assert.deepEqual(hintsExplaining(session, 'token.audience-mismatch', 'zh-CN').map((h) => h.productName), ['Keycloak']);
  assert.match(hintsExplaining(session, 'token.audience-mismatch', 'zh-CN')[0]?.title ?? '', /Audience 映射器/);
  assert.deepEqual(hintsExplaining(session, 'token.expiry-missing', 'en'), []);
  assert.deepEqual(hintsExplaining(undefined, 'token.audience-mismatch', 'en'), []);
  assert.equal(sessionHints(session), sessionHints(session));
});
