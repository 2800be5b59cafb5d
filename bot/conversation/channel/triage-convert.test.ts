/**
 * Converting a fault to an order and back from the triage card (a desk member), through the bot
 * endpoint: the reference, history, comments and followers stay, the reporter and the follower are
 * told, the clocks restart at the conversion under the order's delivery time.
 */
import { userActor } from '../../../shared/app/case-changes';
import { userConversationKey } from '../../../shared/conversation-keys';
import { userId, type CaseRef } from '../../../shared/ids';
import { caseSla } from '../../../shared/sla/case-sla';
import { VERBS } from '../../cards/verbs';
import { messageActivity } from '../../test-support/activities';
import { cardOfInvoke, cardText } from '../../test-support/cards';
import { GOOD_ANSWERS, openForm, submitForm } from '../../test-support/fault-form';
import type { Harness } from '../../test-support/harness';
import { cardVersion } from './case-card';
import {
  anne,
  bjorn,
  channelInvoke,
  channelMessage,
  DIRECTORY,
  kari,
  pendingOutbox,
  startChannelHarness,
  TRIAGE_CHANNEL,
} from './test-support/channel';

let h: Harness;
let ref: CaseRef;
const read = async () => (await h.app.store.cases.getForDesk(ref, 'ror-ikt' as never))!.value;

beforeAll(async () => {
  h = await startChannelHarness(new Date('2026-03-03T09:00:00Z'));
  await h.post(channelMessage(anne, h.serviceUrl, TRIAGE_CHANNEL, '<at>Fristvakt</at> koble ror-ikt'));
  h.app.catalogue.invalidate();
  const { clientKey } = await openForm(h, kari);
  const res = await submitForm(h, kari, clientKey, { ...GOOD_ANSWERS, title: 'Trenger ny PC, ikke feil' });
  ref = /FV-2026-\d{6}/.exec(JSON.stringify(res.body))![0] as CaseRef;
  const desks = (await h.app.catalogue.get()).desks;
  await h.app.deps.changes.apply(
    ref,
    { type: 'change_followers', add: [{ id: userId(bjorn.aadObjectId), name: bjorn.name }], remove: [] },
    userActor({ id: userId(kari.aadObjectId), name: kari.name }, desks, DIRECTORY),
    h.now.value,
  );
  h.now.value = new Date('2026-03-03T09:30:00Z');
  await h.post(messageActivity(kari, h.serviceUrl, `kommenter ${ref} Jeg trenger egentlig en ny PC.`));
});
afterAll(async () => {
  await h.close();
});

const convert = async (to: 'order' | 'fault') => {
  h.now.value = new Date(h.now.value.getTime() + 30 * 60_000);
  const c = await read();
  await h.post(channelInvoke(anne, h.serviceUrl, VERBS.triageConvert, { ref, version: cardVersion(c), to }));
  return read();
};

it('fault → order → fault keeps every comment and follower, tells the reporter, restarts the clocks', async () => {
  const before = await read();
  const comments = before.events.filter((e) => e.type === 'comment');
  expect(comments).toHaveLength(1);

  const order = await convert('order');
  expect(order).toMatchObject({ ref, kind: 'order' });
  expect(order.events.filter((e) => e.type === 'comment')).toEqual(comments);
  expect(order.followers.map((f) => f.id)).toEqual([bjorn.aadObjectId]);
  expect(order.checklist?.symptom).toBe(before.checklist?.symptom);
  expect(order.order?.checklist.what).toContain('Trenger ny PC');
  // The triage card names an order's resolution target by what it is: the delivery.
  const card = cardText(
    cardOfInvoke((await h.post(channelInvoke(anne, h.serviceUrl, VERBS.triageRefresh, { ref }))).body),
  );
  expect(card).toContain('Levering:');
  expect(card).not.toContain('Løsningstid:');
  const conversion = order.events.at(-1)!;
  expect(conversion).toMatchObject({ type: 'kind_changed', from: 'fault', to: 'order', byRole: 'desk' });
  // The clocks restart at the conversion: the response is not met yet, counted from then.
  const sla = caseSla(order, (await h.app.catalogue.get()).desk('ror-ikt')!, new Date(conversion.at));
  expect(sla.response.metAt).toBeUndefined();
  expect(sla.response.shareElapsed).toBe(0);

  const told = (await pendingOutbox(h)).filter((m) => m.caseRef === ref && m.id.includes(conversion.id));
  const to = (key: string) =>
    told.filter((m) => m.conversationKey === key).map((m) => JSON.stringify(m.activity));
  expect(to(userConversationKey(kari.aadObjectId))).toEqual([
    expect.stringContaining('gjort om til bestilling'),
  ]);
  expect(to(userConversationKey(bjorn.aadObjectId))).toEqual([
    expect.stringContaining('gjort om til bestilling'),
  ]);

  const fault = await convert('fault');
  expect(fault.kind).toBe('fault');
  expect(fault.events.filter((e) => e.type === 'comment')).toEqual(comments);
  expect(fault.followers.map((f) => f.id)).toEqual([bjorn.aadObjectId]);
  expect(fault.events.filter((e) => e.type === 'kind_changed').map((e) => e.type)).toHaveLength(2);
});
