/**
 * Searching the Chinese page for English left in our own words: any run of two or more English
 * words in the visible text, outside code, URLs, identifiers, header names and JSON (the text
 * inside <code>, <pre>, <kbd>, <samp>, monospace data, and content marked translate="no" because
 * it came from a server, such as a tool's description).
 */
import type { Page, TestInfo } from '@playwright/test';
import { appMessages } from '../src/i18n/messages/app.js';
import { corsMessages } from '../src/i18n/messages/cors.js';
import { inspectMessages } from '../src/i18n/messages/inspect.js';
import { tokensMessages } from '../src/i18n/messages/tokens.js';
import { englishRuns } from '../src/i18n/english-runs.js';
import { expect, snap } from './debugger-fixture.js';

const ZH: Record<string, string> = { ...appMessages['zh-CN'], ...corsMessages['zh-CN'], ...inspectMessages['zh-CN'], ...tokensMessages['zh-CN'] };

export const zh = (key: string): string => {
  const text = ZH[key];
  if (text === undefined) throw new Error(`no Chinese text for ${key}`);
  return text;
};

/**
 * The runs of English words in the page's visible text (see englishRuns), outside the elements
 * that show code and data.
 */
async function englishLeftIn(page: Page): Promise<string[]> {
  const texts = await page.evaluate(() => {
    const SKIPPED = 'code, pre, kbd, samp, script, style, noscript, textarea, input, select, [translate="no"], .font-mono, [data-testid="json"]';
    const shown: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      const text = node.textContent ?? '';
      if (!parent || text.trim() === '' || parent.closest(SKIPPED)) continue;
      if (parent.checkVisibility({ visibilityProperty: true, opacityProperty: false })) shown.push(text);
    }
    return shown;
  });
  return [...new Set(texts.flatMap(englishRuns))].sort();
}

export async function expectNoEnglish(page: Page, testInfo: TestInfo, view: string): Promise<void> {
  await snap(page, testInfo, view);
  expect(await englishLeftIn(page), `English left in the Chinese page (${view})`).toEqual([]);
}

export async function toChinese(page: Page, url: string): Promise<void> {
  await page.goto(url);
  // The search would find the English page's words: it can fail.
  await expect(page.getByRole('button', { name: 'Try the demo lab' })).toBeVisible();
  expect(await englishLeftIn(page)).toContain('Try the demo lab');
  await page.getByRole('group', { name: 'Language' }).getByRole('button', { name: '中文' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
}

/** Every step of the timeline in turn, with its first exchange open in the inspector. */
export async function visitEveryStep(page: Page, testInfo: TestInfo, prefix: string): Promise<void> {
  const steps = page.getByRole('navigation', { name: zh('app.timeline.title') }).getByRole('button');
  const count = await steps.count();
  expect(count).toBeGreaterThan(3);
  for (let index = 0; index < count; index++) {
    await steps.nth(index).click();
    const exchanges = page.getByRole('listbox').first();
    if ((await exchanges.count()) > 0 && (await exchanges.getByRole('option').count()) > 0) await exchanges.getByRole('option').first().click();
    await expectNoEnglish(page, testInfo, `${prefix}-step-${index + 1}`);
  }
}

