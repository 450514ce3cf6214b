/**
 * A fetch transport for tests that need a run to start at a host on the internet. The names
 * given resolve (for the private-address rule) to the addresses given, as DNS would say, and
 * `PUBLIC_NAME` connects to loopback, as /etc/hosts would; everything else is the real
 * transport. A name not listed does not resolve.
 */
import { createFetchTransport, type ResolveHost } from '../../src/engine/fetch-transport.js';
import type { Transport } from '../../src/engine/transport.js';

/** A name that resolves to a public (documentation) address but reaches this machine's servers. */
export const PUBLIC_NAME = 'mcp.test';
const PUBLIC_ADDRESS = '198.51.100.7';

export function createPublicNameTransport(names: Record<string, string[]> = {}): Transport {
  const table: Record<string, string[]> = { [PUBLIC_NAME]: [PUBLIC_ADDRESS], ...names };
  const resolveHost: ResolveHost = (hostname) => {
    const found = table[hostname];
    return found ? Promise.resolve(found) : Promise.reject(new Error(`ENOTFOUND ${hostname}`));
  };
  const fetchImpl = (input: string, init: RequestInit) => {
    const url = new URL(input);
    if (url.hostname === PUBLIC_NAME) url.hostname = '127.0.0.1';
    return fetch(url, init);
  };
  return createFetchTransport({ fetchImpl, resolveHost });
}
