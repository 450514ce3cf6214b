#!/usr/bin/env node
// Entry point of the `mcp-auth-debugger` command. The CLI is TypeScript, loaded through tsx.
import { Buffer } from 'node:buffer';
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../server/cli/main.ts');
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
