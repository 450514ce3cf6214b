/**
 * The presenter view against the lab, at a projector's 1280×720 and 1920×1080: switched on with
 * the P key (and remembered across the sign-in's page loads), it steps through the whole flow
 * from the keyboard; at every step the teaching note is entirely in view without scrolling, the
 * body text is large, axe finds nothing, and focus sits on what to do next: the sign-in when the
 * flow waits for it, else the next-step button. The lab consents by itself here.
 */
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { stepText } from '../src/i18n/steps.js';
import { STEP_IDS } from '../src/engine/types.js';
import { expect, snap, test } from './debugger-fixture.js';

test.use({ debuggerArgs: ['--auto-consent'] });

const VIEWPORTS = [
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
] as const;

const note = (page: Page) => page.getByRole('complementary', { name: 'What happens here' });
const stepHeading = (page: Page) => page.getByRole('main').getByRole('heading', { level: 2 });
const nextButton = (page: Page) => page.getByRole('button', { name: /^(Next step|Start step by step)/ });
/** What the step bar says: which step, its status, its title. */
const stepShown = async (page: Page) => `${await page.getByText(/^Step \d+ of \d+ · /).innerText()} ${await stepHeading(page).innerText()}`;

/** The note is whole inside the viewport, its text and the step's title are large, and axe is content. */
async function expectPresentable(page: Page, viewport: { width: number; height: number }, label: string): Promise<void> {
  const box = await note(page).boundingBox();
  expect(box, `${label}: the note is shown`).not.toBeNull();
  if (!box) return;
  expect(box.y, `${label}: the note starts in view`).toBeGreaterThanOrEqual(0);
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.y + box.height, `${label}: the note ends above the fold`).toBeLessThanOrEqual(viewport.height);
  expect(box.x + box.width).toBeLessThanOrEqual(viewport.width);
  expect(await page.evaluate(() => window.scrollY), `${label}: nothing was scrolled to show it`).toBe(0);
  const sizes = await note(page)
    .locator('p')
    .evaluateAll((paragraphs) => paragraphs.map((p) => Number.parseFloat(getComputedStyle(p).fontSize)));
  expect(sizes.length).toBe(2);
  for (const size of sizes) expect(size, `${label}: the note's text is large`).toBeGreaterThanOrEqual(20);
  const keys = page.getByText(/^Keys: → or N next step/);
  expect(Number.parseFloat(await keys.evaluate((element) => getComputedStyle(element).fontSize))).toBeGreaterThanOrEqual(20);
  const results = await new AxeBuilder({ page }).analyze();
  expect(
    results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`),
    `${label}: axe`,
  ).toEqual([]);
}

for (const viewport of VIEWPORTS) {
  test(`presenter view at ${viewport.width}×${viewport.height}: every step's note in view, large, keyboard-driven`, async ({ page, debuggerApp, consoleErrors }, testInfo) => {
    // Twelve steps, each checked by axe: more than the default minute on a busy machine.
    test.setTimeout(150_000);
    await page.setViewportSize(viewport);
    await page.goto(debuggerApp.url);
    const toggle = page.getByRole('button', { name: /^Presenter view/ });
    await expect(toggle).toHaveAttribute('aria-pressed', 'false');
    await expect(toggle).toContainText('P');
    await page.keyboard.press('p');
    await expect(toggle).toHaveAttribute('aria-pressed', 'true');
    await expect(page.getByText('Keys: → or N next step · ← previous step · P leave the presenter view')).toBeVisible();

    // Before the run: the first step and its note, focus on the button that starts it.
    await expect(stepHeading(page)).toHaveText(stepText('probe', 'en').title);
    await expect(nextButton(page)).toBeFocused();
    await expectPresentable(page, viewport, 'before the run');
    await snap(page, testInfo, '0-before-the-run');
    // The first key starts the run; the first step is explained before it runs.
    await page.keyboard.press('ArrowRight');
    await expect(page.getByRole('button', { name: /^Next step/ })).toBeFocused();
    await expect(page.getByText(/^Step 1 of 12 · Not run yet/)).toBeVisible();

    const seen: string[] = [];
    let wentBack = false;
    for (let moves = 0; moves < 3 * STEP_IDS.length; moves++) {
      const before = await stepShown(page);
      await page.keyboard.press('ArrowRight');
      // The step shown changes and has run (a step runs in a moment against the lab).
      await expect.poll(() => stepShown(page)).not.toBe(before);
      await expect(page.getByText(/· Running…$/)).toHaveCount(0);
      const title = (await stepHeading(page).innerText()).trim();
      seen.push(title);
      const label = `step ${seen.length}: ${title}`;
      await expectPresentable(page, viewport, label);

      const signIn = page.getByRole('region', { name: 'Sign in at the authorization server' });
      if (await signIn.isVisible()) {
        await expect(signIn.getByRole('button', { name: 'Open in a popup' }), `${label}: focus on the sign-in`).toBeFocused();
        await snap(page, testInfo, `${seen.length}-waits-for-sign-in`);
        await signIn.getByRole('button', { name: 'Open in this tab' }).click();
        await page.waitForURL(`${debuggerApp.url}/`);
        // Back from the sign-in, the view is still the presenter's and shows the step that took the callback.
        await expect(page.getByRole('button', { name: /^Presenter view/ })).toHaveAttribute('aria-pressed', 'true');
        await expect(stepHeading(page)).toHaveText(stepText('authorization-response', 'en').title);
        await expect(page.getByText('Running…', { exact: true })).toHaveCount(0);
        seen.push(stepText('authorization-response', 'en').title);
        await expectPresentable(page, viewport, 'after the sign-in');
      }
      if (await page.getByText('The flow is complete.').isVisible()) break;
      await expect(nextButton(page), `${seen.at(-1)}: focus on the next step`).toBeFocused();

      if (!wentBack && seen.length === 3) {
        // Previous shows the step before, with its note; next comes back without running anything.
        wentBack = true;
        await page.keyboard.press('ArrowLeft');
        await expect(stepHeading(page)).toHaveText(seen[1] ?? '');
        await expectPresentable(page, viewport, 'one step back');
        await page.keyboard.press('ArrowRight');
        await expect(stepHeading(page)).toHaveText(seen[2] ?? '');
        await expect(nextButton(page)).toBeFocused();
      }
      if (seen.length === 5) await snap(page, testInfo, '5-client-registration');
    }

    await expect(page.getByText('The flow is complete.')).toBeVisible();
    expect(wentBack).toBe(true);
    // Every step of the lab's flow was shown, in order.
    expect(seen).toEqual(STEP_IDS.map((id) => stepText(id, 'en').title).filter((title) => seen.includes(title)));
    expect(seen).toContain(stepText('authorization-request', 'en').title);
    expect(seen).toContain(stepText('authenticated-mcp', 'en').title);
    await snap(page, testInfo, 'z-completed');

    // In Chinese too: the keys and the note, still whole in view.
    await page.getByRole('group', { name: 'Language' }).getByRole('button', { name: '中文' }).click();
    await expect(page.getByText('快捷键：→ 或 N 下一步 · ← 上一步 · P 退出演示视图')).toBeVisible();
    const lastStep = STEP_IDS.find((id) => stepText(id, 'en').title === seen.at(-1)) ?? 'cors';
    await expect(page.getByRole('complementary')).toContainText(stepText(lastStep, 'zh-CN').summary);
    await expect(page.getByRole('complementary')).toBeInViewport({ ratio: 1 });
    await page.getByRole('group', { name: '语言' }).getByRole('button', { name: 'English' }).click();

    // P again leaves the presenter view: the normal workspace is back.
    await page.keyboard.press('p');
    await expect(toggle).toHaveAttribute('aria-pressed', 'false');
    await expect(page.getByRole('region', { name: 'Flow controls' })).toBeVisible();
    expect(consoleErrors).toEqual([]);
  });
}
