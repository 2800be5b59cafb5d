/**
 * The tab in headless Chromium against a real server: the tab API routes and the production bundle
 * (built here, so a clean clone needs no prior build), the embedded SQLite store in a temp dir, the
 * seeded fixture. The browser's clock is Playwright's (`page.clock`), set to the server's `now`.
 * Screenshots go to .screenshots/tab/ (untracked; `npm run screenshots` copies them to docs/tab/).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { Notice } from '../../shared/notices/model';
import { EXPECTED } from '../../shared/reports/test-support/fixture';
import { noticeVersion } from '../common/api-types';
import { screenshotDir } from '../../scripts/headless';
import { axeViolations, type TestBrowser } from '../test-support/browser';
import { INJECTION_TITLE, seedStore, USERS } from '../test-support/seed';
import type { TestServer } from '../test-support/server';
import { startBrowserWorld, type BrowserWorld } from '../test-support/world';

const NOW = new Date('2026-03-20T12:00:00Z'); // Friday 13:00 in Oslo
const SHOTS = screenshotDir('tab');

let world: BrowserWorld;
let srv: TestServer;
let tb: TestBrowser;
const dialogs: string[] = [];

beforeAll(async () => {
  world = await startBrowserWorld({ now: NOW, seed: (s) => seedStore(s) });
  ({ srv, tb } = world);
}, 120_000);

afterAll(() => world?.close());

async function open(
  path: string,
  options: {
    width?: number;
    height?: number;
    locale?: string;
    time?: Date;
    /**
     * The live stream of case changes is held open without an answer, so the page keeps what it
     * read (as on a connection whose stream is slow): a test of a stale page's conflict is not raced
     * by the live refresh.
     */
    holdLiveStream?: boolean;
    /** Run in the page before its own scripts (Playwright's `addInitScript`). */
    initScript?: () => void;
  } = {},
): Promise<Page> {
  const context = await tb.browser.newContext({
    viewport: { width: options.width ?? 1440, height: options.height ?? 800 },
    timezoneId: 'Europe/Oslo',
    locale: options.locale ?? 'nb-NO',
    acceptDownloads: true,
  });
  const page = await context.newPage();
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  if (options.holdLiveStream) await page.route('**/api/cases/events*', () => undefined);
  if (options.initScript) await page.addInitScript(options.initScript);
  await page.clock.install({ time: options.time ?? NOW });
  await page.goto(`${srv.url}/tab/${path}`);
  return page;
}

/** No WCAG 2.1 A/AA violation on the page as it is now. */
async function expectAccessible(page: Page): Promise<void> {
  expect(await axeViolations(page)).toEqual([]);
}

/** No two of `boxes` (page rectangles) meet: said with the viewport `width` when they do. */
function expectApart(width: number, boxes: Box[]): void {
  for (const [i, a] of boxes.entries())
    for (const b of boxes.slice(i + 1)) {
      const apart =
        a.right <= b.left + 0.5 ||
        b.right <= a.left + 0.5 ||
        a.bottom <= b.top + 0.5 ||
        b.bottom <= a.top + 0.5;
      expect({ width, apart }).toEqual({ width, apart: true });
    }
}

