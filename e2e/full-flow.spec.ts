/**
 * A whole run against the demo lab in a real browser, through the lab's real sign-in and
 * consent pages (no --auto-consent): the flow waits for the person, the authorization round
 * trip goes out and back (in this tab, or in a popup), the flow completes, the token is decoded
 * with a valid signature, and add_numbers(2, 3) answers 5.
 */
import type { Page, TestInfo } from '@playwright/test';
import { expect, snap, test, type RunningDebugger } from './debugger-fixture.js';

/** From the start page to the flow waiting for sign-in. */
async function runUntilSignIn(page: Page, app: RunningDebugger, testInfo: TestInfo) {
  await page.goto(app.url);
  await page.getByRole('button', { name: 'Try the demo lab' }).click();
  const signIn = page.getByRole('region', { name: 'Sign in at the authorization server' });
  await expect(signIn).toBeVisible();
  await expect(page.getByText('Waiting for you to sign in', { exact: true })).toBeVisible();
  // The flow itself is waiting: nothing more runs until the person has signed in.
  const controls = page.getByRole('region', { name: 'Flow controls' });
  await expect(controls.getByRole('button', { name: 'Run to end' })).toBeDisabled();
  await expect(page.getByRole('navigation', { name: 'Flow' }).getByRole('button', { name: /Authorization response\b.*Waiting for you/ })).toBeVisible();
  await snap(page, testInfo, '1-waiting-for-sign-in');
  return signIn;
}

/** The lab's own pages: sign in with the demo user, then approve. */
async function signInAndApprove(lab: Page, app: RunningDebugger, testInfo: TestInfo) {
  await expect(lab.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await lab.getByLabel('Username').fill(app.labUser.username);
  await lab.getByLabel('Password').fill(app.labUser.password);
  await snap(lab, testInfo, '2-lab-sign-in');
  await lab.getByRole('button', { name: 'Sign in' }).click();
  await expect(lab.getByRole('heading', { name: 'Grant access?' })).toBeVisible();
  await snap(lab, testInfo, '3-lab-consent');
  await lab.getByRole('button', { name: 'Approve' }).click();
}

/** The flow went on by itself after the callback and completed; tokens and tools work. */
async function checkCompletedRun(page: Page, testInfo: TestInfo) {
  await expect(page.getByText('Completed', { exact: true })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Sign in at the authorization server' })).toHaveCount(0);
  await expect(page.getByRole('navigation', { name: 'Flow' }).getByRole('button', { name: /Token request\b.*OK/ })).toBeVisible();
  await snap(page, testInfo, '4-completed');

  await page.getByRole('tab', { name: 'Tokens' }).click();
  const checks = page.getByRole('list', { name: 'Access token: Checks' });
  const signature = checks.getByRole('listitem').filter({ hasText: 'Signature' });
  await expect(signature).toContainText('Pass');
  await expect(signature).toContainText("Verified with the authorization server's published key.");
  const claims = page.getByRole('table', { name: 'Access token: Claims' });
  await expect(claims.getByRole('rowheader', { name: 'iss', exact: true })).toBeVisible();
  await expect(claims.getByRole('rowheader', { name: 'aud', exact: true })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Access token: Header' })).toContainText('RS256');
  await snap(page, testInfo, '5-tokens');

  await page.getByRole('tab', { name: /^Tools/ }).click();
  await page.getByRole('list', { name: "The server's tools" }).getByRole('button', { name: /add_numbers/ }).click();
  await page.getByRole('spinbutton', { name: 'a', exact: true }).fill('2');
  await page.getByRole('spinbutton', { name: 'b', exact: true }).fill('3');
  await page.getByRole('button', { name: 'Call add_numbers' }).click();
  const call = page.getByRole('article', { name: 'add_numbers' });
  await expect(call.getByText('Result', { exact: true })).toBeVisible();
  await expect(call).toContainText('"result": 5');
  await snap(page, testInfo, '6-add-numbers');
}

test('a whole run in this tab: the lab’s sign-in and consent, then tokens and add_numbers(2, 3) = 5', async ({ page, debuggerApp, consoleErrors }, testInfo) => {
  const signIn = await runUntilSignIn(page, debuggerApp, testInfo);
  await signIn.getByRole('button', { name: 'Open in this tab' }).click();
  await signInAndApprove(page, debuggerApp, testInfo);
  // Back at the debugger's /callback, which restores the flow and goes on.
  await page.waitForURL(`${debuggerApp.url}/`);
  await checkCompletedRun(page, testInfo);
  expect(consoleErrors).toEqual([]);
});

test('a whole run with the sign-in in a popup', async ({ page, debuggerApp, consoleErrors }, testInfo) => {
  const signIn = await runUntilSignIn(page, debuggerApp, testInfo);
  const [popup] = await Promise.all([page.waitForEvent('popup'), signIn.getByRole('button', { name: 'Open in a popup' }).click()]);
  await signInAndApprove(popup, debuggerApp, testInfo);
  // The popup hands the callback to this page and closes itself.
  await popup.waitForEvent('close');
  await checkCompletedRun(page, testInfo);
  expect(consoleErrors).toEqual([]);
});
