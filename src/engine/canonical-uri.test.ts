import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { canonicalServerUri, compareResourceIdentifiers, isLoopbackUrl, isSecureOrLoopback, looseResourceIdentifier } from './canonical-uri.js';

describe('canonicalServerUri', () => {
  it('lower-cases scheme and host, drops the default port and the fragment', () => {
    assert.equal(canonicalServerUri('HTTPS://MCP.Example.COM:443/Mcp#frag'), 'https://mcp.example.com/Mcp');
    assert.equal(canonicalServerUri('https://mcp.example.com:8443'), 'https://mcp.example.com:8443');
  });

  it('uses the form without a trailing slash for an empty path, keeps it after a path', () => {
    assert.equal(canonicalServerUri('https://mcp.example.com/'), 'https://mcp.example.com');
    assert.equal(canonicalServerUri('https://mcp.example.com'), 'https://mcp.example.com');
    assert.equal(canonicalServerUri('https://mcp.example.com/server/mcp/'), 'https://mcp.example.com/server/mcp/');
  });

  it('keeps the query and refuses what is not an absolute URL', () => {
    assert.equal(canonicalServerUri('https://mcp.example.com/mcp?tenant=a'), 'https://mcp.example.com/mcp?tenant=a');
    assert.equal(canonicalServerUri('mcp.example.com'), undefined);
  });
});

describe('isLoopbackUrl / isSecureOrLoopback', () => {
  it('knows loopback hosts', () => {
    for (const url of ['http://localhost:3000', 'http://127.0.0.1', 'http://127.1.2.3:8080/x', 'http://[::1]:9000/']) {
      assert.equal(isLoopbackUrl(new URL(url)), true, url);
      assert.equal(isSecureOrLoopback(new URL(url)), true, url);
    }
    for (const url of ['http://example.com', 'http://10.0.0.1', 'http://localhost.example.com']) {
      assert.equal(isLoopbackUrl(new URL(url)), false, url);
      assert.equal(isSecureOrLoopback(new URL(url)), false, url);
    }
    assert.equal(isSecureOrLoopback(new URL('https://example.com')), true);
    assert.equal(isSecureOrLoopback(new URL('ftp://localhost')), false);
  });
});

describe('compareResourceIdentifiers', () => {
  it('tells identical, equivalent, parent and different apart', () => {
    const cases: [string, string, string][] = [
      ['https://mcp.example.com/mcp', 'https://mcp.example.com/mcp', 'identical'],
      ['https://mcp.example.com/mcp', 'HTTPS://MCP.example.com:443/mcp', 'equivalent'],
      ['https://mcp.example.com', 'https://mcp.example.com/', 'equivalent'],
      ['https://mcp.example.com/mcp', 'https://mcp.example.com', 'parent'],
      ['https://mcp.example.com/a/b/mcp', 'https://mcp.example.com/a/', 'parent'],
      ['https://mcp.example.com/mcp?t=1', 'https://mcp.example.com/mcp', 'parent'],
      ['https://mcp.example.com/mcp', 'https://mcp.example.com/mcp/', 'different'],
      ['https://mcp.example.com/mcp123', 'https://mcp.example.com/mcp', 'different'],
      ['https://mcp.example.com/mcp', 'https://mcp.example.com/mcp/sub', 'different'],
      ['https://mcp.example.com/mcp', 'https://other.example.com/mcp', 'different'],
      ['https://mcp.example.com/mcp', 'http://mcp.example.com/mcp', 'different'],
      ['https://mcp.example.com/mcp', 'https://mcp.example.com/mcp#x', 'different'],
      ['https://mcp.example.com/mcp', 'not a url', 'different'],
    ];
    for (const [server, resource, expected] of cases) {
      assert.equal(compareResourceIdentifiers(server, resource), expected, `${server} vs ${resource}`);
    }
  });
});

describe('looseResourceIdentifier', () => {
  it('ignores case of scheme and host, the default port, the fragment and trailing slashes, not the path case', () => {
    assert.equal(looseResourceIdentifier('HTTPS://MCP.Example.com:443/mcp//#x'), 'https://mcp.example.com/mcp');
    assert.equal(looseResourceIdentifier('https://mcp.example.com/'), 'https://mcp.example.com');
    assert.notEqual(looseResourceIdentifier('https://mcp.example.com/MCP'), looseResourceIdentifier('https://mcp.example.com/mcp'));
    assert.equal(looseResourceIdentifier('not a url'), undefined);
  });
});
