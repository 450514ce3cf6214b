/**
 * The CORS check against the lab with `cors.www-authenticate-not-exposed`: the table shows the
 * MCP endpoint's WWW-Authenticate hidden from the page, and the finding says so.
 */
import { runWithCors } from './cors-run.js';
import { expect, snap, test } from './debugger-fixture.js';

test.use({ debuggerArgs: ['--fault', 'cors.www-authenticate-not-exposed', '--auto-consent'] });

test('the table and the finding say the 401 challenge is hidden from the page', async ({ page, debuggerApp, consoleErrors }, testInfo) => {
  const table = await runWithCors(page, debuggerApp.url);
  const mcp = table.locator('tr[data-endpoint="mcp"]');
  await expect(mcp.locator('td').nth(2)).toHaveText('✗ hidden');
  await expect(mcp.locator('td').nth(3)).toHaveText('✓ readable');
  const finding = page.getByRole('article', { name: 'A browser cannot read the 401\'s WWW-Authenticate' });
  await expect(finding).toBeVisible();
  await expect(finding.getByText('cors.www-authenticate-not-exposed', { exact: true })).toBeVisible();
  await snap(page, testInfo, 'cors-www-authenticate-hidden');
  expect(consoleErrors).toEqual([]);
});
