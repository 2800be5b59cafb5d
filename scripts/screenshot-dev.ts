/**
 * Tries the local loop end to end and keeps screenshots of it under .screenshots/local-loop/ (untracked;
 * `npm run screenshots` copies them to docs/local-loop/):
 * starts `npm run dev`'s server and Agents Playground (scripts/dev.ts) on free loopback ports with a
 * temporary data directory, opens the playground in headless Chromium (requests to other hosts are
 * blocked), says "hjelp" and "mine saker" (the demo cases) to the bot in the personal chat, links the team's
 * Triage channel to ROR-IKT's desk with a real @mention, and opens the tab if it is built. Run after `npm run build`:
 *   node dist/scripts/screenshot-dev.js
 */
import { mkdtemp, rm } from 'fs/promises';
import { tmpdir } from 'os';
import { join } from 'path';
import { PLAYGROUND_USER_ID } from '../bot/seed';
import { startDev } from './dev';
import { freePort, openRestrictedContext, say, screenshotDir } from './headless';
import { repoRoot } from './repo-root';

async function main(): Promise<void> {
  const root = repoRoot();
  const out = screenshotDir('local-loop', root);
  const dataDir = await mkdtemp(join(tmpdir(), 'fristvakt-dev-'));
  const userDataDir = await mkdtemp(join(tmpdir(), 'fristvakt-chromium-'));
  const loop = await startDev({
    root,
    port: await freePort(),
    playgroundPort: await freePort(),
    serverEnv: { FRISTVAKT_DATA_DIR: dataDir },
    log: () => undefined,
  });
  const context = await openRestrictedContext(userDataDir, [loop.playgroundUrl, loop.appUrl], {
    viewport: { width: 1400, height: 900 },
    locale: 'nb-NO',
  });
  try {
    const page = await context.newPage();
    await page.goto(loop.playgroundUrl);
    await page.locator('[data-lexical-editor="true"][role="textbox"]').first().waitFor({ timeout: 30_000 });

    // The personal chat: "hjelp" gets the bot's list of what it can do.
    await say(page, 'hjelp');
    await page.getByText('meld feil', { exact: false }).nth(1).waitFor({ timeout: 30_000 });
    await page.waitForTimeout(1000);
    await page.screenshot({ path: join(out, 'playground-personal-hjelp.png') });
    console.log('personal chat: the bot answered "hjelp"');

    // "mine saker": the demo cases that are the playground user's own.
    await say(page, 'mine saker');
    await page.getByText('Får ikke logget inn i Visma').first().waitFor({ timeout: 30_000 });
    await page.waitForTimeout(1000);
    await page.screenshot({ path: join(out, 'playground-mine-saker.png') });
    console.log('personal chat: "mine saker" lists the demo cases');

    // The team's Triage channel: a real @mention, picked from the compose box's suggestions.
    await page.getByText('Triage', { exact: true }).first().click();
    const post = page.locator('[data-lexical-editor="true"][role="textbox"]').first();
    await post.click();
    await post.pressSequentially('@Fri', { delay: 30 });
    await page.getByRole('menuitem', { name: 'Fristvakt' }).click();
    await post.pressSequentially(' koble ror-ikt', { delay: 10 });
    await page.getByRole('button', { name: 'Post' }).click();
    await page
      .getByText(/triasjekanalen til|triage channel/)
      .first()
      .waitFor({ timeout: 30_000 });
    await page.waitForTimeout(1000);
    await page.screenshot({ path: join(out, 'playground-channel-koble.png') });
    console.log('channel: "@Fristvakt koble ror-ikt" made Triage the desk\'s triage channel');

    // The tab, in the browser outside Teams, signed in as the playground user through the development
    // sign-in (`devUser`), when it is built.
    const tab = await context.newPage();
    const res = await tab.goto(`${loop.appUrl}/tab/?view=mine&devUser=${PLAYGROUND_USER_ID}`);
    if (res?.ok()) {
      await tab
        .getByText('Får ikke logget inn i Visma')
        .first()
        .waitFor({ timeout: 30_000 })
        .catch(() => console.log('tab: the demo case did not show'));
      await tab.waitForTimeout(1500);
      await tab.screenshot({ path: join(out, 'tab-mine-saker.png') });
      // The same user's desk queue (a member of ROR-IKT's desk in the dev data).
      await tab.goto(`${loop.appUrl}/tab/?view=desk&devUser=${PLAYGROUND_USER_ID}`);
      await tab
        .getByText('Gerica henger ved lagring av journalnotat')
        .first()
        .waitFor({ timeout: 30_000 })
        .catch(() => console.log('tab: the desk queue did not show the Gerica case'));
      await tab.waitForTimeout(1500);
      await tab.screenshot({ path: join(out, 'tab-desk-queue.png') });
      console.log('tab: screenshots taken (Mine saker, the desk queue)');
    } else {
      console.log(`tab: HTTP ${res?.status() ?? '?'} (not built? npm run build)`);
    }
  } finally {
    await context.close();
    await loop.stop();
    await rm(userDataDir, { recursive: true, force: true });
    await rm(dataDir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
