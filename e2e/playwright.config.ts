/**
 * Playwright runs the browser tests against the real debugger: `mcp-auth-debugger start`
 * (relay + built UI + lab) in a child process per test file. Screenshots of every test are
 * kept under test-results/ as artifacts.
 */
import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from './chromium.js';

export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.ts',
  outputDir: '../test-results/e2e',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: process.env.CI ? [['list'], ['junit', { outputFile: '../test-results/e2e/junit.xml' }]] : 'list',
  use: {
    browserName: 'chromium',
    launchOptions: chromiumLaunchOptions(),
    viewport: { width: 1280, height: 860 },
    screenshot: 'on',
    trace: 'retain-on-failure',
  },
});
