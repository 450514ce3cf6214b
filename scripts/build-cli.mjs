#!/usr/bin/env node
// Builds the `mcp-auth-debugger` command for the published package into lib/cli/: the CLI, the
// relay and the lab (server/cli/main.ts and what it loads) bundled with their dependencies by
// esbuild into ES modules, so an installed package runs with plain Node and needs none of the
// server-side dependencies (oidc-provider, the MCP SDKs, zod) installed beside it. Each command
// stays a chunk of its own, loaded when it runs (`start` does not load the engine).
// bin/mcp-auth-debugger.js runs this build when the TypeScript sources are absent (an installed
// package); a checkout runs the sources through tsx. Run by `npm run build` and `prepare`.
//
// lib/cli/ sits two levels below the package root, as server/cli/ does, so the modules' paths
// relative to import.meta.url (../../dist/, the package.json walk) hold in both.
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { bundledSdkVersions, requireBanner, writeThirdPartyNotices } from './bundle-support.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const outdir = `${root}lib/cli`;

rmSync(outdir, { recursive: true, force: true });
const result = await build({
  entryPoints: [`${root}server/cli/main.ts`],
  outdir,
  bundle: true,
  splitting: true,
  platform: 'node',
  format: 'esm',
  target: 'node20.19',
  banner: { js: requireBanner('mcp-auth-debugger command: built by scripts/build-cli.mjs.') },
  define: bundledSdkVersions(root),
  // Smaller files parse faster at start-up; identifiers stay, so a stack trace stays readable.
  minifyWhitespace: true,
  minifySyntax: true,
  // Bundling renames clashing classes and functions; oidc-provider names its models and errors
  // after their classes (`Session`, `InvalidGrant`), so `.name` must stay what the source says.
  keepNames: true,
  legalComments: 'none',
  metafile: true,
  logLevel: 'warning',
});

// The licences of the bundled packages travel with the code taken from them.
writeThirdPartyNotices(root, result.metafile, `${outdir}/THIRD-PARTY-NOTICES.txt`, 'The command in this directory');
