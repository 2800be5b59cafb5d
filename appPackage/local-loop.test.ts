/**
 * The local loop of `npm run dev` (scripts/dev.ts), for real: the app server (bot/index.ts, bundled
 * for the test with esbuild) on the embedded store with the demo cases, and the Microsoft 365 Agents
 * Playground with `.m365agentsplayground.yml`, driven in headless Chromium with requests to other
 * hosts blocked.
 */
import { mkdtemp, rm } from 'fs/promises';
import { connect } from 'net';
import { networkInterfaces, tmpdir } from 'os';
import { join, relative } from 'path';
import { build } from 'esbuild';
import type { BrowserContext, Page } from 'playwright-core';
import { type DevLoop, startDev } from '../scripts/dev';
import { freePort, openRestrictedContext, say } from '../scripts/headless';
import { repoRoot } from '../scripts/repo-root';

const ROOT = repoRoot();
/** Whether a TCP connection to host:port is accepted. */
function accepts(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port, timeout: 2000 });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
  });
}

const botAuthors = (page: Page) => page.locator('[aria-label="Message author"]', { hasText: /^Fristvakt$/ });

let work: string;
let loop: DevLoop | undefined;
let context: BrowserContext | undefined;
const logs: string[] = [];

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'fristvakt-local-loop-'));
  // Inside the repository, so the bundle resolves its external packages from node_modules.
  const outDir = join(ROOT, 'node_modules', '.cache', `fristvakt-local-loop-${process.pid}`);
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
    log: (line) => logs.push(line),
  });
  context = await openRestrictedContext(join(work, 'chromium'), [loop.playgroundUrl, loop.appUrl], {
    viewport: { width: 1400, height: 900 },
  });
}, 120_000);

afterAll(async () => {
  await context?.close();
  await loop?.stop();
  await rm(join(ROOT, 'node_modules', '.cache', `fristvakt-local-loop-${process.pid}`), {
    recursive: true,
    force: true,
  });
  await rm(work, { recursive: true, force: true });
});

describe('npm run dev', () => {
  it('serves the app and the playground on 127.0.0.1 only', async () => {
    const app = Number(new URL(loop!.appUrl).port);
    const playground = Number(new URL(loop!.playgroundUrl).port);
    expect(await accepts('127.0.0.1', app)).toBe(true);
    expect(await accepts('127.0.0.1', playground)).toBe(true);
    const external = Object.values(networkInterfaces())
      .flat()
      .filter((a) => a && a.family === 'IPv4' && !a.internal)
      .map((a) => a!.address);
    for (const address of external) {
      expect([address, app, await accepts(address, app)]).toEqual([address, app, false]);
      expect([address, playground, await accepts(address, playground)]).toEqual([address, playground, false]);
    }
    const health = (await (await fetch(`${loop!.appUrl}/healthz`)).json()) as { status: string };
    expect(health.status).toBe('ok');
  });

  it('lets a developer chat with the bot, see the demo cases, and link the Triage channel with an @mention', async () => {
    const page = await context!.newPage();
    await page.goto(loop!.playgroundUrl);
    await page.locator('[data-lexical-editor="true"][role="textbox"]').first().waitFor({ timeout: 30_000 });

    // The mock team and channel come from .m365agentsplayground.yml.
    // The sidebar may render after the compose box: wait for it (a missing entry fails on the timeout).
    await page.getByText('Triage', { exact: true }).first().waitFor({ state: 'visible', timeout: 30_000 });
    await page.getByText('IT-kontakter Molde').first().waitFor({ state: 'visible', timeout: 30_000 });

    // Personal chat: the welcome arrives on install, then an answer to "hjelp".
    await botAuthors(page).first().waitFor({ timeout: 30_000 });
    const before = await botAuthors(page).count();
    await say(page, 'hjelp');
    await botAuthors(page).nth(before).waitFor({ timeout: 30_000 });

    // The demo cases were in the store before the server started: "mine saker" lists the user's own.
    await say(page, 'mine saker');
    await page.getByText('Får ikke logget inn i Visma').first().waitFor({ timeout: 30_000 });

    // The Triage channel: a real mention picked from the compose box's suggestions.
    await page.getByText('Triage', { exact: true }).first().click();
    const post = page.locator('[data-lexical-editor="true"][role="textbox"]').first();
    await post.click();
    await post.pressSequentially('@Fri', { delay: 20 });
    await page.getByRole('menuitem', { name: 'Fristvakt' }).click();
    await post.pressSequentially(' koble ror-ikt', { delay: 10 });
    // Only the mention itself says "Fristvakt" in the channel so far; the bot's answer adds its name.
    expect(await page.getByText('Fristvakt', { exact: true }).count()).toBe(1);
    await page.getByRole('button', { name: 'Post' }).click();
    await page.getByText('Fristvakt', { exact: true }).nth(1).waitFor({ timeout: 30_000 });
    // The playground user is a member of ROR-IKT's desk in the dev loop, so linking succeeds.
    await page
      .getByText(/triasjekanalen til|triage channel/)
      .first()
      .waitFor({ timeout: 30_000 });
    await page.close();
  });
});
