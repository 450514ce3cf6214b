import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createRemoteJWKSet, decodeJwt, jwtVerify } from 'jose';
import { AUDIT_AUDIENCE_PATH } from './demo-realm.js';
import { startLab, type Lab } from './index.js';
import {
  asRecord,
  authorizeWithAutoConsent,
  basicAuth,
  buildAuthorizationRequest,
  CookieJar,
  followRedirects,
  registerClient,
  stringField,
  tokenRequest,
} from './lab-test-client.js';

async function getJson(url: string): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(url, { headers: { accept: 'application/json' } });
  return { status: response.status, body: asRecord(await response.json()) };
}

function auditAudience(lab: Lab): string {
  return `${new URL(lab.mcpUrl).origin}${AUDIT_AUDIENCE_PATH}`;
}

describe('authorization server, auto-consent', () => {
  let lab: Lab;
  before(async () => {
    lab = await startLab({ autoConsent: true });
  });
  after(() => lab.close());

  test('serves the same metadata at the RFC 8414 path-insertion URL and the OIDC URL', async () => {
    const rfc8414 = await getJson(`${lab.authorizationServerOrigin}/.well-known/oauth-authorization-server/realms/demo`);
    const oidc = await getJson(`${lab.issuer}/.well-known/openid-configuration`);
    assert.equal(rfc8414.status, 200);
    assert.equal(oidc.status, 200);
    assert.deepEqual(rfc8414.body, oidc.body);
    const metadata = rfc8414.body;
    assert.equal(metadata.issuer, lab.issuer);
    assert.match(lab.issuer, /^http:\/\/127\.0\.0\.1:\d+\/realms\/demo$/);
    assert.deepEqual(metadata.code_challenge_methods_supported, ['S256']);
    assert.equal(metadata.authorization_response_iss_parameter_supported, true);
    assert.equal(metadata.registration_endpoint, `${lab.issuer}/clients-registrations/openid-connect`);
    assert.equal(metadata.introspection_endpoint, `${lab.issuer}/protocol/openid-connect/token/introspect`);
    assert.equal(metadata.revocation_endpoint, `${lab.issuer}/protocol/openid-connect/revoke`);
    assert.equal(metadata.jwks_uri, `${lab.issuer}/protocol/openid-connect/certs`);
    assert.deepEqual(metadata.response_types_supported, ['code']);
    for (const scope of ['openid', 'offline_access', 'mcp:tools']) {
      assert.ok((metadata.scopes_supported as unknown[]).includes(scope), scope);
    }
    for (const grant of ['authorization_code', 'refresh_token', 'client_credentials']) {
      assert.ok((metadata.grant_types_supported as unknown[]).includes(grant), grant);
    }
  });

  test('registers clients dynamically with loopback redirect URIs (native and web)', async () => {
    const native = await registerClient(lab, {
      application_type: 'native',
      redirect_uris: ['http://127.0.0.1:53682/callback'],
      token_endpoint_auth_method: 'none',
      grant_types: ['authorization_code', 'refresh_token'],
    });
    assert.equal(native.status, 201, JSON.stringify(native.body));
    assert.equal(typeof native.body.client_id, 'string');
    assert.equal(native.body.client_secret, undefined);

    const web = await registerClient(lab, {
      redirect_uris: ['http://localhost:3000/callback'],
      grant_types: ['authorization_code', 'refresh_token'],
    });
    assert.equal(web.status, 201, JSON.stringify(web.body));
    assert.equal(web.body.application_type, 'web');
    assert.equal(typeof web.body.client_secret, 'string');
  });

  test('registration accepts every scope the metadata advertises, as clients that register for their scope need', async () => {
    const metadata = asRecord(await (await fetch(`${lab.issuer}/.well-known/openid-configuration`)).json());
    const advertised = metadata.scopes_supported;
    assert.ok(Array.isArray(advertised) && advertised.includes('mcp:tools') && advertised.includes('offline_access'));
    const registration = await registerClient(lab, {
      application_type: 'native',
      redirect_uris: ['http://127.0.0.1:6274/oauth/callback'],
      token_endpoint_auth_method: 'none',
      grant_types: ['authorization_code', 'refresh_token'],
      scope: advertised.join(' '),
    });
    assert.equal(registration.status, 201, JSON.stringify(registration.body));
  });

  test('authorization code + PKCE completes through manual redirects and yields a JWT for the MCP server', async () => {
    const { callback, hops, tokens, request } = await authorizeWithAutoConsent(lab);
    assert.ok(hops.every((hop) => hop.status === 302 || hop.status === 303), JSON.stringify(hops));
    assert.equal(callback.searchParams.get('state'), request.state);
    // RFC 9207: the issuer comes back with the code.
    assert.equal(callback.searchParams.get('iss'), lab.issuer);
    assert.equal(tokens.token_type, 'Bearer');
    assert.equal(typeof tokens.refresh_token, 'string');

    const accessToken = stringField(tokens, 'access_token');
    const keys = createRemoteJWKSet(new URL(`${lab.issuer}/protocol/openid-connect/certs`));
    const { payload, protectedHeader } = await jwtVerify(accessToken, keys, { issuer: lab.issuer, audience: lab.mcpUrl, typ: 'at+jwt' });
    assert.equal(protectedHeader.alg, 'RS256');
    assert.equal(payload.aud, lab.mcpUrl);
    assert.equal(payload.scope, 'mcp:tools');
    assert.equal(payload.sub, lab.demoUser.username);
  });

  test('a client that omits resource still gets a token for the MCP server (audience mapper default)', async () => {
    const { tokens } = await authorizeWithAutoConsent(lab, { resource: null, scope: 'mcp:tools' });
    assert.equal(decodeJwt(stringField(tokens, 'access_token')).aud, lab.mcpUrl);
  });

  test('refresh keeps the audience; refresh with resource=<audit audience> yields a genuine token for it', async () => {
    const { clientId, tokens } = await authorizeWithAutoConsent(lab);
    const refreshed = await tokenRequest(lab, {
      grant_type: 'refresh_token',
      client_id: clientId,
      refresh_token: stringField(tokens, 'refresh_token'),
      resource: lab.mcpUrl,
    });
    assert.equal(refreshed.status, 200, JSON.stringify(refreshed.body));
    assert.equal(decodeJwt(stringField(refreshed.body, 'access_token')).aud, lab.mcpUrl);

    // Public clients' refresh tokens rotate: the audit must use the newest one.
    const foreign = await tokenRequest(lab, {
      grant_type: 'refresh_token',
      client_id: clientId,
      refresh_token: stringField(refreshed.body, 'refresh_token'),
      resource: auditAudience(lab),
    });
    assert.equal(foreign.status, 200, JSON.stringify(foreign.body));
    const keys = createRemoteJWKSet(new URL(`${lab.issuer}/protocol/openid-connect/certs`));
    const { payload } = await jwtVerify(stringField(foreign.body, 'access_token'), keys, { issuer: lab.issuer });
    assert.equal(payload.aud, auditAudience(lab));
    assert.equal(payload.scope, 'mcp:tools');
  });

  test('a refresh refused for an ungranted resource does not burn the refresh token', async () => {
    const { clientId, tokens } = await authorizeWithAutoConsent(lab);
    const refreshToken = stringField(tokens, 'refresh_token');
    const refused = await tokenRequest(lab, {
      grant_type: 'refresh_token',
      client_id: clientId,
      refresh_token: refreshToken,
      resource: 'https://api.example.com/',
    });
    assert.equal(refused.status, 400);
    assert.equal(refused.body.error, 'invalid_target');
    // Without `resource`, the refresh is for the granted MCP audience.
    const retried = await tokenRequest(lab, { grant_type: 'refresh_token', client_id: clientId, refresh_token: refreshToken });
    assert.equal(retried.status, 200, JSON.stringify(retried.body));
    assert.equal(decodeJwt(stringField(retried.body, 'access_token')).aud, lab.mcpUrl);
  });

  test('client_credentials works for the pre-registered confidential client, for any loopback resource', async () => {
    const { clientId, clientSecret } = lab.preRegisteredClient;
    assert.ok(clientSecret);
    for (const resource of [lab.mcpUrl, auditAudience(lab)]) {
      const response = await tokenRequest(lab, { grant_type: 'client_credentials', resource, scope: 'mcp:tools' }, { clientId, clientSecret });
      assert.equal(response.status, 200, JSON.stringify(response.body));
      assert.equal(decodeJwt(stringField(response.body, 'access_token')).aud, resource);
    }
  });

  test('introspection (RFC 7662) answers for JWT access tokens with the resource server credentials', async () => {
    const { tokens } = await authorizeWithAutoConsent(lab);
    const accessToken = stringField(tokens, 'access_token');
    const introspect = (authorization: string): Promise<Response> =>
      fetch(`${lab.issuer}/protocol/openid-connect/token/introspect`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', authorization },
        body: new URLSearchParams({ token: accessToken }),
      });

    const answer = await introspect(basicAuth(lab.introspectionClient));
    assert.equal(answer.status, 200);
    const body = asRecord(await answer.json());
    assert.equal(body.active, true);
    assert.equal(body.aud, lab.mcpUrl);
    assert.equal(body.scope, 'mcp:tools');
    assert.equal(body.iss, lab.issuer);

    const refused = await introspect(basicAuth({ clientId: lab.introspectionClient.clientId, clientSecret: 'wrong' }));
    assert.equal(refused.status, 401);

    const refreshAnswer = await fetch(`${lab.issuer}/protocol/openid-connect/token/introspect`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: basicAuth(lab.introspectionClient) },
      body: new URLSearchParams({ token: stringField(tokens, 'refresh_token') }),
    });
    assert.equal(asRecord(await refreshAnswer.json()).active, true);
  });

  test('revocation (RFC 7009) invalidates a refresh token', async () => {
    const { clientId, tokens } = await authorizeWithAutoConsent(lab);
    const refreshToken = stringField(tokens, 'refresh_token');
    const revoked = await fetch(`${lab.issuer}/protocol/openid-connect/revoke`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ token: refreshToken, client_id: clientId }),
    });
    assert.equal(revoked.status, 200);
    const refreshed = await tokenRequest(lab, { grant_type: 'refresh_token', client_id: clientId, refresh_token: refreshToken });
    assert.equal(refreshed.status, 400);
    assert.equal(refreshed.body.error, 'invalid_grant');
  });

  test('the pre-registered confidential client may use any loopback port and authenticates at the token endpoint', async () => {
    const { clientId, clientSecret } = lab.preRegisteredClient;
    assert.ok(clientSecret);
    const redirectUri = 'http://127.0.0.1:53999/callback';
    const request = await buildAuthorizationRequest(lab, { clientId, redirectUri });
    const { callbackUrl } = await followRedirects({ url: request.url }, new CookieJar(), redirectUri);
    assert.ok(callbackUrl);
    const code = new URL(callbackUrl).searchParams.get('code');
    assert.ok(code);
    const params = { grant_type: 'authorization_code', code, redirect_uri: redirectUri, code_verifier: request.codeVerifier, resource: lab.mcpUrl };
    const unauthenticated = await tokenRequest(lab, { ...params, client_id: clientId });
    assert.equal(unauthenticated.status, 401);
    const tokens = await tokenRequest(lab, params, { clientId, clientSecret });
    assert.equal(tokens.status, 200, JSON.stringify(tokens.body));
    assert.equal(decodeJwt(stringField(tokens.body, 'access_token')).aud, lab.mcpUrl);
  });

  test('an authorization request that cannot be sent back renders an HTML error page', async () => {
    const request = await buildAuthorizationRequest(lab, { clientId: 'no-such-client', redirectUri: 'http://127.0.0.1:4280/callback' });
    const response = await fetch(request.url, { redirect: 'manual' });
    assert.equal(response.status, 400);
    assert.match(response.headers.get('content-type') ?? '', /^text\/html/);
    assert.match(await response.text(), /invalid_client/);
  });

  test('PKCE is required: a request without code_challenge is sent back with an error', async () => {
    const registration = await registerClient(lab, {
      redirect_uris: ['http://127.0.0.1:4280/callback'],
      application_type: 'native',
      token_endpoint_auth_method: 'none',
    });
    const request = await buildAuthorizationRequest(lab, { clientId: stringField(registration.body, 'client_id'), redirectUri: 'http://127.0.0.1:4280/callback' });
    const url = new URL(request.url);
    url.searchParams.delete('code_challenge');
    url.searchParams.delete('code_challenge_method');
    const { callbackUrl } = await followRedirects({ url: url.href }, new CookieJar(), request.redirectUri);
    assert.ok(callbackUrl);
    const callback = new URL(callbackUrl);
    assert.equal(callback.searchParams.get('error'), 'invalid_request');
    assert.equal(callback.searchParams.get('iss'), lab.issuer);
  });
});

