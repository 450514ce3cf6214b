/**
 * The network panel against the lab: every exchange of a completed run in one list, searched,
 * filtered by step and by failure, ordered by duration, with an empty result that offers to
 * clear the filters; the filters survive a trip to another tab; "export shown" writes exactly
 * the listed exchanges as HAR with no secret; and the panel is there for an opened recording.
 */
import { AxeBuilder } from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { expect, runSigningInHere, snap, test } from './debugger-fixture.js';

test.use({ debuggerArgs: ['--auto-consent'] });

interface HarLog {
  log: { entries: { request: { method: string; url: string; headers: { name: string; value: string }[] }; response: { status: number } }[] };
}

/** `51 ms`, `1.25 s` back to milliseconds (the list's duration column). */
function parseDuration(text: string): number {
  const match = /^([\d.]+) (ms|s)$/.exec(text.trim());
  if (!match?.[1]) throw new Error(`Not a duration: ${text}`);
  return Number(match[1]) * (match[2] === 's' ? 1000 : 1);
}

/** axe's serious and critical violations in the network panel, one line each (empty when none). */
async function seriousViolations(page: Page, panel: Locator): Promise<string[]> {
  await expect(panel).toBeVisible();
  const results = await new AxeBuilder({ page }).include('main').analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .flatMap((violation) => violation.nodes.map((node) => `${violation.id} (${violation.impact}): ${node.target.join(' ')}`));
}

function countText(page: Page, shown: number | string, total: number | string): Locator {
  return page.getByRole('status').filter({ hasText: new RegExp(`^${shown} of ${total} shown$`) });
}

