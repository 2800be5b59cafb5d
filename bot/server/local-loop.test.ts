/**
 * The local loop's edges: the server's address opens the tab, and the locale proxy of `npm run dev`
 * (scripts/dev.ts) makes the bot answer the playground's en-US activities in bokmål (or in English
 * when asked), through the real server.
 */
import { startLocaleProxy } from '../../scripts/dev';
import { messageActivity } from '../test-support/activities';
import { textOfCall } from '../test-support/cards';
import { startHarness, type Harness } from '../test-support/harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

it('redirects GET / to the tab', async () => {
  const res = await fetch(`${h.app.url}/`, { redirect: 'manual' });
  expect(res.status).toBe(302);
  expect(res.headers.get('location')).toBe('/tab/');
});

async function answerThrough(locale: string): Promise<string> {
  const proxy = await startLocaleProxy(h.app.url, locale);
  try {
    h.connector.clear();
    const activity = {
      ...messageActivity(
        { aadObjectId: 'aad-alex', name: 'Alex Wilber', locale: 'en-US' },
        h.serviceUrl,
        'xyzzy',
      ),
      entities: [{ type: 'clientInfo', locale: 'en-US' }],
    };
    const res = await fetch(`${proxy.url}/api/messages`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(activity),
    });
    expect(res.status).toBe(200);
    return (
      JSON.stringify(await h.connector.waitFor((c) => c.kind === 'reply' || c.kind === 'send')) +
      textOfCall(h.connector.calls[0]!)
    );
  } finally {
    await proxy.close();
  }
}

it('gives the playground’s activities the locale asked for', async () => {
  const nb = await answerThrough('nb-NO');
  const en = await answerThrough('en-US');
  expect(nb).not.toBe(en);
  expect(nb).toMatch(/hjelp/i);
  expect(en).toMatch(/help/i);
});
