/**
 * The MCP protocol the debugger speaks, as a person sees it: judged by 2026-07-28 the run says it
 * spoke 2026-07-28, the authenticated step shows what server/discover said, and an MCP exchange
 * explains its _meta and the headers that mirror it; judged by 2025-11-25 the same lab is spoken
 * to with the legacy handshake; with DPoP on, the proofs are decoded and explained. The lab
 * consents by itself here.
 */
import type { Page } from '@playwright/test';
import { expect, snap, test } from './debugger-fixture.js';

test.use({ debuggerArgs: ['--auto-consent'] });

async function runAgainstLab(page: Page, url: string, spec?: string, dpop?: 'Always') {
  await page.goto(url);
  if (spec) await page.getByLabel('Spec version').selectOption(spec);
  if (dpop) {
    await page.getByText('Advanced', { exact: true }).click();
    await page.getByLabel('DPoP (proof of possession)').selectOption({ label: dpop });
  }
  await page.getByRole('button', { name: 'Try the demo lab' }).click();
  // The lab signs the demo user in by itself; the round trip still goes through the browser.
  await page.getByRole('region', { name: 'Sign in at the authorization server' }).getByRole('button', { name: 'Open in this tab' }).click();
  await page.waitForURL(`${url}/`);
  await expect(page.getByText('Completed', { exact: true })).toBeVisible();
}

test('judged by 2026-07-28: the spoken version, server/discover and the request metadata are shown and explained', async ({ page, debuggerApp, consoleErrors }, testInfo) => {
  await runAgainstLab(page, debuggerApp.url);
  await expect(page.getByTestId('run-protocol')).toHaveText('MCP 2026-07-28 · modern');

  await page.getByRole('navigation', { name: 'Flow' }).getByRole('button', { name: /^Authenticated MCP requests\b/ }).click();
  const server = page.getByTestId('mcp-server-summary');
  await expect(server).toContainText('Speaks MCP 2026-07-28');
  await expect(server).toContainText('modern: stateless, metadata on every request');
  await expect(server).toContainText('MCP Resource Server 1.0.0');
  await expect(server.getByText('Supported versions')).toBeVisible();
  await expect(server).toContainText('tools');

  const exchanges = page.getByRole('listbox', { name: /exchanges/i });
  await exchanges.getByRole('option', { name: /MCP server\/discover/ }).click();
  const metadata = page.getByTestId('mcp-request-metadata');
  await expect(metadata).toContainText('MCP 2026-07-28 is stateless');
  await expect(metadata).toContainText('header 2026-07-28 · body 2026-07-28');
  await expect(metadata).toContainText('server/discover');
  await expect(metadata).toContainText('mcp-auth-debugger 0.1.0');
  await snap(page, testInfo, '1-server-discover');

  await exchanges.getByRole('option', { name: /MCP tools\/list/ }).click();
  await expect(page.getByTestId('mcp-request-metadata')).toContainText('tools/list');
  expect(consoleErrors).toEqual([]);
});

test('judged by 2025-11-25: the same lab is spoken to with the initialize handshake, and the run says so', async ({ page, debuggerApp, consoleErrors }, testInfo) => {
  await runAgainstLab(page, debuggerApp.url, '2025-11-25');
  await expect(page.getByTestId('run-protocol')).toHaveText('MCP 2025-11-25 · legacy');
  await page.getByRole('navigation', { name: 'Flow' }).getByRole('button', { name: /^Authenticated MCP requests\b/ }).click();
  await expect(page.getByTestId('mcp-server-summary')).toContainText('legacy: initialize handshake');
  await page.getByRole('listbox', { name: /exchanges/i }).getByRole('option', { name: /MCP initialize/ }).click();
  await expect(page.getByTestId('mcp-request-metadata')).toContainText('Legacy MCP: initialize negotiates the protocol version');
  await snap(page, testInfo, '2-legacy-initialize');
  expect(consoleErrors).toEqual([]);
});

test('with DPoP on, the token is bound to the run key and each MCP request shows its decoded proof', async ({ page, debuggerApp, consoleErrors }, testInfo) => {
  await runAgainstLab(page, debuggerApp.url, undefined, 'Always');
  const timeline = page.getByRole('navigation', { name: 'Flow' });
  await timeline.getByRole('button', { name: /^Token inspection\b/ }).click();
  await expect(page.getByRole('article', { name: "The token is bound to the debugger's DPoP key" })).toBeVisible();

  await timeline.getByRole('button', { name: /^Authenticated MCP requests\b/ }).click();
  await page.getByRole('listbox', { name: /exchanges/i }).getByRole('option', { name: /MCP tools\/list/ }).click();
  const proof = page.getByTestId('dpop-proof');
  await expect(proof).toContainText('A proof of possession (RFC 9449)');
  await expect(proof.getByRole('rowheader', { name: 'typ' })).toBeVisible();
  await expect(proof).toContainText('dpop+jwt');
  await expect(proof).toContainText('the SHA-256 hash of the access token it goes with');
  await expect(proof.getByRole('rowheader', { name: 'htm' })).toBeVisible();
  await expect(proof).toContainText('POST');
  await snap(page, testInfo, '3-dpop-proof');
  expect(consoleErrors).toEqual([]);
});
