/**
 * The size of the JavaScript the page loads before its first paint: the entry script and its
 * modulepreloads named in dist/index.html, gzip level 9. `npm run bench` reports it as
 * ui.initialJsGzipBytes; scripts/check-bundle-size.ts holds it to its budget in the tests.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

/** The first page's budget: 180 KB of gzip. */
export const INITIAL_JS_GZIP_BUDGET_BYTES = 180 * 1000;

export function initialJsGzipBytes(distDir = fileURLToPath(new URL('../dist', import.meta.url))): { bytes: number; files: string[] } {
  const html = readFileSync(join(distDir, 'index.html'), 'utf8');
  const files = [
    ...html.matchAll(/<script[^>]+type="module"[^>]+src="([^"]+)"/g),
    ...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+)"/g),
  ].map((match) => match[1] ?? '');
  const unique = [...new Set(files.filter((file) => file.endsWith('.js')))];
  const bytes = unique.reduce((sum, file) => sum + gzipSync(readFileSync(join(distDir, file.replace(/^\//, ''))), { level: 9 }).byteLength, 0);
  return { bytes, files: unique };
}
