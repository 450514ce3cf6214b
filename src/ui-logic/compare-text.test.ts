/**
 * A comparison's differences in both languages: every kind has its sentence, the English one
 * says what the command line says (with "the left run" for "the recording"), and the Chinese
 * is Chinese with its values filled.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compareSessions, SESSION_DIFFERENCE_KINDS, type ComparableRun, type ComparableStep, type SessionDifference } from '../engine/compare.js';
import { translate, type Language, type Translate } from '../i18n/index.js';
import { compareMessages } from '../i18n/messages/compare.js';
import { stepTitle } from '../i18n/steps.js';
import { differenceText } from './compare-text.js';

const step = (stepId: ComparableStep['stepId'], kind: ComparableStep['outcome']['kind'] = 'ok', errors: string[] = []): ComparableStep => ({
  stepId,
  outcome: { kind },
  findings: errors.map((id) => ({ id, severity: 'error' as const })),
});
const tr = (language: Language): Translate => (key, params) => translate(language, key, params);
const textIn = (language: Language, difference: SessionDifference) => differenceText(tr(language), difference, (stepId) => stepTitle(stepId, language));

const LEFT: ComparableRun = {
  options: { serverUrl: 'https://mcp.example.com/mcp', spec: '2026-07-28' },
  status: { kind: 'completed' },
  results: [step('probe'), step('protected-resource-metadata'), step('authenticated-mcp')],
  data: { protectedResource: { metadataUrl: 'https://mcp.example.com/.well-known/oauth-protected-resource/mcp' }, mcp: { tools: [{ name: 'echo' }] } },
} as ComparableRun;

const RIGHT: ComparableRun = {
  options: { serverUrl: 'https://mcp.example.com/mcp', spec: '2025-06-18' },
  status: { kind: 'stopped', stepId: 'protected-resource-metadata', findingId: 'prm.resource-mismatch' },
  results: [step('probe', 'needs-user'), step('protected-resource-metadata', 'failed', ['prm.resource-mismatch'])],
  data: { protectedResource: { metadataUrl: 'https://mcp.example.com/.well-known/oauth-protected-resource' } },
} as ComparableRun;

function differences(): SessionDifference[] {
  const comparison = compareSessions(LEFT, RIGHT);
  assert.ok(comparison.comparable);
  return comparison.differences;
}

describe('compare differences in two languages', () => {
  it('every difference kind has its sentence in English and Chinese', () => {
    for (const kind of SESSION_DIFFERENCE_KINDS) {
      assert.ok(compareMessages.en[`compare.difference.${kind}`] && compareMessages['zh-CN'][`compare.difference.${kind}`], kind);
    }
  });

  it('each difference of a real comparison is said in Chinese, with its values and no English left over', () => {
    const found = differences();
    const kinds = new Set(found.map((d) => d.kind));
    for (const kind of ['spec', 'status', 'outcome', 'new-error', 'discovery', 'not-reached'] as const) assert.ok(kinds.has(kind), `${kind} in ${[...kinds].join()}`);
    for (const difference of found) {
      const chinese = textIn('zh-CN', difference);
      assert.match(chinese, /[\u4e00-\u9fff]/, chinese);
      assert.doesNotMatch(chinese, /\{\w+\}|compare\.|the recording|the left/, chinese);
    }
    const status = found.find((d) => d.kind === 'status');
    assert.ok(status);
    assert.equal(textIn('zh-CN', status), '右侧运行停在 “受保护资源元数据”(prm.resource-mismatch);左侧运行已完成。');
    assert.equal(textIn('en', status), 'The right run stopped at “Protected resource metadata” (prm.resource-mismatch); the left one completed.');
    // The command line's sentence is unchanged.
    assert.equal(status.message, 'the run stopped at protected-resource-metadata (prm.resource-mismatch); the recording completed');
    const newError = found.find((d) => d.kind === 'new-error');
    assert.ok(newError);
    assert.equal(textIn('zh-CN', newError), '新增错误 prm.resource-mismatch。');
    const outcome = found.find((d) => d.kind === 'outcome');
    assert.ok(outcome);
    assert.equal(textIn('zh-CN', outcome), '等待人工操作;左侧运行:正常。');
  });

  it('runs against different servers are said so in both languages', () => {
    const comparison = compareSessions(LEFT, { ...RIGHT, options: { ...RIGHT.options, serverUrl: 'https://other.example.com/mcp' } });
    assert.ok(!comparison.comparable);
    const difference: SessionDifference = { regression: true, kind: 'different-servers', params: { recorded: 'https://mcp.example.com/mcp', now: 'https://other.example.com/mcp' }, message: comparison.reason };
    assert.match(textIn('zh-CN', difference), /左侧运行针对 https:\/\/mcp\.example\.com\/mcp/);
  });
});
