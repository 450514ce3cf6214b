import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { phrase } from '../checks/finding-phrases.js';
import type { AuthorizationServerMetadata, ClientData, FlowData } from '../flow-data.js';
import { defaultFlowOptions, type FlowOptions, type IdentityAssertionOptions } from '../options.js';
import { buildRegistrationRequest } from './client-registration.js';
import { authorizationServerData, cannedTransport, findingIds, formOf, requestHeader, runOneStep, type CannedAnswer, type CannedRoute } from '../test-kit.js';
import { idpClientIdFor } from './identity-assertion-grant.js';

const SERVER = 'https://mcp.example.com/mcp';
const ISSUER = 'https://auth.example.com';
const AS_TOKEN = `${ISSUER}/oauth2/token`;
const IDP = 'https://acme.idp.example';
const IDP_TOKEN = `${IDP}/oauth2/token`;
const CLIENT_ID = 'xaa-client';
const CLIENT_SECRET = 'xaa secret';
/** runOneStep's clock starts here (seconds). */
const NOW_S = Date.UTC(2026, 0, 1) / 1000;

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
/** A compact JWT for decoding; the client never verifies the IdP's signature, so any will do. */
const jwt = (header: Record<string, unknown>, claims: Record<string, unknown>) => `${b64(header)}.${b64(claims)}.c2lnbmF0dXJl`;

const ID_TOKEN = jwt({ alg: 'ES256' }, { iss: IDP, aud: 'idp-client', sub: 'u1', email: 'u1@example.com', iat: NOW_S - 60, exp: NOW_S + 3600 });

const JAG_CLAIMS = { iss: IDP, sub: 'u1', aud: ISSUER, resource: SERVER, client_id: CLIENT_ID, jti: 'j1', iat: NOW_S, exp: NOW_S + 300 };
const ID_JAG = jwt({ alg: 'ES256', typ: 'oauth-id-jag+jwt' }, JAG_CLAIMS);

const NO_STORE = { 'content-type': 'application/json', 'cache-control': 'no-store' };

function exchangeAnswer(body: Record<string, unknown>, status = 200): CannedAnswer {
  return { status, headers: NO_STORE, body };
}

const GOOD_EXCHANGE = { access_token: ID_JAG, issued_token_type: 'urn:ietf:params:oauth:token-type:id-jag', token_type: 'N_A', expires_in: 300 };
const GOOD_TOKEN = { access_token: 'at-1', token_type: 'Bearer', expires_in: 3600 };

function asMetadata(extra: Partial<AuthorizationServerMetadata> = {}): AuthorizationServerMetadata {
  return {
    issuer: ISSUER,
    token_endpoint: AS_TOKEN,
    grant_types_supported: ['urn:ietf:params:oauth:grant-type:jwt-bearer'],
    token_endpoint_auth_methods_supported: ['client_secret_basic'],
    authorization_grant_profiles_supported: ['urn:ietf:params:oauth:grant-profile:id-jag'],
    ...extra,
  };
}

interface Setup {
  assertion?: Partial<IdentityAssertionOptions> | null;
  options?: Partial<FlowOptions>;
  metadata?: AuthorizationServerMetadata;
  client?: Partial<ClientData>;
  scopesSupported?: string[];
  idp?: CannedRoute;
  as?: CannedRoute;
}

async function runGrant(setup: Setup = {}) {
  const identityAssertion: IdentityAssertionOptions | undefined =
    setup.assertion === null ? undefined : { idpTokenEndpoint: IDP_TOKEN, idToken: ID_TOKEN, idpClientId: 'idp-client', ...setup.assertion };
  const data: FlowData = {
    protectedResource: {
      metadataUrl: 'https://mcp.example.com/.well-known/oauth-protected-resource/mcp',
      resource: SERVER,
      authorizationServers: [ISSUER],
      ...(setup.scopesSupported ? { scopesSupported: setup.scopesSupported } : {}),
      document: {},
    },
    authorizationServer: authorizationServerData(setup.metadata ?? asMetadata()),
    client: { method: 'pre', clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, tokenEndpointAuthMethod: 'client_secret_basic', redirectUri: 'http://127.0.0.1:4280/callback', ...setup.client },
  };
  const transport = cannedTransport({
    [`POST ${IDP_TOKEN}`]: setup.idp ?? exchangeAnswer(GOOD_EXCHANGE),
    [`POST ${AS_TOKEN}`]: setup.as ?? exchangeAnswer(GOOD_TOKEN),
  });
  const run = await runOneStep(
    'token-request',
    transport,
    { serverUrl: SERVER, grant: 'cross-app-access', ...(identityAssertion ? { identityAssertion } : {}), ...setup.options },
    data,
  );
  const idpRequest = transport.requests.find((r) => r.url === IDP_TOKEN);
  const asRequest = transport.requests.find((r) => r.url === AS_TOKEN);
  return { ...run, transport, idpRequest, asRequest, ids: findingIds(run.result) };
}

