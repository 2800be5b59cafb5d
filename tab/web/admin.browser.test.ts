/**
 * "Innstillinger" in headless Chromium against a real server (tab API routes, production bundle,
 * SQLite store): an administrator makes a new service and gives its desk a policy of its own (a new
 * version, checked by the preview), a desk lead of another desk gets 403, someone without a setup role
 * sees no "Innstillinger", and axe-core finds no WCAG 2.1 AA violation on the pages. A desk lead
 * finds a colleague by name (the directory-backed people search) and adds her as a member and as an
 * escalation contact, and unlinks the triage channel after confirming; an administrator gives a
 * service its own fellesfeil thresholds, a bad value named at its field; at 1280 px and 375 px.
 * Screenshots go to .screenshots/tab/ (untracked).
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { deskId, orgId, serviceId, userId } from '../../shared/ids';
import { screenshotDir } from '../../scripts/headless';
import { axeViolations, type TestBrowser } from '../test-support/browser';
import { DIRECTORY, seedStore, USERS } from '../test-support/seed';
import type { TestServer } from '../test-support/server';
import { startBrowserWorld, type BrowserWorld } from '../test-support/world';

const NOW = new Date('2026-03-20T12:00:00Z'); // Friday 13:00 in Oslo
const SHOTS = screenshotDir('tab');
const ADMIN = 'u-admin';
const ROR_LEAD = 'u-ror-lead';
const KARIN = 'u-karin';
const ROR = deskId('ror-ikt');
const TRIAGE = {
  teamId: '19:team-ror@thread.tacv2',
  channelId: '19:triage-ror@thread.tacv2',
  serviceUrl: 'https://smba.trafficmanager.net/emea/',
  name: 'Saker fra ansatte',
};

let world: BrowserWorld;
let srv: TestServer;
let tb: TestBrowser;

beforeAll(async () => {
  world = await startBrowserWorld({
    now: NOW,
    seed: (s) => seedStore(s),
    directory: {
      ...DIRECTORY,
      users: {
        ...DIRECTORY.users,
        [ADMIN]: { orgId: orgId('molde'), name: 'Ada Admin', email: 'ada.admin@ror-ikt.no' },
        [ROR_LEAD]: { orgId: orgId('molde'), name: 'Lea Leder', email: 'lea.leder@ror-ikt.no' },
        [KARIN]: {
          orgId: orgId('molde'),
          name: 'Karin Kundeservice',
          email: 'karin.kundeservice@ror-ikt.no',
        },
      },
      admins: [userId(ADMIN)],
      deskLeads: { 'ror-ikt': [userId(ROR_LEAD)] },
    },
  });
  ({ srv, tb } = world);
  // The desk's triage channel, as `koble` in Teams links it.
  const d = (await srv.store.desks.get(ROR))!;
  await srv.store.desks.put({ ...d.value, triageChannel: TRIAGE }, d.version);
}, 120_000);

afterAll(() => world?.close());

async function open(path: string, width = 1280): Promise<Page> {
  const context = await tb.browser.newContext({
    viewport: { width, height: 900 },
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

/** A user's "Innstillinger", on the desk section. */
async function openSettings(user: string, width: number): Promise<Page> {
  const page = await open(`?devUser=${user}`, width);
  await page.getByRole('tab', { name: 'Innstillinger' }).click();
  await page.getByTestId('desk-form').waitFor();
  return page;
}

/** Waits until the confirmation is gone and the page is no longer hidden behind it. */
async function dialogClosed(page: Page): Promise<void> {
  await page.getByTestId('unlink-dialog').waitFor({ state: 'detached' });
  await page.waitForFunction(() => !document.getElementById('root')?.hasAttribute('aria-hidden'));
}

