import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { makeFinding } from '../engine/checks/catalogue.js';
import type { TokenInspectionData } from '../engine/flow-data.js';
import type { Finding } from '../engine/types.js';
import { LAB_ACCESS_TOKEN_CLAIMS, LAB_ACCESS_TOKEN_HEADER } from './lab-access-token.fixture.js';
import { tokenChecks, type TokenCheck } from './token-checks.js';

function finding(id: string, params: Record<string, string> = {}): Finding {
  const made = makeFinding(id, '2026-07-28', { params });
  if (!made) throw new Error(`${id} is off`);
  return made;
}

// What the token-inspection step recorded against the lab without faults.
const LAB_INSPECTION: TokenInspectionData = {
  format: 'jwt',
  header: LAB_ACCESS_TOKEN_HEADER,
  claims: LAB_ACCESS_TOKEN_CLAIMS,
  signature: 'valid',
};
const JWKS = 'http://127.0.0.1:39279/realms/demo/protocol/openid-connect/certs';
const SIGNATURE_VALID = finding('token.signature-valid', { alg: 'RS256', kid: LAB_ACCESS_TOKEN_HEADER.kid, url: JWKS });

function byId(checks: TokenCheck[]): Record<string, TokenCheck> {
  return Object.fromEntries(checks.map((c) => [c.id, c]));
}

describe('tokenChecks', () => {
  it('passes everything for the lab token, with the signing key id and JWKS URL', () => {
    const checks = byId(tokenChecks(LAB_INSPECTION, [SIGNATURE_VALID]));
    assert.deepEqual(Object.keys(checks), ['signature', 'issuer', 'audience', 'lifetime', 'scope', 'type']);
    assert.deepEqual(
      Object.values(checks).map((c) => c.status),
      ['pass', 'pass', 'pass', 'pass', 'pass', 'pass'],
    );
    assert.equal(checks.signature?.keyId, 'O0P75lc0Uj8L7SiNUzQN8u-bNSPEIj1P9u8o4kcopUQ');
    assert.equal(checks.signature?.jwksUrl, JWKS);
    assert.equal(checks.audience?.value, 'http://127.0.0.1:45901/mcp');
    assert.equal(checks.scope?.value, 'mcp:tools');
  });

  it('fails the checks the findings speak against, worst finding first', () => {
    const findings = [
      finding('token.long-lived', { hours: '48' }),
      finding('token.expired', { exp: 'x', now: 'y' }),
      finding('token.audience-mismatch', { aud: '"account"', expected: 'http://127.0.0.1:45901/mcp' }),
      finding('token.issuer-mismatch', { iss: 'a', expected: 'b' }),
      finding('token.scope-missing', { requested: 'mcp:tools', scope: 'openid', missing: 'mcp:tools' }),
      finding('token.typ-not-at-jwt', { typ: 'JWT' }),
      finding('token.signature-invalid', { url: JWKS, reason: 'the signature does not match' }),
    ];
    const checks = byId(tokenChecks({ ...LAB_INSPECTION, signature: 'invalid' }, findings));
    assert.equal(checks.signature?.status, 'fail');
    assert.equal(checks.signature?.jwksUrl, JWKS);
    assert.equal(checks.issuer?.status, 'fail');
    assert.equal(checks.audience?.status, 'fail');
    assert.equal(checks.lifetime?.status, 'fail');
    assert.deepEqual(checks.lifetime?.findings.map((f) => f.id), ['token.expired', 'token.long-lived']);
    assert.equal(checks.scope?.status, 'warn');
    assert.equal(checks.type?.status, 'info');
  });

  it('marks an unverifiable signature as a warning', () => {
    const checks = byId(tokenChecks({ ...LAB_INSPECTION, signature: 'unverified' }, [finding('token.no-jwks-uri')]));
    assert.equal(checks.signature?.status, 'warn');
    assert.equal(checks.signature?.findings[0]?.id, 'token.no-jwks-uri');
  });

  it('judges an opaque token by its introspection response', () => {
    const introspection = { active: true, iss: 'https://as', aud: ['https://mcp'], exp: 1795742405, scope: 'mcp:tools' };
    const checks = byId(tokenChecks({ format: 'opaque', introspection }, [finding('token.opaque')]));
    assert.deepEqual(Object.keys(checks), ['issuer', 'audience', 'lifetime', 'scope', 'introspection']);
    assert.equal(checks.audience?.value, 'https://mcp');
    assert.equal(checks.introspection?.status, 'pass');

    const inactive = byId(tokenChecks({ format: 'opaque', introspection: { active: false } }, [finding('token.introspection-inactive', { active: 'false' })]));
    assert.equal(inactive.introspection?.status, 'fail');
    assert.equal(inactive.issuer?.status, 'not-checked');
  });

  it('has no rows for an opaque token nobody introspected', () => {
    assert.deepEqual(tokenChecks({ format: 'opaque' }, [finding('token.opaque')]), []);
  });

  it('has nothing to say before the inspection ran', () => {
    assert.deepEqual(tokenChecks(undefined, []), []);
  });
});
