/**
 * A `tools/call` result as the server sent it (untrusted JSON) read into content items the view
 * can show: text, image, audio, embedded resource, resource link; plus `structuredContent` and
 * `isError`.
 * @see https://modelcontextprotocol.io/specification/2025-11-25/server/tools#tool-result
 */
import { parseJsonSafely } from '../wire/json.js';

export type ToolContentItem =
  | { kind: 'text'; text: string; /** Pretty-printed when the text is a JSON object or array. */ json?: string }
  | { kind: 'image'; mimeType: string; dataUri: string }
  | { kind: 'audio'; mimeType: string; dataUri: string }
  | { kind: 'resource'; uri: string; mimeType?: string; text?: string; blobBytes?: number }
  | { kind: 'resource_link'; uri: string; name?: string; title?: string; description?: string; mimeType?: string }
  /** A content type this view does not know, shown raw. */
  | { kind: 'unknown'; type: string; json: string };

export interface ToolResultDisplay {
  content: ToolContentItem[];
  /** Pretty JSON of `structuredContent`, when present. */
  structuredContent?: string;
  isError: boolean;
}

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

const MEDIA_TYPE = /^[a-z]+\/[a-z0-9.+-]+$/i;
const BASE64 = /^[A-Za-z0-9+/\s]*={0,2}\s*$/;

/**
 * A `data:` URI for base64 content, only when the media type is of the expected kind and the
 * data is base64 (so a server cannot smuggle anything else into the attribute).
 */
export function dataUri(mimeType: string | undefined, data: string | undefined, kind: 'image' | 'audio'): string | undefined {
  if (!mimeType || data === undefined || !MEDIA_TYPE.test(mimeType) || !mimeType.toLowerCase().startsWith(`${kind}/`)) return undefined;
  if (!BASE64.test(data)) return undefined;
  return `data:${mimeType};base64,${data.replace(/\s/g, '')}`;
}

/** Bytes of base64 data (for "binary, 1,234 bytes"). */
export function base64Bytes(data: string): number {
  const clean = data.replace(/\s/g, '');
  const padding = clean.endsWith('==') ? 2 : clean.endsWith('=') ? 1 : 0;
  return Math.max(0, Math.floor((clean.length * 3) / 4) - padding);
}

function prettyJsonText(text: string): string | undefined {
  const trimmed = text.trim();
  if (!trimmed.startsWith('{') && !trimmed.startsWith('[')) return undefined;
  // Text that only looks like JSON is shown as the text it is.
  const parsed = parseJsonSafely(trimmed);
  return parsed.ok ? JSON.stringify(parsed.value, null, 2) : undefined;
}

export function readContentItem(item: unknown): ToolContentItem {
  if (!isObject(item)) return { kind: 'unknown', type: typeof item, json: JSON.stringify(item) ?? String(item) };
  const type = str(item.type) ?? '(no type)';
  const raw = (): ToolContentItem => ({ kind: 'unknown', type, json: JSON.stringify(item, null, 2) });
  switch (type) {
    case 'text': {
      const text = str(item.text);
      if (text === undefined) return raw();
      const json = prettyJsonText(text);
      return { kind: 'text', text, ...(json ? { json } : {}) };
    }
    case 'image':
    case 'audio': {
      const mimeType = str(item.mimeType);
      const uri = dataUri(mimeType, str(item.data), type);
      return mimeType && uri ? { kind: type, mimeType, dataUri: uri } : raw();
    }
    case 'resource': {
      const resource = item.resource;
      if (!isObject(resource) || !str(resource.uri)) return raw();
      const mimeType = str(resource.mimeType);
      const text = str(resource.text);
      const blob = str(resource.blob);
      return {
        kind: 'resource',
        uri: str(resource.uri) ?? '',
        ...(mimeType ? { mimeType } : {}),
        ...(text !== undefined ? { text } : {}),
        ...(blob !== undefined ? { blobBytes: base64Bytes(blob) } : {}),
      };
    }
    case 'resource_link': {
      const uri = str(item.uri);
      if (!uri) return raw();
      const optional = (key: 'name' | 'title' | 'description' | 'mimeType') => {
        const value = str(item[key]);
        return value !== undefined ? { [key]: value } : {};
      };
      return { kind: 'resource_link', uri, ...optional('name'), ...optional('title'), ...optional('description'), ...optional('mimeType') };
    }
    default:
      return raw();
  }
}

export function readToolResult(result: unknown): ToolResultDisplay {
  if (!isObject(result)) return { content: [], isError: false };
  const content = Array.isArray(result.content) ? result.content.map(readContentItem) : [];
  return {
    content,
    ...('structuredContent' in result && result.structuredContent !== undefined
      ? { structuredContent: JSON.stringify(result.structuredContent, null, 2) }
      : {}),
    isError: result.isError === true,
  };
}

/** Only http(s) links are made clickable; other resource URIs (file:, custom schemes) are shown as text. */
export function isWebLink(uri: string): boolean {
  return /^https?:\/\//i.test(uri) && URL.canParse(uri);
}
