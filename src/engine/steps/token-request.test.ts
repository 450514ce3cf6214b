import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { exportJWK, generateKeyPair, jwtVerify } from 'jose';
import type { AuthorizationServerMetadata, ClientData, FlowData } from '../flow-data.js';
import type { FlowOptions } from '../options.js';
import type { Clock, RandomSource } from '../step.js';
import {
  authorizationRequestData,
  authorizationServerData,
  cannedTransport,
  findingIds,
  formOf,
  requestHeader,
  runOneStep,
  type CannedAnswer,
  type CannedResponder,
} from '../test-kit.js';
import type { HeaderList } from '../types.js';

const SERVER = 'https://mcp.example.com/mcp';
const ISSUER = 'https://auth.example.com/realms/demo';
const TOKEN_ENDPOINT = `${ISSUER}/protocol/openid-connect/token`;
const REDIRECT = 'http://127.0.0.1:4280/callback';
const NOW = Date.parse('2026-08-01T10:00:00Z');

const clock: Clock = { now: () => NOW };
const zeros: RandomSource = (length) => new Uint8Array(length);

const NO_STORE: HeaderList = [
  ['content-type', 'application/json'],
  ['cache-control', 'no-store'],
];

function tokenAnswer(body: Record<string, unknown>, headers: HeaderList = NO_STORE, status = 200): CannedAnswer {
  return { status, headers, body };
}

const GOOD_BODY = { access_token: 'at-123', token_type: 'Bearer', expires_in: 300, refresh_token: 'rt-1', scope: 'mcp:tools' };

function metadata(extra: Partial<AuthorizationServerMetadata> = {}): AuthorizationServerMetadata {
  return { issuer: ISSUER, authorization_endpoint: `${ISSUER}/auth`, token_endpoint: TOKEN_ENDPOINT, ...extra };
}

interface Setup {
  options?: Partial<FlowOptions>;
  as?: AuthorizationServerMetadata;
  client?: Partial<ClientData>;
  data?: Partial<FlowData>;
  answer?: CannedResponder;
}

async function requestTokens(setup: Setup = {}) {
  const data: FlowData = {
    authorizationServer: authorizationServerData(setup.as ?? metadata()),
    client: { method: 'pre', clientId: 'client 1', clientSecret: 's3cr:et', tokenEndpointAuthMethod: 'client_secret_basic', redirectUri: REDIRECT, ...setup.client },
    authorizationRequest: authorizationRequestData({ codeVerifier: 'verifier-abc', redirectUri: REDIRECT, scope: 'mcp:tools', resource: SERVER, expectedIssuer: ISSUER }),
    authorizationResponse: { callbackUrl: `${REDIRECT}?code=code-xyz`, code: 'code-xyz' },
    ...setup.data,
  };
  const transport = cannedTransport(setup.answer ?? (() => tokenAnswer(GOOD_BODY)));
  const { result, session } = await runOneStep('token-request', transport, { serverUrl: SERVER, ...setup.options }, data, { clock, random: zeros });
  return { result, session, requests: transport.requests };
}


