/**
 * The whole page in Chinese: a complete run against the demo lab, and a run that cannot reach its
 * server, with every step, tab and the exchange inspector open, each searched for English left in
 * our own words (see chinese-page.ts).
 */
import { expect, test } from './debugger-fixture.js';
import { expectNoEnglish, toChinese, visitEveryStep, zh } from './chinese-page.js';

test.use({ debuggerArgs: ['--auto-consent'] });

test('a whole run in Chinese leaves no English in the page', async ({ page, debuggerApp, consoleErrors }, testInfo) => {
  await toChinese(page, debuggerApp.url);
  await expectNoEnglish(page, testInfo, '1-start');
  // Chinese is set in a font made for it, after the Latin ones.
  const fonts = await page.evaluate(() => getComputedStyle(document.body).fontFamily);
  expect(fonts).toMatch(/Segoe UI.*PingFang SC.*Microsoft YaHei.*Noto Sans CJK SC.*WenQuanYi/);

  // The audit and the CORS check add steps with their own exchanges and reasons.
  await page.getByText(zh('app.connect.advanced'), { exact: true }).click();
  await page.getByRole('checkbox', { name: zh('app.connect.audit') }).check();
  await page.getByRole('checkbox', { name: zh('cors.connect.toggle') }).check();
  await page.getByRole('button', { name: zh('app.connect.tryLab') }).click();
  await page.getByRole('region', { name: zh('app.auth.title') }).getByRole('button', { name: zh('app.auth.thisTab') }).click();
  await page.waitForURL(`${debuggerApp.url}/`);
  await expect(page.getByText(zh('app.summary.completed'), { exact: true })).toBeVisible();
  await visitEveryStep(page, testInfo, '2-flow');

  for (const tab of ['tokens', 'tools', 'findings', 'network'] as const) {
    await page.getByRole('tab', { name: new RegExp(`^${zh(`app.tabs.${tab}`)}`) }).click();
    await expect(page.getByRole('tabpanel')).toBeVisible();
    if (tab === 'tools') {
      await page.getByRole('button', { name: /add_numbers/ }).first().click();
      await page.getByRole('spinbutton', { name: 'a', exact: true }).fill('2');
      await page.getByRole('spinbutton', { name: 'b', exact: true }).fill('3');
      await page.getByRole('button', { name: /add_numbers/ }).last().click();
      await expect(page.getByRole('article', { name: 'add_numbers' })).toContainText('"result": 5');
    }
    if (tab === 'network') {
      // Exchange titles are in Chinese; the method names in them stay as the wire spells them.
      await expect(page.getByRole('listbox').getByRole('option').filter({ hasText: '不带令牌的 MCP server/discover' }).first()).toBeVisible();
      await page.getByRole('listbox').getByRole('option').nth(2).click();
    }
    await expectNoEnglish(page, testInfo, `3-${tab}`);
  }
  expect(consoleErrors).toEqual([]);
});

test('a run that cannot reach its server stops in Chinese, the failed exchange too', async ({ page, debuggerApp, consoleErrors }, testInfo) => {
  await toChinese(page, debuggerApp.url);
  // Nothing listens on port 9 (discard) of the loopback.
  await page.getByRole('textbox', { name: zh('app.connect.serverUrl') }).fill('http://127.0.0.1:9/mcp');
  await page.getByRole('button', { name: zh('app.connect.run'), exact: true }).click();
  await expect(page.getByRole('heading', { name: /^流程停在了/ })).toBeVisible();
  await visitEveryStep(page, testInfo, '4-unreachable');
  // The failed exchange explains itself in Chinese: the kind, and the transport's words.
  await page.getByRole('navigation', { name: zh('app.timeline.title') }).getByRole('button').first().click();
  await page.getByRole('listbox').first().getByRole('option').first().click();
  const failure = page.getByRole('region', { name: zh('inspect.error.heading') });
  await expect(failure).toContainText('连接被拒绝');
  await expect(page.getByText(/^连接被拒绝:/).first()).toBeVisible();
  await expectNoEnglish(page, testInfo, '4-unreachable-inspector');
  expect(consoleErrors).toEqual([]);
});
