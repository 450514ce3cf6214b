import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { findingReferenceUrl } from './finding-reference.js';

test('a finding links to its page in the built site as a file URL; no page, no link', (t) => {
  const site = `${mkdtempSync(join(tmpdir(), 'finding-reference-'))}/`;
  t.after(() => rmSync(site, { recursive: true, force: true }));
  mkdirSync(join(site, 'findings'));
  writeFileSync(join(site, 'findings', 'prm.resource-mismatch.html'), '<!doctype html>');
  assert.equal(findingReferenceUrl('prm.resource-mismatch', site), pathToFileURL(join(site, 'findings', 'prm.resource-mismatch.html')).href);
  assert.equal(findingReferenceUrl('prm.not-found', site), undefined);
  // An id from a hostile session file never names another file.
  writeFileSync(join(site, 'secret.html'), 'x');
  for (const id of ['../secret', 'findings/../../secret', '', 'PRM.X']) assert.equal(findingReferenceUrl(id, site), undefined, id);
});
