/**
 * Known-server hints on answers in the shapes the products send. Discovery and registration run
 * through the real engine against a canned transport serving those answers; failures later in the
 * flow (a refused authorization, a token for another audience) are sessions built from the
 * findings the steps report for such answers.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FINDINGS } from '../checks/catalogue.js';
import type { AuthorizationServerMetadata } from '../flow-data.js';
import { redactSession } from '../redact.js';
import type { Session } from '../session.js';
import { readSessionFile, serialiseSessionFile, toSessionFile } from '../session-file.js';
import { discoverAndRegister, sessionWith } from './fixtures/sessions.js';
import {
  AUTH0_METADATA,
  BETTER_AUTH_LEGACY_MCP_METADATA,
  BETTER_AUTH_METADATA,
  CLOUDFLARE_METADATA,
  COGNITO_METADATA,
  ENTRA_METADATA,
  ENTRA_RESOURCE_ERROR,
  ENTRA_TENANT,
  GITHUB_METADATA,
  GOOGLE_METADATA,
  KEYCLOAK_METADATA,
  KEYCLOAK_TRUSTED_HOSTS_REFUSAL,
  LAB_METADATA,
  MCP_SDK_METADATA,
  MCP_URL,
  OKTA_METADATA,
  OKTA_REGISTRATION_REFUSAL,
  PLAIN_METADATA,
  PRM_URL,
  CLOUDFLARE_METADATA as WORKERS_METADATA,
} from './fixtures/recorded-answers.js';
import { HINT_RULES, hintsFor, knownServerHints, recogniseServers, renderHint, renderKnownServerHints } from './hints.js';
import { HINT_IDS } from './hint-texts.js';
import { authorizationServerMetadataUrls } from '../well-known.js';

const ids = (session: Session) => hintsFor(session).map((h) => h.id);
const productsOf = (session: Session) => recogniseServers(session).map((r) => `${r.product}:${r.certainty}`);

test('Keycloak: the Trusted Hosts refusal of a registration gets the realm’s policy steps', async () => {
  const session = await discoverAndRegister(KEYCLOAK_METADATA, {
    [`POST ${KEYCLOAK_METADATA.registration_endpoint}`]: { status: 403, body: KEYCLOAK_TRUSTED_HOSTS_REFUSAL },
  });
  assert.ok(session.results.some((r) => r.findings.some((f) => f.id === 'registration.dcr-rejected')), 'the engine reports the refusal');
  assert.deepEqual(productsOf(session), ['keycloak:confirmed']);
  const clues = recogniseServers(session)[0]?.clues.map((c) => c.kind) ?? [];
  assert.ok(clues.includes('realm-path') && clues.includes('keycloak-metadata-field') && clues.includes('keycloak-policy-answer'), clues.join());
  assert.deepEqual(ids(session), ['keycloak.trusted-hosts']);
  const [hint] = hintsFor(session);
  assert.ok(hint);
  const en = renderHint(hint, 'en');
  assert.deepEqual(en.findingIds, ['registration.dcr-rejected']);
  assert.match(en.steps.join('\n'), /realm mcp, then Clients → Client registration → Anonymous access policies → Trusted Hosts/);
  assert.match(en.steps.join('\n'), /Host Sending Client Registration Request Must Match/);
  assert.match(en.steps.join('\n'), /https:\/\/sso\.example\.com\/realms\/mcp\/clients-registrations\/openid-connect/);
  assert.match(renderHint(hint, 'zh-CN').steps.join('\n'), /Trusted Hosts/);
});

test('Keycloak: a token without the MCP server in aud gets the audience mapper of the tutorial', () => {
  const session = sessionWith(KEYCLOAK_METADATA, 'token-inspection', [{ id: 'token.audience-mismatch', params: { aud: '"account"', expected: MCP_URL } }]);
  assert.deepEqual(ids(session), ['keycloak.audience-mapper']);
  const [hint] = hintsFor(session);
  assert.ok(hint);
  const steps = renderHint(hint, 'en').steps.join('\n');
  assert.match(steps, /Mappers → Configure a new mapper → Audience/);
  assert.match(steps, new RegExp(`Included Custom Audience to ${MCP_URL.replace(/[./]/g, '\\$&')}`));
});

test('Keycloak behind a proxy announcing its internal issuer gets the realm paths', async () => {
  const internal = { ...KEYCLOAK_METADATA, issuer: 'http://keycloak:8080/realms/mcp' };
  const session = await discoverAndRegister(internal, {}, {}, MCP_URL, KEYCLOAK_METADATA.issuer);
  assert.ok(session.results.some((r) => r.findings.some((f) => f.id.startsWith('asm.issuer'))), 'an issuer finding');
  assert.ok(ids(session).includes('keycloak.realm-paths'));
  const hint = hintsFor(session).find((h) => h.id === 'keycloak.realm-paths');
  assert.ok(hint);
  assert.match(renderHint(hint, 'en').steps.join('\n'), /realms\/mcp\/\.well-known\/openid-configuration/);
});

test('the lab is a server shaped like Keycloak, never Keycloak itself', async () => {
  const session = await discoverAndRegister(LAB_METADATA, {}, { registration: 'dcr' }, MCP_URL);
  assert.deepEqual(productsOf(session), ['keycloak:shape']);
  const noRegistration = sessionWith({ ...LAB_METADATA, registration_endpoint: undefined }, 'client-registration', [
    { id: 'registration.no-path', params: { issuer: LAB_METADATA.issuer } },
  ]);
  const groups = renderKnownServerHints(knownServerHints(noRegistration), 'en');
  assert.equal(groups[0]?.recognition.heading, 'Hints for a server shaped like Keycloak');
  assert.match(groups[0]?.recognition.note ?? '', /if it is Keycloak/);
  assert.deepEqual(groups[0]?.hints.map((h) => h.id), ['keycloak.pre-register']);
  assert.match(groups[0]?.hints[0]?.steps.join('\n') ?? '', /realm demo → Clients → Create client/);
});

test('Entra ID: the refused resource parameter gets the scope and --omit-resource', () => {
  const session = sessionWith(ENTRA_METADATA, 'authorization-response', [
    { id: 'authorization.error-response', params: { error: ENTRA_RESOURCE_ERROR.error, description: ENTRA_RESOURCE_ERROR.error_description, uri: '@phrase:value.none' } },
  ]);
  const recognised = recogniseServers(session);
  assert.deepEqual(recognised.map((r) => r.product), ['entra']);
  assert.equal(recognised[0]?.facts.tenant, ENTRA_TENANT);
  assert.deepEqual(ids(session), ['entra.resource-refused']);
  const [hint] = hintsFor(session);
  assert.ok(hint);
  const steps = renderHint(hint, 'en').steps.join('\n');
  assert.match(steps, /--scope api:\/\/<application id>\/\.default/);
  assert.match(steps, /--omit-resource/);
  assert.match(steps, new RegExp(ENTRA_TENANT));
});

test('Entra ID: an error of another kind does not get the resource hint', () => {
  const session = sessionWith(ENTRA_METADATA, 'authorization-response', [
    { id: 'authorization.error-response', params: { error: 'access_denied', description: 'AADSTS65004: User declined to consent.', uri: '@phrase:value.none' } },
  ]);
  assert.deepEqual(productsOf(session), ['entra:confirmed']);
  assert.deepEqual(ids(session), []);
});

test('Entra ID: no registration and no advertised PKCE get app registration and the lenient way on', async () => {
  const session = await discoverAndRegister(ENTRA_METADATA, {}, { lenient: true });
  const found = session.results.flatMap((r) => r.findings.map((f) => f.id));
  assert.ok(found.includes('asm.pkce-unsupported') && found.includes('registration.no-path'), found.join());
  assert.deepEqual(ids(session), ['entra.pre-register', 'entra.pkce-not-advertised']);
  const register = hintsFor(session)[0];
  assert.ok(register);
  assert.match(renderHint(register, 'en').steps.join('\n'), /Mobile and desktop applications" with the redirect URI http:\/\/127\.0\.0\.1:4280\/callback/);
});

test('Auth0 on a custom domain: known by its MFA endpoint; DCR off and the audience', async () => {
  const session = await discoverAndRegister(AUTH0_METADATA, {}, { registration: 'dcr' });
  assert.deepEqual(productsOf(session), ['auth0:confirmed']);
  assert.deepEqual(ids(session), ['auth0.enable-dcr']);
  const tokens = sessionWith(AUTH0_METADATA, 'token-inspection', [{ id: 'token.opaque' }]);
  assert.deepEqual(ids(tokens), ['auth0.audience']);
  const [hint] = hintsFor(tokens);
  assert.ok(hint);
  assert.match(renderHint(hint, 'en').steps.join('\n'), /Default Audience to https:\/\/mcp\.example\.com\/mcp/);
});

test('Okta: the refused anonymous registration and the authorization server’s Audience', async () => {
  const session = await discoverAndRegister(OKTA_METADATA, {
    [`POST ${OKTA_METADATA.registration_endpoint}`]: { status: 401, body: OKTA_REGISTRATION_REFUSAL },
  });
  assert.deepEqual(productsOf(session), ['okta:confirmed']);
  assert.deepEqual(ids(session), ['okta.pre-register']);
  const [register] = hintsFor(session);
  assert.ok(register);
  const steps = renderHint(register, 'en').steps.join('\n');
  assert.match(steps, /okta\.clients\.register/);
  assert.match(steps, /Create App Integration → OIDC - OpenID Connect → Native Application/);
  assert.match(steps, /authorization server https:\/\/dev-123456\.okta\.com\/oauth2\/default covers the new app/);
  const tokens = sessionWith(OKTA_METADATA, 'token-inspection', [{ id: 'token.resource-ignored', params: { requested: MCP_URL, aud: '"api://default"' } }]);
  assert.deepEqual(ids(tokens), ['okta.audience']);
});

test('Okta on a custom domain: its path is a shape, its error object names it', async () => {
  const custom = JSON.parse(JSON.stringify(OKTA_METADATA).replaceAll('https://dev-123456.okta.com', 'https://id.example.com')) as AuthorizationServerMetadata;
  const quiet = await discoverAndRegister(custom, { [`POST ${custom.registration_endpoint}`]: { status: 401, body: { error: 'invalid_client' } } });
  assert.deepEqual(productsOf(quiet), ['okta:shape']);
  const refused = await discoverAndRegister(custom, { [`POST ${custom.registration_endpoint}`]: { status: 401, body: OKTA_REGISTRATION_REFUSAL } });
  const [okta] = recogniseServers(refused);
  assert.equal(okta?.certainty, 'confirmed');
  assert.deepEqual(okta.clues.map((c) => [c.kind, c.value]), [
    ['okta-authorization-server-path', 'https://id.example.com/oauth2/default'],
    ['vendor-error-code', 'E0000011'],
  ]);
});

test('Amazon Cognito: the pool from the issuer, no registration, no advertised PKCE, no aud', async () => {
  const session = await discoverAndRegister(COGNITO_METADATA, {}, { lenient: true });
  const recognised = recogniseServers(session);
  assert.deepEqual(recognised.map((r) => r.product), ['cognito']);
  assert.equal(recognised[0]?.facts.userPool, 'eu-west-1_AbCdEf123');
  assert.deepEqual(ids(session), ['cognito.pre-register', 'cognito.pkce-not-advertised']);
  const first = hintsFor(session)[0];
  assert.ok(first);
  assert.match(renderHint(first, 'en').steps[0] ?? '', /user pool eu-west-1_AbCdEf123/);
  const tokens = sessionWith(COGNITO_METADATA, 'token-inspection', [{ id: 'token.audience-missing', params: { expected: MCP_URL } }]);
  assert.deepEqual(ids(tokens), ['cognito.audience']);
});

test('Amazon Cognito: the steps name the console’s public client types and resource binding', () => {
  const register = sessionWith(COGNITO_METADATA, 'client-registration', [{ id: 'registration.no-path', params: { issuer: COGNITO_METADATA.issuer } }]);
  const [hint] = hintsFor(register);
  assert.ok(hint);
  const steps = renderHint(hint, 'en').steps.join('\n');
  assert.match(steps, /user pool eu-west-1_AbCdEf123: Applications → App clients → Create app client/);
  assert.match(steps, /Single-page application or Mobile app/);
  const tokens = sessionWith(COGNITO_METADATA, 'token-inspection', [{ id: 'token.audience-missing', params: { expected: MCP_URL } }]);
  const [audience] = hintsFor(tokens);
  assert.ok(audience);
  const audienceSteps = renderHint(audience, 'en').steps.join('\n');
  assert.match(audienceSteps, /resource binding/);
  assert.match(audienceSteps, /identifier https:\/\/mcp\.example\.com\/mcp and a custom scope/);
});

test('Amazon Cognito: a user pool is read only from the pool’s own host', () => {
  // A gateway in front of managed login, announcing an issuer of its own whose path looks like a pool id.
  const gateway = { ...COGNITO_METADATA, issuer: 'https://login.example.com/eu-west-1_Gateway1' };
  const session = sessionWith(gateway, 'client-registration', [{ id: 'registration.no-path', params: { issuer: gateway.issuer } }]);
  const [cognito] = recogniseServers(session);
  assert.equal(cognito?.product, 'cognito');
  assert.equal(cognito.facts.userPool, undefined);
  const [hint] = hintsFor(session);
  assert.ok(hint);
  assert.match(renderHint(hint, 'en').steps[0] ?? '', /user pool <user pool>:/);
});

test('Google: no registration, and opaque tokens that cannot name the MCP server', async () => {
  const session = await discoverAndRegister(GOOGLE_METADATA);
  assert.deepEqual(productsOf(session), ['google:confirmed']);
  assert.deepEqual(ids(session), ['google.pre-register']);
  const tokens = sessionWith(GOOGLE_METADATA, 'token-inspection', [{ id: 'token.opaque' }]);
  assert.deepEqual(ids(tokens), ['google.audience']);
});

test('Google: the client and consent screen are in Google Auth Platform; no resource, opaque tokens', () => {
  const register = sessionWith(GOOGLE_METADATA, 'client-registration', [{ id: 'registration.no-path', params: { issuer: GOOGLE_METADATA.issuer } }]);
  const [hint] = hintsFor(register);
  assert.ok(hint);
  const steps = renderHint(hint, 'en').steps.join('\n');
  assert.match(steps, /Google Auth Platform → Clients → Create client/);
  assert.match(steps, /--client-secret <secret>/);
  const [audience] = hintsFor(sessionWith(GOOGLE_METADATA, 'token-inspection', [{ id: 'token.opaque' }]));
  assert.ok(audience);
  assert.match(renderHint(audience, 'en').steps[0] ?? '', /no resource parameter \(RFC 8707\)/);
});

test('GitHub: named as github.com, it serves no metadata; the hint names its real issuer', async () => {
  const github: AuthorizationServerMetadata = { issuer: 'https://github.com' };
  const session = await discoverAndRegister(github, {
    // github.com answers the well-known URLs at its root with its HTML 404 page.
    'https://github.com/.well-known/oauth-authorization-server': { status: 404, headers: { 'content-type': 'text/html' }, body: '<!DOCTYPE html><title>Page not found · GitHub</title>' },
    'https://github.com/.well-known/openid-configuration': { status: 404, headers: { 'content-type': 'text/html' }, body: '<!DOCTYPE html><title>Page not found · GitHub</title>' },
  });
  assert.ok(session.results.some((r) => r.findings.some((f) => f.id === 'asm.not-found')));
  assert.deepEqual(productsOf(session), ['github:confirmed']);
  assert.deepEqual(ids(session), ['github.no-metadata']);
  const [hint] = hintsFor(session);
  assert.ok(hint);
  const steps = renderHint(hint, 'en').steps.join('\n');
  assert.match(steps, /https:\/\/github\.com\/\.well-known\/oauth-authorization-server\/login\/oauth/);
  assert.match(steps, /name https:\/\/github\.com\/login\/oauth instead/);
});

test('GitHub: its published metadata is found, and it offers no registration', async () => {
  const session = await discoverAndRegister(GITHUB_METADATA);
  const found = session.results.flatMap((r) => r.findings.map((f) => f.id));
  assert.ok(!found.includes('asm.not-found') && found.includes('registration.no-path'), found.join());
  assert.equal(session.data.authorizationServer?.metadataUrl, 'https://github.com/.well-known/oauth-authorization-server/login/oauth');
  assert.deepEqual(productsOf(session), ['github:confirmed']);
  assert.deepEqual(ids(session), ['github.pre-register']);
  const [hint] = hintsFor(session);
  assert.ok(hint);
  assert.match(renderHint(hint, 'en').steps.join('\n'), /client secret at the token endpoint even with PKCE/);
});

test('links to documentation on a vendor’s host do not make a server that vendor', async () => {
  const session = await discoverAndRegister({
    ...PLAIN_METADATA,
    service_documentation: 'https://github.com/',
    op_policy_uri: 'https://accounts.google.com/TOS',
    op_tos_uri: 'https://login.microsoftonline.com/terms',
  });
  assert.ok(session.results.some((r) => r.findings.some((f) => f.id === 'registration.no-path')));
  assert.deepEqual(recogniseServers(session), []);
});

test('the MCP SDK’s authorization server: metadata shape only, with the issuerUrl steps', async () => {
  // The SDK announces issuerUrl.href, with the slash a bare origin gets; the resource names it without.
  const session = await discoverAndRegister(MCP_SDK_METADATA, {}, {}, MCP_URL, 'https://auth.example.com');
  assert.deepEqual(productsOf(session), ['mcp-sdk:shape']);
  assert.ok(ids(session).includes('mcp-sdk.issuer-and-resource'), ids(session).join());
  const hint = hintsFor(session).find((h) => h.id === 'mcp-sdk.issuer-and-resource');
  assert.ok(hint);
  assert.match(renderHint(hint, 'en').steps.join('\n'), /resourceServerUrl: new URL\('https:\/\/mcp\.example\.com\/mcp'\)/);
});

test('FastMCP’s OAuth proxy: known by its hand-off to the upstream; refused redirect URI', () => {
  const session = sessionWith(MCP_SDK_METADATA, 'authorization-response', [
    { id: 'authorization.error-response', params: { error: 'invalid_request', description: 'Redirect URI not allowed', uri: '@phrase:value.none' } },
  ]);
  const authorize = session.results[0];
  assert.ok(authorize);
  authorize.exchanges.push({
    id: 'ex9',
    stepId: 'authorization-request',
    request: { method: 'GET', url: 'https://auth.example.com/authorize?client_id=abc&response_type=code', headers: [] },
    response: {
      status: 302,
      statusText: 'Found',
      headers: [['location', 'https://github.com/login/oauth/authorize?client_id=Iv1.x&redirect_uri=https%3A%2F%2Fauth.example.com%2Fauth%2Fcallback&state=s']],
      body: '',
      bodyTruncated: false,
      bodyBytes: 0,
    },
    timings: { startedAt: '2026-01-01T00:00:00.000Z', durationMs: 3 },
  });
  // GitHub is the proxy's upstream here, not the server the run talks to.
  assert.deepEqual(productsOf(session), ['fastmcp:confirmed', 'mcp-sdk:shape']);
  assert.ok(ids(session).includes('fastmcp.redirect-uris'));
  const hint = hintsFor(session).find((h) => h.id === 'fastmcp.redirect-uris');
  assert.ok(hint);
  assert.match(renderHint(hint, 'en').steps.join('\n'), /register https:\/\/auth\.example\.com\/auth\/callback as the callback URL/);
});

test('Better Auth: the OAuth Provider’s /api/auth paths; no way to register until one is turned on', async () => {
  const session = await discoverAndRegister(BETTER_AUTH_METADATA);
  assert.deepEqual(productsOf(session), ['better-auth:confirmed']);
  assert.deepEqual(ids(session), ['better-auth.registration']);
  const [hint] = hintsFor(session);
  assert.ok(hint);
  const steps = renderHint(hint, 'en').steps.join('\n');
  assert.match(steps, /cimd\(\) from @better-auth\/cimd/);
  assert.match(steps, /allowDynamicClientRegistration: true and allowUnauthenticatedClientRegistration: true/);
});

test('Better Auth’s older mcp plugin: known by its /api/auth/mcp routes, and it registers', async () => {
  const session = await discoverAndRegister(BETTER_AUTH_LEGACY_MCP_METADATA, {
    [`POST ${BETTER_AUTH_LEGACY_MCP_METADATA.registration_endpoint}`]: {
      status: 201,
      body: { client_id: 'abc', redirect_uris: ['http://127.0.0.1:4280/callback'], token_endpoint_auth_method: 'none' },
    },
  }, { registration: 'dcr' });
  assert.deepEqual(productsOf(session), ['better-auth:confirmed']);
  assert.deepEqual(recogniseServers(session)[0]?.clues.map((c) => c.kind), ['better-auth-paths']);
  assert.ok(!ids(session).includes('better-auth.registration'), ids(session).join());
});

test('Better Auth: metadata missing at the root of the origin gets the discovery steps for its issuer path', async () => {
  const missing = Object.fromEntries(
    authorizationServerMetadataUrls(new URL(BETTER_AUTH_METADATA.issuer), '2026-07-28').map((c) => [c.url, { status: 404, body: { message: 'Not Found' } }]),
  );
  const session = await discoverAndRegister(BETTER_AUTH_METADATA, missing);
  assert.ok(session.results.some((r) => r.findings.some((f) => f.id === 'asm.not-found')));
  const recognised = recogniseServers(session);
  assert.deepEqual(recognised.map((r) => [r.product, r.certainty, r.clues.map((c) => c.kind)]), [['better-auth', 'shape', ['better-auth-base-path']]]);
  assert.deepEqual(ids(session), ['better-auth.discovery']);
  const [hint] = hintsFor(session);
  assert.ok(hint);
  assert.match(renderHint(hint, 'en').steps[0] ?? '', /serve oauthProviderAuthServerMetadata\(auth\) at \/\.well-known\/oauth-authorization-server\/api\/auth/);
});

test('Cloudflare’s Workers OAuth provider: the origin as resource, and CIMD off', async () => {
  const session = await discoverAndRegister(WORKERS_METADATA, {}, { lenient: true, registration: 'cimd', clientMetadataUrl: 'https://client.example.com/client.json' }, 'https://mcp-worker.example.workers.dev');
  const found = session.results.flatMap((r) => r.findings.map((f) => f.id));
  assert.ok(found.includes('prm.resource-mismatch') || found.includes('prm.resource-parent'), found.join());
  assert.deepEqual(productsOf(session), ['cloudflare:confirmed']);
  assert.ok(ids(session).includes('cloudflare.resource-metadata'), ids(session).join());
  assert.equal(CLOUDFLARE_METADATA.revocation_endpoint, CLOUDFLARE_METADATA.token_endpoint);
});

test('Cloudflare’s Workers OAuth provider with the implicit flow allowed is recognised too', async () => {
  const implicit = { ...WORKERS_METADATA, response_types_supported: ['code', 'token'], response_modes_supported: ['query', 'fragment'] };
  const session = await discoverAndRegister(implicit, {}, { lenient: true, registration: 'cimd', clientMetadataUrl: 'https://client.example.com/client.json' }, 'https://mcp-worker.example.workers.dev');
  assert.deepEqual(productsOf(session), ['cloudflare:confirmed']);
  // A fragment alone is no sign of it.
  const fragmentOnly = await discoverAndRegister({ ...implicit, response_modes_supported: ['fragment'] }, {}, { lenient: true, registration: 'cimd', clientMetadataUrl: 'https://client.example.com/client.json' }, 'https://mcp-worker.example.workers.dev');
  assert.deepEqual(productsOf(fragmentOnly), []);
});

test('a server that looks like none of them gets no product and no hint', async () => {
  const session = await discoverAndRegister(PLAIN_METADATA);
  assert.ok(session.results.some((r) => r.findings.some((f) => f.id === 'registration.no-path')), 'it fails in a way hints exist for');
  assert.deepEqual(recogniseServers(session), []);
  assert.deepEqual(hintsFor(session), []);
});

// Both languages of every hint: src/i18n/parity.test.ts.
test('every hint explains findings of the catalogue', () => {
  for (const rule of HINT_RULES) for (const id of rule.explains) assert.ok(FINDINGS.has(id), `${rule.id} explains unknown ${id}`);
  assert.deepEqual([...new Set(HINT_RULES.map((r) => r.id))].sort(), [...HINT_IDS].sort());
});

test('a saved, redacted session gets the same hints as the live run', async () => {
  const live = await discoverAndRegister(KEYCLOAK_METADATA, {
    [`POST ${KEYCLOAK_METADATA.registration_endpoint}`]: { status: 403, body: KEYCLOAK_TRUSTED_HOSTS_REFUSAL },
  });
  const text = serialiseSessionFile(toSessionFile(redactSession(live), { toolVersion: 'test', secretsIncluded: false }));
  const reading = readSessionFile(text);
  assert.ok(reading.ok);
  assert.deepEqual(knownServerHints(reading.file.session), knownServerHints(live));
  assert.deepEqual(ids(reading.file.session), ['keycloak.trusted-hosts']);
});

test('the MCP SDK’s resource side is known by its refusal without a token, as a shape only', async () => {
  const session = await discoverAndRegister(PLAIN_METADATA, {
    [`POST ${MCP_URL}`]: {
      status: 401,
      headers: { 'www-authenticate': `Bearer error="invalid_token", error_description="Missing Authorization header", resource_metadata="${PRM_URL}"` },
      body: { error: 'invalid_token', error_description: 'Missing Authorization header' },
    },
  });
  const recognised = recogniseServers(session);
  assert.deepEqual(recognised.map((r) => [r.product, r.certainty, r.clues.map((c) => c.kind)]), [['mcp-sdk', 'shape', ['sdk-challenge']]]);
});
