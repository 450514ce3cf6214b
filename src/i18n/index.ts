/**
 * UI text in English and Simplified Chinese. Each part of the UI keeps its messages in
 * `messages/<area>.ts`; keys are namespaced by area (`inspect.headers`). Finding texts live in
 * the engine's catalogue, step texts in `steps.ts`.
 */
import { useDebugger } from '../store/index.js';
import { appMessages } from './messages/app.js';
import { clientsMessages } from './messages/clients.js';
import { compareMessages } from './messages/compare.js';
import { hintsMessages } from './messages/hints.js';
import { corsMessages } from './messages/cors.js';
import { inspectMessages } from './messages/inspect.js';
import { mcpMessages } from './messages/mcp.js';
import { pitfallsMessages } from './messages/pitfalls.js';
import { presenterMessages } from './messages/presenter.js';
import { scorecardMessages } from './messages/scorecard.js';
import type { Language } from './languages.js';

export { LANGUAGES, type Language } from './languages.js';

export type MessageTable = Record<string, string>;
export interface MessageCatalogue {
  en: MessageTable;
  'zh-CN': MessageTable;
}

/**
 * The catalogues of what the first page shows. A view loaded on demand (tokens, network, workshop)
 * brings its own catalogue and registers it when its module loads, before it renders: the first
 * page does not carry their text. `catalogues.ts` lists them all.
 */
export const FIRST_PAGE_CATALOGUES: readonly MessageCatalogue[] = [
  appMessages,
  clientsMessages,
  compareMessages,
  corsMessages,
  hintsMessages,
  inspectMessages,
  mcpMessages,
  pitfallsMessages,
  presenterMessages,
  scorecardMessages,
];

const tables: Record<Language, MessageTable> = { en: {}, 'zh-CN': {} };

/** Adds a catalogue's messages to the tables `translate` reads. */
export function registerMessages(catalogue: MessageCatalogue): void {
  Object.assign(tables.en, catalogue.en);
  Object.assign(tables['zh-CN'], catalogue['zh-CN']);
}

for (const catalogue of FIRST_PAGE_CATALOGUES) registerMessages(catalogue);

/** The text for `key` in `language` (English when missing), with `{name}` placeholders filled. */
export function translate(language: Language, key: string, params: Record<string, string | number> = {}): string {
  const template = tables[language][key] ?? tables.en[key] ?? key;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

export type Translate = (key: string, params?: Record<string, string | number>) => string;

/** The translate function for the current language. */
export function useT(): Translate {
  const language = useDebugger((state) => state.language);
  return (key, params) => translate(language, key, params);
}

/** The message key for a count: `key.one` for exactly one, `key.other` for any other number. */
export function countKey(key: string, count: number): string {
  return count === 1 ? `${key}.one` : `${key}.other`;
}
