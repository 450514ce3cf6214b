import assert from 'node:assert/strict';
import { test } from 'node:test';
import { STEP_IDS } from '../engine/types.js';
import { STEP_TEXT, stepText, stepTitle } from './steps.js';

test('every step has a title, a summary and a teaching note of 2 to 4 sentences in both languages', () => {
  assert.deepEqual(Object.keys(STEP_TEXT).sort(), [...STEP_IDS].sort());
  for (const id of STEP_IDS) {
    for (const language of ['en', 'zh-CN'] as const) {
      const text = stepText(id, language);
      assert.ok(text.title && text.summary && text.teaching, `${id} ${language}`);
      const sentences = text.teaching.split(language === 'en' ? /[.?!](?:\s|$)/ : /[。?!]/).filter((s) => s.trim() !== '');
      assert.ok(sentences.length >= 2 && sentences.length <= 4, `${id} ${language}: ${sentences.length} sentences`);
    }
  }
  assert.equal(stepTitle('probe', 'en'), 'Probe without a token');
  assert.equal(stepTitle('probe', 'zh-CN'), '无令牌探测');
});
