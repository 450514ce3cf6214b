/**
 * What the page and the relay say to each other about the real MCP SDK clients: the page asks
 * the relay to run them against the target (`POST /api/clients`, guarded like a relay call:
 * Host, Origin, per-process secret), and gets one result per client. `check --clients` and
 * `runCheck({ clients: true })` produce the same results in Node.
 */
import { z } from 'zod';

import { CLIENT_STAGES, SDK_CLIENT_IDS } from './clients-constants.js';

export { CLIENT_STAGES, CLIENTS_PATH, SDK_CLIENT_IDS, type ClientStage, type SdkClientId } from './clients-constants.js';

/** The longest a client may take, all stages together (the relay and the CLI cap it). */
export const MAX_CLIENT_TIME_MS = 120_000;
export const DEFAULT_CLIENT_TIME_MS = 30_000;

export const clientsRequestSchema = z
  .object({
    serverUrl: z.string().min(1).max(4096),
    clientId: z.string().min(1).max(1000).optional(),
    clientSecret: z.string().min(1).max(1000).optional(),
    scope: z.string().min(1).max(1000).optional(),
    redirectUri: z.string().min(1).max(4096).optional(),
    /** Per client, all stages together. */
    timeoutMs: z.number().int().min(1000).max(MAX_CLIENT_TIME_MS).optional(),
    allowPrivateHops: z.boolean().optional(),
  })
  .strict();
export type ClientsRequest = z.infer<typeof clientsRequestSchema>;

export const sdkClientResultSchema = z.object({
  client: z.enum(SDK_CLIENT_IDS),
  /** The npm package and its version, e.g. `@modelcontextprotocol/sdk` `1.32.2`. */
  package: z.string().max(200),
  version: z.string().max(100),
  connected: z.boolean(),
  /** The stage it stopped in; absent when it connected and listed the tools. */
  stoppedAt: z.enum(CLIENT_STAGES).optional(),
  /**
   * Where the headless run itself could go no further: the authorization server showed a sign-in
   * page, which needs a person. A limit of the debugger, not a fault of the server.
   */
  limit: z.literal('sign-in-page').optional(),
  /** What the client raised, sanitised: no tokens, codes or secrets, no control characters, bounded. */
  error: z.string().max(2000).optional(),
  /** The protocol revision it connected with. */
  protocolVersion: z.string().max(100).optional(),
  tools: z.number().int().min(0).optional(),
  durationMs: z.number().min(0),
});
export type SdkClientResult = z.infer<typeof sdkClientResultSchema>;

export const clientsAnswerSchema = z.object({ results: z.array(sdkClientResultSchema).max(SDK_CLIENT_IDS.length) });
export type ClientsAnswer = z.infer<typeof clientsAnswerSchema>;

/** What the relay drives; `start` passes one that runs the SDK clients (server/clients). */
export type ClientsRunner = (request: ClientsRequest) => Promise<SdkClientResult[]>;
