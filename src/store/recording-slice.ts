/**
 * Saved sessions in the page: Save session (a session file to download), Open session (a file
 * picked or dropped), and replay. An opened recording takes the place of the run in every view,
 * read-only and with no network; the live run that was open is parked and comes back when the
 * recording is closed, so opening a file never loses a run. The session-file code loads on
 * first use, outside the first page's JavaScript.
 */
import type { StateCreator } from 'zustand';
import type { Session } from '../engine/session.js';
import type { SessionFile, SessionFileProblem } from '../engine/session-file.js';
import type { DebuggerState } from './index.js';
import type { ExportFormat } from '../export/index.js';
import type { FlowMode, FlowTab, StepSelection } from './flow-slice.js';

declare const __APP_VERSION__: string | undefined;
/** This build's version (Vite writes it in); "dev" where the code runs unbuilt (tests). */
const APP_VERSION = typeof __APP_VERSION__ === 'string' ? __APP_VERSION__ : 'dev';

export interface OpenRecording {
  fileName: string;
  savedAt: string;
  toolVersion: string;
  secretsIncluded: boolean;
}

interface ParkedRun {
  session: Session | undefined;
  mode: FlowMode;
  selected?: StepSelection;
  tab: FlowTab;
}

export interface RecordingSlice {
  /** Set while a saved session is shown instead of the live run. */
  recording?: OpenRecording;
  /** The live run put aside while a recording is open. */
  parkedRun?: ParkedRun;
  /** Why the last file could not be opened (the reader's sentence, in English). */
  /** `message` is the English; `problem` says it in the page's language (`app.sessionFile.problem.<id>`). */
  recordingError?: { fileName: string; message: string; problem: SessionFileProblem };
  /** Reads a session file and shows it; false (and recordingError) when it is not one. The open run stays. */
  openSessionFile(text: string, fileName: string): Promise<boolean>;
  /** Back to the live run that was open before. */
  closeRecording(): void;
  /** The shown session as a session file (secrets redacted unless asked), with a file name. */
  sessionFileForDownload(includeSecrets: boolean): Promise<{ text: string; fileName: string } | undefined>;
  /**
   * The shown session as HAR, a curl script or a Markdown report (secrets redacted unless asked);
   * with `exchangeIds`, only those exchanges (the network panel's "export shown").
   */
  exportForDownload(format: ExportFormat, includeSecrets: boolean, exchangeIds?: readonly string[]): Promise<{ text: string; fileName: string; type: string } | undefined>;
  dismissRecordingError(): void;
}

/** A file name for what is saved from `session`: the server's host and the time. */
function downloadName(session: Session, kind: string, extension: string, at = new Date()): string {
  const host = URL.canParse(session.options.serverUrl) ? new URL(session.options.serverUrl).host.replace(/[^A-Za-z0-9.-]+/g, '-') : 'server';
  const stamp = at.toISOString().slice(0, 19).replace(/[:T]/g, '-');
  return `mcp-auth-${kind}-${host}-${stamp}.${extension}`;
}

/**
 * Reads a session file given to the page (Open, Compare, a drop) with the reader loaded on first
 * use; a file that is not one sets `recordingError` with the reader's sentence and gives undefined.
 */
export async function readDroppedSessionFile(text: string, fileName: string, set: (partial: Pick<RecordingSlice, 'recordingError'>) => void): Promise<SessionFile | undefined> {
  const { readSessionFile } = await import('../engine/session-file.js');
  const reading = readSessionFile(text);
  if (reading.ok) return reading.file;
  set({ recordingError: { fileName, message: reading.message, problem: reading.problem } });
  return undefined;
}

export const createRecordingSlice: StateCreator<DebuggerState, [], [], RecordingSlice> = (set, get) => ({
  async openSessionFile(text, fileName) {
    if (get().running) return false;
    const file = await readDroppedSessionFile(text, fileName, set);
    if (!file) return false;
    const state = get();
    // A second recording replaces the first; the live run stays parked.
    const parkedRun: ParkedRun = state.recording && state.parkedRun ? state.parkedRun : { session: state.session, mode: state.mode, tab: state.tab, ...(state.selected ? { selected: state.selected } : {}) };
    set({
      parkedRun,
      recording: { fileName, savedAt: file.savedAt, toolVersion: file.tool.version, secretsIncluded: file.secretsIncluded },
      recordingError: undefined,
      session: file.session,
      selected: undefined,
      selectedExchangeId: undefined,
      evidence: undefined,
      networkExchangeId: undefined,
      followLatest: true,
      tab: 'step',
      flowError: undefined,
      stopOverridable: false,
      connectExpanded: false,
    });
    return true;
  },

  closeRecording() {
    const parked = get().parkedRun;
    if (!get().recording) return;
    set({
      recording: undefined,
      parkedRun: undefined,
      session: parked?.session,
      mode: parked?.mode ?? 'run',
      tab: parked?.tab ?? 'step',
      selected: parked?.selected,
      selectedExchangeId: undefined,
      evidence: undefined,
      networkExchangeId: undefined,
      followLatest: parked?.selected === undefined,
    });
    void get().checkStopOverridable();
  },

  async sessionFileForDownload(includeSecrets) {
    const session = get().session;
    if (!session) return undefined;
    const [{ redactSession }, { serialiseSessionFile, toSessionFile }] = await Promise.all([import('../engine/redact.js'), import('../engine/session-file.js')]);
    const shown = includeSecrets ? session : redactSession(session);
    const file = toSessionFile(shown, { toolVersion: APP_VERSION, secretsIncluded: includeSecrets });
    return { text: serialiseSessionFile(file), fileName: downloadName(session, 'session', 'json', new Date(file.savedAt)) };
  },

  async exportForDownload(format, includeSecrets, exchangeIds) {
    const session = get().session;
    if (!session) return undefined;
    const { EXPORT_FILES, exportSession } = await import('../export/index.js');
    const text = exportSession(session, format, { toolVersion: get().recording?.toolVersion ?? APP_VERSION, includeSecrets, ...(exchangeIds ? { exchangeIds } : {}) });
    const { extension, type } = EXPORT_FILES[format];
    const kind = format === 'markdown' ? 'report' : format;
    return { text, fileName: downloadName(session, exchangeIds ? `${kind}-shown` : kind, extension), type };
  },

  dismissRecordingError: () => set({ recordingError: undefined }),
});
