/**
 * Quality: axe finds no serious or critical violations (light and dark, 1280 and 820 px, before
 * and after a run, on every tab); the keyboard reaches the form and the run controls with a
 * visible focus; bad input (a malformed URL, an unreachable server) ends in a clear message and
 * loses nothing on reload. The lab consents by itself here, so a run completes without a person.
 */
import { AxeBuilder } from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { expect, snap, test } from './debugger-fixture.js';

test.use({ debuggerArgs: ['--auto-consent'] });

/** axe's serious and critical violations on the page as it is, one line each (empty when none). */
async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .flatMap((violation) => violation.nodes.map((node) => `${violation.id} (${violation.impact}): ${node.target.join(' ')} — ${node.failureSummary ?? ''}`));
}

async function setTheme(page: Page, theme: 'Light' | 'Dark') {
  await page.getByRole('group', { name: 'Theme' }).getByRole('button', { name: theme }).click();
  await expect(page.locator('html')).toHaveClass(theme === 'Dark' ? /\bdark\b/ : /^(?!.*\bdark\b)/);
}

/** Checks the page in both themes; the theme ends as Light. */
async function expectAccessibleInBothThemes(page: Page, where: string) {
  for (const theme of ['Dark', 'Light'] as const) {
    await setTheme(page, theme);
    expect(await seriousViolations(page), `${where}, ${theme}`).toEqual([]);
  }
}

/** Runs the lab to the end (the lab consents by itself: out to the authorization server and back). */
async function runLabToCompletion(page: Page, baseUrl: string) {
  await page.getByRole('button', { name: 'Try the demo lab' }).click();
  await page.getByRole('region', { name: 'Sign in at the authorization server' }).getByRole('button', { name: 'Open in this tab' }).click();
  await page.waitForURL(`${baseUrl}/`);
  await expect(page.getByText('Completed', { exact: true })).toBeVisible();
}

for (const width of [1280, 820]) {
  test(`axe: no serious or critical violations at ${width} px, light and dark, before and after a run`, async ({ page, debuggerApp, consoleErrors }, testInfo) => {
    // Eight full-page axe scans: each takes seconds on a busy 2-core machine.
    test.setTimeout(180_000);
    await page.setViewportSize({ width, height: 900 });
    await page.goto(debuggerApp.url);
    await expect(page.getByRole('heading', { name: /^Find where your MCP server/ })).toBeVisible();
    await expectAccessibleInBothThemes(page, 'start page');
    // The advanced options open too.
    await page.getByText('Advanced', { exact: true }).click();
    await expect(page.getByRole('checkbox', { name: 'Security audit' })).toBeVisible();
    await expectAccessibleInBothThemes(page, 'start page, advanced options open');

    await runLabToCompletion(page, debuggerApp.url);
    await expectAccessibleInBothThemes(page, 'completed run, Flow tab');
    await setTheme(page, 'Dark');
    await snap(page, testInfo, `completed-dark-${width}`);

    await page.getByRole('tab', { name: 'Tokens' }).click();
    await expect(page.getByRole('heading', { name: 'Access token', exact: true })).toBeVisible();
    await expectAccessibleInBothThemes(page, 'Tokens tab');

    await page.getByRole('tab', { name: /^Tools/ }).click();
    await page.getByRole('spinbutton', { name: 'a', exact: true }).fill('2');
    await page.getByRole('spinbutton', { name: 'b', exact: true }).fill('3');
    await page.getByRole('button', { name: 'Call add_numbers' }).click();
    await expect(page.getByRole('article', { name: 'add_numbers' })).toContainText('"result": 5');
    await expectAccessibleInBothThemes(page, 'Tools tab after a call');

    await page.getByRole('tab', { name: /^Findings/ }).click();
    await expect(page.getByRole('list', { name: /findings/i }).first()).toBeVisible();
    await expectAccessibleInBothThemes(page, 'Findings tab');
    await snap(page, testInfo, `findings-light-${width}`);

    // Nothing is wider than the window: no sideways scrolling at this width.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    expect(consoleErrors).toEqual([]);
  });
}

