import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadedFindingCatalogue, loadedFindingPhrases, loadFindingCatalogue } from './finding-catalogue.js';

test('the catalogue is absent until loaded, then the same map every time', async () => {
  assert.equal(loadedFindingCatalogue(), undefined);
  assert.equal(loadedFindingPhrases(), undefined);
  const [first, second] = await Promise.all([loadFindingCatalogue(), loadFindingCatalogue()]);
  assert.equal(first, second);
  assert.equal(loadedFindingCatalogue(), first);
  assert.ok(first.get('probe.insecure-transport')?.text['zh-CN']);
  assert.equal(loadedFindingPhrases()?.['value.none']?.['zh-CN'], '(无)', 'the phrase table comes with it');
});
