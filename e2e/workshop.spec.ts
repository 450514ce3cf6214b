/**
 * Workshop mode against the embedded lab, in a real browser: the trainer switches a lab fault
 * in the Workshop panel between runs and the next run shows it; switched off, the run is clean
 * again; switches are locked while a run is in progress; an exercise hides its fault until
 * Reveal, which names the finding the run reported. The panel in Chinese too. The lab consents
 * by itself here.
 */
import type { Locator, Page } from '@playwright/test';
import { expect, snap, test } from './debugger-fixture.js';

test.use({ debuggerArgs: ['--auto-consent'] });

const workshop = (page: Page): Locator => page.getByRole('region', { name: 'Workshop' });
const faultSwitch = (page: Page, id: string): Locator => workshop(page).getByRole('switch', { name: new RegExp(`^${id.replaceAll('.', '\\.')}\\b`) });

/** A fresh run against the lab, through the sign-in when the flow gets there, until it completes or stops. */
async function runAgainstLab(page: Page, appUrl: string): Promise<void> {
  const controls = page.getByRole('region', { name: 'Flow controls' });
  const reset = controls.getByRole('button', { name: 'Reset' });
  // Flow controls show once there is a run.
  if ((await reset.count()) > 0 && (await reset.isEnabled())) await reset.click();
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  const signIn = page.getByRole('region', { name: 'Sign in at the authorization server' });
  const completed = page.getByText('Completed', { exact: true });
  const stopped = page.getByText('Stopped', { exact: true });
  await expect(signIn.or(completed).or(stopped)).toBeVisible();
  if (await signIn.isVisible()) {
    // Mid-run: the lab must not change under the run.
    await expect(workshop(page)).toContainText('A run is in progress');
    if ((await workshop(page).getByRole('switch').count()) > 0) await expect(faultSwitch(page, 'prm.resource-mismatch')).toBeDisabled();
    else await expect(workshop(page).getByRole('button', { name: 'End exercise' })).toBeDisabled();
    await signIn.getByRole('button', { name: 'Open in this tab' }).click();
    await page.waitForURL(`${appUrl}/`);
  }
  await expect(completed.or(stopped)).toBeVisible();
}

async function findingIds(page: Page): Promise<string[]> {
  await page.getByRole('tab', { name: /^Findings/ }).click();
  const ids = await page.getByRole('article').locator('code, .font-mono').allInnerTexts();
  await page.getByRole('tab', { name: 'Flow', exact: true }).click();
  return ids.map((id) => id.trim());
}

test('a fault switched on in workshop mode changes the next run; off, the run is clean again', async ({ page, debuggerApp, consoleErrors }, testInfo) => {
  await page.goto(debuggerApp.url);
  await expect(workshop(page)).toBeVisible();
  await expect(workshop(page)).toContainText('No fault is on: the lab is clean.');
  await expect(faultSwitch(page, 'prm.resource-mismatch')).not.toBeChecked();
  await page.getByRole('button', { name: 'Try the demo lab' }).click();
  await page.getByRole('region', { name: 'Sign in at the authorization server' }).getByRole('button', { name: 'Open in this tab' }).click();
  await page.waitForURL(`${debuggerApp.url}/`);
  await expect(page.getByText('Completed', { exact: true })).toBeVisible();
  // A clean run: no error or warning to count on the Findings tab.
  await expect(page.getByRole('tab', { name: 'Findings', exact: true })).toBeVisible();

  // The switch shows the lab's answer, so it turns on once the relay has switched the lab.
  await faultSwitch(page, 'prm.resource-mismatch').click();
  await expect(workshop(page)).toContainText('1 fault is on.');
  await expect(faultSwitch(page, 'prm.resource-mismatch')).toBeChecked();
  await snap(page, testInfo, '1-fault-switched-on');
  await runAgainstLab(page, debuggerApp.url);
  const finding = page.getByRole('article', { name: 'The metadata describes another resource' });
  await expect(finding).toBeVisible();
  await expect(finding.getByText('prm.resource-mismatch', { exact: true })).toBeVisible();
  await snap(page, testInfo, '2-next-run-shows-the-fault');

  await faultSwitch(page, 'prm.resource-mismatch').click();
  await expect(faultSwitch(page, 'prm.resource-mismatch')).not.toBeChecked();
  await expect(workshop(page)).toContainText('No fault is on: the lab is clean.');
  await runAgainstLab(page, debuggerApp.url);
  await expect(page.getByText('Completed', { exact: true })).toBeVisible();
  await expect(page.getByRole('tab', { name: 'Findings', exact: true })).toBeVisible();
  await expect(page.getByRole('article', { name: 'The metadata describes another resource' })).toHaveCount(0);
  expect(consoleErrors).toEqual([]);
});

test('an exercise hides its fault until Reveal, which names the finding the run reported', async ({ page, debuggerApp, consoleErrors }, testInfo) => {
  await page.goto(debuggerApp.url);
  await page.getByRole('textbox', { name: 'MCP server URL' }).fill(debuggerApp.labMcpUrl);
  await workshop(page).getByRole('button', { name: 'Start an exercise' }).click();
  await expect(workshop(page)).toContainText('An exercise is running: something is broken, find it.');
  await expect(workshop(page).getByRole('switch')).toHaveCount(0);
  await snap(page, testInfo, '1-exercise-running');

  await runAgainstLab(page, debuggerApp.url);
  const reported = await findingIds(page);
  await workshop(page).getByRole('button', { name: 'Reveal' }).click();
  const revealed = workshop(page).getByRole('status', { name: 'The fault was:' });
  await expect(revealed).toBeVisible();
  const fault = (await revealed.locator('p.font-mono').innerText()).trim();
  expect(reported).toContain(fault);
  await expect(revealed).toContainText(`The finding it triggers: ${fault}`);
  await snap(page, testInfo, '2-revealed');

  await workshop(page).getByRole('button', { name: 'End exercise' }).click();
  await expect(workshop(page)).toContainText('No fault is on: the lab is clean.');
  expect(consoleErrors).toEqual([]);
});

test('the Workshop panel in Chinese', async ({ page, debuggerApp, consoleErrors }, testInfo) => {
  await page.goto(debuggerApp.url);
  await page.getByRole('group', { name: 'Language' }).getByRole('button', { name: '中文' }).click();
  const panel = page.getByRole('region', { name: '工作坊' });
  await expect(panel).toBeVisible();
  await expect(panel).toContainText('在演示实验室运行时开关它的故障');
  await expect(panel).toContainText('没有开启任何故障：实验室是正常的。');
  // The lab's own summaries, in Chinese.
  await expect(panel).toContainText('受保护资源元数据中的 resource 不是获取它所针对的 MCP 服务器 URL');
  await expect(panel.getByRole('button', { name: '开始练习' })).toBeVisible();
  await snap(page, testInfo, 'workshop-in-chinese');
  expect(consoleErrors).toEqual([]);
});
