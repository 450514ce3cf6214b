/**
 * An engine text (an outcome's reason, an exchange's label, a transport's message) in the reader's
 * language. The engine stores each in English beside its id and params; other languages come from
 * the engine's phrase tables, loaded with the findings catalogue (`useFindingCatalogue()`). The
 * English stays when the language is English, the tables are not loaded, the text has no id (a
 * session saved by an older version) or the id or a param the text names is unknown.
 *
 * The text comes back in parts: our words, and the values that came from servers, URLs and
 * identifiers (`data`), so the page can set those apart as code.
 */
import { referencedPhrase } from '../engine/checks/phrase-reference.js';
import { loadedFindingPhrases, type FindingPhrases } from './finding-catalogue.js';

export interface EngineTextSource {
  english: string;
  id?: string | undefined;
  params?: Readonly<Record<string, string>> | undefined;
}

export interface TextPart {
  text: string;
  /** A value from outside (a URL, a status, a server's words), not our wording. */
  data: boolean;
}

export type EngineTextLanguage = 'en' | 'zh-CN';

/** Phrases inside phrases: a label extended twice over a label with a phrase param. */
const MAX_DEPTH = 4;

export function localizedEngineTextParts(source: EngineTextSource, language: EngineTextLanguage, phrases: FindingPhrases | undefined = loadedFindingPhrases()): TextPart[] {
  const english = [{ text: source.english, data: false }];
  if (language === 'en' || typeof source.id !== 'string' || !phrases) return english;
  const lookup = (id: string) => (Object.hasOwn(phrases, id) ? phrases[id]?.[language] : undefined);
  return render(source.id, source.params ?? {}, lookup, 0) ?? english;
}

export function localizedEngineText(source: EngineTextSource, language: EngineTextLanguage, phrases: FindingPhrases | undefined = loadedFindingPhrases()): string {
  return localizedEngineTextParts(source, language, phrases)
    .map((part) => part.text)
    .join('');
}

function render(id: string, params: Readonly<Record<string, string>>, lookup: (id: string) => string | undefined, depth: number): TextPart[] | undefined {
  const template = depth <= MAX_DEPTH ? lookup(id) : undefined;
  return template === undefined ? undefined : renderTemplate(template, params, lookup, depth);
}

/**
 * A template (a finding's title, say) with its `{name}` placeholders filled from `params` as
 * parts: phrase references become the phrase in the lookup's language, other values are data.
 * Undefined when a placeholder has no param or a phrase is unknown.
 */
export function templateParts(template: string, params: Readonly<Record<string, string>>, lookup: (id: string) => string | undefined): TextPart[] | undefined {
  return renderTemplate(template, params, lookup, 0);
}

function renderTemplate(template: string, params: Readonly<Record<string, string>>, lookup: (id: string) => string | undefined, depth: number): TextPart[] | undefined {
  const parts: TextPart[] = [];
  let last = 0;
  for (const match of template.matchAll(/\{(\w+)\}/g)) {
    const name = match[1] ?? '';
    const value: unknown = params[name];
    // A text saved by another version may lack a param this one names, and a file nobody vouches
    // for may hold anything there: its English stays.
    if (typeof value !== 'string') return undefined;
    if (match.index > last) parts.push({ text: template.slice(last, match.index), data: false });
    const inner = referencedPhrase(value);
    if (inner === undefined) parts.push({ text: value, data: true });
    else {
      const rendered = render(inner, params, lookup, depth + 1);
      if (rendered === undefined) return undefined;
      parts.push(...rendered);
    }
    last = match.index + match[0].length;
  }
  if (last < template.length) parts.push({ text: template.slice(last), data: false });
  return merge(parts);
}

/** Neighbouring parts of the same kind as one. */
function merge(parts: TextPart[]): TextPart[] {
  const merged: TextPart[] = [];
  for (const part of parts) {
    const previous = merged.at(-1);
    if (previous && previous.data === part.data) previous.text += part.text;
    else merged.push({ ...part });
  }
  return merged;
}

/** The reason fields of an outcome or a stopped status. */
export function reasonText(outcome: { reason: string; reasonId?: string; reasonParams?: Record<string, string> }): EngineTextSource {
  return { english: outcome.reason, id: outcome.reasonId, params: outcome.reasonParams };
}

/** The label fields of an exchange; undefined when it has no label. */
export function labelText(exchange: { label?: string; labelId?: string; labelParams?: Record<string, string> }): EngineTextSource | undefined {
  return exchange.label === undefined ? undefined : { english: exchange.label, id: exchange.labelId, params: exchange.labelParams };
}

/** The message fields of an exchange error. */
export function messageText(error: { message: string; messageId?: string; messageParams?: Record<string, string> }): EngineTextSource {
  return { english: error.message, id: error.messageId, params: error.messageParams };
}
