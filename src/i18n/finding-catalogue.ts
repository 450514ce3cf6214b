/**
 * React access to the findings catalogue for non-English finding texts: loads it when the
 * language is not English and re-renders once it is there (English shows meanwhile).
 */
import { useEffect, useState } from 'react';
import { useDebugger } from '../store/index.js';
import { loadedFindingCatalogue, loadFindingCatalogue, type FindingCatalogue } from '../ui-logic/finding-catalogue.js';

export function useFindingCatalogue(): FindingCatalogue | undefined {
  const language = useDebugger((state) => state.language);
  const [catalogue, setCatalogue] = useState(loadedFindingCatalogue);
  useEffect(() => {
    if (language === 'en' || catalogue) return undefined;
    let current = true;
    loadFindingCatalogue().then(
      (loaded) => {
        if (current) setCatalogue(loaded);
      },
      // Not loaded (the relay went away): findings stay in English until the next attempt.
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [language, catalogue]);
  return catalogue;
}
