/**
 * Where the browser tests find Chromium: MCP_AUTH_DEBUGGER_CHROMIUM, else Debian's
 * /usr/bin/chromium, else Playwright's own download (for machines where that works).
 */
import { existsSync } from 'node:fs';
import type { LaunchOptions } from 'playwright-core';

function chromiumExecutable(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const configured = env.MCP_AUTH_DEBUGGER_CHROMIUM;
  if (configured) return configured;
  return existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined;
}

export function chromiumLaunchOptions(env: NodeJS.ProcessEnv = process.env): LaunchOptions {
  const executablePath = chromiumExecutable(env);
  return {
    ...(executablePath ? { executablePath } : {}),
    // As root, Chromium refuses to start with its sandbox; the background services would try
    // to reach Google's hosts, which a closed test network refuses.
    args: [
      ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  };
}
