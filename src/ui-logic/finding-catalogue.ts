/**
 * The findings catalogue, loaded on first need. Every finding carries its English text; the
 * catalogue (all texts in all languages, about 45 KB compressed) is only needed to show findings
 * in another language, so it stays out of the JavaScript loaded before first paint. The phrase
 * table that params refer to (`@phrase:…`) comes with it.
 */
import type { FindingDefinition } from '../engine/checks/finding-definition.js';
import type { PhraseText } from '../engine/checks/phrase-reference.js';

export type FindingCatalogue = ReadonlyMap<string, FindingDefinition>;

export type FindingPhrases = Readonly<Record<string, PhraseText>>;

let loaded: FindingCatalogue | undefined;
let loadedPhrases: FindingPhrases | undefined;
let pending: Promise<FindingCatalogue> | undefined;

/** The catalogue when it has been loaded, else undefined. */
export function loadedFindingCatalogue(): FindingCatalogue | undefined {
  return loaded;
}

/** The phrase table, loaded with the catalogue; undefined until then. */
export function loadedFindingPhrases(): FindingPhrases | undefined {
  return loadedPhrases;
}

/** Loads the catalogue once; a failed load (the relay went away) is retried on the next call. */
export function loadFindingCatalogue(): Promise<FindingCatalogue> {
  if (loaded) return Promise.resolve(loaded);
  pending ??= import('../engine/checks/catalogue.js').then(
    (module) => {
      loadedPhrases = module.PHRASES;
      return (loaded = module.FINDINGS);
    },
    (error: unknown) => {
      pending = undefined;
      throw error;
    },
  );
  return pending;
}
