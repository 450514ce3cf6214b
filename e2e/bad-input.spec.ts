/**
 * Bad input the person cannot avoid: a URL that answers but is not MCP, and the relay going
 * away under an open page. Each ends in a clear message with the way on, and nothing typed is lost.
 */
import { expect, snap, startDebugger, test } from './debugger-fixture.js';

test('a URL that is not an MCP endpoint stops at the probe and says so', async ({ page, debuggerApp, consoleErrors }, testInfo) => {
  // The relay's own pages: HTML, not MCP.
  const notMcp = `${debuggerApp.url}/not-an-mcp-endpoint`;
  await page.goto(debuggerApp.url);
  await page.getByRole('textbox', { name: 'MCP server URL' }).fill(notMcp);
  await page.getByRole('button', { name: 'Run', exact: true }).click();

  const stop = page.getByRole('status').filter({ has: page.getByRole('heading', { name: 'The flow stopped at “Probe without a token”' }) });
  await expect(stop).toBeVisible();
  await expect(page.getByText('This URL does not look like an MCP endpoint').first()).toBeVisible();
  await expect(stop.getByRole('button', { name: 'Edit the connection' })).toBeVisible();
  await snap(page, testInfo, 'not-mcp');
  expect(consoleErrors).toEqual([]);
});

test('when the relay goes away, a banner says so and what was typed stays', async ({ page, consoleErrors }, testInfo) => {
  const { running, stop } = await startDebugger();
  try {
    await page.goto(running.url);
    const server = page.getByRole('textbox', { name: 'MCP server URL' });
    await server.fill('http://127.0.0.1:1/mcp');
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    const stopped = page.getByRole('status').filter({ has: page.getByRole('heading', { name: 'The flow stopped at “Probe without a token”' }) });
    await expect(stopped).toBeVisible();

    await stop();
    await stopped.getByRole('button', { name: 'Run again' }).click();

    await expect(page.getByText('The debugger’s relay does not answer.')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Retry' })).toBeVisible();
    // The connect form has folded to its URL while a run is shown; the URL is still there.
    await expect(page.getByRole('complementary').getByText('http://127.0.0.1:1/mcp').first()).toBeVisible();
    await snap(page, testInfo, 'relay-gone');
    // The browser itself reports the refused connections; the UI logs nothing else.
    expect(consoleErrors.filter((line) => !/ERR_CONNECTION_REFUSED|Failed to load resource|Failed to fetch/.test(line))).toEqual([]);
  } finally {
    await stop();
  }
});
