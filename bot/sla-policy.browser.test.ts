/**
 * A desk's own SLA policy, set in "Innstillinger" in headless Chromium, reaches a fault reported
 * through the bot endpoint: an administrator adds a service to ROR-IKT and saves a new policy version
 * in which Høy has 2 working days to resolve; an employee reports a fault on that service through the
 * bot (a real activity, the fake Bot Connector) and the confirmation carries that version's deadline;
 * the case view says which agreement and version the case runs under; a desk lead of another desk gets
 * 403 on the policy. One app (bot and tab, SQLite), so it lives in bot/ (tab/ imports nothing of bot/).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { screenshotDir } from '../scripts/headless';
import { formatDeadline } from '../shared/dates';
import { deskId, userId, type CaseRef } from '../shared/ids';
import { addWorkingDays } from '../shared/sla/working-days';
import { buildTab } from '../tab/build';
import { axeViolations, launchBrowser, type TestBrowser } from '../tab/test-support/browser';
import { DEMO_DIRECTORY } from './seed/directory';
import type { TestUser } from './test-support/activities';
import { cardOfInvoke, cardText } from './test-support/cards';
import { GOOD_ANSWERS, openForm, submitForm } from './test-support/fault-form';
import { startHarness, type Harness } from './test-support/harness';

// Monday 16 March 2026, 10:00 in Oslo.
const NOW = new Date('2026-03-16T09:00:00Z');
const ROR = deskId('ror-ikt');
const SHOTS = screenshotDir('tab');
const UKE_LEAD = 'demo-leder-uke';
const kari: TestUser = { aadObjectId: 'demo-ansatt-molde', name: 'Kari Nordmann' };

let dist: string;
let h: Harness;
let tb: TestBrowser;

beforeAll(async () => {
  dist = mkdtempSync(join(tmpdir(), 'fristvakt-sla-dist-'));
  await buildTab({ outDir: dist });
  h = await startHarness({
    now: NOW,
    env: { FRISTVAKT_ENV: 'development' },
    app: {
      tabDir: dist,
      directory: {
        ...DEMO_DIRECTORY,
        users: {
          ...DEMO_DIRECTORY.users,
          [UKE_LEAD]: { orgId: DEMO_DIRECTORY.users['demo-ansatt-frogner']!.orgId, name: 'Ulf Leder' },
        },
        deskLeads: { ...DEMO_DIRECTORY.deskLeads, uke: [userId(UKE_LEAD)] },
      },
    },
  });
  tb = await launchBrowser();
}, 180_000);

afterAll(async () => {
  await tb?.close();
  await h?.close();
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
  await page.goto(`${h.app.url}/tab/${path}`);
  return page;
}

const asUser = (id: string, path: string) =>
  fetch(`${h.app.url}${path}`, { headers: { 'X-Fristvakt-Dev-User': id } });

it('a service and a policy version made in Innstillinger give a fault reported in chat its deadlines', async () => {
  const page = await open('?devUser=demo-admin');
  await page.getByRole('tab', { name: 'Innstillinger' }).click();
  await page.getByTestId('settings').waitFor();

  // A new service on ROR-IKT, needed for life-and-health services.
  await page.getByRole('tab', { name: 'Tjenester' }).click();
  await page.getByTestId('service-form').waitFor();
  await page.getByTestId('service-id').fill('pasientjournal');
  await page.getByTestId('service-name').fill('Pasientjournal');
  await page.getByTestId('service-desk').selectOption('ror-ikt');
  await page.getByTestId('service-criticality').selectOption('life_and_health');
  await page.getByTestId('service-save').click();
  await page.locator('[data-service="pasientjournal"]').waitFor();

  // ROR-IKT's policy: Høy gets 2 working days to resolve, saved as version 2.
  await page.getByRole('tab', { name: 'SLA-policy' }).click();
  await page.getByTestId('policy-desk').selectOption('ror-ikt');
  await page.getByTestId('policy-versions').getByText('Versjon 1').waitFor();
  await page.getByTestId('hoy-resolution-kind').selectOption('working_days');
  await page.getByTestId('hoy-resolution-value').fill('2');
  await page.getByTestId('policy-save').click();
  await page.getByTestId('policy-outcome').getByText('Lagret.').waitFor();
  expect(await page.getByTestId('policy-versions').innerText()).toMatch(/^Versjon 2 gjelder fra/);
  // No open case runs under version 1 yet: moving finds none.
  await page.getByTestId('move-check').click();
  await page.getByTestId('move-none').waitFor();
  expect(await axeViolations(page)).toEqual([]);
  const policy = (await h.app.store.desks.get(ROR))!.value.policy;
  expect(policy.priorities.find((p) => p.id === 'hoy')!.resolution).toEqual({
    kind: 'working_days',
    days: 2,
  });

  // Kari reports a fault on the new service in chat: part of it is down for her department → Høy.
  h.now.value = new Date('2026-03-16T09:30:00Z');
  const { clientKey } = await openForm(h, kari);
  const res = await submitForm(h, kari, clientKey, {
    ...GOOD_ANSWERS,
    service: 'pasientjournal',
    title: 'Journalen henger ved lagring',
    scope: 'department',
    availability: 'partial',
  });
  expect(res.status).toBe(200);
  const text = cardText(cardOfInvoke(res.body));
  const ref = /FV-2026-\d{6}/.exec(text)![0] as CaseRef;
  const c = (await h.app.store.cases.getForDesk(ref, ROR))!.value;
  expect(c.priority).toBe('hoy');
  expect(c.policyVersion).toBe(2);
  // 2 working days after Monday 10:30: Wednesday 10:30 (Oslo), on the confirmation card.
  const due = addWorkingDays(h.now.value, 2, policy.calendar);
  expect(due.toISOString()).toBe('2026-03-18T09:30:00.000Z');
  expect(c.sla.resolutionDueAt).toBe(due.toISOString());
  expect(text).toContain(formatDeadline(due, 'nb'));

  // The case view says which agreement and version it runs under.
  const desk = await open(`?devUser=demo-desk-ror&case=${ref}`);
  await desk.getByTestId('sla-policy').waitFor();
  expect(await desk.getByTestId('sla-policy').innerText()).toBe(`SLA-avtale: ${policy.name} versjon 2`);

  // Version 3 gives Høy 3 working days; the lead sees what moving would do, then confirms.
  await page.getByTestId('hoy-resolution-value').fill('3');
  await page.getByTestId('policy-save').click();
  await page.getByTestId('policy-versions').getByText('Versjon 3').waitFor();
  await page.getByTestId('move-check').click();
  const box = page.getByTestId('move-confirm-box');
  await box.waitFor();
  expect(await page.getByTestId('move-summary').innerText()).toBe(
    '1 åpen sak ville blitt flyttet til versjon 3; disse fristene endres:',
  );
  const line = await box.locator(`[data-ref="${ref}"]`).innerText();
  // Nothing used yet (moved at receipt): 3 working days from Monday 10:30, Thursday 10:30.
  expect(line).toMatch(
    /^FV-2026-\d{6} Journalen henger ved lagring: Løsningsfrist: 18\.03\.2026.*→ 19\.03\.2026/,
  );
  expect(await axeViolations(page)).toEqual([]);
  await page.screenshot({ path: join(SHOTS, 'settings-policy-move.png'), fullPage: true });
  // Nothing moved before the confirmation.
  expect((await h.app.store.cases.getForDesk(ref, ROR))!.value.policyMoves).toBeUndefined();
  await page.getByTestId('move-confirm').click();
  await page.getByTestId('move-outcome').getByText('1 sak flyttet til versjon 3.').waitFor();
  const moved = (await h.app.store.cases.getForDesk(ref, ROR))!.value;
  expect(moved.policyMoves).toEqual([{ at: h.now.value.toISOString(), to: 3 }]);
  expect(moved.events.at(-1)).toMatchObject({ type: 'policy_moved', from: 2, to: 3 });
  await page.context().close();
  await desk.context().close();
}, 180_000);

it('gives a desk lead of another desk 403 on this desk policy and its move', async () => {
  expect((await asUser(UKE_LEAD, '/api/admin/policies/ror-ikt')).status).toBe(403);
  const move = await fetch(`${h.app.url}/api/admin/policies/ror-ikt/move-open-cases?dryRun=true`, {
    method: 'POST',
    headers: { 'X-Fristvakt-Dev-User': UKE_LEAD },
  });
  expect(move.status).toBe(403);
  expect((await asUser(UKE_LEAD, '/api/admin/policies/uke')).status).toBe(200);
  expect((await asUser('demo-leder-ror', '/api/admin/policies/ror-ikt')).status).toBe(200);
});
