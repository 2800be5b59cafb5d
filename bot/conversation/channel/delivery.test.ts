/**
 * The triage thread end to end: the channel flow writes outbox messages, H7's outbox sender delivers
 * them through botbuilder's CloudAdapter to the fake Bot Connector. A new case becomes a new thread in
 * the triage channel with its card; Ta saken edits that very message in place and replies under it;
 * the reporter gets a 1:1 message; a notice is posted in each chosen channel and edited in place.
 */
import { CloudAdapter, ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import { caseRef, deskId, noticeId } from '../../../shared/ids';
import { NOTICE_INPUTS } from '../../cards/channel/notice-form';
import { VERBS } from '../../cards/verbs';
import { systemClock } from '../../delivery/clock';
import { botConnector } from '../../delivery/connector';
import { startOutboxSender, type OutboxSender } from '../../delivery/outbox-sender';
import { silentLogger } from '../../server/logger';
import { actionByVerb, cardOfCall, cardOfInvoke, cardText, type AnyCard } from '../../test-support/cards';
import { GOOD_ANSWERS, openForm, submitForm } from '../../test-support/fault-form';
import type { Harness } from '../../test-support/harness';
import { noticeCardVersion } from './notices';
import {
  anne,
  channelInvoke,
  channelMessage,
  kari,
  NOTICE_CHANNEL_A,
  NOTICE_CHANNEL_B,
  pendingOutbox,
  startChannelHarness,
  TEAM_ID,
  TRIAGE_CHANNEL,
} from './test-support/channel';

const NOW = new Date('2026-03-03T09:00:00Z');

let h: Harness;
let sender: OutboxSender;
beforeAll(async () => {
  h = await startChannelHarness(NOW);
  sender = startOutboxSender({
    store: h.app.store,
    connector: botConnector(new CloudAdapter(new ConfigurationBotFrameworkAuthentication({})), ''),
    botAppId: '',
    log: silentLogger,
    // The test's time; the loop itself sleeps (a minute) while `runOnce` below does the rounds.
    clock: { now: () => h.now.value, sleep: systemClock.sleep },
    options: { pollIntervalMs: 60_000 },
  });
  for (const [channel, text] of [
    [TRIAGE_CHANNEL, 'koble ror-ikt'],
    [NOTICE_CHANNEL_A, 'koble driftsmeldinger ror-ikt'],
    [NOTICE_CHANNEL_B, 'koble driftsmeldinger ror-ikt'],
  ] as const)
    await h.post(channelMessage(anne, h.serviceUrl, channel, text));
});
afterAll(async () => {
  await sender.stop();
  await h.close();
});

/** Delivers until nothing is pending. */
async function deliverAll(): Promise<void> {
  for (let round = 0; round < 20 && (await pendingOutbox(h)).length > 0; round++) await sender.runOnce();
  expect(await pendingOutbox(h)).toEqual([]);
}

it('posts the case as a new thread, edits that message in place after Ta saken and replies under it', async () => {
  const { clientKey } = await openForm(h, kari);
  const confirmation = cardText(cardOfInvoke((await submitForm(h, kari, clientKey, GOOD_ANSWERS)).body));
  const ref = caseRef(/FV-2026-\d{6}/.exec(confirmation)![0]);
  h.connector.clear();
  await deliverAll();
  const create = h.connector.calls.find((c) => c.kind === 'create')!;
  expect(create.body).toMatchObject({ isGroup: true, channelData: { channel: { id: TRIAGE_CHANNEL } } });
  const posted = cardOfCall({ ...create, body: (create.body as { activity: unknown }).activity });
  expect(cardText(posted)).toContain(ref);
  const thread = await h.app.store.threads.get(`case:${ref}:triage`);
  expect(thread).toMatchObject({
    conversationId: create.createdConversationId,
    activityId: create.responseId,
  });

  const claim = actionByVerb(posted, VERBS.triageClaim)!;
  await h.post(channelInvoke(anne, h.serviceUrl, VERBS.triageClaim, claim.data as Record<string, unknown>));
  h.connector.clear();
  await deliverAll();
  const update = h.connector.calls.find((c) => c.kind === 'update')!;
  expect([update.conversationId, update.activityId]).toEqual([thread!.conversationId, thread!.activityId]);
  expect(cardText(cardOfCall(update))).toContain('Saksbehandler: Anne Desk');
  const reply = h.connector.calls.find(
    (c) => c.kind === 'reply' && c.conversationId === thread!.conversationId,
  )!;
  expect(reply.activityId).toBe(thread!.activityId);
  expect((reply.body as { text: string }).text).toBe('Anne Desk tok saken · 03.03.2026, 10:00');
  const toKari = h.connector.calls.find(
    (c) => c.kind === 'send' && c.conversationId === `a:personal-${kari.aadObjectId}`,
  )!;
  expect(JSON.stringify(toKari.body)).toContain('Anne Desk');
});

it('posts a notice in each chosen channel and edits every copy in place on an update', async () => {
  h.connector.clear();
  await h.post(channelMessage(anne, h.serviceUrl, TRIAGE_CHANNEL, 'ny driftsmelding'));
  const form: AnyCard = cardOfCall(await h.connector.waitFor((c) => c.kind === 'reply' || c.kind === 'send'));
  const data = actionByVerb(form, VERBS.noticePublish)!.data as Record<string, unknown>;
  const card = cardOfInvoke(
    (
      await h.post(
        channelInvoke(anne, h.serviceUrl, VERBS.noticePublish, {
          ...data,
          [NOTICE_INPUTS.kind]: 'outage',
          [NOTICE_INPUTS.services]: 'ror-epost',
          [NOTICE_INPUTS.title]: 'E-post er nede',
          [NOTICE_INPUTS.startDate]: '2026-03-03',
          [NOTICE_INPUTS.startTime]: '09:50',
          [NOTICE_INPUTS.text]: 'Ingen får sendt e-post.',
          [NOTICE_INPUTS.channels]: `channel:${TEAM_ID}:${NOTICE_CHANNEL_A},channel:${TEAM_ID}:${NOTICE_CHANNEL_B}`,
        }),
      )
    ).body,
  );
  h.connector.clear();
  await deliverAll();
  const creates = h.connector.calls.filter((c) => c.kind === 'create');
  expect(
    creates
      .map((c) => (c.body as { channelData: { channel: { id: string } } }).channelData.channel.id)
      .sort(),
  ).toEqual([NOTICE_CHANNEL_A, NOTICE_CHANNEL_B].sort());
  expect(JSON.stringify(card)).toContain(VERBS.noticeUpdate); // the update form, in a ShowCard
  const id = data.noticeId as string;
  const notice = (await h.app.store.notices.get(noticeId(id), deskId('ror-ikt')))!.value;
  await h.post(
    channelInvoke(anne, h.serviceUrl, VERBS.noticeUpdate, {
      id,
      deskId: 'ror-ikt',
      version: noticeCardVersion(notice),
      [NOTICE_INPUTS.updateText]: 'Leverandøren feilsøker.',
    }),
  );
  h.connector.clear();
  await deliverAll();
  const updates = h.connector.calls.filter((c) => c.kind === 'update');
  expect(updates.map((u) => u.activityId).sort()).toEqual(creates.map((c) => c.responseId).sort());
  for (const u of updates) expect(cardText(cardOfCall(u))).toContain('Leverandøren feilsøker.');
  expect(h.connector.calls.filter((c) => c.kind === 'reply')).toHaveLength(2);
});