describe('authorization server, interactive pages', () => {
  let lab: Lab;
  before(async () => {
    lab = await startLab();
  });
  after(() => lab.close());

  async function startInteraction(): Promise<{ jar: CookieJar; pageUrl: string; html: string; redirectUri: string; codeVerifier: string; clientId: string }> {
    const redirectUri = 'http://127.0.0.1:4280/callback';
    const registration = await registerClient(lab, { redirect_uris: [redirectUri], application_type: 'native', token_endpoint_auth_method: 'none', client_name: 'Page Test' });
    const clientId = stringField(registration.body, 'client_id');
    const request = await buildAuthorizationRequest(lab, { clientId, redirectUri });
    const jar = new CookieJar();
    const { hops, last } = await followRedirects({ url: request.url }, jar, redirectUri);
    const lastHop = hops.at(-1);
    assert.ok(lastHop);
    assert.equal(last.status, 200);
    assert.match(last.headers.get('content-type') ?? '', /^text\/html/);
    return { jar, pageUrl: lastHop.url, html: await last.text(), redirectUri, codeVerifier: request.codeVerifier, clientId };
  }

  function formAction(html: string, suffix: string): string {
    const match = new RegExp(`action="([^"]*/${suffix})"`).exec(html);
    assert.ok(match?.[1], `no form posting to ${suffix}`);
    return `${lab.authorizationServerOrigin}${match[1]}`;
  }

  test('login and consent pages are real forms; approving returns a code', async () => {
    const { jar, html, redirectUri, codeVerifier, clientId } = await startInteraction();
    assert.match(html, /<label for="username">/);
    assert.match(html, /<input id="password" name="password" type="password"/);
    assert.match(html, /Page Test/);

    const wrong = await followRedirects(
      { url: formAction(html, 'login'), method: 'POST', body: new URLSearchParams({ username: 'admin', password: 'nope' }) },
      jar,
      redirectUri,
    );
    assert.equal(wrong.last.status, 200);
    assert.match(await wrong.last.text(), /role="alert"[^>]*>Wrong username or password/);

    const signedIn = await followRedirects(
      { url: formAction(html, 'login'), method: 'POST', body: new URLSearchParams({ username: lab.demoUser.username, password: lab.demoUser.password }) },
      jar,
      redirectUri,
    );
    assert.equal(signedIn.last.status, 200);
    const consent = await signedIn.last.text();
    assert.match(consent, /Grant access\?/);
    assert.match(consent, /mcp:tools/);
    assert.ok(consent.includes(lab.mcpUrl));
    assert.match(consent, /name="decision" value="approve"/);

    const approved = await followRedirects(
      { url: formAction(consent, 'consent'), method: 'POST', body: new URLSearchParams({ decision: 'approve' }) },
      jar,
      redirectUri,
    );
    assert.ok(approved.callbackUrl);
    const code = new URL(approved.callbackUrl).searchParams.get('code');
    assert.ok(code);
    const tokens = await tokenRequest(lab, { grant_type: 'authorization_code', client_id: clientId, code, redirect_uri: redirectUri, code_verifier: codeVerifier, resource: lab.mcpUrl });
    assert.equal(tokens.status, 200, JSON.stringify(tokens.body));
  });

  test('denying consent returns access_denied to the client', async () => {
    const { jar, html, redirectUri } = await startInteraction();
    const signedIn = await followRedirects(
      { url: formAction(html, 'login'), method: 'POST', body: new URLSearchParams({ username: lab.demoUser.username, password: lab.demoUser.password }) },
      jar,
      redirectUri,
    );
    const consent = await signedIn.last.text();
    const denied = await followRedirects(
      { url: formAction(consent, 'consent'), method: 'POST', body: new URLSearchParams({ decision: 'deny' }) },
      jar,
      redirectUri,
    );
    assert.ok(denied.callbackUrl);
    const callback = new URL(denied.callbackUrl);
    assert.equal(callback.searchParams.get('error'), 'access_denied');
    assert.equal(callback.searchParams.get('iss'), lab.issuer);
  });

  test('an interaction page without its cookie explains instead of failing', async () => {
    const { pageUrl } = await startInteraction();
    const response = await fetch(pageUrl, { redirect: 'manual' });
    assert.equal(response.status, 400);
    assert.match(await response.text(), /expired/);
  });
});
