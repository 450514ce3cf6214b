/**
 * "Show evidence" against lab faults, in a real browser: the finding's exchange opens in the
 * step's inspector and the field the finding names is marked (outline and an "Evidence" label),
 * focused and scrolled into view; asking again when that exchange is already open and the page
 * was scrolled away scrolls back and marks it again. A body field (the PRM's `resource`) and a
 * header (the token response's Cache-Control) are both found.
 */
import { AxeBuilder } from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { expect, snap, test } from './debugger-fixture.js';

test.use({ debuggerArgs: ['--auto-consent', '--fault', 'prm.resource-mismatch'] });

const finding = (page: Page, title: string): Locator => page.getByRole('article', { name: title });
const mark = (page: Page): Locator => page.locator('[data-evidence]');

async function expectMarkedInView(page: Page, text: string | RegExp): Promise<void> {
  await expect(mark(page)).toHaveCount(1);
  await expect(mark(page)).toContainText('Evidence');
  await expect(mark(page)).toContainText(text);
  await expect(mark(page)).toBeInViewport();
  await expect(mark(page)).toBeFocused();
}

test('show evidence marks the PRM resource field, again after scrolling away with the exchange open', async ({ page, debuggerApp, consoleErrors }, testInfo) => {
  await page.goto(debuggerApp.url);
  await page.getByRole('button', { name: 'Try the demo lab' }).click();
  // The fault's MUST stops the flow at the metadata step, whose findings show.
  await expect(page.getByText('Stopped', { exact: true })).toBeVisible();
  const mismatch = finding(page, 'The metadata describes another resource');
  await expect(mismatch).toBeVisible();
  await expect(mark(page)).toHaveCount(0);

  await mismatch.getByRole('button', { name: 'Show evidence' }).click();
  // The marked value is the one the finding is about: the other resource the lab's metadata names.
  await expectMarkedInView(page, /"resource": "http:\/\/127\.0\.0\.1:\d+\/other"/);
  await expect(page.getByRole('region', { name: 'Request', exact: true })).toContainText('/.well-known/oauth-protected-resource');
  expect((await new AxeBuilder({ page }).include('main').analyze()).violations).toEqual([]);
  await snap(page, testInfo, '1-resource-marked');

  // Scrolled away, the same exchange still open: asking again brings the field back.
  await page.evaluate(() => window.scrollTo(0, 0));
  await expect(mark(page)).not.toBeInViewport();
  await mismatch.getByRole('button', { name: 'Show evidence' }).scrollIntoViewIfNeeded();
  await expect(mark(page), 'the button is far enough from the field that only a new scroll shows it').not.toBeInViewport();
  await mismatch.getByRole('button', { name: 'Show evidence' }).click();
  await expectMarkedInView(page, '"resource":');
  await snap(page, testInfo, '2-resource-marked-again');

  // From the Findings tab the evidence opens in the Flow tab.
  await page.getByRole('tab', { name: /^Findings/ }).click();
  await expect(mark(page)).toHaveCount(0);
  await finding(page, 'The metadata describes another resource').getByRole('button', { name: 'Show evidence' }).click();
  await expect(page.getByRole('tab', { name: 'Flow', exact: true })).toHaveAttribute('aria-selected', 'true');
  await expectMarkedInView(page, '"resource":');

  // Back on the Flow tab later, the mark is still there but does not pull the page to it again.
  await page.getByRole('tab', { name: /^Network/ }).click();
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.getByRole('tab', { name: 'Flow', exact: true }).click();
  await expect(mark(page)).toHaveCount(1);
  await page.waitForTimeout(500);
  expect(await page.evaluate(() => window.scrollY)).toBe(0);
  await expect(mark(page)).not.toBeFocused();
  expect(consoleErrors).toEqual([]);
});

test('show evidence marks a header: the WWW-Authenticate challenge and the token response’s Cache-Control', async ({ page, debuggerApp, consoleErrors }, testInfo) => {
  // Reduced motion: the page jumps to the field instead of gliding there.
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto(debuggerApp.url);
  // The lab's faults switched from the Workshop panel: the file's fault off, two header faults on.
  const workshop = page.getByRole('region', { name: 'Workshop' });
  const faultSwitch = (id: string) => workshop.getByRole('switch', { name: new RegExp(`^${id.replaceAll('.', '\\.')}\\b`) });
  for (const [id, on] of [
    ['prm.resource-mismatch', false],
    ['probe.no-challenge-scope', true],
    ['token.cache-control-missing', true],
  ] as const) {
    await faultSwitch(id).click();
    if (on) await expect(faultSwitch(id)).toBeChecked();
    else await expect(faultSwitch(id)).not.toBeChecked();
  }
  await page.getByRole('button', { name: 'Try the demo lab' }).click();
  await page.getByRole('region', { name: 'Sign in at the authorization server' }).getByRole('button', { name: 'Open in this tab' }).click();
  await page.waitForURL(`${debuggerApp.url}/`);
  await expect(page.getByText('Completed', { exact: true })).toBeVisible();

  await page.getByRole('tab', { name: /^Findings/ }).click();
  await finding(page, 'The Bearer challenge has no scope').getByRole('button', { name: 'Show evidence' }).click();
  // The challenge as received, in the WWW-Authenticate breakdown of the probe's 401.
  await expectMarkedInView(page, /Bearer resource_metadata="http:\/\/127\.0\.0\.1:\d+\/\.well-known\/oauth-protected-resource/);
  await expect(page.getByRole('region', { name: 'WWW-Authenticate, explained' }).locator('[data-evidence]')).toHaveCount(1);
  await snap(page, testInfo, '3-challenge-marked');

  await page.getByRole('tab', { name: /^Findings/ }).click();
  // Reported for the token request and again for the refresh: the first is the token request's.
  await finding(page, 'The token response may be cached').first().getByRole('button', { name: 'Show evidence' }).click();
  await expectMarkedInView(page, /cache-control/i);
  const scrolled = await page.evaluate(() => window.scrollY);
  expect(scrolled).toBeGreaterThan(0);
  await page.waitForTimeout(400);
  expect(await page.evaluate(() => window.scrollY), 'no scroll animation still under way').toBe(scrolled);
  await expect(page.getByRole('region', { name: 'Request', exact: true })).toContainText('/protocol/openid-connect/token');
  expect((await new AxeBuilder({ page }).include('main').analyze()).violations).toEqual([]);
  await snap(page, testInfo, '4-cache-control-marked');
  expect(consoleErrors).toEqual([]);
});