interface Box {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/** The page scrolls no wider than the viewport. */
async function expectNoHorizontalOverflow(page: Page): Promise<void> {
  const wide = await page.evaluate(() => {
    const inner = window.innerWidth;
    if (document.documentElement.scrollWidth <= inner) return [];
    // Name the widest offenders, so a failure says what overflows.
    return [...document.querySelectorAll('body *')]
      .filter((e) => e.getBoundingClientRect().right > inner + 1)
      .slice(0, 5)
      .map(
        (e) =>
          `${e.tagName} ${e.getAttribute('data-testid') ?? ''} ${Math.round(e.getBoundingClientRect().right)}`,
      );
  });
  expect(wide).toEqual([]);
}

const row = (page: Page, ref: string) => page.locator(`[data-ref="${ref}"]`);

describe('Utviklingsinnlogging (the development sign-in)', () => {
  it('lists people by name with what they are, and signs in with "Logg inn som …"', async () => {
    const page = await open('');
    await page.getByTestId('dev-signin').waitFor();
    const people = await page.getByTestId('dev-users').innerText();
    expect(people).toContain('Ola Servicesenter – servicesenter: ROR-IKT Kundeservice');
    expect(people).toContain('Siri Superbruker – superbruker i Molde kommune');
    expect(people).toContain('Liv Porteføljeråd – leser SLA-rapporter');
    expect(people).toContain('Kari Nordmann – ansatt');
    expect(people).not.toMatch(/u-desk-1|u-leder/);
    expect(await page.getByTestId('dev-signin-button').isDisabled()).toBe(true);
    await page.getByLabel('Ola Servicesenter – servicesenter: ROR-IKT Kundeservice').check();
    expect(await page.getByTestId('dev-signin-button').innerText()).toBe('Logg inn som Ola Servicesenter');
    await expectAccessible(page);
    await page.screenshot({ path: join(SHOTS, 'dev-signin.png') });
    await page.getByTestId('dev-signin-button').click();
    await page.getByTestId('dev-banner').waitFor();
    expect(await page.getByTestId('dev-banner').innerText()).toContain('Ola Servicesenter');
    await page.context().close();
  });
});

describe('Saker (the case list)', () => {
  it('renders the seeded queue with the development sign-in banner', async () => {
    const page = await open(`?devUser=${USERS.desk}`);
    await row(page, 'FV-2026-000011').waitFor();
    await page.getByTestId('dev-banner').waitFor();
    expect(await page.getByTestId('dev-banner').innerText()).toContain('Utviklingsinnlogging');
    expect(await page.getByTestId('summary').innerText()).toBe('11 av 11 saker');
    // Nearest deadline first: the grid's first row is the earliest nextDueAt.
    const api = (await (
      await fetch(`${srv.url}/api/cases`, { headers: { 'X-Fristvakt-Dev-User': USERS.desk } })
    ).json()) as { items: Array<{ ref: string }> };
    const shown = await page
      .locator('[data-ref]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-ref')));
    expect(shown).toEqual(api.items.map((r) => r.ref));
    await page.screenshot({ path: join(SHOTS, 'cases-light.png') });
    await page.context().close();
  });

