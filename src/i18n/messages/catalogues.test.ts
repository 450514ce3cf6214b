/**
 * Each UI message catalogue keeps to its namespaces (both languages and their placeholders are
 * checked with every other two-language text in src/i18n/parity.test.ts).
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

// Both languages and their placeholders: src/i18n/parity.test.ts.
for (const [name, catalogue, namespaces] of CATALOGUES) {
  test(`the ${name} texts keep to their namespaces`, () => {
    for (const key of Object.keys(catalogue.en)) assert.ok(namespaces.some((prefix) => key.startsWith(prefix)), `${key} is outside ${namespaces.join(', ')}`);
  });
}
