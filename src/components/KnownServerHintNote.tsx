/**
 * Under a finding, the known-server hints that explain it (Keycloak's Trusted Hosts for a
 * refused registration, Entra's scope for a refused resource…), folded: the product and the
 * hint's title, the steps on demand. The same hints as the Findings tab's cards.
 */
import type { Finding } from '../engine/types.js';
import { useT } from '../i18n/index.js';
import { useDebugger } from '../store/index.js';
import { hintsExplaining } from '../ui-logic/known-server-hints.js';
import { HintSteps } from './KnownServerHints.js';

export function KnownServerHintNote({ finding }: { finding: Finding }) {
  const t = useT();
  const session = useDebugger((state) => state.session);
  const language = useDebugger((state) => state.language);
  const hints = hintsExplaining(session, finding.id, language);
  if (hints.length === 0) return null;
  return (
    <div className="space-y-1">
      {hints.map((hint) => (
        <details key={hint.id} className="rounded border border-violet-200 bg-violet-50 px-2 py-1 dark:border-violet-800 dark:bg-violet-950">
          <summary className="cursor-pointer text-xs font-semibold text-violet-900 dark:text-violet-200">
            {t(hint.certainty === 'shape' ? 'hints.forFinding.shape' : 'hints.forFinding', { product: hint.productName })}: {hint.title}
          </summary>
          <HintSteps steps={hint.steps} />
        </details>
      ))}
    </div>
  );
}