describe('token-request: authorization_code grant', () => {
  it('sends code, redirect_uri, code_verifier and resource with client_secret_basic, and keeps the tokens', async () => {
    const { result, session, requests } = await requestTokens();
    assert.deepEqual(result.outcome, { kind: 'ok' });
    assert.equal(requests.length, 1);
    const request = requests[0];
    assert.equal(request?.method, 'POST');
    assert.equal(request?.url, TOKEN_ENDPOINT);
    const body = formOf(request);
    assert.equal(body.get('grant_type'), 'authorization_code');
    assert.equal(body.get('code'), 'code-xyz');
    assert.equal(body.get('redirect_uri'), REDIRECT);
    assert.equal(body.get('code_verifier'), 'verifier-abc');
    assert.equal(body.get('resource'), SERVER);
    assert.equal(body.get('client_secret'), null);
    // RFC 6749 §2.3.1: client id and secret are form-urlencoded before Basic encoding.
    assert.equal(requestHeader(request, 'authorization'), `Basic ${btoa('client+1:s3cr%3Aet')}`);
    assert.equal(result.exchanges[0]?.label, 'token request');

    const tokens = session.data.tokens;
    assert.ok(tokens);
    assert.equal(tokens.accessToken, 'at-123');
    assert.equal(tokens.refreshToken, 'rt-1');
    assert.equal(tokens.expiresIn, 300);
    assert.equal(tokens.scope, 'mcp:tools');
    assert.equal(tokens.grant, 'authorization_code');
    assert.equal(tokens.receivedAt, new Date(NOW).toISOString());
    assert.deepEqual(findingIds(result), ['token.refresh-token-issued']);
  });

  it('sends client_id and client_secret in the form for client_secret_post', async () => {
    const { requests } = await requestTokens({ client: { tokenEndpointAuthMethod: 'client_secret_post' } });
    const body = formOf(requests[0]);
    assert.equal(body.get('client_id'), 'client 1');
    assert.equal(body.get('client_secret'), 's3cr:et');
    assert.equal(requestHeader(requests[0], 'authorization'), undefined);
  });

  it('sends only client_id for a public client', async () => {
    const { requests } = await requestTokens({ client: { tokenEndpointAuthMethod: 'none', clientSecret: undefined } });
    const body = formOf(requests[0]);
    assert.equal(body.get('client_id'), 'client 1');
    assert.equal(body.get('client_secret'), null);
    assert.equal(requestHeader(requests[0], 'authorization'), undefined);
  });

  it('lets the person force the method', async () => {
    const { requests } = await requestTokens({ options: { tokenEndpointAuthMethod: 'client_secret_post' } });
    assert.equal(formOf(requests[0]).get('client_secret'), 's3cr:et');
  });

  it('leaves resource out when asked to, and under 2025-03-26', async () => {
    const omitted = await requestTokens({ options: { omitResource: true } });
    assert.equal(formOf(omitted.requests[0]).get('resource'), null);
    const march = await requestTokens({ options: { spec: '2025-03-26' } });
    assert.equal(formOf(march.requests[0]).get('resource'), null);
  });

  it('fails without a code, sending nothing', async () => {
    const { result, requests } = await requestTokens({ data: { authorizationResponse: { callbackUrl: `${REDIRECT}?error=access_denied`, error: 'access_denied' } } });
    assert.equal(requests.length, 0);
    assert.deepEqual(result.outcome, {
      kind: 'failed',
      reason: 'There is no authorization code to exchange.',
      reasonId: 'outcome.token.no-authorization-code',
      findingId: 'token.no-authorization-code',
    });
    assert.equal(result.findings[0]?.params?.reason, 'error=access_denied');
  });

  it('refuses to send credentials to a plain-http endpoint off loopback', async () => {
    const { result, requests } = await requestTokens({ as: metadata({ token_endpoint: 'http://auth.example.com/token' }) });
    assert.equal(requests.length, 0);
    assert.deepEqual(findingIds(result), ['token.endpoint-insecure']);
    assert.equal(result.outcome.kind, 'failed');
  });

  it('stops before sending anything when the metadata names no token endpoint', async () => {
    const { token_endpoint: _tokenEndpoint, ...withoutTokenEndpoint } = metadata();
    const { result, requests } = await requestTokens({ as: withoutTokenEndpoint });
    assert.equal(requests.length, 0);
    assert.deepEqual(findingIds(result), ['token.no-token-endpoint']);
    assert.equal(result.findings[0]?.severity, 'error');
    assert.deepEqual(result.outcome, {
      kind: 'failed',
      reason: 'The authorization server has no token endpoint.',
      reasonId: 'outcome.token.no-token-endpoint',
      findingId: 'token.no-token-endpoint',
    });
  });

  it('stops before sending anything when the token endpoint is not an absolute URL', async () => {
    const { result, requests } = await requestTokens({ as: metadata({ token_endpoint: '/protocol/openid-connect/token' }) });
    assert.equal(requests.length, 0);
    assert.deepEqual(findingIds(result), ['token.endpoint-invalid']);
    assert.deepEqual(result.findings[0]?.params, { url: '/protocol/openid-connect/token' });
    assert.equal(result.outcome.kind, 'failed');
  });

  it('allows plain http on loopback', async () => {
    const { result, requests } = await requestTokens({ as: metadata({ token_endpoint: 'http://127.0.0.1:9000/token' }) });
    assert.equal(requests[0]?.url, 'http://127.0.0.1:9000/token');
    assert.equal(result.outcome.kind, 'ok');
  });

  it('reports a missing secret instead of sending a request', async () => {
    const { result, requests } = await requestTokens({ client: { clientSecret: undefined } });
    assert.equal(requests.length, 0);
    assert.deepEqual(findingIds(result), ['client-auth.secret-missing']);
    assert.equal(result.outcome.kind, 'failed');
  });
});

