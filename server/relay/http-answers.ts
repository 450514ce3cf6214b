/**
 * Response headers and bodies the relay answers with. Every answer carries the security
 * headers; none carries CORS headers, so only the relay's own origin can read anything.
 */
import type { ServerResponse } from 'node:http';
import type { RelayEnvelope } from '../../src/wire/relay.js';

/**
 * For the Vite-built SPA: its scripts and styles are files under /assets, it talks only to
 * the relay (connect-src 'self'), and nothing may frame it or post forms elsewhere.
 * style-src allows inline styles because React sets `style` attributes. Images and audio of tool
 * results are shown from data: and blob: URLs (img-src, media-src); scripts stay 'self' only.
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "media-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  // Keeps other origins from pulling index.html (and its secret) into their process as no-cors.
  'cross-origin-resource-policy': 'same-origin',
};

export function answerJson(res: ServerResponse, status: number, payload: unknown, extraHeaders: Record<string, string> = {}): void {
  const body = JSON.stringify(payload);
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(body),
    'cache-control': 'no-store',
    ...extraHeaders,
  });
  res.end(body);
}

/** `text` names the message in the engine's transport messages, so the page can say it in its reader's language. */
export function answerRelayRejected(
  res: ServerResponse,
  status: number,
  message: string,
  extraHeaders: Record<string, string> = {},
  text?: { messageId: string; messageParams?: Record<string, string> },
): void {
  const envelope: RelayEnvelope = { relay: { ok: false, error: { kind: 'relay-rejected', message, ...text } } };
  answerJson(res, status, envelope, extraHeaders);
}

export function answerText(res: ServerResponse, status: number, text: string, extraHeaders: Record<string, string> = {}): void {
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    'content-type': 'text/plain; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
    ...extraHeaders,
  });
  res.end(text);
}
