import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FINDINGS, makeFinding } from '../engine/checks/catalogue.js';
import type { Finding } from '../engine/types.js';
import { countBySeverity, filterFindings, localizedFindingText, sortFindings, specLink } from './findings.js';

function finding(id: string, severity: Finding['severity']): Finding {
  return { id, severity, stepId: 'probe', title: id, detail: '', specRefs: [] };
}

test('errors come first, then warnings, then info; ties keep the flow order', () => {
  const input = [finding('i1', 'info'), finding('w1', 'warning'), finding('e1', 'error'), finding('i2', 'info'), finding('e2', 'error')];
  assert.deepEqual(sortFindings(input).map((f) => f.id), ['e1', 'e2', 'w1', 'i1', 'i2']);
  assert.deepEqual(countBySeverity(input), { error: 2, warning: 1, info: 2 });
  assert.deepEqual(filterFindings(input, new Set(['warning', 'info'])).map((f) => f.id), ['w1', 'i1', 'i2']);
  assert.equal(filterFindings(input, new Set()).length, 5);
});

test('Chinese text comes from the catalogue with the params filled in', () => {
  const real = makeFinding('probe.insecure-transport', '2026-07-28', { params: { url: 'http://mcp.example/mcp' } });
  assert.ok(real);
  const zh = localizedFindingText(real, 'zh-CN', FINDINGS);
  assert.equal(zh.title, 'MCP 服务器通过明文 HTTP 访问');
  assert.ok(zh.detail.startsWith('http://mcp.example/mcp 在非回环地址上'), zh.detail);
  assert.ok(zh.hint?.includes('HTTPS'));
  assert.deepEqual(localizedFindingText(real, 'en', FINDINGS), { title: real.title, detail: real.detail, hint: real.hint });
});

function real(): Finding {
  const made = makeFinding('probe.insecure-transport', '2026-07-28', { params: { url: 'http://mcp.example/mcp' } });
  assert.ok(made);
  return made;
}

test('an id missing from the catalogue falls back to the English text', () => {
  const unknown = { ...finding('not.in-catalogue', 'warning'), title: 'T', detail: 'D' };
  assert.deepEqual(localizedFindingText(unknown, 'zh-CN', FINDINGS), { title: 'T', detail: 'D' });
  assert.deepEqual(localizedFindingText(real(), 'zh-CN', undefined).title, real().title, 'catalogue not loaded yet: English');
});

test('spec links are labelled for the selected version', () => {
  assert.deepEqual(specLink({ id: 'rfc9728:3.3', url: 'https://www.rfc-editor.org/rfc/rfc9728#section-3.3' }, '2026-07-28'), {
    url: 'https://www.rfc-editor.org/rfc/rfc9728#section-3.3',
    label: 'RFC 9728 §3.3 (Protected Resource Metadata)',
  });
  assert.equal(specLink({ id: 'mcp:protocol-requirements', url: 'x' }, '2025-06-18').label, 'MCP 2025-06-18: Protocol Requirements');
  assert.equal(specLink({ id: 'something-else', url: 'x' }, '2025-06-18').label, 'something-else');
});
