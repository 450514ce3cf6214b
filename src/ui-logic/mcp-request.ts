/**
 * What an MCP request carries besides its JSON-RPC body, explained for the exchange inspector:
 * in the modern era (2026-07-28) the `_meta` envelope and its mirror in the MCP-Protocol-Version,
 * Mcp-Method, Mcp-Name and Mcp-Param-* headers (Base64 values decoded); in the legacy era the
 * negotiated version and the session id.
 * @see https://modelcontextprotocol.io/specification/2026-07-28/basic/transports/streamable-http#request-metadata
 */
import type { ExchangeRequest } from '../engine/types.js';
import { parseJsonSafely } from '../wire/json.js';

export interface MirroredValue {
  header: string;
  /** As sent. */
  value: string;
  /** The value a `=?base64?…?=` header carries, when it is one. */
  decoded?: string;
}

export interface McpRequestExplanation {
  era: 'modern' | 'legacy';
  method: string;
  /** MCP-Protocol-Version as sent (absent on a legacy initialize, which carries it in the body). */
  headerVersion?: string;
  /** `_meta["io.modelcontextprotocol/protocolVersion"]`, or `params.protocolVersion` of initialize. */
  bodyVersion?: string;
  headerMethod?: string;
  name?: MirroredValue;
  parameters: MirroredValue[];
  clientInfo?: string;
  capabilities: string[];
  sessionId?: string;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The text inside `=?base64?…?=`, or undefined when the value is not in that form or not UTF-8. */
export function decodeSentinel(value: string): string | undefined {
  const match = /^=\?base64\?(.*)\?=$/s.exec(value);
  if (!match) return undefined;
  try {
    const binary = atob(match[1] ?? '');
    return new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
  } catch (error) {
    // Not Base64, or not UTF-8: shown as sent.
    if (error instanceof DOMException || error instanceof TypeError) return undefined;
    throw error;
  }
}

function mirrored(header: string, value: string): MirroredValue {
  const decoded = decodeSentinel(value);
  return { header, value, ...(decoded !== undefined ? { decoded } : {}) };
}

/** Undefined for anything that is not a JSON-RPC message sent by POST. */
export function explainMcpRequest(request: ExchangeRequest): McpRequestExplanation | undefined {
  if (request.method.toUpperCase() !== 'POST' || request.body === undefined) return undefined;
  const parsed = parseJsonSafely(request.body);
  if (!parsed.ok) return undefined;
  const message = parsed.value;
  if (!isRecord(message) || message.jsonrpc !== '2.0' || typeof message.method !== 'string') return undefined;
  const header = (name: string) => request.headers.find(([n]) => n.toLowerCase() === name)?.[1];
  const params = isRecord(message.params) ? message.params : {};
  const meta = isRecord(params._meta) ? params._meta : undefined;
  const modern = meta !== undefined && 'io.modelcontextprotocol/protocolVersion' in meta;
  const clientInfo = modern ? meta['io.modelcontextprotocol/clientInfo'] : params.clientInfo;
  const capabilities = modern ? meta['io.modelcontextprotocol/clientCapabilities'] : params.capabilities;
  const bodyVersion = modern ? meta['io.modelcontextprotocol/protocolVersion'] : params.protocolVersion;
  const headerVersion = header('mcp-protocol-version');
  const headerMethod = header('mcp-method');
  const name = header('mcp-name');
  const sessionId = header('mcp-session-id');
  return {
    era: modern ? 'modern' : 'legacy',
    method: message.method,
    ...(headerVersion !== undefined ? { headerVersion } : {}),
    ...(typeof bodyVersion === 'string' ? { bodyVersion } : {}),
    ...(headerMethod !== undefined ? { headerMethod } : {}),
    ...(name !== undefined ? { name: mirrored('Mcp-Name', name) } : {}),
    parameters: request.headers.filter(([n]) => n.toLowerCase().startsWith('mcp-param-')).map(([n, v]) => mirrored(n, v)),
    ...(isRecord(clientInfo) && typeof clientInfo.name === 'string' ? { clientInfo: `${clientInfo.name} ${typeof clientInfo.version === 'string' ? clientInfo.version : ''}`.trim() } : {}),
    capabilities: isRecord(capabilities) ? Object.keys(capabilities) : [],
    ...(sessionId !== undefined ? { sessionId } : {}),
  };
}
