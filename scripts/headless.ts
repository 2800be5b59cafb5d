/**
 * Headless Chromium (Debian's package, driven by playwright-core) and the Agents Playground page
 * helpers, shared by the local-loop test, the playground end-to-end test and the screenshot scripts.
 */
import { mkdirSync } from 'fs';
import { createServer } from 'net';
import { join } from 'path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { repoRoot } from './repo-root';

/** Debian's Chromium; Playwright downloads no browser here. `CHROMIUM_PATH` overrides it. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Flags for a closed network: without the background-networking ones Chromium floods refused connections. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Where screenshots land: untracked (gitignored), so no test or script run changes a tracked file. */
export const SCREENSHOT_ROOT = '.screenshots';

/** The kinds of screenshots, each copied on purpose into `docs/<kind>/` by `npm run screenshots`. */
export type ScreenshotKind = 'tab' | 'cards' | 'local-loop' | 'e2e';

/** `<repo>/.screenshots/<kind>`, created if missing: every browser test and screenshot script writes here. */
export function screenshotDir(kind: ScreenshotKind, root: string = repoRoot()): string {
  const dir = join(root, SCREENSHOT_ROOT, kind);
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** A free TCP port on the loopback interface. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/**
 * A persistent Chromium context in `userDataDir` that lets through only requests to `allowedUrls`'
 * origins and `data:` URLs (the playground loads fonts from an Office CDN; the page renders without).
 */
export async function openRestrictedContext(
  userDataDir: string,
  allowedUrls: string[],
  options: { viewport: { width: number; height: number }; locale?: string },
): Promise<BrowserContext> {
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
    ...options,
  });
  const origins = allowedUrls.map((u) => new URL(u).origin);
  await context.route('**/*', (route) =>
    origins.some((o) => route.request().url().startsWith(o)) || route.request().url().startsWith('data:')
      ? route.continue()
      : route.abort(),
  );
  return context;
}

/** Types a message into the playground's compose box and sends it. */
export async function say(page: Page, text: string): Promise<void> {
  const box = page.locator('[data-lexical-editor="true"][role="textbox"]').first();
  await box.click();
  await box.fill(text);
  await box.press('Enter');
}
