/**
 * `npm run bench`: prints one JSON object with the project's performance numbers.
 *   relay.addedMedianMs, relay.ratio  500 loopback requests through the relay vs straight, interleaved
 *   flow.medianMs                      the engine's whole run against the lab (automatic consent), in process,
 *                                      judged by 2025-11-25: the legacy protocol (initialize)
 *   flow.modernMedianMs                the same run judged by 2026-07-28: the modern protocol
 *                                      (server/discover, _meta, no initialize); target <= 300 ms
 *   flow.peakRssMb                     the process's peak resident memory after those runs
 *   start.readyMs                      from `npm start -- --no-lab` to the UI answering (median of 5 starts)
 *   start.installedListeningMs         the packed package installed into a temporary folder, its bin run
 *                                      with node (`start`, lab included): until it listens (median of 5;
 *                                      target <= 500 ms)
 *   start.installedReadyMs             the same starts, until the UI has answered its first page (target
 *                                      <= 1,000 ms)
 *   install.sizeMb                     that installation's size: the package and its production
 *                                      dependencies (target <= 25 MB)
 *   ui.initialJsGzipBytes              the JS loaded before first paint, gzip (target <= 180 KB)
 *   ui.render2000Ms                    a restored 2,000-exchange run rendered in Chromium (median of 5)
 *   session.harExport2000Ms            a saved 2,000-exchange session read, redacted and written as HAR
 *                                      (what `export --format har` does besides file I/O; median of 5;
 *                                      target <= 300 ms)
 *   session.import2000Ms               a 2,000-exchange session file opened through Open session (the file
 *                                      input) until the recording is rendered, in Chromium (median of 5;
 *                                      target <= 500 ms)
 * The UI numbers measure dist/: it is built first when missing (`npm run build` after a change).
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createRedirectFollowingInteraction } from '../src/engine/consent/follow-redirects.js';
import { createFetchTransport } from '../src/engine/fetch-transport.js';
import { defaultFlowOptions } from '../src/engine/options.js';
import { redactSession } from '../src/engine/redact.js';
import { readSessionFile, serialiseSessionFile, toSessionFile } from '../src/engine/session-file.js';
import { createSession, runFlow, type Session } from '../src/engine/session.js';
import { sessionToHar } from '../src/export/har.js';
import type { SpecVersion } from '../src/engine/types.js';
import { startLab } from '../server/lab/index.js';
import { benchRelay } from '../server/relay/bench.js';
import { import2000Ms, median, render2000Ms, startReadyMedianMs, syntheticRun } from './bench-ui.js';
import { initialJsGzipBytes } from './bundle-size.js';
import { installPackedPackage, startInstalledBin } from './installed-package.js';

const round = (value: number, digits = 3) => Number(value.toFixed(digits));

async function benchFlow(runs: number, spec: SpecVersion): Promise<{ medianMs: number; runs: number; session: Session }> {
  const lab = await startLab({ autoConsent: true });
  try {
    const transport = createFetchTransport();
    const interaction = createRedirectFollowingInteraction();
    const durations: number[] = [];
    let last: Session | undefined;
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
      last = session;
    }
    if (!last) throw new Error('No benchmark run.');
    return { medianMs: round(median(durations), 1), runs, session: last };
  } finally {
    await lab.close();
  }
}

/** session.harExport2000Ms: read, redact and write as HAR a saved session grown to 2,000 exchanges. */
function benchHarExport(session: Session, runs = 5): { medianMs: number; entries: number } {
  const text = serialiseSessionFile(toSessionFile(syntheticRun(session, 2000).session, { toolVersion: 'bench', secretsIncluded: true }));
  const samples: number[] = [];
  let entries = 0;
  for (let i = 0; i <= runs; i++) {
    const started = performance.now();
    const reading = readSessionFile(text);
    if (!reading.ok) throw new Error(reading.message);
    const har = JSON.stringify(sessionToHar(redactSession(reading.file.session), 'bench'));
    const elapsed = performance.now() - started;
    entries = (JSON.parse(har) as { log: { entries: unknown[] } }).log.entries.length;
    if (i > 0) samples.push(elapsed);
  }
  if (entries !== 2000) throw new Error(`The HAR has ${entries} entries, not 2000.`);
  return { medianMs: round(median(samples), 1), entries };
}

/** start.installedListeningMs, start.installedReadyMs, install.sizeMb: the package as a user installs it. */
async function benchInstalledPackage(runs = 5): Promise<{ listeningMs: number[]; readyMs: number[]; sizeMb: number }> {
  const installed = installPackedPackage();
  try {
    const listeningMs: number[] = [];
    const readyMs: number[] = [];
    for (let i = 0; i < runs; i++) {
      const started = performance.now();
      const start = startInstalledBin(installed, ['start', '--port', '0', '--lab-port', '0']);
      try {
        const [, url] = await start.waitFor(/running at (http:\/\/\S+)/);
        listeningMs.push(round(performance.now() - started, 1));
        const page = await fetch(`${url}/`);
        await page.text();
        if (!page.ok) throw new Error(`The installed debugger answered its page with HTTP ${page.status}.`);
        readyMs.push(round(performance.now() - started, 1));
        // Each start is measured from nothing: the previous one has stopped, lab included.
        await start.waitFor(/Press Ctrl-C to stop/);
      } finally {
        await start.stop();
      }
    }
    return { listeningMs, readyMs, sizeMb: round(installed.installedBytes / 1024 / 1024, 1) };
  } finally {
    installed.remove();
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
  const harExport = benchHarExport(modernFlow.session);
  ensureBuiltUi();
  const start = await startReadyMedianMs(5);
  const installedPackage = await benchInstalledPackage(5);
  const initialJs = initialJsGzipBytes();
  const render = await render2000Ms(5);
  const opened = await import2000Ms(5);
  const result = {
    relay: { addedMedianMs: round(relay.addedMedianMs), ratio: round(relay.ratio), directMedianMs: round(relay.directMedianMs), relayedMedianMs: round(relay.relayedMedianMs) },
    flow: { medianMs: flow.medianMs, modernMedianMs: modernFlow.medianMs, runs: flow.runs, peakRssMb },
    start: {
      readyMs: round(start.medianMs, 1),
      readySamplesMs: start.samplesMs,
      installedListeningMs: round(median(installedPackage.listeningMs), 1),
      installedReadyMs: round(median(installedPackage.readyMs), 1),
      installedReadySamplesMs: installedPackage.readyMs,
    },
    install: { sizeMb: installedPackage.sizeMb },
    ui: { initialJsGzipBytes: initialJs.bytes, initialJsFiles: initialJs.files, render2000Ms: render.medianMs, render2000SamplesMs: render.samplesMs },
    session: { harExport2000Ms: harExport.medianMs, import2000Ms: opened.medianMs, import2000SamplesMs: opened.samplesMs },
  };
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
}

await main();
