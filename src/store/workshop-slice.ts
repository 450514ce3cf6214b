/**
 * The trainer's view of the embedded lab (workshop mode): which faults are on, switching them,
 * and the hidden-fault exercise. The relay keeps the state (src/wire/workshop.ts); this slice
 * holds the relay's last answer and never learns an exercise's fault before the reveal.
 *
 * The rule for a run in progress: switching is refused from a run's first step until it has
 * completed or stopped (or was reset), so a run sees one fault set from start to end, and a
 * switch applies to the next run.
 */
import type { StateCreator } from 'zustand';
import type { Session } from '../engine/session.js';
import { RELAY_SECRET_HEADER } from '../wire/relay.js';
import { LAB_EXERCISE_PATH, LAB_EXERCISE_REVEAL_PATH, LAB_FAULTS_PATH } from '../wire/workshop-paths.js';
import type { WorkshopState } from '../wire/workshop.js';
import type { DebuggerState } from './index.js';

export interface WorkshopSlice {
  /** The relay's last answer; undefined until loaded, or without the lab. */
  workshop?: WorkshopState;
  /** Why the last workshop call failed: its kind for the page to say, the relay's English words as a detail. */
  workshopError?: WorkshopError;
  workshopBusy: boolean;
  loadWorkshop(): Promise<void>;
  switchFault(id: string, on: boolean): Promise<void>;
  startExercise(): Promise<void>;
  revealExercise(): Promise<void>;
  endExercise(): Promise<void>;
}

/** A run has begun and has neither completed nor stopped: the lab must not change under it. */
export function runInProgress(state: { running: boolean; session?: Session | undefined }): boolean {
  if (state.running) return true;
  const session = state.session;
  if (!session || session.results.length === 0) return false;
  return session.status.kind === 'waiting' || (session.status.kind === 'ready' && session.next !== undefined);
}

export const createWorkshopSlice: StateCreator<DebuggerState, [], [], WorkshopSlice> = (set, get) => {
  async function call(method: string, path: string, body?: unknown): Promise<void> {
    const { runtime } = get();
    if (!runtime.fetchImpl || runtime.relaySecret === undefined) return;
    set({ workshopBusy: true });
    try {
      const response = await runtime.fetchImpl(`${runtime.origin}${path}`, {
        method,
        cache: 'no-store',
        credentials: 'omit',
        headers: { [RELAY_SECRET_HEADER]: runtime.relaySecret, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      const answer: unknown = await response.json();
      if (!response.ok) {
        set({ workshopError: workshopRefusal(answer, method, path, response.status) });
        return;
      }
      // The schema (and zod with it) loads with the first workshop answer, not with the page.
      const { workshopStateSchema } = await import('../wire/workshop.js');
      const parsed = workshopStateSchema.safeParse(answer);
      if (!parsed.success) {
        set({ workshopError: { kind: 'not-state', params: { method, path } } });
        return;
      }
      set({ workshop: parsed.data, workshopError: undefined });
    } catch (error) {
      set({ workshopError: { kind: 'unreachable', params: {}, detail: error instanceof Error ? error.message : String(error) } });
    } finally {
      set({ workshopBusy: false });
    }
  }

  const locked = (): boolean => {
    if (!runInProgress(get())) return false;
    set({ workshopError: { kind: 'locked', params: {} } });
    return true;
  };

  return {
    workshopBusy: false,
    loadWorkshop: () => call('GET', LAB_FAULTS_PATH),
    async switchFault(id, on) {
      const workshop = get().workshop;
      if (workshop?.mode !== 'switches' || locked()) return;
      const active = workshop.faults.filter((fault) => (fault.id === id ? on : fault.active)).map((fault) => fault.id);
      if (on && !active.includes(id)) active.push(id);
      await call('PUT', LAB_FAULTS_PATH, { faults: active });
    },
    async startExercise() {
      if (locked()) return;
      await call('POST', LAB_EXERCISE_PATH, { includeAudit: get().form.audit, includeCors: get().form.cors });
    },
    revealExercise: () => call('POST', LAB_EXERCISE_REVEAL_PATH),
    async endExercise() {
      if (locked()) return;
      await call('DELETE', LAB_EXERCISE_PATH);
    },
  };
};

/**
 * Why a workshop call failed: `unknown-fault`, `conflict`, `bad-request` and `relay-rejected` are
 * the relay's refusals by kind; `refused` an answer without one, `not-state` an answer that is not
 * a workshop state, `unreachable` no answer, `locked` a run in progress (the page's own refusal).
 */
export const WORKSHOP_ERROR_KINDS = ['locked', 'unknown-fault', 'conflict', 'bad-request', 'relay-rejected', 'refused', 'not-state', 'unreachable'] as const;
export type WorkshopErrorKind = (typeof WORKSHOP_ERROR_KINDS)[number];
export interface WorkshopError {
  kind: WorkshopErrorKind;
  /** The values of its message (`workshop.error.<kind>`). */
  params: Record<string, string | number>;
  /** The relay's or the browser's own words (English), shown as a detail. */
  detail?: string;
}

/** The refusal in a relay's error answer (`{ error }` or `{ relay: { error } }`), by its kind. */
export function workshopRefusal(answer: unknown, method: string, path: string, status: number): WorkshopError {
  const refused: WorkshopError = { kind: 'refused', params: { method, path, status } };
  if (typeof answer !== 'object' || answer === null) return refused;
  const record = answer as Record<string, unknown>;
  const error = record.error ?? (typeof record.relay === 'object' && record.relay !== null ? (record.relay as Record<string, unknown>).error : undefined);
  if (typeof error !== 'object' || error === null) return refused;
  const { kind, message } = error as Record<string, unknown>;
  const detail = typeof message === 'string' ? message.slice(0, 500) : undefined;
  const known = WORKSHOP_ERROR_KINDS.find((k) => k === kind && k !== 'locked' && k !== 'refused' && k !== 'not-state' && k !== 'unreachable');
  return { ...(known ? { kind: known, params: {} } : refused), ...(detail ? { detail } : {}) };
}
