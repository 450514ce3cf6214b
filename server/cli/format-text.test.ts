import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Exchange } from '../../src/engine/types.js';
import { exchangeLine } from './format-text.js';

function exchange(url: string, answer: Pick<Exchange, 'response' | 'error'>): Exchange {
  return {
    id: 'ex-1',
    stepId: 'authorization-request',
    request: { method: 'GET', url, headers: [] },
    ...answer,
    timings: { startedAt: '2026-01-01T00:00:00.000Z', durationMs: 1 },
  };
}

const response = (status: number) => ({ status, statusText: '', headers: [], body: '', bodyTruncated: false, bodyBytes: 0 });

describe('exchangeLine', () => {
  it('shows method, origin and path, and the status, without the query', () => {
    assert.equal(exchangeLine(exchange('https://as.example/cb?code=s3cr3t&state=x', { response: response(302) })), 'GET https://as.example/cb → 302');
  });

  it('leaves the query out of a URL that does not parse, too', () => {
    const line = exchangeLine(exchange('as.example/cb?code=s3cr3t#frag', { error: { kind: 'invalid-url', message: 'Not an absolute URL' } }));
    assert.equal(line, 'GET as.example/cb → invalid-url');
  });
});
