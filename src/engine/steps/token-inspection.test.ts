import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { base64url, exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK, type JWTPayload } from 'jose';
import type { AuthorizationServerMetadata, FlowData, TokenData } from '../flow-data.js';
import { MAX_JSON_DEPTH } from '../../wire/json.js';
import type { FlowOptions } from '../options.js';
import type { Clock } from '../step.js';
import { authorizationRequestData, cannedTransport, findingIds, noNetwork, runOneStep, type CannedResponder } from '../test-kit.js';
import type { StepResult } from '../types.js';

const SERVER = 'https://mcp.example.com/mcp';
const ISSUER = 'https://auth.example.com/realms/demo';
const JWKS_URI = `${ISSUER}/protocol/openid-connect/certs`;
const INTROSPECTION = `${ISSUER}/protocol/openid-connect/token/introspect`;
const NOW = Date.parse('2026-08-01T10:00:00Z');
const NOW_S = NOW / 1000;
const clock: Clock = { now: () => NOW };

let signingKey: CryptoKey;
let otherKey: CryptoKey;
let jwks: { keys: JWK[] };

before(async () => {
  const pair = await generateKeyPair('RS256', { extractable: true });
  signingKey = pair.privateKey;
  jwks = { keys: [{ ...(await exportJWK(pair.publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' }] };
  otherKey = (await generateKeyPair('RS256')).privateKey;
});

const GOOD_CLAIMS: JWTPayload = { iss: ISSUER, aud: SERVER, sub: 'user-1', exp: NOW_S + 300, iat: NOW_S, scope: 'mcp:tools profile' };

async function jwt(claims: JWTPayload = GOOD_CLAIMS, options: { key?: CryptoKey; kid?: string; typ?: string } = {}): Promise<string> {
  return new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid: options.kid ?? 'k1', typ: options.typ ?? 'at+jwt' }).sign(options.key ?? signingKey);
}

interface Setup {
  token: string;
  requestedScope?: string;
  tokens?: Partial<TokenData>;
  options?: Partial<FlowOptions>;
  as?: Partial<AuthorizationServerMetadata>;
  answer?: CannedResponder;
  extraData?: Partial<FlowData>;
  /** The authorization request carried no resource. */
  noResource?: boolean;
}

async function inspect(setup: Setup) {
  const data: FlowData = {
    authorizationServer: {
      authorizationServer: ISSUER,
      metadataUrl: `${ISSUER}/.well-known/openid-configuration`,
      metadata: { issuer: ISSUER, token_endpoint: `${ISSUER}/token`, jwks_uri: JWKS_URI, introspection_endpoint: INTROSPECTION, ...setup.as },
      fallback: false,
    },
    authorizationRequest: authorizationRequestData({ scope: setup.requestedScope ?? 'mcp:tools', ...(setup.noResource ? {} : { resource: SERVER }), expectedIssuer: ISSUER }),
    ...setup.extraData,
    tokens: { accessToken: setup.token, tokenType: 'Bearer', receivedAt: new Date(NOW).toISOString(), grant: 'authorization_code', scope: 'mcp:tools', ...setup.tokens },
  };
  const transport = cannedTransport(setup.answer ?? { [JWKS_URI]: { body: jwks } });
  const { result, session } = await runOneStep('token-inspection', transport, { serverUrl: SERVER, ...setup.options }, data, { clock });
  return { result, inspection: session.data.tokenInspection, requests: transport.requests };
}

const ids = (result: StepResult) => findingIds(result).sort();

describe('token-inspection: JWT access tokens', () => {
  it('verifies a good token against the JWKS and finds nothing wrong', async () => {
    const token = await jwt();
    const { result, inspection, requests } = await inspect({ token });
    assert.deepEqual(result.outcome, { kind: 'ok' });
    assert.deepEqual(ids(result), ['token.signature-valid']);
    assert.equal(requests.length, 1);
    assert.equal(requests[0]?.url, JWKS_URI);
    assert.equal(result.exchanges[0]?.label, 'JWKS');
    assert.equal(result.findings[0]?.evidence?.exchangeId, result.exchanges[0]?.id);
    assert.equal(inspection?.format, 'jwt');
    assert.equal(inspection?.signature, 'valid');
    assert.equal(inspection?.claims?.sub, 'user-1');
    assert.equal(inspection?.header?.kid, 'k1');
  });

  it('names both values when the authorization server ignored the requested resource (a warning, RFC 8707 SHOULD)', async () => {
    const { result } = await inspect({ token: await jwt({ ...GOOD_CLAIMS, aud: ['account', 'https://other.example.com'] }) });
    assert.deepEqual(ids(result), ['token.generic-audience', 'token.resource-ignored', 'token.signature-valid']);
    const finding = result.findings.find((f) => f.id === 'token.resource-ignored');
    assert.equal(finding?.severity, 'warning');
    assert.deepEqual(finding?.params, { aud: '"account", "https://other.example.com"', requested: SERVER });
  });

  it('takes a token for the resource identifier the server publishes in its metadata as a token for this server', async () => {
    const published = 'https://mcp.example.com';
    const token = await jwt({ ...GOOD_CLAIMS, aud: published });
    const data = { protectedResource: { metadataUrl: 'x', resource: published, authorizationServers: [ISSUER], document: {} } };
    const { result } = await inspect({ token, extraData: data });
    assert.deepEqual(ids(result), ['token.signature-valid']);
  });

  it('without a requested resource (2025-03-26), another audience is the audience mismatch, a warning there', async () => {
    const { result } = await inspect({ token: await jwt({ ...GOOD_CLAIMS, aud: 'account' }), options: { spec: '2025-03-26' }, noResource: true });
    assert.equal(result.findings.find((f) => f.id === 'token.audience-mismatch')?.severity, 'warning');
  });

  it('tells a loose audience match (trailing slash, case) from a mismatch', async () => {
    const { result } = await inspect({ token: await jwt({ ...GOOD_CLAIMS, aud: 'https://MCP.example.com/mcp/' }) });
    assert.deepEqual(ids(result), ['token.audience-not-exact', 'token.signature-valid']);
  });

  it('reports a missing audience', async () => {
    const { aud: _aud, ...claims } = GOOD_CLAIMS;
    const { result } = await inspect({ token: await jwt(claims) });
    assert.deepEqual(ids(result), ['token.audience-missing', 'token.signature-valid']);
  });

  it('reports a foreign issuer', async () => {
    const { result } = await inspect({ token: await jwt({ ...GOOD_CLAIMS, iss: 'https://auth.example.com/realms/other' }) });
    assert.deepEqual(ids(result), ['token.issuer-mismatch', 'token.signature-valid']);
    assert.equal(result.findings.find((f) => f.id === 'token.issuer-mismatch')?.params?.iss, 'https://auth.example.com/realms/other');
  });

  it('reports an expired token, judged by the injected clock', async () => {
    const { result } = await inspect({ token: await jwt({ ...GOOD_CLAIMS, iat: NOW_S - 600, exp: NOW_S - 1 }) });
    assert.deepEqual(ids(result), ['token.expired', 'token.signature-valid']);
    assert.equal(result.findings.find((f) => f.id === 'token.expired')?.params?.now, '2026-08-01T10:00:00.000Z');
  });

  it('reports a not-before far outside the range of a date as a finding, not an internal error', async () => {
    const { result } = await inspect({ token: await jwt({ ...GOOD_CLAIMS, nbf: 1e20 }) });
    assert.deepEqual(ids(result), ['token.not-yet-valid', 'token.signature-valid']);
    assert.equal(result.findings.find((f) => f.id === 'token.not-yet-valid')?.params?.nbf, '100000000000000000000');
  });

  it('reports missing exp, missing scope claim and a non-RFC 9068 typ', async () => {
    const { result } = await inspect({ token: await jwt({ iss: ISSUER, aud: SERVER }, { typ: 'JWT' }) });
    assert.deepEqual(ids(result), ['token.expiry-missing', 'token.scope-claim-missing', 'token.signature-valid', 'token.typ-not-at-jwt']);
  });

  it('reports requested scopes the token lacks, reading scp arrays too', async () => {
    const { scope: _scope, ...claims } = GOOD_CLAIMS;
    const { result } = await inspect({ token: await jwt({ ...claims, scp: ['profile'] }) });
    assert.deepEqual(ids(result), ['token.scope-missing', 'token.signature-valid']);
    assert.equal(result.findings.find((f) => f.id === 'token.scope-missing')?.params?.missing, 'mcp:tools');
  });

  it('does not expect offline_access in the token', async () => {
    const { result } = await inspect({ token: await jwt(), requestedScope: 'mcp:tools offline_access' });
    assert.deepEqual(ids(result), ['token.signature-valid']);
  });

  it('points out a long lifetime', async () => {
    const { result } = await inspect({ token: await jwt({ ...GOOD_CLAIMS, exp: NOW_S + 30 * 24 * 3600 }) });
    assert.deepEqual(ids(result), ['token.long-lived', 'token.signature-valid']);
    assert.equal(result.findings.find((f) => f.id === 'token.long-lived')?.params?.hours, '720');
  });

  it('reports a bad signature', async () => {
    const { result, inspection } = await inspect({ token: await jwt(GOOD_CLAIMS, { key: otherKey }) });
    assert.deepEqual(ids(result), ['token.signature-invalid']);
    assert.equal(inspection?.signature, 'invalid');
  });

  it('reports a token signed with a key that is not published', async () => {
    const { result } = await inspect({ token: await jwt(GOOD_CLAIMS, { key: otherKey, kid: 'rotated-away' }) });
    assert.deepEqual(ids(result), ['token.signing-key-not-found']);
    assert.equal(result.findings[0]?.params?.kid, 'rotated-away');
  });

  it('rejects alg none without fetching keys', async () => {
    const header = base64url.encode(JSON.stringify({ alg: 'none', typ: 'at+jwt' }));
    const payload = base64url.encode(JSON.stringify(GOOD_CLAIMS));
    const { result, requests, inspection } = await inspect({ token: `${header}.${payload}.` });
    assert.deepEqual(ids(result), ['token.alg-none']);
    assert.equal(requests.length, 0);
    assert.equal(inspection?.signature, 'invalid');
  });

  it('reports an unusable JWKS and a missing jwks_uri', async () => {
    const token = await jwt();
    const broken = await inspect({ token, answer: () => ({ body: { keys: 'nope' } }) });
    assert.deepEqual(ids(broken.result), ['token.jwks-unusable']);
    assert.equal(broken.inspection?.signature, 'unverified');
    const none = await inspect({ token, as: { jwks_uri: undefined } });
    assert.deepEqual(ids(none.result), ['token.no-jwks-uri']);
  });

  it('decodes the ID token claims without judging them', async () => {
    const idToken = await jwt({ iss: ISSUER, aud: 'client-1', sub: 'user-1', exp: NOW_S + 300, iat: NOW_S });
    const { result, inspection } = await inspect({ token: await jwt(), tokens: { idToken } });
    assert.deepEqual(ids(result), ['token.id-token', 'token.signature-valid']);
    assert.deepEqual(result.findings.find((f) => f.id === 'token.id-token')?.params, { iss: ISSUER, aud: 'client-1' });
    assert.equal(inspection?.idTokenClaims?.aud, 'client-1');
  });

  it('cannot verify an HS256 token from outside, and fetches no keys for it', async () => {
    const secret = new TextEncoder().encode('a-shared-secret-of-at-least-32-bytes!!');
    const token = await new SignJWT(GOOD_CLAIMS).setProtectedHeader({ alg: 'HS256', typ: 'at+jwt' }).sign(secret);
    const { result, requests, inspection } = await inspect({ token });
    assert.deepEqual(ids(result), ['token.signature-unverifiable']);
    const finding = result.findings[0];
    assert.equal(finding?.severity, 'warning');
    assert.equal(finding?.params?.alg, 'HS256');
    assert.equal(requests.length, 0);
    assert.equal(inspection?.signature, 'unverified');
  });

  it('cannot verify a token whose algorithm the key set does not support, and says so with the JWKS exchange', async () => {
    const header = base64url.encode(JSON.stringify({ alg: 'XS256', kid: 'k1', typ: 'at+jwt' }));
    const { result, inspection } = await inspect({ token: `${header}.${base64url.encode(JSON.stringify(GOOD_CLAIMS))}.c2lnbmF0dXJl` });
    assert.deepEqual(ids(result), ['token.signature-unverifiable']);
    const finding = result.findings[0];
    assert.equal(finding?.severity, 'warning');
    assert.equal(finding?.params?.alg, 'XS256');
    assert.match(finding?.params?.reason ?? '', /Unsupported "alg"/);
    assert.equal(finding?.evidence?.exchangeId, result.exchanges[0]?.id);
    assert.equal(inspection?.signature, 'unverified');
  });

  it('reports a JWT without an iss claim (and no issuer finding for a token that has one)', async () => {
    const { iss: _iss, ...claims } = GOOD_CLAIMS;
    const { result } = await inspect({ token: await jwt(claims) });
    assert.deepEqual(ids(result), ['token.issuer-missing', 'token.signature-valid']);
    assert.equal(result.findings.find((f) => f.id === 'token.issuer-missing')?.severity, 'warning');
    const good = await inspect({ token: await jwt() });
    assert.ok(!findingIds(good.result).includes('token.issuer-missing'));
  });

  it('does not hold a missing iss against an introspection answer, whose members are optional', async () => {
    const { result } = await inspect({
      token: 'opaque-token-value',
      options: { introspection: { clientId: 'mcp-server', clientSecret: 'rs-secret' } },
      answer: () => ({ body: { active: true, aud: SERVER, scope: 'mcp:tools', exp: NOW_S + 60 } }),
    });
    assert.deepEqual(ids(result), ['token.opaque']);
  });

  it('reports an ID token that is not a JWT, and one nested deeper than any real token', async () => {
    const garbled = await inspect({ token: await jwt(), tokens: { idToken: 'not-a-jwt' } });
    assert.deepEqual(ids(garbled.result), ['token.id-token-undecodable', 'token.signature-valid']);
    const finding = garbled.result.findings.find((f) => f.id === 'token.id-token-undecodable');
    assert.equal(finding?.severity, 'warning');
    assert.ok(finding?.params?.reason);
    assert.equal(garbled.inspection?.idTokenClaims, undefined);

    let nested: Record<string, unknown> = { leaf: true };
    for (let i = 0; i < 200; i++) nested = { n: nested };
    const deep = await inspect({ token: await jwt(), tokens: { idToken: await jwt({ iss: ISSUER, aud: 'client-1', nested }) } });
    const deepFinding = deep.result.findings.find((f) => f.id === 'token.id-token-undecodable');
    assert.ok(deepFinding, findingIds(deep.result).join(', '));
    assert.equal(deepFinding.params?.max, String(MAX_JSON_DEPTH));
    assert.equal(deep.inspection?.idTokenClaims, undefined);
  });

  it('never puts the token into findings', async () => {
    const token = await jwt({ ...GOOD_CLAIMS, aud: 'account', exp: NOW_S - 5 }, { key: otherKey });
    const { result } = await inspect({ token });
    assert.ok(result.findings.length >= 1);
    assert.ok(!JSON.stringify(result.findings).includes(token.split('.')[2] ?? '-'));
    assert.ok(!JSON.stringify(result.findings).includes(token));
  });
});

describe('token-inspection: opaque tokens and introspection', () => {
  const introspecting = { clientId: 'mcp-server', clientSecret: 'rs-secret' };

  it('says the token is opaque and sends nothing without introspection credentials', async () => {
    const { result, requests, inspection } = await inspect({ token: 'opaque-token-value' });
    assert.deepEqual(ids(result), ['token.opaque']);
    assert.equal(requests.length, 0);
    assert.equal(inspection?.format, 'opaque');
  });

  it('introspects with the resource server credentials and checks the answer', async () => {
    const { result, requests, inspection } = await inspect({
      token: 'opaque-token-value',
      options: { introspection: introspecting },
      answer: () => ({ body: { active: true, aud: 'account', scope: 'profile', exp: NOW_S + 60, iss: ISSUER } }),
    });
    assert.equal(requests.length, 1);
    const request = requests[0];
    assert.equal(request?.url, INTROSPECTION);
    assert.equal(request?.method, 'POST');
    // RFC 6749 §2.3.1: id and secret are form-urlencoded, then Basic-encoded; decode as a server does.
    const basic = request?.headers.find(([n]) => n === 'authorization')?.[1] ?? '';
    assert.match(basic, /^Basic /);
    assert.deepEqual(atob(basic.slice(6)).split(':').map(decodeURIComponent), ['mcp-server', 'rs-secret']);
    assert.equal(new URLSearchParams(request?.body).get('token'), 'opaque-token-value');
    assert.deepEqual(ids(result), ['token.generic-audience', 'token.opaque', 'token.resource-ignored', 'token.scope-missing']);
    const mismatch = result.findings.find((f) => f.id === 'token.resource-ignored');
    assert.equal(mismatch?.evidence?.exchangeId, result.exchanges[0]?.id);
    assert.equal(inspection?.introspection?.active, true);
  });

  it('reports an inactive token', async () => {
    const { result } = await inspect({
      token: 'opaque-token-value',
      options: { introspection: introspecting },
      answer: () => ({ body: { active: false } }),
    });
    assert.deepEqual(ids(result), ['token.introspection-inactive', 'token.opaque']);
  });

  it('reports a failed introspection and a missing endpoint', async () => {
    const failed = await inspect({
      token: 'opaque-token-value',
      options: { introspection: introspecting },
      answer: () => ({ status: 401, body: { error: 'invalid_client' } }),
    });
    assert.deepEqual(ids(failed.result), ['token.introspection-failed', 'token.opaque']);
    const missing = await inspect({ token: 'opaque-token-value', options: { introspection: introspecting }, as: { introspection_endpoint: undefined } });
    assert.deepEqual(ids(missing.result), ['token.introspection-unavailable', 'token.opaque']);
  });

  it('skips without tokens', async () => {
    const { result } = await runOneStep('token-inspection', noNetwork, { serverUrl: SERVER }, {}, { clock });
    assert.equal(result.outcome.kind, 'skipped');
  });
});
