/**
 * React access to engine texts (outcome reasons, exchange labels, transport messages) in the
 * current language: loads the phrase tables with the findings catalogue when the language is not
 * English, and re-renders once they are there (English shows meanwhile).
 */
import { useDebugger } from '../store/index.js';
import { localizedEngineText, localizedEngineTextParts, type EngineTextSource, type TextPart } from '../ui-logic/engine-text.js';
import { useFindingCatalogue } from './finding-catalogue.js';

export interface EngineTextApi {
  text(source: EngineTextSource): string;
  parts(source: EngineTextSource): TextPart[];
}

export function useEngineText(): EngineTextApi {
  const language = useDebugger((state) => state.language);
  // Loading the catalogue loads the phrase tables; the hook re-renders when they arrive.
  useFindingCatalogue();
  return {
    text: (source) => localizedEngineText(source, language),
    parts: (source) => localizedEngineTextParts(source, language),
  };
}
