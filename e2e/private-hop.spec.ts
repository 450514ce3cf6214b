/**
 * A server on the internet that sends the run into the person's own network: its metadata names
 * a loopback registration endpoint. The page asks before following: the run stops with the
 * refusal, nothing reaches the address, and "Allow private addresses and go on" follows it.
 *
 * The relay here runs in this process with the test transport that makes `mcp.test` a public
 * name reaching a loopback server (see public-name-transport.ts); the page and the engine in it
 * are the real built UI.
 */
import { fileURLToPath } from 'node:url';
import { startMisbehavingServer } from '../server/test-support/misbehaving-server.js';
import { createPublicNameTransport, PUBLIC_NAME } from '../server/test-support/public-name-transport.js';
import { startRelay } from '../server/relay/index.js';
import { expect, snap, test } from './debugger-fixture.js';

test('a hop into a private address waits for the person, and goes on once allowed', async ({ page, consoleErrors }, testInfo) => {
  const server = await startMisbehavingServer({ publicHost: PUBLIC_NAME, metadata: (loopback) => ({ registration_endpoint: `${loopback}/register` }) });
  const relay = await startRelay({ port: 0, staticDir: fileURLToPath(new URL('../dist/', import.meta.url)), transport: createPublicNameTransport() });
  try {
    await page.goto(relay.url);
    await page.getByRole('textbox', { name: 'MCP server URL' }).fill(server.mcpUrl);
    await page.getByRole('button', { name: 'Run', exact: true }).click();

    const stop = page.getByRole('status').filter({ has: page.getByRole('heading', { name: 'The flow stopped at “Client registration”' }) });
    await expect(stop).toBeVisible();
    await expect(stop).toContainText('Not followed into a private address');
    expect(server.requests).not.toContain('POST /register');
    await snap(page, testInfo, 'private-hop-asked');

    await stop.getByRole('button', { name: 'Allow private addresses and go on' }).click();
    await expect(page.getByRole('region', { name: 'Sign in at the authorization server' })).toBeVisible();
    expect(server.requests).toContain('POST /register');
    await snap(page, testInfo, 'private-hop-allowed');
    expect(consoleErrors).toEqual([]);
  } finally {
    await relay.close();
    await server.close();
  }
});
