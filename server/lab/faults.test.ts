/**
 * Each fault must change what a client observes, and only with the fault on. Every case says
 * what a client sees with the fault (`faulty`) and without it (`clean`), and is checked three
 * ways: a lab started with the fault against a clean lab; a running clean lab switched to the
 * fault; and that lab switched back.
 */
import assert from 'node:assert/strict';
import { describe, test, type TestContext } from 'node:test';
import { decodeJwt, exportJWK, generateKeyPair, SignJWT } from 'jose';
import { AUDIT_AUDIENCE_PATH } from './demo-realm.js';
import { LAB_FAULTS, isLabFaultId, startLab, type Lab, type LabFaultId } from './index.js';
import { asRecord, authorizeWithAutoConsent, basicAuth, buildAuthorizationRequest, callAddNumbers, clientCredentialsToken, CookieJar, followRedirects, INITIALIZE, jsonRpcMessage, mcpPost, modernPost, registerClient, stringField, tamperWithPayload, tokenRequest } from './lab-test-client.js';

async function labWith(t: TestContext, faults: LabFaultId[]): Promise<Lab> {
  const lab = await startLab({ faults, autoConsent: true });
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
      'asm.pkce-s256-missing',
      'asm.response-types-missing',
      'authorization.iss-not-advertised',
      'asm.grant-type-not-advertised',
      'token.cache-control-missing',
      'token.invalid-expires-in',
      'token.not-bearer',
      'token.long-lived',
      'token.generic-audience',
      'token.broad-scope',
      'registration.dcr-status-not-201',
      'registration.dcr-redirect-uris-not-echoed',
      'probe.no-bearer-challenge',
      'probe.no-challenge-scope',
      'prm.not-found',
      'prm.no-authorization-servers',
      'prm.resource-missing',
      'prm.header-bearer-method-missing',
      'mcp.forbidden',
      'mcp.insufficient-scope-without-scope',
      'prm.invalid-field',
      'probe.malformed-www-authenticate',
      'mcp.result-type-missing',
      'mcp.discover-no-server-info',
      'audit.as-redirects-to-unregistered-uri',
      'audit.as-accepts-plain-pkce',
      'audit.as-code-reused',
      'audit.as-wrong-verifier-accepted',
      'audit.as-code-other-client',
      'audit.as-refresh-token-reused',
      'audit.challenge-without-resource-metadata',
      'audit.session-without-token',
      'audit.accepts-insufficient-scope',
      'audit.insufficient-scope-not-403',
      'audit.insufficient-scope-without-scope',
    ]);
    for (const fault of LAB_FAULTS) {
      assert.ok(fault.summary.length > 20 && !fault.summary.includes('\n'), fault.id);
      assert.ok(fault.summaryZh.length > 10 && !fault.summaryZh.includes('\n') && /\p{Script=Han}/u.test(fault.summaryZh), fault.id);
    }
    assert.equal(isLabFaultId('asm.pkce-unsupported'), true);
    assert.equal(isLabFaultId('asm.nope'), false);
  });
});

interface FaultCase {
  /** What a client sees from `lab` while the fault is on. */
  faulty(lab: Lab): Promise<void>;
  /** What a client sees from `lab` while it is off. */
  clean(lab: Lab): Promise<void>;
}

async function forgeWithEmbeddedKey(audience: string): Promise<string> {
  const { privateKey, publicKey } = await generateKeyPair('ES256');
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ aud: audience, scope: 'mcp:tools', sub: 'mallory', iss: 'https://attacker.invalid', iat: now, exp: now + 60 })
    .setProtectedHeader({ alg: 'ES256', typ: 'at+jwt', jwk: await exportJWK(publicKey) })
    .sign(privateKey);
}

async function withTokenInQuery(lab: Lab): Promise<number> {
  const token = await clientCredentialsToken(lab, lab.mcpUrl);
  const answer = await fetch(`${lab.mcpUrl}?access_token=${encodeURIComponent(token)}`, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream' }, body: JSON.stringify(INITIALIZE) });
  return answer.status;
}

async function authorizeWithoutPkce(lab: Lab): Promise<URLSearchParams> {
  const redirectUri = 'http://127.0.0.1:4280/callback';
  const registration = await registerClient(lab, { redirect_uris: [redirectUri], token_endpoint_auth_method: 'none', grant_types: ['authorization_code'], response_types: ['code'] });
  const request = await buildAuthorizationRequest(lab, { clientId: String(registration.body.client_id), redirectUri });
  const url = new URL(request.url);
  url.searchParams.delete('code_challenge');
  url.searchParams.delete('code_challenge_method');
  const { callbackUrl } = await followRedirects({ url: url.href }, new CookieJar(), redirectUri);
  return new URL(callbackUrl ?? 'http://none.invalid').searchParams;
}

/** The callback's parameters for a public client's authorization request (PKCE included). */
async function authorizationResponse(lab: Lab): Promise<URLSearchParams> {
  const redirectUri = 'http://127.0.0.1:4280/callback';
  const registration = await registerClient(lab, { redirect_uris: [redirectUri], token_endpoint_auth_method: 'none', grant_types: ['authorization_code'], response_types: ['code'] });
  const request = await buildAuthorizationRequest(lab, { clientId: String(registration.body.client_id), redirectUri });
  const { callbackUrl } = await followRedirects({ url: request.url }, new CookieJar(), redirectUri);
  return new URL(callbackUrl ?? 'http://none.invalid').searchParams;
}

const registerFor = (lab: Lab, redirectUri: string) => registerClient(lab, { redirect_uris: [redirectUri], token_endpoint_auth_method: 'none' });

async function exposedOn401(lab: Lab): Promise<string[]> {
  const answer = await fetch(lab.mcpUrl, { method: 'POST', headers: { origin: BROWSER_ORIGIN, 'content-type': 'application/json' }, body: JSON.stringify(INITIALIZE) });
  assert.equal(answer.status, 401);
  assert.equal(answer.headers.get('access-control-allow-origin'), '*');
  return (answer.headers.get('access-control-expose-headers') ?? '').toLowerCase().split(/\s*,\s*/);
}

/** The challenge on a 401 to a request without a token. */
async function challengeWithoutToken(lab: Lab): Promise<string> {
  const answer = await mcpPost(lab, undefined, INITIALIZE);
  assert.equal(answer.status, 401);
  await answer.body?.cancel();
  return answer.headers.get('www-authenticate') ?? '';
}

const CLEAN_CHALLENGE = /^Bearer resource_metadata="[^"]+", scope="mcp:tools"$/;

