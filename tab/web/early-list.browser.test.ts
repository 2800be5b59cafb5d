/**
 * The list's first rows painted by the page's boot script before the bundle runs
 * (`src/views/cases/early-list.ts`), in headless Chromium against a real test server serving the
 * production bundle built here: with the development sign-in, and inside a stand-in Teams host (the SSO
 * token from teams-js, loaded by the boot script). To see what the boot script paints alone, the test
 * keeps the bundle's entry from arriving; the rows are then compared with the live grid's.
 * Screenshots: .screenshots/tab/early-list-*.png.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { screenshotDir } from '../../scripts/headless';
import { axeViolations, type TestBrowser } from '../test-support/browser';
import { seedStore, USERS } from '../test-support/seed';
import type { TestServer } from '../test-support/server';
import { teamsHostPage } from '../test-support/teams-host';
import { startBrowserWorld, type BrowserWorld } from '../test-support/world';

const NOW = new Date('2026-03-20T12:00:00Z'); // Friday 13:00 in Oslo
const SHOTS = screenshotDir('tab');
/** The bundle's entry (its hashed name); the boot script is inlined in the page. */
const ENTRY = /\/tab\/chunks\/main-[A-Z0-9]+\.js$/;

let world: BrowserWorld;
let srv: TestServer;
let tb: TestBrowser;

beforeAll(async () => {
  world = await startBrowserWorld({ now: NOW, seed: (s) => seedStore(s) });
  ({ srv, tb } = world);
}, 120_000);

afterAll(() => world?.close());

interface Opened {
  page: Page;
  /** The API requests the page had answered, by path. */
  api: string[];
}

async function open(
  path: string,
  {
    width = 1440,
    height = 900,
    bundle = true,
    routes,
  }: { width?: number; height?: number; bundle?: boolean; routes?: (page: Page) => Promise<unknown> } = {},
): Promise<Opened> {
  const context = await tb.browser.newContext({ viewport: { width, height }, timezoneId: 'Europe/Oslo' });
  const page = await context.newPage();
  await page.clock.install({ time: NOW });
  const api: string[] = [];
  page.on('response', (r) => {
    const url = new URL(r.url());
    if (url.pathname.startsWith('/api/')) api.push(`${url.pathname}${url.search}`);
  });
  if (!bundle) await page.route(ENTRY, (route) => route.abort());
  await routes?.(page);
  await page.goto(`${srv.url}${path}`);
  return { page, api };
}

/** The early rows' cells, row by row. */
const earlyRows = (page: Page): Promise<string[][]> =>
  page.$$eval('[data-early-ref]', (rows) =>
    rows.map((r) => [...r.querySelectorAll('td')].map((td) => td.textContent ?? '')),
  );

/** The live grid's cells for `refs`, row by row (a countdown cell: its state and time, as the early row). */
const liveRows = (page: Page, refs: string[]): Promise<string[][]> =>
  page.evaluate(
    (wanted) =>
      wanted.map((ref) => {
        const row = document.querySelector(`[data-ref="${ref}"]`);
        if (!row) return [];
        return [...row.querySelectorAll('[role="gridcell"]')].map((cell) => (cell.textContent ?? '').trim());
      }),
    refs,
  );

it('paints the queue’s first rows before the bundle runs, with the words the grid then shows', async () => {
  const early = await open(`/tab/?devUser=${USERS.desk}`, { bundle: false });
  await early.page.locator('[data-early-ref]').first().waitFor();
  const rows = await earlyRows(early.page);
  // The seeded desk's 11 cases fit in a 900 px high window (a row is 44 px).
  expect(rows).toHaveLength(11);
  expect(rows[0]).toHaveLength(9);
  // A picture while the app loads: announced as loading, not reachable by keyboard or pointer.
  expect(await early.page.getByRole('status').innerText()).toBe('Laster …');
  expect(await early.page.locator('[data-early-list] table').getAttribute('inert')).toBe('');
  expect(await axeViolations(early.page)).toEqual([]);
  await early.page.screenshot({ path: join(SHOTS, 'early-list-desktop.png') });
  await early.page.context().close();

  const live = await open(`/tab/?devUser=${USERS.desk}`);
  await live.page.locator('[data-ref]').first().waitFor();
  const refs = rows.map((r) => r[0]);
  expect(await live.page.$$eval('[data-ref]', (r) => r.map((e) => e.getAttribute('data-ref')))).toEqual(refs);
  // Cell for cell the same words (the grid's countdown cells hold only the state and time).
  expect(await liveRows(live.page, refs)).toEqual(rows);
  // React's first commit replaced the picture; the boot script's requests were the app's.
  expect(await live.page.locator('[data-early-list]').count()).toBe(0);
  expect(live.api.filter((p) => p === '/api/me')).toHaveLength(1);
  expect(live.api.filter((p) => p.startsWith('/api/cases?'))).toHaveLength(1);
  await live.page.context().close();
});

