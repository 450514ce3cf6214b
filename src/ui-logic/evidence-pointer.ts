/**
 * Where in an exchange a finding's evidence points (`Finding.evidence.pointer`, notation in
 * src/engine/types.ts): the parsed place, and the JSON Pointer (RFC 6901) walk that finds the
 * value in a body, or the nearest value that is there when the field is absent.
 */
import type { JsonValue } from './json-fold.js';

export type EvidenceTarget =
  | { place: 'response-body'; pointer: string }
  | { place: 'request-body'; pointer: string }
  | { place: 'response-header'; name: string }
  | { place: 'request-header'; name: string }
  | { place: 'param'; name: string };

const REQUEST_BODY = 'request:';
const RESPONSE_HEADER = 'header:';
const REQUEST_HEADER = 'request-header:';
const PARAM = 'param:';

/**
 * Parses an evidence pointer; undefined when there is none or it is not in the notation (a
 * session file written by another version). Header names are compared case-insensitively, so
 * they come back lower-cased.
 */
export function parseEvidencePointer(pointer: string | undefined): EvidenceTarget | undefined {
  if (pointer === undefined) return undefined;
  if (pointer === '' || pointer.startsWith('/')) return { place: 'response-body', pointer };
  const named = (prefix: string) => pointer.slice(prefix.length).trim();
  if (pointer.startsWith(REQUEST_BODY)) {
    const inner = pointer.slice(REQUEST_BODY.length);
    return inner === '' || inner.startsWith('/') ? { place: 'request-body', pointer: inner } : undefined;
  }
  if (pointer.startsWith(REQUEST_HEADER)) return named(REQUEST_HEADER) ? { place: 'request-header', name: named(REQUEST_HEADER).toLowerCase() } : undefined;
  if (pointer.startsWith(RESPONSE_HEADER)) return named(RESPONSE_HEADER) ? { place: 'response-header', name: named(RESPONSE_HEADER).toLowerCase() } : undefined;
  if (pointer.startsWith(PARAM)) return named(PARAM) ? { place: 'param', name: named(PARAM) } : undefined;
  return undefined;
}

/** The reference tokens of a JSON Pointer, unescaped (`~1` → `/`, then `~0` → `~`); undefined when it is not one. */
export function pointerTokens(pointer: string): string[] | undefined {
  if (pointer === '') return [];
  if (!pointer.startsWith('/')) return undefined;
  return pointer
    .slice(1)
    .split('/')
    .map((token) => token.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function escapeToken(token: string): string {
  return token.replace(/~/g, '~0').replace(/\//g, '~1');
}

export type ResolvedPointer =
  /** The value is there; `pointer` is its pointer as the JSON view spells it. */
  | { found: true; pointer: string }
  /** It is not: `nearest` is the deepest value on its way that is, `missing` what follows. */
  | { found: false; nearest: string; missing: string };

/**
 * Walks `pointer` through `root`. An array index must be a decimal without leading zeros
 * (RFC 6901 §4); a member name is looked up as an own property only.
 */
export function resolveJsonPointer(root: JsonValue, pointer: string): ResolvedPointer {
  const tokens = pointerTokens(pointer);
  if (tokens === undefined) return { found: false, nearest: '', missing: pointer };
  let current: JsonValue = root;
  let at = '';
  for (const [index, token] of tokens.entries()) {
    let next: JsonValue | undefined;
    if (Array.isArray(current)) {
      if (/^(0|[1-9][0-9]*)$/.test(token)) next = current[Number(token)];
    } else if (current !== null && typeof current === 'object' && Object.hasOwn(current, token)) {
      next = current[token];
    }
    if (next === undefined) return { found: false, nearest: at, missing: `/${tokens.slice(index).map(escapeToken).join('/')}` };
    current = next;
    at = `${at}/${escapeToken(token)}`;
  }
  return { found: true, pointer: at };
}

/** The evidence as a reader would name it: `/resource`, `WWW-Authenticate` header, `redirect_uri` parameter. */
export function evidenceSubject(target: EvidenceTarget): string {
  switch (target.place) {
    case 'response-body':
    case 'request-body':
      return target.pointer === '' ? '/' : target.pointer;
    case 'response-header':
    case 'request-header':
    case 'param':
      return target.name;
  }
}
