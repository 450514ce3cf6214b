/**
 * How MCP requests look on the wire in each era. Modern (2026-07-28): every request carries its
 * protocol version, client identity and capabilities in `params._meta`, mirrored into the
 * `MCP-Protocol-Version`, `Mcp-Method` and `Mcp-Name` headers, and tool arguments a tool marks
 * with `x-mcp-header` travel as `Mcp-Param-{Name}` headers too. Legacy (2025-11-25 and earlier):
 * an `initialize` handshake, then the negotiated version in the header and a session id if the
 * server gave one.
 * @see https://modelcontextprotocol.io/specification/2026-07-28/basic/transports/streamable-http#request-metadata
 * @see https://modelcontextprotocol.io/specification/2026-07-28/basic/index#meta
 */
import type { HttpRequestInput } from '../step.js';
import type { HeaderList } from '../types.js';
import type { JsonRpcId } from './jsonrpc-answer.js';

/** The protocol versions the debugger speaks, newest first, by era. */
export const MODERN_PROTOCOL_VERSIONS = ['2026-07-28'] as const;
export const LEGACY_PROTOCOL_VERSIONS = ['2025-11-25', '2025-06-18', '2025-03-26', '2024-11-05'] as const;

export type ProtocolEra = 'modern' | 'legacy';

export function eraOfVersion(version: string): ProtocolEra | undefined {
  if ((MODERN_PROTOCOL_VERSIONS as readonly string[]).includes(version)) return 'modern';
  if ((LEGACY_PROTOCOL_VERSIONS as readonly string[]).includes(version)) return 'legacy';
  return undefined;
}

/** The reserved `_meta` keys of 2026-07-28. */
export const META_KEYS = {
  protocolVersion: 'io.modelcontextprotocol/protocolVersion',
  clientInfo: 'io.modelcontextprotocol/clientInfo',
  clientCapabilities: 'io.modelcontextprotocol/clientCapabilities',
  serverInfo: 'io.modelcontextprotocol/serverInfo',
} as const;

/** Who the debugger says it is, in `_meta` (modern) or `initialize` (legacy). */
export interface ClientIdentity {
  name: string;
  version: string;
  /** The debugger answers elicitation input requests itself (see input-requests.ts). */
  capabilities: Record<string, unknown>;
}

/** Streamable HTTP: the client MUST accept both answer formats. */
const BASE_HEADERS: HeaderList = [
  ['content-type', 'application/json'],
  ['accept', 'application/json, text/event-stream'],
];

/**
 * RFC 9110 field values are visible ASCII, space and tab; a value outside that, with leading or
 * trailing whitespace, or that looks like the sentinel itself travels Base64-encoded as
 * `=?base64?…?=`. Empty values are sent as they are (an empty header is still a header).
 * @see https://modelcontextprotocol.io/specification/2026-07-28/basic/transports/streamable-http#value-encoding
 */
function encodeHeaderValue(value: string): string {
  const needsEncoding = /[^\x20-\x7e]/.test(value) || value !== value.trim() || /^=\?base64\?.*\?=$/s.test(value);
  if (!needsEncoding) return value;
  const bytes = new TextEncoder().encode(value);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return `=?base64?${btoa(binary)}?=`;
}

/** The `Mcp-Name` source: `params.name` for tools/call and prompts/get, `params.uri` for resources/read. */
function nameHeaderSource(method: string, params: Record<string, unknown>): string | undefined {
  const value = method === 'resources/read' ? params.uri : method === 'tools/call' || method === 'prompts/get' ? params.name : undefined;
  return typeof value === 'string' ? value : undefined;
}

export interface ModernRequestInput {
  url: string;
  id: JsonRpcId;
  method: string;
  params: Record<string, unknown>;
  version: string;
  client: ClientIdentity;
  /** `Authorization` and the person's extra headers. */
  headers: HeaderList;
  /** `Mcp-Param-*` headers of a tools/call (see `toolParameterHeaders`). */
  parameterHeaders?: HeaderList;
}

