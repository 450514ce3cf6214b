/** The protocol a run found the server speaking, as every report and the UI show it. */
import type { Session } from '../session.js';

/**
 * What the run learned about the MCP protocol the server speaks: the era and version actually
 * spoken (which may differ from the spec version the run is judged by), the server's identity,
 * and what server/discover said. Undefined when no MCP request got that far.
 */
export interface ProtocolSummary {
  era: 'modern' | 'legacy';
  version: string;
  /** The spec version the run was judged by. */
  judgedBy: string;
  server?: { name: string; version: string };
  /** server/discover's supportedVersions (modern era). */
  supportedVersions?: string[];
  capabilities?: Record<string, unknown>;
  instructions?: string;
  /** server/discover's caching hints. */
  cache?: { ttlMs?: number; cacheScope?: string };
}

export function protocolSummary(session: Session): ProtocolSummary | undefined {
  const mcp = session.data.mcp;
  const probe = session.data.probe;
  const era = mcp?.era ?? probe?.era;
  const version = mcp?.protocolVersion ?? probe?.protocolVersion;
  if (!era || !version) return undefined;
  const discover = mcp?.discover;
  return {
    era,
    version,
    judgedBy: session.options.spec,
    ...(mcp?.serverInfo ? { server: mcp.serverInfo } : {}),
    ...(discover ? { supportedVersions: discover.supportedVersions } : {}),
    ...(mcp?.capabilities ? { capabilities: mcp.capabilities } : {}),
    ...(mcp?.instructions !== undefined ? { instructions: mcp.instructions } : {}),
    ...(discover && (discover.ttlMs !== undefined || discover.cacheScope !== undefined)
      ? { cache: { ...(discover.ttlMs !== undefined ? { ttlMs: discover.ttlMs } : {}), ...(discover.cacheScope !== undefined ? { cacheScope: discover.cacheScope } : {}) } }
      : {}),
  };
}

