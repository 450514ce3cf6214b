import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { calculateJwkThumbprint, compactVerify, EmbeddedJWK, SignJWT, generateKeyPair } from 'jose';
import { exchangeLabel } from './checks/engine-phrases.js';
import { accessTokenHash, createDpopKey, createDpopProof, decodeDpopProof, demandedNonce, withDpop } from './dpop.js';
import type { FlowData } from './flow-data.js';
import { createStepHttp, sequentialIds } from './recorder.js';
import { authorizationServerData, cannedTransport, findingIds, requestHeader, runOneStep } from './test-kit.js';

const clock = { now: () => Date.UTC(2026, 6, 28, 12) };
let counter = 0;
const random = (length: number) => new Uint8Array(length).fill(++counter % 256);

describe('DPoP proofs (RFC 9449 §4)', () => {
  it('are signed by the run key, carry it in the header, and bind method, URL, token and nonce', async () => {
    const key = await createDpopKey('option');
    assert.equal(key.thumbprint, await calculateJwkThumbprint(key.publicJwk));
    const proof = await createDpopProof(key, { method: 'post', url: 'https://mcp.example.com/mcp?x=1#f', accessToken: 'at-1', nonce: 'n-1' }, clock, random);
    const { protectedHeader } = await compactVerify(proof, EmbeddedJWK);
    assert.equal(protectedHeader.typ, 'dpop+jwt');
    assert.equal(protectedHeader.alg, 'ES256');
    assert.equal('d' in (protectedHeader.jwk ?? {}), false, 'only the public key travels');
    const claims = decodeDpopProof(proof)?.claims;
    assert.equal(claims?.htm, 'POST');
    assert.equal(claims?.htu, 'https://mcp.example.com/mcp');
    assert.equal(claims?.iat, Math.floor(clock.now() / 1000));
    assert.equal(claims?.ath, await accessTokenHash('at-1'));
    assert.equal(claims?.nonce, 'n-1');
    const again = decodeDpopProof(await createDpopProof(key, { method: 'POST', url: 'https://mcp.example.com/mcp' }, clock, random))?.claims;
    assert.notEqual(again?.jti, claims?.jti);
    assert.equal(again?.ath, undefined);
  });

  it('ath is the base64url SHA-256 of the token (the RFC 9449 example)', async () => {
    assert.equal(await accessTokenHash('Kz~8mXK1EalYznwH-LC-1fBAo.4Ljp~zsPE_NeO.gxU'), 'fUHyO2r2Z3DZ53EsNrWBb0xWXoaNy59IiKCAqksmQEo');
  });

  it('reads a nonce demand from an authorization server (400) and a resource server (401)', () => {
    const response = (status: number, headers: [string, string][], body = '') => ({ status, statusText: '', headers, body, bodyTruncated: false, bodyBytes: body.length });
    assert.equal(demandedNonce(response(400, [['dpop-nonce', 'as-n']], '{"error":"use_dpop_nonce"}')), 'as-n');
    assert.equal(demandedNonce(response(401, [['dpop-nonce', 'rs-n'], ['www-authenticate', 'DPoP error="use_dpop_nonce"']])), 'rs-n');
    assert.equal(demandedNonce(response(401, [['dpop-nonce', 'x'], ['www-authenticate', 'DPoP error="invalid_token"']])), undefined);
    assert.equal(demandedNonce(response(200, [['dpop-nonce', 'next']])), undefined);
  });

  it('answers a nonce demand with one retry carrying the nonce, and keeps the nonce', async () => {
    const transport = cannedTransport({
      'POST https://as.example.com/token': (request) => {
        const proof = requestHeader(request, 'dpop') ?? '';
        return decodeDpopProof(proof)?.claims.nonce === 'as-n'
          ? { body: { access_token: 'at', token_type: 'DPoP' } }
          : { status: 400, headers: { 'dpop-nonce': 'as-n', 'content-type': 'application/json' }, body: '{"error":"use_dpop_nonce"}' };
      },
    });
    const state = await createDpopKey('option');
    const nonces: string[] = [];
    const http = withDpop(createStepHttp('token-request', transport, clock, sequentialIds(), { timeoutMs: 1000, maxBodyBytes: 10_000 }), {
      state,
      applies: (url) => url === 'https://as.example.com/token',
      clock,
      random,
      onNonce: (_sent, nonce) => nonces.push(nonce),
    });
    const sent = await http.send({ method: 'POST', url: 'https://as.example.com/token', body: 'grant_type=x' }, exchangeLabel('label.token.request'));
    assert.equal(sent.response?.status, 200);
    assert.equal(transport.requests.length, 2);
    assert.deepEqual(http.exchanges.map((e) => e.label), ['token request', 'token request (with the DPoP nonce)']);
    assert.deepEqual(http.exchanges.map((e) => [e.labelId, e.labelParams]), [['label.token.request', undefined], ['label.then.dpop-nonce', { nonceless: '@phrase:label.token.request' }]]);
    assert.deepEqual(nonces, ['as-n']);
    assert.deepEqual(state.nonces, { 'https://as.example.com': 'as-n' });
    const untouched = await http.send({ url: 'https://elsewhere.example.com/' });
    assert.equal(requestHeader(transport.requests.at(-1), 'dpop'), undefined);
    assert.equal(untouched.exchange.request.headers.length, 0);
  });
});

