/**
 * "Innstillinger › Leverandører" in headless Chromium against a real server (tab API routes,
 * production bundle, SQLite store): an administrator creates an operations supplier (a webhook address
 * that is not https refused at its field, in Norwegian), makes an API key that is shown once with a copy
 * button (the store keeps only its hash; the key opens the supplier API), sees that a third valid key
 * cannot be made, and revokes one after confirming (the revoked key then gets 401). A desk lead sees no
 * Leverandører section and gets 403 from the routes. axe-core finds no WCAG 2.1 AA violation; at
 * 1280 px and 375 px. Screenshots go to .screenshots/tab/ (untracked).
 */
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { orgId, userId } from '../../shared/ids';
import { screenshotDir } from '../../scripts/headless';
import { axeViolations, type TestBrowser } from '../test-support/browser';
import { DIRECTORY, seedStore } from '../test-support/seed';
import type { TestServer } from '../test-support/server';
import { startBrowserWorld, type BrowserWorld } from '../test-support/world';

const NOW = new Date('2026-03-20T12:00:00Z');
const SHOTS = screenshotDir('tab');
const ADMIN = 'u-admin';
const ROR_LEAD = 'u-ror-lead';

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
      },
      admins: [userId(ADMIN)],
      deskLeads: { 'ror-ikt': [userId(ROR_LEAD)] },
    },
  });
  ({ srv, tb } = world);
}, 120_000);

afterAll(() => world?.close());

async function openSuppliers(user: string, width: number): Promise<Page> {
  const context = await tb.browser.newContext({
    viewport: { width, height: 900 },
    timezoneId: 'Europe/Oslo',
    locale: 'nb-NO',
    permissions: ['clipboard-read', 'clipboard-write'],
  });
  const page = await context.newPage();
  await page.clock.install({ time: NOW });
  await page.goto(`${srv.url}/tab/?devUser=${user}`);
  await page.getByRole('tab', { name: 'Innstillinger' }).click();
  await page.getByTestId('settings').waitFor();
  return page;
}

/** The supplier API's own read of a case that does not exist: 401 for a bad key, 404 for a good one. */
const withKey = (key: string) =>
  fetch(`${srv.url}/api/suppliers/v1/cases/RIKT-2026-000999`, { headers: { 'X-Api-Key': key } });

/** Waits until the confirmation is gone and the page is no longer hidden behind it. */
async function dialogClosed(page: Page): Promise<void> {
  await page.getByTestId('revoke-dialog').waitFor({ state: 'detached' });
  await page.waitForFunction(() => !document.getElementById('root')?.hasAttribute('aria-hidden'));
}

