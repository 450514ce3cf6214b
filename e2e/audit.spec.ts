/**
 * The security audit in the page, against the lab switched into a fault it should find
 * (audit.error-leaks-internals: a refused token answered with a stack trace): the finding shows
 * in the audit step, the scorecard fails the audit area, and the tutorial's pitfalls checklist
 * marks "Error messages that leak" broken while the authorization server's refusals hold.
 */
import { expect, snap, test } from './debugger-fixture.js';

test.use({ debuggerArgs: ['--fault', 'audit.error-leaks-internals', '--auto-consent'] });

test('an audit against a lab fault shows its finding, the audit area and the broken pitfall', async ({ page, debuggerApp, consoleErrors }, testInfo) => {
  await page.goto(debuggerApp.url);
  await page.getByText('Advanced', { exact: true }).click();
  await page.getByRole('checkbox', { name: 'Security audit' }).check();
  await page.getByRole('button', { name: 'Try the demo lab' }).click();
  await page.getByRole('region', { name: 'Sign in at the authorization server' }).getByRole('button', { name: 'Open in this tab' }).click();
  await page.waitForURL(`${debuggerApp.url}/`);
  await expect(page.getByText('Completed', { exact: true })).toBeVisible({ timeout: 30_000 });

  // The finding, in the audit step.
  await page.getByRole('navigation', { name: 'Flow' }).getByRole('button', { name: /^Security audit\b/ }).click();
  const leak = page.getByRole('article', { name: 'An error answer shows a stack trace' });
  await expect(leak).toBeVisible();
  await expect(leak.getByText('audit.error-leaks-internals', { exact: true })).toBeVisible();

  // The scorecard: the audit area warns, and opens its findings.
  const scorecard = page.getByRole('list', { name: 'Scorecard: one verdict per area' });
  await expect(scorecard.getByRole('button', { name: /^Audit: warnings, 2 warnings\. Show its findings$/ })).toBeVisible();
  await expect(scorecard.getByRole('button', { name: /^Discovery: passed\./ })).toBeVisible();

  // The pitfalls checklist in the Findings tab.
  await page.getByRole('tab', { name: /^Findings/ }).click();
  await page.getByText('Security pitfalls of the tutorial').click();
  const checklist = page.getByRole('list', { name: 'Security pitfalls of the tutorial' });
  const leaks = checklist.getByRole('listitem').filter({ hasText: 'Error messages that leak' });
  await expect(leaks).toHaveAttribute('data-status', 'broken');
  await expect(leaks).toContainText('audit.error-leaks-internals');
  await expect(checklist.getByRole('listitem').filter({ hasText: 'Dynamic registration without control' })).toHaveAttribute('data-status', 'held');
  await expect(checklist.getByRole('listitem').filter({ hasText: 'Implementing token validation yourself' })).toHaveAttribute('data-status', 'held');
  await expect(checklist.getByRole('listitem').filter({ hasText: 'Storing tokens in plain text' })).toHaveAttribute('data-status', 'not-observable');
  await snap(page, testInfo, 'audit-pitfalls');
  expect(consoleErrors).toEqual([]);
});
