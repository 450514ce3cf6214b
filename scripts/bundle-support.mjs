// What the two esbuild builds of the package share (scripts/build-cli.mjs for the command,
// scripts/build-library.mjs for the library): the require() every chunk of bundled CommonJS
// needs, the versions of the MCP SDKs they bundle, and the licence notices of bundled packages.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * Bundled CommonJS packages (koa, express and their dependencies) call require() for Node's own
 * modules; an ES module has none, so each chunk gets one.
 */
export function requireBanner(what) {
  return `// ${what}\nimport { createRequire as __createRequire } from 'node:module';\nconst require = __createRequire(import.meta.url);`;
}

/**
 * The versions of the real MCP SDK clients as they are bundled (server/clients reads them from
 * node_modules in a checkout, where a bundle has no node_modules to read), for esbuild's define.
 */
export function bundledSdkVersions(root) {
  const require = createRequire(join(root, 'package.json'));
  const versionOf = (name, entryPoint) => {
    let dir = dirname(require.resolve(entryPoint));
    for (;;) {
      try {
        const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
        if (manifest.name === name) return manifest.version;
      } catch (error) {
        if (error?.code !== 'ENOENT') throw error;
      }
      if (dirname(dir) === dir) throw new Error(`no package.json of ${name} above ${entryPoint}`);
      dir = dirname(dir);
    }
  };
  const versions = {
    '@modelcontextprotocol/sdk': versionOf('@modelcontextprotocol/sdk', '@modelcontextprotocol/sdk/client/index.js'),
    '@modelcontextprotocol/client': versionOf('@modelcontextprotocol/client', '@modelcontextprotocol/client'),
  };
  return { __MCP_SDK_VERSIONS__: JSON.stringify(versions) };
}

/** Writes the licences of the packages esbuild bundled (from its metafile) next to the code taken from them. */
export function writeThirdPartyNotices(root, metafile, file, what) {
  const packages = new Map();
  for (const input of Object.keys(metafile.inputs)) {
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
  writeFileSync(file, `${what} includes code from these packages, under their licences.\n\n${notices.join(`\n\n${'-'.repeat(72)}\n\n`)}\n`);
}
