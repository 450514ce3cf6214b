/**
 * What the page and the relay (server/relay) both speak: the relay's paths, the secret's header
 * and meta tag, its public configuration, the call the page posts and the envelope it answers.
 * The engine's relay transport (src/engine/relay-transport.ts) sends calls and reads envelopes;
 * the relay reads calls and writes envelopes; neither imports the other. Only types come from
 * the engine (erased at run time).
 */
import type { TransportResult } from '../engine/transport.js';
import type { HeaderList } from '../engine/types.js';

/** How long an upstream request may take and how much of its body is kept, unless a call asks for less. */
export const DEFAULT_TIMEOUT_MS = 10_000;
export const DEFAULT_MAX_BODY_BYTES = 2 * 1024 * 1024;

/** The relay's endpoint, on the same origin as the SPA it serves. */
export const RELAY_PATH = '/api/relay';
/** Request header carrying the per-process relay secret. */
export const RELAY_SECRET_HEADER = 'x-relay-secret';
/** `<meta name=… content=secret>` the relay puts into the `index.html` it serves. */
export const RELAY_SECRET_META_NAME = 'mcp-auth-debugger-relay-secret';

/** `GET` here answers `RelayConfig`: what the relay knows about the default target. No secrets. */
export const RELAY_CONFIG_PATH = '/api/config';

/** The relay's public configuration; the lab part is present when `start` runs the demo lab. */
export interface RelayConfig {
  /** The server the UI runs against when the person typed none. */
  defaultServerUrl?: string;
  lab?: { mcpUrl: string; demoUser: { username: string; password: string } };
  /** The lab's faults can be switched through `/api/lab/` (src/wire/workshop.ts). */
  workshop?: boolean;
  /** The real MCP SDK clients can be run through `POST /api/clients` (src/wire/clients.ts). */
  clients?: boolean;
}

/** What the browser posts to the relay: a `TransportRequest`, caps optional (the relay clamps them). */
export interface RelayCall {
  method: string;
  url: string;
  headers: HeaderList;
  body?: string;
  timeoutMs?: number;
  maxBodyBytes?: number;
  /** The private-address rule of the run (see TransportRequest.privateHops); the relay applies it. */
  privateHops?: { startHost: string };
}

/**
 * The relay's answer. `relay.ok: false` means the relay itself refused the call (secret,
 * Host/Origin, size, shape); `relay.ok: true` carries the upstream result unchanged, which
 * may itself be a typed upstream error (`timeout`, `refused`, `too-large`, ...).
 */
export type RelayEnvelope =
  | { relay: { ok: true }; result: TransportResult }
  | { relay: { ok: false; error: { kind: 'relay-rejected'; message: string; messageId?: string; messageParams?: Record<string, string> } } };
