/**
 * `check --consent browser`: the person logs in and consents in their own browser; a loopback
 * listener at the redirect URI (RFC 8252 §7.3) catches the callback and hands its URL to the
 * engine.
 */
import { spawn } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AuthorizationInteraction } from '../../src/engine/step.js';
import { isLoopbackUrl } from '../../src/engine/canonical-uri.js';
import { AuthorizationPageShown } from '../../src/engine/consent/follow-redirects.js';
import { terminalSafe } from './terminal.js';

export interface BrowserInteractionOptions {
  /** Opens the authorization URL; the default asks the operating system's browser. */
  open?: (url: string) => void | Promise<void>;
  /** How long to wait for the person, default five minutes. */
  timeoutMs?: number;
  /** Progress for the person at the terminal. */
  say?: (line: string) => void;
}

/**
 * The command that opens `url` in the system browser, run without a shell on every platform so
 * the URL reaches the browser as one argument whatever it holds (`&`, `|`, `"`, `^`, spaces).
 * Only http(s) URLs are opened; anything else (javascript:, file:, a custom scheme) is refused.
 */
export function browserCommand(platform: NodeJS.Platform, url: string): [command: string, args: string[]] {
  const parsed = URL.canParse(url) ? new URL(url) : undefined;
  if (!parsed || (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')) throw new Error(`Only http(s) URLs are opened in the browser, not ${url.slice(0, 40)}`);
  // The URL as the URL parser wrote it: what a browser gets is exactly what was checked.
  const href = parsed.href;
  if (platform === 'darwin') return ['open', [href]];
  if (platform === 'win32') return ['rundll32', ['url.dll,FileProtocolHandler', href]];
  return ['xdg-open', [href]];
}

/** `onError`: no browser to open is not fatal, since the URL is printed for the person to open by hand. */
function openInSystemBrowser(url: string, onError: (error: Error) => void): void {
  let command: ReturnType<typeof browserCommand>;
  try {
    command = browserCommand(process.platform, url);
  } catch (error) {
    onError(error instanceof Error ? error : new Error(String(error)));
    return;
  }
  const child = spawn(command[0], command[1], { stdio: 'ignore', detached: true, shell: false });
  child.on('error', onError);
  child.unref();
}

export function createBrowserInteraction(options: BrowserInteractionOptions = {}): AuthorizationInteraction {
  const open =
    options.open ?? ((url: string) => openInSystemBrowser(url, (error) => options.say?.(`No browser could be opened (${error.message}); open the URL above yourself.`)));
  const timeoutMs = options.timeoutMs ?? 5 * 60_000;
  return {
    async obtainCallback({ url, redirectUri }) {
      const target = new URL(redirectUri);
      if (target.protocol !== 'http:' || !isLoopbackUrl(target)) {
        throw new Error(`--consent browser needs a loopback http redirect URI to listen on, not ${redirectUri}`);
      }
      const { server, callback } = await listenForCallback(target, timeoutMs);
      try {
        options.say?.(`Opening the authorization page in your browser. If nothing opens, visit:\n  ${terminalSafe(url)}`);
        await open(url);
        return await callback;
      } finally {
        server.closeAllConnections();
        await new Promise<void>((resolve) => server.close(() => resolve()));
      }
    },
  };
}

async function listenForCallback(target: URL, timeoutMs: number): Promise<{ server: Server; callback: Promise<string> }> {
  let settle: { resolve(url: string): void; reject(error: Error): void } | undefined;
  const callback = new Promise<string>((resolve, reject) => {
    settle = { resolve, reject };
  });
  const server = createServer((req, res) => {
    const requested = new URL(req.url ?? '/', target.origin);
    if (requested.pathname !== target.pathname) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not the callback path.');
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    res.end(
      '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>mcp-auth-debugger</title></head>' +
        '<body style="font-family:system-ui;margin:3rem"><h1>Authorization received</h1>' +
        '<p>You can close this tab and return to the terminal.</p></body></html>',
    );
    settle?.resolve(`${target.origin}${req.url ?? '/'}`);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(new Error(error.code === 'EADDRINUSE' ? `The redirect URI's port ${target.port} is in use; choose another with --redirect-uri.` : error.message)),
    );
    server.listen(Number(target.port || 80), target.hostname.replace(/^\[|\]$/g, ''), () => resolve());
  });
  const timer = setTimeout(() => settle?.reject(new Error(`No callback within ${Math.round(timeoutMs / 1000)} s.`)), timeoutMs);
  return { server, callback: callback.finally(() => clearTimeout(timer)) };
}

/**
 * `--consent auto` at an interactive terminal: follow the redirects; when the authorization
 * server shows a login or consent page instead, open it in the person's browser.
 */
export function withBrowserFallback(
  automatic: AuthorizationInteraction,
  browser: AuthorizationInteraction,
  say: (line: string) => void,
): AuthorizationInteraction {
  return {
    async obtainCallback(request, http) {
      try {
        return await automatic.obtainCallback(request, http);
      } catch (error) {
        if (!(error instanceof AuthorizationPageShown)) throw error;
        say('The authorization server shows a login or consent page: completing it in your browser.');
        return browser.obtainCallback(request, http);
      }
    },
  };
}