  it('shows its rows once, at their measured column widths (no cell is resized, no row mounted again)', async () => {
    // The grid measures its box in its first commit; rows rendered before that would be sized again.
    // A row renderer that is a new function on each render of the grid makes every row shown a new
    // component, unmounted and mounted again (as the grid takes its height, before the first paint).
    const page = await open(`?devUser=${USERS.desk}`, {
      initScript: () => {
        const w = window as unknown as { cellsResized: number; rowsRemoved: number };
        w.cellsResized = 0;
        w.rowsRemoved = 0;
        new MutationObserver((records) => {
          for (const r of records) {
            if (r.type === 'attributes' && (r.target as Element).closest('[data-ref]')) w.cellsResized += 1;
            for (const n of r.removedNodes)
              if (n instanceof Element && (n.matches('[data-ref]') || n.querySelector('[data-ref]')))
                w.rowsRemoved += 1;
          }
        }).observe(document, {
          subtree: true,
          childList: true,
          attributes: true,
          attributeFilter: ['style'],
        });
      },
    });
    await row(page, 'FV-2026-000011').waitFor();
    await page.getByText('11 av 11 saker').waitFor();
    // Two frames later: any resize of the first render has been recorded by now.
    await page.evaluate(
      () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))),
    );
    expect(await page.evaluate(() => (window as unknown as { cellsResized: number }).cellsResized)).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { rowsRemoved: number }).rowsRemoved)).toBe(0);
    expect(await row(page, 'FV-2026-000011').locator('[role="gridcell"]').count()).toBe(9);
    await page.context().close();
  });

  it('on a later visit asks the server for the page alone, its scripts from the browser cache', async () => {
    // Every script the page loads is named by its content hash and cached for good; only the page is
    // revalidated. A script asked again (even answered 304) holds back every module until it is back.
    const page = await open(`?devUser=${USERS.desk}`);
    await row(page, 'FV-2026-000011').waitFor();
    await page.getByText('11 av 11 saker').waitFor();
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Network.enable');
    const fromServer: string[] = [];
    const fromCache: string[] = [];
    const cached = new Set<string>();
    cdp.on('Network.requestServedFromCache', (e) => cached.add(e.requestId));
    cdp.on('Network.responseReceived', (e) => {
      const path = new URL(e.response.url).pathname;
      if (!path.startsWith('/tab/')) return;
      const hit = cached.has(e.requestId) || e.response.fromDiskCache || e.response.fromPrefetchCache;
      (hit ? fromCache : fromServer).push(path);
    });
    await page.goto('about:blank');
    await page.goto(`${srv.url}/tab/?devUser=${USERS.desk}`);
    await row(page, 'FV-2026-000011').waitFor();
    await page.getByText('11 av 11 saker').waitFor();
    expect(fromServer).toEqual(['/tab/']);
    expect(fromCache.some((p) => /^\/tab\/chunks\/main-[A-Z0-9]{8}\.js$/.test(p))).toBe(true);
    await page.context().close();
  });

  it('shows an injection title as text', async () => {
    const page = await open(`?devUser=${USERS.desk}`);
    const title = row(page, 'FV-2026-000011').getByTestId('case-title');
    await title.waitFor();
    expect(await title.innerText()).toBe(INJECTION_TITLE);
    expect(await page.locator('img[src="x"]').count()).toBe(0);
    expect(dialogs).toEqual([]);
    await page.context().close();
  });

  it('ticks the countdowns as time passes', async () => {
    const page = await open(`?devUser=${USERS.desk}`);
    const cell = row(page, 'FV-2026-000010').getByTestId('sla-resolution');
    await cell.waitFor();
    const before = await cell.innerText();
    expect(await cell.getAttribute('data-sla-state')).toBe('at_risk');
    await page.clock.fastForward('10:00');
    await page.waitForFunction(([sel, text]) => document.querySelector(sel)?.textContent !== text, [
      `[data-ref="FV-2026-000010"] [data-testid="sla-resolution"]`,
      before,
    ] as const);
    const after = await cell.innerText();
    expect(after).not.toBe(before);
    expect(before).toMatch(/^I fare · /);
    await page.context().close();
  });

  it('filters by search, priority and status, and keeps the filters in the URL', async () => {
    const page = await open(`?devUser=${USERS.desk}`);
    await row(page, 'FV-2026-000011').waitFor();
    await page.getByTestId('search').fill('aukra');
    await page.waitForFunction(() => document.querySelectorAll('[data-ref]').length === 1);
    expect(await page.locator('[data-ref]').getAttribute('data-ref')).toBe('FV-2026-000010');
    await page.waitForFunction(() => window.location.search.includes('q=aukra'));
    await page.getByTestId('search').fill('');
    await page.waitForFunction(() => document.querySelectorAll('[data-ref]').length === 11);

    await page.getByTestId('filter-priority').click();
    await page.getByRole('menuitemcheckbox', { name: 'Lav', exact: true }).click();
    await page.getByRole('menuitemcheckbox', { name: 'Middels', exact: true }).click();
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => document.querySelectorAll('[data-ref]').length === 3);
    const refs = await page
      .locator('[data-ref]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-ref')).sort());
    expect(refs).toEqual(['FV-2026-000003', 'FV-2026-000005', 'FV-2026-000010']);
    expect(new URL(page.url()).searchParams.get('priority')).toBe('lav,middels');
    // The cleared search is written to the URL after a pause; that write must keep the filters chosen meanwhile.
    await page.waitForFunction(() => !new URL(window.location.href).searchParams.has('q'));
    expect(new URL(page.url()).searchParams.get('priority')).toBe('lav,middels');
    expect(await page.locator('[data-ref]').count()).toBe(3);

    await page.getByTestId('filter-status').click();
    await page.getByRole('menuitemcheckbox', { name: 'Ny', exact: true }).click();
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => document.querySelectorAll('[data-ref]').length === 2);
    await page.screenshot({ path: join(SHOTS, 'cases-filtered.png') });

    // A link shows the same view.
    await page.reload();
    await page.waitForFunction(() => document.querySelectorAll('[data-ref]').length === 2);
    expect(await page.getByTestId('summary').innerText()).toBe('2 av 11 saker');
    await page.context().close();
  });

  it.each([
    ['dark', 'cases-dark.png'],
    ['contrast', 'cases-contrast.png'],
  ])('renders the %s theme', async (theme, file) => {
    const page = await open(`?devUser=${USERS.desk}&theme=${theme}`);
    await row(page, 'FV-2026-000011').waitFor();
    const colours = await page.evaluate(() => {
      const root = document.querySelector('[data-testid="app-root"]')!;
      const text = document.querySelector('[data-ref] [data-testid="case-title"]')!;
      return [getComputedStyle(root).backgroundColor, getComputedStyle(text).color];
    });
    const [bg, fg] = colours.map((c) => c.match(/\d+/g)!.slice(0, 3).map(Number));
    // A dark background with light text: the Teams dark and high-contrast themes.
    expect(Math.max(...bg)).toBeLessThan(80);
    expect(Math.min(...fg)).toBeGreaterThan(180);
    await page.screenshot({ path: join(SHOTS, file) });
    await page.context().close();
  });

  it('has no WCAG 2.1 AA violations', async () => {
    const page = await open(`?devUser=${USERS.desk}`);
    await row(page, 'FV-2026-000011').waitFor();
    await expectAccessible(page);
    await page.context().close();
  });

  it('says the clocks are business time, and that they stand while the desk is closed', async () => {
    // Friday 18:14 in Oslo: ROR-IKT (08:00–15:30) opens again on Monday.
    const evening = new Date('2026-03-20T17:14:00Z');
    const page = await open(`?devUser=${USERS.desk}`, { time: evening });
    const cell = row(page, 'FV-2026-000010').getByTestId('sla-resolution');
    await cell.waitFor();
    expect(await cell.innerText()).toMatch(/^I fare · .* arbeidstid igjen$/);
    expect(await cell.getAttribute('title')).toContain('klokken står – starter mandag kl. 08:00');
    expect(await page.getByTestId('closed-desks').innerText()).toContain(
      'ROR-IKT Kundeservice er stengt nå: fristene i arbeidstid står stille og starter igjen mandag kl. 08:00.',
    );
    // Breached clocks say how late, never with a minus sign.
    const late = await row(page, 'FV-2026-000005').getByTestId('sla-response').innerText();
    expect(late).toMatch(/^Brutt · .* arbeidstid over fristen$/);
    expect(await page.locator('[data-ref]').allInnerTexts()).not.toContainEqual(expect.stringMatching(/−/));
    await page.screenshot({ path: join(SHOTS, 'cases-closed.png') });
    await page.context().close();
  });

  it('is a card per case at 375 px, with the reference, title and both countdowns', async () => {
    const page = await open(`?devUser=${USERS.desk}`, { width: 375, height: 800 });
    await page.getByTestId('case-cards').waitFor();
    const card = row(page, 'FV-2026-000010');
    expect(await card.innerText()).toContain('FV-2026-000010');
    expect(await card.getByTestId('case-title').innerText()).toBe('Aukra: Skanner virker ikke');
    expect(await card.getByTestId('sla-response').innerText()).toMatch(/^Brutt · /);
    expect(await card.getByTestId('sla-resolution').innerText()).toMatch(/^I fare · .* arbeidstid igjen/);
    expect(await page.locator('[data-ref]').count()).toBe(11);
    // The filters fold away behind one button; the search stays.
    expect(await page.getByTestId('filter-status').count()).toBe(0);
    await page.getByTestId('filters-toggle').click();
    await page.getByTestId('filter-status').waitFor();
    await page.getByTestId('filters-toggle').click();
    await expectNoHorizontalOverflow(page);
    await expectAccessible(page);
    await page.screenshot({ path: join(SHOTS, 'cases-375.png') });
    await card.getByRole('link', { name: 'FV-2026-000010' }).click();
    await page.getByTestId('case-detail').waitFor();
    await expectNoHorizontalOverflow(page);
    await page.screenshot({ path: join(SHOTS, 'case-375.png'), fullPage: true });
    await page.context().close();
  });

  it('keeps each filter inside its own box at every width from 320 to 1920 px', async () => {
    // A native select is as wide as its longest option ("Venter på godkjenning") unless told to fill
    // its field: it then ran over the next field.
    const page = await open(`?devUser=${USERS.desk}`, { width: 1440 });
    await row(page, 'FV-2026-000011').waitFor();
    for (const width of [320, 375, 480, 768, 900, 1024, 1280, 1440, 1920]) {
      await page.setViewportSize({ width, height: 900 });
      // Narrower than 640 px the filters fold away behind a button (once the list has seen its width).
      const toggle = page.getByTestId('filters-toggle');
      if (width < 640) {
        await toggle.waitFor();
        if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
      } else await toggle.waitFor({ state: 'detached' });
      await page.getByTestId('filter-kind').waitFor();
      const boxes = await page.evaluate(() =>
        // Each field with everything drawn inside it: its label, its control and the control's parts.
        [...document.querySelector('[data-testid="case-filters"]')!.children].map((field) => {
          // Only what is drawn: an element with an area inside boxes with an area (not a select's
          // options, nor the search box's clear button folded to no height while the box is empty).
          const drawn = (e: Element): boolean => {
            const r = e.getBoundingClientRect();
            return r.width > 0 && r.height > 0 && (e === field || drawn(e.parentElement!));
          };
          const rects = [field, ...field.querySelectorAll('*')]
            .filter(drawn)
            .map((e) => e.getBoundingClientRect());
          return {
            left: Math.min(...rects.map((r) => r.left)),
            right: Math.max(...rects.map((r) => r.right)),
            top: Math.min(...rects.map((r) => r.top)),
            bottom: Math.max(...rects.map((r) => r.bottom)),
          };
        }),
      );
      expect(boxes.length).toBeGreaterThanOrEqual(8);
      expectApart(width, boxes);
      await expectNoHorizontalOverflow(page);
    }
    await page.context().close();
  });

  it('speaks English with ?lang=en', async () => {
    const page = await open(`?devUser=${USERS.desk}&lang=en`);
    await row(page, 'FV-2026-000011').waitFor();
    expect(await page.getByTestId('summary').innerText()).toBe('11 of 11 cases');
    expect(await page.getByRole('tab', { name: 'Cases' }).count()).toBe(1);
    await page.context().close();
  });
});

