import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ClientData, FlowData, TokenData } from '../flow-data.js';
import type { FlowOptions } from '../options.js';
import type { Clock } from '../step.js';
import {
  authorizationRequestData,
  authorizationServerData,
  cannedTransport,
  findingIds,
  formOf,
  runOneStep,
  type CannedAnswer,
  type CannedResponder,
} from '../test-kit.js';
import type { HeaderList, StepResult } from '../types.js';

const SERVER = 'https://mcp.example.com/mcp';
const ISSUER = 'https://auth.example.com';
const NOW = Date.parse('2026-08-01T10:00:00Z');
const clock: Clock = { now: () => NOW };
const NO_STORE: HeaderList = [
  ['content-type', 'application/json'],
  ['cache-control', 'no-store'],
];

const tokenAnswer = (body: Record<string, unknown>, status = 200): CannedAnswer => ({ status, headers: NO_STORE, body });

interface Setup {
  options?: Partial<FlowOptions>;
  client?: Partial<ClientData>;
  tokens?: Partial<TokenData> | null;
  answer?: CannedResponder;
}

async function refresh(setup: Setup = {}) {
  const data: FlowData = {
    authorizationServer: authorizationServerData({ issuer: ISSUER, token_endpoint: `${ISSUER}/token` }),
    client: { method: 'dcr', clientId: 'public-client', tokenEndpointAuthMethod: 'none', redirectUri: 'http://127.0.0.1:4280/callback', ...setup.client },
    authorizationRequest: authorizationRequestData({ scope: 'mcp:tools', resource: SERVER, expectedIssuer: ISSUER }),
    ...(setup.tokens === null
      ? {}
      : {
          tokens: {
            accessToken: 'at-1',
            tokenType: 'Bearer',
            receivedAt: new Date(NOW).toISOString(),
            refreshToken: 'rt-1',
            scope: 'mcp:tools',
            grant: 'authorization_code' as const,
            ...setup.tokens,
          },
        }),
  };
  const transport = cannedTransport(setup.answer ?? (() => tokenAnswer({ access_token: 'at-2', token_type: 'Bearer', expires_in: 300, refresh_token: 'rt-2' })));
  const { result, session } = await runOneStep('refresh', transport, { serverUrl: SERVER, ...setup.options }, data, { clock });
  return { result, session, requests: transport.requests };
}

const ids = (result: StepResult) => findingIds(result).sort();

describe('refresh', () => {
  it('sends the refresh_token grant with the resource and notes the rotation', async () => {
    const { result, session, requests } = await refresh();
    assert.deepEqual(result.outcome, { kind: 'ok' });
    assert.equal(requests.length, 1);
    const body = formOf(requests[0]);
    assert.equal(body.get('grant_type'), 'refresh_token');
    assert.equal(body.get('refresh_token'), 'rt-1');
    assert.equal(body.get('resource'), SERVER);
    assert.equal(body.get('client_id'), 'public-client');
    assert.equal(result.exchanges[0]?.label, 'refresh token request');
    assert.deepEqual(ids(result), ['refresh.rotated']);
    const refreshed = session.data.refreshedTokens;
    assert.equal(refreshed?.accessToken, 'at-2');
    assert.equal(refreshed?.refreshToken, 'rt-2');
    assert.equal(refreshed?.grant, 'refresh_token');
    // The first tokens stay as they were.
    assert.equal(session.data.tokens?.accessToken, 'at-1');
  });

  it('requires rotation for public clients (a warning before 2025-06-18)', async () => {
    const answer = () => tokenAnswer({ access_token: 'at-2', token_type: 'Bearer', expires_in: 300, refresh_token: 'rt-1' });
    const { result } = await refresh({ answer });
    assert.deepEqual(ids(result), ['refresh.not-rotated-public-client']);
    assert.equal(result.findings[0]?.severity, 'error');
    assert.equal(result.findings[0]?.stepId, 'refresh');
    const march = await refresh({ answer, options: { spec: '2025-03-26' } });
    assert.equal(march.result.findings[0]?.severity, 'warning');
  });

  it('only notes a missing rotation for confidential clients', async () => {
    const { result } = await refresh({
      client: { tokenEndpointAuthMethod: 'client_secret_basic', clientSecret: 'sec' },
      answer: () => tokenAnswer({ access_token: 'at-2', token_type: 'Bearer', expires_in: 300 }),
    });
    assert.deepEqual(ids(result), ['refresh.not-rotated']);
    assert.equal(result.findings[0]?.severity, 'info');
  });

  it('judges the answer with the token-request rules, filed under refresh', async () => {
    const { result } = await refresh({
      answer: () => ({ status: 200, headers: [['content-type', 'application/json']], body: { access_token: 'at-2', token_type: 'Bearer', refresh_token: 'rt-3' } }),
    });
    assert.deepEqual(ids(result), ['refresh.rotated', 'token.cache-control-missing', 'token.missing-expires-in']);
    assert.ok(result.findings.every((f) => f.stepId === 'refresh'));
  });

  it('reports a refused refresh and lets the flow go on', async () => {
    const { result, session } = await refresh({ answer: () => tokenAnswer({ error: 'invalid_grant', error_description: 'Token is not active' }, 400) });
    assert.deepEqual(ids(result), ['token.error-response']);
    assert.equal(result.findings[0]?.params?.error, 'invalid_grant');
    assert.equal(result.outcome.kind, 'ok');
    assert.equal(session.data.refreshedTokens, undefined);
    assert.equal(session.next, 'audit');
  });

  it('is skipped, with a reason, when turned off or without a refresh token', async () => {
    const off = await refresh({ options: { refresh: false } });
    assert.deepEqual(off.result.outcome, { kind: 'skipped', reason: 'Refreshing is turned off in the options.', reasonId: 'outcome.refresh.off' });
    assert.equal(off.requests.length, 0);
    const none = await refresh({ tokens: { refreshToken: undefined } });
    assert.deepEqual(none.result.outcome, { kind: 'skipped', reason: 'The authorization server issued no refresh token.', reasonId: 'outcome.refresh.no-refresh-token' });
    const noTokens = await refresh({ tokens: null });
    assert.equal(noTokens.result.outcome.kind, 'skipped');
  });
});
