/**
 * The one parity check for every text the project shows in two languages: the UI's messages,
 * the step notes, the findings catalogue, the engine's phrases (finding values, step reasons,
 * exchange labels, transport messages), the known-server hints, the pitfalls checklist, the
 * spec-link titles, the lab's pages and its fault summaries. Each English text has a Chinese
 * one with the same `{placeholders}`, written in Chinese, not the English again. The tables'
 * own tests check what is particular to them (namespaces, sentence counts, nesting).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { INTERACTION_TEXTS } from '../../server/lab/interaction-texts.js';
import { LAB_FAULTS } from '../../server/lab/faults.js';
import { allFindingDefinitions } from '../engine/checks/catalogue.js';
import { ENGINE_PHRASES } from '../engine/checks/engine-phrases.js';
import { SPEC_TITLES_ZH } from '../engine/checks/spec-ref-titles.js';
import { CLUE_TEXTS, HINT_TEXTS, RECOGNITION_HEADINGS, SHAPE_NOTES } from '../engine/hints/hint-texts.js';
import { PITFALLS } from '../engine/pitfalls.js';
import { STEP_IDS } from '../engine/types.js';
import { MESSAGE_CATALOGUES } from './catalogues.js';
import { englishRuns } from './english-runs.js';
import { STEP_TEXT } from './steps.js';

interface Pair {
  where: string;
  en: string;
  zh: string | undefined;
}

function* pairs(): Generator<Pair> {
  for (const catalogue of MESSAGE_CATALOGUES) {
    for (const [key, en] of Object.entries(catalogue.en)) yield { where: `UI message ${key}`, en, zh: catalogue['zh-CN'][key] };
    for (const key of Object.keys(catalogue['zh-CN'])) if (!(key in catalogue.en)) yield { where: `UI message ${key} (Chinese only)`, en: '', zh: catalogue['zh-CN'][key] };
  }
  for (const id of STEP_IDS) {
    for (const part of ['title', 'summary', 'teaching'] as const) yield { where: `step ${id} ${part}`, en: STEP_TEXT[id].en[part], zh: STEP_TEXT[id]['zh-CN'][part] };
  }
  for (const entry of allFindingDefinitions()) {
    const zh = entry.text['zh-CN'];
    for (const part of ['title', 'detail', 'hint'] as const) {
      const en = entry.text.en[part];
      if (en !== undefined) yield { where: `finding ${entry.id} ${part}`, en, zh: zh[part] };
    }
  }
  for (const [id, text] of Object.entries(ENGINE_PHRASES)) yield { where: `engine phrase ${id}`, en: text.en, zh: text['zh-CN'] };
  for (const [id, text] of Object.entries(HINT_TEXTS)) {
    yield { where: `hint ${id} title`, en: text.en.title, zh: text['zh-CN'].title };
    assert.equal(text['zh-CN'].steps.length, text.en.steps.length, `hint ${id}: as many steps in Chinese`);
    for (const [index, step] of text.en.steps.entries()) yield { where: `hint ${id} step ${index + 1}`, en: step, zh: text['zh-CN'].steps[index] };
  }
  for (const [kind, text] of Object.entries(CLUE_TEXTS)) yield { where: `hint clue ${kind}`, en: text.en, zh: text['zh-CN'] };
  for (const part of ['confirmed', 'shape'] as const) yield { where: `hint heading ${part}`, en: RECOGNITION_HEADINGS.en[part], zh: RECOGNITION_HEADINGS['zh-CN'][part] };
  yield { where: 'hint shape note', en: SHAPE_NOTES.en, zh: SHAPE_NOTES['zh-CN'] };
  for (const pitfall of PITFALLS) {
    yield { where: `pitfall ${pitfall.number} title`, en: pitfall.title.en, zh: pitfall.title['zh-CN'] };
    yield { where: `pitfall ${pitfall.number} advice`, en: pitfall.advice.en, zh: pitfall.advice['zh-CN'] };
    if (pitfall.observed) yield { where: `pitfall ${pitfall.number} how to test`, en: pitfall.observed.howToTest.en, zh: pitfall.observed.howToTest['zh-CN'] };
  }
  for (const [title, zh] of Object.entries(SPEC_TITLES_ZH)) yield { where: `spec title ${title}`, en: title, zh };
  for (const [key, en] of Object.entries(INTERACTION_TEXTS.en)) yield { where: `lab page text ${key}`, en, zh: INTERACTION_TEXTS['zh-CN'][key as keyof typeof INTERACTION_TEXTS.en] };
  for (const fault of LAB_FAULTS) yield { where: `lab fault ${fault.id}`, en: fault.summary, zh: fault.summaryZh };
}

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();
/** What is left to translate: the text without its placeholders, quoted code and URLs. */
const words = (text: string) => text.replace(/\{\w+\}/g, '').replace(/`[^`]*`|https?:\/\/\S+/g, '');
const HAN = /\p{Script=Han}/u;
/** Two or more words in a row: a phrase to translate (a lone name, acronym or field is kept as it is). */
const PHRASE = /[A-Za-z][a-z]+[\s,;:]+[A-Za-z]*[a-z]+/;
/** Names that read the same in Chinese. */
const KEPT_AS_IS = new Set(['JWK Set']);

test('every text shown in two languages has its Chinese, with the same placeholders, written in Chinese', () => {
  const all = [...pairs()];
  assert.ok(all.length > 1500, `${all.length} texts found: the tables are all read`);
  const problems: string[] = [];
  for (const { where, en, zh } of all) {
    if (!en.trim()) problems.push(`${where}: no English`);
    if (zh === undefined || !zh.trim()) {
      problems.push(`${where}: no Chinese`);
      continue;
    }
    if (placeholders(zh).join() !== placeholders(en).join()) problems.push(`${where}: placeholders {${placeholders(en).join(', ')}} in English, {${placeholders(zh).join(', ')}} in Chinese`);
    // A text with words to translate is written in Chinese, and is not the English again.
    if (PHRASE.test(words(en)) && !KEPT_AS_IS.has(en) && (!HAN.test(zh) || zh === en)) problems.push(`${where}: "${zh}" is not Chinese`);
  }
  assert.deepEqual(problems, []);
});

/** The English a Chinese text leaves, outside placeholders, quoted values, code and URLs (the browser test's rule). */
const englishLeftIn = (zh: string) => englishRuns(zh.replace(/\{\w+\}|"[^"]*"|`[^`]*`|https?:\/\/\S+/g, ' '));

test('no Chinese text leaves English words in a row, so the Chinese page has none on any path', () => {
  // The known-server hints name the products' own console labels ("Client scopes", "App
  // registrations") as the products show them; they are quoted from English interfaces.
  const checked = [...pairs()].filter(({ where }) => !where.startsWith('hint '));
  assert.ok(checked.length > 1500, `${checked.length} texts`);
  const left = checked.flatMap(({ where, zh }) => englishLeftIn(zh ?? '').map((run) => `${where}: "${run}"`));
  assert.deepEqual(left, []);
  // The rule finds what it is for.
  assert.deepEqual(englishLeftIn('只提供了 OpenID Connect Discovery 元数据'), ['Connect Discovery']);
});
