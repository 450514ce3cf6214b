import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findChallenge, parseWwwAuthenticate, parseWwwAuthenticateChallenges } from './www-authenticate.js';

describe('parseWwwAuthenticate', () => {
  it('reads the MCP spec example (Bearer with quoted resource_metadata and scope)', () => {
    const { challenges, problems } = parseWwwAuthenticate(
      'Bearer resource_metadata="https://mcp.example.com/.well-known/oauth-protected-resource",                         scope="files:read"',
    );
    assert.deepEqual(problems, []);
    assert.deepEqual(challenges, [
      {
        scheme: 'bearer',
        parameters: { resource_metadata: 'https://mcp.example.com/.well-known/oauth-protected-resource', scope: 'files:read' },
      },
    ]);
  });

  it('splits several challenges in one line, with token68 and empty list elements', () => {
    const { challenges, problems } = parseWwwAuthenticate('Newauth realm="apps", type=1, title="Login to \\"apps\\"", Basic realm="simple", , Negotiate abc==');
    assert.deepEqual(problems, []);
    assert.deepEqual(
      challenges.map((c) => c.scheme),
      ['newauth', 'basic', 'negotiate'],
    );
    assert.deepEqual(challenges[0]?.parameters, { realm: 'apps', type: '1', title: 'Login to "apps"' });
    assert.equal(challenges[2]?.token68, 'abc==');
  });

  it('joins challenges from several header lines and keeps problem line numbers', () => {
    const { challenges, problems } = parseWwwAuthenticate(['Basic realm="a"', 'Bearer realm="b", scope="x y"', 'DPoP algs="ES256" realm="x"']);
    assert.deepEqual(
      challenges.map((c) => c.scheme),
      ['basic', 'bearer', 'dpop'],
    );
    assert.equal(findChallenge(challenges, 'BEARER')?.parameters.scope, 'x y');
    assert.equal(problems.length, 1);
    assert.equal(problems[0]?.line, 2);
    assert.equal(problems[0]?.kind, 'missing-comma');
  });

  it('treats scheme and parameter names case-insensitively', () => {
    const challenges = parseWwwAuthenticateChallenges('BEARER Realm="x", RESOURCE_METADATA="https://a.example/m"');
    assert.equal(challenges[0]?.scheme, 'bearer');
    assert.deepEqual(challenges[0]?.parameters, { realm: 'x', resource_metadata: 'https://a.example/m' });
  });

  it('keeps commas and escaped quotes inside quoted strings', () => {
    const { challenges, problems } = parseWwwAuthenticate('Bearer error_description="a, \\"b\\", c", error="invalid_token"');
    assert.deepEqual(problems, []);
    assert.deepEqual(challenges[0]?.parameters, { error_description: 'a, "b", c', error: 'invalid_token' });
  });

  it('accepts whitespace around "=" (BWS) and a scheme without parameters', () => {
    const { challenges, problems } = parseWwwAuthenticate('Bearer realm = "x", Basic');
    assert.deepEqual(problems, []);
    assert.deepEqual(challenges, [
      { scheme: 'bearer', parameters: { realm: 'x' } },
      { scheme: 'basic', parameters: {} },
    ]);
  });

  it('recovers an unquoted URL value and reports it', () => {
    const { challenges, problems } = parseWwwAuthenticate('Bearer resource_metadata=https://mcp.example.com/.well-known/oauth-protected-resource, scope=mcp');
    assert.equal(challenges[0]?.parameters.resource_metadata, 'https://mcp.example.com/.well-known/oauth-protected-resource');
    assert.equal(challenges[0]?.parameters.scope, 'mcp');
    assert.deepEqual(
      problems.map((p) => p.kind),
      ['unquoted-value'],
    );
    assert.equal(problems[0]?.offset, 'Bearer resource_metadata='.length);
  });

  it('reports an unterminated quoted string and keeps what was there', () => {
    const { challenges, problems } = parseWwwAuthenticate('Bearer realm="mcp');
    assert.equal(challenges[0]?.parameters.realm, 'mcp');
    assert.deepEqual(
      problems.map((p) => p.kind),
      ['unterminated-quoted-string'],
    );
  });

  it('reports a missing comma between parameters but still reads both', () => {
    const { challenges, problems } = parseWwwAuthenticate('Bearer realm="mcp" resource_metadata="https://x.example/prm"');
    assert.deepEqual(challenges[0]?.parameters, { realm: 'mcp', resource_metadata: 'https://x.example/prm' });
    assert.deepEqual(
      problems.map((p) => p.kind),
      ['missing-comma'],
    );
  });

  it('reports duplicate parameters and keeps the first value', () => {
    const { challenges, problems } = parseWwwAuthenticate('Bearer scope="a", Scope="b"');
    assert.equal(challenges[0]?.parameters.scope, 'a');
    assert.deepEqual(
      problems.map((p) => p.kind),
      ['duplicate-parameter'],
    );
  });

  it('reports a parameter without a value', () => {
    const { challenges, problems } = parseWwwAuthenticate('Bearer realm="a", scope=, error="x"');
    assert.deepEqual(challenges[0]?.parameters, { realm: 'a', error: 'x' });
    assert.deepEqual(
      problems.map((p) => p.kind),
      ['missing-value'],
    );
  });

  it('reports an element that has no scheme and goes on with the next challenge', () => {
    const { challenges, problems } = parseWwwAuthenticate('"quoted", Bearer realm="a"');
    assert.deepEqual(
      challenges.map((c) => c.scheme),
      ['bearer'],
    );
    assert.deepEqual(
      problems.map((p) => p.kind),
      ['missing-scheme'],
    );
  });

  it('reports a scheme glued to a parameter', () => {
    const { problems } = parseWwwAuthenticate('Bearer"realm"');
    assert.deepEqual(
      problems.map((p) => p.kind),
      ['invalid-character'],
    );
  });

  it('reports an empty header', () => {
    for (const header of ['', '  ,  ', []]) {
      const { challenges, problems } = parseWwwAuthenticate(header);
      assert.deepEqual(challenges, []);
      assert.deepEqual(
        problems.map((p) => p.kind),
        ['empty-header'],
      );
    }
  });

  it('tells a trailing-equals token68 from a parameter', () => {
    assert.equal(parseWwwAuthenticateChallenges('Basic YWxhZGRpbjpvcGVuc2VzYW1l=')[0]?.token68, 'YWxhZGRpbjpvcGVuc2VzYW1l=');
    assert.deepEqual(parseWwwAuthenticateChallenges('Basic realm=x')[0]?.parameters, { realm: 'x' });
  });
});
