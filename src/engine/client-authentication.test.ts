import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { exportJWK, generateKeyPair, generateSecret, jwtVerify } from 'jose';
import type * as oauth from 'oauth4webapi';
import { makeFinding } from './checks/catalogue.js';
import { textInEnglish } from './checks/engine-phrases.js';
import { phrase } from './checks/finding-phrases.js';
import { basicCredentials, clientAuthentication, secureEndpoint, type ClientCredentials } from './client-authentication.js';
import type { AuthorizationServerMetadata } from './flow-data.js';
import { defaultFlowOptions, type FlowOptions } from './options.js';
import { createStepHttp, sequentialIds } from './recorder.js';
import type { StepContext } from './step.js';
import type { Finding } from './types.js';

const ISSUER = 'https://auth.example.com';
const NOW = Date.parse('2026-08-01T10:00:00Z');

/** A step context that records findings and refuses network use (client authentication sends nothing). */
function context(options: Partial<FlowOptions> = {}): { ctx: StepContext; findings: Finding[] } {
  const findings: Finding[] = [];
  const flowOptions = defaultFlowOptions('https://mcp.example.com/mcp', options);
  const clock = { now: () => NOW };
  const transport = { send: async () => ({ ok: false as const, error: { kind: 'refused' as const, message: 'no network in this test' } }) };
  const ctx: StepContext = {
    stepId: 'token-request',
    options: flowOptions,
    spec: flowOptions.spec,
    data: {},
    http: createStepHttp('token-request', transport, clock, sequentialIds(), flowOptions),
    clock,
    random: (length) => Uint8Array.from({ length }, (_, i) => i),
    report: (id, input) => {
      const finding = makeFinding(id, flowOptions.spec, input);
      if (finding) findings.push(finding);
    },
    stopsFlow: () => false,
  };
  return { ctx, findings };
}

const metadata = (extra: Partial<AuthorizationServerMetadata> = {}): AuthorizationServerMetadata => ({ issuer: ISSUER, token_endpoint: `${ISSUER}/token`, ...extra });

/** Applies a ClientAuth the way oauth4webapi does before sending, and returns what it set. */
async function apply(result: Awaited<ReturnType<typeof clientAuthentication>>) {
  assert.ok(result.ok, 'expected a usable client authentication');
  const body = new URLSearchParams();
  const headers = new Headers();
  const as: oauth.AuthorizationServer = { issuer: ISSUER };
  await result.clientAuth(as, result.client, body, headers);
  return { body, headers };
}

const credentials = (method: ClientCredentials['method'], clientSecret?: string): ClientCredentials => ({
  clientId: 'client-1',
  method,
  ...(clientSecret ? { clientSecret } : {}),
});

