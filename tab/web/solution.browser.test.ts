/**
 * The reporter answers a solution in the tab, in headless Chromium against the real server and store:
 * on a Løst case "Ikke løst" needs what still does not work and reopens the case, "Godta løsningen"
 * closes it; the solution text stays on the case after either answer. Desktop and 375 px, axe clean.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { screenshotDir } from '../../scripts/headless';
import { axeViolations } from '../test-support/browser';
import { seedStore, USERS } from '../test-support/seed';
import { startBrowserWorld, type BrowserWorld } from '../test-support/world';

const NOW = new Date('2026-03-20T12:00:00Z');
const SHOTS = screenshotDir('tab');

let world: BrowserWorld;

beforeAll(async () => {
  world = await startBrowserWorld({ now: NOW, seed: (s) => seedStore(s) });
}, 120_000);

afterAll(() => world?.close());

async function openCase(user: string, ref: string, width = 1440): Promise<Page> {
  const context = await world.tb.browser.newContext({
    viewport: { width, height: 900 },
    timezoneId: 'Europe/Oslo',
    locale: 'nb-NO',
  });
  const page = await context.newPage();
  await page.clock.install({ time: NOW });
  await page.goto(`${world.srv.url}/tab/?devUser=${user}&case=${ref}`);
  await page.getByTestId('case-detail').waitFor();
  return page;
}

it('"Ikke løst" needs a comment and reopens the case; the solution stays shown', async () => {
  const page = await openCase(USERS.employee, 'FV-2026-000001', 375);
  const card = page.getByTestId('solution');
  const solution = await card.getByTestId('solution-text').innerText();
  expect(solution.length).toBeGreaterThan(0);
  await page.getByTestId('reject-solution').click();
  await page.getByTestId('reject-send').click();
  await card.getByText('Skriv hva som fortsatt ikke virker.').waitFor();
  expect(await page.getByTestId('detail-status').innerText()).toBe('Løst');
  expect(await axeViolations(page)).toEqual([]);
  await page.screenshot({ path: join(SHOTS, 'solution-reject-375.png'), fullPage: true });

  await page.getByTestId('reject-comment').fill('Agresso henger fortsatt ved innlogging');
  await page.getByTestId('reject-send').click();
  await page.getByTestId('detail-status').getByText('Under arbeid').waitFor();
  expect(await card.getByTestId('solution-text').innerText()).toBe(solution);
  expect(await card.getByTestId('solution-answer').innerText()).toContain(
    'Ikke løst (20.03.2026, 13:00): Agresso henger fortsatt ved innlogging',
  );
  expect(await page.getByTestId('accept-solution').count()).toBe(0);
  await page.context().close();
});

it('"Godta løsningen" closes the case; only the reporter is asked', async () => {
  const desk = await openCase(USERS.desk, 'FV-2026-000002');
  await desk.getByTestId('solution-text').waitFor();
  expect(await desk.getByTestId('accept-solution').count()).toBe(0);
  await desk.context().close();

  const page = await openCase(USERS.employee, 'FV-2026-000002');
  const solution = await page.getByTestId('solution-text').innerText();
  expect(await axeViolations(page)).toEqual([]);
  await page.screenshot({ path: join(SHOTS, 'solution-answer.png') });
  await page.getByTestId('accept-solution').click();
  await page.getByTestId('detail-status').getByText('Lukket').waitFor();
  expect(await page.getByTestId('solution-text').innerText()).toBe(solution);
  expect(await page.getByTestId('solution-answer').innerText()).toContain('Løsningen er godtatt');
  expect(await axeViolations(page)).toEqual([]);
  await page.screenshot({ path: join(SHOTS, 'solution-accepted.png') });
  await page.context().close();
});
