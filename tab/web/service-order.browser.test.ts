/**
 * The service editor's order terms in headless Chromium against the real server and store: an
 * administrator makes a service orderable with a delivery time, an approval and a billing format; a
 * bad example is named at its field; the saved terms come back in the editor and offer the service
 * under "Bestill" for an employee of the desk's virksomhet. 1280 px, axe clean.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { orgId, userId } from '../../shared/ids';
import { screenshotDir } from '../../scripts/headless';
import { axeViolations } from '../test-support/browser';
import { DIRECTORY, seedStore, USERS } from '../test-support/seed';
import { startBrowserWorld, type BrowserWorld } from '../test-support/world';

const NOW = new Date('2026-03-20T12:00:00Z');
const SHOTS = screenshotDir('tab');
const ADMIN = 'u-admin';

let world: BrowserWorld;
beforeAll(async () => {
  world = await startBrowserWorld({
    now: NOW,
    seed: (s) => seedStore(s),
    directory: {
      ...DIRECTORY,
      users: { ...DIRECTORY.users, [ADMIN]: { orgId: orgId('molde'), name: 'Ada Admin' } },
      admins: [userId(ADMIN)],
    },
  });
}, 180_000);
afterAll(() => world?.close());

async function open(user: string, query: string): Promise<Page> {
  const context = await world.tb.browser.newContext({
    viewport: { width: 1280, height: 900 },
    timezoneId: 'Europe/Oslo',
    locale: 'nb-NO',
  });
  const page = await context.newPage();
  await page.clock.install({ time: NOW });
  await page.goto(`${world.srv.url}/tab/?devUser=${user}&${query}`);
  return page;
}

it('an administrator makes Visma lønn orderable; the employee can order it', async () => {
  const page = await open(ADMIN, 'page=settings');
  await page.getByRole('tab', { name: 'Tjenester' }).click();
  await page.getByRole('button', { name: 'Endre Visma lønn' }).click();
  // The editor fills in once the service is read: typing before would be overwritten.
  await page.waitForFunction(
    () => document.querySelector<HTMLInputElement>('[data-testid="service-name"]')?.value === 'Visma lønn',
  );
  const terms = page.getByTestId('service-order');
  await terms.getByTestId('service-orderable').check();
  await terms.getByTestId('service-needs-approval').check();
  await terms.getByTestId('service-order-description').fill('Ny lønnsart satt opp av leverandøren.');
  await terms.getByTestId('service-delivery-days').fill('10');
  await terms.getByTestId('service-billing-kind').selectOption('resource_number');
  await terms.getByTestId('service-billing-pattern').fill('R\\d{5}');
  await terms.getByTestId('service-billing-example').fill('12345');
  await page.getByTestId('service-save').click();
  await terms.getByText('Eksempelet passer ikke formatet.').waitFor();
  await terms.getByTestId('service-billing-example').fill('R12345');
  expect(await axeViolations(page)).toEqual([]);
  await terms.screenshot({ path: join(SHOTS, 'settings-service-order.png') });
  await page.getByTestId('service-save').click();
  await page.getByTestId('service-outcome').waitFor();
  await page.getByRole('button', { name: 'Endre Visma lønn' }).click();
  // The editor fills in once the service is read back.
  await page.waitForFunction(
    () => document.querySelector<HTMLInputElement>('[data-testid="service-delivery-days"]')?.value !== '',
  );
  expect(await terms.getByTestId('service-delivery-days').inputValue()).toBe('10');
  expect(await terms.getByTestId('service-billing-example').inputValue()).toBe('R12345');
  await page.context().close();

  const employee = await open(USERS.employee, 'page=order');
  await employee.getByRole('radio', { name: /Visma lønn/ }).waitFor();
  expect(await employee.getByTestId('order-services').innerText()).toContain(
    'Leveringstid: 10 virkedager · Krever godkjent estimat',
  );
  await employee.context().close();
});
