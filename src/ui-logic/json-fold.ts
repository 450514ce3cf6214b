/**
 * The model behind the foldable JSON view: what a node is, what its children are (each with a
 * JSON Pointer, RFC 6901), what a folded node shows, and which nodes start unfolded. The view
 * renders children only when a node is open, so a 2 MB body costs only what is shown.
 */
import { parseJsonSafely, type JsonRefusal } from '../wire/json.js';

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

export type JsonKind = 'object' | 'array' | 'string' | 'number' | 'boolean' | 'null';

export function jsonKind(value: JsonValue): JsonKind {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  switch (typeof value) {
    case 'object':
      return 'object';
    case 'string':
      return 'string';
    case 'number':
      return 'number';
    default:
      return 'boolean';
  }
}

export type ParsedJson = { ok: true; value: JsonValue } | { ok: false; refusal: JsonRefusal };

/** Parses JSON text without throwing; a value nested too deep to render is refused like bad JSON. */
export function parseJson(text: string): ParsedJson {
  const parsed = parseJsonSafely(text);
  return parsed.ok ? { ok: true, value: parsed.value as JsonValue } : { ok: false, refusal: parsed };
}

/** Escapes one reference token of a JSON Pointer (`~` → `~0`, `/` → `~1`). */
export function pointerToken(key: string | number): string {
  return String(key).replace(/~/g, '~0').replace(/\//g, '~1');
}

function childPointer(parent: string, key: string | number): string {
  return `${parent}/${pointerToken(key)}`;
}

export interface JsonChild {
  /** Object member name, or array index. */
  key: string | number;
  pointer: string;
  value: JsonValue;
}

/** The members of an object (in document order) or the items of an array; none for a scalar. */
export function jsonChildren(value: JsonValue, pointer: string): JsonChild[] {
  if (Array.isArray(value)) return value.map((item, index) => ({ key: index, pointer: childPointer(pointer, index), value: item }));
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).map(([key, item]) => ({ key, pointer: childPointer(pointer, key), value: item }));
  }
  return [];
}

export function isContainer(value: JsonValue): value is JsonValue[] | { [key: string]: JsonValue } {
  return value !== null && typeof value === 'object';
}

/** Number of members or items (0 for scalars). */
export function childCount(value: JsonValue): number {
  if (Array.isArray(value)) return value.length;
  if (value !== null && typeof value === 'object') return Object.keys(value).length;
  return 0;
}

/** A scalar as JSON text (`"text"`, `42`, `true`, `null`). */
export function scalarText(value: JsonValue): string {
  return JSON.stringify(value);
}

/** What a folded container shows after its key: `{…}` / `[…]` plus, for short ones, a preview of the first members. */
export function foldedPreview(value: JsonValue, maxLength = 60): string {
  if (!isContainer(value)) return scalarText(value);
  const open = Array.isArray(value) ? '[' : '{';
  const close = Array.isArray(value) ? ']' : '}';
  const parts: string[] = [];
  let length = 2;
  for (const child of jsonChildren(value, '')) {
    const inner = isContainer(child.value) ? (Array.isArray(child.value) ? '[…]' : '{…}') : scalarText(child.value);
    const part = Array.isArray(value) ? inner : `${JSON.stringify(child.key)}: ${inner}`;
    if (length + part.length + 2 > maxLength) {
      parts.push('…');
      break;
    }
    parts.push(part);
    length += part.length + 2;
  }
  return `${open}${parts.join(', ')}${close}`;
}

export interface FoldPolicy {
  /** Containers at a depth below this start open (the root has depth 0). */
  openDepth: number;
  /** Containers with more children than this start folded, whatever their depth. */
  maxOpenChildren: number;
}

export const DEFAULT_FOLD_POLICY: FoldPolicy = { openDepth: 2, maxOpenChildren: 50 };

/** True when `pointer` is `target` or one of its ancestors ('' is the root). */
export function isPointerPrefix(pointer: string, target: string): boolean {
  return target === pointer || target.startsWith(`${pointer}/`);
}

/** Whether a container starts open: shallow and not too big, or on the way to the highlighted node. */
export function startsOpen(value: JsonValue, pointer: string, depth: number, policy: FoldPolicy = DEFAULT_FOLD_POLICY, highlight?: string): boolean {
  if (!isContainer(value)) return false;
  if (highlight !== undefined && isPointerPrefix(pointer, highlight) && pointer !== highlight) return true;
  return depth < policy.openDepth && childCount(value) <= policy.maxOpenChildren;
}

/** Counts nodes up to `limit` (stops early), to decide whether "expand all" is reasonable. */
export function countNodes(value: JsonValue, limit: number): number {
  let count = 0;
  const stack: JsonValue[] = [value];
  while (stack.length > 0 && count < limit) {
    const next = stack.pop() as JsonValue;
    count++;
    if (Array.isArray(next)) stack.push(...next);
    else if (next !== null && typeof next === 'object') stack.push(...Object.values(next));
  }
  return count;
}

/** Pretty-printed JSON as the raw view shows it. */
export function prettyJson(value: JsonValue): string {
  return JSON.stringify(value, null, 2);
}
