#!/usr/bin/env node
// Entry point of the `mcp-auth-debugger` command. An installed package runs the build in lib/cli/
// (scripts/build-cli.mjs); a checkout, where the TypeScript sources are, runs them through tsx.
// This file is plain JavaScript that older Node releases can parse, so that they get a sentence
// rather than a syntax error.
import { Buffer } from 'node:buffer';
import { existsSync } from 'node:fs';
import module from 'node:module';
import { fileURLToPath } from 'node:url';

const MINIMUM_NODE = [20, 19];

function fail(line) {
  process.stderr.write(`mcp-auth-debugger: ${line}\n`);
  process.exit(2);
}

const [major = 0, minor = 0] = process.versions.node.split('.').map(Number);
if (major < MINIMUM_NODE[0] || (major === MINIMUM_NODE[0] && minor < MINIMUM_NODE[1])) {
  fail(`needs Node.js ${MINIMUM_NODE.join('.')} or newer, and this is Node.js ${process.versions.node}: install a current Node.js LTS release (https://nodejs.org) and run it again.`);
}

const sources = new URL('../server/cli/main.ts', import.meta.url);
const built = new URL('../lib/cli/main.js', import.meta.url);
const fromCheckout = existsSync(sources);

let main;
if (fromCheckout) {
  let register;
  try {
    ({ register } = await import('tsx/esm/api'));
  } catch (error) {
    if (error?.code !== 'ERR_MODULE_NOT_FOUND') throw error;
    fail('this checkout has no development dependencies: run "npm install" in it, then try again.');
  }
  register();
  ({ main } = await import(sources.href));
} else {
  // Node 22.1 and later keep the compiled code of the build between runs (in the system's
  // temporary directory): a second start compiles nothing.
  module.enableCompileCache?.();
  try {
    ({ main } = await import(built.href));
  } catch (error) {
    if (error?.code !== 'ERR_MODULE_NOT_FOUND') throw error;
    fail(`this installation is incomplete (${fileURLToPath(built)} or a part of it is missing): reinstall it with "npm install -g mcp-auth-debugger".`);
  }
}

const code = await main(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  env: process.env,
  interactive: Boolean(process.stdin.isTTY && process.stdout.isTTY) && !process.env.CI,
  readStdin: async () => {
    const chunks = [];
    for await (const chunk of process.stdin) chunks.push(chunk);
    return Buffer.concat(chunks).toString('utf8');
  },
});
// Long-running commands (start, lab) resolve only when they are asked to stop.
process.exitCode = code;
