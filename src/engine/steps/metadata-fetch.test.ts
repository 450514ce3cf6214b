import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { processDiscoveryResponse } from 'oauth4webapi';
import type { SentExchange } from '../step.js';
import { describeTried, isErrorFinding, strictVerdict } from './metadata-fetch.js';

function sent(status: number, body: unknown): SentExchange {
  const exchange = {
    id: 'ex-1',
    stepId: 'authorization-server-metadata' as const,
    request: { method: 'GET', url: 'https://as.example/.well-known/oauth-authorization-server', headers: [] },
    response: { status, statusText: '', headers: [['content-type', 'application/json']] as [string, string][], body: JSON.stringify(body), bodyTruncated: false, bodyBytes: 0 },
    timings: { startedAt: '2026-01-01T00:00:00.000Z', durationMs: 1 },
  };
  return { exchange, response: exchange.response };
}

describe('strictVerdict', () => {
  it('replays the recorded answer into oauth4webapi without sending anything', async () => {
    const issuer = new URL('https://as.example');
    assert.equal(await strictVerdict(sent(200, { issuer: 'https://as.example' }), (r) => processDiscoveryResponse(issuer, r)), undefined);
    assert.match((await strictVerdict(sent(200, { issuer: 'https://other.example' }), (r) => processDiscoveryResponse(issuer, r))) ?? '', /issuer/);
    assert.match((await strictVerdict(sent(201, { issuer: 'https://as.example' }), (r) => processDiscoveryResponse(issuer, r))) ?? '', /status/);
  });
});

describe('helpers', () => {
  it('isErrorFinding follows the severity of the spec version', () => {
    assert.equal(isErrorFinding('asm.issuer-mismatch', '2026-07-28'), true);
    assert.equal(isErrorFinding('asm.oauth-metadata-missing', '2025-06-18'), true);
    assert.equal(isErrorFinding('asm.oauth-metadata-missing', '2026-07-28'), false);
    assert.equal(isErrorFinding('prm.resource-parent', '2026-07-28'), false);
  });

  it('describeTried lists URLs', () => {
    assert.equal(describeTried([]), '(none)');
    assert.equal(describeTried(['a', 'b']), 'a, b');
  });
});
