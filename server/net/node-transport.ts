/**
 * The transport the CLI and the relay send with: fetch, plus Node's resolver so the
 * private-address rule (src/engine/private-address.ts) sees where a host name really points.
 */
import { lookup } from 'node:dns/promises';
import { createFetchTransport, type ResolveHost } from '../../src/engine/fetch-transport.js';
import type { Transport } from '../../src/engine/transport.js';

/** Every address a name resolves to (IPv4 and IPv6), as the operating system's resolver gives them. */
const resolveAllAddresses: ResolveHost = async (hostname) => {
  const found = await lookup(hostname, { all: true, verbatim: true });
  return found.map((entry) => entry.address);
};

export function createNodeTransport(): Transport {
  return createFetchTransport({ resolveHost: resolveAllAddresses });
}
