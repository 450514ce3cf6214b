import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { choosePageLanguage, fillText, parseAcceptLanguage } from './interaction-texts.js';

describe('interaction page texts', () => {
  // Both languages and their placeholders: src/i18n/parity.test.ts.
  test('fillText escapes the text, inserts the values as given and refuses a missing value', () => {
    const escape = (literal: string): string => literal.replaceAll('<', '&lt;');
    assert.equal(fillText('a < {x} < {y}', { x: '<b>1</b>', y: '2' }, escape), 'a &lt; <b>1</b> &lt; 2');
    assert.throws(() => fillText('{missing}', {}), /missing/);
  });
});

describe('page language', () => {
  test('Accept-Language: Simplified Chinese tags choose Chinese, everything else English', () => {
    for (const header of ['zh-CN,zh;q=0.9', 'zh', 'ZH-cn', 'zh-Hans', 'zh-Hans-CN', 'zh-SG']) {
      assert.equal(choosePageLanguage({ acceptLanguage: header }), 'zh-CN', header);
    }
    for (const header of ['en-US', 'en-US,en;q=0.9,zh-CN;q=0.8', 'zh-TW', 'zh-Hant', 'zh-HK', 'de', '*']) {
      assert.equal(choosePageLanguage({ acceptLanguage: header }), 'en', header);
    }
    assert.equal(choosePageLanguage({}), 'en');
  });

  test('Accept-Language: q-values decide, not the order; q=0 excludes; the first supported range wins', () => {
    assert.equal(choosePageLanguage({ acceptLanguage: 'en;q=0.5, zh-CN;q=0.9' }), 'zh-CN');
    assert.equal(choosePageLanguage({ acceptLanguage: 'zh-CN;q=0.5, en;q=0.9' }), 'en');
    assert.equal(choosePageLanguage({ acceptLanguage: 'zh;q=0, en' }), 'en');
    assert.equal(choosePageLanguage({ acceptLanguage: 'fr, zh-CN;q=0.8' }), 'zh-CN');
    assert.equal(choosePageLanguage({ acceptLanguage: 'fr, *;q=0.5, zh;q=0.4' }), 'en');
    assert.deepEqual(parseAcceptLanguage('a;q=0.5, b, c;q=0.5, d;q=0'), ['b', 'a', 'c']);
  });

  test('garbage headers fall back to English without throwing; a malformed entry does not hide a valid one', () => {
    for (const header of ['', ';;;', ',,,', 'zh;q=abc', 'zh;q=2', 'zh;q=-1', 'zh;level=1', '<script>', 'zh_CN', 'z'.repeat(20_000), `${'x,'.repeat(5000)}zh`]) {
      assert.equal(choosePageLanguage({ acceptLanguage: header }), 'en', header.slice(0, 40));
    }
    assert.equal(choosePageLanguage({ acceptLanguage: ['zh-CN'] }), 'en');
    assert.equal(choosePageLanguage({ acceptLanguage: 'zh;q=abc, <script>, zh-CN;q=0.3' }), 'zh-CN');
  });

  test('ui_locales wins over Accept-Language: its first supported tag, else the header', () => {
    assert.equal(choosePageLanguage({ uiLocales: 'zh-CN', acceptLanguage: 'en-US' }), 'zh-CN');
    assert.equal(choosePageLanguage({ uiLocales: 'fr-CA zh-Hans en', acceptLanguage: 'en-US' }), 'zh-CN');
    assert.equal(choosePageLanguage({ uiLocales: 'en zh-CN', acceptLanguage: 'zh-CN' }), 'en');
    assert.equal(choosePageLanguage({ uiLocales: 'fr de zh-TW', acceptLanguage: 'zh-CN' }), 'zh-CN');
    assert.equal(choosePageLanguage({ uiLocales: '', acceptLanguage: 'zh-CN' }), 'zh-CN');
    assert.equal(choosePageLanguage({ uiLocales: 42, acceptLanguage: 'zh-CN' }), 'zh-CN');
  });
});
