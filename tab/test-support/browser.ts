/**
 * Headless Chromium for the tab's browser tests and bench (playwright-core, the system's Chromium).
 * Playwright gives every launch a fresh temporary profile (it refuses `--user-data-dir` in `launch`).
 */
import { readFileSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
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

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/**
 * Fluent UI's focus guards (tabster's "dummy inputs": empty `<i>` elements that are aria-hidden yet
 * focusable by design, handing focus on at once). axe reports them as `aria-hidden-focus`; they are
 * not content, so they are left out of the check.
 */
const FOCUS_GUARDS = 'i[data-tabster-dummy]';

/**
 * The page's WCAG 2.1 A and AA violations by axe-core, run inside the page. The script is evaluated
 * through the DevTools protocol, so the tab's strict Content-Security-Policy stays on.
 */
export async function axeViolations(page: Page, exclude: string[] = [FOCUS_GUARDS]): Promise<AxeViolation[]> {
  // Checked once finite animations have ended: mid-fade (a dialog coming in) colours are not yet their
  // own and axe would report a contrast that no one sees. Endless ones (a spinner) are not waited for.
  await page.waitForFunction(() =>
    document
      .getAnimations()
      .every((a) => a.playState !== 'running' || a.effect?.getTiming().iterations === Infinity),
  );
  const source = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  await page.evaluate(source);
  return page.evaluate(async (excluded) => {
    type Result = {
      violations: Array<{
        id: string;
        impact: string | null;
        help: string;
        nodes: Array<{ target: string[] }>;
      }>;
    };
    const axe = (window as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<Result> } }).axe;
    const result = await axe.run(
      { include: [document], exclude: excluded.map((s) => [s]) },
      { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } },
    );
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')),
    }));
  }, exclude);
}
