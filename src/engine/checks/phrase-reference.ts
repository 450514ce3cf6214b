/**
 * References to phrases of the findings' phrase table (`finding-phrases.ts`), as they travel in a
 * finding's params. A param that is our own wording (a reason, a document's name, "(none)") holds
 * `@phrase:<id>` instead of English, so each reader renders it in its own language: `makeFinding`
 * in English, the browser UI in the language chosen. A phrase's `{name}` placeholders are filled
 * from the finding's other params, so `{ reason: '@phrase:server-url.scheme-not-http', scheme: 'ftp:' }`
 * reads "the scheme is ftp: …".
 *
 * This module holds no phrase text, so the UI can resolve references without loading the table
 * before first paint.
 */

export const PHRASE_PREFIX = '@phrase:';

/** A phrase in every language the findings catalogue speaks. */
export interface PhraseText {
  en: string;
  'zh-CN': string;
}

export type PhraseLanguage = keyof PhraseText;

/** The text of a phrase in one language, or undefined when the id is unknown. */
export type PhraseLookup = (id: string) => string | undefined;

/** The phrase id a param value refers to, or undefined for a plain value. */
export function referencedPhrase(value: string): string | undefined {
  return value.startsWith(PHRASE_PREFIX) ? value.slice(PHRASE_PREFIX.length) : undefined;
}

export function isPhraseReference(value: string | undefined): boolean {
  return value !== undefined && value.startsWith(PHRASE_PREFIX);
}

export function hasPhraseReferences(params: Readonly<Record<string, string>>): boolean {
  return Object.values(params).some(isPhraseReference);
}

/**
 * A phrase may name another param that is itself a phrase ("the top level is {jsonType}"), a few
 * levels deep (an exchange label extended twice, over a label with a phrase param): a phrase that
 * names its own param cannot loop.
 */
const MAX_DEPTH = 3;

export interface ResolvedParams {
  params: Record<string, string>;
  /** False when some reference names a phrase the lookup does not know; that value is left as it was. */
  complete: boolean;
}

/** The params with every phrase reference replaced by the phrase's text, its placeholders filled. */
export function resolvePhraseParams(params: Readonly<Record<string, string>>, lookup: PhraseLookup): ResolvedParams {
  let complete = true;
  const resolved: Record<string, string> = {};
  for (const [name, value] of Object.entries(params)) {
    const text = resolvePhraseValue(value, params, lookup);
    complete &&= text !== undefined;
    resolved[name] = text ?? value;
  }
  return { params: resolved, complete };
}

/**
 * One value as text: a plain value as it is, a reference as its phrase with the placeholders
 * filled from `params`. Undefined when some phrase on the way is unknown to the lookup.
 */
export function resolvePhraseValue(value: string, params: Readonly<Record<string, string>>, lookup: PhraseLookup, depth = 0): string | undefined {
  const id = referencedPhrase(value);
  if (id === undefined) return value;
  const template = depth <= MAX_DEPTH ? lookup(id) : undefined;
  if (template === undefined) return undefined;
  let complete = true;
  const text = template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const inner = params[name];
    if (inner === undefined) return whole;
    const filled = resolvePhraseValue(inner, params, lookup, depth + 1);
    complete &&= filled !== undefined;
    return filled ?? whole;
  });
  return complete ? text : undefined;
}