it.each([
  ['a filter in the address', `/tab/?devUser=${USERS.desk}&status=new`, 1440],
  ['another sort', `/tab/?devUser=${USERS.desk}&sort=newest`, 1440],
  ['a case in the address', `/tab/?devUser=${USERS.desk}&case=FV-2026-000001`, 1440],
  ['a phone-wide window (the list is cards)', `/tab/?devUser=${USERS.desk}`, 390],
  ['a board member, whose start page is the report', `/tab/?devUser=${USERS.reader}`, 1440],
])('paints nothing early with %s', async (_what, path, width) => {
  const { page, api } = await open(path, { width, bundle: false });
  // The boot script has had its answers (and would have painted by then).
  for (let i = 0; i < 200 && !api.includes('/api/me'); i++) await page.waitForTimeout(25);
  expect(api).toContain('/api/me');
  await page.waitForLoadState('networkidle');
  expect(await page.locator('#root').evaluate((r) => r.childElementCount)).toBe(0);
  await page.context().close();
});

async function openInTeams(bundle: boolean, answers?: Record<string, unknown[]>): Promise<Opened> {
  const token = await srv.token({ oid: USERS.desk, name: 'Ola Servicesenter' });
  const opened = await open('/teams-host.html', {
    width: 1400,
    height: 860,
    bundle,
    routes: (page) =>
      page.route(`${srv.url}/teams-host.html`, (route) =>
        route.fulfill({
          contentType: 'text/html',
          body: teamsHostPage({
            src: '/tab/',
            width: 1400,
            height: 860,
            frameContext: 'content',
            context: {
              locale: 'en-us',
              theme: 'dark',
              hostClientType: 'web',
              entityId: 'cases',
              userObjectId: USERS.desk,
              tid: 'tenant',
            },
            token,
            ...(answers ? { answers } : {}),
          }),
        }),
      ),
  });
  return opened;
}

it('inside Teams: signs in with teams-js’s token before the bundle runs, in the host’s theme and locale', async () => {
  const early = await openInTeams(false);
  const frame = early.page.frameLocator('#tab');
  await frame.locator('[data-early-ref]').first().waitFor();
  // The host's locale (en-us) and theme (dark).
  expect(await frame.locator('[data-early-list] th').first().innerText()).toBe('Ref.');
  expect(await frame.getByRole('status').innerText()).toBe('Loading …');
  const background = await frame
    .locator('[data-early-list]')
    .evaluate((e) => getComputedStyle(e).backgroundColor);
  expect(background).toBe('rgb(31, 31, 31)');
  expect(early.api).toEqual(expect.arrayContaining(['/api/me', '/api/cases?limit=100']));
  await early.page.screenshot({ path: join(SHOTS, 'early-list-teams-dark.png') });
  await early.page.context().close();

  const live = await openInTeams(true);
  const app = live.page.frameLocator('#tab');
  await app.locator('[data-ref]').first().waitFor();
  expect(await app.locator('[data-early-list]').count()).toBe(0);
  // The bundle took the boot script's sign-in over: the host was asked for one token before the list,
  // and the list's first requests went once.
  expect(live.api.filter((p) => p === '/api/me')).toHaveLength(1);
  expect(live.api.filter((p) => p.startsWith('/api/cases?'))).toHaveLength(1);
  const calls = await live.page.evaluate(
    () => (window as unknown as { calls: Array<{ func: string }> }).calls,
  );
  expect(calls.filter((c) => c.func === 'initialize')).toHaveLength(1);
  await live.page.context().close();
});

it('inside Teams: a refused token paints nothing early, and the app says what went wrong as before', async () => {
  const { page, api } = await openInTeams(true, {
    'authentication.getAuthToken': [false, 'resourceDisabled'],
  });
  const frame = page.frameLocator('#tab');
  await frame.getByText('Something went wrong').waitFor();
  expect(await frame.getByText('resourceDisabled').count()).toBe(1);
  expect(await frame.locator('[data-early-list]').count()).toBe(0);
  expect(api.filter((p) => p.startsWith('/api/'))).toEqual([]);
  await page.context().close();
});
