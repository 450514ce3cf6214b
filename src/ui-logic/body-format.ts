/**
 * How a body is shown: JSON as a foldable tree, form bodies as a parameter table, server-sent
 * events (MCP's Streamable HTTP answers) as one entry per event, anything else as text.
 */
import type { HeaderList } from '../engine/types.js';
import { mediaType } from './http-format.js';
import { parseEventStream as parseStreamEvents } from '../engine/mcp/event-stream.js';
import type { EngineTextSource } from './engine-text.js';
import { parseJson, type JsonValue } from './json-fold.js';
import { jsonRefusalText } from '../wire/json.js';
import { formParameters, type Parameter } from './query-params.js';
import { isJsonContentType } from '../engine/mcp/jsonrpc-answer.js';

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
  /** `invalidJson`: why a body that says JSON does not parse, as an engine text. */
  | { kind: 'text'; text: string; invalidJson?: EngineTextSource };


/** Chooses the view for a body given its headers. Bodies that say JSON but do not parse are shown as text with the parse error. */
export function classifyBody(headers: HeaderList, body: string | undefined): BodyView {
  if (body === undefined || body === '') return { kind: 'empty' };
  const type = mediaType(headers);
  if (type === 'application/x-www-form-urlencoded') return { kind: 'form', params: formParameters(body) };
  if (type === 'text/event-stream') return { kind: 'event-stream', events: parseEventStream(body) };
  const trimmed = body.trimStart();
  const looksLikeJson = trimmed.startsWith('{') || trimmed.startsWith('[');
  if (isJsonContentType(type) || (type === '' && looksLikeJson) || (type === 'text/plain' && looksLikeJson)) {
    const parsed = parseJson(body);
    if (parsed.ok) return { kind: 'json', value: parsed.value };
    if (isJsonContentType(type)) return { kind: 'text', text: body, invalidJson: { english: parsed.refusal.message, ...jsonRefusalText(parsed.refusal) } };
  }
  return { kind: 'text', text: body };
}

/** A `text/event-stream` body as events, each data parsed as JSON where it is JSON. */
export function parseEventStream(body: string): ServerSentEvent[] {
  return parseStreamEvents(body).map((event) => {
    const parsed = parseJson(event.data);
    return parsed.ok ? { ...event, json: parsed.value } : event;
  });
}