describe('Sak (the case detail)', () => {
  it('shows the checklist, screenshot, timeline and clocks, and claims the case', async () => {
    const page = await open(`?devUser=${USERS.desk}`, { height: 1300 });
    await row(page, 'FV-2026-000011').locator('a').click();
    await page.getByTestId('case-detail').waitFor();
    expect(await page.getByTestId('detail-title').innerText()).toBe(INJECTION_TITLE);
    expect(new URL(page.url()).searchParams.get('case')).toBe('FV-2026-000011');
    expect(await page.getByTestId('clock-response').innerText()).toContain('Brutt');
    expect(await page.getByTestId('detail-status').innerText()).toBe('Ny');
    await page.getByRole('button', { name: 'Ta saken' }).click();
    await page.waitForFunction(
      () => document.querySelector('[data-testid="detail-status"]')?.textContent === 'Under arbeid',
    );
    expect(await page.getByTestId('detail-assignee').innerText()).toBe('Ola Servicesenter');
    expect(await page.getByTestId('timeline').innerText()).toContain('Ola Servicesenter tok saken');
    await page.screenshot({ path: join(SHOTS, 'case-detail.png') });
    expect(await page.getByRole('button', { name: 'Ta saken' }).isDisabled()).toBe(true);
    await page.context().close();
  });

  it('shows a paused clock’s moving deadline, and has no WCAG 2.1 AA violations', async () => {
    const page = await open(`?devUser=${USERS.desk}&case=FV-2026-000006`, { height: 1300 });
    await page.getByTestId('case-detail').waitFor();
    expect(await page.getByTestId('clock-resolution').innerText()).toContain(
      'frist flyttes når saken fortsetter',
    );
    await expectAccessible(page);
    await page.context().close();
  });

  it('shows who changed the case when an action meets a newer version (409)', async () => {
    const page = await open(`?devUser=${USERS.desk}&case=FV-2026-000010`, { holdLiveStream: true });
    await page.getByTestId('case-detail').waitFor();
    // Someone else claims it meanwhile, through the API.
    const before = (await (
      await fetch(`${srv.url}/api/cases/FV-2026-000010`, {
        headers: { 'X-Fristvakt-Dev-User': USERS.superAukra },
      })
    ).json()) as { version: string };
    const res = await fetch(`${srv.url}/api/cases/FV-2026-000010/actions`, {
      method: 'POST',
      headers: { 'X-Fristvakt-Dev-User': USERS.superAukra, 'Content-Type': 'application/json' },
      body: JSON.stringify({ action: 'claim', version: before.version }),
    });
    expect(res.status).toBe(200);
    await page.getByRole('button', { name: 'Ta saken' }).click();
    await page.getByTestId('conflict').waitFor();
    expect(await page.getByTestId('conflict').innerText()).toContain('Anders Superbruker');
    expect(await page.getByTestId('detail-assignee').innerText()).toBe('Anders Superbruker');
    await page.screenshot({ path: join(SHOTS, 'case-conflict.png') });
    await page.context().close();
  });

  it('streams the screenshot through the API', async () => {
    const page = await open(`?devUser=${USERS.employee}&case=FV-2026-000001`);
    const img = page.getByTestId('screenshot');
    await img.waitFor();
    expect(await img.evaluate((el) => (el as HTMLImageElement).naturalWidth)).toBe(1);
    expect(await page.getByTestId('actions').count()).toBe(0);
    await page.context().close();
  });
});

