/**
 * Legacy (2025-11-25) sessions for fault `audit.session-without-token`: the lab's MCP server is
 * stateless in both eras, but a server that keeps sessions is where the session id can be
 * mistaken for a credential. With the fault on, initialize opens a session (an SDK transport with
 * a session id generator, one McpServer each) and later requests with its Mcp-Session-Id continue
 * it; the fault's own part is in mcp-server.ts, which lets such a request through without a token.
 */
import { randomUUID } from 'node:crypto';
import { WebStandardStreamableHTTPServerTransport, type HandleRequestOptions, type McpServer } from '@modelcontextprotocol/server';

/** Sessions kept at most; the oldest goes first, so a client that never ends its sessions cannot fill the lab's memory. */
const SESSION_CAPACITY = 100;

export interface LegacySessions {
  /** True for the id of a session open now. */
  has(sessionId: string | undefined): boolean;
  /** Answers initialize with a new session, or a request of an open one. */
  fetch(request: Request, options: HandleRequestOptions): Promise<Response>;
}

export function createLegacySessions(factory: () => McpServer, onError: (error: Error) => void): LegacySessions {
  const sessions = new Map<string, WebStandardStreamableHTTPServerTransport>();

  async function open(): Promise<WebStandardStreamableHTTPServerTransport> {
    const transport: WebStandardStreamableHTTPServerTransport = new WebStandardStreamableHTTPServerTransport({
      sessionIdGenerator: () => randomUUID(),
      enableJsonResponse: true,
      onsessioninitialized: (id) => {
        sessions.set(id, transport);
        for (const [oldest, old] of sessions) {
          if (sessions.size <= SESSION_CAPACITY) break;
          sessions.delete(oldest);
          old.close().catch((error: unknown) => onError(error instanceof Error ? error : new Error(String(error))));
        }
      },
      onsessionclosed: (id) => {
        sessions.delete(id);
      },
    });
    await factory().connect(transport);
    return transport;
  }

  return {
    has: (sessionId) => sessionId !== undefined && sessions.has(sessionId),
    async fetch(request, options) {
      const sessionId = request.headers.get('mcp-session-id') ?? undefined;
      const transport = (sessionId !== undefined ? sessions.get(sessionId) : undefined) ?? (await open());
      return transport.handleRequest(request, options);
    },
  };
}
