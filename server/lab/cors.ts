/**
 * CORS for the lab's endpoints that its libraries leave without it (the MCP endpoint, the
 * registration endpoint), so an MCP client in a web page on any origin can run the whole flow.
 * Two faults break it the usual ways: `cors.www-authenticate-not-exposed` leaves WWW-Authenticate
 * out of the exposed headers, `cors.preflight-failed` lets the preflight reach authentication.
 * @see https://fetch.spec.whatwg.org/#http-cors-protocol
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ActiveFaults } from './faults.js';

export interface LabCorsPolicy {
  /** Methods the endpoint takes. */
  methods: readonly string[];
  /** Answer headers a page may read. */
  exposedHeaders: readonly string[];
}

export const MCP_CORS: LabCorsPolicy = { methods: ['GET', 'POST', 'DELETE'], exposedHeaders: ['WWW-Authenticate', 'Mcp-Session-Id', 'MCP-Protocol-Version'] };
export const REGISTRATION_CORS: LabCorsPolicy = { methods: ['POST'], exposedHeaders: [] };

/**
 * Adds the CORS headers to every answer and answers preflights itself; returns true when the
 * request was a preflight it answered (nothing else is to be done with it).
 */
export function applyCors(req: IncomingMessage, res: ServerResponse, policy: LabCorsPolicy, faults: ActiveFaults = new Set()): boolean {
  if (req.headers.origin === undefined) return false;
  // Any origin: the lab's endpoints take bearer tokens, not cookies, so no credentials are involved.
  res.setHeader('Access-Control-Allow-Origin', '*');
  const exposed = faults.has('cors.www-authenticate-not-exposed') ? policy.exposedHeaders.filter((name) => name !== 'WWW-Authenticate') : policy.exposedHeaders;
  const isPreflight = req.method === 'OPTIONS' && req.headers['access-control-request-method'] !== undefined;
  if (!isPreflight) {
    if (exposed.length > 0) res.setHeader('Access-Control-Expose-Headers', exposed.join(', '));
    return false;
  }
  // The usual mistake: authentication runs before CORS, so the preflight (which carries no
  // token) is refused with a 401 and the browser never sends the request.
  if (faults.has('cors.preflight-failed')) {
    res.removeHeader('Access-Control-Allow-Origin');
    return false;
  }
  res.statusCode = 204;
  res.setHeader('Access-Control-Allow-Methods', policy.methods.join(', '));
  // Whatever the client asks for: MCP clients add x-mcp-header parameters of their own.
  const asked = req.headers['access-control-request-headers'];
  if (asked) res.setHeader('Access-Control-Allow-Headers', asked);
  res.setHeader('Access-Control-Max-Age', '600');
  res.setHeader('Vary', 'Origin, Access-Control-Request-Headers');
  res.end();
  return true;
}