describe('SLA-rapport (the dashboard)', () => {
  const pct = (x: number, digits = 1) =>
    new Intl.NumberFormat('nb-NO', {
      style: 'percent',
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    }).format(x);

  it('shows the figures of the hand-computed fixture, with charts loaded lazily', async () => {
    // A desk member starts on Saker; the browser speaks en-US, yet the dates are Norwegian.
    const page = await open(`?devUser=${USERS.desk}`, { height: 1800, locale: 'en-US' });
    const chunks: string[] = [];
    page.on('request', (r) => chunks.push(r.url()));
    await page.getByTestId('app-root').waitFor();
    expect(chunks.some((u) => /ReportView-/.test(u))).toBe(false);
    await page.getByRole('tab', { name: 'SLA-rapport' }).click();
    await page.getByTestId('report').waitFor();
    expect(chunks.some((u) => /ReportView-/.test(u))).toBe(true);
    expect(await page.getByTestId('report-from').inputValue()).toBe('01.03.2026');
    expect(await page.getByTestId('report-to').inputValue()).toBe('20.03.2026');
    await page.getByTestId('report-from').fill('2.3.2026');
    await page.getByTestId('report-to').fill('31.02.2026');
    await page.getByText('Skriv datoen som dd.mm.åååå, f.eks. 02.03.2026').waitFor();
    expect(await page.getByTestId('report-apply').isDisabled()).toBe(true);
    await page.getByTestId('report-to').fill('15.03.2026');
    await page.getByTestId('report-desk').selectOption('ror-ikt');
    await page.getByTestId('report-apply').click();
    await page.waitForFunction(
      () => document.querySelector('[data-testid="kpi-cases"]')?.textContent === '7',
    );
    expect(new URL(page.url()).searchParams.get('from')).toBe('2026-03-02');
    expect(await page.getByTestId('kpi-cases').innerText()).toBe(String(EXPECTED.cases));
    expect(await page.getByTestId('kpi-response').innerText()).toBe(pct(EXPECTED.response.shareMet));
    expect(await page.getByTestId('kpi-resolution').innerText()).toBe(pct(EXPECTED.resolution.shareMet));
    expect(await page.getByTestId('kpi-open').innerText()).toBe(String(EXPECTED.openCases));
    const priorities = await page.getByTestId('report-priorities').innerText();
    expect(priorities).toContain('20 min'); // median response
    expect(priorities).toContain('8 t 30 min'); // p90 resolution: 510 minutes
    const breaches = await page.getByTestId('report-breaches').locator('tbody tr').allInnerTexts();
    expect(breaches.map((b) => b.split('\t')[0].trim())).toEqual(EXPECTED.breaches.map((b) => b.ref));
    expect(breaches[1]).toContain('Kundeservice var på befaring');
    // The SLA version column, as in the CSV: every fixture case ran under version 1.
    expect(await page.getByTestId('breach-sla-version').allInnerTexts()).toEqual(
      EXPECTED.breaches.map(() => '1'),
    );
    expect(breaches[2]).toContain('Saken ventet på 3. linje.');
    const agresso = await page.locator('[data-service="agresso"]').innerText();
    expect(agresso).toContain(pct(EXPECTED.uptime.agresso.uptime, 2));
    expect(agresso).toContain('Under målet');
    // Each outage with its source: here three driftsmeldinger (cases count too, see shared/reports/uptime.ts).
    expect(
      await page
        .locator('[data-service="agresso"] [data-source]')
        .evaluateAll((els) => els.map((e) => e.getAttribute('data-source'))),
    ).toEqual(['notice', 'notice', 'notice']);
    expect(agresso).toContain('Driftsmelding: Driftsmelding n-1');
    expect(await page.locator('[data-service="visma"]').innerText()).toContain('Målet nådd');
    expect(await page.getByTestId('report-charts').locator('svg').count()).toBeGreaterThanOrEqual(3);
    // Weeks by their Norwegian name; late written as the case list writes it, in business time.
    expect(await page.getByTestId('report-weeks').innerText()).toBe('uke 10: 4 · uke 11: 3');
    expect(breaches[3]).toContain('2 d 5 t arbeidstid'); // FV-2026-000005: 1 200 business minutes late
    expect(await page.getByTestId('report-from').inputValue()).toBe('02.03.2026');
    await expectAccessible(page);
    await page.screenshot({ path: join(SHOTS, 'report.png'), fullPage: true });

    // CSV export: a download with a BOM and Norwegian letters.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('report-csv').click(),
    ]);
    expect(download.suggestedFilename()).toBe('sla-rapport-2026-03-02-2026-03-15.csv');
    const bytes = readFileSync((await download.path())!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8');
    expect(text).toContain('Journalsystem nede – æøå');
    expect(text).toContain('Løsningstid');
    // People's words, no internal ids: weeks and priorities by name.
    expect(text).toContain('uke 10;4');
    expect(text).toContain(';Høy;');
    expect(text).not.toMatch(/;(hoy|middels|lav|kritisk);/);
    expect(text).not.toMatch(/\d{4}-W\d{2}/);
    await page.context().close();
  });

  it('is where a board member lands, and Saker is one click away', async () => {
    const page = await open(`?devUser=${USERS.reader}`);
    await page.getByTestId('report').waitFor();
    expect(await page.getByRole('tab', { name: 'SLA-rapport', selected: true }).count()).toBe(1);
    await page.getByRole('tab', { name: 'Saker' }).click();
    await page.getByTestId('summary').waitFor();
    expect(new URL(page.url()).searchParams.get('page')).toBe('cases');
    await page.context().close();
  });

  it('wraps its filters without overlap at every width from 320 to 1920 px', async () => {
    const page = await open(
      `?devUser=${USERS.reader}&page=report&from=2026-03-02&to=2026-03-15&desk=ror-ikt`,
      {
        width: 320,
      },
    );
    await page.getByTestId('kpi-cases').waitFor();
    for (const width of [320, 360, 375, 400, 480, 600, 768, 900, 1024, 1280, 1440, 1680, 1920]) {
      await page.setViewportSize({ width, height: 900 });
      const boxes = await page.evaluate(() => {
        const container = document.querySelector('[data-testid="report-filters"]')!;
        const items = [...container.children].flatMap((c) =>
          c.getAttribute('data-testid') === 'report-buttons' ? [...c.children] : [c],
        );
        return {
          right: container.getBoundingClientRect().right,
          items: items.map((e) => {
            const r = e.getBoundingClientRect();
            return { left: r.left, right: r.right, top: r.top, bottom: r.bottom };
          }),
        };
      });
      expect(boxes.items.length).toBe(7); // from, to, desk, service, virksomhet, Vis, CSV
      for (const a of boxes.items) expect(a.right).toBeLessThanOrEqual(boxes.right + 0.5);
      expectApart(width, boxes.items);
      await expectNoHorizontalOverflow(page);
      if (width === 375) await page.screenshot({ path: join(SHOTS, 'report-375.png'), fullPage: true });
    }
    await page.context().close();
  });
});

