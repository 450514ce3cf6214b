/**
 * The real MCP SDK clients beside a finished run: what `check --clients` and
 * `runCheck({ clients: true })` do after the flow. The clients get the run's target and what the
 * person gave it (client id and secret, scope, redirect URI, the private-hops permission).
 */
import { compareClientsWithDebugger } from '../../src/engine/clients.js';
import type { Session } from '../../src/engine/session.js';
import type { ClientsRequest } from '../../src/wire/clients.js';
import { runSdkClients } from './run-sdk-clients.js';

export { runSdkClients } from './run-sdk-clients.js';

/** The request for the clients that matches the session's settings. */
export function clientsRequestFor(session: Session, timeoutMs?: number): ClientsRequest {
  const { options } = session;
  return {
    serverUrl: options.serverUrl,
    ...(options.clientId ? { clientId: options.clientId } : {}),
    ...(options.clientSecret ? { clientSecret: options.clientSecret } : {}),
    ...(options.scope ? { scope: options.scope } : {}),
    redirectUri: options.redirectUri,
    ...(options.allowPrivateHops ? { allowPrivateHops: true } : {}),
    ...(timeoutMs !== undefined ? { timeoutMs } : {}),
  };
}

/** Runs both SDK clients against the session's server and returns the session with their results and comparison. */
export async function withClientResults(session: Session, timeoutMs?: number): Promise<Session> {
  const results = await runSdkClients(clientsRequestFor(session, timeoutMs));
  return { ...session, clients: compareClientsWithDebugger(session, results) };
}