/** A request of a modern era: `_meta` in the body, its mirror in the headers. */
export function modernRequest(input: ModernRequestInput): HttpRequestInput {
  const meta = {
    [META_KEYS.protocolVersion]: input.version,
    [META_KEYS.clientInfo]: { name: input.client.name, version: input.client.version },
    [META_KEYS.clientCapabilities]: input.client.capabilities,
  };
  const existingMeta = input.params._meta;
  const params = { ...input.params, _meta: { ...(typeof existingMeta === 'object' && existingMeta !== null ? existingMeta : {}), ...meta } };
  const headers: HeaderList = [...BASE_HEADERS, ['mcp-protocol-version', input.version], ['mcp-method', input.method]];
  const name = nameHeaderSource(input.method, input.params);
  if (name !== undefined) headers.push(['mcp-name', encodeHeaderValue(name)]);
  headers.push(...(input.parameterHeaders ?? []), ...input.headers);
  return { method: 'POST', url: input.url, headers, body: JSON.stringify({ jsonrpc: '2.0', id: input.id, method: input.method, params }) };
}

export interface LegacyRequestInput {
  url: string;
  /** Undefined for a notification. */
  id?: JsonRpcId;
  method: string;
  params?: Record<string, unknown>;
  /** The negotiated version; none on `initialize` (it travels in the body). */
  version?: string;
  sessionId?: string;
  headers: HeaderList;
}

/** A request of a legacy era (2025-11-25 and earlier Streamable HTTP). */
export function legacyRequest(input: LegacyRequestInput): HttpRequestInput {
  const headers: HeaderList = [...BASE_HEADERS];
  if (input.version !== undefined) headers.push(['mcp-protocol-version', input.version]);
  if (input.sessionId !== undefined) headers.push(['mcp-session-id', input.sessionId]);
  headers.push(...input.headers);
  const message = { jsonrpc: '2.0', ...(input.id !== undefined ? { id: input.id } : {}), method: input.method, ...(input.params ? { params: input.params } : {}) };
  return { method: 'POST', url: input.url, headers, body: JSON.stringify(message) };
}

/** The legacy handshake's opening request. */
export function initializeParams(version: string, client: ClientIdentity): Record<string, unknown> {
  return { protocolVersion: version, capabilities: client.capabilities, clientInfo: { name: client.name, version: client.version } };
}

/** One `x-mcp-header` annotation: the property path from the schema root and the header's name part. */
export interface HeaderAnnotation {
  path: string[];
  name: string;
  type: 'string' | 'integer' | 'boolean';
}

/**
 * Why an x-mcp-header annotation is invalid, in English; the findings' phrase table holds the
 * same words in every language as `x-mcp-header.<kind>` (a test keeps them identical).
 */
export const HEADER_ANNOTATION_PROBLEMS = {
  unreachable: 'x-mcp-header on {where} is not reachable from the schema root through "properties" alone',
  empty: 'x-mcp-header on {where} is empty or not a string',
  'not-token': 'x-mcp-header "{header}" on {where} is not an HTTP field-name token',
  'not-primitive': 'x-mcp-header "{header}" is on {where} of type {schemaType}; only string, integer and boolean may be mirrored',
  duplicate: 'x-mcp-header "{header}" is used twice (also as "{other}"); names must be unique regardless of case',
} as const;

export interface HeaderAnnotationProblem {
  kind: keyof typeof HEADER_ANNOTATION_PROBLEMS;
  params: Record<string, string>;
}

/** `reason` is every problem in English, joined; `problems` name each for other languages. */
export type HeaderAnnotationCheck = { ok: true; annotations: HeaderAnnotation[] } | { ok: false; reason: string; problems: HeaderAnnotationProblem[] };

