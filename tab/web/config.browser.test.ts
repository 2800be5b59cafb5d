/**
 * The channel tab's configuration page (`/tab/config.html`) in headless Chromium against a real test
 * server serving the production bundle built here. Outside Teams it shows the choice and the address the
 * tab would be saved with (`data-content-url`); the address is then opened to show that the tab itself
 * understands it. Screenshot: .screenshots/tab/config.png (copied to docs/tab/ by `npm run screenshots`).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { screenshotDir } from '../../scripts/headless';
import type { BuildResult } from '../build';
import type { TestBrowser } from '../test-support/browser';
import { seedStore, USERS } from '../test-support/seed';
import type { TestServer } from '../test-support/server';
import { startBrowserWorld, type BrowserWorld } from '../test-support/world';
import { teamsHostPage } from '../test-support/teams-host';

const NOW = new Date('2026-03-20T12:00:00Z');
const SHOTS = screenshotDir('tab');

let world: BrowserWorld;
let dist: string;
let built: BuildResult;
let srv: TestServer;
let tb: TestBrowser;

beforeAll(async () => {
  world = await startBrowserWorld({ now: NOW, seed: (s) => seedStore(s) });
  ({ srv, tb, dist, built } = world);
}, 120_000);

afterAll(() => world?.close());

async function open(path: string): Promise<Page> {
  const context = await tb.browser.newContext({
    viewport: { width: 900, height: 760 },
    timezoneId: 'Europe/Oslo',
    locale: 'nb-NO',
  });
  const page = await context.newPage();
  await page.clock.install({ time: NOW });
  await page.goto(`${srv.url}/tab/${path}`);
  await page.getByTestId('config-root').waitFor();
  return page;
}

const result = (page: Page) => page.getByTestId('result');

it('the build emits config.html with its own script, outside the main entry', () => {
  const html = readFileSync(join(dist, 'config.html'), 'utf8');
  expect(html).toContain('<script type="module" src="./config.js"></script>');
  expect(html).toContain('Content-Security-Policy');
  expect(existsSync(join(dist, 'config.js'))).toBe(true);
  expect(built.entryFiles).not.toContain('config.js');
  expect(built.lazyFiles.map((f) => f.file)).not.toContain('config.js');
  expect(readFileSync(join(dist, 'index.html'), 'utf8')).toMatch(/src="\.\/chunks\/main-[A-Z0-9]{8}\.js"/);
});

it('renders both choices, nothing valid until one is chosen, and the outside-Teams note', async () => {
  const page = await open('config.html');
  const radios = page.getByRole('radio');
  expect(await radios.count()).toBe(2);
  await page.getByRole('radio', { name: /Saksoversikt/ }).waitFor();
  await page.getByRole('radio', { name: /SLA-rapport/ }).waitFor();
  expect(await result(page).getAttribute('data-valid')).toBe('false');
  expect(await result(page).getAttribute('data-content-url')).toBe('');
  expect(await page.getByTestId('outside-teams').innerText()).toContain(
    'Lagring virker bare inne i Microsoft Teams',
  );
  // Without a sign-in the desks cannot be listed: the field says so and stays disabled.
  expect(await page.getByTestId('desk').isDisabled()).toBe(true);
  expect(await page.locator('html').getAttribute('lang')).toBe('nb');

  await page.getByRole('radio', { name: /SLA-rapport/ }).check();
  expect(await result(page).getAttribute('data-valid')).toBe('true');
  expect(await result(page).getAttribute('data-content-url')).toBe(`${srv.url}/tab/?page=report`);
  expect(await page.getByTestId('content-url').innerText()).toBe(`${srv.url}/tab/?page=report`);
  expect(await page.getByTestId('display-name').innerText()).toBe('SLA-rapport');

  await page.getByRole('radio', { name: /Saksoversikt/ }).check();
  expect(await result(page).getAttribute('data-content-url')).toBe(`${srv.url}/tab/?view=desk`);
  expect(await result(page).getAttribute('data-entity-id')).toBe('fristvakt-desk');
  await page.context().close();
});

it('with a sign-in lists the desks; a chosen desk goes into the address, which the tab then opens', async () => {
  const page = await open(`config.html?devUser=${USERS.desk}`);
  const desk = page.getByTestId('desk');
  await page.locator('[data-testid="desk"] option[value="ror-ikt"]').waitFor({ state: 'attached' });
  expect(await desk.isDisabled()).toBe(false);
  await page.getByRole('radio', { name: /Saksoversikt/ }).check();
  await desk.selectOption('ror-ikt');
  const url = `${srv.url}/tab/?view=desk&desk=ror-ikt`;
  expect(await result(page).getAttribute('data-content-url')).toBe(url);
  expect(await result(page).getAttribute('data-entity-id')).toBe('fristvakt-desk-ror-ikt');
  expect(await page.getByTestId('display-name').innerText()).toBe('Saksoversikt – ROR-IKT Kundeservice');
  await page.screenshot({ path: join(SHOTS, 'config.png'), fullPage: true });

  // The saved address is one the tab understands: the desk queue of that desk.
  await page.goto(`${url}&devUser=${USERS.desk}`);
  await page.locator('[data-ref]').first().waitFor();
  expect(await page.getByRole('tab', { name: 'Saker', selected: true }).count()).toBe(1);

  await page.goto(`${srv.url}/tab/config.html?devUser=${USERS.desk}`);
  await page.getByRole('radio', { name: /SLA-rapport/ }).check();
  await page.locator('[data-testid="desk"] option[value="ror-ikt"]').waitFor({ state: 'attached' });
  await page.getByTestId('desk').selectOption('ror-ikt');
  const report = `${srv.url}/tab/?page=report&desk=ror-ikt`;
  expect(await result(page).getAttribute('data-content-url')).toBe(report);
  await page.goto(`${report}&devUser=${USERS.desk}`);
  await page.getByRole('tab', { name: 'SLA-rapport', selected: true }).waitFor();
  await page.getByTestId('report-desk').waitFor();
  expect(await page.getByTestId('report-desk').inputValue()).toBe('ror-ikt');
  await page.context().close();
});

it('speaks English with ?lang=en and follows ?theme=dark', async () => {
  const page = await open('config.html?lang=en&theme=dark');
  await page.getByRole('radio', { name: /Case overview/ }).waitFor();
  await page.getByRole('radio', { name: /SLA report/ }).check();
  expect(await page.getByTestId('display-name').innerText()).toBe('SLA report');
  expect(await page.getByTestId('outside-teams').innerText()).toContain(
    'Saving only works inside Microsoft Teams',
  );
  expect(await page.locator('[data-theme]').first().getAttribute('data-theme')).toBe('dark');
  expect(await page.locator('html').getAttribute('lang')).toBe('en');
  await page.context().close();
});

async function openInHost(existing: object | null): Promise<Page> {
  const context = await tb.browser.newContext({ viewport: { width: 900, height: 760 } });
  const page = await context.newPage();
  const token = await srv.token({ oid: USERS.desk, name: 'Ola Servicesenter' });
  const host = teamsHostPage({
    src: '/tab/config.html',
    width: 880,
    height: 700,
    frameContext: 'settings',
    context: {
      locale: 'en-us',
      theme: 'dark',
      hostClientType: 'web',
      teamId: '19:team',
      channelId: '19:channel',
      entityId: '',
      userObjectId: 'u-desk-1',
      tid: 'tenant',
    },
    token,
    answers: { 'settings.getSettings': [existing], 'settings.setSettings': [true] },
    script:
      "window.save = () => frame.contentWindow.postMessage({ func: 'settings.save', args: [{}] }, '*');",
  });
  await page.route(`${srv.url}/teams-host.html`, (route) =>
    route.fulfill({ contentType: 'text/html', body: host }),
  );
  await page.goto(`${srv.url}/teams-host.html`);
  return page;
}

type Call = { func: string; args: unknown[] };
const calls = (page: Page): Promise<Call[]> =>
  page.evaluate(() => (window as unknown as { calls: Call[] }).calls);
/** The values passed to setValidityState so far, once there are `n` of them. */
async function validity(page: Page, n: number): Promise<unknown[]> {
  await page.waitForFunction(
    (k) =>
      (window as unknown as { calls: Call[] }).calls.filter((c) => c.func === 'settings.setValidityState')
        .length >= k,
    n,
  );
  return (await calls(page)).filter((c) => c.func === 'settings.setValidityState').map((c) => c.args[0]);
}

