/** Reads a session file a test had the CLI write, through the same reader the debugger uses. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { readSessionFile, type SessionFile } from '../../src/engine/session-file.js';

export function readSavedSessionFile(path: string): SessionFile {
  const reading = readSessionFile(readFileSync(path, 'utf8'));
  assert.ok(reading.ok, reading.ok ? '' : `${path}: ${reading.message}`);
  return reading.file;
}