describe('Innstillinger: people, channels and fellesfeil thresholds', () => {
  it('lets a desk lead add a member and an escalation contact found by name, and unlink the triage channel', async () => {
    const page = await openSettings(ROR_LEAD, 1280);
    const members = page.getByTestId('desk-members-chosen');
    await members.getByText('Ola Servicesenter').waitFor();

    // Search by a part of the name: the hit shows name and e-mail.
    await page.getByTestId('desk-members-search').fill('kar');
    const hits = page.getByTestId('desk-members-hits');
    await hits.getByText('Karin Kundeservice').waitFor();
    expect(await hits.innerText()).toContain('karin.kundeservice@ror-ikt.no');
    expect(await hits.innerText()).toContain('Kari Nordmann');
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: join(SHOTS, 'settings-people-search.png'), fullPage: true });

    await page.getByRole('button', { name: 'Legg til Karin Kundeservice' }).click();
    await members.getByText('karin.kundeservice@ror-ikt.no').waitFor();
    // The search is cleared for the next one, and a person already chosen is not offered again.
    expect(await page.getByTestId('desk-members-search').inputValue()).toBe('');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe(
      'desk-members-search',
    );
    await page.getByTestId('desk-members-search').fill('kar');
    await hits.getByText('Kari Nordmann').waitFor();
    expect(await hits.getByText('Karin Kundeservice').count()).toBe(0);
    await page.getByRole('button', { name: 'Fjern Ola Servicesenter' }).click();
    expect(await members.getByText('Ola Servicesenter').count()).toBe(0);

    await page.getByTestId('desk-contacts-search').fill('lea');
    await page.getByRole('button', { name: 'Legg til Lea Leder' }).click();
    await page.getByTestId('desk-contacts-chosen').getByText('lea.leder@ror-ikt.no').waitFor();

    await page.getByTestId('desk-save').click();
    await page.getByTestId('desk-outcome').getByText('Lagret.').waitFor();
    const saved = (await srv.store.desks.get(ROR))!.value;
    expect(saved.members).toEqual([KARIN]);
    expect(saved.escalationContacts).toEqual([
      { id: ROR_LEAD, name: 'Lea Leder', email: 'lea.leder@ror-ikt.no' },
    ]);

    // The triage channel linked from Teams: unlinked only after confirming.
    const channels = page.getByTestId('desk-channels');
    await channels.getByText('Saker fra ansatte').waitFor();
    await page.getByRole('button', { name: 'Koble fra Saker fra ansatte' }).click();
    const dialog = page.getByTestId('unlink-dialog');
    await dialog.getByText('Nye saker blir ikke lenger postet i «Saker fra ansatte»').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: join(SHOTS, 'settings-unlink-dialog.png') });
    await page.getByRole('button', { name: 'Avbryt' }).click();
    await dialogClosed(page);
    expect((await srv.store.desks.get(ROR))!.value.triageChannel).toEqual(TRIAGE);
    await page.getByRole('button', { name: 'Koble fra Saker fra ansatte' }).click();
    await page.getByTestId('unlink-confirm').click();
    await dialogClosed(page);
    await page.getByTestId('channels-outcome').getByText('Kanalen er koblet fra.').waitFor();
    await channels.getByText('@Fristvakt koble ror-ikt').waitFor();
    expect((await srv.store.desks.get(ROR))!.value.triageChannel).toBeUndefined();
    const [last] = await srv.store.admin.listAudit({ type: 'desk', id: ROR }, 1);
    expect(last!.actor).toEqual({ id: ROR_LEAD, name: 'Lea Leder' });
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: join(SHOTS, 'settings-people-desk.png'), fullPage: true });
    await page.context().close();
  }, 120_000);

  it('works at phone width: search and add', async () => {
    const page = await openSettings(ROR_LEAD, 375);
    await page.getByTestId('desk-members-search').fill('anders');
    await page.getByRole('button', { name: 'Legg til Anders Superbruker' }).click();
    await page.getByTestId('desk-members-chosen').getByText('Anders Superbruker').waitFor();
    // Nothing overflows the phone's width.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: join(SHOTS, 'settings-people-375.png'), fullPage: true });
    await page.context().close();
  }, 60_000);

  it('lets an administrator give a service its own fellesfeil thresholds, a bad one named at its field', async () => {
    const page = await openSettings(ADMIN, 1280);
    await page.getByRole('tab', { name: 'Tjenester' }).click();
    await page.getByRole('button', { name: 'Endre Kompass' }).click();
    await page.getByTestId('service-ff-windowMinutes').fill('0');
    await page.getByTestId('service-save').click();
    const field = page.getByTestId('service-fellesfeil');
    await field.getByText('Tidsvindu (minutter) må være et helt tall fra 1 til 1440.').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: join(SHOTS, 'settings-fellesfeil-error.png'), fullPage: true });
    await page.getByTestId('service-ff-windowMinutes').fill('20');
    await page.getByTestId('service-ff-minOrganisations').fill('3');
    await page.getByTestId('service-save').click();
    await page.getByTestId('service-outcome').getByText('Lagret.').waitFor();
    // The list is asked for again once the save is confirmed: its row follows a moment later.
    await page.locator('[data-service="kompass"]').getByText('egne terskler').waitFor({ timeout: 5_000 });
    expect((await srv.store.admin.getService(serviceId('kompass')))!.value.fellesfeil).toEqual({
      windowMinutes: 20,
      minOrganisations: 3,
    });
    await page.context().close();
  }, 60_000);

  it('gives the people search to no one without a setup role', async () => {
    const res = await fetch(`${srv.url}/api/admin/people?q=kari`, {
      headers: { 'X-Fristvakt-Dev-User': USERS.desk },
    });
    expect(res.status).toBe(403);
  });
});
