import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ENGINE_PHRASES, because, exchangeError, exchangeLabel, extendLabel, transportMessage } from '../engine/checks/engine-phrases.js';
import { outcomeReason } from '../engine/step.js';
import { labelText, localizedEngineText, localizedEngineTextParts, messageText, reasonText } from './engine-text.js';

const phrases = ENGINE_PHRASES;

describe('engine texts in the reader’s language', () => {
  it('render a step’s reason in Chinese with the values from outside marked as data', () => {
    const outcome = outcomeReason(because('outcome.asm.not-found', { issuer: 'https://as.example.com' }));
    assert.equal(localizedEngineText(reasonText(outcome), 'en', phrases), 'No authorization server metadata was found for https://as.example.com.');
    assert.deepEqual(localizedEngineTextParts(reasonText(outcome), 'zh-CN', phrases), [
      { text: '没有找到 ', data: false },
      { text: 'https://as.example.com', data: true },
      { text: ' 的授权服务器元数据。', data: false },
    ]);
  });

  it('render a phrase inside a reason in the same language, its own params too', () => {
    const error = exchangeError('refused', transportMessage('transport-error.refused', { cause: 'connect ECONNREFUSED 127.0.0.1:9' }));
    assert.equal(localizedEngineText(messageText(error), 'zh-CN', phrases), '连接被拒绝(connect ECONNREFUSED 127.0.0.1:9)');
    const label = extendLabel(exchangeLabel('label.prm.well-known.root'), 'label.then.redirect', { hop: '1' });
    const exchange = { label: 'PRM, root well-known (after redirect 1)', labelId: label.id, labelParams: label.params };
    const source = labelText(exchange);
    assert.ok(source);
    assert.equal(localizedEngineText(source, 'zh-CN', phrases), 'PRM,根路径 well-known(第 1 次重定向后)');
  });

  it('keep the English of a session saved before the ids, or of an id or param this version does not know', () => {
    assert.equal(localizedEngineText({ english: 'The token endpoint did not answer.' }, 'zh-CN', phrases), 'The token endpoint did not answer.');
    assert.equal(localizedEngineText({ english: 'Something new.', id: 'outcome.from-a-later-version' }, 'zh-CN', phrases), 'Something new.');
    assert.equal(localizedEngineText({ english: 'No authorization server metadata was found for x.', id: 'outcome.asm.not-found' }, 'zh-CN', phrases), 'No authorization server metadata was found for x.');
    assert.equal(localizedEngineText({ english: 'x', id: '__proto__' }, 'zh-CN', phrases), 'x');
    assert.equal(localizedEngineText({ english: 'The token endpoint did not answer.', id: 'outcome.token.no-answer' }, 'zh-CN', undefined), 'The token endpoint did not answer.', 'tables not loaded yet');
    assert.equal(labelText({}), undefined);
    const hostile = { english: 'The MCP server answered 403 to x.', id: 'outcome.mcp.forbidden', params: { operation: {} } } as unknown as Parameters<typeof localizedEngineText>[0];
    assert.equal(localizedEngineText(hostile, 'zh-CN', phrases), 'The MCP server answered 403 to x.');
  });
});
