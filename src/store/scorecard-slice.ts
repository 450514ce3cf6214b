/**
 * The scorecard's way into the findings: a verdict opens the Findings tab showing that area's
 * findings only, until the person asks for all of them or another run is shown.
 */
import type { StateCreator } from 'zustand';
import type { Session } from '../engine/session.js';
import type { ScoreArea } from '../engine/scorecard.js';
import type { DebuggerState } from './index.js';

export interface ScorecardSlice {
  /** The area whose findings the Findings tab shows, for the run it was chosen on. */
  findingsArea?: { area: ScoreArea; session: Session | undefined };
  showAreaFindings(area: ScoreArea): void;
  showAllFindings(): void;
}

/** The area filter that applies to the run shown now, if any. */
export function activeFindingsArea(state: Pick<DebuggerState, 'findingsArea' | 'session'>): ScoreArea | undefined {
  const chosen = state.findingsArea;
  return chosen && chosen.session === state.session ? chosen.area : undefined;
}

export const createScorecardSlice: StateCreator<DebuggerState, [], [], ScorecardSlice> = (set, get) => ({
  showAreaFindings(area) {
    set({ findingsArea: { area, session: get().session } });
    get().setTab('findings');
  },
  showAllFindings: () => set({ findingsArea: undefined }),
});
