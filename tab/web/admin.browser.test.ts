/**
 * "Innstillinger" in headless Chromium against a real server (tab API routes, production bundle,
 * SQLite store): an administrator makes a new service and gives its desk a policy of its own (a new
 * version, checked by the preview), a desk lead of another desk gets 403, someone without a setup role
 * sees no "Innstillinger", and axe-core finds no WCAG 2.1 AA violation on the pages.
 * Screenshots go to .screenshots/tab/ (untracked).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { orgId, userId } from '../../shared/ids';
import { screenshotDir } from '../../scripts/headless';
import { buildTab } from '../build';
import { axeViolations, launchBrowser, type TestBrowser } from '../test-support/browser';
import { DIRECTORY, seedStore, USERS } from '../test-support/seed';
import { startTestServer, type TestServer } from '../test-support/server';

const NOW = new Date('2026-03-20T12:00:00Z'); // Friday 13:00 in Oslo
const SHOTS = screenshotDir('tab');
const ADMIN = 'u-admin';
const ROR_LEAD = 'u-ror-lead';

let dist: string;
let srv: TestServer;
let tb: TestBrowser;

beforeAll(async () => {
  dist = mkdtempSync(join(tmpdir(), 'fristvakt-admin-dist-'));
  await buildTab({ outDir: dist });
  srv = await startTestServer({
    now: NOW,
    devSignIn: true,
    distDir: dist,
    seed: (s) => seedStore(s),
    directory: {
      ...DIRECTORY,
      users: {
        ...DIRECTORY.users,
        [ADMIN]: { orgId: orgId('molde'), name: 'Ada Admin' },
        [ROR_LEAD]: { orgId: orgId('molde'), name: 'Lea Leder' },
      },
      admins: [userId(ADMIN)],
      deskLeads: { 'ror-ikt': [userId(ROR_LEAD)] },
    },
  });
  tb = await launchBrowser();
}, 120_000);

afterAll(async () => {
  await tb?.close();
  await srv?.close();
  rmSync(dist, { recursive: true, force: true });
});

async function open(path: string): Promise<Page> {
  const context = await tb.browser.newContext({
    viewport: { width: 1280, height: 900 },
    timezoneId: 'Europe/Oslo',
    locale: 'nb-NO',
  });
  const page = await context.newPage();
  await page.clock.install({ time: NOW });
  await page.goto(`${srv.url}/tab/${path}`);
  return page;
}

const asUser = (id: string, path: string) =>
  fetch(`${srv.url}${path}`, { headers: { 'X-Fristvakt-Dev-User': id } });

describe('Innstillinger', () => {
  it('lets an administrator make a new service and give its desk a policy of its own', async () => {
    const page = await open(`?devUser=${ADMIN}`);
    await page.getByRole('tab', { name: 'Innstillinger' }).click();
    await page.getByTestId('settings').waitFor();
    expect(await axeViolations(page)).toEqual([]);

    // A new service on UKE's desk.
    await page.getByRole('tab', { name: 'Tjenester' }).click();
    await page.getByTestId('service-form').waitFor();
    await page.getByTestId('service-id').fill('Fagsystem helse'); // not a valid id: the field says so
    await page.getByTestId('service-name').fill('Fagsystem helse');
    await page.getByTestId('service-desk').selectOption('uke');
    await page.getByTestId('service-criticality').selectOption('life_and_health');
    await page.getByTestId('service-save').click();
    await page.getByText('Id må være små bokstaver').waitFor();
    await page.getByTestId('service-id').fill('fagsystem-helse');
    await page.getByTestId('service-save').click();
    await page.locator('[data-service="fagsystem-helse"]').waitFor();
    expect(await page.locator('[data-service="fagsystem-helse"]').innerText()).toContain('Liv og helse');
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: join(SHOTS, 'settings-services.png'), fullPage: true });

    // UKE's policy: the first priority's response becomes a cut-off at 12:00; a bad time is refused at
    // the field, then saved as version 2 and previewed.
    await page.getByRole('tab', { name: 'SLA-policy' }).click();
    await page.getByTestId('policy-desk').selectOption('uke');
    await page.getByTestId('policy-versions').getByText('Versjon 1').waitFor();
    const first = page.locator('[data-policy-priority]').first();
    const priority = await first.getAttribute('data-policy-priority');
    await page.getByTestId(`${priority}-response-kind`).selectOption('cut_off');
    await page.getByTestId(`${priority}-response-value`).fill('25:00');
    await page.getByTestId('policy-save').click();
    await page.getByText('må være et klokkeslett TT:MM').waitFor();
    await page.getByTestId(`${priority}-response-value`).fill('12:00');
    await page.getByTestId('policy-shortened').fill('2026-12-24 08:00-12:00 Julaften');
    // The desk's own closed days from an iCalendar file, read in the browser.
    await page.getByTestId('policy-ics').setInputFiles({
      name: 'romjul.ics',
      mimeType: 'text/calendar',
      buffer: Buffer.from(
        [
          'BEGIN:VCALENDAR',
          'VERSION:2.0',
          'PRODID:-//Fristvakt test//NO',
          'BEGIN:VEVENT',
          'UID:romjul-1',
          'DTSTAMP:20260301T000000Z',
          'DTSTART;VALUE=DATE:20261228',
          'DTEND;VALUE=DATE:20261230',
          'SUMMARY:Romjul stengt',
          'END:VEVENT',
          'END:VCALENDAR',
          '',
        ].join('\r\n'),
      ),
    });
    await page.getByText('2026-12-29 Romjul stengt').waitFor();
    await page.getByTestId('policy-save').click();
    await page.getByTestId('policy-outcome').getByText('Lagret.').waitFor();
    expect(await page.getByTestId('policy-versions').innerText()).toMatch(
      /^Versjon 2 gjelder fra 20\.03\.2026/,
    );

    await page.getByTestId('preview-priority').selectOption(priority!);
    await page.getByTestId('preview-at').fill('2026-03-20T11:30');
    await page.getByTestId('preview-run').click();
    // Received Friday 11:30, before the 12:00 cut-off: due at that working day's closing.
    const preview = await page.getByTestId('preview-result').innerText();
    expect(preview).toContain('(20.03.2026, 11:30) får responsfrist 20.03.2026');
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: join(SHOTS, 'settings-policy.png'), fullPage: true });

    // The change log of the desk's policy names who saved it.
    await page.getByRole('tab', { name: 'Endringslogg' }).click();
    await page.getByTestId('audit-type').selectOption('policy');
    await page.getByTestId('audit-id').fill('uke');
    await page.getByTestId('audit-show').click();
    expect(await page.getByTestId('audit-table').innerText()).toContain('Ada Admin');
    expect(await axeViolations(page)).toEqual([]);

    // The store holds the new service and the new version.
    const stored = await srv.store.admin.policyVersions(
      (await srv.store.desks.list()).find((d) => d.id === 'uke')!.id,
    );
    expect(stored[0]!.priorities[0]!.response).toEqual({ kind: 'cut_off', before: '12:00' });
    expect(stored[0]!.calendar.closedDays).toEqual([
      { date: '2026-12-28', name: 'Romjul stengt' },
      { date: '2026-12-29', name: 'Romjul stengt' },
    ]);
    expect(stored[0]!.calendar.shortenedDays).toEqual([
      { date: '2026-12-24', periods: [{ from: '08:00', to: '12:00' }], name: 'Julaften' },
    ]);
    expect((await srv.store.desks.listServices()).map((s) => s.id)).toContain('fagsystem-helse');
    await page.context().close();
  }, 120_000);

  it('gives a desk lead their own desk only: another desk is 403, and services are not shown', async () => {
    expect((await asUser(ROR_LEAD, '/api/admin/desks/uke')).status).toBe(403);
    expect((await asUser(ROR_LEAD, '/api/admin/policies/uke')).status).toBe(403);
    expect((await asUser(ROR_LEAD, '/api/admin/services')).status).toBe(403);
    expect((await asUser(ROR_LEAD, '/api/admin/desks/ror-ikt')).status).toBe(200);

    const page = await open(`?devUser=${ROR_LEAD}`);
    await page.getByRole('tab', { name: 'Innstillinger' }).click();
    await page.getByTestId('desk-form').waitFor();
    expect(await page.getByTestId('desk-select').locator('option').allInnerTexts()).toEqual([
      'ROR-IKT Kundeservice',
    ]);
    await page.getByTestId('desk-phone').fill('+47 71 11 22 33');
    await page.getByTestId('desk-save').click();
    await page.getByTestId('desk-outcome').getByText('Lagret.').waitFor();
    expect(await page.getByRole('tab', { name: 'Tjenester' }).count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: join(SHOTS, 'settings-desk-lead.png'), fullPage: true });
    await page.context().close();
  }, 60_000);

  it('shows no Innstillinger to a desk member without a setup role', async () => {
    const page = await open(`?devUser=${USERS.desk}`);
    await page.getByRole('tab', { name: 'Saker' }).waitFor();
    expect(await page.getByRole('tab', { name: 'Innstillinger' }).count()).toBe(0);
    expect((await asUser(USERS.desk, '/api/admin/desks/ror-ikt')).status).toBe(403);
    await page.context().close();
  }, 60_000);
});
