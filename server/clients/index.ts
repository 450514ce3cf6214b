/**
 * The real MCP SDK clients beside a finished run: what `check --clients` and
 * `runCheck({ clients: true })` do after the flow. The clients get the run's target and what the
 * person gave it (client id and secret, scope, redirect URI, the private-hops permission).
 */
import { compareClientsWithDebugger } from '../../src/engine/clients.js';
import type { Session } from '../../src/engine/session.js';
import { clientsRequestFor } from '../../src/wire/clients-constants.js';
import { runSdkClients } from './run-sdk-clients.js';

export { runSdkClients } from './run-sdk-clients.js';


/** Runs both SDK clients against the session's server and returns the session with their results and comparison. */
export async function withClientResults(session: Session, timeoutMs?: number): Promise<Session> {
  const results = await runSdkClients(clientsRequestFor(session, timeoutMs));
  return { ...session, clients: compareClientsWithDebugger(session, results) };
}
