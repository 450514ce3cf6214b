/**
 * "Copy as curl": the request exactly as it was sent, as a POSIX shell command. Exchanges in
 * the browser's memory are not redacted, so the command carries the real headers and body
 * (tokens included); that is what makes it reproduce the request.
 */
import type { ExchangeRequest } from '../engine/types.js';
import { parseUrl } from './http-format.js';

/** Characters that need no quoting in a POSIX shell word. */
const SAFE_WORD = /^[A-Za-z0-9_@%+=:,./-]+$/;

/**
 * Quotes one argument for sh/bash/zsh: inside single quotes nothing is special except the
 * single quote itself, which is closed, escaped and reopened (`'\''`).
 */
export function shellQuote(argument: string): string {
  if (argument !== '' && SAFE_WORD.test(argument)) return argument;
  return `'${argument.replace(/'/g, `'\\''`)}'`;
}

/**
 * Headers curl computes from the command itself. A recorded `content-length` would be wrong
 * once the shell passes the body through; `host` is kept only when it differs from the URL's.
 */
function keepHeader(name: string, value: string, url: string): boolean {
  const lower = name.toLowerCase();
  if (lower === 'content-length') return false;
  if (lower === 'host') return parseUrl(url)?.host.toLowerCase() !== value.trim().toLowerCase();
  return true;
}

/** The curl arguments, one group per option (the URL first), that repeat `request`. */
function curlArgumentGroups(request: ExchangeRequest): string[][] {
  const method = request.method.toUpperCase();
  const hasBody = request.body !== undefined && request.body !== '';
  const first: string[] = [];
  if (method === 'HEAD') first.push('--head');
  else if (!(method === 'GET' && !hasBody) && !(method === 'POST' && hasBody)) first.push('-X', method);
  // The method and the URL share the first line: `curl -X PUT https://…`.
  const groups: string[][] = [[...first, request.url]];
  for (const [name, value] of request.headers) {
    if (keepHeader(name, value, request.url)) groups.push(['-H', `${name}: ${value}`]);
  }
  // --data-raw sends the bytes as they are (no @file reading, no newline stripping).
  if (hasBody && request.body !== undefined) groups.push(['--data-raw', request.body]);
  return groups;
}

/** The curl arguments (without `curl`). Redirects are not followed, as the engine does not follow them. */
export function curlArguments(request: ExchangeRequest): string[] {
  return curlArgumentGroups(request).flat();
}

/** The whole command, one option per line, ready to paste into a terminal. */
export function buildCurlCommand(request: ExchangeRequest): string {
  const [first = [], ...rest] = curlArgumentGroups(request);
  const lines = [['curl', ...first], ...rest].map((words, index) => words.map((word, at) => (index === 0 && at === 0 ? word : shellQuote(word))).join(' '));
  return lines.join(' \\\n  ');
}
