/**
 * A file that is not a session is refused in the page's language: every reader's problem has a
 * message in both languages, the English one says what the CLI says, and the Chinese is Chinese.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MAX_SESSION_FILE_BYTES, oversizedMessage, oversizedProblem, readSessionFile, SESSION_FILE_PROBLEM_IDS, SESSION_FILE_VERSION } from '../../engine/session-file.js';
import { translate } from '../index.js';
import { appMessages } from './app.js';

const refused = [
  '',
  '{"a": 1',
  '{"a": 1 "b": 2}',
  '[1, 2]',
  '{"format": "openapi"}',
  '{"a": 1}',
  '{"format": "mcp-auth-debugger/session-file", "formatVersion": "one"}',
  `{"format": "mcp-auth-debugger/session-file", "formatVersion": ${SESSION_FILE_VERSION + 1}}`,
  '{"format": "mcp-auth-debugger/session-file", "formatVersion": 1}',
  `${'['.repeat(5000)}${']'.repeat(5000)}`,
];

describe('session file problems in two languages', () => {
  it('every problem has its message in English and Chinese', () => {
    for (const id of SESSION_FILE_PROBLEM_IDS) {
      assert.ok(appMessages.en[`app.sessionFile.problem.${id}`], `en ${id}`);
      assert.ok(appMessages['zh-CN'][`app.sessionFile.problem.${id}`], `zh-CN ${id}`);
    }
  });

  it('the page says in English what the reader says, and in Chinese in Chinese', () => {
    const seen = new Set<string>();
    for (const text of refused) {
      const reading = readSessionFile(text);
      assert.ok(!reading.ok, text.slice(0, 40));
      seen.add(reading.problem.id);
      const key = `app.sessionFile.problem.${reading.problem.id}`;
      assert.equal(translate('en', key, reading.problem.params), reading.message);
      const chinese = translate('zh-CN', key, reading.problem.params);
      assert.match(chinese, /[\u4e00-\u9fff]/, chinese);
      assert.doesNotMatch(chinese, /\{\w+\}/, chinese);
    }
    assert.ok(seen.size >= 9, [...seen].join(', '));
  });

  it('an empty file and a newer version read in Chinese', () => {
    const empty = readSessionFile('');
    assert.ok(!empty.ok);
    assert.equal(translate('zh-CN', `app.sessionFile.problem.${empty.problem.id}`, empty.problem.params), '文件是空的。');
    const newer = readSessionFile(`{"format": "mcp-auth-debugger/session-file", "formatVersion": ${SESSION_FILE_VERSION + 1}}`);
    assert.ok(!newer.ok);
    assert.match(translate('zh-CN', `app.sessionFile.problem.${newer.problem.id}`, newer.problem.params), new RegExp(`格式版本为 ${SESSION_FILE_VERSION + 1}`));
  });

  it('a file too large is refused with its size in both languages', () => {
    const problem = oversizedProblem(MAX_SESSION_FILE_BYTES * 2);
    assert.equal(translate('en', `app.sessionFile.problem.${problem.id}`, problem.params), oversizedMessage(MAX_SESSION_FILE_BYTES * 2));
    assert.match(translate('zh-CN', `app.sessionFile.problem.${problem.id}`, problem.params), /128 MB.*64 MB/);
  });
});
