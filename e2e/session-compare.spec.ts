/**
 * Compare in the page: a lab run saved, then compared with the run shown. Against the same clean
 * lab the comparison says the same; against a lab whose protected resource metadata names another
 * resource (prm.resource-mismatch), the step is marked as a regression with the new error on the
 * right, and swapping the sides turns it into an error that is gone. A file that is not a session
 * is refused as Open session refuses it, and closing the comparison returns to the run as shown.
 */
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { expect, runSigningInHere, snap, startDebugger, test } from './debugger-fixture.js';

/** Runs the lab of the debugger at `appUrl` to the end in `page` and returns the saved session file. */
async function saveCompletedLabRun(page: Page, appUrl: string): Promise<string> {
  await runSigningInHere(page, appUrl);
  await expect(page.getByText('Completed', { exact: true })).toBeVisible();
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Save session' }).click();
  return readFileSync(await (await downloading).path(), 'utf8');
}

/** Picks `text` as a session file through the Compare button's file picker. */
async function compareWith(page: Page, name: string, text: string): Promise<void> {
  const choosing = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Compare with a session file…' }).click();
  await (await choosing).setFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
}

async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .flatMap((violation) => violation.nodes.map((node) => `${violation.id}: ${node.target.join(' ')}`));
}

test.use({ debuggerArgs: ['--auto-consent'] });

test.describe('against the clean lab', () => {
  test('a run compared with its own saved file is the same; a bad file changes nothing; closing returns to the run', async ({ page, debuggerApp, consoleErrors }, testInfo) => {
    const saved = await saveCompletedLabRun(page, debuggerApp.url);
    // The Findings tab, filtered to its notes, is what the page shows before the comparison, and after it.
    await page.getByRole('tab', { name: /^Findings/ }).click();
    const infoFilter = page.getByRole('group', { name: 'Show findings' }).getByRole('button', { name: /^Info \(\d+\)$/ });
    await infoFilter.click();
    await expect(infoFilter).toHaveAttribute('aria-pressed', 'true');

    await compareWith(page, 'not-a-session.json', '{"log":{"entries":[]}}');
    await expect(page.getByRole('alert')).toContainText('not-a-session.json cannot be opened: The file holds JSON, but not an mcp-auth-debugger session');
    await expect(page.getByTestId('compare-view')).toHaveCount(0);
    await expect(page.getByRole('tab', { name: /^Findings/ })).toHaveAttribute('aria-selected', 'true');
    await page.getByRole('button', { name: 'Dismiss' }).click();

    await compareWith(page, 'clean-run.json', saved);
    const view = page.getByRole('region', { name: 'Comparison' });
    await expect(view.getByRole('heading', { name: 'Comparison' })).toBeFocused();
    await expect(page.getByTestId('compare-summary')).toHaveText(/same\s*The same: no differences\./);
    await expect(view).toContainText('Left (baseline)');
    await expect(view).toContainText('clean-run.json, saved');
    await expect(view).toContainText('The live run');
    await expect(view).not.toContainText('different servers');
    const tokenRequest = view.getByRole('region', { name: /^Token request/ });
    await expect(tokenRequest.locator('[data-mark]').first()).toHaveAttribute('data-mark', 'same');
    await expect(view.locator('[data-mark="regression"], [data-mark="changed"]')).toHaveCount(0);
    expect(await seriousViolations(page)).toEqual([]);
    await snap(page, testInfo, 'same');

    await view.getByRole('button', { name: 'Close the comparison' }).click();
    await expect(page.getByTestId('compare-view')).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Compare with a session file…' })).toBeFocused();
    await expect(page.getByRole('tab', { name: /^Findings/ })).toHaveAttribute('aria-selected', 'true');
    await expect(infoFilter).toHaveAttribute('aria-pressed', 'true');
    await expect(page.getByText('Completed', { exact: true })).toBeVisible();
    expect(consoleErrors).toEqual([]);
  });
});

