/**
 * Serves the built SPA (Vite's `dist/`) on the relay's origin. Paths without a file extension
 * that name no file are SPA routes (`/`, `/callback`) and get `index.html`, into which the
 * relay secret is written only when the request's Host names the relay.
 */
import { createReadStream } from 'node:fs';
import { readFile, realpath, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { pipeline } from 'node:stream';
import { RELAY_SECRET_META_NAME } from '../../src/wire/relay.js';
import { FINDINGS_REFERENCE_PATH } from '../../src/wire/findings-reference.js';
import { SECURITY_HEADERS, answerText } from './http-answers.js';

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
};

/** Vite puts content-hashed file names under /assets: they never change, so cache for good. */
const IMMUTABLE = 'public, max-age=31536000, immutable';
/** Anything else may change with the next build: revalidate every time. */
const REVALIDATE = 'no-cache';

export interface StaticRequestContext {
  /** Absolute path of the built SPA, or undefined when the relay runs without a UI. */
  root: string | undefined;
  /** The secret to write into index.html; undefined when the Host check failed. */
  secret: string | undefined;
}

export async function serveStaticSite(req: IncomingMessage, res: ServerResponse, context: StaticRequestContext): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    answerText(res, 405, 'Method not allowed.\n', { allow: 'GET, HEAD' });
    return;
  }
  const segments = referencePageSegments(pathSegments(req.url ?? ''));
  if (segments === undefined) {
    answerText(res, 400, 'Bad request path.\n');
    return;
  }
  if (segments.some((segment) => segment.startsWith('.'))) {
    answerText(res, 404, 'Not found.\n');
    return;
  }
  const last = segments.at(-1) ?? '';
  const looksLikeFile = path.extname(last) !== '';

  if (context.root === undefined) {
    if (looksLikeFile) answerText(res, 404, 'Not found.\n');
    else answerHtml(req, res, NOT_BUILT_PAGE, REVALIDATE);
    return;
  }

  if (segments.length > 0) {
    const file = await existingFileInside(context.root, segments);
    if (file) {
      const cacheControl = segments[0] === 'assets' ? IMMUTABLE : REVALIDATE;
      if (file.path === path.join(file.root, 'index.html')) await serveIndex(req, res, context.root, context.secret);
      else serveFile(req, res, file.path, file.size, cacheControl);
      return;
    }
    if (looksLikeFile) {
      answerText(res, 404, 'Not found.\n');
      return;
    }
  }
  await serveIndex(req, res, context.root, context.secret);
}

/**
 * The findings reference (server/reference/findings-pages.ts) is built as
 * `findings/<id>.html` and `findings/index.html`, and linked as `/findings/<id>` and
 * `/findings/`: the file those names stand for.
 */
function referencePageSegments(segments: string[] | undefined): string[] | undefined {
  if (segments?.[0] !== FINDINGS_REFERENCE_PATH.slice(1)) return segments;
  if (segments.length === 1) return [...segments, 'index.html'];
  if (segments.length === 2 && !segments[1]?.endsWith('.html')) return [segments[0], `${segments[1]}.html`];
  return segments;
}

/**
 * The decoded path segments, or undefined when the path is not a plain origin-form path or
 * tries to leave the root (`..`, also percent-encoded, backslashes, NUL).
 */
function pathSegments(requestTarget: string): string[] | undefined {
  // Absolute-form (`GET http://other/ HTTP/1.1`) and asterisk-form targets are not for a file server.
  if (!requestTarget.startsWith('/')) return undefined;
  const rawPath = requestTarget.split('?', 1)[0] ?? '';
  let decoded: string;
  try {
    decoded = decodeURIComponent(rawPath);
  } catch (error) {
    if (error instanceof URIError) return undefined;
    throw error;
  }
  if (/[\\\0]/.test(decoded)) return undefined;
  const segments = decoded.split('/').filter((segment) => segment !== '');
  if (segments.some((segment) => segment === '..' || segment === '.')) return undefined;
  return segments;
}

/** The file under root named by the segments, after resolving symlinks, if it is a regular file inside root. */
async function existingFileInside(root: string, segments: string[]): Promise<{ root: string; path: string; size: number } | undefined> {
  let realRoot: string;
  let realFile: string;
  try {
    realRoot = await realpath(root);
    realFile = await realpath(path.join(realRoot, ...segments));
  } catch (error) {
    if (isMissing(error)) return undefined;
    throw error;
  }
  const relative = path.relative(realRoot, realFile);
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return undefined;
  const info = await stat(realFile);
  return info.isFile() ? { root: realRoot, path: realFile, size: info.size } : undefined;
}

function serveFile(req: IncomingMessage, res: ServerResponse, file: string, size: number, cacheControl: string): void {
  res.writeHead(200, {
    ...SECURITY_HEADERS,
    'content-type': CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
    'content-length': size,
    'cache-control': cacheControl,
  });
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  pipeline(createReadStream(file), res, (error) => {
    // Headers are gone already; cutting the connection is the only honest signal left.
    if (error) res.destroy(error);
  });
}

async function serveIndex(req: IncomingMessage, res: ServerResponse, root: string, secret: string | undefined): Promise<void> {
  let html: string;
  try {
    html = await readFile(path.join(root, 'index.html'), 'utf8');
  } catch (error) {
    if (!isMissing(error)) throw error;
    answerHtml(req, res, NOT_BUILT_PAGE, REVALIDATE);
    return;
  }
  // The page carries a per-process secret: never stored, never reused from a cache.
  answerHtml(req, res, secret === undefined ? html : withSecretMeta(html, secret), 'no-store');
}

function withSecretMeta(html: string, secret: string): string {
  const meta = `<meta name="${RELAY_SECRET_META_NAME}" content="${escapeAttribute(secret)}" />`;
  const headEnd = html.search(/<\/head\s*>/i);
  if (headEnd >= 0) return `${html.slice(0, headEnd)}  ${meta}\n  ${html.slice(headEnd)}`;
  return `${meta}\n${html}`;
}

function answerHtml(req: IncomingMessage, res: ServerResponse, html: string, cacheControl: string): void {
  res.writeHead(200, {
    ...SECURITY_HEADERS,
    'content-type': 'text/html; charset=utf-8',
    'content-length': Buffer.byteLength(html),
    'cache-control': cacheControl,
  });
  res.end(req.method === 'HEAD' ? undefined : html);
}

function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function isMissing(error: unknown): boolean {
  return error instanceof Error && 'code' in error && (error.code === 'ENOENT' || error.code === 'ENOTDIR');
}

const NOT_BUILT_PAGE = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>mcp-auth-debugger: UI not built</title>
  </head>
  <body>
    <h1>The UI is not built</h1>
    <p>The relay is running, but there is no built web UI to serve. Run <code>npm run build</code>, then start the relay again.</p>
  </body>
</html>
`;
