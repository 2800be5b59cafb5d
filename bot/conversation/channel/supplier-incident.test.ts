/**
 * A supplier's incident end to end (seed 001 M.2), through the real server: the supplier API takes a
 * critical incident and answers our reference (M.2.1.5); the desk's channel gets the triage card with
 * "Info til sluttbrukere? Ja/Nei" and, at once, an alert with mentions and the supplier's phone
 * (M.2.1.3); Ja opens the driftsmelding form prefilled from the incident (M.2.1.6), which the desk
 * publishes; the supplier reports the fix comes in a later version (M.2.1.8): the case is solved with
 * its text and the notice is resolved. An incident "for information only" closes at the desk's Nei.
 */
import { newApiKey } from '../../../shared/app/supplier-keys';
import { deskId, isoInstant, serviceId, userId, type CaseRef } from '../../../shared/ids';
import { supplierId, type Supplier } from '../../../shared/suppliers/model';
import { TRIAGE_INPUTS } from '../../cards/channel/forms/form';
import { NOTICE_INPUTS } from '../../cards/channel/notice-form';
import { VERBS } from '../../cards/verbs';
import { actionByVerb, cardOfInvoke, cardText, inputById, type AnyCard } from '../../test-support/cards';
import type { Harness } from '../../test-support/harness';
import {
  anne,
  channelInvoke,
  channelMessage,
  NOTICE_CHANNEL_A,
  pendingOutbox,
  ROR,
  startChannelHarness,
  TEAM_ID,
  TRIAGE_CHANNEL,
} from './test-support/channel';
import { supplierApi } from '../../test-support/supplier-fixture';

const NOW = new Date('2026-03-03T09:00:00Z');
const KEY_A = `channel:${TEAM_ID}:${NOTICE_CHANNEL_A}`;
let h: Harness;
let key = '';

beforeAll(async () => {
  h = await startChannelHarness(NOW);
  await h.post(channelMessage(anne, h.serviceUrl, TRIAGE_CHANNEL, 'koble ror-ikt'));
  await h.post(channelMessage(anne, h.serviceUrl, NOTICE_CHANNEL_A, 'koble driftsmeldinger ror-ikt'));
  const at = isoInstant(NOW);
  const k = newApiKey(supplierId('visma-drift'), at, userId('u-admin'));
  key = k.text;
  const supplier: Supplier = {
    id: supplierId('visma-drift'),
    name: 'Visma Drift',
    operates: ['application', 'infrastructure'],
    serviceIds: [serviceId('ror-visma')],
    deskId: deskId('ror-ikt'),
    phone: '+47 987 65 432',
    email: 'drift@visma.example',
    entraAppIds: [],
    apiKeys: [k.stored],
  };
  await h.app.store.admin.putSupplier(supplier, undefined, {
    id: 'a-visma',
    at,
    actor: { id: userId('u-admin') },
    objectType: 'supplier',
    objectId: supplier.id,
    action: 'create',
    after: {},
  });
});
afterAll(() => h.close());

const call = supplierApi(
  () => h.app.url,
  () => key,
);
/** The supplier's system posting `body` to the supplier API. */
const api = (path: string, body: unknown) => call(path, { body });
const INCIDENT = {
  supplierReference: 'VD-4711',
  serviceId: 'ror-visma',
  category: 'application',
  priority: 'kritisk',
  title: 'Lønnskjøringen stopper',
  message: 'Lønnskjøringen feiler med «batch 17 aborted» for alle kommuner.',
  startedAt: '2026-03-03T08:15:00Z',
};
const invoke = async (verb: string, data: Record<string, unknown>): Promise<AnyCard> =>
  cardOfInvoke((await h.post(channelInvoke(anne, h.serviceUrl, verb, data))).body);
const stored = async (ref: string) => (await h.app.store.cases.getForDesk(ref as CaseRef, ROR))!.value;

/** "Info til sluttbrukere? Ja" on the incident's card, then the prefilled driftsmelding published. */
async function informAndPublish(reference: string): Promise<void> {
  const c = await stored(reference);
  const form = await invoke(VERBS.triageEndUserInfo, {
    ref: reference,
    version: String(c.events.length),
    inform: true,
  });
  expect((await stored(reference)).incident?.endUserInfo).toBe(true);
  expect(inputById(form, NOTICE_INPUTS.title)).toMatchObject({ value: INCIDENT.title });
  expect(inputById(form, NOTICE_INPUTS.text)).toMatchObject({ value: INCIDENT.message });
  expect(inputById(form, NOTICE_INPUTS.startTime)).toMatchObject({ value: '09:15' });
  const data = actionByVerb(form, VERBS.noticePublish)!.data as Record<string, unknown>;
  const published = await invoke(VERBS.noticePublish, {
    ...data,
    [NOTICE_INPUTS.kind]: 'outage',
    [NOTICE_INPUTS.services]: 'ror-visma',
    [NOTICE_INPUTS.title]: INCIDENT.title,
    [NOTICE_INPUTS.startDate]: '2026-03-03',
    [NOTICE_INPUTS.startTime]: '09:15',
    [NOTICE_INPUTS.text]: INCIDENT.message,
    [NOTICE_INPUTS.channels]: KEY_A,
  });
  expect(cardText(published)).toContain('Driftsmeldingen er publisert');
  const active = await h.app.store.notices.listActive(ROR);
  expect(active.find((n) => n.caseRef === reference)).toBeDefined();
}

