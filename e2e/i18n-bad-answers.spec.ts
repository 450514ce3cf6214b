/**
 * Our own words about bad answers, in the Chinese page: metadata that is not JSON, an MCP server
 * that answers HTML, a run recorded by the command line that stopped at a login page, and files
 * that are not sessions. Each view is searched for English left in our own words (see
 * chinese-page.ts); the server's own bytes are shown as code and do not count.
 */
import type { Page } from '@playwright/test';
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { startMisbehavingServer } from '../server/test-support/misbehaving-server.js';
import { expect, test } from './debugger-fixture.js';
import { expectNoEnglish, toChinese, visitEveryStep, zh } from './chinese-page.js';

const run = promisify(execFile);

async function openStep(page: Page, title: string): Promise<void> {
  await page.getByRole('navigation', { name: zh('app.timeline.title') }).getByRole('button', { name: new RegExp(`^${title}`) }).click();
}

/** Runs the Chinese page against `serverUrl` (signing in in this tab where the run gets that far) until the flow stops. */
async function runInChinese(page: Page, appUrl: string, serverUrl: string, signsIn: boolean): Promise<void> {
  await toChinese(page, appUrl);
  await page.getByRole('textbox', { name: zh('app.connect.serverUrl') }).fill(serverUrl);
  await page.getByRole('button', { name: zh('app.connect.run'), exact: true }).click();
  if (signsIn) {
    await page.getByRole('region', { name: zh('app.auth.title') }).getByRole('button', { name: zh('app.auth.thisTab') }).click();
    await page.waitForURL(`${appUrl}/`);
  }
  await expect(page.getByRole('heading', { name: /^流程停在了/ })).toBeVisible();
}

test('metadata that is not JSON: where it stops being JSON, said in Chinese', async ({ page, debuggerApp, consoleErrors }, testInfo) => {
  const server = await startMisbehavingServer({ faults: { prm: 'invalid-json' } });
  try {
    await runInChinese(page, debuggerApp.url, server.mcpUrl, false);
    await visitEveryStep(page, testInfo, 'prm-not-json');
    // The finding and the inspector's note on the body both say where, in Chinese.
    await openStep(page, '受保护资源元数据');
    await page.getByRole('listbox').first().getByRole('option').filter({ hasText: '200' }).first().click();
    await expect(page.getByRole('main')).toContainText(/响应体不是 JSON\(文本在第 1 行第 62 列就结束了,JSON 尚不完整\)/);
    await expect(page.getByRole('main')).toContainText('内容类型声明为 JSON,但正文无法解析:文本在第 1 行第 62 列就结束了,JSON 尚不完整');
    await expectNoEnglish(page, testInfo, 'prm-not-json-finding');
  } finally {
    await server.close();
  }
  expect(consoleErrors).toEqual([]);
});

test('an MCP server that answers HTML: why there is nothing to read, said in Chinese', async ({ page, debuggerApp, consoleErrors }, testInfo) => {
  const server = await startMisbehavingServer({ faults: { 'authenticated-mcp': 'html' } });
  try {
    await runInChinese(page, debuggerApp.url, server.mcpUrl, true);
    await visitEveryStep(page, testInfo, 'mcp-html');
    await openStep(page, '已认证的 MCP 请求');
    await expect(page.getByRole('main')).toContainText('HTTP 200,不是可用的 JSON:第 1 行第 1 列出现意外的 “<”');
    await expectNoEnglish(page, testInfo, 'mcp-html-finding');
  } finally {
    await server.close();
  }
  expect(consoleErrors).toEqual([]);
});

test('a run recorded by the command line that stopped at the login page reads in Chinese', async ({ page, debuggerApp, consoleErrors }, testInfo) => {
  // Without a terminal, `check` follows the redirects and stops where the lab shows its sign-in page.
  const out = testInfo.outputPath('cli-run.json');
  await run(process.execPath, ['bin/mcp-auth-debugger.js', 'check', debuggerApp.labMcpUrl, '--out', out], { timeout: 60_000 }).catch((error: unknown) => {
    // A stopped run exits non-zero; the file is what matters.
    if (!(error && typeof error === 'object' && 'code' in error && typeof error.code === 'number')) throw error;
  });
  const recorded = readFileSync(out);
  expect(recorded.toString()).toContain('authorization.login-page-shown');

  await toChinese(page, debuggerApp.url);
  await page.getByLabel(zh('app.sessionFile.open'), { exact: true }).setInputFiles({ name: 'cli-run.json', mimeType: 'application/json', buffer: recorded });
  await expect(page.getByRole('heading', { name: /^流程停在了/ })).toBeVisible();
  await visitEveryStep(page, testInfo, 'cli-login-page');
  await openStep(page, '授权请求');
  await expect(page.getByRole('main')).toContainText(/授权往返没有完成:授权服务器对 \S+ 返回了一个 HTML 页面\(HTTP 200\),而不是重定向/);
  expect(consoleErrors).toEqual([]);
});

test('files that are not sessions are refused in Chinese, saying where or what', async ({ page, debuggerApp, consoleErrors }, testInfo) => {
  await toChinese(page, debuggerApp.url);
  const open = page.getByLabel(zh('app.sessionFile.open'), { exact: true });
  const alert = page.getByRole('alert');

  await open.setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{\n  "format": "mcp-auth-debugger/session-file",\n  "formatVersion" 1\n}') });
  await expect(alert).toContainText('文件不是 JSON:第 3 行第 19 列出现意外的 “1”。');
  await expectNoEnglish(page, testInfo, 'file-not-json');
  await alert.getByRole('button').click();

  const session = { options: { serverUrl: 'https://mcp.example.com/mcp', spec: '2026-07-28' }, results: [{ stepId: 'probe', exchanges: [], findings: [], outcome: { kind: 'ok' } }], status: { kind: 'stopped', stepId: 'nowhere' } };
  const damaged = JSON.stringify({ format: 'mcp-auth-debugger/session-file', formatVersion: 1, session });
  await open.setInputFiles({ name: 'damaged.json', mimeType: 'application/json', buffer: Buffer.from(damaged) });
  await expect(alert).toContainText('会话已损坏("status" 指向未知步骤)。');
  await expectNoEnglish(page, testInfo, 'file-damaged');
  expect(consoleErrors).toEqual([]);
});
