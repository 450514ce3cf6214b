import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { phrase } from '../checks/finding-phrases.js';
import { cannedTransport, findingIds, runOneStep } from '../test-kit.js';
import { isRedirectStatus, isWithinOrigin } from './same-origin-redirects.js';

describe('isWithinOrigin', () => {
  it('allows the same origin and an upgrade to https on default ports, nothing else', () => {
    const cases: [string, string, boolean][] = [
      ['https://a.example/x', 'https://a.example/y', true],
      ['http://a.example/x', 'https://a.example/x', true],
      ['http://a.example:8080/x', 'https://a.example:8443/x', false],
      ['https://a.example/x', 'http://a.example/x', false],
      ['https://a.example/x', 'https://b.example/x', false],
      ['https://a.example/x', 'https://a.example:444/x', false],
    ];
    for (const [from, to, expected] of cases) assert.equal(isWithinOrigin(new URL(from), new URL(to)), expected, `${from} -> ${to}`);
  });

  it('knows the redirect statuses', () => {
    assert.deepEqual(
      [300, 301, 302, 303, 304, 307, 308].map(isRedirectStatus),
      [false, true, true, true, false, true, true],
    );
  });
});

describe('sendFollowingRedirects through a step', () => {
  const PATH_AWARE = 'https://mcp.example.com/.well-known/oauth-protected-resource/mcp';
  const ROOT = 'https://mcp.example.com/.well-known/oauth-protected-resource';

  it('does not follow a Location that is not an http(s) URL', async () => {
    const transport = cannedTransport({ [PATH_AWARE]: { status: 302, headers: { location: 'javascript:alert(1)' }, body: '' } });
    const { result } = await runOneStep('protected-resource-metadata', transport, { serverUrl: 'https://mcp.example.com/mcp' });
    assert.deepEqual(transport.urls(), [PATH_AWARE, ROOT]);
    assert.equal(result.findings[0]?.id, 'prm.redirect-not-followed');
    assert.equal(result.findings[0]?.params?.reason, phrase('redirect.invalid-location'));
  });

  it('treats a 3xx without Location as a plain status', async () => {
    const transport = cannedTransport({ [PATH_AWARE]: { status: 302, body: '' } });
    const { result } = await runOneStep('protected-resource-metadata', transport, { serverUrl: 'https://mcp.example.com/mcp' });
    assert.deepEqual(findingIds(result), ['prm.unexpected-status', 'prm.not-found']);
  });
});
