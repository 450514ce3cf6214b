/**
 * `npm run bench`: prints one JSON object with the project's performance numbers.
 *   relay.addedMedianMs, relay.ratio  500 loopback requests through the relay vs straight, interleaved
 *   flow.medianMs                      the engine's whole run against the lab (automatic consent), in process
 *   flow.peakRssMb                     the process's peak resident memory after those runs
 */
import { createRedirectFollowingInteraction } from '../src/engine/consent/follow-redirects.js';
import { createFetchTransport } from '../src/engine/fetch-transport.js';
import { defaultFlowOptions } from '../src/engine/options.js';
import { createSession, runFlow } from '../src/engine/session.js';
import { startLab } from '../server/lab/index.js';
import { benchRelay } from '../server/relay/bench.js';

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

const round = (value: number, digits = 3) => Number(value.toFixed(digits));

async function benchFlow(runs: number): Promise<{ medianMs: number; runs: number }> {
  const lab = await startLab({ autoConsent: true });
  try {
    const transport = createFetchTransport();
    const interaction = createRedirectFollowingInteraction();
    const durations: number[] = [];
    // One warm-up run: module loading and the lab's first key use are not the flow's cost.
    for (let i = 0; i <= runs; i++) {
      const options = defaultFlowOptions(lab.mcpUrl, { toolCall: { name: 'add_numbers', arguments: { a: 2, b: 3 } } });
      const started = performance.now();
      const session = await runFlow(createSession(options), { transport, interaction });
      const elapsed = performance.now() - started;
      if (session.status.kind !== 'completed') throw new Error(`The benchmark flow did not complete: ${JSON.stringify(session.status)}`);
      if (i > 0) durations.push(elapsed);
    }
    return { medianMs: round(median(durations), 1), runs };
  } finally {
    await lab.close();
  }
}

async function main(): Promise<void> {
  const relay = await benchRelay(500);
  const flow = await benchFlow(20);
  const peakRssMb = round(process.resourceUsage().maxRSS / 1024, 1);
  const result = {
    relay: { addedMedianMs: round(relay.addedMedianMs), ratio: round(relay.ratio), directMedianMs: round(relay.directMedianMs), relayedMedianMs: round(relay.relayedMedianMs) },
    flow: { medianMs: flow.medianMs, runs: flow.runs, peakRssMb },
  };
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
}

await main();
