import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { allFindingDefinitions } from '../../src/engine/checks/catalogue.js';
import { resolveSpecRef } from '../../src/engine/checks/spec-refs.js';
import { SPEC_VERSIONS } from '../../src/engine/types.js';
import { findingReferencePath } from '../../src/wire/findings-reference.js';
import { LAB_FAULTS } from '../lab/faults.js';
import { startRelay } from '../relay/index.js';
import { findingReferenceFile, findingsReferenceFiles } from './findings-pages.js';

const files = findingsReferenceFiles();
const escaped = (text: string) => text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

test('every finding in the catalogue has a page with both languages, its severity, its clauses per version and its lab fault', () => {
  const entries = allFindingDefinitions();
  assert.equal(files.size, entries.length + 1);
  for (const entry of entries) {
    const html = files.get(findingReferenceFile(entry.id));
    assert.ok(html, entry.id);
    // Titles hold no placeholders or HTML specials in practice; compare the escaped text up to a placeholder.
    assert.ok(html.includes(escaped(entry.text.en.title.split('{')[0] ?? '')), `${entry.id}: English title`);
    const zh = entry.text['zh-CN'];
    if (zh) assert.ok(html.includes(escaped(zh.title.split('{')[0] ?? '')), `${entry.id}: Chinese title`);
    assert.match(html, new RegExp(`severity-${entry.severity}`), entry.id);
    for (const version of SPEC_VERSIONS) {
      assert.ok(html.includes(`<th scope="row">${version}</th>`), `${entry.id}: ${version}`);
      for (const ref of entry.specRefs) assert.ok(html.includes(escaped(resolveSpecRef(ref, version).url)), `${entry.id}: ${ref} under ${version}`);
    }
    const fault = LAB_FAULTS.find((candidate) => candidate.id === entry.id);
    if (fault) assert.ok(html.includes(`--fault ${entry.id}`) && html.includes(escaped(fault.summary)), `${entry.id}: its lab fault`);
    else assert.match(html, /No lab fault triggers this finding/);
  }
});

test('placeholders show as variables and nothing from the texts is left unescaped', () => {
  const page = files.get(findingReferenceFile('probe.invalid-server-url')) ?? '';
  assert.match(page, /<var>url<\/var>/);
  assert.doesNotMatch(page, /\{url\}/);
  for (const html of files.values()) assert.doesNotMatch(html, /<script/i);
});

test('the index links every finding by the path the page and the reports use', () => {
  const index = files.get(findingReferenceFile()) ?? '';
  for (const entry of allFindingDefinitions()) assert.ok(index.includes(`href="${escaped(findingReferencePath(entry.id))}"`), entry.id);
});

test('the relay serves a page at /findings/<id> and the index at /findings/, and 404s an unknown id', async (t) => {
  const root = await mkdtemp(path.join(tmpdir(), 'findings-reference-'));
  t.after(() => rm(root, { recursive: true, force: true }));
  await mkdir(path.join(root, 'findings'));
  await writeFile(path.join(root, 'index.html'), '<!doctype html><html><head></head><body>spa</body></html>');
  for (const [file, html] of files) await writeFile(path.join(root, file), html);
  const relay = await startRelay({ port: 0, staticDir: root });
  t.after(() => relay.close());

  const page = await fetch(`${relay.url}${findingReferencePath('prm.resource-mismatch')}`);
  assert.equal(page.status, 200);
  assert.equal(page.headers.get('content-type'), 'text/html; charset=utf-8');
  assert.match(await page.text(), /<code>prm\.resource-mismatch<\/code>/);
  for (const indexPath of ['/findings', '/findings/']) {
    const index = await fetch(`${relay.url}${indexPath}`);
    assert.equal(index.status, 200, indexPath);
    assert.match(await index.text(), /Findings reference/);
  }
  assert.equal((await fetch(`${relay.url}/findings/no.such-finding`)).status, 404);
  assert.equal((await fetch(`${relay.url}/findings/..%2Fpackage.json`)).status, 400);
});
