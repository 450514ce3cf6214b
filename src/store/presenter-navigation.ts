/**
 * How the presenter view moves through a run, one step at a time: which step it shows (the
 * same rule as the step details), and what "next" and "previous" do from there. Next walks
 * forward through steps already run, then runs the next one; previous walks back.
 */
import type { Session } from '../engine/session.js';
import type { StepSelection } from './flow-slice.js';
import { latestResultIndex } from './timeline.js';

/** The step shown: the one picked (without a result while it runs), else the step up next with its latest run, else the first. */
export function shownStep(session: Session | undefined, selected: StepSelection | undefined): StepSelection {
  const stepId = selected?.stepId ?? session?.next ?? 'probe';
  const resultIndex = selected ? selected.resultIndex : latestResultIndex(session, stepId);
  return resultIndex === undefined ? { stepId } : { stepId, resultIndex };
}

export type PresenterMove =
  /** No run yet: start one in step mode. */
  | { kind: 'start' }
  /** Show a step that has run. */
  | { kind: 'select'; selection: StepSelection }
  /** Run the step up next (and show it). */
  | { kind: 'run-next' }
  /** Nothing to do: the flow waits for the person, stopped or completed, or this is the first step. */
  | { kind: 'none' };

function resultAt(session: Session, index: number): PresenterMove {
  const result = session.results[index];
  return result ? { kind: 'select', selection: { stepId: result.stepId, resultIndex: index } } : { kind: 'none' };
}

export function nextMove(session: Session | undefined, shown: StepSelection): PresenterMove {
  if (!session) return { kind: 'start' };
  if (shown.resultIndex !== undefined && shown.resultIndex < session.results.length - 1) return resultAt(session, shown.resultIndex + 1);
  if (session.status.kind === 'ready' && session.next !== undefined) return { kind: 'run-next' };
  return { kind: 'none' };
}

export function previousMove(session: Session | undefined, shown: StepSelection): PresenterMove {
  if (!session) return { kind: 'none' };
  if (shown.resultIndex === undefined) return session.results.length > 0 ? resultAt(session, session.results.length - 1) : { kind: 'none' };
  return shown.resultIndex > 0 ? resultAt(session, shown.resultIndex - 1) : { kind: 'none' };
}

/** The flow waits for the person's sign-in and the step shown is the one that asked for it. */
export function waitsForSignIn(session: Session | undefined, shown: StepSelection): boolean {
  return session?.status.kind === 'waiting' && shown.resultIndex === session.results.length - 1;
}
