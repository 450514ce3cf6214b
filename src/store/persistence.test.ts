import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { defaultFlowOptions } from '../engine/options.js';
import { createSession } from '../engine/session.js';
import { STORAGE_KEYS } from './browser-storage.js';
import { emptyConnectForm } from './connect-form.js';
import { useDebugger } from './index.js';
import { hydrateFromStorage, persistToStorage } from './persistence.js';

/** A Web Storage over a Map; `quota` makes larger writes fail the way browsers do. */
class MemoryStorage implements Storage {
  private readonly items = new Map<string, string>();
  constructor(private readonly quota = Infinity) {}
  get length() {
    return this.items.size;
  }
  clear() {
    this.items.clear();
  }
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  key(index: number) {
    return [...this.items.keys()][index] ?? null;
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
  setItem(key: string, value: string) {
    if (value.length > this.quota) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    this.items.set(key, value);
  }
  dump(): string {
    return [...this.items.values()].join('\n');
  }
}

const globals = globalThis as { localStorage?: Storage; sessionStorage?: Storage };
let local: MemoryStorage;
let session: MemoryStorage;
let stop: (() => void) | undefined;

function install(sessionQuota = Infinity) {
  local = new MemoryStorage();
  session = new MemoryStorage(sessionQuota);
  globals.localStorage = local;
  globals.sessionStorage = session;
}

beforeEach(() => {
  useDebugger.setState(useDebugger.getInitialState(), true);
  install();
});
afterEach(() => {
  stop?.();
  stop = undefined;
  delete globals.localStorage;
  delete globals.sessionStorage;
});

const SECRET = 's3cret-value';
const TYPED = { ...emptyConnectForm(), serverUrl: 'https://mcp.example.com/mcp', registration: 'pre' as const, clientId: 'client-1', clientSecret: SECRET, extraHeaders: `X-Api-Key: ${SECRET}` };

describe('persistence', () => {
  it('keeps secrets out of localStorage and brings the form and the run back from sessionStorage', () => {
    stop = persistToStorage(useDebugger);
    useDebugger.getState().replaceForm(TYPED);
    useDebugger.getState().rememberServer(TYPED);
    useDebugger.getState().setTheme('dark');
    useDebugger.getState().setLanguage('zh-CN');
    const run = createSession(defaultFlowOptions(TYPED.serverUrl, { clientId: 'client-1', clientSecret: SECRET }));
    useDebugger.setState({ session: run, mode: 'step', selected: { stepId: 'probe' } });

    assert.equal(local.dump().includes(SECRET), false, 'no secret in localStorage');
    assert.match(local.getItem(STORAGE_KEYS.recent) ?? '', /client-1/);
    assert.match(session.getItem(STORAGE_KEYS.form) ?? '', new RegExp(SECRET));

    stop();
    stop = undefined;
    useDebugger.setState(useDebugger.getInitialState(), true);
    hydrateFromStorage(useDebugger, () => 'en');
    const state = useDebugger.getState();
    assert.deepEqual(state.form, TYPED);
    assert.equal(state.theme, 'dark');
    assert.equal(state.language, 'zh-CN');
    assert.equal(state.recent[0]?.serverUrl, TYPED.serverUrl);
    assert.equal(state.session?.options.clientSecret, SECRET);
    assert.equal(state.mode, 'step');
    assert.deepEqual(state.selected, { stepId: 'probe' });
    assert.equal(state.connectExpanded, false);
  });

  it('remembers the presenter view in localStorage, like the theme, and ignores a stored value that is not a boolean', () => {
    stop = persistToStorage(useDebugger);
    useDebugger.getState().setPresenter(true);
    assert.match(local.getItem(STORAGE_KEYS.settings) ?? '', /"presenter":true/);
    stop();
    stop = undefined;
    useDebugger.setState(useDebugger.getInitialState(), true);
    assert.equal(useDebugger.getState().presenter, false);
    hydrateFromStorage(useDebugger, () => 'en');
    assert.equal(useDebugger.getState().presenter, true);

    useDebugger.setState(useDebugger.getInitialState(), true);
    local.setItem(STORAGE_KEYS.settings, JSON.stringify({ theme: 'dark', presenter: 'yes' }));
    hydrateFromStorage(useDebugger, () => 'en');
    assert.equal(useDebugger.getState().presenter, false);
    assert.equal(useDebugger.getState().theme, 'dark');
  });

  it('forgets the stored run on reset', () => {
    stop = persistToStorage(useDebugger);
    useDebugger.setState({ session: createSession(defaultFlowOptions('https://mcp.example.com/mcp')) });
    assert.notEqual(session.getItem(STORAGE_KEYS.session), null);
    useDebugger.getState().reset();
    assert.equal(session.getItem(STORAGE_KEYS.session), null);
  });

  it('cuts long bodies when the whole session exceeds the quota', () => {
    install(60_000);
    stop = persistToStorage(useDebugger);
    const run = createSession(defaultFlowOptions('https://mcp.example.com/mcp'));
    const big = 'x'.repeat(100_000);
    const exchange = {
      id: 'ex-1',
      stepId: 'probe' as const,
      request: { method: 'GET', url: 'https://mcp.example.com/mcp', headers: [] },
      response: { status: 200, statusText: 'OK', headers: [], body: big, bodyTruncated: false, bodyBytes: big.length },
      timings: { startedAt: '2026-01-01T00:00:00.000Z', durationMs: 1 },
    };
    useDebugger.setState({ session: { ...run, results: [{ stepId: 'probe', exchanges: [exchange], findings: [], data: {}, outcome: { kind: 'ok' } }] } });
    const stored = session.getItem(STORAGE_KEYS.session);
    assert.ok(stored);
    assert.ok(stored.length < 60_000);
    assert.match(stored, /"bodyTruncated":true/);
  });

  it('starts from the defaults when storage is missing or holds something else', () => {
    delete globals.localStorage;
    delete globals.sessionStorage;
    hydrateFromStorage(useDebugger, () => 'zh-CN');
    assert.equal(useDebugger.getState().language, 'zh-CN');
    install();
    local.setItem(STORAGE_KEYS.settings, '{not json');
    session.setItem(STORAGE_KEYS.session, JSON.stringify({ session: { format: 'other' } }));
    hydrateFromStorage(useDebugger, () => 'en');
    assert.equal(useDebugger.getState().session, undefined);
    assert.equal(useDebugger.getState().theme, 'system');
  });
});

describe('persistence of data that cannot be written as JSON', () => {
  it('a run nested too deep or with a cycle is not saved, and the store goes on', () => {
    stop = persistToStorage(useDebugger);
    const base = createSession(defaultFlowOptions('https://mcp.example.com/mcp'));
    let deep: Record<string, unknown> = { leaf: 1 };
    for (let i = 0; i < 20_000; i++) deep = { a: deep };
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    for (const document of [deep, cyclic]) {
      const run = { ...base, data: { protectedResource: { metadataUrl: 'x', resource: 'x', authorizationServers: [], document } } };
      assert.doesNotThrow(() => useDebugger.setState({ session: run }));
      assert.equal(useDebugger.getState().session, run, 'the run stays in memory');
    }
    useDebugger.getState().setField('serverUrl', 'https://still.example.com/mcp');
    assert.match(session.getItem(STORAGE_KEYS.form) ?? '', /still\.example\.com/, 'later writes still happen');
  });
});

describe('persistence of recent servers', () => {
  it('keeps no key of the server URL in localStorage; the form (sessionStorage) keeps the URL as typed', () => {
    stop = persistToStorage(useDebugger);
    const typed = { ...emptyConnectForm(), serverUrl: 'https://mcp.example.com/mcp?api_key=k-s3cret&tenant=acme' };
    useDebugger.getState().replaceForm(typed);
    useDebugger.getState().rememberServer(typed);
    assert.ok(!local.dump().includes('k-s3cret'), local.dump());
    assert.match(local.getItem(STORAGE_KEYS.recent) ?? '', /tenant=acme/);
    assert.match(session.getItem(STORAGE_KEYS.form) ?? '', /k-s3cret/);
  });
});
