/**
 * `npm run bench`: prints one JSON object with the project's performance numbers.
 *   relay.addedMedianMs, relay.ratio  500 loopback requests through the relay vs straight, interleaved
 *   flow.medianMs                      the engine's whole run against the lab (automatic consent), in process,
 *                                      judged by 2025-11-25: the legacy protocol (initialize)
 *   flow.modernMedianMs                the same run judged by 2026-07-28: the modern protocol
 *                                      (server/discover, _meta, no initialize); target <= 300 ms
 *   flow.peakRssMb                     the process's peak resident memory after those runs
 *   start.readyMs                      from `npm start -- --no-lab` to the UI answering (median of 5 starts)
 *   ui.initialJsGzipBytes              the JS loaded before first paint, gzip (target <= 180 KB)
 *   ui.render2000Ms                    a restored 2,000-exchange run rendered in Chromium (median of 5)
 * The UI numbers measure dist/: it is built first when missing (`npm run build` after a change).
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createRedirectFollowingInteraction } from '../src/engine/consent/follow-redirects.js';
import { createFetchTransport } from '../src/engine/fetch-transport.js';
import { defaultFlowOptions } from '../src/engine/options.js';
import { createSession, runFlow } from '../src/engine/session.js';
import type { SpecVersion } from '../src/engine/types.js';
import { startLab } from '../server/lab/index.js';
import { benchRelay } from '../server/relay/bench.js';
import { initialJsGzipBytes, median, render2000Ms, startReadyMedianMs } from './bench-ui.js';

const round = (value: number, digits = 3) => Number(value.toFixed(digits));

async function benchFlow(runs: number, spec: SpecVersion): Promise<{ medianMs: number; runs: number }> {
  const lab = await startLab({ autoConsent: true });
  try {
    const transport = createFetchTransport();
    const interaction = createRedirectFollowingInteraction();
    const durations: number[] = [];
    // One warm-up run: module loading and the lab's first key use are not the flow's cost.
    for (let i = 0; i <= runs; i++) {
      const options = defaultFlowOptions(lab.mcpUrl, { spec, toolCall: { name: 'add_numbers', arguments: { a: 2, b: 3 } } });
      const started = performance.now();
      const session = await runFlow(createSession(options), { transport, interaction });
      const elapsed = performance.now() - started;
      if (session.status.kind !== 'completed') throw new Error(`The benchmark flow did not complete: ${JSON.stringify(session.status)}`);
      const era = session.data.mcp?.era;
      if (era !== (spec === '2026-07-28' ? 'modern' : 'legacy')) throw new Error(`The ${spec} run spoke the ${String(era)} protocol.`);
      if (i > 0) durations.push(elapsed);
    }
    return { medianMs: round(median(durations), 1), runs };
  } finally {
    await lab.close();
  }
}

function ensureBuiltUi(): void {
  const root = fileURLToPath(new URL('..', import.meta.url));
  if (existsSync(`${root}dist/index.html`)) return;
  const build = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
  if (build.status !== 0) throw new Error('vite build failed: the UI numbers need dist/.');
}

async function main(): Promise<void> {
  const relay = await benchRelay(500);
  const flow = await benchFlow(20, '2025-11-25');
  const modernFlow = await benchFlow(20, '2026-07-28');
  const peakRssMb = round(process.resourceUsage().maxRSS / 1024, 1);
  ensureBuiltUi();
  const start = await startReadyMedianMs(5);
  const initialJs = initialJsGzipBytes();
  const render = await render2000Ms(5);
  const result = {
    relay: { addedMedianMs: round(relay.addedMedianMs), ratio: round(relay.ratio), directMedianMs: round(relay.directMedianMs), relayedMedianMs: round(relay.relayedMedianMs) },
    flow: { medianMs: flow.medianMs, modernMedianMs: modernFlow.medianMs, runs: flow.runs, peakRssMb },
    start: { readyMs: round(start.medianMs, 1), readySamplesMs: start.samplesMs },
    ui: { initialJsGzipBytes: initialJs.bytes, initialJsFiles: initialJs.files, render2000Ms: render.medianMs, render2000SamplesMs: render.samplesMs },
  };
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
}

await main();
