/**
 * The catalogues kept off the first page register themselves when their module loads, so a
 * module that says one of their messages must import that catalogue: otherwise a view opened
 * first (the Tools tab before the Tokens tab) would show keys instead of text. This reads every
 * source file and fails on a message key whose catalogue the file does not import.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { MESSAGE_CATALOGUES } from './catalogues.js';
import { FIRST_PAGE_CATALOGUES, type MessageCatalogue } from './index.js';
import { networkMessages } from './messages/network.js';
import { tokensMessages } from './messages/tokens.js';
import { workshopMessages } from './messages/workshop.js';

const src = fileURLToPath(new URL('..', import.meta.url));
const LAZY: [string, MessageCatalogue][] = [
  ['tokens', tokensMessages],
  ['network', networkMessages],
  ['workshop', workshopMessages],
];

const prefixes = (catalogue: MessageCatalogue) => new Set(Object.keys(catalogue.en).map((key) => key.split('.')[0] ?? key));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'messages' ? [] : sourceFiles(full);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

test('every catalogue is either on the first page or registers itself, and their key areas do not overlap', () => {
  assert.equal(MESSAGE_CATALOGUES.length, FIRST_PAGE_CATALOGUES.length + LAZY.length);
  const firstPage = new Set(FIRST_PAGE_CATALOGUES.flatMap((catalogue) => [...prefixes(catalogue)]));
  for (const [name, catalogue] of LAZY) {
    for (const prefix of prefixes(catalogue)) assert.ok(!firstPage.has(prefix), `${prefix}.* is in ${name} and on the first page`);
  }
});

test('a module that says a message of a catalogue off the first page imports that catalogue', () => {
  const missing: string[] = [];
  let users = 0;
  for (const file of sourceFiles(src)) {
    const text = readFileSync(file, 'utf8');
    for (const [name, catalogue] of LAZY) {
      const used = [...prefixes(catalogue)].filter((prefix) => new RegExp(`t\\((['\`])${prefix}\\.`).test(text) || new RegExp(`key: (['\`])${prefix}\\.`).test(text));
      if (used.length === 0) continue;
      users++;
      if (!text.includes(`/i18n/messages/${name}.js'`)) missing.push(`${path.relative(src, file)} says ${used.join(', ')}.* without importing messages/${name}.js`);
    }
  }
  assert.deepEqual(missing, []);
  // The search finds the users it guards (the tools panel, the token panel, the network panel, the workshop panel).
  assert.ok(users >= 15, `${users} modules`);
});
