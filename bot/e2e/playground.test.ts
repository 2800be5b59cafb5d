/**
 * A fault report through the real card UI: the app server (bot/index.ts, bundled with esbuild) on the
 * embedded store and the Microsoft 365 Agents Playground (`scripts/dev.ts`), driven in headless
 * Chromium with requests to other hosts blocked. The user types "meld feil", fills the card, sends it
 * and sees the reference number. The playground's user speaks en-US, so the card is in English.
 */
import { mkdtemp, rm } from 'fs/promises';
import { tmpdir } from 'os';
import { join, relative } from 'path';
import { build } from 'esbuild';
import type { BrowserContext } from 'playwright-core';
import { startDev, type DevLoop } from '../../scripts/dev';
import { freePort, openRestrictedContext, say, screenshotDir } from '../../scripts/headless';
import { repoRoot } from '../../scripts/repo-root';

const ROOT = repoRoot();
let work: string;
let outDir: string;
let loop: DevLoop | undefined;
let context: BrowserContext | undefined;
const logs: string[] = [];

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'fristvakt-e2e-'));
  outDir = join(ROOT, 'node_modules', '.cache', `fristvakt-e2e-${process.pid}`);
  await build({
    entryPoints: [join(ROOT, 'bot', 'index.ts')],
    outfile: join(outDir, 'bot', 'index.js'),
    bundle: true,
    platform: 'node',
    packages: 'external',
    logLevel: 'error',
  });
  loop = await startDev({
    root: ROOT,
    port: await freePort(),
    playgroundPort: await freePort(),
    serverEntry: relative(ROOT, join(outDir, 'bot', 'index.js')),
    serverEnv: { FRISTVAKT_DATA_DIR: join(work, 'data') },
    demoCases: false,
    log: (line) => logs.push(line),
  });
  context = await openRestrictedContext(join(work, 'chromium'), [loop.playgroundUrl, loop.appUrl], {
    viewport: { width: 1400, height: 1400 },
  });
}, 180_000);

afterAll(async () => {
  await context?.close();
  await loop?.stop();
  await rm(outDir, { recursive: true, force: true });
  await rm(work, { recursive: true, force: true });
});

it('reports a fault through the card in the playground and shows the reference number', async () => {
  const page = await context!.newPage();
  try {
    await page.goto(loop!.playgroundUrl);
    await page.locator('[data-lexical-editor="true"][role="textbox"]').first().waitFor({ timeout: 60_000 });
    await say(page, 'meld feil');
    const title = page.locator('input[aria-label="E.g. “Cannot log in to Gerica”"]').last();
    await title.waitFor({ timeout: 60_000 });

    // The choice sets, in card order: desk, service (filtered), virksomhet, scope, role.
    const pick = async (index: number, option: string): Promise<void> => {
      await page.getByRole('combobox').nth(index).click();
      await page.getByRole('option', { name: option }).first().click();
    };
    await pick(1, 'Visma Enterprise (lønn og personal)');
    await title.fill('Lønnsslippen vises ikke');
    await page
      .locator('textarea[aria-label="What happens, and any error message"]')
      .last()
      .fill('Siden for lønnsslipp er blank');
    await page
      .locator('textarea[aria-label="E.g. restarted the PC, tried another browser"]')
      .last()
      .fill('Logget ut og inn igjen');
    await pick(3, 'Just me');
    await page.getByText('Part of the service works').last().click();
    await page.getByRole('button', { name: 'Send fault report' }).last().click();

    const ref = page.getByText(/Thank you! Your case is registered: FV-\d{4}-\d{6}/).first();
    await ref.waitFor({ timeout: 60_000 });
    const text = await ref.textContent();
    expect(text).toMatch(/FV-\d{4}-\d{6}/);
    await page.getByText('Suggested priority').first().waitFor();
  } catch (err) {
    await page.screenshot({ path: join(screenshotDir('e2e'), 'failure.png'), fullPage: true });
    throw new Error(`${(err as Error).message}\n--- logs ---\n${logs.slice(-40).join('\n')}`);
  } finally {
    await page.close();
  }
}, 180_000);