describe('token-request: judging the answer', () => {
  it('reports an OAuth error body with its error and description', async () => {
    const { result } = await requestTokens({
      answer: () => tokenAnswer({ error: 'invalid_grant', error_description: 'Code not valid' }, NO_STORE, 400),
    });
    assert.deepEqual(findingIds(result), ['token.error-response']);
    assert.deepEqual(result.findings[0]?.params, { status: '400', error: 'invalid_grant', description: 'Code not valid' });
    assert.equal(result.findings[0]?.evidence?.exchangeId, result.exchanges[0]?.id);
    assert.deepEqual(result.outcome, {
      kind: 'failed',
      reason: 'The token endpoint issued no usable access token.',
      reasonId: 'outcome.token.no-usable-token',
      findingId: 'token.error-response',
    });
  });

  it('reports a non-200 answer without an OAuth error body', async () => {
    const { result } = await requestTokens({ answer: () => ({ status: 502, headers: [['content-type', 'text/html']], body: '<h1>Bad gateway</h1>' }) });
    assert.deepEqual(findingIds(result), ['token.http-error']);
    assert.equal(result.findings[0]?.params?.status, '502');
  });

  it('collects every problem of a 200 answer', async () => {
    const { result, session } = await requestTokens({
      answer: () => tokenAnswer({ access_token: 'at', token_type: 'DPoP' }, [['content-type', 'application/json']]),
    });
    assert.deepEqual(findingIds(result).sort(), ['token.cache-control-missing', 'token.missing-expires-in', 'token.no-refresh-token', 'token.not-bearer']);
    assert.equal(result.findings.find((f) => f.id === 'token.not-bearer')?.params?.tokenType, 'DPoP');
    // A lenient client still has a token to try.
    assert.equal(result.outcome.kind, 'ok');
    assert.equal(session.data.tokens?.tokenType, 'DPoP');
  });

  it('warns about a JSON token response sent with another Content-Type, and reads it', async () => {
    const { result, session } = await requestTokens({
      answer: () => ({ headers: [['content-type', 'text/plain;charset=UTF-8'], ['cache-control', 'no-store']], body: JSON.stringify(GOOD_BODY) }),
    });
    assert.deepEqual(findingIds(result).sort(), ['http.not-json-content-type', 'token.refresh-token-issued']);
    const finding = result.findings.find((f) => f.id === 'http.not-json-content-type');
    assert.equal(finding?.severity, 'warning');
    assert.equal(finding?.params?.url, TOKEN_ENDPOINT);
    assert.equal(finding?.params?.contentType, 'text/plain;charset=UTF-8');
    assert.equal(session.data.tokens?.accessToken, 'at-123');
  });

  it('accepts token_type in any letter case', async () => {
    const { result } = await requestTokens({ answer: () => tokenAnswer({ ...GOOD_BODY, token_type: 'bearer' }) });
    assert.deepEqual(result.outcome, { kind: 'ok' });
    assert.deepEqual(findingIds(result), ['token.refresh-token-issued']);
  });

  it('reports a response without token_type as an error, and goes on with the token as a Bearer token', async () => {
    const { token_type: _tokenType, ...body } = GOOD_BODY;
    const { result, session } = await requestTokens({ answer: () => tokenAnswer(body) });
    assert.deepEqual(findingIds(result).sort(), ['token.missing-token-type', 'token.refresh-token-issued']);
    const finding = result.findings.find((f) => f.id === 'token.missing-token-type');
    assert.equal(finding?.severity, 'error');
    assert.deepEqual(finding?.evidence, { exchangeId: result.exchanges[0]?.id, pointer: '/token_type' });
    assert.equal(session.data.tokens?.tokenType, 'Bearer');
  });

  it('fails when there is no access token', async () => {
    const { result } = await requestTokens({ answer: () => tokenAnswer({ token_type: 'Bearer', expires_in: '3600' }) });
    assert.deepEqual(findingIds(result).sort(), ['token.invalid-expires-in', 'token.missing-access-token', 'token.no-refresh-token']);
    assert.equal(result.outcome.kind, 'failed');
  });

  it('reports a narrowed scope', async () => {
    const { result } = await requestTokens({
      data: {
        authorizationRequest: authorizationRequestData({ redirectUri: REDIRECT, scope: 'mcp:tools mcp:admin', resource: SERVER, expectedIssuer: ISSUER }),
      },
    });
    const narrowed = result.findings.find((f) => f.id === 'token.scope-narrowed');
    assert.equal(narrowed?.severity, 'warning');
    assert.equal(narrowed?.params?.missing, 'mcp:admin');
  });

  it('does not count offline_access as a narrowed scope', async () => {
    const { result } = await requestTokens({
      data: {
        authorizationRequest: authorizationRequestData({ redirectUri: REDIRECT, scope: 'mcp:tools offline_access', resource: SERVER, expectedIssuer: ISSUER }),
      },
    });
    assert.deepEqual(findingIds(result), ['token.refresh-token-issued']);
  });

  it('asks the strict processor for a second verdict', async () => {
    const { result } = await requestTokens({ answer: () => tokenAnswer({ ...GOOD_BODY, scope: ['mcp:tools'] }) });
    const strict = result.findings.find((f) => f.id === 'token.strict-check-failed');
    assert.ok(strict);
    assert.match(strict.params?.message ?? '', /scope/);
  });

  it('never puts token values into findings', async () => {
    const { result } = await requestTokens({
      answer: () => tokenAnswer({ access_token: 'SECRET-AT', refresh_token: 'SECRET-RT', token_type: 'mac' }, [['content-type', 'application/json']]),
    });
    assert.ok(result.findings.length > 0);
    assert.doesNotMatch(JSON.stringify(result.findings), /SECRET-/);
  });
});

