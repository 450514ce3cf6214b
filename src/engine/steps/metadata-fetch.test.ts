import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { phrase } from '../checks/finding-phrases.js';
import { describeTried, isErrorFinding } from './metadata-fetch.js';

describe('discovery findings and reports', () => {
  it('isErrorFinding follows the severity of the spec version', () => {
    assert.equal(isErrorFinding('asm.issuer-mismatch', '2026-07-28'), true);
    assert.equal(isErrorFinding('asm.oauth-metadata-missing', '2025-06-18'), true);
    assert.equal(isErrorFinding('asm.oauth-metadata-missing', '2026-07-28'), false);
    assert.equal(isErrorFinding('prm.resource-parent', '2026-07-28'), false);
  });

  it('describeTried lists URLs', () => {
    assert.equal(describeTried([]), phrase('value.none'));
    assert.equal(describeTried(['a', 'b']), 'a, b');
  });
});