describe('Innstillinger › Leverandører', () => {
  it('lets an administrator create a supplier and a key shown once, and revoke it', async () => {
    const page = await openSuppliers(ADMIN, 1280);
    await page.getByRole('tab', { name: 'Leverandører' }).click();
    await page.getByTestId('supplier-form').waitFor();

    await page.getByTestId('supplier-id').fill('sopra-steria');
    await page.getByTestId('supplier-name').fill('Sopra Steria');
    await page.getByTestId('supplier-operates-application').click();
    await page.locator('[data-service-option="kompass"]').click();
    await page.getByTestId('supplier-desk').selectOption('ror-ikt');
    await page.getByTestId('supplier-phone').fill('+47 22 00 00 00');
    await page.getByTestId('supplier-email').fill('drift@soprasteria.example');
    await page.getByTestId('supplier-entra').fill('00000000-0000-4000-8000-00000000beef');
    await page.getByTestId('supplier-webhook-url').fill('http://soprasteria.example/fristvakt');
    await page.getByTestId('supplier-secret-name').fill('FRISTVAKT_SUPPLIER_SECRET_SOPRA');
    await page.getByTestId('supplier-save').click();
    // Not https: the message is at the address field, in Norwegian.
    await page.getByText('Adressen må være https.').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: join(SHOTS, 'settings-supplier-error.png'), fullPage: true });
    await page.getByTestId('supplier-webhook-url').fill('https://soprasteria.example/fristvakt');
    await page.getByTestId('supplier-save').click();
    await page.getByTestId('supplier-outcome').getByText('Lagret.').waitFor();
    await page.locator('[data-supplier="sopra-steria"]').waitFor();
    expect(await page.locator('[data-supplier="sopra-steria"]').innerText()).toContain('Applikasjon');

    const stored = (await srv.store.admin.getSupplier('sopra-steria'))!.value;
    expect(stored).toMatchObject({
      name: 'Sopra Steria',
      operates: ['application'],
      serviceIds: ['kompass'],
      deskId: 'ror-ikt',
      entraAppIds: ['00000000-0000-4000-8000-00000000beef'],
      webhook: {
        url: 'https://soprasteria.example/fristvakt',
        secretName: 'FRISTVAKT_SUPPLIER_SECRET_SOPRA',
      },
    });

    // A key: shown once, with a warning and a copy button.
    await page.getByTestId('supplier-key-new').click();
    const box = page.getByTestId('supplier-new-key');
    await box.getByText('vises bare nå').first().waitFor();
    const key = await page.getByTestId('supplier-key-text').inputValue();
    expect(key).toMatch(/^fvk_sopra-steria_/);
    await page.getByTestId('supplier-key-copy').click();
    await page.getByTestId('supplier-key-copied').getByText('Kopiert.').waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(key);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: join(SHOTS, 'settings-supplier-key.png'), fullPage: true });
    // Only its hash is stored, and it opens the supplier API.
    const [k1] = (await srv.store.admin.getSupplier('sopra-steria'))!.value.apiKeys;
    expect(k1!.hash).toBe(createHash('sha256').update(key).digest('hex'));
    expect(JSON.stringify(await srv.store.admin.getSupplier('sopra-steria'))).not.toContain(key);
    expect((await withKey(key)).status).toBe(404);

    // Put away, the key is nowhere on the page; a reload shows only its last characters.
    await page.getByTestId('supplier-key-hide').click();
    expect(await page.getByTestId('supplier-new-key').count()).toBe(0);
    expect(await page.content()).not.toContain(key);
    await page.getByRole('button', { name: 'Endre Sopra Steria' }).click();
    await page.getByTestId('supplier-key-table').getByText(`…${k1!.hint}`).waitFor();
    expect(await page.content()).not.toContain(key);

    // A second key; then a third cannot be made.
    await page.getByTestId('supplier-key-new').click();
    await page.getByTestId('supplier-key-text').waitFor();
    await page.getByTestId('supplier-max-keys').waitFor();
    expect(await page.getByTestId('supplier-key-new').isDisabled()).toBe(true);

    // Revoke the first, after confirming; cancelling first changes nothing.
    await page.getByRole('button', { name: `Trekk tilbake …${k1!.hint}` }).click();
    const dialog = page.getByTestId('revoke-dialog');
    await dialog.getByText(`Nøkkelen som slutter på «${k1!.hint}» slutter å virke med en gang.`).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: join(SHOTS, 'settings-supplier-revoke.png') });
    await page.getByRole('button', { name: 'Avbryt' }).click();
    await dialogClosed(page);
    expect((await withKey(key)).status).toBe(404);
    await page.getByRole('button', { name: `Trekk tilbake …${k1!.hint}` }).click();
    await page.getByTestId('revoke-confirm').click();
    await dialogClosed(page);
    await page.getByTestId('supplier-key-outcome').getByText('Nøkkelen er trukket tilbake.').waitFor();
    expect(await page.getByTestId('supplier-key-table').innerText()).toContain('Trukket tilbake');
    expect(await page.getByTestId('supplier-key-new').isDisabled()).toBe(false);
    expect((await withKey(key)).status).toBe(401);
    const revoked = (await srv.store.admin.getSupplier('sopra-steria'))!.value.apiKeys[0]!;
    expect(revoked).toMatchObject({ revokedBy: ADMIN });
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: join(SHOTS, 'settings-supplier-keys.png'), fullPage: true });

    // Editing keeps the keys and changes the rest: a secret being rotated, and disabled.
    await page.getByTestId('supplier-secret-name').fill('FRISTVAKT_SUPPLIER_SECRET_SOPRA_2');
    await page.getByTestId('supplier-previous-secret-name').fill('FRISTVAKT_SUPPLIER_SECRET_SOPRA');
    await page.getByTestId('supplier-disabled').click();
    await page.getByTestId('supplier-save').click();
    await page.getByTestId('supplier-outcome').getByText('Lagret.').waitFor();
    const after = (await srv.store.admin.getSupplier('sopra-steria'))!.value;
    expect(after.disabled).toBe(true);
    expect(after.webhook).toEqual({
      url: 'https://soprasteria.example/fristvakt',
      secretName: 'FRISTVAKT_SUPPLIER_SECRET_SOPRA_2',
      previousSecretName: 'FRISTVAKT_SUPPLIER_SECRET_SOPRA',
    });
    expect(after.apiKeys).toHaveLength(2);
    await page.context().close();
  }, 120_000);

  it('fits a phone: the form and a key without overflowing', async () => {
    const page = await openSuppliers(ADMIN, 375);
    await page.getByRole('tab', { name: 'Leverandører' }).click();
    await page.getByRole('button', { name: 'Endre Sopra Steria' }).click();
    await page.getByTestId('supplier-key-table').waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: join(SHOTS, 'settings-supplier-375.png'), fullPage: true });
    await page.context().close();
  }, 60_000);

  it('gives a desk lead no Leverandører section and 403 from its routes', async () => {
    const page = await openSuppliers(ROR_LEAD, 1280);
    await page.getByTestId('desk-form').waitFor();
    expect(await page.getByRole('tab', { name: 'Leverandører' }).count()).toBe(0);
    const h = { 'X-Fristvakt-Dev-User': ROR_LEAD, 'Content-Type': 'application/json' };
    expect((await fetch(`${srv.url}/api/admin/suppliers`, { headers: h })).status).toBe(403);
    expect((await fetch(`${srv.url}/api/admin/suppliers/sopra-steria`, { headers: h })).status).toBe(403);
    const made = await fetch(`${srv.url}/api/admin/suppliers/sopra-steria/keys`, {
      method: 'POST',
      headers: h,
      body: '{}',
    });
    expect(made.status).toBe(403);
    await page.context().close();
  }, 60_000);
});
