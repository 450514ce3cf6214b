import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SPEC_TITLES_ZH } from './spec-ref-titles.js';
import { allSpecTitles, specRefLabel } from './spec-refs.js';

describe('spec link titles in Chinese', () => {
  it('translate every title a spec link can show, and nothing else', () => {
    const titles = allSpecTitles();
    for (const title of titles) {
      const zh = SPEC_TITLES_ZH[title];
      assert.ok(zh, `${title} has a Chinese title`);
      assert.match(zh, /[\u4e00-\u9fff]/, `${title}: ${zh} has Chinese in it`);
    }
    assert.deepEqual(Object.keys(SPEC_TITLES_ZH).sort(), titles);
  });

  it('keep document names, versions and section numbers, and the English label as it was', () => {
    assert.equal(specRefLabel('rfc9728:3.3', '2026-07-28'), 'RFC 9728 §3.3 (Protected Resource Metadata)');
    assert.equal(specRefLabel('rfc9728:3.3', '2026-07-28', 'zh-CN'), 'RFC 9728 §3.3(受保护资源元数据)');
    assert.equal(specRefLabel('mcp:canonical-uri', '2025-11-25'), 'MCP 2025-11-25: Canonical Server URI');
    assert.equal(specRefLabel('mcp:canonical-uri', '2025-11-25', 'zh-CN'), 'MCP 2025-11-25:规范服务器 URI');
  });
});
