/**
 * Compare: the run shown (live, or an opened recording) side by side with a session file. The
 * comparison holds its own copies of both sessions and changes nothing else in the store, so
 * closing it returns to exactly what was shown; a file that is not a session is refused with the
 * same message as Open session, and the comparison that was open (if any) stays.
 */
import type { StateCreator } from 'zustand';
import type { Session } from '../engine/session.js';
import type { DebuggerState } from './index.js';
import { readDroppedSessionFile } from './recording-slice.js';

/** Where a compared session comes from, for its label. */
export type ComparedSource = { kind: 'live' } | { kind: 'file'; fileName: string; savedAt: string; toolVersion: string };

export interface ComparedSession {
  session: Session;
  source: ComparedSource;
}

export interface Comparison {
  /** The baseline: what the right side is judged against. */
  left: ComparedSession;
  right: ComparedSession;
  /** The session the page showed when the comparison began; another one shown ends it. */
  shown: Session;
}

export interface CompareSlice {
  comparison?: Comparison;
  /**
   * Reads a session file and compares it with the session shown: the file on the left as the
   * baseline, the shown run on the right. False (and recordingError) when the file is not a session.
   */
  compareWithSessionFile(text: string, fileName: string): Promise<boolean>;
  /** The right side becomes the baseline. */
  swapComparison(): void;
  closeComparison(): void;
}

export const createCompareSlice: StateCreator<DebuggerState, [], [], CompareSlice> = (set, get) => ({
  async compareWithSessionFile(text, fileName) {
    const { session: shown, running, recording } = get();
    if (!shown || running) return false;
    const file = await readDroppedSessionFile(text, fileName, set);
    if (!file) return false;
    const shownSource: ComparedSource = recording ? { kind: 'file', fileName: recording.fileName, savedAt: recording.savedAt, toolVersion: recording.toolVersion } : { kind: 'live' };
    set({
      recordingError: undefined,
      comparison: {
        left: { session: file.session, source: { kind: 'file', fileName, savedAt: file.savedAt, toolVersion: file.tool.version } },
        right: { session: shown, source: shownSource },
        shown,
      },
    });
    return true;
  },

  swapComparison() {
    const comparison = get().comparison;
    if (comparison) set({ comparison: { ...comparison, left: comparison.right, right: comparison.left } });
  },

  closeComparison: () => set({ comparison: undefined }),
});
