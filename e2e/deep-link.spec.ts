/**
 * Deep links (`?server=…&spec=…`, `&run=1`, `&step=1`) and what survives a reload: the form is
 * kept in sessionStorage, secrets never reach localStorage. A link may fill the form, but a run
 * it asks for waits for the person's confirmation, which names the target host: any web page
 * can open such a link.
 */
import { createServer } from 'node:http';
import type { Page } from '@playwright/test';
import { startMisbehavingServer } from '../server/test-support/misbehaving-server.js';
import { expect, snap, test } from './debugger-fixture.js';
import { listenOnLoopback } from '../server/test-support/free-port.js';

const storageText = (page: Page, area: 'localStorage' | 'sessionStorage') =>
  page.evaluate((which) => {
    const storage = window[which];
    const entries: string[] = [];
    for (let i = 0; i < storage.length; i++) {
      const key = storage.key(i) ?? '';
      entries.push(`${key}=${storage.getItem(key) ?? ''}`);
    }
    return entries.join('\n');
  }, area);

test('?server=…&spec=… fills in the form without starting a run', async ({ page, debuggerApp, consoleErrors }, testInfo) => {
  await page.goto(`${debuggerApp.url}/?server=${encodeURIComponent(debuggerApp.labMcpUrl)}&spec=2025-11-25`);
  await expect(page.getByRole('textbox', { name: 'MCP server URL' })).toHaveValue(debuggerApp.labMcpUrl);
  await expect(page.getByRole('combobox', { name: 'Spec version' })).toHaveValue('2025-11-25');
  // The link's parameters leave the address bar; nothing has run.
  await expect(page).toHaveURL(`${debuggerApp.url}/`);
  await expect(page.getByRole('heading', { name: /^Find where your MCP server/ })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Flow controls' })).toHaveCount(0);
  await snap(page, testInfo, 'prefilled');

  // The form stays filled across a reload (sessionStorage), and still nothing runs.
  await page.reload();
  await expect(page.getByRole('textbox', { name: 'MCP server URL' })).toHaveValue(debuggerApp.labMcpUrl);
  await expect(page.getByRole('combobox', { name: 'Spec version' })).toHaveValue('2025-11-25');
  await expect(page.getByRole('region', { name: 'Flow controls' })).toHaveCount(0);
  expect(consoleErrors).toEqual([]);
});

test('&run=1 asks first, naming the host; once confirmed, the run is checked against the linked spec version', async ({ page, debuggerApp, consoleErrors }, testInfo) => {
  await page.goto(`${debuggerApp.url}/?server=${encodeURIComponent(debuggerApp.labMcpUrl)}&spec=2025-11-25&run=1`);
  const host = new URL(debuggerApp.labMcpUrl).host;
  const prompt = page.getByRole('alertdialog', { name: `Run the debugger against ${host}?` });
  await expect(prompt).toBeVisible();
  await expect(prompt.getByRole('button', { name: `Run against ${host}` })).toBeFocused();
  await expect(page.getByRole('region', { name: 'Flow controls' })).toHaveCount(0);
  await snap(page, testInfo, 'run-from-link-prompt');
  await prompt.getByRole('button', { name: `Run against ${host}` }).click();
  await expect(prompt).toHaveCount(0);
  await expect(page.getByText('Waiting for you to sign in', { exact: true })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Sign in at the authorization server' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Flow' }).getByRole('button', { name: /^Client registration\b.*OK/ })).toBeVisible();
  // The findings cite the clauses of the linked version.
  await page.getByRole('tab', { name: /^Findings/ }).click();
  const clause = page.getByRole('link', { name: /^MCP 2025-11-25/ }).first();
  await expect(clause).toBeVisible();
  await expect(clause).toHaveAttribute('href', /\/specification\/2025-11-25\//);
  await expect(page.getByRole('link', { name: /^MCP 2026-07-28/ })).toHaveCount(0);
  await snap(page, testInfo, 'run-from-link');
  expect(consoleErrors).toEqual([]);
});

test('&step=1, once confirmed, starts in step mode: nothing runs before Next', async ({ page, debuggerApp, consoleErrors }) => {
  await page.goto(`${debuggerApp.url}/?server=${encodeURIComponent(debuggerApp.labMcpUrl)}&step=1`);
  await page.getByRole('button', { name: `Step through against ${new URL(debuggerApp.labMcpUrl).host}` }).click();
  const controls = page.getByRole('region', { name: 'Flow controls' });
  await expect(controls.getByText('Next: Probe without a token', { exact: true })).toBeVisible();
  await expect(page.getByText('0 exchanges', { exact: true })).toBeVisible();
  await controls.getByRole('button', { name: 'Next step' }).click();
  await expect(controls.getByText('Next: Protected resource metadata', { exact: true })).toBeVisible();
  await expect(page.getByText('1 exchange', { exact: true }).first()).toBeVisible();
  expect(consoleErrors).toEqual([]);
});

