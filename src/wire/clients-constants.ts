/**
 * The names the real-clients route shares with the page's first chunk and the session file:
 * kept apart from src/wire/clients.ts, whose schemas bring zod along.
 */
import type { Session } from '../engine/session.js';
import type { ClientsRequest } from './clients.js';
export const CLIENTS_PATH = '/api/clients';

/** The two clients: the MCP TypeScript SDK v1 (`@modelcontextprotocol/sdk`) and v2 (`@modelcontextprotocol/client`). */
export const SDK_CLIENT_IDS = ['sdk-v1', 'sdk-v2'] as const;
export type SdkClientId = (typeof SDK_CLIENT_IDS)[number];

/** Where a client can stop, in the order it gets there. */
export const CLIENT_STAGES = [
  'protected-resource-metadata',
  'authorization-server-metadata',
  'client-registration',
  'authorization',
  'token',
  'connect',
  'list-tools',
] as const;
export type ClientStage = (typeof CLIENT_STAGES)[number];

/** The request for the clients that matches the session's settings (the page and `check --clients` alike). */
export function clientsRequestFor(session: Pick<Session, 'options'>, timeoutMs?: number): ClientsRequest {
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