describe('Driftsmeldinger', () => {
  it('lists active notices and lets a desk member publish one', async () => {
    // The browser speaks en-US; the date and time fields are Norwegian all the same.
    const page = await open(`?devUser=${USERS.desk}&page=notices`, { height: 1100, locale: 'en-US' });
    await page.getByTestId('notices-active').waitFor();
    expect(await page.getByTestId('notices-active').innerText()).toContain('Driftsmelding n-4');
    expect(await page.getByTestId('notice-start-date').inputValue()).toBe('20.03.2026');
    expect(await page.getByTestId('notice-start-time').inputValue()).toBe('13:00');
    await page.getByTestId('notice-title').fill('Visma lønn er nede');
    await page.getByTestId('notice-text').fill('Lønnskjøringen stopper. Vi jobber med saken – æøå.');
    await page.getByLabel('Visma lønn').check();
    await page.getByTestId('notice-end-date').fill('20.03.2026');
    expect(await page.getByTestId('notice-submit').isDisabled()).toBe(true); // a date without a time
    await page.getByTestId('notice-end-time').fill('1630');
    await page.getByTestId('notice-submit').click();
    await page.waitForFunction(() =>
      document.querySelector('[data-testid="notices-active"]')?.textContent?.includes('Visma lønn er nede'),
    );
    const published = page.locator('[data-testid="notice"]', { hasText: 'Visma lønn er nede' });
    expect(await published.innerText()).toContain('til 20.03.2026, 16:30');
    expect(await published.getByTestId('notice-by').innerText()).toBe('Publisert av Ola Servicesenter');
    await expectAccessible(page);
    await page.screenshot({ path: join(SHOTS, 'notices.png'), fullPage: true });
    await page.context().close();
  });

  it('lets a desk member update a notice and end it ("Løst") from the tab', async () => {
    const page = await open(`?devUser=${USERS.desk}&page=notices`, { height: 1100 });
    const n4 = page.locator('[data-notice="n-4"]');
    await n4.waitFor();
    await n4.getByTestId('notice-update').click();
    await n4.getByTestId('notice-update-text').fill('Leverandøren feilsøker. Ny melding kl. 15.');
    await n4.getByTestId('notice-update-end-date').fill('20.03.2026');
    await n4.getByTestId('notice-update-end-time').fill('15:30');
    await page.screenshot({ path: join(SHOTS, 'notice-update.png'), fullPage: true });
    await n4.getByTestId('notice-update-save').click();
    await page.waitForFunction(() =>
      document.querySelector('[data-notice="n-4"]')?.textContent?.includes('Leverandøren feilsøker.'),
    );
    expect(await page.locator('[data-notice="n-4"]').innerText()).toContain('til 20.03.2026, 15:30');
    // Someone else changes it meanwhile: the stale "Løst" is refused and the list shows the change.
    const current = (
      (await (
        await fetch(`${srv.url}/api/notices`, { headers: { 'X-Fristvakt-Dev-User': USERS.desk } })
      ).json()) as { active: Notice[] }
    ).active.find((n) => n.id === 'n-4')!;
    await page.locator('[data-notice="n-4"]').getByTestId('notice-resolve').click();
    const other = await fetch(`${srv.url}/api/notices/n-4/update`, {
      method: 'POST',
      headers: { 'X-Fristvakt-Dev-User': USERS.desk, 'Content-Type': 'application/json' },
      body: JSON.stringify({
        deskId: 'ror-ikt',
        version: noticeVersion(current),
        text: 'Oppdatert i kanalen.',
      }),
    });
    expect(other.status).toBe(200);
    await page.locator('[data-notice="n-4"]').getByTestId('notice-resolve-save').click();
    await page.getByText('Driftsmeldingen ble endret av noen andre i mellomtiden.').waitFor();
    await page.waitForFunction(() =>
      document.querySelector('[data-notice="n-4"]')?.textContent?.includes('Oppdatert i kanalen.'),
    );
    await page.locator('[data-notice="n-4"]').getByTestId('notice-resolve').click();
    await page
      .locator('[data-notice="n-4"]')
      .getByTestId('notice-resolve-text')
      .fill('Visma lønn virker igjen.');
    await page.locator('[data-notice="n-4"]').getByTestId('notice-resolve-save').click();
    await page.waitForFunction(() =>
      document
        .querySelector('[data-testid="notices-recent"]')
        ?.textContent?.includes('Visma lønn virker igjen.'),
    );
    expect(await page.getByTestId('notices-active').locator('[data-notice="n-4"]').count()).toBe(0);
    await page.context().close();
    // On a phone: one column, nothing wider than the screen.
    const phone = await open(`?devUser=${USERS.desk}&page=notices`, { width: 375, height: 1100 });
    await phone.getByTestId('notices-recent').waitFor();
    await expectNoHorizontalOverflow(phone);
    await phone.screenshot({ path: join(SHOTS, 'notices-375.png'), fullPage: true });
    await phone.context().close();
  });

  it('shows notices without the form to an employee', async () => {
    const page = await open(`?devUser=${USERS.employee}&page=notices`);
    await page.getByTestId('notices-active').waitFor();
    expect(await page.getByTestId('notice-form').count()).toBe(0);
    await page.context().close();
  });
});
