/**
 * Servers the person ran against, newest first, remembered in localStorage. Only what names
 * the target is kept (URL, spec version, registration mode, client id); never a secret, a
 * header or a token.
 */
import type { StateCreator } from 'zustand';
import type { RegistrationMode } from '../engine/options.js';
import { SPEC_VERSIONS, type SpecVersion } from '../engine/types.js';
import { REGISTRATION_MODES, type ConnectForm } from './connect-form.js';
import type { DebuggerState } from './index.js';

const MAX_RECENT_SERVERS = 8;

export interface RecentServer {
  serverUrl: string;
  spec: SpecVersion;
  registration: RegistrationMode;
  clientId?: string;
}

export interface RecentSlice {
  recent: RecentServer[];
  rememberServer(form: Pick<ConnectForm, 'serverUrl' | 'spec' | 'registration' | 'clientId'>): void;
  forgetServer(serverUrl: string): void;
}

/** The list with `server` first, without an older entry for the same URL, at most MAX_RECENT_SERVERS long. */
function withRecentServer(list: readonly RecentServer[], server: RecentServer): RecentServer[] {
  return [server, ...list.filter((s) => s.serverUrl !== server.serverUrl)].slice(0, MAX_RECENT_SERVERS);
}

/** Reads a stored list back, keeping only well-formed entries (and only their allowed fields). */
export function recentServersFrom(value: unknown): RecentServer[] {
  if (!Array.isArray(value)) return [];
  const servers: RecentServer[] = [];
  for (const item of value as unknown[]) {
    if (typeof item !== 'object' || item === null) continue;
    const { serverUrl, spec, registration, clientId } = item as Record<string, unknown>;
    const knownSpec = SPEC_VERSIONS.find((v) => v === spec);
    const knownMode = REGISTRATION_MODES.find((m) => m === registration);
    if (typeof serverUrl !== 'string' || serverUrl === '' || !knownSpec || !knownMode) continue;
    servers.push({ serverUrl, spec: knownSpec, registration: knownMode, ...(typeof clientId === 'string' && clientId !== '' ? { clientId } : {}) });
  }
  return servers.slice(0, MAX_RECENT_SERVERS);
}

export const createRecentSlice: StateCreator<DebuggerState, [], [], RecentSlice> = (set, get) => ({
  recent: [],
  rememberServer(form) {
    const clientId = form.clientId.trim();
    const server: RecentServer = {
      serverUrl: form.serverUrl.trim(),
      spec: form.spec,
      registration: form.registration,
      ...(clientId !== '' ? { clientId } : {}),
    };
    if (server.serverUrl === '') return;
    set({ recent: withRecentServer(get().recent, server) });
  },
  forgetServer: (serverUrl) => set({ recent: get().recent.filter((s) => s.serverUrl !== serverUrl) }),
});
