/**
 * The CORS check as a person sees it: switched on in the connect form, it runs after the flow
 * and its step shows a table of the endpoints a browser-based client calls. Against the clean
 * lab every endpoint is ready (cors-fault.spec.ts runs the lab with a CORS fault). The lab
 * consents by itself.
 */
import { runWithCors } from './cors-run.js';
import { expect, snap, test } from './debugger-fixture.js';

test.use({ debuggerArgs: ['--auto-consent'] });

test('every endpoint is ready for a browser-based client', async ({ page, debuggerApp, consoleErrors }, testInfo) => {
  const table = await runWithCors(page, debuggerApp.url);
  await expect(table.getByRole('rowheader')).toHaveText([
    /^Protected resource metadata/,
    /^Authorization server metadata/,
    /^Registration endpoint/,
    /^Token endpoint/,
    /^MCP endpoint/,
  ]);
  const mcp = table.locator('tr[data-endpoint="mcp"]');
  await expect(mcp).toContainText('✓ passed (204)');
  await expect(mcp).toContainText('✓ allowed (*)');
  await expect(mcp.getByText('readable')).toHaveCount(3);
  await expect(table.getByText('✗')).toHaveCount(0);
  await expect(page.getByRole('article', { name: 'Ready for browser-based clients' })).toBeVisible();
  await snap(page, testInfo, 'cors-ready');

  // A cell's button opens the exchange it was read from.
  await mcp.getByRole('button', { name: 'Show the exchange' }).first().click();
  await expect(page.getByRole('listbox', { name: /exchanges/i }).getByRole('option', { name: /CORS preflight: mcp/, selected: true })).toBeVisible();
  expect(consoleErrors).toEqual([]);
});
