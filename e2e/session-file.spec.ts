/**
 * Session files in the page: a lab run saved (secrets redacted), the page reloaded, a broken
 * file refused with a message while the run stays, the saved file opened (picked, then dropped)
 * and shown as a recording in the same views with nothing sent, and the live run back after.
 */
import { closeSync, ftruncateSync, openSync, readFileSync, rmSync } from 'node:fs';
import { expect, runSigningInHere, snap, test } from './debugger-fixture.js';

test.use({ debuggerArgs: ['--auto-consent'] });

test('save a run, reload, open the file: the same run, shown as a recording; a broken file changes nothing', async ({ page, debuggerApp, consoleErrors }, testInfo) => {
  await runSigningInHere(page, debuggerApp.url);
  await expect(page.getByText('Completed', { exact: true })).toBeVisible();
  const spoken = (await page.getByTestId('run-protocol').textContent()) ?? '';
  expect(spoken).toContain('MCP 2026-07-28');

  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Save session' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^mcp-auth-session-127\.0\.0\.1-\d+-[\d-]+\.json$/);
  const saved = readFileSync(await download.path(), 'utf8');
  const file = JSON.parse(saved) as { formatVersion: number; secretsIncluded: boolean; summary: { outcome: string; exchanges: number } };
  expect(file.formatVersion).toBe(1);
  expect(file.secretsIncluded).toBe(false);
  expect(file.summary.outcome).toBe('completed');
  expect(saved).not.toMatch(/eyJ[\w-]+\.eyJ[\w-]+\.[\w-]{20,}/);

  await page.reload();
  await expect(page.getByText('Completed', { exact: true })).toBeVisible();
  const fileInput = page.getByLabel('Open session…', { exact: true });

  // A file cut short: a message naming what is wrong, and the live run stays.
  await fileInput.setInputFiles({ name: 'cut.json', mimeType: 'application/json', buffer: Buffer.from(saved.slice(0, saved.length / 2)) });
  await expect(page.getByRole('alert')).toContainText('cut.json cannot be opened: The file ends in the middle of its JSON');
  await expect(page.getByRole('heading', { name: 'A recording, not a live run' })).toHaveCount(0);
  await expect(page.getByText('Completed', { exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'Dismiss' }).click();

  // A file far larger than a session: refused by its size, before it is read.
  const huge = testInfo.outputPath('huge.json');
  const handle = openSync(huge, 'w');
  ftruncateSync(handle, 100 * 1024 * 1024);
  closeSync(handle);
  await fileInput.setInputFiles(huge);
  await expect(page.getByRole('alert')).toContainText('huge.json cannot be opened: The file is 100 MB; a session file is at most 64 MB');
  await expect(page.getByText('Completed', { exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'Dismiss' }).click();
  rmSync(huge);

  // The saved file, picked: the same run, as a recording, with no network.
  const requests: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  await fileInput.setInputFiles({ name: 'lab-run.json', mimeType: 'application/json', buffer: Buffer.from(saved) });
  const banner = page.getByRole('status').filter({ has: page.getByRole('heading', { name: 'A recording, not a live run' }) });
  await expect(banner).toContainText('lab-run.json: against http://127.0.0.1:');
  await expect(page.getByText('Completed', { exact: true })).toBeVisible();
  await expect(page.getByTestId('run-protocol')).toHaveText(spoken);
  await expect(page.getByRole('button', { name: 'Next step' })).toHaveCount(0);
  await page.getByRole('navigation', { name: 'Flow' }).getByRole('button', { name: /^Token request\b/ }).click();
  await expect(page.getByRole('listbox', { name: /exchanges/i }).getByRole('option')).not.toHaveCount(0);
  await snap(page, testInfo, 'recording');
  expect(requests.filter((url) => url.includes('/api/relay'))).toEqual([]);

  await page.getByRole('button', { name: 'Back to the live run' }).click();
  await expect(banner).toHaveCount(0);
  await expect(page.getByText('Completed', { exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Next step' })).toBeVisible();

  // The live run exported as HAR and as a Markdown report, secrets redacted.
  const harDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'HAR' }).click();
  const har = readFileSync(await (await harDownload).path(), 'utf8');
  expect((JSON.parse(har) as { log: { entries: unknown[] } }).log.entries).toHaveLength(file.summary.exchanges);
  expect(har).not.toMatch(/eyJ[\w-]+\.eyJ[\w-]+\.[\w-]{20,}/);
  const reportDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Markdown report' }).click();
  const report = await reportDownload;
  expect(report.suggestedFilename()).toMatch(/^mcp-auth-report-127\.0\.0\.1-\d+-[\d-]+\.md$/);
  expect(readFileSync(await report.path(), 'utf8')).toContain('The flow completed with no errors.');
  // The Playwright test re-runs the flow through the library and holds no token.
  const testDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Playwright test' }).click();
  const generated = await testDownload;
  expect(generated.suggestedFilename()).toMatch(/^mcp-auth-playwright-127\.0\.0\.1-\d+-[\d-]+\.spec\.ts$/);
  const source = readFileSync(await generated.path(), 'utf8');
  expect(source).toContain("from 'mcp-auth-debugger'");
  expect(source).toContain('await runCheck(SERVER_URL');
  expect(source).not.toMatch(/eyJ[\w-]+\.eyJ/);

  // Dropped onto the page, the same file opens too.
  const dataTransfer = await page.evaluateHandle((text) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([text], 'dropped.json', { type: 'application/json' }));
    return transfer;
  }, saved);
  await page.locator('main').dispatchEvent('drop', { dataTransfer });
  await expect(banner).toContainText('dropped.json: against');
  expect(consoleErrors).toEqual([]);
});
