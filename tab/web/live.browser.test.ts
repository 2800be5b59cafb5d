/**
 * The tab stays live, in headless Chromium against the real server and store: two desk members of
 * ROR-IKT in two browser contexts; one claims a case in its case view, and the other's list (never
 * reloaded by hand) shows the new status and assignee, pushed by `GET /api/cases/events`. The wait is a
 * bound (2 s), not a speed assertion.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { Directory } from '../../shared/access';
import { orgId, userId } from '../../shared/ids';
import { screenshotDir } from '../../scripts/headless';
import { axeViolations } from '../test-support/browser';
import { DESKS, DIRECTORY, seedStore, USERS } from '../test-support/seed';
import { startBrowserWorld, type BrowserWorld } from '../test-support/world';

const NOW = new Date('2026-03-20T12:00:00Z'); // Friday 13:00 in Oslo
const REF = 'FV-2026-000008'; // new, unclaimed, ROR-IKT
const SECOND = 'u-desk-2';
const SHOTS = screenshotDir('tab');
// Well inside the tab's fallback poll (LIVE_POLL_MS, 60 s): only the push brings a change this soon,
// with room for a loaded CI machine.
const PUSHED = { timeout: 10_000 };

const directory: Directory = {
  ...DIRECTORY,
  users: { ...DIRECTORY.users, [SECOND]: { orgId: orgId('molde'), name: 'Nina Servicesenter' } },
};

let world: BrowserWorld;

beforeAll(async () => {
  world = await startBrowserWorld({
    now: NOW,
    directory,
    seed: async (s) => {
      await seedStore(s);
      const ror = (await s.desks.get(DESKS[0].id))!;
      await s.desks.put({ ...ror.value, members: [...ror.value.members, userId(SECOND)] }, ror.version);
    },
  });
}, 120_000);

afterAll(() => world?.close());

/** The page, once its live stream has answered (before that, a change would reach it by the slow reload only). */
async function open(user: string, path: string, width = 1440): Promise<Page> {
  const context = await world.tb.browser.newContext({
    viewport: { width, height: 800 },
    timezoneId: 'Europe/Oslo',
    locale: 'nb-NO',
  });
  const page = await context.newPage();
  await page.clock.install({ time: NOW });
  const streaming = page.waitForResponse((r) => r.url().endsWith('/api/cases/events') && r.ok());
  await page.goto(`${world.srv.url}/tab/?devUser=${user}${path}`);
  await streaming;
  return page;
}

it("a desk member's list shows another member's claim without a reload", async () => {
  const watcher = await open(SECOND, '');
  const watched = watcher.locator(`[data-ref="${REF}"]`);
  await watched.waitFor();
  expect(await watched.innerText()).toContain('Ny');
  // The narrow list (a card per case) listens too.
  const phone = await open(SECOND, '', 375);
  const card = phone.locator(`[data-ref="${REF}"]`);
  await card.waitFor();

  // A keyboard user on another row of the list keeps their place when a change reaches it: the live
  // reload renders the rows shown again, it does not mount them anew (which dropped the focus to the page).
  const other = watcher.locator('[data-ref="FV-2026-000007"]').getByRole('link', { name: 'FV-2026-000007' });
  await other.focus();
  const focusedRow = () =>
    watcher.evaluate(() => document.activeElement?.closest('[data-ref]')?.getAttribute('data-ref') ?? null);
  expect(await focusedRow()).toBe('FV-2026-000007');

  const actor = await open(USERS.desk, `&case=${REF}`);
  await actor.getByTestId('actions').waitFor();
  await actor.getByRole('button', { name: 'Ta saken' }).click();
  await actor.getByTestId('detail-assignee').getByText('Ola Servicesenter').waitFor();

  await watched.getByText('Under arbeid').waitFor(PUSHED);
  expect(await watched.innerText()).toContain('Ola Servicesenter');
  expect(await focusedRow()).toBe('FV-2026-000007');
  await card.getByText('Under arbeid', { exact: false }).waitFor(PUSHED);
  expect(await axeViolations(watcher)).toEqual([]);
  await watcher.screenshot({ path: join(SHOTS, 'live-list.png') });
  await phone.screenshot({ path: join(SHOTS, 'live-list-375.png') });

  // The case view is live too: the watcher opens the case, the actor puts it on hold.
  await watched.getByRole('link', { name: REF }).click();
  await watcher.getByTestId('actions').waitFor();
  await actor.getByRole('button', { name: 'Sett til Avventer' }).click();
  await watcher.getByTestId('detail-status').getByText('Avventer').waitFor(PUSHED);
  await Promise.all([watcher, phone, actor].map((p) => p.context().close()));
});
