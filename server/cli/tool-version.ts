/**
 * This package's version, as its package.json says, for what the CLI and the library write
 * (session files). Found by walking up from this module, which sits at a different depth in a
 * checkout (server/cli/) than in the built library (lib/).
 */
import { readFileSync } from 'node:fs';

let cached: string | undefined;

export function toolVersion(): string {
  cached ??= findVersion();
  return cached;
}

function findVersion(): string {
  for (let up = '../'; up.length <= 3 * 4; up += '../') {
    let manifest: { name?: unknown; version?: unknown };
    try {
      manifest = JSON.parse(readFileSync(new URL(`${up}package.json`, import.meta.url), 'utf8')) as typeof manifest;
    } catch {
      continue;
    }
    if (manifest.name === 'mcp-auth-debugger' && typeof manifest.version === 'string') return manifest.version;
  }
  return 'unknown';
}
