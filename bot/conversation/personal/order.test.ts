/**
 * Orders through the bot endpoint with real activities: `bestill` in chat, the order form with its
 * server-side checks, the BE- confirmation, the estimate loop on the triage card and the approval card
 * in chat (reject with a reason, a new estimate, approve), work refused before approval, a comment
 * "ok" that approves nothing, delivery and acceptance, and the order marked in "mine saker".
 */
import { approvalRequired, pendingEstimate } from '../../../shared/cases/orders';
import type { Case } from '../../../shared/cases/model';
import { parseCaseRef, type CaseRef } from '../../../shared/ids';
import { userConversationKey } from '../../../shared/conversation-keys';
import { TRIAGE_INPUTS } from '../../cards/channel/forms/form';
import { ORDER_TRIAGE_INPUTS } from '../../cards/channel/order-parts';
import { ORDER_INPUTS } from '../../cards/order-form';
import { VERBS } from '../../cards/verbs';
import { invokeActivity, messageActivity } from '../../test-support/activities';
import { actionByVerb, cardOfCall, cardOfInvoke, cardText, inputById } from '../../test-support/cards';
import type { Harness } from '../../test-support/harness';
import { cardVersion } from '../channel/case-card';
import {
  anne,
  channelInvoke,
  channelMessage,
  kari,
  pendingOutbox,
  startChannelHarness,
  TRIAGE_CHANNEL,
} from '../channel/test-support/channel';

const SERVICE = 'ror-bestill-integrasjon';
let h: Harness;

beforeAll(async () => {
  // Tuesday 3 March 2026, 10:00 in Oslo.
  h = await startChannelHarness(new Date('2026-03-03T09:00:00Z'));
  await h.post(channelMessage(anne, h.serviceUrl, TRIAGE_CHANNEL, '<at>Fristvakt</at> koble ror-ikt'));
  h.app.catalogue.invalidate();
});
afterAll(async () => {
  await h.close();
});

const later = (minutes: number): void => {
  h.now.value = new Date(h.now.value.getTime() + minutes * 60_000);
};
const read = async (ref: CaseRef): Promise<Case> =>
  (await h.app.store.cases.getForDesk(ref, 'ror-ikt' as never))!.value;
const desk = async (ref: CaseRef, verb: string, extra: Record<string, unknown> = {}) => {
  const c = await read(ref);
  later(5);
  const res = await h.post(
    channelInvoke(anne, h.serviceUrl, verb, { ref, version: cardVersion(c), ...extra }),
  );
  return cardText(cardOfInvoke(res.body));
};
const asKari = async (verb: string, data: Record<string, unknown>) => {
  later(5);
  return cardOfInvoke((await h.post(invokeActivity(kari, h.serviceUrl, verb, data))).body);
};

const GOOD = {
  [ORDER_INPUTS.what]: 'Integrasjon mellom Gerica og Visma for turnusdata',
  [ORDER_INPUTS.forWhom]: 'Hjemmetjenesten i Molde',
  [ORDER_INPUTS.earlierCommunication]: 'Avtalt med leverandøren på møte 20. februar.',
  [ORDER_INPUTS.billingReference]: 'R12345',
  [ORDER_INPUTS.contactPersons]: 'Kari Nordmann, 900 00 000',
  [ORDER_INPUTS.role]: 'administrator',
};

