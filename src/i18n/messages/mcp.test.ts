import assert from 'node:assert/strict';
import { test } from 'node:test';
import { mcpMessages } from './mcp.js';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

test('the MCP protocol texts exist in both languages with the same placeholders', () => {
  const en = Object.keys(mcpMessages.en).sort();
  assert.deepEqual(Object.keys(mcpMessages['zh-CN']).sort(), en);
  for (const key of en) {
    assert.ok(key.startsWith('mcp.'), key);
    assert.deepEqual(placeholders(mcpMessages['zh-CN'][key] ?? ''), placeholders(mcpMessages.en[key] ?? ''), key);
  }
});
