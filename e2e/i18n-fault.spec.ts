/**
 * A run in Chinese that a lab fault stops: the stop, its reason and the step's exchanges, searched
 * for English left in our own words (see chinese-page.ts).
 */
import { expect, test } from './debugger-fixture.js';
import { toChinese, visitEveryStep, zh } from './chinese-page.js';

test.use({ debuggerArgs: ['--auto-consent', '--fault', 'prm.resource-mismatch'] });

test('the stop, its reason and its exchanges are in Chinese', async ({ page, debuggerApp, consoleErrors }, testInfo) => {
  await toChinese(page, debuggerApp.url);
  await page.getByRole('button', { name: zh('app.connect.tryLab') }).click();
  await expect(page.getByRole('navigation', { name: zh('app.timeline.title') })).toBeVisible();
  await expect(page.getByRole('heading', { name: /^流程停在了/ })).toBeVisible();
  await visitEveryStep(page, testInfo, '5-fault');
  // The step that stopped says why in Chinese, with the label of each exchange it sent.
  await page.getByRole('navigation', { name: zh('app.timeline.title') }).getByRole('button').nth(1).click();
  await expect(page.getByText('该受保护资源元数据不属于这个 MCP 服务器,因此客户端不得(MUST NOT)使用它。')).toBeVisible();
  await expect(page.getByRole('listbox').first().getByRole('option').filter({ hasText: '来自 resource_metadata 的 PRM' }).first()).toBeVisible();
  expect(consoleErrors).toEqual([]);
});