describe('DPoP in the flow', () => {
  const SERVER = 'https://mcp.example.com/mcp';
  const ISSUER = 'https://as.example.com';
  const base = (): FlowData => ({
    authorizationServer: authorizationServerData({ issuer: ISSUER, token_endpoint: `${ISSUER}/token`, dpop_signing_alg_values_supported: ['ES256'] }),
    client: { method: 'pre', clientId: 'c1', tokenEndpointAuthMethod: 'none', redirectUri: 'http://127.0.0.1:4280/callback' },
    authorizationRequest: { url: 'x', state: 's', codeVerifier: 'v', codeChallenge: 'c', redirectUri: 'http://127.0.0.1:4280/callback', expectedIssuer: ISSUER, resource: SERVER },
    authorizationResponse: { callbackUrl: 'x', code: 'code-1' },
  });

  it('a DPoP challenge from the resource makes the token request carry a proof; a Bearer answer is not bound', async () => {
    const data = { ...base(), probe: { status: 401, challenges: [{ scheme: 'DPoP', parameters: {} }] } };
    const transport = cannedTransport({ [`POST ${ISSUER}/token`]: { body: { access_token: 'at-1', token_type: 'Bearer' } } });
    const { result, session } = await runOneStep('token-request', transport, { serverUrl: SERVER }, data);
    assert.ok(requestHeader(transport.requests[0], 'dpop'));
    assert.equal(session.data.dpop?.reason, 'challenge');
    assert.deepEqual(findingIds(result).filter((id) => id.startsWith('dpop.')), ['dpop.used', 'dpop.token-not-bound']);
  });

  it('no DPoP where nobody asks for it (auto), none when it is off', async () => {
    for (const dpop of ['auto', 'off'] as const) {
      const transport = cannedTransport({ [`POST ${ISSUER}/token`]: { body: { access_token: 'at-1', token_type: 'Bearer' } } });
      const { session } = await runOneStep('token-request', transport, { serverUrl: SERVER, dpop }, base());
      assert.equal(requestHeader(transport.requests[0], 'dpop'), undefined, dpop);
      assert.equal(session.data.dpop, undefined);
    }
  });

  it('token inspection checks cnf.jkt against the key that signed the proofs', async () => {
    const state = await createDpopKey('option');
    const signing = await generateKeyPair('RS256');
    for (const [jkt, expected] of [
      [state.thumbprint, 'dpop.token-bound'],
      ['someone-elses-thumbprint', 'dpop.jkt-mismatch'],
    ] as const) {
      const token = await new SignJWT({ iss: ISSUER, aud: SERVER, exp: 2_000_000_000, cnf: { jkt } }).setProtectedHeader({ alg: 'RS256', typ: 'at+jwt' }).sign(signing.privateKey);
      const data: FlowData = { ...base(), dpop: state, tokens: { accessToken: token, tokenType: 'DPoP', receivedAt: new Date().toISOString(), grant: 'authorization_code' } };
      const { result } = await runOneStep('token-inspection', cannedTransport({}), { serverUrl: SERVER }, data);
      assert.ok(findingIds(result).includes(expected), `${expected} in ${findingIds(result).join(', ')}`);
    }
  });

  it('token inspection warns about a DPoP token whose JWT names no key (cnf.jkt)', async () => {
    const state = await createDpopKey('option');
    const signing = await generateKeyPair('RS256');
    const token = await new SignJWT({ iss: ISSUER, aud: SERVER, exp: 2_000_000_000 }).setProtectedHeader({ alg: 'RS256', typ: 'at+jwt' }).sign(signing.privateKey);
    const tokens = { accessToken: token, receivedAt: new Date().toISOString(), grant: 'authorization_code' } as const;
    const asDpop = await runOneStep('token-inspection', cannedTransport({}), { serverUrl: SERVER }, { ...base(), dpop: state, tokens: { ...tokens, tokenType: 'DPoP' } });
    const finding = asDpop.result.findings.find((f) => f.id === 'dpop.jkt-missing');
    assert.equal(finding?.severity, 'warning', findingIds(asDpop.result).join(', '));
    // The same token issued as a Bearer token is not meant to be bound.
    const asBearer = await runOneStep('token-inspection', cannedTransport({}), { serverUrl: SERVER }, { ...base(), dpop: state, tokens: { ...tokens, tokenType: 'Bearer' } });
    assert.ok(!findingIds(asBearer.result).some((id) => id.startsWith('dpop.')), findingIds(asBearer.result).join(', '));
  });

  it('requests to the MCP server carry Authorization: DPoP and a fresh proof with ath; the resource nonce is answered', async () => {
    const state = await createDpopKey('challenge');
    const data: FlowData = { dpop: state, tokens: { accessToken: 'at-9', tokenType: 'DPoP', receivedAt: new Date().toISOString(), grant: 'authorization_code' } };
    const transport = cannedTransport({
      [`POST ${SERVER}`]: (request) => {
        const proof = decodeDpopProof(requestHeader(request, 'dpop') ?? '');
        if (proof?.claims.nonce !== 'rs-n') return { status: 401, headers: { 'www-authenticate': 'DPoP error="use_dpop_nonce"', 'dpop-nonce': 'rs-n' }, body: { error: 'use_dpop_nonce' } };
        const body = JSON.parse(request.body ?? '{}') as { id: number; method: string };
        const result = body.method === 'server/discover' ? { supportedVersions: ['2026-07-28'], capabilities: { tools: {} }, resultType: 'complete', _meta: { 'io.modelcontextprotocol/serverInfo': { name: 's', version: '1' } } } : { tools: [], resultType: 'complete' };
        return { body: { jsonrpc: '2.0', id: body.id, result } };
      },
    });
    const { result, session } = await runOneStep('authenticated-mcp', transport, { serverUrl: SERVER }, data);
    assert.deepEqual(result.outcome, { kind: 'ok' });
    assert.deepEqual(findingIds(result), ['dpop.nonce-required', 'mcp.connected']);
    const jtis = new Set<unknown>();
    for (const request of transport.requests) {
      assert.equal(requestHeader(request, 'authorization'), 'DPoP at-9');
      const claims = decodeDpopProof(requestHeader(request, 'dpop') ?? '')?.claims;
      assert.equal(claims?.ath, await accessTokenHash('at-9'));
      jtis.add(claims?.jti);
    }
    assert.equal(jtis.size, transport.requests.length, 'a fresh jti on every request');
    assert.equal(transport.requests.length, 3, 'discover, its retry with the nonce, tools/list (the nonce kept)');
    assert.equal(session.data.dpop?.nonces[new URL(SERVER).origin], 'rs-n');
  });
});

