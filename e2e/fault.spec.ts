/**
 * A run against a lab fault: the lab's protected resource metadata names another resource
 * (prm.resource-mismatch). The flow stops on the MUST, the UI names the finding and how to fix
 * it, and "Continue anyway" goes on leniently past it. The lab consents by itself here.
 */
import { expect, snap, test } from './debugger-fixture.js';

test.use({ debuggerArgs: ['--fault', 'prm.resource-mismatch', '--auto-consent'] });

test('a lab fault stops the flow with its finding; "Continue anyway" goes on', async ({ page, debuggerApp, consoleErrors }, testInfo) => {
  await page.goto(debuggerApp.url);
  await page.getByRole('button', { name: 'Try the demo lab' }).click();

  // The stop: which step, which rule, how to fix it.
  const stop = page.getByRole('status').filter({ has: page.getByRole('heading', { name: 'The flow stopped at “Protected resource metadata”' }) });
  await expect(stop).toBeVisible();
  await expect(stop).toContainText('The metadata describes another resource');
  await expect(stop).toContainText('How to fix it:');
  await expect(page.getByText('Stopped', { exact: true })).toBeVisible();
  const timeline = page.getByRole('navigation', { name: 'Flow' });
  await expect(timeline.getByRole('button', { name: /^Protected resource metadata\b.*Errors/ })).toBeVisible();
  await expect(timeline.getByRole('button', { name: /^Authorization server metadata\b.*Not run yet/ })).toBeVisible();

  // The finding in the step's details: its id, title, why and the clause it rests on.
  const finding = page.getByRole('article', { name: 'The metadata describes another resource' });
  await expect(finding).toBeVisible();
  await expect(finding.getByText('prm.resource-mismatch', { exact: true })).toBeVisible();
  await expect(finding).toContainText('MUST be identical to the URL of the protected resource');
  await expect(finding.getByRole('link', { name: /RFC 9728/ }).first()).toBeVisible();
  await snap(page, testInfo, '1-stopped-on-fault');

  // Its page in the findings reference, served by the debugger, opens in a new tab.
  const [reference] = await Promise.all([page.waitForEvent('popup'), finding.getByRole('link', { name: /About this finding/ }).click()]);
  await expect(reference).toHaveURL(/\/findings\/prm\.resource-mismatch$/);
  await expect(reference.getByRole('heading', { level: 1 })).toHaveText('The metadata describes another resource');
  await expect(reference.getByText('start --fault prm.resource-mismatch', { exact: false })).toBeVisible();
  await reference.close();

  // And in the run-wide Findings tab.
  await page.getByRole('tab', { name: /^Findings/ }).click();
  await expect(page.getByRole('article', { name: 'The metadata describes another resource' })).toBeVisible();
  await page.getByRole('tab', { name: 'Flow' }).click();

  // The scorecard: discovery failed, the areas after it not run; its verdict opens discovery's findings.
  const scorecard = page.getByRole('list', { name: 'Scorecard: one verdict per area' });
  await expect(scorecard.getByRole('button', { name: /^Discovery: failed, 1 error\. Show its findings$/ })).toBeVisible();
  await expect(scorecard.getByRole('button', { name: /^Tokens: not run\./ })).toBeVisible();
  await scorecard.getByRole('button', { name: /^Discovery: failed/ }).click();
  await expect(page.getByText('Findings of Discovery')).toBeVisible();
  await expect(page.getByRole('article', { name: 'The metadata describes another resource' })).toBeVisible();
  await scorecard.getByRole('button', { name: /^Registration: not run/ }).click();
  await expect(page.getByText('No errors or warnings in Registration.')).toBeVisible();
  await page.getByRole('button', { name: 'Show all findings' }).click();
  await expect(page.getByRole('article', { name: 'The metadata describes another resource' })).toBeVisible();
  await page.getByRole('tab', { name: 'Flow' }).click();

  // Continue anyway: the step runs again leniently and the flow goes on to the sign-in.
  await stop.getByRole('button', { name: 'Continue anyway (lenient)' }).click();
  await expect(page.getByRole('heading', { name: /^The flow stopped at/ })).toHaveCount(0);
  await expect(timeline.getByRole('button', { name: /^Protected resource metadata\s*\(run 2\)/ })).toBeVisible();
  const signIn = page.getByRole('region', { name: 'Sign in at the authorization server' });
  await expect(signIn).toBeVisible();
  await expect(timeline.getByRole('button', { name: /^Authorization server metadata\b.*OK/ })).toBeVisible();
  await snap(page, testInfo, '2-continued-leniently');

  // The lab consents by itself: out to the authorization server and straight back.
  await signIn.getByRole('button', { name: 'Open in this tab' }).click();
  await page.waitForURL(`${debuggerApp.url}/`);
  await expect(timeline.getByRole('button', { name: /^Token request\b/ })).toBeVisible();
  await expect(page.getByText('Completed', { exact: true })).toBeVisible();
  await expect(timeline.getByRole('button', { name: /^Authenticated MCP requests\b.*OK/ })).toBeVisible();
  await snap(page, testInfo, '3-after-sign-in');
  expect(consoleErrors).toEqual([]);
});
