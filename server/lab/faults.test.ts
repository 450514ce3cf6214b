/**
 * Each fault must change what a client observes, and only with the fault on: every case
 * compares a lab with the fault against the lab without it.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test, type TestContext } from 'node:test';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { AUDIT_AUDIENCE_PATH } from './demo-realm.js';
import { LAB_FAULTS, isLabFaultId, startLab, type Lab, type LabFaultId } from './index.js';
import { asRecord, buildAuthorizationRequest, callAddNumbers, clientCredentialsToken, CookieJar, followRedirects, INITIALIZE, jsonRpcMessage, mcpPost, modernPost, registerClient, tamperWithPayload } from './lab-test-client.js';

async function labWith(t: TestContext, fault: LabFaultId): Promise<Lab> {
  const lab = await startLab({ faults: [fault], autoConsent: true });
  t.after(() => lab.close());
  return lab;
}

async function asMetadata(lab: Lab): Promise<Record<string, unknown>[]> {
  const urls = [
    `${lab.authorizationServerOrigin}/.well-known/oauth-authorization-server/realms/demo`,
    `${lab.issuer}/.well-known/openid-configuration`,
  ];
  return Promise.all(urls.map(async (url) => asRecord(await (await fetch(url)).json())));
}

async function protectedResourceMetadata(lab: Lab): Promise<Record<string, unknown>> {
  const response = await fetch(`${new URL(lab.mcpUrl).origin}/.well-known/oauth-protected-resource/mcp`);
  assert.equal(response.status, 200);
  return asRecord(await response.json());
}

const BROWSER_ORIGIN = 'https://mcp-client.example';

const auditAudience = (lab: Lab): string => `${new URL(lab.mcpUrl).origin}${AUDIT_AUDIENCE_PATH}`;

describe('fault catalogue', () => {
  test('lists the faults with one-line summaries', () => {
    assert.deepEqual(LAB_FAULTS.map((fault) => fault.id), [
      'probe.missing-www-authenticate',
      'prm.resource-mismatch',
      'asm.pkce-unsupported',
      'asm.issuer-mismatch',
      'registration.no-path',
      'audit.accepts-foreign-audience',
      'audit.accepts-tampered-token',
      'audit.accepts-malformed-token',
      'audit.accepts-untrusted-issuer',
      'audit.accepts-query-token',
      'audit.challenge-without-invalid-token',
      'audit.error-leaks-internals',
      'audit.as-accepts-missing-pkce',
      'audit.as-registers-insecure-redirect',
      'mcp.legacy-only-server',
      'mcp.modern-only-server',
      'cors.www-authenticate-not-exposed',
      'cors.preflight-failed',
    ]);
    for (const fault of LAB_FAULTS) {
      assert.ok(fault.summary.length > 20 && !fault.summary.includes('\n'), fault.id);
    }
    assert.equal(isLabFaultId('asm.pkce-unsupported'), true);
    assert.equal(isLabFaultId('asm.nope'), false);
  });
});

describe('faults change real behaviour', () => {
  let baseline: Lab;
  before(async () => {
    baseline = await startLab({ autoConsent: true });
  });
  after(() => baseline.close());

  test('probe.missing-www-authenticate: 401s lose the challenge, the metadata stays', async (t) => {
    const lab = await labWith(t, 'probe.missing-www-authenticate');
    for (const token of [undefined, 'not-a-token']) {
      const faulty = await mcpPost(lab, token, INITIALIZE);
      assert.equal(faulty.status, 401);
      assert.equal(faulty.headers.get('www-authenticate'), null);
      const healthy = await mcpPost(baseline, token, INITIALIZE);
      assert.equal(healthy.status, 401);
      assert.match(healthy.headers.get('www-authenticate') ?? '', /^Bearer .*resource_metadata=/);
    }
    assert.equal((await protectedResourceMetadata(lab)).resource, lab.mcpUrl);
  });

  test('prm.resource-mismatch: the metadata names another resource', async (t) => {
    const lab = await labWith(t, 'prm.resource-mismatch');
    const resource = (await protectedResourceMetadata(lab)).resource;
    assert.equal(typeof resource, 'string');
    assert.notEqual(resource, lab.mcpUrl);
    assert.equal((await protectedResourceMetadata(baseline)).resource, baseline.mcpUrl);
  });

  test('asm.pkce-unsupported: both metadata documents omit code_challenge_methods_supported', async (t) => {
    const lab = await labWith(t, 'asm.pkce-unsupported');
    for (const metadata of await asMetadata(lab)) assert.equal(metadata.code_challenge_methods_supported, undefined);
    for (const metadata of await asMetadata(baseline)) assert.deepEqual(metadata.code_challenge_methods_supported, ['S256']);
  });

  test('asm.issuer-mismatch: both metadata documents carry a different issuer', async (t) => {
    const lab = await labWith(t, 'asm.issuer-mismatch');
    for (const metadata of await asMetadata(lab)) {
      assert.equal(typeof metadata.issuer, 'string');
      assert.notEqual(metadata.issuer, lab.issuer);
    }
    for (const metadata of await asMetadata(baseline)) assert.equal(metadata.issuer, baseline.issuer);
  });

  test('registration.no-path: no registration endpoint, DCR refused, no CIMD', async (t) => {
    const lab = await labWith(t, 'registration.no-path');
    for (const metadata of await asMetadata(lab)) {
      assert.equal(metadata.registration_endpoint, undefined);
      assert.equal(metadata.client_id_metadata_document_supported, undefined);
    }
    const registration = await fetch(`${lab.issuer}/clients-registrations/openid-connect`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ redirect_uris: ['http://127.0.0.1:4280/callback'] }),
    });
    assert.equal(registration.status, 404);
    for (const metadata of await asMetadata(baseline)) assert.equal(typeof metadata.registration_endpoint, 'string');
  });

  test('audit.accepts-foreign-audience: a token for another audience is accepted', async (t) => {
    const lab = await labWith(t, 'audit.accepts-foreign-audience');
    const accepted = await callAddNumbers(lab, await clientCredentialsToken(lab, auditAudience(lab)), 2, 3);
    assert.equal(accepted.status, 200);
    assert.equal(asRecord(asRecord(asRecord(await accepted.json()).result).structuredContent).result, 5);
    const refused = await callAddNumbers(baseline, await clientCredentialsToken(baseline, auditAudience(baseline)), 2, 3);
    assert.equal(refused.status, 401);
  });

  test('audit.accepts-tampered-token: a token with a forged payload is accepted', async (t) => {
    const lab = await labWith(t, 'audit.accepts-tampered-token');
    const forged = tamperWithPayload(await clientCredentialsToken(lab, lab.mcpUrl), { sub: 'mallory' });
    const accepted = await callAddNumbers(lab, forged, 2, 3);
    assert.equal(accepted.status, 200);
    const forgedForBaseline = tamperWithPayload(await clientCredentialsToken(baseline, baseline.mcpUrl), { sub: 'mallory' });
    assert.equal((await callAddNumbers(baseline, forgedForBaseline, 2, 3)).status, 401);
    // The fault skips the signature only: the audience is still checked.
    const foreign = await callAddNumbers(lab, await clientCredentialsToken(lab, auditAudience(lab)), 2, 3);
    assert.equal(foreign.status, 401);
  });

  test('audit.accepts-malformed-token: a value that is no JWT passes as an API key', async (t) => {
    const lab = await labWith(t, 'audit.accepts-malformed-token');
    assert.equal((await callAddNumbers(lab, 'sk-anything-goes', 2, 3)).status, 200);
    assert.equal((await callAddNumbers(baseline, 'sk-anything-goes', 2, 3)).status, 401);
    // A JWT is still verified.
    assert.equal((await callAddNumbers(lab, tamperWithPayload(await clientCredentialsToken(lab, lab.mcpUrl), { sub: 'mallory' }), 2, 3)).status, 401);
  });

  test('audit.accepts-untrusted-issuer: a token signed with the key in its own header is accepted', async (t) => {
    const lab = await labWith(t, 'audit.accepts-untrusted-issuer');
    const forge = async (audience: string) => {
      const { privateKey, publicKey } = await generateKeyPair('ES256');
      const now = Math.floor(Date.now() / 1000);
      return new SignJWT({ aud: audience, scope: 'mcp:tools', sub: 'mallory', iss: 'https://attacker.invalid', iat: now, exp: now + 60 })
        .setProtectedHeader({ alg: 'ES256', typ: 'at+jwt', jwk: await exportJWK(publicKey) })
        .sign(privateKey);
    };
    assert.equal((await callAddNumbers(lab, await forge(lab.mcpUrl), 2, 3)).status, 200);
    assert.equal((await callAddNumbers(baseline, await forge(baseline.mcpUrl), 2, 3)).status, 401);
  });

  test('audit.accepts-query-token: the token works from the query string', async (t) => {
    const lab = await labWith(t, 'audit.accepts-query-token');
    const inQuery = async (target: Lab) => {
      const token = await clientCredentialsToken(target, target.mcpUrl);
      const answer = await fetch(`${target.mcpUrl}?access_token=${encodeURIComponent(token)}`, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream' }, body: JSON.stringify(INITIALIZE) });
      return answer.status;
    };
    assert.equal(await inQuery(lab), 200);
    assert.equal(await inQuery(baseline), 401);
  });

  test('audit.challenge-without-invalid-token: a refused token gets a challenge without the error', async (t) => {
    const lab = await labWith(t, 'audit.challenge-without-invalid-token');
    const refused = await callAddNumbers(lab, 'not-a-token', 2, 3);
    assert.equal(refused.status, 401);
    const challenge = refused.headers.get('www-authenticate') ?? '';
    assert.match(challenge, /^Bearer .*resource_metadata=/);
    assert.doesNotMatch(challenge, /error=/);
    assert.match((await callAddNumbers(baseline, 'not-a-token', 2, 3)).headers.get('www-authenticate') ?? '', /error="invalid_token"/);
    // Without a token the challenge is the usual one.
    assert.match((await mcpPost(lab, undefined, INITIALIZE)).headers.get('www-authenticate') ?? '', /scope="mcp:tools"/);
  });

  test('audit.error-leaks-internals: a refused token is answered with a stack trace', async (t) => {
    const lab = await labWith(t, 'audit.error-leaks-internals');
    const refused = await callAddNumbers(lab, 'not-a-token', 2, 3);
    assert.equal(refused.status, 401);
    assert.match(String(asRecord(await refused.json()).stack), /\n {4}at .*\/srv\/.*:\d+:\d+\)/);
    assert.equal(asRecord(await (await callAddNumbers(baseline, 'not-a-token', 2, 3)).json()).stack, undefined);
  });

  test('audit.as-accepts-missing-pkce: an authorization request without code_challenge gets a code', async (t) => {
    const lab = await labWith(t, 'audit.as-accepts-missing-pkce');
    const withoutPkce = async (target: Lab) => {
      const redirectUri = 'http://127.0.0.1:4280/callback';
      const registration = await registerClient(target, { redirect_uris: [redirectUri], token_endpoint_auth_method: 'none', grant_types: ['authorization_code'], response_types: ['code'] });
      const request = await buildAuthorizationRequest(target, { clientId: String(registration.body.client_id), redirectUri });
      const url = new URL(request.url);
      url.searchParams.delete('code_challenge');
      url.searchParams.delete('code_challenge_method');
      const { callbackUrl } = await followRedirects({ url: url.href }, new CookieJar(), redirectUri);
      return new URL(callbackUrl ?? 'http://none.invalid').searchParams;
    };
    assert.ok((await withoutPkce(lab)).get('code'));
    const refused = await withoutPkce(baseline);
    assert.equal(refused.get('code'), null);
    assert.equal(refused.get('error'), 'invalid_request');
  });

  test('audit.as-registers-insecure-redirect: anyone registers a plain-http redirect URI on another host', async (t) => {
    const lab = await labWith(t, 'audit.as-registers-insecure-redirect');
    const register = (target: Lab, redirectUri: string) => registerClient(target, { redirect_uris: [redirectUri], token_endpoint_auth_method: 'none' });
    assert.equal((await register(lab, 'http://attacker.example/callback')).status, 201);
    const refused = await register(baseline, 'http://attacker.example/callback');
    assert.equal(refused.status, 400);
    assert.equal(refused.body.error, 'invalid_redirect_uri');
    assert.match(String(refused.body.error_description), /loopback or https/);
    // The clean lab's policy: loopback and https redirect URIs are welcome.
    assert.equal((await register(baseline, 'http://127.0.0.1:9/cb')).status, 201);
    assert.equal((await register(baseline, 'https://client.example/callback')).status, 201);
  });

  test('mcp.legacy-only-server: 2026-07-28 requests get a legacy 400, initialize still works', async (t) => {
    const lab = await labWith(t, 'mcp.legacy-only-server');
    const token = await clientCredentialsToken(lab, lab.mcpUrl);
    const modern = await modernPost(lab, token, 'server/discover');
    assert.equal(modern.status, 400);
    const refusal = await jsonRpcMessage(modern);
    // Not a modern error (-32020..-32022): a dual-era client falls back to initialize.
    assert.ok(![-32020, -32021, -32022].includes(Number(asRecord(refusal.error).code)), JSON.stringify(refusal));
    assert.equal((await mcpPost(lab, token, INITIALIZE)).status, 200);
    assert.equal((await modernPost(baseline, await clientCredentialsToken(baseline, baseline.mcpUrl), 'server/discover')).status, 200);
  });

  test('mcp.modern-only-server: initialize is refused with UnsupportedProtocolVersionError naming 2026-07-28', async (t) => {
    const lab = await labWith(t, 'mcp.modern-only-server');
    const token = await clientCredentialsToken(lab, lab.mcpUrl);
    const initialized = await mcpPost(lab, token, INITIALIZE);
    assert.equal(initialized.status, 400);
    const error = asRecord((await jsonRpcMessage(initialized)).error);
    assert.equal(error.code, -32022);
    assert.deepEqual(asRecord(error.data).supported, ['2026-07-28']);
    assert.equal((await modernPost(lab, token, 'server/discover')).status, 200);
    assert.equal((await mcpPost(baseline, await clientCredentialsToken(baseline, baseline.mcpUrl), INITIALIZE)).status, 200);
  });
  test('cors.www-authenticate-not-exposed: the 401 allows the origin but hides its challenge', async (t) => {
    const lab = await labWith(t, 'cors.www-authenticate-not-exposed');
    const exposed = async (target: Lab) => {
      const answer = await fetch(target.mcpUrl, { method: 'POST', headers: { origin: BROWSER_ORIGIN, 'content-type': 'application/json' }, body: JSON.stringify(INITIALIZE) });
      assert.equal(answer.status, 401);
      assert.equal(answer.headers.get('access-control-allow-origin'), '*');
      return (answer.headers.get('access-control-expose-headers') ?? '').toLowerCase().split(/\s*,\s*/);
    };
    const faulty = await exposed(lab);
    assert.ok(!faulty.includes('www-authenticate') && faulty.includes('mcp-session-id'), faulty.join());
    assert.ok((await exposed(baseline)).includes('www-authenticate'));
  });

  test('cors.preflight-failed: the preflight is refused with 401, the answers still allow the origin', async (t) => {
    const lab = await labWith(t, 'cors.preflight-failed');
    const preflight = (target: Lab) =>
      fetch(target.mcpUrl, { method: 'OPTIONS', headers: { origin: BROWSER_ORIGIN, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,content-type' } });
    const faulty = await preflight(lab);
    assert.equal(faulty.status, 401);
    assert.equal(faulty.headers.get('access-control-allow-origin'), null);
    const answer = await fetch(lab.mcpUrl, { method: 'POST', headers: { origin: BROWSER_ORIGIN, 'content-type': 'application/json' }, body: JSON.stringify(INITIALIZE) });
    assert.equal(answer.headers.get('access-control-allow-origin'), '*');
    const healthy = await preflight(baseline);
    assert.equal(healthy.status, 204);
    assert.equal(healthy.headers.get('access-control-allow-headers'), 'authorization,content-type');
  });

  test('the clean lab answers the registration preflight, which oidc-provider alone does not', async () => {
    const registration = `${baseline.issuer}/clients-registrations/openid-connect`;
    const preflight = await fetch(registration, { method: 'OPTIONS', headers: { origin: BROWSER_ORIGIN, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' } });
    assert.equal(preflight.status, 204);
    assert.equal(preflight.headers.get('access-control-allow-origin'), '*');
    const registered = await fetch(registration, { method: 'POST', headers: { origin: BROWSER_ORIGIN, 'content-type': 'application/json' }, body: JSON.stringify({ redirect_uris: ['http://127.0.0.1:4280/callback'], token_endpoint_auth_method: 'none' }) });
    assert.equal(registered.status, 201);
    assert.equal(registered.headers.get('access-control-allow-origin'), '*');
  });
});
