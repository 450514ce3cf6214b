/**
 * Browser-side numbers for `npm run bench`:
 *   ui.initialJsGzipBytes  the JS the page loads before first paint (entry script and its
 *                          modulepreloads in dist/index.html), gzip level 9
 *   start.readyMs          from `npm start -- --no-lab` to the UI answering on its URL
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = fileURLToPath(new URL('..', import.meta.url));

export function initialJsGzipBytes(distDir = join(root, 'dist')): { bytes: number; files: string[] } {
  const html = readFileSync(join(distDir, 'index.html'), 'utf8');
  const files = [
    ...html.matchAll(/<script[^>]+type="module"[^>]+src="([^"]+)"/g),
    ...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+)"/g),
  ].map((match) => match[1] ?? '');
  const unique = [...new Set(files.filter((file) => file.endsWith('.js')))];
  const bytes = unique.reduce((sum, file) => sum + gzipSync(readFileSync(join(distDir, file.replace(/^\//, ''))), { level: 9 }).byteLength, 0);
  return { bytes, files: unique };
}

/** Starts the debugger as a person would (`npm start`) and times it until `/` answers 200. */
export async function startReadyMs(): Promise<number> {
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
    // npm runs the command in a child of its own: stop the whole process group.
    if (child.pid !== undefined) process.kill(-child.pid, 'SIGINT');
  }
}
