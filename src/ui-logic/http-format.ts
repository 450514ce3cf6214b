/**
 * Small, pure formatters for HTTP data as the inspector shows it: header lookups, status reasons,
 * durations, sizes and short forms of URLs.
 */
import type { ExchangeErrorKind, HeaderList } from '../engine/types.js';

/** Every value of a header, in order (header names are case-insensitive, RFC 9110 §5.1). */
export function headerValues(headers: HeaderList, name: string): string[] {
  const wanted = name.toLowerCase();
  return headers.filter(([key]) => key.toLowerCase() === wanted).map(([, value]) => value);
}

export function firstHeader(headers: HeaderList, name: string): string | undefined {
  return headerValues(headers, name)[0];
}

/** The media type without parameters, lower-cased (`application/json`), or '' when absent. */
export function mediaType(headers: HeaderList): string {
  const value = firstHeader(headers, 'content-type') ?? '';
  return (value.split(';')[0] ?? '').trim().toLowerCase();
}

/** Reason phrases for when the transport gives none (HTTP/2 has no reason phrase). RFC 9110 §15. */
const REASONS: Record<number, string> = {
  100: 'Continue',
  101: 'Switching Protocols',
  200: 'OK',
  201: 'Created',
  202: 'Accepted',
  204: 'No Content',
  206: 'Partial Content',
  301: 'Moved Permanently',
  302: 'Found',
  303: 'See Other',
  304: 'Not Modified',
  307: 'Temporary Redirect',
  308: 'Permanent Redirect',
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  406: 'Not Acceptable',
  408: 'Request Timeout',
  409: 'Conflict',
  410: 'Gone',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  501: 'Not Implemented',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

/** The status text the server sent, or the standard reason phrase for the code. */
export function statusReason(status: number, statusText: string): string {
  const sent = statusText.trim();
  if (sent !== '') return sent;
  return REASONS[status] ?? '';
}

export type StatusTone = 'success' | 'redirect' | 'client-error' | 'server-error' | 'informational';

export function statusTone(status: number): StatusTone {
  if (status >= 500) return 'server-error';
  if (status >= 400) return 'client-error';
  if (status >= 300) return 'redirect';
  if (status >= 200) return 'success';
  return 'informational';
}

/** `51 ms`, `1.25 s`, `2 min 5 s`. */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return '–';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
  const minutes = Math.floor(ms / 60_000);
  const seconds = Math.round((ms % 60_000) / 1000);
  return `${minutes} min ${seconds} s`;
}

/** `84 B`, `1.2 kB`, `2.0 MB` (decimal units, as browsers' network panels show them). */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) return '–';
  if (bytes < 1000) return `${bytes} B`;
  if (bytes < 1_000_000) return `${(bytes / 1000).toFixed(1)} kB`;
  return `${(bytes / 1_000_000).toFixed(1)} MB`;
}

/** Host and path of a URL (`127.0.0.1:4282/mcp`), with `?…` when it has a query; the input when unparsable. */
export function hostAndPath(url: string): string {
  const parsed = parseUrl(url);
  if (!parsed) return url;
  return `${parsed.host}${parsed.pathname}${parsed.search ? '?…' : ''}`;
}

export function parseUrl(url: string, base?: string): URL | undefined {
  try {
    return new URL(url, base);
  } catch (error) {
    if (error instanceof TypeError) return undefined;
    throw error;
  }
}

/** The origin of a URL, or undefined when it is not an absolute URL. */
export function originOf(url: string): string | undefined {
  const parsed = parseUrl(url);
  return parsed && parsed.origin !== 'null' ? parsed.origin : undefined;
}

/** Cuts `text` to at most `max` characters, ending with `…` when cut. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  return `${text.slice(0, Math.max(0, max - 1))}…`;
}

/** Local time of day with milliseconds (`14:03:07.412`), for exchange start times. */
export function formatClockTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  return `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}.${pad(date.getMilliseconds(), 3)}`;
}

/** Every kind of exchange failure, each explained by `inspect.error.<kind>`. */
export function exchangeErrorKey(kind: ExchangeErrorKind): string {
  return `inspect.error.${kind}`;
}
