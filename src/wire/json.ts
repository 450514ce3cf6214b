/**
 * The one way untrusted JSON is parsed here (server answers, relay calls, session files, stored
 * settings): `parseJsonSafely` never throws for bad input and refuses values nested deeper than
 * a real document ever is.
 *
 * How deep a parsed JSON value nests. JSON.parse takes any depth, but JSON.stringify, structured
 * clone and recursive renderers overflow the stack on a few thousand levels, so a value a server
 * sent is kept only up to a depth no real document comes near. Counted without recursion.
 */
export const MAX_JSON_DEPTH = 64;

export function jsonDepthExceeds(value: unknown, max: number = MAX_JSON_DEPTH): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const next = stack.pop();
    if (!next) break;
    const [current, depth] = next;
    if (typeof current !== 'object' || current === null) continue;
    if (depth >= max) return true;
    for (const child of Array.isArray(current) ? current : Object.values(current)) {
      if (typeof child === 'object' && child !== null) stack.push([child, depth + 1]);
    }
  }
  return false;
}

/**
 * Where JSON text stops being JSON, in our own terms rather than the JavaScript engine's (whose
 * wording differs between versions and is English only): the 1-based line and column, and the
 * character found there, or `end` where the text stops before the value is complete.
 */
export interface JsonSyntaxError {
  line: number;
  column: number;
  /** The offending character as shown to a person (`U+0007` for one that does not print), or `end`. */
  found: string;
}

export type SafeJson =
  | { ok: true; value: unknown }
  | { ok: false; kind: 'too-deep'; message: string; max: number }
  | { ok: false; kind: 'syntax'; message: string; at: JsonSyntaxError };

export type JsonRefusal = Extract<SafeJson, { ok: false }>;

/** Parses JSON text without throwing: not ok for anything that is not JSON, or that nests deeper than `maxDepth`. */
export function parseJsonSafely(text: string, maxDepth: number = MAX_JSON_DEPTH): SafeJson {
  let value: unknown;
  try {
    value = JSON.parse(text) as unknown;
  } catch (error) {
    // SyntaxError for bad JSON; RangeError for nesting past the engine's stack.
    if (error instanceof SyntaxError || error instanceof RangeError) {
      const at = locateJsonSyntaxError(text);
      // Text that is JSON by the grammar is refused only for nesting past the engine's stack.
      return at ? { ok: false, kind: 'syntax', message: jsonSyntaxErrorText(at), at } : tooDeep(maxDepth);
    }
    throw error;
  }
  return jsonDepthExceeds(value, maxDepth) ? tooDeep(maxDepth) : { ok: true, value };
}

const tooDeep = (max: number): JsonRefusal => ({ ok: false, kind: 'too-deep', message: `nested deeper than ${max} levels`, max });

/**
 * Why a text is not usable JSON, as a phrase of the findings' phrase table with its values, so
 * each reader says it in its own language. This module holds no phrase text (it is on the first
 * page); the ids are checked against the table by the tests.
 */
export function jsonRefusalText(refusal: JsonRefusal): { id: 'json.syntax.unexpected' | 'json.syntax.ends-early' | 'json.too-deep'; params: Record<string, string> } {
  if (refusal.kind === 'too-deep') return { id: 'json.too-deep', params: { max: String(refusal.max) } };
  const { line, column, found } = refusal.at;
  const where = { line: String(line), column: String(column) };
  return found === 'end' ? { id: 'json.syntax.ends-early', params: where } : { id: 'json.syntax.unexpected', params: { ...where, found } };
}

/** The English words for a syntax error (the command line's; the page says it through `json.syntax.*` phrases). */
function jsonSyntaxErrorText(at: JsonSyntaxError): string {
  const where = `line ${at.line}, column ${at.column}`;
  return at.found === 'end' ? `the text ends at ${where}, before the JSON is complete` : `unexpected ${at.found} at ${where}`;
}

