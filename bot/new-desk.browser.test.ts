/**
 * A desk made in "Innstillinger" in headless Chromium is usable at once by the bot: an administrator
 * creates "Oppvekst IKT" (a bad phone number first, named at the field), with ROR-IKT's preset policy,
 * Molde as its organisation and Siri as its member, then a service on it; Siri links a triage channel
 * to it with `koble` in Teams; Kari reports a fault on the new service through the bot endpoint and
 * the case lands on the new desk with the preset's deadlines, posted in the linked channel. One app
 * (bot and tab, SQLite), so it lives in bot/ (tab/ imports nothing of bot/).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { screenshotDir } from '../scripts/headless';
import { formatDeadline } from '../shared/dates';
import { deskId, type CaseRef } from '../shared/ids';
import { buildTab } from '../tab/build';
import { axeViolations, launchBrowser, type TestBrowser } from '../tab/test-support/browser';
import type { TestUser } from './test-support/activities';
import { cardOfInvoke, cardText } from './test-support/cards';
import { GOOD_ANSWERS, openForm, submitForm } from './test-support/fault-form';
import { startHarness, type Harness } from './test-support/harness';
import { channelMessage, pendingOutbox } from './conversation/channel/test-support/channel';

// Monday 16 March 2026, 10:00 in Oslo.
const NOW = new Date('2026-03-16T09:00:00Z');
const OPPVEKST = deskId('oppvekst-ikt');
const SHOTS = screenshotDir('tab');
const kari: TestUser = { aadObjectId: 'demo-ansatt-molde', name: 'Kari Nordmann' };
const siri: TestUser = { aadObjectId: 'demo-desk-ror', name: 'Siri Kundeservice' };
const CHANNEL = '19:triage-oppvekst@thread.tacv2';

let dist: string;
let h: Harness;
let tb: TestBrowser;

beforeAll(async () => {
  dist = mkdtempSync(join(tmpdir(), 'fristvakt-new-desk-dist-'));
  await buildTab({ outDir: dist });
  h = await startHarness({ now: NOW, env: { FRISTVAKT_ENV: 'development' }, app: { tabDir: dist } });
  tb = await launchBrowser();
}, 180_000);

afterAll(async () => {
  await tb?.close();
  await h?.close();
  rmSync(dist, { recursive: true, force: true });
});

async function open(path: string, width = 1280, height = 900): Promise<Page> {
  const context = await tb.browser.newContext({
    viewport: { width, height },
    timezoneId: 'Europe/Oslo',
    locale: 'nb-NO',
  });
  const page = await context.newPage();
  await page.clock.install({ time: NOW });
  await page.goto(`${h.app.url}/tab/${path}`);
  return page;
}

async function openNewDeskForm(page: Page): Promise<void> {
  await page.getByRole('tab', { name: 'Innstillinger' }).click();
  await page.getByTestId('desk-form').waitFor();
  await page.getByTestId('new-desk').click();
  await page.getByTestId('new-desk-form').waitFor();
}

it('a desk and a service made in Innstillinger take a linked channel and a fault reported in chat', async () => {
  const page = await open('?devUser=demo-admin');
  await openNewDeskForm(page);
  const form = page.getByTestId('new-desk-form');
  await page.getByTestId('new-desk-id').fill('oppvekst-ikt');
  await page.getByTestId('new-desk-name').fill('Oppvekst IKT');
  await page.getByTestId('new-desk-phone').fill('ring oss');
  await page.getByTestId('new-desk-email').fill('oppvekst.ikt@molde.kommune.no');
  await page.getByTestId('new-desk-policy').selectOption('preset:ror-ikt');
  await form.locator('[data-org="molde"]').check();
  await page.getByTestId('new-desk-members-search').fill('siri');
  await page.getByRole('button', { name: 'Legg til Siri Kundeservice' }).click();
  await page.getByTestId('new-desk-members-chosen').getByText('Siri Kundeservice').waitFor();

  // A bad phone number: named at the field, in Norwegian; nothing is made.
  await page.getByTestId('new-desk-save').click();
  await form.getByText('Telefon må være et telefonnummer, f.eks. +47 71 11 10 00.').waitFor();
  expect(await h.app.store.desks.get(OPPVEKST)).toBeNull();
  expect(await axeViolations(page)).toEqual([]);
  await form.screenshot({ path: join(SHOTS, 'settings-new-desk.png') });

  await page.getByTestId('new-desk-phone').fill('+47 71 11 12 00');
  await page.getByTestId('new-desk-save').click();
  await page
    .getByTestId('desk-created')
    .getByText('Servicesenteret er opprettet.', { exact: false })
    .waitFor();
  expect(await page.getByTestId('desk-select').inputValue()).toBe('oppvekst-ikt');
  // The desks form fills in once the new desk is read (until then it shows the one before).
  await page.waitForFunction(
    () => document.querySelector<HTMLInputElement>('[data-testid="desk-phone"]')?.value === '+47 71 11 12 00',
  );
  await page
    .getByTestId('desk-channels')
    .getByText('@Fristvakt koble oppvekst-ikt', { exact: false })
    .waitFor();
  expect(await axeViolations(page)).toEqual([]);
  await page.screenshot({ path: join(SHOTS, 'settings-new-desk-created.png'), fullPage: true });
  const desk = (await h.app.store.desks.get(OPPVEKST))!.value;
  expect(desk).toMatchObject({ name: 'Oppvekst IKT', orgIds: ['molde'], members: ['demo-desk-ror'] });
  expect(desk.policy.id).toBe('oppvekst-ikt');

  // A service on the new desk.
  await page.getByRole('tab', { name: 'Tjenester' }).click();
  await page.getByTestId('service-form').waitFor();
  await page.getByTestId('service-id').fill('skolearena');
  await page.getByTestId('service-name').fill('Skolearena');
  await page.getByTestId('service-desk').selectOption('oppvekst-ikt');
  await page.getByTestId('service-save').click();
  await page.locator('[data-service="skolearena"]').waitFor();
  await page.context().close();

  // Siri links a triage channel to the new desk from Teams.
  h.connector.clear();
  expect((await h.post(channelMessage(siri, h.serviceUrl, CHANNEL, 'koble oppvekst-ikt'))).status).toBe(200);
  const reply = await h.connector.waitFor((c) => JSON.stringify(c.body).includes('triasjekanalen til'));
  expect(JSON.stringify(reply.body)).toContain('triasjekanalen til **Oppvekst IKT**');
  expect((await h.app.store.desks.get(OPPVEKST))!.value.triageChannel?.channelId).toBe(CHANNEL);

  // Kari reports a fault on the new service (criticality normal) in chat: part of it is down → Middels.
  h.now.value = new Date('2026-03-16T09:30:00Z');
  const { card, clientKey } = await openForm(h, kari);
  expect(JSON.stringify(card)).toContain('Skolearena');
  const res = await submitForm(h, kari, clientKey, {
    ...GOOD_ANSWERS,
    desk: 'oppvekst-ikt',
    service: 'skolearena',
    title: 'Skolearena viser ikke timeplanen',
    scope: 'department',
    availability: 'partial',
  });
  expect(res.status).toBe(200);
  const text = cardText(cardOfInvoke(res.body));
  const ref = /FV-2026-\d{6}/.exec(text)![0] as CaseRef;
  const c = (await h.app.store.cases.getForDesk(ref, OPPVEKST))!.value;
  expect([c.deskId, c.serviceId, c.priority]).toEqual(['oppvekst-ikt', 'skolearena', 'middels']);
  // ROR-IKT's preset: Middels answered within 180 business minutes (08:00–15:30) and solved within 3
  // working days. Received Monday 10:30 (Oslo): answer by 13:30, solution by Thursday 10:30.
  expect(c.sla.responseDueAt).toBe('2026-03-16T12:30:00.000Z');
  expect(c.sla.resolutionDueAt).toBe('2026-03-19T09:30:00.000Z');
  expect(text).toContain(formatDeadline(new Date(c.sla.resolutionDueAt!), 'nb'));
  // Posted as a new thread in the channel Siri linked.
  const posts = (await pendingOutbox(h)).filter((m) => m.id.startsWith(ref));
  expect(posts.some((m) => JSON.stringify(m).includes(CHANNEL))).toBe(true);
}, 180_000);

it('lays the new-desk form out on a phone', async () => {
  const page = await open('?devUser=demo-admin', 390, 844);
  await openNewDeskForm(page);
  await page.getByTestId('new-desk-id').fill('Oppvekst IKT');
  await page.getByTestId('new-desk-save').click();
  await page.getByTestId('new-desk-form').getByText('Id må være små bokstaver', { exact: false }).waitFor();
  // Nothing wider than the screen.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  expect(await axeViolations(page)).toEqual([]);
  await page.getByTestId('new-desk-id').scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(SHOTS, 'settings-new-desk-phone.png') });
  await page.context().close();
});
