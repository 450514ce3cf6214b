/**
 * Guarded access to Web Storage. The store runs in Node for its tests and in browsers where
 * storage can be missing or refuse writes (private windows, a full quota); neither may break
 * the debugger, which then simply forgets on reload.
 *
 * Where what goes: preferences and recent servers (never secrets) in localStorage; the connect
 * form and the session, which may hold a client secret and tokens, in sessionStorage only, so
 * they live as long as the tab and never reach the disk of another session.
 */
import { parseJsonSafely } from '../wire/json.js';

export type StorageArea = 'local' | 'session';

export const STORAGE_KEYS = {
  settings: 'mcp-auth-debugger:settings',
  recent: 'mcp-auth-debugger:recent',
  form: 'mcp-auth-debugger:form',
  session: 'mcp-auth-debugger:session',
  roundTrip: 'mcp-auth-debugger:round-trip',
} as const;

function area(which: StorageArea): Storage | undefined {
  // Reading the property itself throws where storage is disabled (a SecurityError).
  try {
    if (which === 'local') return typeof localStorage === 'undefined' ? undefined : localStorage;
    return typeof sessionStorage === 'undefined' ? undefined : sessionStorage;
  } catch (error) {
    if (error instanceof DOMException) return undefined;
    throw error;
  }
}

/** The parsed JSON under `key`, or undefined when absent, unreadable or not JSON. */
export function readStored(which: StorageArea, key: string): unknown {
  const storage = area(which);
  if (!storage) return undefined;
  const text = storage.getItem(key);
  if (text === null) return undefined;
  // A value another version wrote in another shape is as good as none.
  const parsed = parseJsonSafely(text);
  return parsed.ok ? parsed.value : undefined;
}

/** Stores `value` as JSON; false when the storage is missing or refused it (quota). */
export function writeStored(which: StorageArea, key: string, value: unknown): boolean {
  const storage = area(which);
  if (!storage) return false;
  try {
    storage.setItem(key, JSON.stringify(value));
    return true;
  } catch (error) {
    // QuotaExceededError: the caller decides whether a smaller value is worth a try. A value
    // that cannot be written as JSON (too deep: RangeError; a cycle: TypeError) is not saved
    // either; the page goes on with what it holds in memory.
    if (error instanceof DOMException || error instanceof RangeError || error instanceof TypeError) return false;
    throw error;
  }
}

export function removeStored(which: StorageArea, key: string): void {
  area(which)?.removeItem(key);
}
