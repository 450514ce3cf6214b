/**
 * A file that is not a session is refused in the page's language: every reader's problem has a
 * message in both languages, the English one says what the CLI says, and the Chinese is Chinese.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MAX_SESSION_FILE_BYTES, oversizedMessage, oversizedProblem, readSessionFile, SESSION_FILE_PROBLEM_IDS, SESSION_FILE_VERSION } from '../../engine/session-file.js';
import { translate, type Translate } from '../index.js';
import { sessionFileProblemText } from '../../ui-logic/session-file-text.js';
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

/** A session file around a session damaged by `change`. */
function damagedSession(change: (session: Record<string, unknown>) => void): string {
  const session: Record<string, unknown> = {
    options: { serverUrl: 'https://mcp.example.com/mcp', spec: '2026-07-28' },
    results: [{ stepId: 'probe', exchanges: [], findings: [], outcome: { kind: 'ok' } }],
    status: { kind: 'completed' },
  };
  change(session);
  return JSON.stringify({ format: 'mcp-auth-debugger/session-file', formatVersion: SESSION_FILE_VERSION, session });
}

const damages: [(session: Record<string, unknown>) => void, string][] = [
  [(s) => delete s.options, 'options-missing'],
  [(s) => void (s.options = { serverUrl: 'x', spec: '1999-01-01' }), 'unknown-spec'],
  [(s) => void (s.results = [{ stepId: 'nonsense' }]), 'step-unknown'],
  [(s) => void (s.results = [{ stepId: 'probe', exchanges: [], findings: [], outcome: { kind: 'ok', reasonId: 7 } }]), 'step-reason'],
  [(s) => void (s.status = { kind: 'stopped', stepId: 'elsewhere' }), 'status-step'],
  [(s) => void (s.clients = { results: [{ client: 'sdk-v1', connected: true, package: 'p', version: '1', durationMs: 1, limit: 3 }], findings: [] }), 'client-not-text'],
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
      assert.equal(sessionFileProblemText(inLanguage('en'), reading.problem), reading.message);
      const chinese = sessionFileProblemText(inLanguage('zh-CN'), reading.problem);
      assert.match(chinese, /[\u4e00-\u9fff]/, chinese);
      assert.doesNotMatch(chinese, /\{\w+\}/, chinese);
    }
    assert.ok(seen.size >= 9, [...seen].join(', '));
  });

  it('a damaged session says what is damaged in both languages, with no English words left in the Chinese', () => {
    for (const [change, damage] of damages) {
      const reading = readSessionFile(damagedSession(change));
      assert.ok(!reading.ok, damage);
      assert.equal(reading.problem.params.damage, damage);
      assert.equal(sessionFileProblemText(inLanguage('en'), reading.problem), reading.message);
      const chinese = sessionFileProblemText(inLanguage('zh-CN'), reading.problem);
      assert.match(chinese, /^会话已损坏\(/, chinese);
      assert.doesNotMatch(chinese, /\b[a-z]{2,} [a-z]{2,}\b/, chinese);
    }
  });

  it('a file that is not JSON says where, in Chinese too', () => {
    const reading = readSessionFile('{"a": 1 "b": 2}');
    assert.ok(!reading.ok);
    assert.equal(sessionFileProblemText(inLanguage('zh-CN'), reading.problem), '文件不是 JSON:第 1 行第 9 列出现意外的 “"”。');
    const cut = readSessionFile('{"session": {"options": 1');
    assert.equal(cut.ok ? '' : cut.problem.id, 'cut-short');
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

function inLanguage(language: 'en' | 'zh-CN'): Translate {
  return (key, params) => translate(language, key, params);
}