describe('token-request: client_credentials grant', () => {
  it('signs an RFC 7523 client assertion for private_key_jwt', async () => {
    const { publicKey, privateKey } = await generateKeyPair('ES256', { extractable: true });
    const privateKeyJwk = { ...(await exportJWK(privateKey)), kid: 'k1' };
    const { result, requests, session } = await requestTokens({
      options: { grant: 'client_credentials', privateKeyJwk, signingAlg: 'ES256', scope: 'mcp:tools' },
      client: { tokenEndpointAuthMethod: 'private_key_jwt', clientSecret: undefined },
      as: metadata({ token_endpoint_auth_methods_supported: ['private_key_jwt'], token_endpoint_auth_signing_alg_values_supported: ['ES256'] }),
      data: { authorizationRequest: undefined, authorizationResponse: undefined },
      answer: () => tokenAnswer({ access_token: 'cc', token_type: 'Bearer', expires_in: 60 }),
    });
    assert.deepEqual(result.outcome, { kind: 'ok' });
    const body = formOf(requests[0]);
    assert.equal(body.get('grant_type'), 'client_credentials');
    assert.equal(body.get('scope'), 'mcp:tools');
    assert.equal(body.get('resource'), SERVER);
    assert.equal(body.get('client_id'), 'client 1');
    assert.equal(body.get('code'), null);
    assert.equal(body.get('client_assertion_type'), 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer');
    const assertion = body.get('client_assertion');
    assert.ok(assertion);
    const { payload, protectedHeader } = await jwtVerify(assertion, publicKey, { currentDate: new Date(NOW) });
    assert.equal(protectedHeader.alg, 'ES256');
    assert.equal(protectedHeader.kid, 'k1');
    assert.equal(payload.iss, 'client 1');
    assert.equal(payload.sub, 'client 1');
    assert.equal(payload.aud, ISSUER);
    assert.equal(payload.iat, NOW / 1000);
    assert.equal(payload.exp, NOW / 1000 + 60);
    assert.equal(payload.jti, 'AAAAAAAAAAAAAAAAAAAAAA');
    assert.equal(session.data.tokens?.grant, 'client_credentials');
    assert.deepEqual(findingIds(result), ['token.no-refresh-token']);
  });

  it('widens the scope on step-up and leaves offline_access out', async () => {
    const { requests } = await requestTokens({
      options: { grant: 'client_credentials', spec: '2026-07-28' },
      client: { tokenEndpointAuthMethod: 'client_secret_post' },
      data: {
        authorizationRequest: undefined,
        authorizationResponse: undefined,
        probe: { status: 401, challenges: [], challengeScope: 'mcp:read offline_access' },
        tokens: { accessToken: 'old', tokenType: 'Bearer', receivedAt: new Date(NOW).toISOString(), scope: 'mcp:read', grant: 'client_credentials' },
        stepUpScope: 'mcp:write',
      },
    });
    assert.equal(formOf(requests[0]).get('scope'), 'mcp:read mcp:write');
  });

  it('reports an unusable private key and an unadvertised method', async () => {
    const { publicKey } = await generateKeyPair('ES256', { extractable: true });
    const { result, requests } = await requestTokens({
      options: { grant: 'client_credentials', privateKeyJwk: { ...(await exportJWK(publicKey)), alg: 'ES256' } },
      client: { tokenEndpointAuthMethod: 'private_key_jwt' },
      as: metadata({ token_endpoint_auth_methods_supported: ['client_secret_basic'] }),
      data: { authorizationRequest: undefined, authorizationResponse: undefined },
    });
    assert.equal(requests.length, 0);
    assert.deepEqual(findingIds(result), ['client-auth.method-not-advertised', 'client-auth.key-invalid']);
    assert.equal(result.outcome.kind, 'failed');
  });

  it('stops before sending anything when private_key_jwt has no key', async () => {
    const { result, requests } = await requestTokens({
      options: { grant: 'client_credentials' },
      client: { tokenEndpointAuthMethod: 'private_key_jwt', clientSecret: undefined },
      as: metadata({ token_endpoint_auth_methods_supported: ['private_key_jwt'] }),
      data: { authorizationRequest: undefined, authorizationResponse: undefined },
    });
    assert.equal(requests.length, 0);
    assert.deepEqual(findingIds(result), ['client-auth.key-missing']);
    assert.equal(result.findings[0]?.severity, 'error');
    assert.deepEqual(result.outcome, {
      kind: 'failed',
      reason: 'private_key_jwt needs a private key and none was given.',
      reasonId: 'outcome.client-auth.key-missing',
      findingId: 'client-auth.key-missing',
    });
  });

  it('warns when the assertion is signed with an algorithm the server does not list, and still sends it', async () => {
    const { privateKey } = await generateKeyPair('ES256', { extractable: true });
    const { result, requests } = await requestTokens({
      options: { grant: 'client_credentials', privateKeyJwk: { ...(await exportJWK(privateKey)), alg: 'ES256' } },
      client: { tokenEndpointAuthMethod: 'private_key_jwt', clientSecret: undefined },
      as: metadata({ token_endpoint_auth_methods_supported: ['private_key_jwt'], token_endpoint_auth_signing_alg_values_supported: ['RS256', 'PS256'] }),
      data: { authorizationRequest: undefined, authorizationResponse: undefined },
      answer: () => tokenAnswer({ access_token: 'cc', token_type: 'Bearer', expires_in: 60 }),
    });
    assert.equal(requests.length, 1);
    assert.ok(formOf(requests[0]).get('client_assertion'));
    const finding = result.findings.find((f) => f.id === 'client-auth.signing-alg-not-advertised');
    assert.equal(finding?.severity, 'warning');
    assert.deepEqual(finding?.params, { alg: 'ES256', supported: 'RS256, PS256' });
    assert.equal(result.outcome.kind, 'ok');
  });

  it('warns about a refresh token issued for client_credentials', async () => {
    const { result } = await requestTokens({
      options: { grant: 'client_credentials' },
      data: { authorizationRequest: undefined, authorizationResponse: undefined },
    });
    assert.deepEqual(findingIds(result), ['token.refresh-token-for-client-credentials']);
  });
});

describe('token-request: JWT bearer grant with an assertion the client holds (workload identity)', () => {
  const ASSERTION = 'eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiJ3b3JrbG9hZCJ9.c2ln';

  it('presents the assertion once, with resource and the selected scope, as a public client', async () => {
    const { result, session, requests } = await requestTokens({
      options: { grant: 'jwt-bearer', assertion: ASSERTION },
      client: { clientId: 'workload-1', tokenEndpointAuthMethod: 'none' },
      data: { authorizationRequest: undefined, authorizationResponse: undefined, probe: { status: 401, challenges: [], challengeScope: 'mcp:tools' } },
      answer: () => tokenAnswer({ access_token: 'at-wif', token_type: 'Bearer', expires_in: 300 }),
    });
    assert.deepEqual(result.outcome, { kind: 'ok' });
    assert.equal(requests.length, 1);
    const form = formOf(requests[0]);
    assert.equal(form.get('grant_type'), 'urn:ietf:params:oauth:grant-type:jwt-bearer');
    assert.equal(form.get('assertion'), ASSERTION);
    assert.equal(form.get('resource'), SERVER);
    assert.equal(form.get('scope'), 'mcp:tools');
    assert.equal(form.get('client_id'), 'workload-1');
    assert.equal(result.exchanges[0]?.label, 'JWT bearer grant (workload identity)');
    assert.equal(session.data.tokens?.accessToken, 'at-wif');
    assert.equal(session.data.tokens?.grant, 'urn:ietf:params:oauth:grant-type:jwt-bearer');
  });

  it('stops with a clear reason when no assertion was given', async () => {
    const { result, requests } = await requestTokens({ options: { grant: 'jwt-bearer' } });
    assert.deepEqual(findingIds(result), ['token.missing-prerequisite']);
    assert.equal(requests.length, 0);
    assert.equal(result.outcome.kind, 'failed');
  });

  it('does not retry a refused assertion', async () => {
    const { result, requests } = await requestTokens({
      options: { grant: 'jwt-bearer', assertion: ASSERTION },
      client: { clientId: 'workload-1', tokenEndpointAuthMethod: 'none' },
      answer: () => tokenAnswer({ error: 'invalid_grant', error_description: 'assertion expired' }, NO_STORE, 400),
    });
    assert.equal(requests.length, 1);
    assert.equal(result.outcome.kind, 'failed');
  });
});
