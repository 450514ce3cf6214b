/**
 * The presenter view, for a projector: one step at a time, in large text (the `presenter` class
 * on <html> grows every rem), its teaching note first so it is always in view, the sequence of
 * the run drawn large, the whole width used. Keys: → / PageDown / N next step, ← / PageUp
 * previous step (a presentation clicker sends the page keys). Focus goes to what the person does
 * next: the sign-in when the flow waits for it, else the next-step button.
 */
import { useEffect, useId, useMemo, useRef, useState, type RefObject } from 'react';
import { STEP_IDS, type Finding } from '../engine/types.js';
import { useFindingCatalogue } from '../i18n/finding-catalogue.js';
import { useT } from '../i18n/index.js';
import { stepTitle } from '../i18n/steps.js';
import { useDebugger } from '../store/index.js';
import { nextMove, previousMove, shownStep, waitsForSignIn, type PresenterMove } from '../store/presenter-navigation.js';
import { sequenceActors, sessionExchanges } from '../store/selectors.js';
import { resultStatus } from '../store/timeline.js';
import { filterFindings, localizedFindingText } from '../ui-logic/findings.js';
import { isTyping } from './PresenterToggle.js';
import { SequenceDiagram } from './SequenceDiagram.js';
import { SeverityBadge } from './SeverityBadge.js';
import { StepTeachingNote } from './StepTeachingNote.js';
import { SignInChoices } from './SignInChoices.js';

/** How much larger the sequence diagram is drawn than in the normal view (its labels are in px), as the text grows (styles.css). */
const diagramScale = () => (window.matchMedia('(min-width: 1600px)').matches ? 2 : 1.6);

