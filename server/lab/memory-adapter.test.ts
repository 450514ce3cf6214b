import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createLabAdapter } from './memory-adapter.js';

describe("the lab's oidc-provider storage", () => {
  it('finds what was stored, by id, by session uid and by user code, until it expires', async () => {
    let now = 1_000_000;
    const adapter = createLabAdapter(() => now);
    const sessions = adapter('Session');
    await sessions.upsert('s1', { uid: 'u1', accountId: 'admin' }, 60);
    assert.equal((await sessions.find('s1'))?.accountId, 'admin');
    assert.equal((await sessions.findByUid('u1'))?.accountId, 'admin');
    // Another model's records live under their own ids.
    assert.equal(await adapter('AccessToken').find('s1'), undefined);

    const devices = adapter('DeviceCode');
    await devices.upsert('d1', { userCode: 'ABCD-EFGH' }, 600);
    assert.ok(await devices.findByUserCode('ABCD-EFGH'));

    now += 61_000;
    assert.equal(await sessions.find('s1'), undefined);
    assert.equal(await sessions.findByUid('u1'), undefined);
    assert.ok(await devices.find('d1'), 'a longer-lived record stays');
  });

  it('a record stored without a lifetime stays until destroyed', async () => {
    let now = 0;
    const clients = createLabAdapter(() => now)('Client');
    await clients.upsert('c1', { client_id: 'c1' });
    now += 365 * 24 * 3600 * 1000;
    assert.equal((await clients.find('c1'))?.client_id, 'c1');
    await clients.destroy('c1');
    assert.equal(await clients.find('c1'), undefined);
  });

  it('consume marks a code as used (seconds since the epoch)', async () => {
    const codes = createLabAdapter(() => 5_000_500)('AuthorizationCode');
    await codes.upsert('code1', { grantId: 'g1' }, 60);
    assert.equal((await codes.find('code1'))?.consumed, undefined);
    await codes.consume('code1');
    assert.equal((await codes.find('code1'))?.consumed, 5000);
  });

  it("revoking a grant removes every code and token issued under it, and nothing of another grant's", async () => {
    const adapter = createLabAdapter();
    await adapter('AuthorizationCode').upsert('code1', { grantId: 'g1' }, 60);
    await adapter('AccessToken').upsert('at1', { grantId: 'g1' }, 60);
    await adapter('RefreshToken').upsert('rt1', { grantId: 'g1' }, 600);
    await adapter('AccessToken').upsert('at2', { grantId: 'g2' }, 60);
    await adapter('AccessToken').revokeByGrantId('g1');
    assert.equal(await adapter('AuthorizationCode').find('code1'), undefined);
    assert.equal(await adapter('AccessToken').find('at1'), undefined);
    assert.equal(await adapter('RefreshToken').find('rt1'), undefined);
    assert.ok(await adapter('AccessToken').find('at2'));
  });

  it('two labs do not share records', async () => {
    const first = createLabAdapter()('Session');
    const second = createLabAdapter()('Session');
    await first.upsert('s1', { uid: 'u1' }, 60);
    assert.equal(await second.find('s1'), undefined);
  });

  it('holds at most 10,000 records: the oldest go first', async () => {
    const tokens = createLabAdapter()('AccessToken');
    for (let i = 0; i <= 10_000; i++) await tokens.upsert(`t${i}`, { grantId: `g${i}` }, 60);
    assert.equal(await tokens.find('t0'), undefined);
    assert.ok(await tokens.find('t1'));
    assert.ok(await tokens.find('t10000'));
  });
});
