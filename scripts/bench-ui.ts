/**
 * Browser-side numbers for `npm run bench`:
 *   start.readyMs          from `npm start -- --no-lab` to the UI answering on its URL (median of 5)
 *   ui.render2000Ms        a restored 2,000-exchange run rendered in Chromium (see render2000Ms)
 *   session.import2000Ms   a 2,000-exchange session file opened and rendered in Chromium (see import2000Ms)
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { chromiumLaunchOptions } from '../e2e/chromium.js';
import { startLab, type Lab } from '../server/lab/index.js';
import { startRelay } from '../server/relay/index.js';
import { createRedirectFollowingInteraction } from '../src/engine/consent/follow-redirects.js';
import { createFetchTransport } from '../src/engine/fetch-transport.js';
import { defaultFlowOptions } from '../src/engine/options.js';
import { redactSession } from '../src/engine/redact.js';
import { serialiseSessionFile, toSessionFile } from '../src/engine/session-file.js';
import { createSession, runFlow, type Session } from '../src/engine/session.js';
import type { Exchange, StepId } from '../src/engine/types.js';
import { STORAGE_KEYS } from '../src/store/browser-storage.js';

const root = fileURLToPath(new URL('..', import.meta.url));

/** Starts the debugger as a person would (`npm start`) and times it until `/` answers 200. */
async function startReadyMs(): Promise<number> {
  const started = performance.now();
  const child = spawn('npm', ['start', '--', '--no-lab', '--port', '0'], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  try {
    const deadline = started + 20_000;
    while (performance.now() < deadline) {
      const url = /running at (http:\/\/\S+)/.exec(out)?.[1];
      if (url) {
        const answer = await fetch(`${url}/`).catch(() => undefined);
        if (answer?.ok) return performance.now() - started;
      }
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
    throw new Error(`npm start did not answer within 20 s:\n${out}`);
  } finally {
    // npm runs the command in a child of its own: stop the whole process group, and wait for it
    // to go so the next start does not share the machine with this one.
    if (child.pid !== undefined && child.exitCode === null && child.signalCode === null) {
      const exited = once(child, 'exit');
      process.kill(-child.pid, 'SIGINT');
      const pid = child.pid;
      const killer = setTimeout(() => process.kill(-pid, 'SIGKILL'), 5_000);
      await exited;
      clearTimeout(killer);
    }
  }
}

/** start.readyMs: the median of `runs` starts, one after the other. */
export async function startReadyMedianMs(runs = 5): Promise<{ medianMs: number; samplesMs: number[] }> {
  const samplesMs: number[] = [];
  for (let i = 0; i < runs; i++) samplesMs.push(Number((await startReadyMs()).toFixed(1)));
  return { medianMs: median(samplesMs), samplesMs };
}

/** The run the page restores from sessionStorage (see src/store/persistence.ts). */
interface StoredRun {
  session: Session;
  mode: 'run' | 'step';
  selected?: { stepId: StepId; resultIndex: number };
  tab?: 'step';
}

/**
 * A real session grown to `total` exchanges: each step's exchanges are repeated (with new ids,
 * in the step they belong to) until the run holds `total`, as a long run with many step-ups or
 * repeated tool calls would. The step with the most exchanges is selected, so its list is long.
 */
export function syntheticRun(session: Session, total = 2000): StoredRun {
  const originals = session.results.flatMap((result, resultIndex) => result.exchanges.map((exchange) => ({ resultIndex, exchange })));
  if (originals.length === 0) throw new Error('The session has no exchanges to repeat.');
  const grown: Exchange[][] = session.results.map((result) => [...result.exchanges]);
  for (let i = originals.length, copy = 1; i < total; copy++) {
    for (const { resultIndex, exchange } of originals) {
      if (i >= total) break;
      grown[resultIndex]?.push({ ...exchange, id: `${exchange.id}.${copy}` });
      i++;
    }
  }
  const results = session.results.map((result, index) => ({ ...result, exchanges: grown[index] ?? result.exchanges }));
  const largest = results.reduce((best, result, index) => (result.exchanges.length > (results[best]?.exchanges.length ?? 0) ? index : best), 0);
  const largestStep = results[largest]?.stepId ?? 'probe';
  return {
    session: { ...session, results, exchangeCounter: total },
    mode: 'run',
    selected: { stepId: largestStep, resultIndex: largest },
    tab: 'step',
  };
}

/** The lab's whole flow, run by the engine in this process: a real session to grow. */
async function labSession(lab: Lab, redirectUri: string): Promise<Session> {
  const options = defaultFlowOptions(lab.mcpUrl, { redirectUri, toolCall: { name: 'add_numbers', arguments: { a: 2, b: 3 } } });
  const session = await runFlow(createSession(options), { transport: createFetchTransport(), interaction: createRedirectFollowingInteraction() });
  if (session.status.kind !== 'completed') throw new Error(`The lab flow did not complete: ${JSON.stringify(session.status)}`);
  return session;
}

/** What each 2,000-exchange measurement runs against: the lab, the relay serving dist/, Chromium, and the grown run. */
interface UiBench {
  relayUrl: string;
  browser: Browser;
  run: StoredRun;
}

async function withUiBench<T>(total: number, distDir: string, use: (bench: UiBench) => Promise<T>): Promise<T> {
  const lab = await startLab({ autoConsent: true });
  const relay = await startRelay({ staticDir: distDir, config: { defaultServerUrl: lab.mcpUrl, lab: { mcpUrl: lab.mcpUrl, demoUser: lab.demoUser } } });
  const browser = await chromium.launch(chromiumLaunchOptions());
  try {
    const run = syntheticRun(await labSession(lab, `${relay.url}/callback`), total);
    return await use({ relayUrl: relay.url, browser, run });
  } finally {
    await browser.close();
    await relay.close();
    await lab.close();
  }
}

/**
 * Runs `measure` once as a warm-up and `runs` times more, each in a fresh browser context (no
 * cache, no storage), failing on any page error; the samples are the measured ones.
 */
async function sampleInFreshPages(browser: Browser, runs: number, measure: (page: Page) => Promise<number>): Promise<number[]> {
  const samplesMs: number[] = [];
  for (let i = 0; i <= runs; i++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    try {
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      const ms = await measure(page);
      if (errors.length > 0) throw new Error(`The page failed: ${errors.join('\n')}`);
      if (i > 0) samplesMs.push(ms);
    } finally {
      await context.close();
    }
  }
  return samplesMs;
}

/**
 * Waits, checking each animation frame, until the timeline shows `steps` steps and the exchange
 * list and the sequence diagram have rows (and, with `recording`, the recording's banner is up);
 * the time is then taken in a task after that frame, i.e. after it was painted. Returns that
 * performance.now() of the page.
 */
async function renderedAt(page: Page, steps: number, recording: boolean): Promise<number> {
  const rendered = await page.waitForFunction(
    ([steps, recording]) => {
      const state = window as unknown as { renderedAt?: number; renderSeen?: boolean };
      if (state.renderedAt !== undefined) return state.renderedAt;
      const timeline = document.querySelectorAll('nav ol > li').length;
      const rows = document.querySelectorAll('[role="listbox"] [role="option"]').length;
      const arrows = document.querySelectorAll('svg [role="button"]').length;
      const banner = !recording || document.getElementById('recording-title') !== null;
      if (!state.renderSeen && banner && timeline >= steps && rows > 0 && arrows > 0) {
        state.renderSeen = true;
        setTimeout(() => (state.renderedAt = performance.now()), 0);
      }
      return false;
    },
    [steps, recording] as const,
    { polling: 'raf', timeout: 30_000 },
  );
  return Number(await rendered.jsonValue());
}

async function expectExchangeCount(page: Page, total: number, what: string): Promise<void> {
  const text = await page.evaluate(() => document.body.innerText);
  if (!text.includes(`${total} exchanges`)) throw new Error(`The page did not show the ${total}-exchange ${what}.`);
}

const summarise = (samplesMs: number[]) => ({ medianMs: Number(median(samplesMs).toFixed(1)), samplesMs: samplesMs.map((ms) => Number(ms.toFixed(1))) });

/**
 * ui.render2000Ms: a 2,000-exchange run restored from sessionStorage (where the page keeps its
 * run, put there before the page loads), timed in Chromium from navigation start
 * (performance.now() in the page) until the timeline, the sequence diagram and the exchange
 * list have rendered (checked each animation frame). Median of `runs`, after one warm-up load;
 * each load in a fresh browser context.
 */
export async function render2000Ms(runs = 5, total = 2000, distDir = join(root, 'dist')): Promise<{ medianMs: number; samplesMs: number[]; exchanges: number; storedChars: number }> {
  return withUiBench(total, distDir, async ({ relayUrl, browser, run }) => {
    const stored = JSON.stringify(run);
    const samplesMs = await sampleInFreshPages(browser, runs, async (page) => {
      // The run goes into this tab's sessionStorage for the relay's origin from a page before
      // the measured one (sessionStorage lives as long as the tab). An init script would do the
      // same on the measured navigation itself, and compiling its 3.5 MB literal and writing it
      // would be counted against the app (about 200 ms here).
      await page.goto(`${relayUrl}/api/health`);
      await page.evaluate(([key, value]) => window.sessionStorage.setItem(key, value), [STORAGE_KEYS.session, stored] as const);
      await page.goto(relayUrl, { waitUntil: 'commit' });
      const ms = await renderedAt(page, run.session.results.length, false);
      await expectExchangeCount(page, total, 'run restored');
      return ms;
    });
    return { ...summarise(samplesMs), exchanges: total, storedChars: stored.length };
  });
}

/**
 * session.import2000Ms: a 2,000-exchange session file (saved as the page saves it, secrets
 * redacted) opened through Open session: the file handed to the page's file input as a buffer,
 * timed in Chromium from the input's change event (the page has the file) until the recording
 * is rendered: its banner, the timeline, the sequence diagram and the exchange list. The page is
 * loaded and idle before; reading the file, loading the session-file code on first use,
 * validating and rendering are all counted. Median of `runs`, after one warm-up; each in a fresh
 * browser context.
 */
export async function import2000Ms(runs = 5, total = 2000, distDir = join(root, 'dist')): Promise<{ medianMs: number; samplesMs: number[]; exchanges: number; fileBytes: number }> {
  return withUiBench(total, distDir, async ({ relayUrl, browser, run }) => {
    const file = Buffer.from(serialiseSessionFile(toSessionFile(redactSession(run.session), { toolVersion: 'bench', secretsIncluded: false })));
    const samplesMs = await sampleInFreshPages(browser, runs, async (page) => {
      await page.goto(relayUrl);
      await page.getByText('Open session…', { exact: true }).waitFor();
      await page.evaluate(() => {
        const state = window as unknown as { fileGivenAt?: number };
        // Capturing on the document: this runs before React's own listener on its root.
        document.addEventListener('change', (event) => {
          if (event.target instanceof HTMLInputElement && event.target.type === 'file') state.fileGivenAt ??= performance.now();
        }, true);
      });
      await page.getByLabel('Open session…').setInputFiles({ name: 'bench-2000.json', mimeType: 'application/json', buffer: file });
      const rendered = await renderedAt(page, run.session.results.length, true);
      const given = Number(await page.evaluate(() => (window as unknown as { fileGivenAt?: number }).fileGivenAt));
      if (!Number.isFinite(given)) throw new Error('The file input saw no change event.');
      await expectExchangeCount(page, total, 'session file');
      return rendered - given;
    });
    return { ...summarise(samplesMs), exchanges: total, fileBytes: file.byteLength };
  });
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}