export function PresenterView() {
  const t = useT();
  const language = useDebugger((s) => s.language);
  const session = useDebugger((s) => s.session);
  const selected = useDebugger((s) => s.selected);
  const running = useDebugger((s) => s.running);
  const runningStep = useDebugger((s) => s.runningStep);
  const selectExchange = useDebugger((s) => s.selectExchange);
  const [startFailed, setStartFailed] = useState(false);
  const titleId = useId();
  const nextButton = useRef<HTMLButtonElement>(null);
  const signInButton = useRef<HTMLButtonElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const nextHandler = useRef<() => void>(() => undefined);
  const previousHandler = useRef<() => void>(() => undefined);

  const shown = shownStep(session, selected);
  const result = shown.resultIndex === undefined ? undefined : session?.results[shown.resultIndex];
  const waiting = waitsForSignIn(session, shown);
  const forward = nextMove(session, shown);
  const back = previousMove(session, shown);
  const exchanges = useMemo(() => sessionExchanges(session), [session]);
  const status = result ? resultStatus(result) : running && runningStep === shown.stepId ? 'running' : 'pending';

  useEffect(() => {
    // Each move is worked out from the store as it is now, so a key pressed twice sees the first.
    const move = async (which: 'next' | 'previous') => {
      const state = useDebugger.getState();
      if (state.running) return;
      const from = shownStep(state.session, state.selected);
      await apply(which === 'next' ? nextMove(state.session, from) : previousMove(state.session, from));
    };
    const apply = async (presenterMove: PresenterMove) => {
      const state = useDebugger.getState();
      switch (presenterMove.kind) {
        case 'start':
          setStartFailed(!(await state.start('step')));
          return;
        case 'select':
          return state.select(presenterMove.selection);
        case 'run-next':
          return state.next();
        case 'none':
          return;
      }
    };
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented || isTyping(event)) return;
      const key = event.key.length === 1 ? event.key.toLowerCase() : event.key;
      const which = key === 'ArrowRight' || key === 'PageDown' || key === 'n' ? 'next' : key === 'ArrowLeft' || key === 'PageUp' ? 'previous' : undefined;
      if (!which) return;
      event.preventDefault();
      if (!event.repeat) void move(which);
    };
    window.addEventListener('keydown', onKeyDown);
    nextHandler.current = () => void move('next');
    previousHandler.current = () => void move('previous');
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);

  // Focus goes to what the person does next, each time the step shown or the flow's state changes.
  const statusKind = session?.status.kind;
  useEffect(() => {
    if (running) return;
    if (waiting) signInButton.current?.focus();
    else if (nextButton.current && !nextButton.current.disabled) nextButton.current.focus();
    else heading.current?.focus();
  }, [shown.stepId, shown.resultIndex, waiting, running, statusKind]);

  const stepNumber = STEP_IDS.indexOf(shown.stepId) + 1;
  return (
    <section aria-labelledby={titleId} className="space-y-4 px-4 py-3 sm:px-6">
      <div className="flex flex-wrap items-center gap-x-6 gap-y-3">
        <div className="min-w-0 flex-1">
          <p className="text-sm text-slate-700 dark:text-slate-300">
            {t('presenter.step', { n: stepNumber, count: STEP_IDS.length })} · <span className="font-medium">{t(`app.status.${status}`)}</span>
          </p>
          <h2 id={titleId} ref={heading} tabIndex={-1} className="text-2xl font-semibold focus:outline-none">
            {stepTitle(shown.stepId, language)}
          </h2>
        </div>
        {waiting ? <PresenterSignIn buttonRef={signInButton} /> : null}
        <div className="flex flex-wrap gap-2">
          <button type="button" className="btn-secondary" disabled={running || back.kind === 'none'} onClick={() => previousHandler.current()} aria-keyshortcuts="ArrowLeft PageUp">
            <span aria-hidden="true">←</span> {t('presenter.previous')}
          </button>
          <button ref={nextButton} type="button" className="btn-primary" disabled={running || forward.kind === 'none'} onClick={() => nextHandler.current()} aria-keyshortcuts="ArrowRight PageDown N">
            {forward.kind === 'start' ? t('presenter.start') : t('presenter.next')} <span aria-hidden="true">→</span>
          </button>
        </div>
      </div>

      <StepTeachingNote stepId={shown.stepId} />

      <p className="text-sm text-slate-700 dark:text-slate-300">{t('presenter.keys')}</p>
      {startFailed ? (
        <p role="alert" className="text-sm text-red-800 dark:text-red-200">
          {t('presenter.startFailed')}
        </p>
      ) : null}
      {session?.status.kind === 'completed' && forward.kind === 'none' ? <p className="text-sm font-medium">{t('presenter.completed')}</p> : null}

      <div className="grid gap-4 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        {exchanges.length > 0 ? (
          <section aria-label={t('presenter.sequence')} className="panel overflow-x-auto p-2">
            <SequenceDiagram
              exchanges={exchanges}
              actors={sequenceActors(session)}
              selectedId={result?.exchanges.at(-1)?.id}
              onSelect={selectExchange}
              maxHeight={560}
              scale={diagramScale()}
            />
          </section>
        ) : null}
        {result ? <StepFindings findings={result.findings} /> : null}
      </div>
    </section>
  );
}

/** The flow waits for the person: the two ways to open the sign-in, and the lab's demo user. */
function PresenterSignIn({ buttonRef }: { buttonRef: RefObject<HTMLButtonElement | null> }) {
  const t = useT();
  const id = useId();
  return (
    <section aria-labelledby={id} className="rounded-lg border-2 border-violet-500 bg-violet-50 px-3 py-2 dark:border-violet-400 dark:bg-violet-950/60">
      <h3 id={id} className="text-sm font-semibold text-violet-950 dark:text-violet-100">
        {t('app.auth.title')}
      </h3>
      <SignInChoices firstButtonRef={buttonRef} compact />
    </section>
  );
}

/** The step's findings by title, errors first as the step details order them. */
function StepFindings({ findings }: { findings: readonly Finding[] }) {
  const t = useT();
  const language = useDebugger((s) => s.language);
  const catalogue = useFindingCatalogue();
  const id = useId();
  const sorted = filterFindings(findings, new Set());
  return (
    <section aria-labelledby={id} className="panel p-3">
      <h3 id={id} className="text-base font-semibold">
        {t('presenter.findings')}
      </h3>
      {sorted.length === 0 ? (
        <p className="mt-1 text-sm text-slate-700 dark:text-slate-300">{t('presenter.noFindings')}</p>
      ) : (
        <ul className="mt-2 space-y-2">
          {sorted.map((finding, index) => (
            <li key={`${finding.id}-${index}`} className="flex items-start gap-2 text-sm">
              <SeverityBadge severity={finding.severity} />
              <span className="min-w-0 break-words">{localizedFindingText(finding, language, catalogue).title}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
