/**
 * Step mode, for teaching: nothing runs until Next; each Next (button or the N key) runs
 * exactly one step, the timeline advances one entry at a time, and the step just run is shown
 * with its teaching note.
 */
import type { Page } from '@playwright/test';
import { STEP_IDS, type StepId } from '../src/engine/types.js';
import { stepText } from '../src/i18n/steps.js';
import { expect, snap, test } from './debugger-fixture.js';

const title = (stepId: StepId) => stepText(stepId, 'en').title;

/** Each timeline entry's status line, in order (e.g. "OK", "Not run yet · next"): the last line of its button. */
async function timelineStatuses(page: Page): Promise<string[]> {
  const entries = page.getByRole('navigation', { name: 'Flow' }).getByRole('listitem').getByRole('button');
  return (await entries.allInnerTexts()).map((text) => text.trim().split('\n').at(-1)?.trim() ?? '');
}

/** After `done` steps: those ran and are OK, the next is up, the rest have not run. */
async function expectStepsDone(page: Page, done: number) {
  const expected = STEP_IDS.map((_, i) => (i < done ? 'OK' : i === done ? 'Not run yet · next' : 'Not run yet'));
  await expect.poll(() => timelineStatuses(page)).toEqual(expected);
  const controls = page.getByRole('region', { name: 'Flow controls' });
  await expect(controls.getByRole('button', { name: 'Next step' })).toBeEnabled();
  const upNext = STEP_IDS[done];
  if (upNext) await expect(controls.getByText(`Next: ${title(upNext)}`, { exact: true })).toBeVisible();
}

/** The step shown in the details is `stepId`, with its status and teaching note. */
async function expectShownStep(page: Page, stepId: StepId, status: string) {
  const main = page.getByRole('main');
  await expect(main.getByRole('heading', { level: 2, name: title(stepId), exact: true })).toBeVisible();
  await expect(main.getByRole('article').filter({ has: page.getByRole('heading', { level: 2, name: title(stepId), exact: true }) }).getByText(status, { exact: true })).toBeVisible();
  const note = main.getByRole('complementary', { name: 'What happens here' });
  await expect(note).toContainText(stepText(stepId, 'en').summary);
  await expect(note).toContainText(stepText(stepId, 'en').teaching);
}

test('each Next runs exactly one step, by button or the N key, with the step’s teaching note', async ({ page, debuggerApp, consoleErrors }, testInfo) => {
  await page.goto(debuggerApp.url);
  await page.getByRole('button', { name: 'Step through' }).click();

  // Nothing has run: every step waits, the first is up next and explained before it runs.
  await expectStepsDone(page, 0);
  await expectShownStep(page, 'probe', 'Not run yet');
  await expect(page.getByText('In progress', { exact: true })).toBeVisible();
  await expect(page.getByText('0 exchanges', { exact: true })).toBeVisible();
  await snap(page, testInfo, '0-before-first-step');

  const next = page.getByRole('region', { name: 'Flow controls' }).getByRole('button', { name: 'Next step' });
  await next.click();
  await expectStepsDone(page, 1);
  await expectShownStep(page, 'probe', 'OK');
  await expect(page.getByRole('heading', { level: 3, name: '1 exchange', exact: true })).toBeVisible();
  await snap(page, testInfo, '1-probe');

  // The N key does the same (focus on the page, not in a field).
  await page.keyboard.press('n');
  await expectStepsDone(page, 2);
  await expectShownStep(page, 'protected-resource-metadata', 'OK');
  await snap(page, testInfo, '2-protected-resource-metadata');

  await page.keyboard.press('N');
  await expectStepsDone(page, 3);
  await expectShownStep(page, 'authorization-server-metadata', 'OK');

  await next.click();
  await expectStepsDone(page, 4);
  await expectShownStep(page, 'client-registration', 'OK');
  await snap(page, testInfo, '4-client-registration');

  // N typed into a field is text, not a step.
  await page.locator('summary').filter({ hasText: 'Connect' }).click();
  const scope = page.getByRole('textbox', { name: 'Scope' });
  await scope.press('n');
  await expect(scope).toHaveValue('n');
  await scope.clear();
  await expectStepsDone(page, 4);
  // Had that N run a step, the flow would now wait for sign-in and Next would be disabled.
  await next.click();
  await expect.poll(() => timelineStatuses(page)).toEqual(STEP_IDS.map((_, i) => (i < 5 ? 'OK' : i === 5 ? 'Waiting for you' : 'Not run yet')));
  await expectShownStep(page, 'authorization-request', 'OK');
  await expect(page.getByRole('region', { name: 'Sign in at the authorization server' })).toBeVisible();
  await expect(next).toBeDisabled();
  expect(consoleErrors).toEqual([]);
});