describe('an order in Teams, from the catalogue to accepted delivery', () => {
  let ref: CaseRef;

  it('bestill shows the orderable services with description, price and delivery time', async () => {
    h.connector.clear();
    await h.post(messageActivity(kari, h.serviceUrl, 'bestill'));
    const catalogue = cardOfCall(await h.connector.waitFor((c) => c.kind === 'reply' || c.kind === 'send'));
    const t = cardText(catalogue);
    expect(t).toContain('Ny integrasjon mot fagsystem');
    expect(t).toContain('Etter medgått tid');
    expect(t).toContain('Levering: 10 virkedager');
    expect(t).toContain('estimat i timer som du må godkjenne');
    expect(t).not.toContain('Gerica (pleie og omsorg)');
    expect(actionByVerb(catalogue, VERBS.orderOpen)).toBeDefined();
  });

  it('keeps the answers and says at the field what is wrong; then confirms with a BE- reference', async () => {
    const form = await asKari(VERBS.orderOpen, { serviceId: SERVICE });
    expect(inputById(form, ORDER_INPUTS.billingReference)).toBeDefined();
    expect(cardText(form)).toContain('Eksempel: R12345');
    const clientKey = (actionByVerb(form, VERBS.orderSubmit)!.data as { clientKey: string }).clientKey;
    const bad = await asKari(VERBS.orderSubmit, {
      clientKey,
      serviceId: SERVICE,
      ...GOOD,
      [ORDER_INPUTS.billingReference]: '12345',
      [ORDER_INPUTS.contactPersons]: '',
    });
    expect(cardText(bad)).toContain('Formatet stemmer ikke. Eksempel: R12345');
    expect(cardText(bad)).toContain('Dette feltet må fylles ut.');
    expect(inputById(bad, ORDER_INPUTS.what)?.value).toBe(GOOD[ORDER_INPUTS.what]);
    const ok = await asKari(VERBS.orderSubmit, { clientKey, serviceId: SERVICE, ...GOOD });
    const m = /BE-2026-\d{6}/.exec(cardText(ok));
    expect(m).not.toBeNull();
    ref = parseCaseRef(m![0])!;
    expect(cardText(ok)).toContain('Du får først et estimat i timer');
    const c = await read(ref);
    expect(c).toMatchObject({ kind: 'order', status: 'new', reporterRole: 'administrator' });
    expect(c.order?.checklist.billingReference).toBe('R12345');
    // A replayed submit creates nothing new.
    const again = await asKari(VERBS.orderSubmit, { clientKey, serviceId: SERVICE, ...GOOD });
    expect(cardText(again)).toContain(ref);
  });

  it('refuses to take the order before an estimate is approved, saying why', async () => {
    const card = await desk(ref, VERBS.triageClaim);
    expect(card).toContain('trenger et godkjent estimat');
    expect((await read(ref)).status).toBe('new');
  });

  it('estimate → the orderer gets the approval card; "ok" in a comment approves nothing', async () => {
    const card = await desk(ref, VERBS.triageEstimate, {
      [ORDER_TRIAGE_INPUTS.hours]: '12',
      [ORDER_TRIAGE_INPUTS.text]: 'Analyse, oppsett og test av integrasjonen.',
    });
    expect(card).toContain('Avventer godkjenning');
    expect(card).toContain('Analyse, oppsett og test');
    const c = await read(ref);
    expect(c.status).toBe('waiting');
    const toKari = (await pendingOutbox(h)).filter(
      (m) => m.conversationKey === userConversationKey(kari.aadObjectId) && m.caseRef === ref,
    );
    const approval = toKari.find((m) => JSON.stringify(m.activity).includes(VERBS.estimateAnswer));
    expect(JSON.stringify(approval?.activity)).toContain('12 timer');

    later(5);
    await h.post(messageActivity(kari, h.serviceUrl, `kommenter ${ref} ok`));
    const after = await read(ref);
    expect(after.events.at(-1)?.type).toBe('comment');
    expect(approvalRequired(after)).toBe(true);
    expect(after.status).toBe('waiting');
    expect(await desk(ref, VERBS.triageClaim)).toContain('ikke godkjent av bestilleren');
  });

  it('reject needs a reason; a new estimate; approve; then work, delivery and acceptance', async () => {
    const first = pendingEstimate(await read(ref))!;
    const noReason = await asKari(VERBS.estimateAnswer, { ref, estimateId: first.id, approve: false });
    expect(cardText(noReason)).toContain('Skriv hvorfor du avviser estimatet.');
    const rejected = await asKari(VERBS.estimateAnswer, {
      ref,
      estimateId: first.id,
      approve: false,
      [ORDER_INPUTS.reason]: 'For mange timer for analysen.',
    });
    expect(cardText(rejected)).toContain('Du har avvist estimatet');
    expect((await read(ref)).status).toBe('new');

    await desk(ref, VERBS.triageEstimate, {
      [ORDER_TRIAGE_INPUTS.hours]: '7,5',
      [ORDER_TRIAGE_INPUTS.text]: 'Oppsett og test; analysen er gjort.',
    });
    const second = pendingEstimate(await read(ref))!;
    expect(second.hours).toBe(7.5);
    // The old card's answer is stale.
    expect(
      cardText(await asKari(VERBS.estimateAnswer, { ref, estimateId: first.id, approve: true })),
    ).toContain('erstattet av et nyere');
    const approved = await asKari(VERBS.estimateAnswer, { ref, estimateId: second.id, approve: true });
    expect(cardText(approved)).toContain('Du har godkjent estimatet');
    expect(approvalRequired(await read(ref))).toBe(false);

    expect(await desk(ref, VERBS.triageClaim)).toContain('Under arbeid');
    await desk(ref, VERBS.triageSolve, { [TRIAGE_INPUTS.solution]: 'Integrasjonen er satt i drift.' });
    expect((await read(ref)).status).toBe('solved');
    await asKari(VERBS.solutionAccept, { ref });
    const done = await read(ref);
    expect(done.status).toBe('closed');
    expect(done.order?.estimates.map((e) => [e.hours, e.answer?.approved, e.answer?.reason])).toEqual([
      [12, false, 'For mange timer for analysen.'],
      [7.5, true, undefined],
    ]);
    // The desk's thread heard the comment "ok" as a comment, and both answers.
    const thread = (await pendingOutbox(h)).filter((m) => m.caseRef === ref && m.id.endsWith(':desk-reply'));
    expect(thread.map((m) => JSON.stringify(m.activity))).toEqual([
      expect.stringContaining('Ny kommentar i sak'),
      expect.stringContaining('avviste estimatet'),
      expect.stringContaining('godkjente estimatet'),
    ]);
  });

  it('shows the order in "mine saker", marked as an order', async () => {
    h.connector.clear();
    await h.post(messageActivity(kari, h.serviceUrl, 'mine saker'));
    const mine = cardText(
      cardOfCall(await h.connector.waitFor((c) => c.kind === 'reply' || c.kind === 'send')),
    );
    expect(mine).toContain(`${ref}** Bestilling:`);
  });
});
