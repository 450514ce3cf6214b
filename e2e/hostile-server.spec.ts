/**
 * A hostile server against the page: an authorization endpoint that is a javascript: URL. The
 * flow stops at the metadata's own finding before any navigation; nothing runs, no dialog opens,
 * the page stays where it is.
 */
import { startMisbehavingServer } from '../server/test-support/misbehaving-server.js';
import { expect, runSigningInHere, snap, test } from './debugger-fixture.js';

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

/** A valid WAV file of a few silent samples, as a tool would return audio. */
function silentWav(): string {
  const samples = 8;
  const header = Buffer.alloc(44);
  header.write('RIFF', 0);
  header.writeUInt32LE(36 + samples * 2, 4);
  header.write('WAVE', 8);
  header.write('fmt ', 12);
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20);
  header.writeUInt16LE(1, 22);
  header.writeUInt32LE(8000, 24);
  header.writeUInt32LE(16000, 28);
  header.writeUInt16LE(2, 32);
  header.writeUInt16LE(16, 34);
  header.write('data', 36);
  header.writeUInt32LE(samples * 2, 40);
  return Buffer.concat([header, Buffer.alloc(samples * 2)]).toString('base64');
}

test('audio and images in a tool result play and show under the page’s Content-Security-Policy', async ({ page, debuggerApp, consoleErrors }, testInfo) => {
  const pixel = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGNgYPj/HwADAgH/eL9GtQAAAABJRU5ErkJggg==';
  const server = await startMisbehavingServer({
    tools: [{ name: 'speak', description: 'Says something', inputSchema: { type: 'object', properties: {} } }],
    toolResult: {
      content: [
        { type: 'audio', mimeType: 'audio/wav', data: silentWav() },
        { type: 'image', mimeType: 'image/png', data: pixel },
      ],
    },
  });
  try {
    // The server's authorization endpoint consents by itself; the round trip still goes through this tab.
    await runSigningInHere(page, debuggerApp.url, server.mcpUrl);
    await expect(page.getByText('Completed', { exact: true })).toBeVisible();

    await page.getByRole('tab', { name: /^Tools/ }).click();
    await page.getByRole('list', { name: "The server's tools" }).getByRole('button', { name: /speak/ }).click();
    await page.getByRole('button', { name: 'Call speak' }).click();
    const audio = page.locator('audio');
    await expect(audio).toHaveCount(1);
    // Loaded, not refused: the media element knows the clip's length.
    await expect.poll(() => audio.evaluate((element: HTMLAudioElement) => element.error?.code ?? (element.readyState > 0 ? 'loaded' : 'loading'))).toBe('loaded');
    await expect.poll(() => page.locator('img[alt*="speak"]').evaluate((element: HTMLImageElement) => element.naturalWidth)).toBe(1);
    await snap(page, testInfo, 'media-result');
    expect(consoleErrors).toEqual([]);
  } finally {
    await server.close();
  }
});

test('an MCP answer nested 10,000 levels deep ends in a visible stop; the page, its inspector and a reload keep working', async ({ page, debuggerApp, consoleErrors }, testInfo) => {
  const server = await startMisbehavingServer({ faults: { discover: 'deep-json' } });
  try {
    await runSigningInHere(page, debuggerApp.url, server.mcpUrl);

    const stop = page.getByRole('status').filter({ has: page.getByRole('heading', { name: 'The flow stopped at “Authenticated MCP requests”' }) });
    await expect(stop).toBeVisible();
    await expect(page.getByText(/deeper than 64 levels/).first()).toBeVisible();
    // The deep answer itself can be opened in the inspector.
    await page.getByRole('listbox', { name: /exchanges/i }).getByRole('option', { name: /MCP server\/discover/ }).first().click();
    await expect(page.getByRole('heading', { name: 'Response' }).first()).toBeVisible();
    await snap(page, testInfo, 'deep-json');
    await page.reload();
    await expect(page.getByRole('heading', { name: 'The flow stopped at “Authenticated MCP requests”' })).toBeVisible();
    expect(consoleErrors).toEqual([]);
  } finally {
    await server.close();
  }
});