describe('a supplier incident (seed 001 M.2)', () => {
  it('incident → our reference → alert and card → Ja → notice → fixed in a later version → notice resolved', async () => {
    const res = await api('/incidents', INCIDENT);
    expect(res.status).toBe(201);
    const { reference } = (await res.json()) as { reference: string };

    // The desk's channel: the triage card asks the question; the alert names the supplier's phone.
    const out = (await pendingOutbox(h)).filter((m) => m.caseRef === reference);
    const post = out.find((m) => m.threadKey === `case:${reference}:triage` && m.operation === 'post')!;
    const card = (post.activity.attachments as Array<{ content: AnyCard }>)[0]!.content;
    expect(cardText(card)).toContain('Meldt av driftsleverandør Visma Drift (tlf. \\+47 987 65 432');
    expect(cardText(card)).toContain('Info til sluttbrukere?');
    // The reporter is the supplier, not a person with a role (its incidents are filed as 1. linje).
    expect(cardText(card)).toContain('Meldt av leverandør');
    expect(cardText(card)).not.toContain('1. linje');
    const alert = out.find((m) => m.id === `${reference}:incident-alert`)!;
    expect(alert.conversationKey).toBe(`channel:${TEAM_ID}:${TRIAGE_CHANNEL}`);
    expect(alert.activity.text).toContain('Kritisk feil meldt av Visma Drift');
    expect(alert.activity.text).toContain('+47 987 65 432');
    expect((alert.activity.entities as Array<{ type: string }>).length).toBeGreaterThan(0);

    // Ja: the decision is recorded and the notice form comes prefilled from the incident; published.
    await informAndPublish(reference);

    // M.2.1.8: the fix comes in a later version: solved with that text, the notice resolved with it.
    const fixed = await api(`/cases/${reference}/updates`, {
      type: 'fixed_in_later_version',
      solution: 'Rettes i Visma 2026.2; kjør lønn manuelt til da.',
      version: '2026.2',
    });
    expect(fixed.status).toBe(200);
    const after = await stored(reference);
    expect(after.status).toBe('solved');
    expect(after.events.map((e) => e.type)).toContain('fixed_in_later_version');
    expect((await h.app.store.notices.listActive(ROR)).some((n) => n.caseRef === reference)).toBe(false);
  });

  it('the desk solving the incident from the triage card resolves its notice too, with the solution', async () => {
    const res = await api('/incidents', { ...INCIDENT, supplierReference: 'VD-4713', priority: 'lav' });
    const { reference } = (await res.json()) as { reference: string };
    await informAndPublish(reference);
    const notice = (await h.app.store.notices.listActive(ROR)).find((n) => n.caseRef === reference)!;

    const solution = 'Batch 17 er kjørt på nytt av servicesenteret; lønn er utbetalt.';
    const card = await invoke(VERBS.triageSolve, {
      ref: reference,
      version: String((await stored(reference)).events.length),
      [TRIAGE_INPUTS.solution]: solution,
    });
    expect(cardText(card)).toContain('Status: Løst');
    expect((await stored(reference)).status).toBe('solved');
    // The notice is closed with the solution as its last word, by the desk member who solved the case.
    const closed = (await h.app.store.notices.get(notice.id, ROR))!.value;
    expect(closed).toMatchObject({ status: 'resolved', text: solution, resolvedAt: NOW.toISOString() });
    expect((await h.app.store.notices.listActive(ROR)).some((n) => n.caseRef === reference)).toBe(false);
    // Its copy in the notice channel is edited and a reply under it names who closed it.
    const out = (await pendingOutbox(h)).filter((m) => m.noticeId === notice.id);
    expect(out.some((m) => m.operation === 'update' && m.conversationKey === KEY_A)).toBe(true);
    const reply = out.find((m) => m.operation === 'reply' && m.conversationKey === KEY_A)!;
    expect(reply.activity.text).toContain('Anne Desk');
  });

  it('an incident for information only closes at the desk’s Nei, and no alert for a non-critical one', async () => {
    const res = await api('/incidents', {
      ...INCIDENT,
      supplierReference: 'VD-4712',
      priority: 'lav',
      informationOnly: true,
    });
    const { reference } = (await res.json()) as { reference: string };
    expect((await pendingOutbox(h)).some((m) => m.id === `${reference}:incident-alert`)).toBe(false);
    const c = await stored(reference);
    const card = await invoke(VERBS.triageEndUserInfo, {
      ref: reference,
      version: String(c.events.length),
      inform: false,
    });
    expect(cardText(card)).toContain('Holdes intern.');
    const after = await stored(reference);
    expect(after.status).toBe('closed');
    expect(after.events.at(-1)).toMatchObject({ type: 'closed', reason: 'information_only' });
  });
});
