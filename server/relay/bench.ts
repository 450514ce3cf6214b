/**
 * What the relay adds to a request: the same loopback upstream is asked straight (the engine's
 * fetch transport) and through the relay (the browser's relay transport), interleaved so both
 * see the same machine state, and the medians are compared.
 *
 * Run alone: `node --import tsx server/relay/bench.ts [requests]`.
 */
import { createServer } from 'node:http';
import { pathToFileURL } from 'node:url';
import { createFetchTransport } from '../../src/engine/fetch-transport.js';
import { createRelayTransport } from '../../src/engine/relay-transport.js';
import type { Transport, TransportRequest } from '../../src/engine/transport.js';
import { startRelay } from './index.js';
import { listenOnLoopback } from '../test-support/free-port.js';

export interface RelayBench {
  /** relayedMedianMs - directMedianMs */
  addedMedianMs: number;
  /** relayedMedianMs / directMedianMs */
  ratio: number;
  directMedianMs: number;
  relayedMedianMs: number;
}

/** Connections are opened and code paths compiled before measuring. */
const WARM_UP_REQUESTS = 100;

/** A metadata-sized JSON document, like most of what the engine fetches. */
const UPSTREAM_BODY = JSON.stringify({
  resource: 'http://127.0.0.1/mcp',
  authorization_servers: ['http://127.0.0.1/realms/demo'],
  scopes_supported: ['mcp:tools'],
  bearer_methods_supported: ['header'],
});

export async function benchRelay(requests = 500): Promise<RelayBench> {
  const upstream = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(UPSTREAM_BODY) });
    res.end(UPSTREAM_BODY);
  });
  const upstreamPort = await listenOnLoopback(upstream);
  const relay = await startRelay();
  try {
    const url = `http://127.0.0.1:${upstreamPort}/.well-known/oauth-protected-resource`;
    const request: TransportRequest = { method: 'GET', url, headers: [['accept', 'application/json']], timeoutMs: 5_000, maxBodyBytes: 100_000 };
    const direct = createFetchTransport();
    const relayed = createRelayTransport(relay.url, relay.secret);

    for (let i = 0; i < WARM_UP_REQUESTS; i++) {
      await timedSend(direct, request);
      await timedSend(relayed, request);
    }
    const directMs: number[] = [];
    const relayedMs: number[] = [];
    for (let i = 0; i < requests; i++) {
      directMs.push(await timedSend(direct, request));
      relayedMs.push(await timedSend(relayed, request));
    }
    const directMedianMs = median(directMs);
    const relayedMedianMs = median(relayedMs);
    return { addedMedianMs: relayedMedianMs - directMedianMs, ratio: relayedMedianMs / directMedianMs, directMedianMs, relayedMedianMs };
  } finally {
    await relay.close();
    await new Promise<void>((resolve) => {
      upstream.close(() => resolve());
      upstream.closeAllConnections();
    });
  }
}

/** Milliseconds for one complete exchange; a failed exchange aborts the benchmark (it would measure nothing). */
async function timedSend(transport: Transport, request: TransportRequest): Promise<number> {
  const started = performance.now();
  const result = await transport.send(request);
  const elapsed = performance.now() - started;
  if (!result.ok) throw new Error(`Benchmark request failed: ${result.error.kind}: ${result.error.message}`);
  if (result.response.body !== UPSTREAM_BODY) throw new Error('Benchmark request returned a different body.');
  return elapsed;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

async function main(): Promise<void> {
  const requests = Number(process.argv[2] ?? '500');
  const result = await benchRelay(Number.isInteger(requests) && requests > 0 ? requests : 500);
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
