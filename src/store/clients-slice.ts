/**
 * The real MCP SDK clients beside a run (the connect form's "Real SDK clients"): once a run has
 * completed or stopped, the relay runs them against the same server (`POST /api/clients`), and
 * their results, compared with the run, go into the session (`session.clients`), so the
 * scorecard, the table and a saved session all have them.
 */
import type { StateCreator } from 'zustand';
import { RELAY_SECRET_HEADER } from '../wire/relay.js';
import type { Session } from '../engine/session.js';
import { CLIENTS_PATH, clientsRequestFor } from '../wire/clients-constants.js';
import type { DebuggerState } from './index.js';

export type ClientsRunState = { kind: 'idle' } | { kind: 'running' } | { kind: 'failed'; message: string };

export interface ClientsSlice {
  clientsRun: ClientsRunState;
  /** Runs the real SDK clients for the session shown, when the switch is on and they have not run for it. */
  runRealClients(): Promise<void>;
}

/** The run is over: it completed or stopped, so the clients can go. */
export function runFinished(session: Session | undefined): session is Session {
  return session !== undefined && session.results.length > 0 && (session.status.kind === 'completed' || session.status.kind === 'stopped');
}

export const createClientsSlice: StateCreator<DebuggerState, [], [], ClientsSlice> = (set, get) => ({
  clientsRun: { kind: 'idle' },
  async runRealClients() {
    const { runtime, session, form, recording, runGeneration, clientsRun } = get();
    if (!form.clients || recording || clientsRun.kind === 'running' || !runFinished(session) || session.clients) return;
    if (!runtime.fetchImpl || runtime.relaySecret === undefined) return;
    set({ clientsRun: { kind: 'running' } });
    try {
      const response = await runtime.fetchImpl(`${runtime.origin}${CLIENTS_PATH}`, {
        method: 'POST',
        cache: 'no-store',
        credentials: 'omit',
        headers: { [RELAY_SECRET_HEADER]: runtime.relaySecret, 'content-type': 'application/json' },
        body: JSON.stringify(clientsRequestFor(session)),
      });
      const answer: unknown = await response.json();
      // The schemas (zod) and the comparison (the findings catalogue) load with the first answer.
      const [{ clientsAnswerSchema }, { compareClientsWithDebugger }] = await Promise.all([import('../wire/clients.js'), import('../engine/clients.js')]);
      const parsed = clientsAnswerSchema.safeParse(answer);
      if (!response.ok || !parsed.success) {
        set({ clientsRun: { kind: 'failed', message: refusalMessage(answer) ?? `POST ${CLIENTS_PATH} answered ${response.status}.` } });
        return;
      }
      // A run started since then (or a reset) keeps its own session.
      if (get().runGeneration !== runGeneration || get().session !== session) {
        set({ clientsRun: { kind: 'idle' } });
        return;
      }
      set({ session: { ...session, clients: compareClientsWithDebugger(session, parsed.data.results) }, clientsRun: { kind: 'idle' } });
    } catch (error) {
      set({ clientsRun: { kind: 'failed', message: error instanceof Error ? error.message : String(error) } });
    }
  },
});

function refusalMessage(answer: unknown): string | undefined {
  if (typeof answer !== 'object' || answer === null) return undefined;
  const error = (answer as Record<string, unknown>).error;
  if (typeof error !== 'object' || error === null) return undefined;
  const message = (error as Record<string, unknown>).message;
  return typeof message === 'string' ? message : undefined;
}