describe('clientAuthentication', () => {
  it('maps each secret method to its request shape', async () => {
    const { ctx, findings } = context();
    const basic = await apply(await clientAuthentication(ctx, credentials('client_secret_basic', 'sec'), metadata()));
    assert.match(basic.headers.get('authorization') ?? '', /^Basic /);
    assert.equal(basic.body.toString(), '');

    const post = await apply(await clientAuthentication(ctx, credentials('client_secret_post', 'sec'), metadata()));
    assert.equal(post.headers.get('authorization'), null);
    assert.deepEqual([...post.body], [
      ['client_id', 'client-1'],
      ['client_secret', 'sec'],
    ]);

    const none = await apply(await clientAuthentication(ctx, credentials('none', 'ignored'), metadata()));
    assert.deepEqual([...none.body], [['client_id', 'client-1']]);
    assert.deepEqual(findings, []);
  });

  it('reports a secret method without a secret', async () => {
    const { ctx, findings } = context();
    const result = await clientAuthentication(ctx, credentials('client_secret_post'), metadata());
    assert.deepEqual(result, { ok: false, reason: { id: 'outcome.client-auth.secret-missing', params: { method: 'client_secret_post' } }, findingId: 'client-auth.secret-missing' });
    assert.equal(result.ok ? undefined : textInEnglish(result.reason), 'client_secret_post needs a client secret and none is known.');
    assert.deepEqual(findings.map((f) => f.id), ['client-auth.secret-missing']);
  });

  it('warns when the method is not advertised, but not when the list is absent', async () => {
    const listed = context();
    await clientAuthentication(listed.ctx, credentials('client_secret_post', 'sec'), metadata({ token_endpoint_auth_methods_supported: ['private_key_jwt', 'none'] }));
    assert.deepEqual(listed.findings.map((f) => [f.id, f.severity, f.params?.supported]), [['client-auth.method-not-advertised', 'warning', 'private_key_jwt, none']]);
    const absent = context();
    await clientAuthentication(absent.ctx, credentials('none'), metadata());
    assert.deepEqual(absent.findings, []);
  });

  it('signs an RFC 7523 assertion with the injected clock and randomness', async () => {
    const { publicKey, privateKey } = await generateKeyPair('PS256', { extractable: true });
    const { ctx, findings } = context({ privateKeyJwk: { ...(await exportJWK(privateKey)), alg: 'PS256', kid: 'key-7' } });
    const result = await clientAuthentication(ctx, credentials('private_key_jwt'), metadata({ token_endpoint_auth_signing_alg_values_supported: ['ES256'] }));
    const { body, headers } = await apply(result);
    assert.equal(headers.get('authorization'), null);
    assert.equal(body.get('client_id'), 'client-1');
    assert.equal(body.get('client_assertion_type'), 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer');
    const { payload, protectedHeader } = await jwtVerify(body.get('client_assertion') ?? '', publicKey, { currentDate: new Date(NOW), audience: ISSUER, issuer: 'client-1', subject: 'client-1' });
    assert.deepEqual(protectedHeader, { alg: 'PS256', kid: 'key-7' });
    assert.equal(payload.exp, NOW / 1000 + 60);
    assert.equal(payload.jti, 'AAECAwQFBgcICQoLDA0ODw');
    // The algorithm is not in the server's list: said, but the request is still made.
    assert.deepEqual(findings.map((f) => f.id), ['client-auth.signing-alg-not-advertised']);
  });

  it('reports a missing, public or symmetric key', async () => {
    const missing = context();
    assert.equal((await clientAuthentication(missing.ctx, credentials('private_key_jwt'), metadata())).ok, false);
    assert.deepEqual(missing.findings.map((f) => f.id), ['client-auth.key-missing']);

    const { publicKey } = await generateKeyPair('ES256', { extractable: true });
    const publicOnly = context({ privateKeyJwk: { ...(await exportJWK(publicKey)), alg: 'ES256' } });
    const refused = await clientAuthentication(publicOnly.ctx, credentials('private_key_jwt'), metadata());
    assert.equal(publicOnly.findings[0]?.params?.reason, phrase('client-key.public-only'));
    assert.equal(publicOnly.findings[0]?.detail, 'The private JWK given for private_key_jwt cannot be used: the JWK is a public key (it has no "d").');
    assert.equal(refused.ok ? undefined : textInEnglish(refused.reason), 'The private key cannot be used: the JWK is a public key (it has no "d").');
    assert.deepEqual(refused.ok ? undefined : refused.reason, { id: 'outcome.client-auth.key-invalid', params: { reason: phrase('client-key.public-only') } });

    const secret = await generateSecret('HS256', { extractable: true });
    const symmetric = context({ privateKeyJwk: { ...(await exportJWK(secret)), d: 'x', alg: 'HS256' } });
    await clientAuthentication(symmetric.ctx, credentials('private_key_jwt'), metadata());
    assert.deepEqual(symmetric.findings[0]?.params, { reason: phrase('client-key.symmetric-alg'), alg: 'HS256' });
    assert.match(symmetric.findings[0]?.detail ?? '', /HS256 is symmetric; private_key_jwt needs an asymmetric key/);

    const noAlg = context({ privateKeyJwk: { kty: 'EC', d: 'x' } });
    await clientAuthentication(noAlg.ctx, credentials('private_key_jwt'), metadata());
    assert.equal(noAlg.findings[0]?.params?.reason, phrase('client-key.no-algorithm'));
  });
});

describe('secureEndpoint', () => {
  it('accepts https and loopback http, refuses other http and non-URLs', () => {
    const { ctx, findings } = context();
    assert.deepEqual(secureEndpoint(ctx, 'https://auth.example.com/token').ok, true);
    const loopback = secureEndpoint(ctx, 'http://localhost:8080/token');
    assert.ok(loopback.ok && loopback.allowInsecure);
    assert.equal(secureEndpoint(ctx, 'http://auth.example.com/token').ok, false);
    assert.equal(secureEndpoint(ctx, '/token').ok, false);
    assert.deepEqual(findings.map((f) => f.id), ['token.endpoint-insecure', 'token.endpoint-invalid']);
  });
});

describe('basicCredentials', () => {
  it('form-encodes id and secret as RFC 6749 §2.3.1 says, leaving *-._ as they are', () => {
    const header = basicCredentials('pre-registered-client', 'a b:c*d.e_f');
    assert.equal(atob(header.replace(/^Basic /, '')), 'pre-registered-client:a+b%3Ac*d.e_f');
  });
});