/** Tabs forward until `target` has the focus; it must show a visible focus indicator. */
// The sidebar's Workshop panel alone holds a switch per lab fault (53), so the bound is generous.
async function tabTo(page: Page, target: Locator, maxPresses = 120) {
  for (let i = 0; i < maxPresses; i++) {
    await page.keyboard.press('Tab');
    if (await target.evaluate((el) => el === document.activeElement)) break;
  }
  await expect(target).toBeFocused();
  const focus = await target.evaluate((el) => {
    const style = getComputedStyle(el);
    return { focusVisible: el.matches(':focus-visible'), outline: style.outlineStyle, width: parseFloat(style.outlineWidth), shadow: style.boxShadow };
  });
  expect(focus.focusVisible).toBe(true);
  expect(focus.outline !== 'none' && focus.width > 0).toBe(true);
}

test('keyboard: Tab reaches the server URL field and the run controls, with a visible focus', async ({ page, debuggerApp, consoleErrors }, testInfo) => {
  await page.goto(debuggerApp.url);
  const server = page.getByRole('textbox', { name: 'MCP server URL' });
  await tabTo(page, server);
  await page.keyboard.type(debuggerApp.labMcpUrl);
  await tabTo(page, page.getByRole('button', { name: 'Run', exact: true }));
  await tabTo(page, page.getByRole('button', { name: 'Step through' }));
  await page.keyboard.press('Enter');

  // In step mode: the flow controls are reachable too, and Enter on Next runs one step.
  const next = page.getByRole('region', { name: 'Flow controls' }).getByRole('button', { name: 'Next step' });
  await tabTo(page, next);
  await snap(page, testInfo, 'focus-on-next-step');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('region', { name: 'Flow controls' }).getByText('Next: Protected resource metadata', { exact: true })).toBeVisible();
  await tabTo(page, page.getByRole('region', { name: 'Flow controls' }).getByRole('button', { name: 'Run to end' }));
  expect(consoleErrors).toEqual([]);
});

test('a malformed URL shows a clear message at the field, and a reload keeps what was typed', async ({ page, debuggerApp, consoleErrors }, testInfo) => {
  await page.goto(debuggerApp.url);
  const server = page.getByRole('textbox', { name: 'MCP server URL' });
  await server.fill('example.com/mcp');
  await page.getByRole('textbox', { name: 'Scope' }).fill('mcp:tools');
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  const message = 'This is not a complete URL. It needs a scheme and a host, as in https://example.com/mcp.';
  await expect(page.getByText(message)).toBeVisible();
  await expect(server).toHaveAttribute('aria-invalid', 'true');
  await expect(server).toHaveAccessibleDescription(message);
  // Nothing ran.
  await expect(page.getByRole('region', { name: 'Flow controls' })).toHaveCount(0);
  await snap(page, testInfo, 'malformed-url');

  await page.reload();
  await expect(server).toHaveValue('example.com/mcp');
  await expect(page.getByRole('textbox', { name: 'Scope' })).toHaveValue('mcp:tools');
  // Fixed, the message goes.
  await server.fill('http://127.0.0.1:1/mcp');
  await page.getByRole('button', { name: 'Step through' }).click();
  await expect(page.getByText(message)).toHaveCount(0);
  expect(consoleErrors).toEqual([]);
});

test('an unreachable server ends in a clear stopped message, kept across a reload', async ({ page, debuggerApp, consoleErrors }, testInfo) => {
  const unreachable = 'http://127.0.0.1:1/mcp';
  await page.goto(debuggerApp.url);
  await page.getByRole('textbox', { name: 'MCP server URL' }).fill(unreachable);
  await page.getByRole('button', { name: 'Run', exact: true }).click();

  const stop = page.getByRole('status').filter({ has: page.getByRole('heading', { name: 'The flow stopped at “Probe without a token”' }) });
  await expect(stop).toBeVisible();
  await expect(stop).toContainText(`Connection refused: ${unreachable}`);
  await expect(page.getByText('Stopped', { exact: true })).toBeVisible();
  // The ways on: run again, or change the connection.
  await expect(stop.getByRole('button', { name: 'Run again' })).toBeEnabled();
  await expect(stop.getByRole('button', { name: 'Edit the connection' })).toBeVisible();
  await snap(page, testInfo, 'unreachable');

  await page.reload();
  await expect(stop).toBeVisible();
  await expect(stop).toContainText(`Connection refused: ${unreachable}`);
  await stop.getByRole('button', { name: 'Edit the connection' }).click();
  await expect(page.getByRole('textbox', { name: 'MCP server URL' })).toHaveValue(unreachable);
  expect(consoleErrors).toEqual([]);
});
