import { useEffect, useId, useRef, useState } from 'react';
import { useT } from '../i18n/index.js';
import { useDebugger } from '../store/index.js';
import { EXPORT_FORMATS, type ExportFormat } from '../export/formats.js';
import { sessionFileProblemText } from '../ui-logic/session-file-text.js';

/** The id of the Compare button: the focus goes back to it when a comparison closes. */
export const COMPARE_TRIGGER_ID = 'compare-with-session-file';

/** Hands `text` to the browser as a download named `fileName`. */
export function download(text: string, fileName: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/**
 * The text of a picked or dropped session file, or undefined (and the reason in recordingError)
 * when it is too large to be one or cannot be read.
 */
async function readPickedFile(file: File): Promise<string | undefined> {
  const { MAX_SESSION_FILE_BYTES, oversizedMessage, oversizedProblem } = await import('../engine/session-file.js');
  // Said before reading: a 100 MB file is not read into the tab to be refused.
  if (file.size > MAX_SESSION_FILE_BYTES) {
    useDebugger.setState({ recordingError: { fileName: file.name, message: oversizedMessage(file.size), problem: oversizedProblem(file.size) } });
    return undefined;
  }
  try {
    return await file.text();
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    useDebugger.setState({ recordingError: { fileName: file.name, message: `The file cannot be read (${detail}).`, problem: { id: 'unreadable', params: { detail } } } });
    return undefined;
  }
}

/** Reads a picked or dropped file as text and opens it as a session. */
async function openFile(file: File): Promise<void> {
  const text = await readPickedFile(file);
  if (text !== undefined) await useDebugger.getState().openSessionFile(text, file.name);
}

/** Reads a picked file and compares it with the session shown. */
async function compareWithFile(file: File): Promise<void> {
  const text = await readPickedFile(file);
  if (text !== undefined) await useDebugger.getState().compareWithSessionFile(text, file.name);
}

/**
 * Save session (a download), exports, Open session (a file picker; a file dropped anywhere on the
 * page opens too) and Compare with a session file (a file picker).
 */
export function SessionFiles() {
  const t = useT();
  const session = useDebugger((s) => s.session);
  const running = useDebugger((s) => s.running);
  const sessionFileForDownload = useDebugger((s) => s.sessionFileForDownload);
  const exportForDownload = useDebugger((s) => s.exportForDownload);
  const [withSecrets, setWithSecrets] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const compareInput = useRef<HTMLInputElement>(null);
  const secretsId = useId();
  const compareHelpId = useId();

  async function save() {
    const file = await sessionFileForDownload(withSecrets);
    if (file) download(file.text, file.fileName, 'application/json');
  }

  async function exportAs(format: ExportFormat) {
    const file = await exportForDownload(format, withSecrets);
    if (file) download(file.text, file.fileName, file.type);
  }

  return (
    <section aria-label={t('app.sessionFile.label')} className="panel space-y-2 p-3 text-sm">
      <div className="flex flex-wrap gap-2">
        <button type="button" className="btn-secondary" disabled={!session || running} onClick={() => void save()}>
          {t('app.sessionFile.save')}
        </button>
        <button type="button" className="btn-secondary" disabled={running} onClick={() => input.current?.click()}>
          {t('app.sessionFile.open')}
        </button>
        <input
          ref={input}
          type="file"
          accept="application/json,.json"
          className="sr-only"
          tabIndex={-1}
          aria-label={t('app.sessionFile.open')}
          onChange={(event) => {
            const file = event.currentTarget.files?.[0];
            event.currentTarget.value = '';
            if (file) void openFile(file);
          }}
        />
        <button
          id={COMPARE_TRIGGER_ID}
          type="button"
          className="btn-secondary"
          disabled={!session || running}
          aria-describedby={compareHelpId}
          onClick={() => compareInput.current?.click()}
        >
          {t('compare.start')}
        </button>
        <input
          ref={compareInput}
          type="file"
          accept="application/json,.json"
          className="sr-only"
          tabIndex={-1}
          // The button above is the way in for everyone; this picker is its mechanism only.
          aria-hidden="true"
          onChange={(event) => {
            const file = event.currentTarget.files?.[0];
            event.currentTarget.value = '';
            if (file) void compareWithFile(file);
          }}
        />
      </div>
      <p id={compareHelpId} className="text-xs text-slate-600 dark:text-slate-400">
        {t('compare.start.help')}
      </p>
      <div className="flex flex-wrap items-center gap-1 text-xs">
        <span className="text-slate-600 dark:text-slate-400">{t('app.sessionFile.export')}</span>
        {EXPORT_FORMATS.map((format) => (
          <button key={format} type="button" className="btn-secondary px-2 py-1 text-xs" disabled={!session || running} onClick={() => void exportAs(format)}>
            {t(`app.sessionFile.export.${format}`)}
          </button>
        ))}
      </div>
      <label htmlFor={secretsId} className="flex items-center gap-2 text-xs text-slate-700 dark:text-slate-300">
        <input id={secretsId} type="checkbox" checked={withSecrets} onChange={(event) => setWithSecrets(event.currentTarget.checked)} />
        {t('app.sessionFile.withSecrets')}
      </label>
      <p className="text-xs text-slate-600 dark:text-slate-400">{t('app.sessionFile.dropHint')}</p>
    </section>
  );
}

/** A session file dropped anywhere on the page opens; other drops are left to the page. */
export function useSessionFileDrop(): void {
  useEffect(() => {
    const hasFiles = (event: DragEvent) => event.dataTransfer?.types.includes('Files') === true;
    const onDragOver = (event: DragEvent) => {
      if (hasFiles(event)) event.preventDefault();
    };
    const onDrop = (event: DragEvent) => {
      const file = event.dataTransfer?.files[0];
      if (!file) return;
      event.preventDefault();
      void openFile(file);
    };
    window.addEventListener('dragover', onDragOver);
    window.addEventListener('drop', onDrop);
    return () => {
      window.removeEventListener('dragover', onDragOver);
      window.removeEventListener('drop', onDrop);
    };
  }, []);
}

/** The banner over a recording, and the message when a file could not be opened. */
export function RecordingBanner() {
  const t = useT();
  const recording = useDebugger((s) => s.recording);
  const serverUrl = useDebugger((s) => s.session?.options.serverUrl);
  const error = useDebugger((s) => s.recordingError);
  const comparing = useDebugger((s) => s.comparison !== undefined);
  const closeRecording = useDebugger((s) => s.closeRecording);
  const dismiss = useDebugger((s) => s.dismissRecordingError);
  const replaceForm = useDebugger((s) => s.replaceForm);
  const form = useDebugger((s) => s.form);
  const start = useDebugger((s) => s.start);

  return (
    <>
      {error ? (
        <div role="alert" className="flex flex-wrap items-start justify-between gap-2 rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100">
          <p>{t('app.sessionFile.openFailed', { file: error.fileName, message: sessionFileProblemText(t, error.problem) })}</p>
          <button type="button" className="btn-secondary px-2 py-1 text-xs" onClick={dismiss}>
            {t('app.sessionFile.dismiss')}
          </button>
        </div>
      ) : null}
      {recording && !comparing ? (
        <section role="status" aria-labelledby="recording-title" className="rounded-lg border border-sky-300 bg-sky-50 p-3 text-sm text-sky-950 dark:border-sky-800 dark:bg-sky-950 dark:text-sky-50">
          <h2 id="recording-title" className="font-semibold">
            {t('app.recording.title')}
          </h2>
          <p className="mt-1">
            {t('app.recording.body', {
              file: recording.fileName,
              server: serverUrl ?? '?',
              when: recording.savedAt ? new Date(recording.savedAt).toLocaleString() : t('app.recording.undated'),
              version: recording.toolVersion,
            })}
            {recording.secretsIncluded ? ` ${t('app.recording.secrets')}` : ''}
          </p>
          <div className="mt-2 flex flex-wrap gap-2">
            <button
              type="button"
              className="btn-primary"
              onClick={() => {
                // A URL whose credentials were redacted on saving stays as the form has it.
                if (serverUrl && !/\[redacted\]|%5Bredacted%5D/i.test(serverUrl)) replaceForm({ ...form, serverUrl });
                closeRecording();
                void start('run');
              }}
            >
              {t('app.recording.runLive')}
            </button>
            <button type="button" className="btn-secondary" onClick={closeRecording}>
              {t('app.recording.close')}
            </button>
          </div>
        </section>
      ) : null}
    </>
  );
}
