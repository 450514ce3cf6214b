import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { expiryState, formatCountdown, formatLocalDateTime, formatRelativeTime, tokenExpiresAtMs } from './time-format.js';

const NOW = Date.parse('2026-11-27T01:05:05Z');

describe('formatRelativeTime', () => {
  it('uses the largest whole unit, future and past', () => {
    assert.equal(formatRelativeTime(NOW + 4 * 60_000, NOW, 'en'), 'in 4 minutes');
    assert.equal(formatRelativeTime(NOW - 2 * 60_000, NOW, 'en'), '2 minutes ago');
    assert.equal(formatRelativeTime(NOW + 30_000, NOW, 'en'), 'in 30 seconds');
    assert.equal(formatRelativeTime(NOW - 3 * 3_600_000, NOW, 'en'), '3 hours ago');
    assert.equal(formatRelativeTime(NOW + 2 * 86_400_000, NOW, 'en'), 'in 2 days');
    assert.equal(formatRelativeTime(NOW, NOW, 'en'), 'now');
  });

  it('rounds to the unit instead of truncating (59.6 s is a minute)', () => {
    assert.equal(formatRelativeTime(NOW + 59_600, NOW, 'en'), 'in 1 minute');
    assert.equal(formatRelativeTime(NOW + 15 * 60_000 - 400, NOW, 'en'), 'in 15 minutes');
  });

  it('speaks Chinese', () => {
    assert.equal(formatRelativeTime(NOW + 4 * 60_000, NOW, 'zh-CN'), '4分钟后');
    assert.equal(formatRelativeTime(NOW - 2 * 60_000, NOW, 'zh-CN'), '2分钟前');
  });
});

describe('formatLocalDateTime', () => {
  it('formats an instant in the given zone and language', () => {
    assert.equal(formatLocalDateTime(NOW, 'en', 'UTC'), 'Nov 27, 2026, 1:05:05 AM');
    assert.equal(formatLocalDateTime(NOW, 'zh-CN', 'UTC'), '2026年11月27日 01:05:05');
  });
});

describe('formatCountdown', () => {
  it('shows minutes:seconds, hours when needed, never negative', () => {
    assert.equal(formatCountdown(272_000), '4:32');
    assert.equal(formatCountdown(272_999), '4:32');
    assert.equal(formatCountdown(5_000), '0:05');
    assert.equal(formatCountdown(3_723_000), '1:02:03');
    assert.equal(formatCountdown(-10_000), '0:00');
  });
});

describe('expiryState', () => {
  it('counts down, warns in the last minute, then reports how long ago it expired', () => {
    assert.deepEqual(expiryState(NOW + 272_000, NOW), { kind: 'valid', remainingMs: 272_000, endingSoon: false });
    assert.deepEqual(expiryState(NOW + 30_000, NOW), { kind: 'valid', remainingMs: 30_000, endingSoon: true });
    assert.deepEqual(expiryState(NOW - 5_000, NOW), { kind: 'expired', sinceMs: 5_000 });
    assert.equal(expiryState(NOW, NOW).kind, 'expired');
  });
});

describe('tokenExpiresAtMs', () => {
  it('prefers the exp claim, else counts expires_in from receipt', () => {
    assert.equal(tokenExpiresAtMs({ exp: 1795742405 }, '2026-11-27T01:05:05.459Z', 60), 1795742405000);
    assert.equal(tokenExpiresAtMs(undefined, '2026-11-27T01:05:05.000Z', 900), NOW + 900_000);
    assert.equal(tokenExpiresAtMs({}, '2026-11-27T01:05:05.000Z', undefined), undefined);
    assert.equal(tokenExpiresAtMs(undefined, 'not a date', 900), undefined);
  });
});
