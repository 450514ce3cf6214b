/**
 * A hostile server against the page: an authorization endpoint that is a javascript: URL. The
 * flow stops at the metadata's own finding before any navigation; nothing runs, no dialog opens,
 * the page stays where it is.
 */
import { startMisbehavingServer } from '../server/test-support/misbehaving-server.js';
import { expect, snap, test } from './debugger-fixture.js';

test('a javascript: authorization endpoint stops the flow before any navigation', async ({ page, debuggerApp, consoleErrors }, testInfo) => {
  const server = await startMisbehavingServer({ metadata: { authorization_endpoint: 'javascript:alert(document.domain)' } });
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  try {
    await page.goto(debuggerApp.url);
    await page.getByRole('textbox', { name: 'MCP server URL' }).fill(server.mcpUrl);
    await page.getByRole('button', { name: 'Run', exact: true }).click();

    const stop = page.getByRole('status').filter({ has: page.getByRole('heading', { name: 'The flow stopped at “Authorization request”' }) });
    await expect(stop).toBeVisible();
    await expect(page.getByRole('region', { name: 'Sign in at the authorization server' })).toHaveCount(0);
    await page.getByRole('navigation', { name: 'Flow' }).getByRole('button', { name: /^Authorization server metadata\b/ }).click();
    await expect(page.getByRole('article', { name: /"authorization_endpoint" has the wrong type/ })).toContainText('an http or https URL');
    await snap(page, testInfo, 'javascript-endpoint');
    expect(new URL(page.url()).origin).toBe(debuggerApp.url);
    expect(dialogs).toEqual([]);
    expect(consoleErrors).toEqual([]);
  } finally {
    await server.close();
  }
});
