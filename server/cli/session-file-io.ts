/** Session files on disk for the CLI (show, export, diff, check --expect): read, or said why not. */
import { open } from 'node:fs/promises';
import { MAX_SESSION_FILE_BYTES, oversizedMessage, readSessionFile, type SessionFile } from '../../src/engine/session-file.js';
import { terminalSafe } from './terminal.js';
import type { CliIo } from './usage.js';

export type LoadedSessionFile = { ok: true; file: SessionFile } | { ok: false; message: string };

/** The session file at `path`, or undefined after saying on stderr why it is not one (exit code 2 follows). */
export async function sessionFileOrSay(path: string, io: CliIo): Promise<SessionFile | undefined> {
  const loaded = await loadSessionFile(path);
  if (loaded.ok) return loaded.file;
  io.stderr(`mcp-auth-debugger: ${terminalSafe(path)}: ${terminalSafe(loaded.message)}\n`);
  return undefined;
}

/** Reads a session file from disk: a missing, unreadable or oversized file is a message too. */
export async function loadSessionFile(path: string): Promise<LoadedSessionFile> {
  let handle;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    const code = error instanceof Error && 'code' in error ? String(error.code) : '';
    return { ok: false, message: code === 'ENOENT' ? 'There is no such file.' : `The file cannot be opened (${code || String(error)}).` };
  }
  try {
    const stats = await handle.stat();
    if (!stats.isFile()) return { ok: false, message: 'This is not a file.' };
    // Said before reading, so a 100 MB file is not read into memory to be refused.
    if (stats.size > MAX_SESSION_FILE_BYTES) return { ok: false, message: oversizedMessage(stats.size) };
    const text = await handle.readFile('utf8');
    const reading = readSessionFile(text);
    return reading.ok ? { ok: true, file: reading.file } : { ok: false, message: reading.message };
  } finally {
    await handle.close();
  }
}
