/**
 * Orders in the tab, in headless Chromium against the real server and store: "Bestill" with a refused
 * field (the message at the field, the answers kept) and then a good order; the orderer's Godkjenn and
 * Avvis (a reason required) on a pending estimate; the desk's "Send estimat" and its queue's
 * "Venter på godkjenning" filter. Desktop and 375 px, axe clean; screenshots under `.screenshots/tab/`.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { screenshotDir } from '../../scripts/headless';
import type { NewOrderResponse } from '../common/api-types';
import { axeViolations } from '../test-support/browser';
import { PC_CHECKLIST, seedWithOrders } from '../test-support/orders';
import { USERS } from '../test-support/seed';
import { startBrowserWorld, type BrowserWorld } from '../test-support/world';

const NOW = new Date('2026-03-20T09:00:00Z');
const SHOTS = screenshotDir('tab');

let world: BrowserWorld;
let orderRef = '';

const NAMES: Record<string, string> = {
  [USERS.employee]: 'Kari Nordmann',
  [USERS.desk]: 'Ola Servicesenter',
};

async function api(who: string, path: string, body: unknown): Promise<Response> {
  const token = await world.srv.token({ oid: who, name: NAMES[who] ?? who });
  return fetch(world.srv.url + path, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
}

beforeAll(async () => {
  world = await startBrowserWorld({ now: NOW, seed: seedWithOrders });
  // An order whose service needs approval, with the desk's estimate waiting for the orderer.
  const res = await api(USERS.employee, '/api/orders', {
    serviceId: 'ror-bestill-integrasjon',
    reporterRole: 'administrator',
    clientKey: 'browser-int',
    checklist: { ...PC_CHECKLIST, what: 'Integrasjon mellom Gerica og Visma', billingReference: 'R12345' },
  });
  orderRef = ((await res.json()) as NewOrderResponse).ref;
  const token = await world.srv.token({ oid: USERS.desk, name: NAMES[USERS.desk] });
  const detail = (await (
    await fetch(`${world.srv.url}/api/cases/${orderRef}`, { headers: { Authorization: `Bearer ${token}` } })
  ).json()) as { version: string };
  const sent = await api(USERS.desk, `/api/cases/${orderRef}/actions`, {
    action: 'estimate',
    hours: '12',
    text: 'Oppsett, test og produksjonssetting.',
    version: detail.version,
  });
  expect(sent.status).toBe(200);
}, 180_000);

afterAll(() => world?.close());

async function open(user: string, query: string, width = 1440): Promise<Page> {
  const context = await world.tb.browser.newContext({
    viewport: { width, height: 900 },
    timezoneId: 'Europe/Oslo',
    locale: 'nb-NO',
  });
  const page = await context.newPage();
  await page.clock.install({ time: NOW });
  await page.goto(`${world.srv.url}/tab/?devUser=${user}&${query}`);
  return page;
}

it.each([1440, 375])(
  'Bestill shows a refused field at the field, keeps the answers, then orders (%i px)',
  async (width) => {
    const page = await open(USERS.employee, 'page=order', width);
    const form = page.getByTestId('order-form');
    await form.waitFor();
    await page.getByRole('radio', { name: /Ny PC/ }).check();
    await expect(form.getByText('kr 8 900 per PC').first().isVisible()).resolves.toBe(true);
    await page.getByTestId('order-field-forWhom').locator('input').fill('Barnevernet, Molde');
    await page.getByTestId('order-field-billingReference').locator('input').fill('44-10');
    await page.getByTestId('order-field-contactPersons').locator('textarea').fill('Kari Leder, 712 00 000');
    await page.getByRole('button', { name: 'Send bestilling' }).click();
    await page
      .getByTestId('order-field-billingReference')
      .getByText('Formatet stemmer ikke. Eksempel: 4410')
      .waitFor();
    await page.getByTestId('order-field-what').getByText('Feltet må fylles ut.').waitFor();
    expect(await page.getByTestId('order-field-forWhom').locator('input').inputValue()).toBe(
      'Barnevernet, Molde',
    );
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: join(SHOTS, `order-form-error-${width}.png`), fullPage: true });

    await page
      .getByTestId('order-field-what')
      .locator('textarea')
      .fill('To bærbare PC-er til nye saksbehandlere');
    await page.getByTestId('order-field-billingReference').locator('input').fill('4410');
    await page.getByRole('button', { name: 'Send bestilling' }).click();
    const done = page.getByTestId('order-done');
    await done.waitFor();
    expect(await done.innerText()).toMatch(/BE-2026-\d{6}.*Forventet levert: 27\.03\.2026/s);
    await page.context().close();
  },
);

it('the orderer needs a reason to reject, rejects, and approves the desk’s new estimate', async () => {
  const page = await open(USERS.employee, `case=${orderRef}`);
  await page.getByTestId('case-detail').waitFor();
  const estimates = page.getByTestId('estimates');
  await estimates.getByText('12 timer').waitFor();
  const details = await page.getByTestId('order-details').innerText();
  expect(details).toContain('Integrasjon mellom Gerica og Visma');
  expect(details).toContain('Kari Nordmann (Forvalter)');
  expect(await page.getByTestId('expected-delivery').innerText()).toBe(
    'Leveringsdatoen regnes fra estimatet er godkjent.',
  );
  // An order's resolution clock is its delivery.
  await page.getByTestId('clock-resolution').getByText('Leveringstid', { exact: true }).waitFor();
  expect(await axeViolations(page)).toEqual([]);
  await page.screenshot({ path: join(SHOTS, 'order-approval.png'), fullPage: true });
  await page.getByRole('button', { name: 'Avvis' }).click();
  await estimates.getByText('Skriv hvorfor du avviser estimatet.').waitFor();
  await page.getByLabel('Begrunnelse for avvisning').fill('For mange timer for en enkel integrasjon');
  await page.getByRole('button', { name: 'Avvis' }).click();
  await estimates.getByText('Avvist').waitFor();
  await estimates.getByText('For mange timer for en enkel integrasjon').waitFor();
  expect(await page.getByRole('button', { name: 'Godkjenn' }).count()).toBe(0);
  await page.context().close();

  // The desk sends a new estimate from the tab; its queue shows the order under "Venter på godkjenning".
  const desk = await open(USERS.desk, `case=${orderRef}`);
  const send = desk.getByTestId('send-estimate');
  await send.waitFor();
  await send.getByLabel('Timer').fill('mange');
  await send.getByRole('button', { name: 'Send estimat' }).click();
  await send.getByText('Oppgi timer i hele kvarter, for eksempel 7,5.').waitFor();
  await send.getByLabel('Timer').fill('7,5');
  await send.getByLabel('Hva estimatet omfatter').fill('Kun oppsett, test gjør virksomheten.');
  expect(await axeViolations(desk)).toEqual([]);
  await desk.screenshot({ path: join(SHOTS, 'order-send-estimate.png'), fullPage: true });
  await send.getByRole('button', { name: 'Send estimat' }).click();
  await desk.getByTestId('estimates').getByText('7,5 timer').waitFor();
  await desk.goto(`${world.srv.url}/tab/?devUser=${USERS.desk}&approval=pending`);
  const row = desk.getByTestId('order-badge').first();
  await row.waitFor();
  expect(await desk.getByTestId('approval-badge').count()).toBe(1);
  expect(await desk.getByTestId('filter-kind').inputValue()).toBe('approval');
  expect(await axeViolations(desk)).toEqual([]);
  await desk.screenshot({ path: join(SHOTS, 'order-queue-approval.png') });
  await desk.context().close();

  const phone = await open(USERS.employee, `case=${orderRef}`, 375);
  await phone.getByTestId('estimates').getByText('7,5 timer').waitFor();
  expect(await axeViolations(phone)).toEqual([]);
  await phone.screenshot({ path: join(SHOTS, 'order-approval-375.png'), fullPage: true });
  await phone.getByRole('button', { name: 'Godkjenn' }).click();
  await phone.getByTestId('estimates').getByText('Godkjent').waitFor();
  expect(await phone.getByTestId('expected-delivery').innerText()).toMatch(/^\d{2}\.\d{2}\.\d{4}$/);
  await phone.context().close();
});

it('the SLA report shows the orders: delivery figures, the approval wait apart, billable orders by reference', async () => {
  const page = await open(USERS.reader, 'page=report&from=2026-03-01&to=2026-03-31');
  const orders = page.getByTestId('report-orders');
  await orders.waitFor();
  // The integration order, and the two PCs ordered above.
  expect(await orders.getByTestId('kpi-orders').innerText()).toBe('3');
  expect(await orders.getByTestId('report-approval-wait').innerText()).toContain('Besvarte estimater 2');
  const billing = await orders.getByTestId('report-billing').innerText();
  expect(billing).toContain('4410 (Kostnadssted): 2');
  expect(billing).toContain(`R12345 (Ressursnummer): 1 – ${orderRef}`);
  expect(await axeViolations(page)).toEqual([]);
  await orders.screenshot({ path: join(SHOTS, 'report-orders.png') });
  await page.context().close();
});