test('a reload keeps what was typed; the client secret stays in sessionStorage, never localStorage', async ({ page, debuggerApp, consoleErrors }, testInfo) => {
  const secret = `e2e-secret-${testInfo.testId}`;
  await page.goto(debuggerApp.url);
  await page.getByRole('textbox', { name: 'MCP server URL' }).fill(debuggerApp.labMcpUrl);
  await page.getByRole('radio', { name: 'Pre-registered' }).check();
  await page.getByRole('textbox', { name: 'Client id' }).fill('e2e-client');
  await page.getByLabel('Client secret (optional)').fill(secret);
  await page.getByRole('textbox', { name: 'Scope' }).fill('mcp:tools');

  const expectFormKept = async () => {
    await expect(page.getByRole('textbox', { name: 'MCP server URL' })).toHaveValue(debuggerApp.labMcpUrl);
    await expect(page.getByRole('radio', { name: 'Pre-registered' })).toBeChecked();
    await expect(page.getByRole('textbox', { name: 'Client id' })).toHaveValue('e2e-client');
    await expect(page.getByLabel('Client secret (optional)')).toHaveValue(secret);
    await expect(page.getByRole('textbox', { name: 'Scope' })).toHaveValue('mcp:tools');
  };

  await page.reload();
  await expectFormKept();
  expect(await storageText(page, 'sessionStorage')).toContain(secret);
  expect(await storageText(page, 'localStorage')).not.toContain(secret);

  // A run remembers the server in localStorage (the recent list), still without the secret.
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.getByText('Waiting for you to sign in', { exact: true })).toBeVisible();
  await expect.poll(() => storageText(page, 'localStorage')).toContain(debuggerApp.labMcpUrl);
  expect(await storageText(page, 'localStorage')).not.toContain(secret);

  // After a reload the run and the form are back, the secret with them, and localStorage is still clean.
  await page.reload();
  await expect(page.getByText('Waiting for you to sign in', { exact: true })).toBeVisible();
  await page.locator('summary').filter({ hasText: 'Connect' }).click();
  await expectFormKept();
  await expect(page.getByRole('button', { name: `Fill in ${debuggerApp.labMcpUrl}` })).toBeVisible();
  expect(await storageText(page, 'localStorage')).not.toContain(secret);
  await snap(page, testInfo, 'restored-after-reload');
  expect(consoleErrors).toEqual([]);
});

test('a link opened by a page on another origin sends nothing until the person confirms; "Not now" keeps it that way', async ({ page, debuggerApp, consoleErrors }, testInfo) => {
  const target = await startMisbehavingServer();
  // The attacker's page: another origin, which sends the browser to the debugger with ?run=1.
  const link = `${debuggerApp.url}/?server=${encodeURIComponent(target.mcpUrl)}&registration=dcr&run=1`;
  const attacker = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html' }).end(`<!doctype html><title>cat pictures</title><script>location.href = ${JSON.stringify(link)};</script>`);
  });
  const attackerPort = await listenOnLoopback(attacker);
  try {
    await page.goto(`http://localhost:${attackerPort}/`);
    const prompt = page.getByRole('alertdialog', { name: `Run the debugger against ${new URL(target.mcpUrl).host}?` });
    await expect(prompt).toBeVisible();
    await expect(page.getByRole('textbox', { name: 'MCP server URL' })).toHaveValue(target.mcpUrl);
    await page.waitForTimeout(500);
    expect(target.requests, 'no request reached the linked server').toEqual([]);
    await snap(page, testInfo, 'cross-origin-link-prompt');
    await prompt.getByRole('button', { name: 'Not now' }).click();
    await expect(prompt).toHaveCount(0);
    await page.waitForTimeout(300);
    expect(target.requests).toEqual([]);
    await expect(page.getByRole('region', { name: 'Flow controls' })).toHaveCount(0);
    expect(consoleErrors).toEqual([]);
  } finally {
    attacker.closeAllConnections();
    await new Promise((resolve) => attacker.close(resolve));
    await target.close();
  }
});
