/**
 * HAR 1.2 (http://www.softwareishard.com/blog/har-12-spec/) of a session: every exchange an
 * entry, in the order it was sent, with its timing, so a run opens in browser dev tools and HAR
 * viewers. An exchange without an answer is an entry with status 0 and the reason in `_error`
 * (custom fields start with an underscore); the step and label are in `comment`.
 */
import type { Session } from '../engine/session.js';
import type { Exchange, HeaderList } from '../engine/types.js';

export interface HarNameValue {
  name: string;
  value: string;
}

export interface HarEntry {
  startedDateTime: string;
  time: number;
  request: {
    method: string;
    url: string;
    httpVersion: string;
    cookies: HarNameValue[];
    headers: HarNameValue[];
    queryString: HarNameValue[];
    postData?: { mimeType: string; text: string };
    headersSize: -1;
    bodySize: number;
  };
  response: {
    status: number;
    statusText: string;
    httpVersion: string;
    cookies: HarNameValue[];
    headers: HarNameValue[];
    content: { size: number; mimeType: string; text?: string; comment?: string };
    redirectURL: string;
    headersSize: -1;
    bodySize: number;
    _error?: { kind: string; message: string };
  };
  cache: Record<string, never>;
  timings: { send: number; wait: number; receive: number };
  comment: string;
}

export interface Har {
  log: {
    version: '1.2';
    creator: { name: string; version: string };
    comment: string;
    entries: HarEntry[];
  };
}

const encoder = new TextEncoder();

export function sessionToHar(session: Session, toolVersion: string): Har {
  const entries = session.results.flatMap((result) => result.exchanges.map(harEntry));
  return {
    log: {
      version: '1.2',
      creator: { name: 'mcp-auth-debugger', version: toolVersion },
      comment: `Authorization flow against ${session.options.serverUrl}, judged by MCP ${session.options.spec}`,
      entries,
    },
  };
}

function harEntry(exchange: Exchange): HarEntry {
  const { request, response, error } = exchange;
  const duration = Math.max(0, exchange.timings.durationMs);
  const requestBodySize = request.body === undefined ? 0 : encoder.encode(request.body).length;
  const contentType = (headers: HeaderList) => headers.find(([name]) => name.toLowerCase() === 'content-type')?.[1] ?? '';
  return {
    startedDateTime: exchange.timings.startedAt,
    time: duration,
    request: {
      method: request.method,
      url: request.url,
      httpVersion: 'HTTP/1.1',
      cookies: [],
      headers: nameValues(request.headers),
      queryString: URL.canParse(request.url) ? [...new URL(request.url).searchParams].map(([name, value]) => ({ name, value })) : [],
      ...(request.body !== undefined ? { postData: { mimeType: contentType(request.headers), text: request.body } } : {}),
      headersSize: -1,
      bodySize: requestBodySize,
    },
    response: response
      ? {
          status: response.status,
          statusText: response.statusText,
          httpVersion: 'HTTP/1.1',
          cookies: [],
          headers: nameValues(response.headers),
          content: {
            size: response.bodyBytes,
            mimeType: contentType(response.headers),
            text: response.body,
            ...(response.bodyTruncated ? { comment: 'cut at the debugger’s body size cap' } : {}),
          },
          redirectURL: response.headers.find(([name]) => name.toLowerCase() === 'location')?.[1] ?? '',
          headersSize: -1,
          bodySize: response.bodyBytes,
          ...(error ? { _error: { kind: error.kind, message: error.message } } : {}),
        }
      : {
          status: 0,
          statusText: '',
          httpVersion: '',
          cookies: [],
          headers: [],
          content: { size: 0, mimeType: '' },
          redirectURL: '',
          headersSize: -1,
          bodySize: -1,
          ...(error ? { _error: { kind: error.kind, message: error.message } } : {}),
        },
    cache: {},
    timings: { send: 0, wait: duration, receive: 0 },
    comment: [exchange.stepId, exchange.label].filter(Boolean).join(': '),
  };
}

function nameValues(headers: HeaderList): HarNameValue[] {
  return headers.map(([name, value]) => ({ name, value }));
}
