/**
 * What survives a reload and the authorization round trip. Preferences and recent servers go
 * to localStorage; the form and the session (which can hold a client secret, a PKCE verifier
 * and tokens) to sessionStorage only. Called from main(), never at import time.
 */
import type { Session } from '../engine/session.js';
import { STEP_IDS, type Exchange } from '../engine/types.js';
import { readStored, removeStored, STORAGE_KEYS, writeStored } from './browser-storage.js';
import { redactUrl } from '../engine/redact.js';
import { connectFormFrom } from './connect-form.js';
import type { DebuggerState, DebuggerStore } from './index.js';
import { FLOW_TABS, type FlowMode, type FlowTab, type StepSelection } from './flow-slice.js';
import { recentServersFrom } from './recent-slice.js';
import { settingsFrom } from './settings-slice.js';

interface StoredRun {
  session: Session;
  mode: FlowMode;
  selected?: StepSelection;
  tab?: FlowTab;
}

const MODES: readonly FlowMode[] = ['step', 'run'];

/** A session read back from sessionStorage: this page wrote it, so a shape check is enough. */
function storedRunFrom(value: unknown): StoredRun | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const record = value as Record<string, unknown>;
  const session = record.session;
  if (typeof session !== 'object' || session === null) return undefined;
  const s = session as Record<string, unknown>;
  if (s.format !== 'mcp-auth-debugger/session@1' || !Array.isArray(s.results) || typeof s.options !== 'object' || typeof s.status !== 'object') return undefined;
  const mode = MODES.find((m) => m === record.mode) ?? 'run';
  const run: StoredRun = { session: session as Session, mode };
  const tab = FLOW_TABS.find((t) => t === record.tab);
  if (tab) run.tab = tab;
  const selected = record.selected;
  if (typeof selected === 'object' && selected !== null) {
    const { stepId, resultIndex } = selected as Record<string, unknown>;
    const knownStep = STEP_IDS.find((id) => id === stepId);
    if (knownStep) run.selected = { stepId: knownStep, ...(typeof resultIndex === 'number' ? { resultIndex } : {}) };
  }
  return run;
}

/** Puts what storage holds into the store. */
export function hydrateFromStorage(store: DebuggerStore, browserLanguage: () => DebuggerState['language']): void {
  const settings = settingsFrom(readStored('local', STORAGE_KEYS.settings));
  const recent = recentServersFrom(readStored('local', STORAGE_KEYS.recent));
  const form = connectFormFrom(readStored('session', STORAGE_KEYS.form));
  const run = storedRunFrom(readStored('session', STORAGE_KEYS.session));
  store.setState({
    language: settings.language ?? browserLanguage(),
    ...(settings.theme ? { theme: settings.theme } : {}),
    ...(settings.presenter !== undefined ? { presenter: settings.presenter } : {}),
    recent,
    ...(form ? { form } : {}),
    ...(run
      ? {
          session: run.session,
          mode: run.mode,
          followLatest: run.selected === undefined,
          connectExpanded: false,
          ...(run.selected ? { selected: run.selected } : {}),
          ...(run.tab ? { tab: run.tab } : {}),
        }
      : {}),
  });
}

/** Bodies above this are cut when the whole session does not fit into sessionStorage. */
const COMPACT_BODY_CHARS = 16 * 1024;

function compactExchange(exchange: Exchange): Exchange {
  const cut = (text: string) => (text.length > COMPACT_BODY_CHARS ? text.slice(0, COMPACT_BODY_CHARS) : text);
  const request = exchange.request.body === undefined ? exchange.request : { ...exchange.request, body: cut(exchange.request.body) };
  const response = exchange.response
    ? { ...exchange.response, body: cut(exchange.response.body), bodyTruncated: exchange.response.bodyTruncated || exchange.response.body.length > COMPACT_BODY_CHARS }
    : undefined;
  return { ...exchange, request, ...(response ? { response } : {}) };
}

/** The session with long bodies cut, for when the whole one exceeds the storage quota. */
function compactSession(session: Session): Session {
  return { ...session, results: session.results.map((r) => ({ ...r, exchanges: r.exchanges.map(compactExchange) })) };
}

function saveRun(state: DebuggerState): void {
  // While a recording is shown, the live run parked behind it is what a reload brings back.
  if (state.recording) {
    const parked = state.parkedRun;
    if (parked) saveRun({ ...state, recording: undefined, session: parked.session, mode: parked.mode, tab: parked.tab, selected: parked.selected });
    return;
  }
  if (!state.session) {
    removeStored('session', STORAGE_KEYS.session);
    return;
  }
  const run: StoredRun = { session: state.session, mode: state.mode, tab: state.tab, ...(state.selected ? { selected: state.selected } : {}) };
  if (!writeStored('session', STORAGE_KEYS.session, run)) writeStored('session', STORAGE_KEYS.session, { ...run, session: compactSession(state.session) });
}

/** Writes each part when it changes; returns the unsubscribe function. */
export function persistToStorage(store: DebuggerStore): () => void {
  return store.subscribe((state, previous) => {
    if (state.language !== previous.language || state.theme !== previous.theme || state.presenter !== previous.presenter) {
      writeStored('local', STORAGE_KEYS.settings, { language: state.language, theme: state.theme, presenter: state.presenter });
    }
    if (state.recent !== previous.recent) {
      // localStorage outlives the tab: a key in the URL (?api_key=, user:password@) is not kept there.
      writeStored('local', STORAGE_KEYS.recent, state.recent.map(({ serverUrl, spec, registration, clientId }) => ({ serverUrl: redactUrl(serverUrl), spec, registration, ...(clientId ? { clientId } : {}) })));
    }
    if (state.form !== previous.form) writeStored('session', STORAGE_KEYS.form, state.form);
    if (state.session !== previous.session || state.selected !== previous.selected || state.tab !== previous.tab || state.mode !== previous.mode || state.parkedRun !== previous.parkedRun) saveRun(state);
  });
}