async function listTools(lab: Lab): Promise<Response> {
  return modernPost(lab, await clientCredentialsToken(lab, lab.mcpUrl), 'tools/list');
}

async function discover(lab: Lab): Promise<Response> {
  return modernPost(lab, await clientCredentialsToken(lab, lab.mcpUrl), 'server/discover');
}

const mcpPreflight = (lab: Lab) =>
  fetch(lab.mcpUrl, { method: 'OPTIONS', headers: { origin: BROWSER_ORIGIN, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,content-type' } });

/** A client_credentials answer of the pre-registered client, headers and body. */
async function tokenAnswer(lab: Lab): Promise<{ headers: Headers; body: Record<string, unknown> }> {
  const { clientId, clientSecret } = lab.preRegisteredClient;
  if (clientSecret === undefined) throw new Error('the pre-registered client has no secret');
  const answer = await fetch(`${lab.issuer}/protocol/openid-connect/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: basicAuth({ clientId, clientSecret }) },
    body: new URLSearchParams({ grant_type: 'client_credentials', resource: lab.mcpUrl, scope: 'mcp:tools' }),
  });
  assert.equal(answer.status, 200);
  return { headers: answer.headers, body: asRecord(await answer.json()) };
}

async function accessTokenClaims(lab: Lab): Promise<Record<string, unknown>> {
  return asRecord(decodeJwt(await clientCredentialsToken(lab, lab.mcpUrl)));
}

const CALLBACK = 'http://127.0.0.1:4280/callback';

/** A public client registered for CALLBACK. */
async function publicClient(lab: Lab): Promise<string> {
  const registration = await registerClient(lab, { redirect_uris: [CALLBACK], token_endpoint_auth_method: 'none', grant_types: ['authorization_code', 'refresh_token'], response_types: ['code'] });
  return stringField(registration.body, 'client_id');
}

/** A fresh public client's authorization request, changed by `change`, walked with auto-consent: the callback it reached, if any. */
async function authorize(lab: Lab, change: (url: URL) => void = () => undefined, redirectUri = CALLBACK): Promise<{ clientId: string; verifier: string; callback?: URLSearchParams; status: number }> {
  const clientId = await publicClient(lab);
  const request = await buildAuthorizationRequest(lab, { clientId, redirectUri: CALLBACK });
  const url = new URL(request.url);
  change(url);
  const { callbackUrl, last } = await followRedirects({ url: url.href }, new CookieJar(), redirectUri);
  if (!last.bodyUsed) await last.body?.cancel();
  return { clientId, verifier: request.codeVerifier, status: last.status, ...(callbackUrl ? { callback: new URL(callbackUrl).searchParams } : {}) };
}

/** A code of a fresh public client, and a redemption of it (the client and verifier may be changed). */
async function codeToRedeem(lab: Lab): Promise<{ clientId: string; verifier: string; redeem(change?: { clientId?: string; verifier?: string }): Promise<{ status: number; body: Record<string, unknown> }> }> {
  const { clientId, verifier, callback } = await authorize(lab);
  const code = callback?.get('code');
  assert.ok(code, callback?.toString());
  return {
    clientId,
    verifier,
    redeem: (change = {}) =>
      tokenRequest(lab, { grant_type: 'authorization_code', client_id: change.clientId ?? clientId, code, redirect_uri: CALLBACK, code_verifier: change.verifier ?? verifier, resource: lab.mcpUrl }),
  };
}

/** A public client's tokens refreshed once (its refresh token replaced), then the replaced one presented again. */
async function replacedRefreshTokenAgain(lab: Lab): Promise<{ status: number; body: Record<string, unknown> }> {
  const { clientId, tokens } = await authorizeWithAutoConsent(lab);
  const original = stringField(tokens, 'refresh_token');
  const refreshed = await tokenRequest(lab, { grant_type: 'refresh_token', client_id: clientId, refresh_token: original });
  assert.equal(refreshed.status, 200);
  assert.notEqual(stringField(refreshed.body, 'refresh_token'), original, 'a public client\'s refresh token rotates');
  return tokenRequest(lab, { grant_type: 'refresh_token', client_id: clientId, refresh_token: original });
}

/** A legacy tools/list with `sessionId` and no Authorization header. */
const toolsListInSession = (lab: Lab, sessionId: string): Promise<Response> =>
  fetch(lab.mcpUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream', 'mcp-protocol-version': '2025-06-18', 'mcp-session-id': sessionId },
    body: JSON.stringify({ jsonrpc: '2.0', id: 2, method: 'tools/list' }),
  });

/** add_numbers with a genuine token for the MCP server that carries no scope. */
async function callWithoutScope(lab: Lab): Promise<Response> {
  const token = await clientCredentialsToken(lab, lab.mcpUrl, '');
  assert.equal(decodeJwt(token).scope, undefined);
  return callAddNumbers(lab, token, 2, 3);
}

const SCOPE_REFUSAL = /^Bearer error="insufficient_scope", .*scope="mcp:tools"/;

const FAULT_CASES: Record<LabFaultId, FaultCase> = {
  'probe.missing-www-authenticate': {
    // 401s lose the challenge, the metadata stays.
    async faulty(lab) {
      for (const token of [undefined, 'not-a-token']) {
        const answer = await mcpPost(lab, token, INITIALIZE);
        assert.equal(answer.status, 401);
        assert.equal(answer.headers.get('www-authenticate'), null);
      }
      assert.equal((await protectedResourceMetadata(lab)).resource, lab.mcpUrl);
    },
    async clean(lab) {
      for (const token of [undefined, 'not-a-token']) {
        const answer = await mcpPost(lab, token, INITIALIZE);
        assert.equal(answer.status, 401);
        assert.match(answer.headers.get('www-authenticate') ?? '', /^Bearer .*resource_metadata=/);
      }
    },
  },
  'prm.resource-mismatch': {
    async faulty(lab) {
      const resource = (await protectedResourceMetadata(lab)).resource;
      assert.equal(typeof resource, 'string');
      assert.notEqual(resource, lab.mcpUrl);
    },
    async clean(lab) {
      assert.equal((await protectedResourceMetadata(lab)).resource, lab.mcpUrl);
    },
  },
  'asm.pkce-unsupported': {
    // Both metadata documents omit code_challenge_methods_supported.
    async faulty(lab) {
      for (const metadata of await asMetadata(lab)) assert.equal(metadata.code_challenge_methods_supported, undefined);
    },
    async clean(lab) {
      for (const metadata of await asMetadata(lab)) assert.deepEqual(metadata.code_challenge_methods_supported, ['S256']);
    },
  },
  'asm.issuer-mismatch': {
    async faulty(lab) {
      for (const metadata of await asMetadata(lab)) {
        assert.equal(typeof metadata.issuer, 'string');
        assert.notEqual(metadata.issuer, lab.issuer);
      }
    },
    async clean(lab) {
      for (const metadata of await asMetadata(lab)) assert.equal(metadata.issuer, lab.issuer);
    },
  },
  'registration.no-path': {
    // No registration endpoint, DCR refused, no CIMD.
    async faulty(lab) {
      for (const metadata of await asMetadata(lab)) {
        assert.equal(metadata.registration_endpoint, undefined);
        assert.equal(metadata.client_id_metadata_document_supported, undefined);
      }
      assert.equal((await registerFor(lab, 'http://127.0.0.1:4280/callback')).status, 404);
    },
    async clean(lab) {
      for (const metadata of await asMetadata(lab)) assert.equal(metadata.registration_endpoint, `${lab.issuer}/clients-registrations/openid-connect`);
      assert.equal((await registerFor(lab, 'http://127.0.0.1:4280/callback')).status, 201);
    },
  },
  'audit.accepts-foreign-audience': {
    async faulty(lab) {
      const accepted = await callAddNumbers(lab, await clientCredentialsToken(lab, auditAudience(lab)), 2, 3);
      assert.equal(accepted.status, 200);
      assert.equal(asRecord(asRecord(asRecord(await accepted.json()).result).structuredContent).result, 5);
    },
    async clean(lab) {
      assert.equal((await callAddNumbers(lab, await clientCredentialsToken(lab, auditAudience(lab)), 2, 3)).status, 401);
    },
  },
  'audit.accepts-tampered-token': {
    async faulty(lab) {
      const forged = tamperWithPayload(await clientCredentialsToken(lab, lab.mcpUrl), { sub: 'mallory' });
      assert.equal((await callAddNumbers(lab, forged, 2, 3)).status, 200);
      // The fault skips the signature only: the audience is still checked.
      assert.equal((await callAddNumbers(lab, await clientCredentialsToken(lab, auditAudience(lab)), 2, 3)).status, 401);
    },
    async clean(lab) {
      const forged = tamperWithPayload(await clientCredentialsToken(lab, lab.mcpUrl), { sub: 'mallory' });
      assert.equal((await callAddNumbers(lab, forged, 2, 3)).status, 401);
    },
  },
  'audit.accepts-malformed-token': {
    async faulty(lab) {
      assert.equal((await callAddNumbers(lab, 'sk-anything-goes', 2, 3)).status, 200);
      // A JWT is still verified.
      assert.equal((await callAddNumbers(lab, tamperWithPayload(await clientCredentialsToken(lab, lab.mcpUrl), { sub: 'mallory' }), 2, 3)).status, 401);
    },
    async clean(lab) {
      assert.equal((await callAddNumbers(lab, 'sk-anything-goes', 2, 3)).status, 401);
    },
  },
  'audit.accepts-untrusted-issuer': {
    // A token signed with the key in its own header is accepted.
    async faulty(lab) {
      assert.equal((await callAddNumbers(lab, await forgeWithEmbeddedKey(lab.mcpUrl), 2, 3)).status, 200);
    },
    async clean(lab) {
      assert.equal((await callAddNumbers(lab, await forgeWithEmbeddedKey(lab.mcpUrl), 2, 3)).status, 401);
    },
  },
  'audit.accepts-query-token': {
    async faulty(lab) {
      assert.equal(await withTokenInQuery(lab), 200);
    },
    async clean(lab) {
      assert.equal(await withTokenInQuery(lab), 401);
    },
  },
  'audit.challenge-without-invalid-token': {
    async faulty(lab) {
      const refused = await callAddNumbers(lab, 'not-a-token', 2, 3);
      assert.equal(refused.status, 401);
      const challenge = refused.headers.get('www-authenticate') ?? '';
      assert.match(challenge, /^Bearer .*resource_metadata=/);
      assert.doesNotMatch(challenge, /error=/);
      // Without a token the challenge is the usual one.
      assert.match((await mcpPost(lab, undefined, INITIALIZE)).headers.get('www-authenticate') ?? '', /scope="mcp:tools"/);
    },
    async clean(lab) {
      assert.match((await callAddNumbers(lab, 'not-a-token', 2, 3)).headers.get('www-authenticate') ?? '', /error="invalid_token"/);
    },
  },
  'audit.error-leaks-internals': {
    async faulty(lab) {
      const refused = await callAddNumbers(lab, 'not-a-token', 2, 3);
      assert.equal(refused.status, 401);
      assert.match(String(asRecord(await refused.json()).stack), /\n {4}at .*\/srv\/.*:\d+:\d+\)/);
    },
    async clean(lab) {
      assert.equal(asRecord(await (await callAddNumbers(lab, 'not-a-token', 2, 3)).json()).stack, undefined);
    },
  },
  'mcp.legacy-only-server': {
    // 2026-07-28 requests get a legacy 400, initialize still works.
    async faulty(lab) {
      const token = await clientCredentialsToken(lab, lab.mcpUrl);
      const modern = await modernPost(lab, token, 'server/discover');
      assert.equal(modern.status, 400);
      const refusal = await jsonRpcMessage(modern);
      // Not a modern error (-32020..-32022): a dual-era client falls back to initialize.
      assert.ok(![-32020, -32021, -32022].includes(Number(asRecord(refusal.error).code)), JSON.stringify(refusal));
      assert.equal((await mcpPost(lab, token, INITIALIZE)).status, 200);
    },
    async clean(lab) {
      const token = await clientCredentialsToken(lab, lab.mcpUrl);
      assert.equal((await modernPost(lab, token, 'server/discover')).status, 200);
      assert.equal((await mcpPost(lab, token, INITIALIZE)).status, 200);
    },
  },
  'mcp.modern-only-server': {
    // initialize is refused with UnsupportedProtocolVersionError naming 2026-07-28.
    async faulty(lab) {
      const token = await clientCredentialsToken(lab, lab.mcpUrl);
      const initialized = await mcpPost(lab, token, INITIALIZE);
      assert.equal(initialized.status, 400);
      const error = asRecord((await jsonRpcMessage(initialized)).error);
      assert.equal(error.code, -32022);
      assert.deepEqual(asRecord(error.data).supported, ['2026-07-28']);
      assert.equal((await modernPost(lab, token, 'server/discover')).status, 200);
    },
    async clean(lab) {
      assert.equal((await mcpPost(lab, await clientCredentialsToken(lab, lab.mcpUrl), INITIALIZE)).status, 200);
    },
  },
  'audit.as-accepts-missing-pkce': {
    // An authorization request without code_challenge gets a code; the clean lab sends invalid_request back.
    async faulty(lab) {
      const answer = await authorizeWithoutPkce(lab);
      assert.ok(answer.get('code'), answer.toString());
    },
    async clean(lab) {
      const answer = await authorizeWithoutPkce(lab);
      assert.equal(answer.get('code'), null);
      assert.equal(answer.get('error'), 'invalid_request');
    },
  },
  'audit.as-registers-insecure-redirect': {
    // Anyone registers a plain-http redirect URI on another host; the clean lab's policy takes loopback and https only.
    async faulty(lab) {
      assert.equal((await registerFor(lab, 'http://attacker.example/callback')).status, 201);
    },
    async clean(lab) {
      const refused = await registerFor(lab, 'http://attacker.example/callback');
      assert.equal(refused.status, 400);
      assert.equal(refused.body.error, 'invalid_redirect_uri');
      assert.match(String(refused.body.error_description), /loopback or https/);
      assert.equal((await registerFor(lab, 'http://127.0.0.1:9/cb')).status, 201);
      assert.equal((await registerFor(lab, 'https://client.example/callback')).status, 201);
    },
  },
  'cors.www-authenticate-not-exposed': {
    // The 401 allows the origin but hides its challenge.
    async faulty(lab) {
      const exposed = await exposedOn401(lab);
      assert.ok(!exposed.includes('www-authenticate') && exposed.includes('mcp-session-id'), exposed.join());
    },
    async clean(lab) {
      assert.ok((await exposedOn401(lab)).includes('www-authenticate'));
    },
  },
  'cors.preflight-failed': {
    // The preflight is refused with 401; the answers still allow the origin.
    async faulty(lab) {
      const preflight = await mcpPreflight(lab);
      assert.equal(preflight.status, 401);
      assert.equal(preflight.headers.get('access-control-allow-origin'), null);
      const answer = await fetch(lab.mcpUrl, { method: 'POST', headers: { origin: BROWSER_ORIGIN, 'content-type': 'application/json' }, body: JSON.stringify(INITIALIZE) });
      assert.equal(answer.headers.get('access-control-allow-origin'), '*');
    },
    async clean(lab) {
      const preflight = await mcpPreflight(lab);
      assert.equal(preflight.status, 204);
      assert.equal(preflight.headers.get('access-control-allow-headers'), 'authorization,content-type');
    },
  },
  'probe.no-bearer-challenge': {
    // A Basic challenge only; the metadata is still where the well-known URL says.
    async faulty(lab) {
      assert.match(await challengeWithoutToken(lab), /^Basic realm="mcp"/);
      assert.equal((await protectedResourceMetadata(lab)).resource, lab.mcpUrl);
    },
    async clean(lab) {
      assert.match(await challengeWithoutToken(lab), CLEAN_CHALLENGE);
    },
  },
  'probe.no-challenge-scope': {
    // The challenge loses its scope, the metadata keeps scopes_supported.
    async faulty(lab) {
      const challenge = await challengeWithoutToken(lab);
      assert.match(challenge, /^Bearer resource_metadata="/);
      assert.doesNotMatch(challenge, /scope=/);
      assert.deepEqual((await protectedResourceMetadata(lab)).scopes_supported, ['mcp:tools']);
    },
    async clean(lab) {
      assert.match(await challengeWithoutToken(lab), CLEAN_CHALLENGE);
    },
  },
  'prm.not-found': {
    // The challenge still points to the metadata, which answers 404.
    async faulty(lab) {
      const pointed = /resource_metadata="([^"]+)"/.exec(await challengeWithoutToken(lab))?.[1];
      assert.equal(pointed, `${new URL(lab.mcpUrl).origin}/.well-known/oauth-protected-resource/mcp`);
      const answer = await fetch(pointed);
      await answer.body?.cancel();
      assert.equal(answer.status, 404);
    },
    async clean(lab) {
      assert.equal((await protectedResourceMetadata(lab)).resource, lab.mcpUrl);
    },
  },
  'prm.no-authorization-servers': {
    async faulty(lab) {
      const metadata = await protectedResourceMetadata(lab);
      assert.equal(metadata.resource, lab.mcpUrl);
      assert.equal(metadata.authorization_servers, undefined);
    },
    async clean(lab) {
      assert.deepEqual((await protectedResourceMetadata(lab)).authorization_servers, [lab.issuer]);
    },
  },
  'prm.resource-missing': {
    async faulty(lab) {
      const metadata = await protectedResourceMetadata(lab);
      assert.equal('resource' in metadata, false);
      assert.deepEqual(metadata.authorization_servers, [lab.issuer]);
    },
    async clean(lab) {
      assert.equal((await protectedResourceMetadata(lab)).resource, lab.mcpUrl);
    },
  },
  'prm.header-bearer-method-missing': {
    // The metadata says "body", the server still reads the header only.
    async faulty(lab) {
      assert.deepEqual((await protectedResourceMetadata(lab)).bearer_methods_supported, ['body']);
      assert.equal((await listTools(lab)).status, 200);
    },
    async clean(lab) {
      assert.deepEqual((await protectedResourceMetadata(lab)).bearer_methods_supported, ['header']);
    },
  },
  'mcp.forbidden': {
    // A valid token reaches the server, which refuses tools with a bare 403 and still discovers.
    async faulty(lab) {
      const refused = await listTools(lab);
      assert.equal(refused.status, 403);
      assert.equal(refused.headers.get('www-authenticate'), null);
      assert.equal(asRecord(await refused.json()).error, 'forbidden');
      assert.equal((await modernPost(lab, await clientCredentialsToken(lab, lab.mcpUrl), 'server/discover')).status, 200);
    },
    async clean(lab) {
      const listed = await listTools(lab);
      assert.equal(listed.status, 200);
      await listed.body?.cancel();
    },
  },
  'mcp.insufficient-scope-without-scope': {
    // A token with the scope the metadata lists still gets insufficient_scope, naming no scope.
    async faulty(lab) {
      const refused = await listTools(lab);
      assert.equal(refused.status, 403);
      await refused.body?.cancel();
      const challenge = refused.headers.get('www-authenticate') ?? '';
      assert.match(challenge, /^Bearer error="insufficient_scope"/);
      assert.doesNotMatch(challenge, /[\s,]scope=/);
    },
    async clean(lab) {
      const listed = await listTools(lab);
      assert.equal(listed.status, 200);
      await listed.body?.cancel();
    },
  },
  'prm.invalid-field': {
    async faulty(lab) {
      assert.equal((await protectedResourceMetadata(lab)).scopes_supported, 'mcp:tools');
    },
    async clean(lab) {
      assert.deepEqual((await protectedResourceMetadata(lab)).scopes_supported, ['mcp:tools']);
    },
  },
  'probe.malformed-www-authenticate': {
    // The same parameters, unquoted; the metadata is where they point.
    async faulty(lab) {
      const challenge = await challengeWithoutToken(lab);
      assert.equal(challenge, `Bearer resource_metadata=${new URL(lab.mcpUrl).origin}/.well-known/oauth-protected-resource/mcp, scope=mcp:tools`);
      assert.equal((await protectedResourceMetadata(lab)).resource, lab.mcpUrl);
    },
    async clean(lab) {
      assert.match(await challengeWithoutToken(lab), CLEAN_CHALLENGE);
    },
  },
  'mcp.result-type-missing': {
    // The results are otherwise whole: the tools are listed and called.
    async faulty(lab) {
      const token = await clientCredentialsToken(lab, lab.mcpUrl);
      const listed = asRecord((await jsonRpcMessage(await listTools(lab))).result);
      assert.equal('resultType' in listed, false);
      assert.ok(Array.isArray(listed.tools) && listed.tools.length === 2);
      const called = asRecord((await jsonRpcMessage(await callAddNumbers(lab, token, 2, 3))).result);
      assert.equal('resultType' in called, false);
      assert.equal(asRecord(called.structuredContent).result, 5);
    },
    async clean(lab) {
      assert.equal(asRecord((await jsonRpcMessage(await listTools(lab))).result).resultType, 'complete');
    },
  },
  'mcp.discover-no-server-info': {
    // The rest of the discovery result stays.
    async faulty(lab) {
      const result = asRecord((await jsonRpcMessage(await discover(lab))).result);
      assert.deepEqual(result._meta, {});
      assert.deepEqual(result.supportedVersions, ['2026-07-28']);
    },
    async clean(lab) {
      const result = asRecord((await jsonRpcMessage(await discover(lab))).result);
      assert.deepEqual(asRecord(result._meta)['io.modelcontextprotocol/serverInfo'], { name: 'MCP Resource Server', version: '1.0.0' });
    },
  },
  'asm.pkce-s256-missing': {
    async faulty(lab) {
      for (const metadata of await asMetadata(lab)) assert.deepEqual(metadata.code_challenge_methods_supported, ['plain']);
    },
    async clean(lab) {
      for (const metadata of await asMetadata(lab)) assert.deepEqual(metadata.code_challenge_methods_supported, ['S256']);
    },
  },
  'asm.response-types-missing': {
    async faulty(lab) {
      for (const metadata of await asMetadata(lab)) assert.equal(metadata.response_types_supported, undefined);
    },
    async clean(lab) {
      for (const metadata of await asMetadata(lab)) assert.deepEqual(metadata.response_types_supported, ['code']);
    },
  },
  'authorization.iss-not-advertised': {
    // Responses still carry iss (RFC 9207), only the metadata no longer says so.
    async faulty(lab) {
      for (const metadata of await asMetadata(lab)) assert.equal(metadata.authorization_response_iss_parameter_supported, undefined);
      const answer = await authorizationResponse(lab);
      assert.ok(answer.get('code'), answer.toString());
      assert.equal(answer.get('iss'), lab.issuer);
    },
    async clean(lab) {
      for (const metadata of await asMetadata(lab)) assert.equal(metadata.authorization_response_iss_parameter_supported, true);
    },
  },
  'asm.grant-type-not-advertised': {
    // The other grants stay listed.
    async faulty(lab) {
      for (const metadata of await asMetadata(lab)) {
        assert.ok(Array.isArray(metadata.grant_types_supported) && !metadata.grant_types_supported.includes('authorization_code'), JSON.stringify(metadata.grant_types_supported));
        assert.ok(metadata.grant_types_supported.includes('refresh_token'));
      }
    },
    async clean(lab) {
      for (const metadata of await asMetadata(lab)) assert.ok(Array.isArray(metadata.grant_types_supported) && metadata.grant_types_supported.includes('authorization_code'));
    },
  },
  'token.cache-control-missing': {
    async faulty(lab) {
      const { headers, body } = await tokenAnswer(lab);
      assert.equal(headers.get('cache-control'), null);
      assert.equal(typeof body.access_token, 'string');
    },
    async clean(lab) {
      assert.equal((await tokenAnswer(lab)).headers.get('cache-control'), 'no-store');
    },
  },
  'token.invalid-expires-in': {
    async faulty(lab) {
      const { body } = await tokenAnswer(lab);
      assert.equal(body.expires_in, '900');
      assert.equal(typeof body.access_token, 'string');
    },
    async clean(lab) {
      assert.equal((await tokenAnswer(lab)).body.expires_in, 900);
    },
  },
  'token.not-bearer': {
    // The token itself is still a bearer token the MCP server takes.
    async faulty(lab) {
      const { body } = await tokenAnswer(lab);
      assert.equal(body.token_type, 'JWT');
      assert.equal((await callAddNumbers(lab, String(body.access_token), 2, 3)).status, 200);
    },
    async clean(lab) {
      assert.equal((await tokenAnswer(lab)).body.token_type, 'Bearer');
    },
  },
  'token.long-lived': {
    async faulty(lab) {
      const claims = await accessTokenClaims(lab);
      assert.equal(Number(claims.exp) - Number(claims.iat), 12 * 60 * 60);
      assert.equal((await tokenAnswer(lab)).body.expires_in, 12 * 60 * 60);
    },
    async clean(lab) {
      const claims = await accessTokenClaims(lab);
      assert.equal(Number(claims.exp) - Number(claims.iat), 15 * 60);
    },
  },
  'token.generic-audience': {
    // The MCP server's URL stays the first audience, so the token still works there.
    async faulty(lab) {
      const token = await clientCredentialsToken(lab, lab.mcpUrl);
      assert.deepEqual(decodeJwt(token).aud, [lab.mcpUrl, 'account']);
      assert.equal((await callAddNumbers(lab, token, 2, 3)).status, 200);
    },
    async clean(lab) {
      assert.equal((await accessTokenClaims(lab)).aud, lab.mcpUrl);
    },
  },
  'token.broad-scope': {
    async faulty(lab) {
      assert.equal((await accessTokenClaims(lab)).scope, 'mcp:tools *');
    },
    async clean(lab) {
      assert.equal((await accessTokenClaims(lab)).scope, 'mcp:tools');
    },
  },
  'registration.dcr-status-not-201': {
    async faulty(lab) {
      const registered = await registerFor(lab, 'http://127.0.0.1:4280/callback');
      assert.equal(registered.status, 200);
      assert.equal(typeof registered.body.client_id, 'string');
    },
    async clean(lab) {
      assert.equal((await registerFor(lab, 'http://127.0.0.1:4280/callback')).status, 201);
    },
  },
  'registration.dcr-redirect-uris-not-echoed': {
    async faulty(lab) {
      const registered = await registerFor(lab, 'http://127.0.0.1:4280/callback');
      assert.equal(registered.status, 201);
      assert.equal(registered.body.redirect_uris, undefined);
      assert.equal(typeof registered.body.client_id, 'string');
    },
    async clean(lab) {
      assert.deepEqual((await registerFor(lab, 'http://127.0.0.1:4280/callback')).body.redirect_uris, ['http://127.0.0.1:4280/callback']);
    },
  },
  'audit.as-redirects-to-unregistered-uri': {
    // The code goes to a redirect URI nobody registered.
    async faulty(lab) {
      const { callback } = await authorize(lab, (url) => url.searchParams.set('redirect_uri', 'http://attacker.example/callback'), 'http://attacker.example/callback');
      assert.ok(callback?.get('code'), callback?.toString());
    },
    async clean(lab) {
      const { callback, status } = await authorize(lab, (url) => url.searchParams.set('redirect_uri', 'http://attacker.example/callback'), 'http://attacker.example/callback');
      assert.equal(callback, undefined);
      assert.equal(status, 400);
    },
  },
  'audit.as-accepts-plain-pkce': {
    // The metadata still says S256 only; plain gets a code, which the verifier (= the challenge) redeems.
    async faulty(lab) {
      for (const metadata of await asMetadata(lab)) assert.deepEqual(metadata.code_challenge_methods_supported, ['S256']);
      let challenge = '';
      const { clientId, callback } = await authorize(lab, (url) => {
        challenge = `${'v'.repeat(43)}${String(Date.now())}`;
        url.searchParams.set('code_challenge', challenge);
        url.searchParams.set('code_challenge_method', 'plain');
      });
      const code = callback?.get('code');
      assert.ok(code, callback?.toString());
      const redeemed = await tokenRequest(lab, { grant_type: 'authorization_code', client_id: clientId, code, redirect_uri: CALLBACK, code_verifier: challenge, resource: lab.mcpUrl });
      assert.equal(redeemed.status, 200);
    },
    async clean(lab) {
      const { callback } = await authorize(lab, (url) => url.searchParams.set('code_challenge_method', 'plain'));
      assert.equal(callback?.get('code'), null);
      assert.equal(callback?.get('error'), 'invalid_request');
    },
  },
  'audit.as-code-reused': {
    // The second redemption gets the first one's tokens again.
    async faulty(lab) {
      const { redeem } = await codeToRedeem(lab);
      const first = await redeem();
      const second = await redeem();
      assert.equal(first.status, 200);
      assert.equal(second.status, 200);
      assert.equal(second.body.access_token, first.body.access_token);
    },
    async clean(lab) {
      const { redeem } = await codeToRedeem(lab);
      assert.equal((await redeem()).status, 200);
      const second = await redeem();
      assert.equal(second.status, 400);
      assert.equal(second.body.error, 'invalid_grant');
    },
  },
  'audit.as-wrong-verifier-accepted': {
    async faulty(lab) {
      const { redeem } = await codeToRedeem(lab);
      const answer = await redeem({ verifier: 'w'.repeat(43) });
      assert.equal(answer.status, 200);
      assert.equal(typeof answer.body.access_token, 'string');
    },
    async clean(lab) {
      const { redeem } = await codeToRedeem(lab);
      const answer = await redeem({ verifier: 'w'.repeat(43) });
      assert.equal(answer.status, 400);
      assert.equal(answer.body.error, 'invalid_grant');
      // The right verifier still redeems it: the refusal was the verifier's.
      assert.equal((await redeem()).status, 200);
    },
  },
  'audit.as-code-other-client': {
    // Another public client, registered for the same redirect URI, redeems the code.
    async faulty(lab) {
      const { redeem } = await codeToRedeem(lab);
      const answer = await redeem({ clientId: await publicClient(lab) });
      assert.equal(answer.status, 200);
      assert.equal(typeof answer.body.access_token, 'string');
    },
    async clean(lab) {
      const { redeem } = await codeToRedeem(lab);
      const answer = await redeem({ clientId: await publicClient(lab) });
      assert.equal(answer.status, 400);
      assert.equal(answer.body.error, 'invalid_grant');
    },
  },
  'audit.as-refresh-token-reused': {
    async faulty(lab) {
      const again = await replacedRefreshTokenAgain(lab);
      assert.equal(again.status, 200);
      assert.equal(typeof again.body.access_token, 'string');
    },
    async clean(lab) {
      const again = await replacedRefreshTokenAgain(lab);
      assert.equal(again.status, 400);
      assert.equal(again.body.error, 'invalid_grant');
    },
  },
  'audit.challenge-without-resource-metadata': {
    // A bad token's challenge names the error only; without a token the challenge is whole.
    async faulty(lab) {
      const refused = await callAddNumbers(lab, 'not-a-token', 2, 3);
      assert.equal(refused.status, 401);
      await refused.body?.cancel();
      const challenge = refused.headers.get('www-authenticate') ?? '';
      assert.match(challenge, /^Bearer error="invalid_token"/);
      assert.doesNotMatch(challenge, /resource_metadata=/);
      assert.match(await challengeWithoutToken(lab), CLEAN_CHALLENGE);
    },
    async clean(lab) {
      const refused = await callAddNumbers(lab, 'not-a-token', 2, 3);
      await refused.body?.cancel();
      assert.match(refused.headers.get('www-authenticate') ?? '', /error="invalid_token".*resource_metadata="/);
    },
  },
  'audit.session-without-token': {
    // initialize with a token opens a session; its id alone then lists the tools.
    async faulty(lab) {
      const opened = await mcpPost(lab, await clientCredentialsToken(lab, lab.mcpUrl), INITIALIZE);
      assert.equal(opened.status, 200);
      await opened.body?.cancel();
      const sessionId = opened.headers.get('mcp-session-id');
      assert.ok(sessionId);
      const listed = await toolsListInSession(lab, sessionId);
      assert.equal(listed.status, 200);
      assert.equal((asRecord(asRecord(await jsonRpcMessage(listed)).result).tools as unknown[]).length, 2);
      // An id the server never issued still needs a token.
      const unknown = await toolsListInSession(lab, 'no-such-session');
      await unknown.body?.cancel();
      assert.equal(unknown.status, 401);
    },
    async clean(lab) {
      const opened = await mcpPost(lab, await clientCredentialsToken(lab, lab.mcpUrl), INITIALIZE);
      assert.equal(opened.status, 200);
      await opened.body?.cancel();
      assert.equal(opened.headers.get('mcp-session-id'), null, 'stateless: no session');
    },
  },
  'audit.accepts-insufficient-scope': {
    // The challenge still asks for mcp:tools; a token without it is served.
    async faulty(lab) {
      const served = await callWithoutScope(lab);
      assert.equal(served.status, 200);
      assert.equal(asRecord(asRecord(await jsonRpcMessage(served)).result).isError, undefined);
      assert.match(await challengeWithoutToken(lab), CLEAN_CHALLENGE);
    },
    async clean(lab) {
      const refused = await callWithoutScope(lab);
      await refused.body?.cancel();
      assert.equal(refused.status, 403);
      assert.match(refused.headers.get('www-authenticate') ?? '', SCOPE_REFUSAL);
    },
  },
  'audit.insufficient-scope-not-403': {
    // The scope refusal comes as an invalid token; a token with the scope still works.
    async faulty(lab) {
      const refused = await callWithoutScope(lab);
      await refused.body?.cancel();
      assert.equal(refused.status, 401);
      assert.match(refused.headers.get('www-authenticate') ?? '', /^Bearer error="invalid_token"/);
      const listed = await listTools(lab);
      await listed.body?.cancel();
      assert.equal(listed.status, 200);
    },
    async clean(lab) {
      const refused = await callWithoutScope(lab);
      await refused.body?.cancel();
      assert.equal(refused.status, 403);
    },
  },
  'audit.insufficient-scope-without-scope': {
    async faulty(lab) {
      const refused = await callWithoutScope(lab);
      await refused.body?.cancel();
      assert.equal(refused.status, 403);
      const challenge = refused.headers.get('www-authenticate') ?? '';
      assert.match(challenge, /^Bearer error="insufficient_scope", .*resource_metadata="/);
      assert.doesNotMatch(challenge, /[\s,]scope=/);
    },
    async clean(lab) {
      const refused = await callWithoutScope(lab);
      await refused.body?.cancel();
      assert.match(refused.headers.get('www-authenticate') ?? '', SCOPE_REFUSAL);
    },
  },
};

describe('each fault changes real behaviour, started with it or switched while the lab runs', () => {
  for (const { id } of LAB_FAULTS) {
    const { faulty, clean } = FAULT_CASES[id];

    test(`${id}: started with the fault`, async (t) => {
      const lab = await labWith(t, [id]);
      assert.deepEqual(lab.faults(), [id]);
      await faulty(lab);
    });

    test(`${id}: switched on, then off, while the lab runs`, async (t) => {
      const lab = await labWith(t, []);
      await clean(lab);
      lab.setFaults([id]);
      assert.deepEqual(lab.faults(), [id]);
      await faulty(lab);
      lab.setFaults([]);
      assert.deepEqual(lab.faults(), []);
      await clean(lab);
    });
  }
});

test('a switch replaces the whole set and lists it in catalogue order', async (t) => {
  const lab = await labWith(t, ['registration.no-path', 'asm.pkce-unsupported']);
  assert.deepEqual(lab.faults(), ['asm.pkce-unsupported', 'registration.no-path']);
  lab.setFaults(['prm.resource-mismatch']);
  assert.deepEqual(lab.faults(), ['prm.resource-mismatch']);
  await FAULT_CASES['prm.resource-mismatch'].faulty(lab);
  await FAULT_CASES['asm.pkce-unsupported'].clean(lab);
  await FAULT_CASES['registration.no-path'].clean(lab);
});

test('the clean lab answers the registration preflight, which oidc-provider alone does not', async (t) => {
  const lab = await labWith(t, []);
  const registration = `${lab.issuer}/clients-registrations/openid-connect`;
  const preflight = await fetch(registration, { method: 'OPTIONS', headers: { origin: BROWSER_ORIGIN, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' } });
  assert.equal(preflight.status, 204);
  assert.equal(preflight.headers.get('access-control-allow-origin'), '*');
  const registered = await fetch(registration, { method: 'POST', headers: { origin: BROWSER_ORIGIN, 'content-type': 'application/json' }, body: JSON.stringify({ redirect_uris: ['http://127.0.0.1:4280/callback'], token_endpoint_auth_method: 'none' }) });
  assert.equal(registered.status, 201);
  assert.equal(registered.headers.get('access-control-allow-origin'), '*');
});
