/**
 * The real MCP SDK clients as a person sees them: "Real SDK clients" switched on in the connect
 * form, the relay runs SDK v1 and v2 against the lab once the flow is over, and the run shows a
 * row per client beside the debugger's verdict, and the scorecard's client compatibility area
 * passes. The lab consents by itself.
 */
import { AxeBuilder } from '@axe-core/playwright';
import { expect, test } from './debugger-fixture.js';

test.use({ debuggerArgs: ['--auto-consent'] });

test('both SDK clients connect to the clean lab, in a table beside the run', async ({ page, debuggerApp, consoleErrors }) => {
  const url = debuggerApp.url;
  await page.goto(url);
  await page.getByText('Advanced', { exact: true }).click();
  await page.getByRole('checkbox', { name: 'Real SDK clients' }).check();
  await page.getByRole('button', { name: 'Try the demo lab' }).click();
  await page.getByRole('region', { name: 'Sign in at the authorization server' }).getByRole('button', { name: 'Open in this tab' }).click();
  await page.waitForURL(`${url}/`);
  await expect(page.getByText('Completed', { exact: true })).toBeVisible();

  const table = page.getByTestId('real-clients');
  await expect(table.getByRole('rowheader')).toHaveText(['MCP TypeScript SDK v1', 'MCP TypeScript SDK v2'], { timeout: 60_000 });
  const v1 = table.locator('tr[data-client="sdk-v1"]');
  const v2 = table.locator('tr[data-client="sdk-v2"]');
  await expect(v1).toContainText('@modelcontextprotocol/sdk 1.');
  await expect(v1).toContainText('✓ connected (2025-11-25, 2 tools)');
  await expect(v2).toContainText('@modelcontextprotocol/client 2.');
  await expect(v2).toContainText('✓ connected (2026-07-28, 2 tools)');
  await expect(table.getByText('Agrees: no error, and the client connects')).toHaveCount(2);
  const axe = await new AxeBuilder({ page }).include('[data-testid="real-clients"]').analyze();
  expect(axe.violations.map((violation) => `${violation.id}: ${violation.help}`)).toEqual([]);
  await expect(page.getByTestId('scorecard').getByRole('button', { name: /Client compatibility.*passed/i })).toBeVisible();

  // The comparison is in the Findings tab too, one finding per client.
  await page.getByRole('tab', { name: /^Findings/ }).click();
  await expect(page.getByRole('article', { name: 'A real MCP client connects' })).toHaveCount(2);

  // And in Chinese.
  await page.getByRole('group', { name: 'Language' }).getByRole('button', { name: '中文' }).click();
  await expect(table.getByRole('heading', { name: '真实的 MCP SDK 客户端' })).toBeVisible();
  await expect(v2).toContainText('已连接(2026-07-28,2 个工具)');
  await expect(table.getByText('一致:没有错误,客户端可以连接')).toHaveCount(2);
  expect(consoleErrors).toEqual([]);
});
