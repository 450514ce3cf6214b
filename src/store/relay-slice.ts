/**
 * The relay this page talks through: how to reach it (the runtime the store drives the engine
 * with), whether it answers, and what it says about the default target (the demo lab).
 */
import type { StateCreator } from 'zustand';
import type { EngineDeps } from '../engine/session.js';
import type { ExchangeError } from '../engine/types.js';
import { messageText, type EngineTextSource } from '../ui-logic/engine-text.js';
import { jsonRefusalText, parseJsonSafely } from '../wire/json.js';
import { RELAY_CONFIG_PATH, type RelayConfig } from '../wire/relay.js';
import type { Transport } from '../engine/transport.js';
import type { DebuggerState } from './index.js';

export type { RelayConfig };

/**
 * `unknown` before the first check; `no-secret` when the page was not served by the relay (it
 * carries no relay secret); `unreachable` when the relay does not answer; `rejected` when it
 * refused a call (after a restart the page holds an old secret: reloading fetches the new one).
 */
export type RelayHealth = 'unknown' | 'checking' | 'ok' | 'no-secret' | 'unreachable' | 'rejected';

export interface DebuggerRuntime {
  /** The page's origin: the relay's, and the base of the redirect URI. */
  origin: string;
  /** Undefined when the page has no relay secret. */
  transport?: Transport;
  /** The relay's per-process secret, for its guarded JSON endpoints (the lab's fault switches). */
  relaySecret?: string;
  /** For the relay's own small JSON endpoints. */
  fetchImpl?: (input: string, init?: RequestInit) => Promise<Response>;
  /** Extra engine dependencies (tests inject a clock, a random source or a consent walker). */
  engine?: Omit<EngineDeps, 'transport'>;
}

/**
 * `no-answer`: the relay's config was not fetched at all; `status`: it answered an HTTP error;
 * `not-json`: its config is not JSON; `failed`: a relayed call failed. `reason` is our own words
 * (the relay's refusal, where the config stops being JSON), said in the page's language; `detail`
 * is the browser's words, shown as they are.
 */
export interface RelayProblem {
  kind: 'no-answer' | 'status' | 'not-json' | 'failed';
  params: Record<string, string | number>;
  detail?: string;
  reason?: EngineTextSource;
}

export interface RelaySlice {
  runtime: DebuggerRuntime;
  relayHealth: RelayHealth;
  /** What went wrong with the relay, for the banner to say (`app.relay.problem.<kind>`). */
  relayProblem?: RelayProblem;
  relayConfig?: RelayConfig;
  configureRuntime(runtime: DebuggerRuntime): void;
  /** Asks the relay for its config; this doubles as the health check behind the banner's Retry. */
  checkRelay(): Promise<void>;
  /** Called when an exchange came back `relay-rejected`. */
  noteRelayFailure(error: ExchangeError): void;
  /** The redirect URI this page receives the authorization response at. */
  redirectUri(): string;
}

function parseRelayConfig(value: unknown): RelayConfig {
  const config: RelayConfig = {};
  if (typeof value !== 'object' || value === null) return config;
  const record = value as Record<string, unknown>;
  if (typeof record.defaultServerUrl === 'string') config.defaultServerUrl = record.defaultServerUrl;
  const lab = record.lab;
  if (typeof lab === 'object' && lab !== null) {
    const { mcpUrl, demoUser } = lab as Record<string, unknown>;
    if (typeof mcpUrl === 'string' && typeof demoUser === 'object' && demoUser !== null) {
      const { username, password } = demoUser as Record<string, unknown>;
      if (typeof username === 'string' && typeof password === 'string') config.lab = { mcpUrl, demoUser: { username, password } };
    }
  }
  if (record.workshop === true) config.workshop = true;
  if (record.clients === true) config.clients = true;
  return config;
}

export const createRelaySlice: StateCreator<DebuggerState, [], [], RelaySlice> = (set, get) => ({
  runtime: { origin: 'http://127.0.0.1:4280' },
  relayHealth: 'unknown',
  configureRuntime: (runtime) => set({ runtime, ...(runtime.transport ? {} : { relayHealth: 'no-secret' as const }) }),
  async checkRelay() {
    const { runtime } = get();
    const fetchImpl = runtime.fetchImpl;
    if (!fetchImpl) return;
    set({ relayHealth: 'checking' });
    let response: Response;
    try {
      response = await fetchImpl(`${runtime.origin}${RELAY_CONFIG_PATH}`, { cache: 'no-store', credentials: 'omit' });
    } catch (error) {
      set({ relayHealth: 'unreachable', relayProblem: { kind: 'no-answer', params: { path: RELAY_CONFIG_PATH }, detail: error instanceof Error ? error.message : String(error) } });
      return;
    }
    if (!response.ok) {
      set({ relayHealth: 'unreachable', relayProblem: { kind: 'status', params: { path: RELAY_CONFIG_PATH, status: response.status } } });
      return;
    }
    let text: string;
    try {
      text = await response.text();
    } catch (error) {
      set({ relayHealth: 'unreachable', relayProblem: { kind: 'no-answer', params: { path: RELAY_CONFIG_PATH }, detail: error instanceof Error ? error.message : String(error) } });
      return;
    }
    const body = parseJsonSafely(text);
    if (!body.ok) {
      set({ relayHealth: 'unreachable', relayProblem: { kind: 'not-json', params: { path: RELAY_CONFIG_PATH }, reason: { english: body.message, ...jsonRefusalText(body) } } });
      return;
    }
    const relayConfig = parseRelayConfig(body.value);
    set({ relayHealth: runtime.transport ? 'ok' : 'no-secret', relayConfig, relayProblem: undefined });
    if (relayConfig.workshop) await get().loadWorkshop();
  },
  noteRelayFailure(error) {
    // The relay transport names it so when no HTTP answer came at all.
    const unreachable = error.messageId === 'transport-error.relay-unreachable';
    set({ relayHealth: unreachable ? 'unreachable' : 'rejected', relayProblem: { kind: 'failed', params: {}, reason: messageText(error) } });
  },
  redirectUri: () => `${get().runtime.origin}/callback`,
});