test('the network panel lists, searches, filters, orders and exports the run’s exchanges', async ({ page, debuggerApp, consoleErrors }, testInfo) => {
  await runSigningInHere(page, debuggerApp.url);
  await expect(page.getByText('Completed', { exact: true })).toBeVisible();

  const tab = page.getByRole('tab', { name: /^Network/ });
  const badge = Number(((await tab.textContent()) ?? '').replace(/\D+/g, ''));
  expect(badge).toBeGreaterThan(5);
  await tab.click();
  await expect(tab).toHaveAttribute('aria-selected', 'true');
  await expect(countText(page, badge, badge)).toBeVisible();

  const panel = page.getByRole('region', { name: 'Every exchange of the run' });
  const list = panel.getByRole('listbox', { name: 'Exchanges shown' });
  const rows = list.getByRole('option');
  const search = page.getByRole('searchbox', { name: 'Search' });

  // Search: the protected resource metadata's URL (and the 401 that names it in WWW-Authenticate).
  await search.fill('.well-known/OAUTH-protected-resource');
  await expect(countText(page, /\d+/.source, badge)).toBeVisible();
  const found = await rows.count();
  expect(found).toBeGreaterThan(0);
  expect(found).toBeLessThan(badge);
  await expect(list).toContainText('/.well-known/oauth-protected-resource');
  await expect(countText(page, found, badge)).toBeVisible();

  // A row opens in the inspector.
  await rows.filter({ hasText: '/.well-known/oauth-protected-resource' }).first().click();
  await expect(panel.getByRole('article').first().getByRole('heading', { level: 2 })).toContainText(/protected resource|PRM|oauth-protected-resource/i);

  // Nothing matches: the message and a button that clears every filter.
  await search.fill('no-exchange-has-this-text');
  await expect(page.getByText('No exchange matches the search and filters.')).toBeVisible();
  await expect(countText(page, 0, badge)).toBeVisible();
  await expect(panel.getByRole('button', { name: 'HAR', exact: true })).toBeDisabled();
  await panel.getByRole('button', { name: 'Clear filters' }).click();
  await expect(search).toHaveValue('');
  await expect(countText(page, badge, badge)).toBeVisible();

  // Step filter, then failures only: the probe's MCP request without a token answered 401.
  await page.getByRole('combobox', { name: 'Step' }).selectOption({ label: 'Probe without a token' });
  const probeRows = await rows.count();
  expect(probeRows).toBeGreaterThan(0);
  await expect(countText(page, probeRows, badge)).toBeVisible();
  await page.getByRole('checkbox', { name: 'Failures only' }).check();
  await expect(rows.filter({ hasText: '401' }).first()).toBeVisible();
  const probeFailures = await rows.count();
  expect(probeFailures).toBeLessThanOrEqual(probeRows);
  // Each row's status badge: a 4xx or 5xx, or why there is no answer.
  for (const status of await rows.locator('span.rounded').allTextContents()) expect(status).toMatch(/^[45]\d\d$|^failed: |^pending$/);

  // Failures of the whole run: the probe's and any other.
  await page.getByRole('combobox', { name: 'Step' }).selectOption({ label: 'All steps' });
  const failures = await rows.count();
  expect(failures).toBeGreaterThanOrEqual(probeFailures);
  await expect(countText(page, failures, badge)).toBeVisible();

  // The filters are kept while another tab is shown.
  await page.getByRole('tab', { name: 'Flow' }).click();
  await tab.click();
  await expect(page.getByRole('checkbox', { name: 'Failures only' })).toBeChecked();
  await expect(countText(page, failures, badge)).toBeVisible();
  await snap(page, testInfo, 'failures-only');

  // Every exchange ordered by duration, longest first (a short run: every row is rendered).
  await page.getByRole('checkbox', { name: 'Failures only' }).uncheck();
  await page.getByRole('combobox', { name: 'Sort by' }).selectOption({ label: 'Duration' });
  await page.getByRole('button', { name: /^Order: Ascending/ }).click();
  await expect(page.getByRole('button', { name: /^Order: Descending/ })).toBeVisible();
  await expect(rows).toHaveCount(badge);
  const durations = (await rows.locator(':scope > span:last-child').allTextContents()).map(parseDuration);
  expect(durations).toHaveLength(badge);
  expect(durations).toEqual([...durations].sort((a, b) => b - a));
  await snap(page, testInfo, 'by-duration');

  // Readable and labelled in both themes, with an exchange open in the inspector.
  await rows.first().click();
  await expect(panel.getByRole('button', { name: 'Show in its step' })).toBeVisible();
  for (const theme of ['Dark', 'Light'] as const) {
    await page.getByRole('group', { name: 'Theme' }).getByRole('button', { name: theme }).click();
    expect(await seriousViolations(page, panel), theme).toEqual([]);
  }

  // Export shown: the token endpoint's exchanges (which carried the code), redacted.
  await page.getByRole('combobox', { name: 'Sort by' }).selectOption({ label: 'Time' });
  await search.fill('token');
  await expect(list).toContainText('/token');
  const shownUrls = await rows.locator('span.font-mono[title]').evaluateAll((spans) => spans.map((span) => span.getAttribute('title') ?? ''));
  const shown = await rows.count();
  expect(shown).toBe(shownUrls.length);
  await expect(countText(page, shown, badge)).toBeVisible();
  const downloading = page.waitForEvent('download');
  await panel.getByRole('button', { name: 'HAR', exact: true }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^mcp-auth-har-shown-127\.0\.0\.1-\d+-[\d-]+\.har$/);
  const text = readFileSync(await download.path(), 'utf8');
  const har = JSON.parse(text) as HarLog;
  expect(har.log.entries).toHaveLength(shown);
  // The order is still descending, by time now: the list shows the newest first, the HAR keeps the run's order.
  expect(har.log.entries.map((entry) => entry.request.url.split('?')[0]).reverse()).toEqual(shownUrls.map((url) => url.split('?')[0]));
  expect(har.log.entries.some((entry) => entry.request.method === 'POST' && entry.request.url.endsWith('/token'))).toBe(true);
  expect(text).not.toContain('Bearer ey');
  expect(text).not.toMatch(/eyJ[\w-]+\.eyJ[\w-]+\.[\w-]{20,}/);
  expect(text).not.toMatch(/code=(?!%5Bredacted%5D|\[redacted\])[^&"\\\s]/);
  expect(text).not.toMatch(/"code_verifier"|code_verifier=(?!%5Bredacted%5D|\[redacted\])[^&"\\\s]/);

  // A recording opened from a file has the panel too, with every exchange of the file.
  await page.getByRole('tab', { name: 'Flow' }).click();
  const saving = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Save session' }).click();
  const saved = readFileSync(await (await saving).path(), 'utf8');
  await page.getByLabel('Open session…').setInputFiles({ name: 'lab-run.json', mimeType: 'application/json', buffer: Buffer.from(saved) });
  await expect(page.getByRole('heading', { name: 'A recording, not a live run' })).toBeVisible();
  await tab.click();
  await expect(search).toHaveValue('token');
  await panel.getByRole('button', { name: 'Clear filters' }).click();
  await expect(countText(page, badge, badge)).toBeVisible();
  await snap(page, testInfo, 'recording');

  expect(consoleErrors).toEqual([]);
});
