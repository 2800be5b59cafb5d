/** Install, commands and hints through the HTTP endpoint; replies recorded by the fake connector. */
import { installActivity, invokeActivity, messageActivity, type TestUser } from '../test-support/activities';
import { cardOfCall, cardOfInvoke, cardText, elements, textOfCall } from '../test-support/cards';
import { startHarness, type Harness } from '../test-support/harness';
import { VERBS } from '../cards/verbs';
import { cleanText, matchCommand } from './commands';

const kari: TestUser = { aadObjectId: 'aad-kari', name: 'Kari Nordmann' };
const john: TestUser = { aadObjectId: 'aad-john', name: 'John Smith', locale: 'en-US' };

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());
beforeEach(() => h.connector.clear());

async function say(user: TestUser, text: string) {
  h.connector.clear();
  const res = await h.post(messageActivity(user, h.serviceUrl, text));
  expect(res.status).toBe(200);
  return h.connector.waitFor((c) => c.kind === 'reply' || c.kind === 'send');
}

it('welcomes in Norwegian with buttons on install, and remembers the conversation', async () => {
  await h.post(installActivity(kari, h.serviceUrl));
  const call = await h.connector.waitFor((c) => c.kind === 'reply' || c.kind === 'send');
  expect(call.path).toContain(encodeURIComponent(`a:personal-${kari.aadObjectId}`));
  const card = cardOfCall(call);
  expect(cardText(card)).toContain('Hei, jeg er Fristvakt');
  const commands = elements(card)
    .filter((e) => e.verb === VERBS.menuRun)
    .map((e) => (e.data as { command: string }).command);
  expect(commands).toEqual(['meld feil', 'bestill', 'mine saker', 'driftsmeldinger', 'hjelp']);
  const ref = await h.app.store.conversations.get(`user:${kari.aadObjectId}`);
  expect(ref).toMatchObject({
    serviceUrl: h.serviceUrl,
    conversation: { id: `a:personal-${kari.aadObjectId}` },
  });
});

it('answers hjelp, also with an @mention and markup around it', async () => {
  const card = cardOfCall(await say(kari, '<at>Fristvakt</at>&nbsp;<p>Hjelp</p>'));
  expect(cardText(card)).toContain('Slik bruker du Fristvakt');
});

it('answers anything else with a friendly hint, never silence', async () => {
  const text = textOfCall(await say(kari, 'hva er klokka?'));
  expect(text).toContain('Jeg forstod ikke «hva er klokka?»');
  expect(text).toContain('meld feil');
});

it('speaks English to an en-US user', async () => {
  expect(textOfCall(await say(john, 'hello'))).toContain('I did not understand “hello”');
  expect(cardText(cardOfCall(await say(john, 'help')))).toContain('How to use Fristvakt');
});

it('lists no driftsmeldinger when there are none', async () => {
  expect(cardText(cardOfCall(await say(kari, 'driftsmeldinger')))).toContain('Ingen aktive driftsmeldinger');
});

it('runs a menu button as its command and answers with that card in the invoke response', async () => {
  const res = await h.post(invokeActivity(kari, h.serviceUrl, VERBS.menuRun, { command: 'mine saker' }));
  expect(res.status).toBe(200);
  expect(cardText(cardOfInvoke(res.body))).toContain('Du har ingen saker ennå');
});

it('answers an unknown verb with an explicit error response', async () => {
  const res = await h.post(invokeActivity(kari, h.serviceUrl, 'case.explode', {}));
  expect(res.status).toBe(200);
  expect(res.body).toEqual({
    statusCode: 400,
    type: 'application/vnd.microsoft.error',
    value: { code: 'UNKNOWN_ACTION', message: expect.stringContaining('Denne handlingen kjenner jeg ikke') },
  });
});

describe('matchCommand', () => {
  it.each([
    ['meld feil', 'meld feil', ''],
    ['Meld feil Skriveren er nede', 'meld feil', 'Skriveren er nede'],
    ['status FV-2026-000123', 'status', 'FV-2026-000123'],
    ['  MINE   saker. ', 'mine saker', ''],
    ['my cases', 'mine saker', ''],
    ['<at>Fristvakt</at> hjelp', 'hjelp', ''],
  ])('%j → %s %j', (text, name, arg) => {
    expect(matchCommand(text)).toMatchObject({ command: { name }, arg });
  });
  it.each([['mine saker nå'], ['hjelpe'], ['statusrapport'], ['']])('%j is no command', (text) => {
    expect(matchCommand(text)).toBeNull();
  });
  it('strips mentions and tags', () => {
    expect(cleanText('<at>Bot</at> <b>hei</b>&nbsp;der')).toBe('hei der');
  });
});