test.describe('against a lab with a fault', () => {
  test('the step with a new error is marked as a regression; swapped, the error is gone', async ({ page, debuggerApp, consoleErrors }, testInfo) => {
    // Two debuggers, two lab runs and four axe passes: more than one run's worth of time on a busy machine.
    test.setTimeout(120_000);
    const saved = await saveCompletedLabRun(page, debuggerApp.url);
    // The run to compare: a lab of its own with the fault (another debugger, so another server URL).
    const faulty = await startDebugger(['--fault', 'prm.resource-mismatch', '--auto-consent']);
    try {
      await page.goto(faulty.running.url);
      await page.getByRole('button', { name: 'Try the demo lab' }).click();
      await expect(page.getByRole('heading', { name: 'The flow stopped at “Protected resource metadata”' })).toBeVisible();

      await compareWith(page, 'clean-run.json', saved);
      // By test id: the region's name changes with the language below.
      const view = page.getByTestId('compare-view');
      await expect(page.getByRole('region', { name: 'Comparison' })).toBeVisible();
      const summary = page.getByTestId('compare-summary');
      await expect(summary.locator('[data-mark]')).toHaveAttribute('data-mark', 'regression');
      await expect(summary).toContainText(/\d+ differences · \d+ regressions?/);
      await expect(view).toContainText('The two runs are against different servers');
      await expect(view).toContainText('The right run stopped at “Protected resource metadata” (prm.resource-mismatch); the left one completed.');

      const probe = view.getByRole('region', { name: /^Probe without a token/ });
      await expect(probe.locator('[data-mark]').first()).toHaveAttribute('data-mark', 'same');

      await expect(view.getByRole('region', { name: /^Protected resource metadata/ })).toBeVisible();
      const prm = view.locator('[data-step="protected-resource-metadata"]');
      await expect(prm.locator('[data-mark]').first()).toHaveAttribute('data-mark', 'regression');
      await expect(prm.locator('[data-mark]').first()).toHaveText(/regression/);
      await expect(prm).toContainText('New error prm.resource-mismatch.');
      const rightFindings = prm.getByRole('list', { name: 'Findings, Right' });
      const newError = rightFindings.getByRole('listitem').filter({ hasText: 'prm.resource-mismatch' });
      await expect(newError).toContainText('Error');
      await expect(newError).toContainText('new');
      await expect(prm.getByText('Failed', { exact: true })).toBeVisible();
      await expect(prm.getByText('OK', { exact: true })).toBeVisible();

      // A step the faulty run never reached: a regression, with its exchanges only on the left.
      const tokenRequest = view.getByRole('region', { name: /^Token request/ });
      await expect(tokenRequest.locator('[data-mark]').first()).toHaveAttribute('data-mark', 'regression');
      await expect(tokenRequest).toContainText('Not reached; the left run reached it.');
      await expect(tokenRequest.getByText('Not reached', { exact: true })).toBeVisible();
      // Exchanges that differ are shown without asking.
      await expect(tokenRequest.getByText(/exchange pairs? · \d+ differ/)).toBeVisible();
      const table = tokenRequest.getByRole('table', { name: /Exchanges of “Token request”/ });
      await expect(table.getByRole('row').nth(1)).toContainText('not made');
      await expect(table.getByRole('row').nth(1)).toContainText('differs');
      expect(await seriousViolations(page)).toEqual([]);
      await snap(page, testInfo, 'regression');
      const theme = page.getByRole('group', { name: 'Theme' });
      await theme.getByRole('button', { name: 'Dark' }).click();
      await expect(page.locator('html')).toHaveClass(/\bdark\b/);
      expect(await seriousViolations(page), 'dark').toEqual([]);
      await snap(page, testInfo, 'regression-dark');
      await theme.getByRole('button', { name: 'Light' }).click();
      // Side by side still fits a narrow window: no sideways scrolling at 820 px.
      await page.setViewportSize({ width: 820, height: 900 });
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(820);
      await snap(page, testInfo, 'regression-820');
      await page.setViewportSize({ width: 1280, height: 860 });

      // Swapped: the faulty run is the baseline, so the error is gone and the step only changed.
      await view.getByRole('button', { name: 'Swap sides' }).click();
      await expect(prm.locator('[data-mark]').first()).toHaveAttribute('data-mark', 'changed');
      await expect(prm).toContainText('Error prm.resource-mismatch is gone.');
      await expect(prm.getByRole('list', { name: 'Findings, Left (baseline)' }).getByRole('listitem').filter({ hasText: 'prm.resource-mismatch' })).toContainText('gone');

      // In Chinese: the headings, the markers and the difference sentences.
      await page.getByRole('group', { name: 'Language' }).getByRole('button', { name: '中文' }).click();
      await expect(view.getByRole('heading', { name: '对比', exact: true })).toBeVisible();
      await expect(view).toContainText('左侧(基准)');
      await expect(prm.locator('[data-mark]').first()).toHaveText(/有变化/);
      await expect(prm).toContainText('错误 prm.resource-mismatch 已消失。');
      // A step is named by its title in the page's language, not by its id.
      await expect(view).toContainText(/停在 “受保护资源元数据”\(prm\.resource-mismatch\)/);
      await snap(page, testInfo, 'swapped-zh');
      await page.getByRole('group', { name: '语言' }).getByRole('button', { name: 'English' }).click();

      // An exchange of the run shown (now on the left) opens in its inspector, with the run shown again.
      await prm.getByText(/^1 exchange pair/).click();
      await prm.getByRole('button', { name: /^GET 127\.0\.0\.1:\d+\/\.well-known\/oauth-protected-resource.*open in the inspector$/ }).click();
      await expect(page.getByTestId('compare-view')).toHaveCount(0);
      await expect(page.getByRole('heading', { name: 'The flow stopped at “Protected resource metadata”' })).toBeVisible();
      await expect(page.getByRole('listbox', { name: /exchanges/i }).getByRole('option', { selected: true })).toContainText('oauth-protected-resource');
      expect(consoleErrors).toEqual([]);
    } finally {
      // The page's lazily loaded code comes from this debugger: it stops only at the end.
      await faulty.stop();
    }
  });
});
