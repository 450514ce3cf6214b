import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { because, ENGINE_PHRASES, enginePhrase, exchangeError, exchangeLabel, extendLabel, renderTextRef, textInEnglish, transportMessage, transportMessageParams } from './engine-phrases.js';
import { EXCHANGE_LABELS, LABEL_EXTENSIONS } from './exchange-labels.js';
import { PHRASES } from './finding-phrases.js';
import { OUTCOME_REASONS } from './outcome-reasons.js';
import { TRANSPORT_MESSAGES } from '../../wire/transport-messages.js';
import type { PhraseText } from './phrase-reference.js';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

const TABLES: [string, Readonly<Record<string, PhraseText>>, RegExp][] = [
  ['outcome reasons', OUTCOME_REASONS, /^outcome\./],
  ['exchange labels', EXCHANGE_LABELS, /^label\./],
  ['transport messages', TRANSPORT_MESSAGES, /^(transport-error|address-kind)\./],
];

describe('the engine’s outcome reasons, exchange labels and transport messages', () => {
  for (const [name, table, prefix] of TABLES) {
    it(`${name}: every entry in English and in Chinese, with the same placeholders`, () => {
      const entries = Object.entries(table);
      assert.ok(entries.length > 0);
      for (const [id, text] of entries) {
        assert.match(id, prefix, id);
        assert.match(id, /^[a-z0-9-]+(\.[a-z0-9-]+)+$/, id);
        assert.ok(text.en.trim(), `${id} en`);
        assert.ok(text['zh-CN'].trim(), `${id} zh-CN`);
        assert.deepEqual(placeholders(text['zh-CN']), placeholders(text.en), id);
        if (/[A-Za-z]/.test(text.en.replace(/\{\w+\}/g, ''))) assert.notEqual(text['zh-CN'], text.en, `${id}: the Chinese is not the English again`);
        // A text that is only placeholders and punctuation ("{problem}:{url}") has no words to translate.
        const words = text['zh-CN'].replace(/\{\w+\}/g, '');
        assert.ok(/[\u4e00-\u9fff]/.test(words) || !/[A-Za-z]/.test(words), `${id} has Chinese in it`);
      }
    });
  }

  it('share one lookup with the findings’ phrases, no id in two tables', () => {
    const ids = [PHRASES, OUTCOME_REASONS, EXCHANGE_LABELS, TRANSPORT_MESSAGES].flatMap((table) => Object.keys(table));
    assert.equal(new Set(ids).size, ids.length);
    assert.equal(Object.keys(ENGINE_PHRASES).length, ids.length);
  });

  it('render a reason in English for reports and in Chinese for the page, phrase params included', () => {
    const reason = because('outcome.token.missing-prerequisite', { what: enginePhrase('prerequisite.client-registration') });
    assert.equal(textInEnglish(reason), 'Cannot request a token: client registration is missing.');
    assert.equal(renderTextRef(reason, 'zh-CN'), '无法请求令牌:缺少客户端注册。');
  });

  it('nest label extensions without their placeholders clashing', () => {
    const label = extendLabel(extendLabel(exchangeLabel('label.mcp.discover'), 'label.then.version', { version: '2026-07-28' }), 'label.then.dpop-nonce');
    assert.equal(textInEnglish(label), 'MCP server/discover (2026-07-28) (with the DPoP nonce)');
    assert.equal(renderTextRef(label, 'zh-CN'), 'MCP server/discover 请求(2026-07-28)(附带 DPoP nonce)');
    assert.deepEqual(Object.keys(LABEL_EXTENSIONS).sort(), Object.keys(EXCHANGE_LABELS).filter((id) => id.startsWith('label.then.')).sort());
    for (const [id, holder] of Object.entries(LABEL_EXTENSIONS)) assert.ok(EXCHANGE_LABELS[id as keyof typeof LABEL_EXTENSIONS].en.includes(`{${holder}}`), id);
  });

  it('carry a transport message by id into a finding’s or a reason’s params, the network library’s words kept as data', () => {
    const error = exchangeError('refused', transportMessage('transport-error.refused', { cause: 'connect ECONNREFUSED 127.0.0.1:9' }));
    assert.deepEqual(error, {
      kind: 'refused',
      message: 'Connection refused (connect ECONNREFUSED 127.0.0.1:9)',
      messageId: 'transport-error.refused',
      messageParams: { cause: 'connect ECONNREFUSED 127.0.0.1:9' },
    });
    const params = transportMessageParams(error);
    assert.deepEqual(params, { cause: 'connect ECONNREFUSED 127.0.0.1:9', message: '@phrase:transport-error.refused' });
    assert.deepEqual(transportMessageParams({ message: 'older words' }), { message: 'older words' });
    assert.deepEqual(transportMessageParams({ message: 'older words', messageId: 'transport-error.no-such-message' }), { message: 'older words' });
  });
});
