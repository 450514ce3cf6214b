/**
 * One check for every UI message catalogue: each English text has its Chinese one with the same
 * placeholders, no Chinese text is left without its English one, and each catalogue keeps to
 * its namespaces.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { MessageCatalogue } from '../index.js';
import { appMessages } from './app.js';
import { clientsMessages } from './clients.js';
import { compareMessages } from './compare.js';
import { hintsMessages } from './hints.js';
import { corsMessages } from './cors.js';
import { inspectMessages } from './inspect.js';
import { mcpMessages } from './mcp.js';
import { networkMessages } from './network.js';
import { pitfallsMessages } from './pitfalls.js';
import { presenterMessages } from './presenter.js';
import { scorecardMessages } from './scorecard.js';
import { tokensMessages } from './tokens.js';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

const CATALOGUES: [string, MessageCatalogue, string[]][] = [
  ['app', appMessages, ['app.']],
  ['clients', clientsMessages, ['clients.']],
  ['compare', compareMessages, ['compare.']],
  ['hints', hintsMessages, ['hints.']],
  ['cors', corsMessages, ['cors.']],
  ['inspect', inspectMessages, ['inspect.']],
  ['mcp', mcpMessages, ['mcp.']],
  ['network', networkMessages, ['network.']],
  ['pitfalls', pitfallsMessages, ['pitfalls.']],
  ['presenter', presenterMessages, ['presenter.']],
  ['scorecard', scorecardMessages, ['scorecard.']],
  ['tokens', tokensMessages, ['tokens.', 'tools.']],
];

for (const [name, catalogue, namespaces] of CATALOGUES) {
  test(`the ${name} texts exist in both languages with the same placeholders`, () => {
    const en = Object.keys(catalogue.en).sort();
    assert.deepEqual(Object.keys(catalogue['zh-CN']).sort(), en);
    for (const key of en) {
      assert.ok(namespaces.some((prefix) => key.startsWith(prefix)), `${key} is outside ${namespaces.join(', ')}`);
      assert.deepEqual(placeholders(catalogue['zh-CN'][key] ?? ''), placeholders(catalogue.en[key] ?? ''), key);
    }
  });
}
