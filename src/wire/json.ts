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

export type SafeJson = { ok: true; value: unknown } | { ok: false; kind: 'syntax' | 'too-deep'; message: string };

/** Parses JSON text without throwing: not ok for anything that is not JSON, or that nests deeper than `maxDepth`. */
export function parseJsonSafely(text: string, maxDepth: number = MAX_JSON_DEPTH): SafeJson {
  let value: unknown;
  try {
    value = JSON.parse(text) as unknown;
  } catch (error) {
    // SyntaxError for bad JSON; RangeError for nesting past the engine's stack.
    if (error instanceof SyntaxError || error instanceof RangeError) return { ok: false, kind: 'syntax', message: error.message };
    throw error;
  }
  return jsonDepthExceeds(value, maxDepth) ? { ok: false, kind: 'too-deep', message: `nested deeper than ${maxDepth} levels` } : { ok: true, value };
}
