/**
 * The approval reminder through the real app: an order whose estimate has no answer gets one reminder
 * after 3 working days of the desk's calendar, on a simulated clock across Ascension Day (Thursday 14
 * May 2026) and a weekend; the orderer gets the approval card again, marked as a reminder.
 */
import { userConversationKey } from '../../shared/conversation-keys';
import { parseCaseRef, type CaseRef } from '../../shared/ids';
import { ORDER_TRIAGE_INPUTS } from '../cards/channel/order-parts';
import { ORDER_INPUTS } from '../cards/order-form';
import { VERBS } from '../cards/verbs';
import { cardVersion } from '../conversation/channel/case-card';
import {
  anne,
  channelInvoke,
  channelMessage,
  kari,
  pendingOutbox,
  startChannelHarness,
  TRIAGE_CHANNEL,
} from '../conversation/channel/test-support/channel';
import { silentLogger } from '../server/logger';
import { invokeActivity } from '../test-support/activities';
import { actionByVerb, cardOfInvoke, cardText } from '../test-support/cards';
import type { Harness } from '../test-support/harness';
import { runApprovalReminders } from './approval-reminder';

let h: Harness;
let ref: CaseRef;
const at = (iso: string): void => {
  h.now.value = new Date(iso);
};
const sweep = () =>
  runApprovalReminders({
    store: h.app.store,
    catalogue: h.app.catalogue,
    changes: h.app.deps.changes,
    clock: () => h.now.value,
    log: silentLogger,
  });

beforeAll(async () => {
  // Wednesday 13 May 2026, 09:00 in Oslo (CEST).
  h = await startChannelHarness(new Date('2026-05-13T07:00:00Z'));
  await h.post(channelMessage(anne, h.serviceUrl, TRIAGE_CHANNEL, '<at>Fristvakt</at> koble ror-ikt'));
  h.app.catalogue.invalidate();
  const form = cardOfInvoke(
    (
      await h.post(
        invokeActivity(kari, h.serviceUrl, VERBS.orderOpen, { serviceId: 'ror-bestill-integrasjon' }),
      )
    ).body,
  );
  const clientKey = (actionByVerb(form, VERBS.orderSubmit)!.data as { clientKey: string }).clientKey;
  const ok = cardOfInvoke(
    (
      await h.post(
        invokeActivity(kari, h.serviceUrl, VERBS.orderSubmit, {
          clientKey,
          serviceId: 'ror-bestill-integrasjon',
          [ORDER_INPUTS.what]: 'Integrasjon mellom Gerica og Visma',
          [ORDER_INPUTS.forWhom]: 'Hjemmetjenesten',
          [ORDER_INPUTS.billingReference]: 'R12345',
          [ORDER_INPUTS.contactPersons]: 'Kari Nordmann',
          [ORDER_INPUTS.role]: 'superuser',
        }),
      )
    ).body,
  );
  ref = parseCaseRef(/BE-2026-\d{6}/.exec(cardText(ok))![0])!;
  // The estimate goes out at 10:00 on Wednesday.
  at('2026-05-13T08:00:00Z');
  const c = (await h.app.store.cases.getForDesk(ref, 'ror-ikt' as never))!.value;
  await h.post(
    channelInvoke(anne, h.serviceUrl, VERBS.triageEstimate, {
      ref,
      version: cardVersion(c),
      [ORDER_TRIAGE_INPUTS.hours]: '6',
      [ORDER_TRIAGE_INPUTS.text]: 'Oppsett og test.',
    }),
  );
});
afterAll(async () => {
  await h.close();
});

const reminders = async () =>
  (await pendingOutbox(h)).filter(
    (m) =>
      m.conversationKey === userConversationKey(kari.aadObjectId) &&
      JSON.stringify(m.activity).includes('Påminnelse: estimatet venter'),
  );

it('reminds after 3 working days: not on the holiday, the weekend or Monday, but Tuesday 10:00', async () => {
  // Thursday (Ascension Day), Friday, the weekend, Monday at 10:00: 2 working days so far.
  for (const t of [
    '2026-05-14T08:00:00Z',
    '2026-05-17T08:00:00Z',
    '2026-05-18T08:00:00Z',
    '2026-05-19T07:59:00Z',
  ]) {
    at(t);
    expect(await sweep()).toEqual([]);
  }
  at('2026-05-19T08:00:00Z');
  expect(await sweep()).toEqual([ref]);
  const sent = await reminders();
  expect(sent).toHaveLength(1);
  expect(JSON.stringify(sent[0]!.activity)).toContain(VERBS.estimateAnswer);
  // Once per estimate.
  at('2026-05-26T08:00:00Z');
  expect(await sweep()).toEqual([]);
  expect(await reminders()).toHaveLength(1);
});