describe('DPoP when a server asks for it, and when it refuses the proof', () => {
  const SERVER = 'https://mcp.example.com/mcp';
  const ISSUER = 'https://as.example.com';
  const data = (): FlowData => ({
    authorizationServer: authorizationServerData({ issuer: ISSUER, token_endpoint: `${ISSUER}/token` }),
    client: { method: 'pre', clientId: 'c1', tokenEndpointAuthMethod: 'none', redirectUri: 'http://127.0.0.1:4280/callback' },
    authorizationRequest: { url: 'x', state: 's', codeVerifier: 'v', codeChallenge: 'c', redirectUri: 'http://127.0.0.1:4280/callback', expectedIssuer: ISSUER, resource: SERVER },
    authorizationResponse: { callbackUrl: 'x', code: 'code-1' },
  });

  it('an authorization server that refuses a request without a proof gets it again with one', async () => {
    const transport = cannedTransport({
      [`POST ${ISSUER}/token`]: (request) =>
        requestHeader(request, 'dpop') === undefined
          ? { status: 400, body: { error: 'invalid_dpop_proof', error_description: 'DPoP proof required' } }
          : { body: { access_token: 'at-1', token_type: 'DPoP' } },
    });
    const { result, session } = await runOneStep('token-request', transport, { serverUrl: SERVER }, data());
    assert.deepEqual(result.outcome, { kind: 'ok' });
    assert.equal(transport.requests.length, 2);
    assert.equal(session.data.dpop?.reason, 'authorization-server');
    assert.deepEqual(result.exchanges.map((e) => e.label), ['token request', 'token request (with a DPoP proof)']);
    assert.ok(findingIds(result).includes('dpop.used'));
  });

  it('with DPoP off, a server that asks for it is not given a proof', async () => {
    const transport = cannedTransport({ [`POST ${ISSUER}/token`]: { status: 400, body: { error: 'invalid_dpop_proof' } } });
    const { result } = await runOneStep('token-request', transport, { serverUrl: SERVER, dpop: 'off' }, data());
    assert.equal(transport.requests.length, 1);
    assert.equal(result.outcome.kind, 'failed');
  });

  it('a proof the authorization server refuses is named as such', async () => {
    const transport = cannedTransport({ [`POST ${ISSUER}/token`]: { status: 400, body: { error: 'invalid_dpop_proof', error_description: 'htu mismatch' } } });
    const { result } = await runOneStep('token-request', transport, { serverUrl: SERVER, dpop: 'on' }, data());
    assert.ok(findingIds(result).includes('dpop.proof-rejected'), findingIds(result).join(', '));
    assert.equal(result.outcome.kind, 'failed');
  });

  it('a proof the MCP server refuses stops the step with that finding', async () => {
    const state = await createDpopKey('option');
    const transport = cannedTransport({ [`POST ${SERVER}`]: { status: 401, headers: { 'www-authenticate': 'DPoP error="invalid_dpop_proof", error_description="bad htu"' }, body: '' } });
    const flow: FlowData = { dpop: state, tokens: { accessToken: 'at', tokenType: 'DPoP', receivedAt: new Date().toISOString(), grant: 'authorization_code' } };
    const { result } = await runOneStep('authenticated-mcp', transport, { serverUrl: SERVER }, flow);
    assert.deepEqual(findingIds(result), ['dpop.proof-rejected']);
    assert.deepEqual(result.outcome, {
      kind: 'failed',
      reason: 'The MCP server refused the DPoP proof (invalid_dpop_proof).',
      reasonId: 'outcome.mcp.dpop-proof-rejected',
      reasonParams: { error: 'invalid_dpop_proof' },
      findingId: 'dpop.proof-rejected',
    });
  });
});
