/**
 * The case conversation delivered: the reporter, a follower and the desk act through the
 * bot's endpoint, then the real outbox sender delivers everything to the fake Bot Connector. What
 * arrives in each conversation is read from the connector's recorded calls: a comment reaches the
 * other side and the follower with the reference and "Svar"; the internal note reaches nobody's chat.
 */
import { CloudAdapter, ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import type { CaseRef } from '../../../shared/ids';
import { CONVERSATION_INPUTS } from '../../cards/comment-notice';
import { VERBS } from '../../cards/verbs';
import { botConnector } from '../../delivery/connector';
import { startOutboxSender, type OutboxSender } from '../../delivery/outbox-sender';
import { silentLogger } from '../../server/logger';
import { messageActivity, type TestUser } from '../../test-support/activities';
import { cardOfInvoke, cardText } from '../../test-support/cards';
import type { RecordedCall } from '../../test-support/fake-connector';
import { GOOD_ANSWERS, openForm, submitForm } from '../../test-support/fault-form';
import type { Harness } from '../../test-support/harness';
import {
  anne,
  channelInvoke,
  channelMessage,
  kari,
  pendingOutbox,
  per,
  startChannelHarness,
  TRIAGE_CHANNEL,
} from '../channel/test-support/channel';

const SECRET = 'notat-hemmelig-42';
let h: Harness;
let sender: OutboxSender;

beforeAll(async () => {
  h = await startChannelHarness(new Date('2026-03-03T09:00:00Z'));
  await h.post(channelMessage(anne, h.serviceUrl, TRIAGE_CHANNEL, 'koble ror-ikt'));
  // Per has talked to the bot before: his chat's reference is stored, so he can be written to.
  await h.post(messageActivity(per, h.serviceUrl, 'hjelp'));
});
afterAll(async () => {
  await sender?.stop();
  await h.close();
});

const personal = (u: TestUser): string => `a:personal-${u.aadObjectId}`;
const bodyText = (c: RecordedCall): string => JSON.stringify(c.body ?? '');

it('delivers each side’s comments to the others’ conversations, and the internal note to none of their chats', async () => {
  const { clientKey } = await openForm(h, kari);
  const created = cardOfInvoke(
    (await submitForm(h, kari, clientKey, { ...GOOD_ANSWERS, title: 'Levert', followers: 'Per Hansen' }))
      .body,
  );
  const ref = /FV-2026-\d{6}/.exec(cardText(created))![0] as CaseRef;
  h.now.value = new Date('2026-03-03T09:05:00Z');
  await h.post(messageActivity(kari, h.serviceUrl, `kommenter ${ref} Hei Kundeservice, fortsatt blank.`));
  h.now.value = new Date('2026-03-03T09:10:00Z');
  await h.post(
    channelInvoke(anne, h.serviceUrl, VERBS.caseComment, {
      ref,
      [CONVERSATION_INPUTS.commentText]: `Intern vurdering: ${SECRET}`,
      [CONVERSATION_INPUTS.commentInternal]: 'true',
    }),
  );
  h.now.value = new Date('2026-03-03T09:15:00Z');
  await h.post(
    channelInvoke(anne, h.serviceUrl, VERBS.caseComment, {
      ref,
      [CONVERSATION_INPUTS.commentText]: 'Vi har sendt saken til Visma.',
      [CONVERSATION_INPUTS.commentInternal]: 'false',
    }),
  );
  const expected = (await pendingOutbox(h)).length;
  expect(expected).toBeGreaterThanOrEqual(5);

  h.connector.clear();
  sender = startOutboxSender({
    store: h.app.store,
    connector: botConnector(new CloudAdapter(new ConfigurationBotFrameworkAuthentication({})), ''),
    botAppId: '',
    log: silentLogger,
    options: { pollIntervalMs: 10, baseDelayMs: 10, maxDelayMs: 100, ratePerSecond: 2000 },
  });
  const deadline = Date.now() + 10_000;
  while ((await pendingOutbox(h)).length > 0 && Date.now() < deadline)
    await new Promise((r) => setTimeout(r, 20));
  expect(await pendingOutbox(h)).toEqual([]);

  const calls = h.connector.calls.filter(
    (c) => c.kind === 'send' || c.kind === 'reply' || c.kind === 'create',
  );
  const inChat = (u: TestUser) => calls.filter((c) => c.conversationId === personal(u)).map(bodyText);
  // Kari: the desk's reply with the reference and "Svar".
  expect(
    inChat(kari).some(
      (b) => b.includes('Vi har sendt saken til Visma.') && b.includes(ref) && b.includes('"Svar"'),
    ),
  ).toBe(true);
  // Per (follower): told he follows, Kari's comment and the desk's reply.
  expect(inChat(per).some((b) => b.includes('lagt til som følger'))).toBe(true);
  expect(inChat(per).some((b) => b.includes('fortsatt blank'))).toBe(true);
  expect(inChat(per).some((b) => b.includes('Vi har sendt saken til Visma.'))).toBe(true);
  // The desk: Kari's comment as a reply in the case's triage thread.
  const thread = calls.filter((c) => c.conversationId?.startsWith(TRIAGE_CHANNEL) && c.kind !== 'create');
  expect(thread.some((c) => bodyText(c).includes('fortsatt blank') && bodyText(c).includes('"Svar"'))).toBe(
    true,
  );
  // The internal note: in nobody's personal chat.
  for (const c of calls.filter((x) => x.conversationId?.startsWith('a:personal-')))
    expect(bodyText(c)).not.toContain(SECRET);
});