const WHITESPACE = /[ \t\n\r]*/y;
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const ESCAPE = /["\\/bfnrt]|u[0-9a-fA-F]{4}/y;

/**
 * Finds the first place where `text` is not JSON, by the grammar of RFC 8259, without recursion
 * (a hostile text may open a million arrays). Undefined when the text is JSON after all.
 */
export function locateJsonSyntaxError(text: string): JsonSyntaxError | undefined {
  // What each open container expects next; the top of the stack is the innermost.
  const open: ('{' | '[')[] = [];
  let i = 0;
  const skipWhitespace = () => {
    WHITESPACE.lastIndex = i;
    WHITESPACE.exec(text);
    i = WHITESPACE.lastIndex;
  };
  const fail = (at: number) => syntaxErrorAt(text, at);
  // Reads a string starting at its quote; the index after it, or the failure.
  const readString = (): number | JsonSyntaxError => {
    let j = i + 1;
    for (;;) {
      const c = text.charCodeAt(j);
      if (Number.isNaN(c)) return fail(j);
      if (c === 0x22) return j + 1;
      if (c < 0x20) return fail(j);
      if (c === 0x5c) {
        ESCAPE.lastIndex = j + 1;
        if (!ESCAPE.test(text)) return fail(j + 1);
        j = ESCAPE.lastIndex;
      } else j++;
    }
  };
  // Reads an object member's name and its colon (at the name's quote, after white space).
  const readName = (): JsonSyntaxError | undefined => {
    skipWhitespace();
    if (text[i] !== '"') return fail(i);
    const after = readString();
    if (typeof after !== 'number') return after;
    i = after;
    skipWhitespace();
    if (text[i] !== ':') return fail(i);
    i++;
    return undefined;
  };
  let expectValue = true;
  for (;;) {
    skipWhitespace();
    if (expectValue) {
      const c = text[i];
      if (c === '{' || c === '[') {
        open.push(c);
        i++;
        skipWhitespace();
        const close = c === '{' ? '}' : ']';
        if (text[i] === close) {
          open.pop();
          i++;
          expectValue = false;
          continue;
        }
        const failed = c === '{' ? readName() : undefined;
        if (failed) return failed;
        continue;
      }
      if (c === '"') {
        const after = readString();
        if (typeof after !== 'number') return after;
        i = after;
      } else if (text.startsWith('true', i) || text.startsWith('null', i)) i += 4;
      else if (text.startsWith('false', i)) i += 5;
      else {
        NUMBER.lastIndex = i;
        if (!NUMBER.test(text)) return fail(i);
        i = NUMBER.lastIndex;
      }
      expectValue = false;
      continue;
    }
    const container = open.at(-1);
    if (container === undefined) return i === text.length ? undefined : fail(i);
    const c = text[i];
    if (c === ',') {
      i++;
      const failed = container === '{' ? readName() : undefined;
      if (failed) return failed;
      expectValue = true;
    } else if (c === (container === '{' ? '}' : ']')) {
      open.pop();
      i++;
    } else return fail(i);
  }
}

function syntaxErrorAt(text: string, at: number): JsonSyntaxError {
  let line = 1;
  let lineStart = 0;
  for (let newline = text.indexOf('\n'); newline !== -1 && newline < at; newline = text.indexOf('\n', newline + 1)) {
    line++;
    lineStart = newline + 1;
  }
  const code = text.codePointAt(at);
  return { line, column: at - lineStart + 1, found: code === undefined ? 'end' : shownCharacter(code) };
}

/** A character as it can be shown safely: printable ones quoted, the rest (controls, bidi marks, odd spaces) as a code point. */
function shownCharacter(code: number): string {
  const printable = code > 0x20 && code !== 0x7f && !(code >= 0x80 && code <= 0xa0) && !/[\p{Cf}\p{Zl}\p{Zp}\p{Zs}\p{Co}\p{Cn}]/u.test(String.fromCodePoint(code));
  return printable ? `“${String.fromCodePoint(code)}”` : `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
}
