/**
 * The tab's comment box (the case conversation) in headless Chromium against the real server and store: the reporter
 * comments from the case view; a desk member writes an internal note and a reply; the reporter's view
 * shows the reply, never the note.
 */
import type { Page } from 'playwright-core';
import { seedStore, USERS } from '../test-support/seed';
import { startBrowserWorld, type BrowserWorld } from '../test-support/world';

const NOW = new Date('2026-03-20T12:00:00Z');
const REF = 'FV-2026-000010'; // Aukra, reported by Per Aukra
const NOTE = 'notat-kun-for-desken';

let world: BrowserWorld;

beforeAll(async () => {
  world = await startBrowserWorld({ now: NOW, seed: (s) => seedStore(s, { extra: true }) });
}, 120_000);

afterAll(() => world?.close());

async function openCase(user: string): Promise<Page> {
  const context = await world.tb.browser.newContext({ timezoneId: 'Europe/Oslo', locale: 'nb-NO' });
  const page = await context.newPage();
  await page.clock.install({ time: NOW });
  await page.goto(`${world.srv.url}/tab/?devUser=${user}&case=${REF}`);
  await page.getByTestId('comment-box').waitFor();
  return page;
}

async function comment(page: Page, text: string, internal = false): Promise<void> {
  await page.getByTestId('comment-text').fill(text);
  if (internal) await page.getByTestId('comment-internal').click();
  await page.getByTestId('comment-send').click();
  await page.getByTestId('timeline').getByText(text, { exact: false }).waitFor();
}

it('the reporter and the desk comment from the tab; the internal note stays with the desk', async () => {
  const reporter = await openCase(USERS.employeeAukra);
  expect(await reporter.getByTestId('comment-internal').count()).toBe(0);
  await comment(reporter, 'Skanneren **virker** fortsatt ikke <b>hjelp</b>');
  // Plain text: shown as typed, no markup.
  expect(await reporter.locator('[data-testid="timeline"] b, [data-testid="timeline"] strong').count()).toBe(
    0,
  );
  await reporter.context().close();

  const desk = await openCase(USERS.desk);
  await comment(desk, `Internt: ${NOTE}`, true);
  await comment(desk, 'Vi bytter skanneren i morgen.');
  const deskTimeline = await desk.getByTestId('timeline').innerText();
  expect(deskTimeline.indexOf('Skanneren **virker**')).toBeLessThan(deskTimeline.indexOf(NOTE));
  expect(deskTimeline.indexOf(NOTE)).toBeLessThan(deskTimeline.indexOf('Vi bytter skanneren'));
  await desk.context().close();

  const again = await openCase(USERS.employeeAukra);
  await again.getByTestId('timeline').getByText('Vi bytter skanneren i morgen.', { exact: false }).waitFor();
  expect(await again.getByTestId('timeline').innerText()).not.toContain(NOTE);
  await again.context().close();
});
