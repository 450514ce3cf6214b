import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  authorizationServerMetadataUrls,
  legacyAuthorizationServerMetadataUrl,
  legacyDefaultEndpoints,
  protectedResourceMetadataUrls,
} from './well-known.js';

describe('protectedResourceMetadataUrls', () => {
  it('inserts the suffix before the path, then tries the root', () => {
    assert.deepEqual(protectedResourceMetadataUrls(new URL('https://example.com/public/mcp')), [
      { url: 'https://example.com/.well-known/oauth-protected-resource/public/mcp', construction: 'path-aware' },
      { url: 'https://example.com/.well-known/oauth-protected-resource', construction: 'root' },
    ]);
  });

  it('keeps the query in the path-aware URL and a trailing slash of the path', () => {
    assert.deepEqual(
      protectedResourceMetadataUrls(new URL('https://example.com:8443/mcp/?tenant=a')).map((c) => c.url),
      ['https://example.com:8443/.well-known/oauth-protected-resource/mcp/?tenant=a', 'https://example.com:8443/.well-known/oauth-protected-resource'],
    );
  });

  it('lists one URL for a server at the root', () => {
    for (const server of ['https://example.com', 'https://example.com/']) {
      assert.deepEqual(protectedResourceMetadataUrls(new URL(server)), [
        { url: 'https://example.com/.well-known/oauth-protected-resource', construction: 'root' },
      ]);
    }
  });
});

describe('authorizationServerMetadataUrls', () => {
  it('2025-11-25 and 2026-07-28: issuer with a path, three URLs in the spec order', () => {
    for (const spec of ['2025-11-25', '2026-07-28'] as const) {
      const candidates = authorizationServerMetadataUrls(new URL('https://auth.example.com/tenant1'), spec);
      assert.deepEqual(
        candidates.map((c) => c.url),
        [
          'https://auth.example.com/.well-known/oauth-authorization-server/tenant1',
          'https://auth.example.com/.well-known/openid-configuration/tenant1',
          'https://auth.example.com/tenant1/.well-known/openid-configuration',
        ],
      );
      assert.ok(candidates.every((c) => c.inSpec));
    }
  });

  it('2025-11-25: issuer without a path, RFC 8414 then OIDC', () => {
    const candidates = authorizationServerMetadataUrls(new URL('https://auth.example.com'), '2025-11-25');
    assert.deepEqual(
      candidates.map((c) => [c.url, c.format]),
      [
        ['https://auth.example.com/.well-known/oauth-authorization-server', 'oauth'],
        ['https://auth.example.com/.well-known/openid-configuration', 'oidc'],
      ],
    );
  });

  it('removes a terminating slash of the issuer path (Keycloak realms)', () => {
    assert.deepEqual(
      authorizationServerMetadataUrls(new URL('http://localhost:8080/realms/master/'), '2026-07-28').map((c) => c.url),
      [
        'http://localhost:8080/.well-known/oauth-authorization-server/realms/master',
        'http://localhost:8080/.well-known/openid-configuration/realms/master',
        'http://localhost:8080/realms/master/.well-known/openid-configuration',
      ],
    );
  });

  it('2025-06-18: only the RFC 8414 URL is in the spec, OIDC URLs come after as extra tries', () => {
    const candidates = authorizationServerMetadataUrls(new URL('https://auth.example.com/tenant1'), '2025-06-18');
    assert.deepEqual(
      candidates.map((c) => [c.format, c.construction, c.inSpec]),
      [
        ['oauth', 'insertion', true],
        ['oidc', 'insertion', false],
        ['oidc', 'appending', false],
      ],
    );
  });
});

describe('2025-03-26 legacy discovery', () => {
  it('discards the path of the MCP server URL', () => {
    const server = new URL('https://api.example.com/v1/mcp');
    assert.equal(legacyAuthorizationServerMetadataUrl(server), 'https://api.example.com/.well-known/oauth-authorization-server');
    assert.deepEqual(legacyDefaultEndpoints(server), {
      authorization_endpoint: 'https://api.example.com/authorize',
      token_endpoint: 'https://api.example.com/token',
      registration_endpoint: 'https://api.example.com/register',
    });
  });
});
