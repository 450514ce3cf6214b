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
import { readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

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
  // The bundled CommonJS packages (koa, express and their dependencies) call require() for
  // Node's own modules; an ES module has none, so each chunk gets one.
  banner: {
    js: "// mcp-auth-debugger command: built by scripts/build-cli.mjs.\nimport { createRequire as __createRequire } from 'node:module';\nconst require = __createRequire(import.meta.url);",
  },
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
const packages = new Map();
for (const input of Object.keys(result.metafile.inputs)) {
  // The innermost package: node_modules/a/node_modules/b/x.js is b's.
  const match = /^(.*node_modules\/((?:@[^/]+\/)?[^/]+))\//.exec(input);
  if (!match?.[1] || !match[2]) continue;
  const dir = `${root}${match[1]}`;
  const manifest = JSON.parse(readFileSync(`${dir}/package.json`, 'utf8'));
  const key = `${match[2]} ${manifest.version}`;
  if (packages.has(key)) continue;
  const licenceFile = readdirSync(dir).find((name) => /^(licen[cs]e|copying)(\.|$)/i.test(name));
  packages.set(key, { license: manifest.license ?? 'see the package', text: licenceFile ? readFileSync(`${dir}/${licenceFile}`, 'utf8').trim() : undefined });
}
const notices = [...packages.entries()]
  .sort(([a], [b]) => a.localeCompare(b))
  .map(([nameAndVersion, { license, text }]) => `${nameAndVersion} (${typeof license === 'string' ? license : JSON.stringify(license)})\n\n${text ?? 'No licence file in the package; its package.json names the licence above.'}`);
writeFileSync(`${outdir}/THIRD-PARTY-NOTICES.txt`, `The command in this directory includes code from these packages, under their licences.\n\n${notices.join(`\n\n${'-'.repeat(72)}\n\n`)}\n`);
