/** Runs the flow against the lab with the CORS check on and opens the cors step's table. */
import type { Locator, Page } from '@playwright/test';
import { expect } from './debugger-fixture.js';

export async function runWithCors(page: Page, url: string): Promise<Locator> {
  await page.goto(url);
  await page.getByText('Advanced', { exact: true }).click();
  await page.getByRole('checkbox', { name: 'CORS for browser clients' }).check();
  await page.getByRole('button', { name: 'Try the demo lab' }).click();
  await page.getByRole('region', { name: 'Sign in at the authorization server' }).getByRole('button', { name: 'Open in this tab' }).click();
  await page.waitForURL(`${url}/`);
  await expect(page.getByText('Completed', { exact: true })).toBeVisible();
  await page.getByRole('navigation', { name: 'Flow' }).getByRole('button', { name: /^CORS for browser clients\b/ }).click();
  const table = page.getByTestId('cors-table');
  await expect(table).toBeVisible();
  return table;
}
