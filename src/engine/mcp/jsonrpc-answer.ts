/**
 * Reading the answer to one MCP request over Streamable HTTP. "If the body is a JSON-RPC
 * request, the server MUST return either Content-Type: application/json (a single JSON object)
 * or Content-Type: text/event-stream (an SSE response stream)", and the client MUST support
 * both; on a stream, notifications may come before the response.
 * @see https://modelcontextprotocol.io/specification/2026-07-28/basic/transports/streamable-http#sending-messages
 * @see https://modelcontextprotocol.io/specification/2025-11-25/basic/transports#sending-messages-to-the-server
 *
 * Everything here reads untrusted bytes: every way an answer can be unusable is a value, never
 * an exception.
 */
import type { ExchangeResponse } from '../types.js';
import { parseJsonSafely, type JsonRefusal } from '../../wire/json.js';
import { parseEventStream } from './event-stream.js';

export type JsonRpcId = string | number;

/** The JSON-RPC response to the request, as the server sent it. */
export type JsonRpcAnswer =
  | { kind: 'result'; result: Record<string, unknown>; format: AnswerFormat; notifications: string[] }
  | { kind: 'error'; error: JsonRpcErrorObject; format: AnswerFormat; notifications: string[] }
  /** `refusal`: why a body that should be JSON is not, for `not-json`. */
  | { kind: 'unreadable'; reason: UnreadableReason; format: AnswerFormat | 'other'; refusal?: JsonRefusal };

export type AnswerFormat = 'json' | 'sse';

/**
 * Why there is no response to read: nothing came, it is not JSON, it is JSON but not JSON-RPC,
 * or a stream ended without the response to this request.
 */
export type UnreadableReason = 'empty' | 'not-json' | 'not-json-rpc' | 'no-response' | 'truncated';

export interface JsonRpcErrorObject {
  code: number;
  message: string;
  data?: unknown;
}

function contentTypeEssence(response: Pick<ExchangeResponse, 'headers'>): string {
  const header = response.headers.find(([name]) => name.toLowerCase() === 'content-type')?.[1] ?? '';
  return header.split(';')[0]?.trim().toLowerCase() ?? '';
}

/** `application/json` and structured-syntax `+json` types. */
export function isJsonContentType(essence: string): boolean {
  return /^application\/([\w.+-]*\+)?json$/.test(essence);
}


function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function errorObject(value: unknown): JsonRpcErrorObject | undefined {
  if (!isRecord(value) || typeof value.code !== 'number') return undefined;
  return {
    code: value.code,
    message: typeof value.message === 'string' ? value.message : '',
    ...('data' in value ? { data: value.data } : {}),
  };
}

/** A JSON-RPC response to `id` (or an error with a null id, which answers whatever was asked). */
function responseTo(message: unknown, id: JsonRpcId | undefined): JsonRpcAnswer | undefined {
  if (!isRecord(message) || message.jsonrpc !== '2.0') return undefined;
  if ('method' in message) return undefined;
  const sameId = id === undefined || message.id === id;
  const error = errorObject(message.error);
  if (error && (sameId || message.id === null || message.id === undefined)) return { kind: 'error', error, format: 'json', notifications: [] };
  if (sameId && isRecord(message.result)) return { kind: 'result', result: message.result, format: 'json', notifications: [] };
  return undefined;
}

/** True when the value is a JSON-RPC 2.0 message of any kind. */
function isJsonRpcMessage(value: unknown): boolean {
  return isRecord(value) && value.jsonrpc === '2.0';
}

/**
 * Finds the response to request `id` in an answer. A JSON body may also carry a bare JSON-RPC
 * error without an id (a server that refuses before reading the request).
 */
export function readJsonRpcAnswer(response: ExchangeResponse, id: JsonRpcId | undefined): JsonRpcAnswer {
  const essence = contentTypeEssence(response);
  if (essence === 'text/event-stream') return readStream(response, id);
  const format = isJsonContentType(essence) ? 'json' : 'other';
  if (response.body.trim() === '') return { kind: 'unreadable', reason: 'empty', format };
  const parsed = parseJsonSafely(response.body);
  if (!parsed.ok) return response.bodyTruncated ? { kind: 'unreadable', reason: 'truncated', format } : { kind: 'unreadable', reason: 'not-json', format, refusal: parsed };
  const messages = Array.isArray(parsed.value) ? parsed.value : [parsed.value];
  for (const message of messages) {
    const answer = responseTo(message, id);
    if (answer) return answer;
  }
  return { kind: 'unreadable', reason: messages.some(isJsonRpcMessage) ? 'no-response' : 'not-json-rpc', format };
}

function readStream(response: ExchangeResponse, id: JsonRpcId | undefined): JsonRpcAnswer {
  const notifications: string[] = [];
  let sawJsonRpc = false;
  for (const { data } of parseEventStream(response.body)) {
    const parsed = parseJsonSafely(data);
    if (!parsed.ok) continue;
    const answer = responseTo(parsed.value, id);
    if (answer) return answer.kind === 'unreadable' ? answer : { ...answer, format: 'sse', notifications };
    if (isJsonRpcMessage(parsed.value)) {
      sawJsonRpc = true;
      const method = isRecord(parsed.value) && typeof parsed.value.method === 'string' ? parsed.value.method : undefined;
      if (method) notifications.push(method);
    }
  }
  if (response.body.trim() === '') return { kind: 'unreadable', reason: 'empty', format: 'sse' };
  if (response.bodyTruncated) return { kind: 'unreadable', reason: 'truncated', format: 'sse' };
  return { kind: 'unreadable', reason: sawJsonRpc ? 'no-response' : 'not-json-rpc', format: 'sse' };
}

/** True when a body can be a Streamable HTTP answer (the probe's "is this MCP at all?"). */
export function mayBeJsonRpcAnswer(response: ExchangeResponse): boolean {
  const essence = contentTypeEssence(response);
  if (essence === 'text/event-stream') return true;
  if (!isJsonContentType(essence)) return false;
  if (response.bodyTruncated) return true;
  const parsed = parseJsonSafely(response.body);
  if (!parsed.ok) return false;
  const messages = Array.isArray(parsed.value) ? parsed.value : [parsed.value];
  return messages.length > 0 && messages.every(isJsonRpcMessage);
}
