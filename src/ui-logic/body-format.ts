/**
 * How a body is shown: JSON as a foldable tree, form bodies as a parameter table, server-sent
 * events (MCP's Streamable HTTP answers) as one entry per event, anything else as text.
 */
import type { HeaderList } from '../engine/types.js';
import { mediaType } from './http-format.js';
import { parseJson, type JsonValue } from './json-fold.js';
import { formParameters, type Parameter } from './query-params.js';

export interface ServerSentEvent {
  event?: string;
  id?: string;
  data: string;
  /** The data parsed as JSON when it is JSON (JSON-RPC messages are). */
  json?: JsonValue;
}

export type BodyView =
  | { kind: 'empty' }
  | { kind: 'json'; value: JsonValue }
  | { kind: 'form'; params: Parameter[] }
  | { kind: 'event-stream'; events: ServerSentEvent[] }
  | { kind: 'text'; text: string; invalidJson?: string };

function isJsonMediaType(type: string): boolean {
  return type === 'application/json' || type.endsWith('+json') || type === 'application/jwk-set+json';
}

/** Chooses the view for a body given its headers. Bodies that say JSON but do not parse are shown as text with the parse error. */
export function classifyBody(headers: HeaderList, body: string | undefined): BodyView {
  if (body === undefined || body === '') return { kind: 'empty' };
  const type = mediaType(headers);
  if (type === 'application/x-www-form-urlencoded') return { kind: 'form', params: formParameters(body) };
  if (type === 'text/event-stream') return { kind: 'event-stream', events: parseEventStream(body) };
  const trimmed = body.trimStart();
  const looksLikeJson = trimmed.startsWith('{') || trimmed.startsWith('[');
  if (isJsonMediaType(type) || (type === '' && looksLikeJson) || (type === 'text/plain' && looksLikeJson)) {
    const parsed = parseJson(body);
    if (parsed.ok) return { kind: 'json', value: parsed.value };
    if (isJsonMediaType(type)) return { kind: 'text', text: body, invalidJson: parsed.error };
  }
  return { kind: 'text', text: body };
}

/**
 * Splits a `text/event-stream` body into events: blank lines end an event, `data:` lines join
 * with newlines, lines starting with `:` are comments.
 * @see https://html.spec.whatwg.org/multipage/server-sent-events.html#event-stream-interpretation
 */
export function parseEventStream(body: string): ServerSentEvent[] {
  const events: ServerSentEvent[] = [];
  let data: string[] = [];
  let event: string | undefined;
  let id: string | undefined;
  const flush = () => {
    if (data.length > 0) {
      const text = data.join('\n');
      const parsed = parseJson(text);
      const entry: ServerSentEvent = { data: text };
      if (event !== undefined) entry.event = event;
      if (id !== undefined) entry.id = id;
      if (parsed.ok) entry.json = parsed.value;
      events.push(entry);
    }
    data = [];
    event = undefined;
    id = undefined;
  };
  for (const line of body.split(/\r\n|\r|\n/)) {
    if (line === '') {
      flush();
      continue;
    }
    if (line.startsWith(':')) continue;
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'data') data.push(value);
    else if (field === 'event') event = value;
    else if (field === 'id') id = value;
  }
  flush();
  return events;
}