const finding = (result: { findings: { id: string; params?: Record<string, string> }[] }, id: string) => result.findings.find((f) => f.id === id);

describe('cross-app-access: token exchange at the IdP, then the ID-JAG as a jwt-bearer grant', () => {
  it('sends exactly the RFC 8693 and RFC 7523 parameters, in that order, and keeps the tokens and the decoded ID-JAG', async () => {
    const { result, session, transport, idpRequest, asRequest, ids } = await runGrant();
    assert.deepEqual(result.outcome, { kind: 'ok' });
    assert.deepEqual(transport.urls(), [`POST ${IDP_TOKEN}`, `POST ${AS_TOKEN}`]);
    assert.deepEqual(
      result.exchanges.map((e) => e.label),
      ['token exchange at the IdP (ID token for ID-JAG)', 'JWT bearer grant (ID-JAG)'],
    );

    assert.equal(requestHeader(idpRequest, 'content-type'), 'application/x-www-form-urlencoded;charset=UTF-8');
    assert.deepEqual(Object.fromEntries(formOf(idpRequest)), {
      grant_type: 'urn:ietf:params:oauth:grant-type:token-exchange',
      requested_token_type: 'urn:ietf:params:oauth:token-type:id-jag',
      subject_token: ID_TOKEN,
      subject_token_type: 'urn:ietf:params:oauth:token-type:id_token',
      audience: ISSUER,
      resource: SERVER,
      client_id: 'idp-client',
    });
    // The AS's client credentials never go to the IdP.
    assert.equal(requestHeader(idpRequest, 'authorization'), undefined);

    assert.deepEqual(Object.fromEntries(formOf(asRequest)), {
      grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer',
      assertion: ID_JAG,
      resource: SERVER,
    });
    // client_secret_basic: id and secret form-urlencoded, then base64 (RFC 6749 §2.3.1).
    assert.equal(requestHeader(asRequest, 'authorization'), `Basic ${btoa('xaa-client:xaa+secret')}`);

    assert.equal(session.data.tokens?.accessToken, 'at-1');
    assert.equal(session.data.tokens?.grant, 'urn:ietf:params:oauth:grant-type:jwt-bearer');
    const grant = session.data.identityAssertionGrant;
    assert.ok(grant);
    assert.equal(grant.idpTokenEndpoint, IDP_TOKEN);
    assert.equal(grant.audience, ISSUER);
    assert.equal(grant.resource, SERVER);
    assert.equal(grant.issuedTokenType, 'urn:ietf:params:oauth:token-type:id-jag');
    assert.equal(grant.tokenType, 'N_A');
    assert.equal(grant.expiresIn, 300);
    assert.equal(grant.header?.typ, 'oauth-id-jag+jwt');
    assert.deepEqual(grant.claims, JAG_CLAIMS);
    // The ID-JAG itself is a bearer credential and is not kept in the flow data.
    assert.ok(!JSON.stringify(grant).includes(ID_JAG));

    assert.deepEqual(ids, ['id-jag.idp-accepts-public-client', 'id-jag.received']);
    assert.deepEqual(finding(result, 'id-jag.received')?.params, {
      iss: IDP,
      sub: 'u1',
      aud: ISSUER,
      resource: SERVER,
      clientId: CLIENT_ID,
      exp: new Date((NOW_S + 300) * 1000).toISOString(),
    });
    // Findings point at the IdP exchange they come from.
    assert.equal(result.findings.find((f) => f.id === 'id-jag.received')?.evidence?.exchangeId, result.exchanges[0]?.id);
  });

  it('asks for the selected scope in both requests', async () => {
    const { idpRequest, asRequest, session } = await runGrant({ scopesSupported: ['mcp:tools', 'mcp:read'] });
    assert.equal(formOf(idpRequest).get('scope'), 'mcp:tools mcp:read');
    assert.equal(formOf(asRequest).get('scope'), 'mcp:tools mcp:read');
    assert.equal(session.data.identityAssertionGrant?.scope, 'mcp:tools mcp:read');
  });

  it('authenticates at the IdP with client_secret_post by default, or client_secret_basic when asked', async () => {
    const post = await runGrant({ assertion: { idpClientSecret: 'idp s3cret' } });
    assert.equal(formOf(post.idpRequest).get('client_id'), 'idp-client');
    assert.equal(formOf(post.idpRequest).get('client_secret'), 'idp s3cret');
    assert.equal(requestHeader(post.idpRequest, 'authorization'), undefined);
    assert.ok(!post.ids.includes('id-jag.idp-accepts-public-client'));

    const basic = await runGrant({ assertion: { idpClientSecret: 'idp s3cret', idpClientAuthMethod: 'client_secret_basic' } });
    assert.equal(formOf(basic.idpRequest).get('client_secret'), null);
    assert.equal(requestHeader(basic.idpRequest, 'authorization'), `Basic ${btoa('idp-client:idp+s3cret')}`);
  });

  it('takes the IdP client_id from the ID token when none is given', async () => {
    const { idpRequest } = await runGrant({ assertion: { idpClientId: undefined } });
    assert.equal(formOf(idpRequest).get('client_id'), 'idp-client');
    assert.equal(idpClientIdFor({}, { azp: 'by-azp', aud: ['a', 'b'] }), 'by-azp');
    assert.equal(idpClientIdFor({}, { aud: ['only'] }), 'only');
    assert.equal(idpClientIdFor({}, { aud: ['a', 'b'] }), undefined);
    assert.equal(idpClientIdFor({ idpClientId: 'given' }, { azp: 'by-azp' }), 'given');
  });

  it('sends nothing when no IdP client_id can be found', async () => {
    const { result, transport, ids } = await runGrant({ assertion: { idpClientId: undefined, idToken: 'not-a-jwt' } });
    assert.deepEqual(ids, ['id-jag.id-token-unreadable', 'id-jag.idp-client-id-unknown']);
    assert.equal(result.outcome.kind, 'failed');
    assert.equal(transport.requests.length, 0);
  });

  it('warns about an expired ID token and still lets the IdP decide', async () => {
    const expired = jwt({ alg: 'ES256' }, { iss: IDP, aud: 'idp-client', sub: 'u1', exp: NOW_S - 10 });
    const { ids, idpRequest, result } = await runGrant({ assertion: { idToken: expired } });
    assert.ok(ids.includes('id-jag.id-token-expired'));
    assert.equal(formOf(idpRequest).get('subject_token'), expired);
    assert.deepEqual(result.outcome, { kind: 'ok' });
  });

  it('reports an IdP OAuth error and does not go on to the authorization server', async () => {
    const { result, asRequest, ids, session } = await runGrant({
      idp: exchangeAnswer({ error: 'invalid_grant', error_description: 'Invalid ID token' }, 400),
    });
    assert.deepEqual(ids, ['id-jag.exchange-refused']);
    assert.deepEqual(finding(result, 'id-jag.exchange-refused')?.params, { status: '400', error: 'invalid_grant', description: 'Invalid ID token' });
    assert.deepEqual(result.outcome, {
      kind: 'failed',
      reason: 'The IdP refused the token exchange (invalid_grant).',
      reasonId: 'outcome.id-jag.exchange-refused',
      reasonParams: { error: 'invalid_grant' },
      findingId: 'id-jag.exchange-refused',
    });
    assert.equal(asRequest, undefined);
    assert.equal(session.data.tokens, undefined);
    // What was asked for is still shown.
    assert.equal(session.data.identityAssertionGrant?.audience, ISSUER);
  });

  it('reports an IdP failure without an OAuth error body', async () => {
    const { ids, result, asRequest } = await runGrant({ idp: { status: 500, headers: { 'content-type': 'text/html' }, body: '<h1>oops</h1>' } });
    assert.deepEqual(ids, ['id-jag.exchange-http-error']);
    assert.equal(result.outcome.kind, 'failed');
    assert.equal(asRequest, undefined);
  });

  it('stops when the IdP issues another token type than an ID-JAG, and goes on when lenient', async () => {
    const notJag = exchangeAnswer({ access_token: 'idp-access-token', issued_token_type: 'urn:ietf:params:oauth:token-type:access_token', token_type: 'Bearer' });
    const strict = await runGrant({ idp: notJag });
    assert.deepEqual(strict.ids, ['id-jag.not-id-jag']);
    assert.deepEqual(finding(strict.result, 'id-jag.not-id-jag')?.params, { issuedTokenType: 'urn:ietf:params:oauth:token-type:access_token' });
    assert.equal(strict.result.outcome.kind === 'failed' && strict.result.outcome.findingId, 'id-jag.not-id-jag');
    assert.equal(strict.asRequest, undefined, 'an IdP token is not handed to the authorization server');

    const lenient = await runGrant({ idp: notJag, options: { lenient: true } });
    assert.deepEqual(lenient.ids, ['id-jag.not-id-jag', 'id-jag.token-type-not-n-a', 'id-jag.idp-accepts-public-client', 'id-jag.not-jwt']);
    assert.equal(formOf(lenient.asRequest).get('assertion'), 'idp-access-token');
  });

  it('warns about a missing issued_token_type and cache headers, and fails without an ID-JAG', async () => {
    const loose = await runGrant({ idp: { headers: { 'content-type': 'application/json' }, body: { access_token: ID_JAG } } });
    assert.deepEqual(loose.ids, ['token.cache-control-missing', 'id-jag.issued-token-type-missing', 'id-jag.token-type-not-n-a', 'id-jag.idp-accepts-public-client', 'id-jag.received']);
    assert.deepEqual(finding(loose.result, 'id-jag.token-type-not-n-a')?.params, { tokenType: phrase('value.absent') });
    assert.deepEqual(loose.result.outcome, { kind: 'ok' });

    const empty = await runGrant({ idp: exchangeAnswer({ issued_token_type: 'urn:ietf:params:oauth:token-type:id-jag', token_type: 'N_A' }) });
    assert.deepEqual(empty.ids, ['id-jag.missing']);
    assert.equal(empty.asRequest, undefined);
  });

  it('checks the ID-JAG as the authorization server will: typ, aud, resource, client_id, iss, exp', async () => {
    const bad = jwt({ alg: 'ES256', typ: 'JWT' }, { iss: 'https://other.idp', sub: 'u1', aud: ['https://other-as.example'], resource: 'https://other.example/mcp', client_id: 'someone-else', exp: NOW_S - 5 });
    const { ids, result, asRequest } = await runGrant({ idp: exchangeAnswer({ ...GOOD_EXCHANGE, access_token: bad }) });
    assert.deepEqual(ids, [
      'id-jag.idp-accepts-public-client',
      'id-jag.wrong-typ',
      'id-jag.audience-mismatch',
      'id-jag.resource-mismatch',
      'id-jag.client-id-mismatch',
      'id-jag.issuer-mismatch',
      'id-jag.expired',
      'id-jag.received',
    ]);
    assert.deepEqual(finding(result, 'id-jag.wrong-typ')?.params, { typ: 'JWT' });
    assert.deepEqual(finding(result, 'id-jag.audience-mismatch')?.params, { aud: 'https://other-as.example', issuer: ISSUER });
    assert.deepEqual(finding(result, 'id-jag.resource-mismatch')?.params, { claim: '"https://other.example/mcp"', resource: SERVER });
    assert.deepEqual(finding(result, 'id-jag.client-id-mismatch')?.params, { claim: 'someone-else', clientId: CLIENT_ID });
    // The IdP's issuer defaults to the ID token's.
    assert.deepEqual(finding(result, 'id-jag.issuer-mismatch')?.params, { iss: 'https://other.idp', expected: IDP });
    // The authorization server is the judge: the grant is still presented.
    assert.equal(formOf(asRequest).get('assertion'), bad);
  });

  it('compares the ID-JAG issuer with the given IdP issuer and requires exp', async () => {
    const noExp = jwt({ typ: 'oauth-id-jag+jwt', alg: 'ES256' }, { ...JAG_CLAIMS, exp: undefined });
    const { ids } = await runGrant({ assertion: { idpIssuer: 'https://acme.idp.example/tenant' }, idp: exchangeAnswer({ ...GOOD_EXCHANGE, access_token: noExp }) });
    assert.deepEqual(ids, ['id-jag.idp-accepts-public-client', 'id-jag.issuer-mismatch', 'id-jag.exp-missing', 'id-jag.received']);
  });

  it('notes an authorization server that does not advertise the ID-JAG profile', async () => {
    const { ids, result } = await runGrant({ metadata: asMetadata({ authorization_grant_profiles_supported: undefined }) });
    assert.equal(ids[0], 'id-jag.profile-not-advertised');
    assert.equal(result.findings[0]?.severity, 'info');
  });

  it('judges the authorization server answer with the token-request rules', async () => {
    const { result, ids, session } = await runGrant({ as: exchangeAnswer({ error: 'invalid_grant', error_description: 'ID-JAG resource does not match' }, 400) });
    assert.deepEqual(ids, ['id-jag.idp-accepts-public-client', 'id-jag.received', 'token.error-response']);
    assert.equal(result.outcome.kind === 'failed' && result.outcome.findingId, 'token.error-response');
    assert.equal(session.data.identityAssertionGrant?.claims?.client_id, CLIENT_ID);
  });

  it('reports only an issued refresh token, since a new ID-JAG replaces it otherwise', async () => {
    const { ids } = await runGrant({ as: exchangeAnswer({ ...GOOD_TOKEN, refresh_token: 'rt' }) });
    assert.ok(ids.includes('token.refresh-token-issued'));
    assert.ok(!ids.includes('token.no-refresh-token'));
  });

  it('leaves resource out when asked to', async () => {
    const { idpRequest, asRequest } = await runGrant({ options: { omitResource: true } });
    assert.equal(formOf(idpRequest).get('resource'), null);
    assert.equal(formOf(asRequest).get('resource'), null);
  });

  it('sends the ID token nowhere but over HTTPS (or loopback)', async () => {
    const { ids, transport, result } = await runGrant({ assertion: { idpTokenEndpoint: 'http://idp.example/token' } });
    assert.deepEqual(ids, ['token.endpoint-insecure']);
    assert.equal(transport.requests.length, 0);
    assert.equal(result.outcome.kind, 'failed');
  });

  it('reports a missing identity assertion instead of sending anything', async () => {
    const { ids, transport, result } = await runGrant({ assertion: null });
    assert.deepEqual(ids, ['token.missing-prerequisite']);
    assert.equal(transport.requests.length, 0);
    assert.equal(result.outcome.kind, 'failed');
  });
});

describe('cross-app-access: the other stages', () => {
  it('skips the authorization request and response', async () => {
    for (const stepId of ['authorization-request', 'authorization-response'] as const) {
      const transport = cannedTransport({});
      const { result } = await runOneStep(stepId, transport, { serverUrl: SERVER, grant: 'cross-app-access' });
      assert.equal(result.outcome.kind, 'skipped', stepId);
      assert.equal(transport.requests.length, 0);
    }
  });

  it('registers dynamically for the jwt-bearer grant, without redirect URIs', () => {
    const body = buildRegistrationRequest(defaultFlowOptions(SERVER, { grant: 'cross-app-access' }), '2026-07-28', asMetadata());
    assert.deepEqual(body.grant_types, ['urn:ietf:params:oauth:grant-type:jwt-bearer']);
    assert.deepEqual(body.response_types, []);
    assert.equal(body.redirect_uris, undefined);
  });
});
