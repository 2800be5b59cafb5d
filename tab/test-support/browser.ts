/**
 * Headless Chromium for the tab's browser tests and bench (playwright-core, the system's Chromium).
 * Playwright gives every launch a fresh temporary profile (it refuses `--user-data-dir` in `launch`).
 */
import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../scripts/headless';

export const CHROMIUM = CHROMIUM_PATH;

export interface TestBrowser {
  browser: Browser;
  close(): Promise<void>;
}

export async function launchBrowser(): Promise<TestBrowser> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: CHROMIUM_ARGS,
  });
  return {
    browser,
    async close() {
      await browser.close();
    },
  };
}
