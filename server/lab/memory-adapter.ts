/**
 * The lab's storage for oidc-provider (sessions, grants, codes, tokens, registered clients): in
 * memory, one store per lab, gone when the lab stops. That is what a demo wants, and having
 * our own keeps oidc-provider from warning, on every start, that its development-only adapter
 * is in use. Bounded: a lab that runs for days keeps at most MAX_ENTRIES records.
 *
 * The contract (oidc-provider's `Adapter`): records are found by id, sessions also by `uid` and
 * device flows by `userCode`; `consume` marks a code or token as used; `revokeByGrantId` removes
 * every token issued under a grant (what a code redeemed twice triggers, RFC 9700 §4.5).
 */
import type { Adapter, AdapterFactory, AdapterPayload } from 'oidc-provider';

const MAX_ENTRIES = 10_000;

interface StoredRecord {
  payload: AdapterPayload;
  /** Epoch milliseconds; undefined: kept until destroyed. */
  expiresAt: number | undefined;
}

/** Models whose records belong to a grant and go when it is revoked. */
const GRANT_MEMBERS: ReadonlySet<string> = new Set(['AccessToken', 'AuthorizationCode', 'RefreshToken', 'DeviceCode', 'BackchannelAuthenticationRequest']);

export function createLabAdapter(now: () => number = Date.now): AdapterFactory {
  const records = new Map<string, StoredRecord>();
  /** Secondary keys (`uid:…`, `userCode:…`) to record keys. */
  const lookups = new Map<string, string>();
  /** Grant id to the keys of the records issued under it. */
  const grants = new Map<string, Set<string>>();

  const live = (key: string | undefined): AdapterPayload | undefined => {
    if (key === undefined) return undefined;
    const record = records.get(key);
    if (record === undefined) return undefined;
    if (record.expiresAt !== undefined && record.expiresAt <= now()) {
      remove(key);
      return undefined;
    }
    return record.payload;
  };

  function remove(key: string): void {
    const record = records.get(key);
    if (record === undefined) return;
    records.delete(key);
    const { uid, userCode, grantId } = record.payload;
    if (uid !== undefined && lookups.get(`uid:${uid}`) === key) lookups.delete(`uid:${uid}`);
    if (userCode !== undefined && lookups.get(`userCode:${userCode}`) === key) lookups.delete(`userCode:${userCode}`);
    if (grantId !== undefined) {
      const members = grants.get(grantId);
      members?.delete(key);
      if (members?.size === 0) grants.delete(grantId);
    }
  }

  function makeRoom(): void {
    if (records.size < MAX_ENTRIES) return;
    const time = now();
    for (const [key, record] of records) if (record.expiresAt !== undefined && record.expiresAt <= time) remove(key);
    // Still full: the oldest records go first (a Map iterates in insertion order).
    for (const key of records.keys()) {
      if (records.size < MAX_ENTRIES) break;
      remove(key);
    }
  }

  return (model: string): Adapter => {
    const keyOf = (id: string) => `${model}:${id}`;
    return {
      async upsert(id, payload, expiresIn) {
        const key = keyOf(id);
        remove(key);
        makeRoom();
        records.set(key, { payload, expiresAt: typeof expiresIn === 'number' ? now() + expiresIn * 1000 : undefined });
        if (model === 'Session' && payload.uid !== undefined) lookups.set(`uid:${payload.uid}`, key);
        if (payload.userCode !== undefined) lookups.set(`userCode:${payload.userCode}`, key);
        if (GRANT_MEMBERS.has(model) && payload.grantId !== undefined) {
          const members = grants.get(payload.grantId) ?? new Set<string>();
          members.add(key);
          grants.set(payload.grantId, members);
        }
      },
      async find(id) {
        return live(keyOf(id));
      },
      async findByUid(uid) {
        return live(lookups.get(`uid:${uid}`));
      },
      async findByUserCode(userCode) {
        return live(lookups.get(`userCode:${userCode}`));
      },
      async consume(id) {
        const payload = live(keyOf(id));
        if (payload !== undefined) payload.consumed = Math.floor(now() / 1000);
      },
      async destroy(id) {
        remove(keyOf(id));
      },
      async revokeByGrantId(grantId) {
        for (const key of [...(grants.get(grantId) ?? [])]) remove(key);
        grants.delete(grantId);
      },
    };
  };
}
