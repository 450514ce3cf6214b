/**
 * The Findings tab's cards for known servers: for each product the run was recognised as
 * (Keycloak, Entra ID, FastMCP…) that explains some of its findings, what it was recognised by
 * and the numbered fix steps for that product. Computed from the session, so a saved session
 * shows them too; server text in the clues is rendered as text.
 */
import { useId } from 'react';
import { renderKnownServerHints, type HintGroup, type RenderedHint } from '../engine/hints/hints.js';
import type { Session } from '../engine/session.js';
import { useT } from '../i18n/index.js';
import { useDebugger } from '../store/index.js';
import { sessionHints } from '../ui-logic/known-server-hints.js';

export function KnownServerHints({ session }: { session: Session }) {
  const t = useT();
  const language = useDebugger((state) => state.language);
  const groups = renderKnownServerHints(sessionHints(session), language);
  if (groups.length === 0) return null;
  return (
    <section aria-label={t('hints.region')} className="mb-3 space-y-2">
      {groups.map((group) => (
        <KnownServerCard key={group.recognition.product} group={group} />
      ))}
    </section>
  );
}

function KnownServerCard({ group }: { group: HintGroup }) {
  const t = useT();
  const headingId = useId();
  const { recognition, hints } = group;
  return (
    <article aria-labelledby={headingId} className="rounded-md border border-l-4 border-slate-200 border-l-violet-600 bg-white p-3 text-sm dark:border-slate-700 dark:border-l-violet-400 dark:bg-slate-900">
      <h3 id={headingId} className="font-semibold text-slate-900 dark:text-slate-50">
        {recognition.heading}
      </h3>
      <p className="mt-1 text-xs break-words text-slate-600 dark:text-slate-300">
        <span className="font-semibold">{t('hints.recognisedBy')}:</span> {recognition.clues.map((clue) => clue.text).join('; ')}
      </p>
      {recognition.note && <p className="mt-1 text-xs text-amber-800 italic dark:text-amber-300">{recognition.note}</p>}
      <div className="mt-2 space-y-3">
        {hints.map((hint) => (
          <HintSection key={hint.id} hint={hint} />
        ))}
      </div>
    </article>
  );
}

function HintSection({ hint }: { hint: RenderedHint }) {
  const t = useT();
  const titleId = useId();
  return (
    <section aria-labelledby={titleId} className="text-slate-800 dark:text-slate-200">
      <h4 id={titleId} className="font-semibold break-words">
        {hint.title}
      </h4>
      <p className="mt-0.5 flex flex-wrap gap-x-2 text-xs text-slate-600 dark:text-slate-300">
        <span>{t('hints.explains')}:</span>
        {hint.findingIds.map((id) => (
          <code key={id} className="font-mono">
            {id}
          </code>
        ))}
      </p>
      <HintSteps steps={hint.steps} />
    </section>
  );
}

/** A hint's numbered fix steps, under a card or a finding. */
export function HintSteps({ steps }: { steps: readonly string[] }) {
  const t = useT();
  return (
    <ol aria-label={t('hints.steps')} className="mt-1 list-decimal space-y-1 pl-5">
      {steps.map((step, index) => (
        <li key={index} className="break-words">
          {step}
        </li>
      ))}
    </ol>
  );
}
