/**
 * A case whose triage post never reached the channel (a case reported before its desk linked a
 * channel whose post was set aside, or a post parked after Teams refused it) has no thread there. The
 * next change on it must not wait for a thread that will never come (eight retries, then a technical
 * alert in the channel): the card update starts the thread, the one-line reply goes into it or is
 * folded into the card, nothing is parked and nobody is alerted. Through the real server, the outbox sender and the
 * fake Bot Connector.
 */
import { CloudAdapter, ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import { userActor } from '../../shared/app/case-changes';
import { triagePostId } from '../../shared/conversation-keys';
import { userId, type CaseRef } from '../../shared/ids';
import {
  anne,
  channelMessage,
  DIRECTORY,
  kari,
  pendingOutbox,
  startChannelHarness,
  TRIAGE_CHANNEL,
} from '../conversation/channel/test-support/channel';
import { silentLogger } from '../server/logger';
import { cardOfCall, cardText } from '../test-support/cards';
import { GOOD_ANSWERS, openForm, submitForm } from '../test-support/fault-form';
import type { Harness } from '../test-support/harness';
import { systemClock } from './clock';
import { botConnector } from './connector';
import { ALERT_PREFIX, startOutboxSender, type OutboxSender } from './outbox-sender';

let h: Harness;
let sender: OutboxSender;

beforeAll(async () => {
  h = await startChannelHarness(new Date('2026-03-03T09:00:00Z'));
  sender = startOutboxSender({
    store: h.app.store,
    connector: botConnector(new CloudAdapter(new ConfigurationBotFrameworkAuthentication({})), ''),
    botAppId: '',
    log: silentLogger,
    clock: { now: () => h.now.value, sleep: systemClock.sleep },
    options: { pollIntervalMs: 60_000, baseDelayMs: 1, maxDelayMs: 1 },
  });
});
afterAll(async () => {
  await sender.stop();
  await h.close();
});

async function deliverAll(): Promise<void> {
  for (let round = 0; round < 20 && (await pendingOutbox(h)).length > 0; round++) await sender.runOnce();
}

it('starts the thread of a case whose post never arrived with its next change; no retries, no alert', async () => {
  const { clientKey } = await openForm(h, kari);
  const res = await submitForm(h, kari, clientKey, { ...GOOD_ANSWERS, title: 'Fra før kanalen' });
  const ref = /FV-2026-\d{6}/.exec(JSON.stringify(res.body))![0] as CaseRef;
  expect(await h.app.store.outbox.get(triagePostId(ref), 'ror-ikt' as never)).toBeNull();

  await h.post(channelMessage(anne, h.serviceUrl, TRIAGE_CHANNEL, 'koble ror-ikt'));
  // Linking posts the desk's open cases; this case's post is set aside before it is delivered.
  await h.app.store.outbox.park(triagePostId(ref), 'ror-ikt' as never, 'set aside by the test');
  await deliverAll();
  h.connector.clear();

  const desks = (await h.app.catalogue.get()).desks;
  const applied = await h.app.deps.changes.apply(
    ref,
    { type: 'claim' },
    userActor({ id: userId(anne.aadObjectId), name: anne.name }, desks, DIRECTORY),
    h.now.value,
  );
  await deliverAll();

  const creates = h.connector.calls.filter((c) => c.kind === 'create' && c.status === 201);
  const started = creates.find((c) => JSON.stringify(c.body).includes('Fra før kanalen'));
  expect(started).toBeDefined();
  const { activity } = started!.body as { activity: unknown };
  expect(cardText(cardOfCall({ ...started!, body: activity }))).toContain('Under arbeid');
  expect(await h.app.store.threads.get(`case:${ref}:triage`)).not.toBeNull();

  const last = applied.events[applied.events.length - 1]!;
  for (const suffix of ['triage-update', 'triage-reply']) {
    const e = await h.app.store.outbox.get(`${ref}:${last.id}:${suffix}`, 'ror-ikt' as never);
    expect(e).toMatchObject({ status: 'delivered', attempts: 0 });
  }
  expect(h.connector.calls.some((c) => JSON.stringify(c.body).includes('klarte ikke å levere'))).toBe(false);
  expect((await pendingOutbox(h)).filter((m) => m.id.startsWith(ALERT_PREFIX))).toEqual([]);
});