it('inside a Teams host: validity once chosen, setConfig with the choice on Save, then success', async () => {
  const page = await openInHost(null);
  const frame = page.frameLocator('#tab');
  await frame.getByRole('radio', { name: /SLA report/ }).waitFor();
  // Host locale and theme; no outside-Teams note.
  expect(await frame.getByTestId('outside-teams').count()).toBe(0);
  expect(await frame.locator('[data-theme]').first().getAttribute('data-theme')).toBe('dark');
  expect(await validity(page, 1)).toEqual([false]);
  expect((await calls(page)).map((c) => c.func)).toContain('registerHandler');
  // The desks come from /api/me with the host's SSO token.
  await frame.locator('[data-testid="desk"] option[value="ror-ikt"]').waitFor({ state: 'attached' });
  expect((await calls(page)).map((c) => c.func)).toContain('authentication.getAuthToken');

  await frame.getByRole('radio', { name: /SLA report/ }).check();
  expect(await validity(page, 2)).toEqual([false, true]);
  await page.evaluate(() => (window as unknown as { save(): void }).save());
  await page.waitForFunction(() =>
    (window as unknown as { calls: Call[] }).calls.some((c) => c.func === 'settings.save.success'),
  );
  const set = (await calls(page)).find((c) => c.func === 'settings.setSettings');
  expect(set?.args[0]).toEqual({
    contentUrl: `${srv.url}/tab/?page=report`,
    websiteUrl: `${srv.url}/tab/?page=report`,
    entityId: 'fristvakt-report',
    suggestedDisplayName: 'SLA report',
  });
  await page.context().close();
});

it('inside a Teams host: reconfiguring an installed tab starts from its saved choice', async () => {
  const page = await openInHost({ contentUrl: `${srv.url}/tab/?view=desk&desk=uke`, entityId: 'x' });
  const frame = page.frameLocator('#tab');
  await frame.getByRole('radio', { name: /Case overview/ }).waitFor();
  expect(await frame.getByRole('radio', { name: /Case overview/ }).isChecked()).toBe(true);
  expect(await frame.getByTestId('result').getAttribute('data-content-url')).toBe(
    `${srv.url}/tab/?view=desk&desk=uke`,
  );
  expect((await validity(page, 1)).pop()).toBe(true);
  await page.context().close();
});
