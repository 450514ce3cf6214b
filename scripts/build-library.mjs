#!/usr/bin/env node
// Builds the library entry (`import { runCheck } from 'mcp-auth-debugger'`) into lib/: one ES
// module bundled from server/library/index.ts with esbuild (the package's dependencies stay
// imports), and its type declarations from tsc. `--no-types` skips the declarations (the tests
// need only the JavaScript). Run by `npm run build`, `prepare` and the test runner.
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const withTypes = !process.argv.includes('--no-types');

// Declarations from an earlier build stay when only the JavaScript is rebuilt; lib/cli/ is the
// command's build (scripts/build-cli.mjs).
for (const built of withTypes ? ['index.js', 'index.js.map', 'types'] : ['index.js', 'index.js.map']) {
  rmSync(`${root}lib/${built}`, { recursive: true, force: true });
}
await build({
  entryPoints: [`${root}server/library/index.ts`],
  outfile: `${root}lib/index.js`,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: 'linked',
  logLevel: 'warning',
  banner: { js: '// mcp-auth-debugger library: built from server/library/index.ts by scripts/build-library.mjs.' },
});

if (withTypes) {
  const tsc = spawnSync(process.execPath, [`${root}node_modules/typescript/bin/tsc`, '-p', `${root}tsconfig.lib.json`], { stdio: 'inherit' });
  if (tsc.status !== 0) process.exit(tsc.status ?? 1);
}