/** RFC 9110 §5.1 `token`: 1*tchar. */
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
const PRIMITIVE_TYPES = new Set(['string', 'integer', 'boolean']);
/** Keywords an annotation must not sit beneath: only chains of `properties` are statically reachable. */
const NOT_STATICALLY_REACHABLE = ['items', 'prefixItems', 'additionalProperties', 'patternProperties', 'oneOf', 'anyOf', 'allOf', 'not', 'if', 'then', 'else', '$defs', 'definitions', 'contains', 'dependentSchemas'];
const MAX_SCHEMA_DEPTH = 32;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Checks a tool's `x-mcp-header` annotations against the rules a client MUST enforce, and lists
 * them. A tool that breaks one is invalid: "the client MUST exclude the invalid tool from the
 * result of tools/list".
 * @see https://modelcontextprotocol.io/specification/2026-07-28/server/tools#x-mcp-header
 */
export function checkHeaderAnnotations(inputSchema: unknown): HeaderAnnotationCheck {
  const annotations: HeaderAnnotation[] = [];
  const problems: HeaderAnnotationProblem[] = [];

  function visit(schema: unknown, path: string[], reachable: boolean, depth: number): void {
    if (!isRecord(schema) || depth > MAX_SCHEMA_DEPTH) return;
    if ('x-mcp-header' in schema) {
      const where = path.length > 0 ? path.join('.') : '(root)';
      const name = schema['x-mcp-header'];
      if (!reachable || path.length === 0) problems.push({ kind: 'unreachable', params: { where } });
      else if (typeof name !== 'string' || name === '') problems.push({ kind: 'empty', params: { where } });
      else if (!TOKEN.test(name)) problems.push({ kind: 'not-token', params: { header: name, where } });
      else if (typeof schema.type !== 'string' || !PRIMITIVE_TYPES.has(schema.type)) {
        problems.push({ kind: 'not-primitive', params: { header: name, where, schemaType: JSON.stringify(schema.type ?? null) } });
      } else annotations.push({ path, name, type: schema.type as HeaderAnnotation['type'] });
    }
    for (const [key, value] of Object.entries(schema)) {
      if (key === 'properties' && isRecord(value)) {
        for (const [property, propertySchema] of Object.entries(value)) visit(propertySchema, [...path, property], reachable, depth + 1);
      } else if (NOT_STATICALLY_REACHABLE.includes(key) || key === '$ref') {
        const children = Array.isArray(value) ? value : isRecord(value) && (key === '$defs' || key === 'definitions' || key === 'patternProperties' || key === 'dependentSchemas') ? Object.values(value) : [value];
        for (const child of children) visit(child, path, false, depth + 1);
      }
    }
  }

  visit(inputSchema, [], true, 0);
  const seen = new Map<string, string>();
  for (const annotation of annotations) {
    const key = annotation.name.toLowerCase();
    const other = seen.get(key);
    if (other !== undefined) problems.push({ kind: 'duplicate', params: { header: annotation.name, other } });
    seen.set(key, annotation.name);
  }
  if (problems.length === 0) return { ok: true, annotations };
  const english = problems.map(({ kind, params }) => HEADER_ANNOTATION_PROBLEMS[kind].replace(/\{(\w+)\}/g, (whole, key: string) => params[key] ?? whole));
  return { ok: false, reason: english.join('; '), problems };
}

/**
 * The `Mcp-Param-{Name}` headers of a tools/call: each annotated argument present and not null,
 * converted (integers in decimal, booleans as true/false) and encoded.
 * @see https://modelcontextprotocol.io/specification/2026-07-28/basic/transports/streamable-http#client-behavior
 */
export function toolParameterHeaders(annotations: readonly HeaderAnnotation[], args: Record<string, unknown>): HeaderList {
  const headers: HeaderList = [];
  for (const annotation of annotations) {
    let value: unknown = args;
    for (const key of annotation.path) value = isRecord(value) ? value[key] : undefined;
    let text: string | undefined;
    if (typeof value === 'string') text = value;
    else if (typeof value === 'boolean') text = value ? 'true' : 'false';
    else if (typeof value === 'number' && Number.isSafeInteger(value)) text = String(value);
    else if (typeof value === 'number' && Number.isFinite(value)) text = String(value);
    if (text !== undefined) headers.push([`mcp-param-${annotation.name}`, encodeHeaderValue(text)]);
  }
  return headers;
}
