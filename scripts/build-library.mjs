#!/usr/bin/env node
// Builds the library entry (`import { runCheck } from 'mcp-auth-debugger'`) into lib/: an ES
// module bundled from server/library/index.ts with esbuild, and its type declarations from tsc.
// The package's dependencies stay imports; everything else it uses is bundled, the real MCP SDK
// clients (`clients: true`) in chunks under lib/library/ loaded only when asked for.
// `--no-types` skips the declarations (the tests
// need only the JavaScript). Run by `npm run build`, `prepare` and the test runner.
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { bundledSdkVersions, requireBanner, writeThirdPartyNotices } from './bundle-support.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const withTypes = !process.argv.includes('--no-types');

// Declarations from an earlier build stay when only the JavaScript is rebuilt; lib/cli/ is the
// command's build (scripts/build-cli.mjs).
for (const built of withTypes ? ['index.js', 'index.js.map', 'library', 'types'] : ['index.js', 'index.js.map', 'library']) {
  rmSync(`${root}lib/${built}`, { recursive: true, force: true });
}
const { dependencies } = JSON.parse(readFileSync(`${root}package.json`, 'utf8'));
const result = await build({
  entryPoints: { index: `${root}server/library/index.ts` },
  outdir: `${root}lib`,
  chunkNames: 'library/[name]-[hash]',
  bundle: true,
  splitting: true,
  platform: 'node',
  format: 'esm',
  target: 'node20.19',
  external: Object.keys(dependencies),
  define: bundledSdkVersions(root),
  keepNames: true,
  sourcemap: 'linked',
  metafile: true,
  logLevel: 'warning',
  banner: { js: requireBanner('mcp-auth-debugger library: built from server/library/index.ts by scripts/build-library.mjs.') },
});
writeThirdPartyNotices(root, result.metafile, `${root}lib/library/THIRD-PARTY-NOTICES.txt`, 'The library (lib/index.js and lib/library/)');

if (withTypes) {
  const tsc = spawnSync(process.execPath, [`${root}node_modules/typescript/bin/tsc`, '-p', `${root}tsconfig.lib.json`], { stdio: 'inherit' });
  if (tsc.status !== 0) process.exit(tsc.status ?? 1);
}
