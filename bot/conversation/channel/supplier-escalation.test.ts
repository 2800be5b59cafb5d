/**
 * Seed 001 M.1.3 through the whole app (the bot endpoint with real channel activities, the app's own
 * outbox sender, a real HTTP server as the supplier verifying every signature): a fault is reported in
 * chat, the desk escalates it from the triage card by picking the configured supplier, the supplier's
 * endpoint receives the case (checklist, priority, deadlines, a screenshot by a short-lived link), the
 * supplier posts its case number to the supplier API (with its key), the desk's public comment follows
 * by webhook, the supplier says the fix comes in a later version, the reporter is told and accepts, and
 * the supplier hears that. A priority change reaches the supplier holding the case; a case moved to a
 * second supplier tells the first that it no longer holds it, and only the second hears what follows. A
 * supplier without an endpoint (configured, or typed by name) gives the desk the e-mail to copy in the
 * case's thread.
 */
import { randomUUID } from 'node:crypto';
import { attachmentLinkSecret, createAttachmentLinks } from '../../../shared/app/attachment-links';
import { supplierActor, userActor } from '../../../shared/app/case-changes';
import { newApiKey } from '../../../shared/app/supplier-keys';
import { caseRef, deskId, isoInstant, serviceId, userId, type CaseRef } from '../../../shared/ids';
import type { Case } from '../../../shared/cases/model';
import { supplierId, type Supplier } from '../../../shared/suppliers/model';
import { TRIAGE_INPUTS } from '../../cards/channel/forms/form';
import { VERBS } from '../../cards/verbs';
import { cardOfInvoke, cardText, textOfCall, type AnyCard } from '../../test-support/cards';
import { GOOD_ANSWERS, openForm, submitForm } from '../../test-support/fault-form';
import { startHarness, type Harness } from '../../test-support/harness';
import { startSupplierStub, type SupplierStub } from '../../test-support/supplier-stub';
import {
  anne,
  channelInvoke,
  channelMessage,
  DIRECTORY,
  kari,
  ROR,
  TRIAGE_CHANNEL,
} from './test-support/channel';

const NOW = new Date('2026-03-03T09:00:00Z');
const SECRET = 'whsec-visma-0123456789abcdef';
const SECRET_TIETO = 'whsec-tieto-0123456789abcdef';
const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.alloc(32, 3),
]);

const supplier = (id: string, name: string, over: Partial<Supplier> = {}): Supplier => ({
  id: supplierId(id),
  name,
  operates: ['application'],
  serviceIds: [serviceId(GOOD_ANSWERS.service)],
  deskId: deskId('ror-ikt'),
  phone: '+47 22 00 00 00',
  email: `drift@${id}.example`,
  entraAppIds: [],
  apiKeys: [],
  ...over,
});

let h: Harness;
let stub: SupplierStub;
/** A second supplier with an endpoint, for the case moved from one supplier to another. */
let second: SupplierStub;
let visma: Supplier;
/** Visma's API key, for the supplier API. */
let vismaKey = '';
/** The app's clock runs from NOW like a real one: the jobs' lease and the sender's rate limit need it to move. */
let ticking: NodeJS.Timeout;

beforeAll(async () => {
  stub = await startSupplierStub(SECRET, () => h.now.value);
  second = await startSupplierStub(SECRET_TIETO, () => h.now.value);
  h = await startHarness({
    now: NOW,
    app: {
      directory: DIRECTORY,
      jobs: true,
      supplierSecret: (name) =>
        name === 'FRISTVAKT_SUPPLIER_SECRET_VISMA'
          ? SECRET
          : name === 'FRISTVAKT_SUPPLIER_SECRET_TIETO'
            ? SECRET_TIETO
            : undefined,
    },
  });
  ticking = setInterval(() => (h.now.value = new Date(h.now.value.getTime() + 50)), 50);
  const desk = (await h.app.store.desks.get(ROR))!;
  await h.app.store.desks.put(
    { ...desk.value, members: [userId(anne.aadObjectId), userId('aad-bjorn')] },
    desk.version,
  );
  const key = newApiKey(supplierId('visma-drift'), isoInstant(NOW), userId('admin'));
  vismaKey = key.text;
  visma = supplier('visma-drift', 'Visma Drift', {
    webhook: { url: stub.url, secretName: 'FRISTVAKT_SUPPLIER_SECRET_VISMA' },
    apiKeys: [key.stored],
  });
  const tieto = supplier('tieto-drift', 'Tieto Drift', {
    webhook: { url: second.url, secretName: 'FRISTVAKT_SUPPLIER_SECRET_TIETO' },
  });
  for (const s of [visma, tieto, supplier('epost-drift', 'Epost Drift AS')])
    await h.app.store.admin.putSupplier(s, undefined, {
      id: randomUUID(),
      at: isoInstant(NOW),
      actor: { id: userId('admin') },
      objectType: 'supplier',
      objectId: s.id,
      action: 'create',
      after: {},
    });
  h.app.catalogue.invalidate();
  const linked = await h.post(channelMessage(anne, h.serviceUrl, TRIAGE_CHANNEL, 'koble ror-ikt'));
  expect(linked.status).toBe(200);
});
afterAll(async () => {
  clearInterval(ticking);
  await h.close();
  await stub.close();
  await second.close();
});

/** Everything written so far delivered (or parked): the next chat turn's answer is not mixed up with it. */
async function drained(): Promise<void> {
  await until('the outbox to drain', async () =>
    (await h.app.store.outbox.listDue('2100-01-01T00:00:00.000Z' as never, 10)).length === 0
      ? true
      : undefined,
  );
}

async function newCase(title: string): Promise<CaseRef> {
  await drained();
  const { clientKey } = await openForm(h, kari);
  const text = cardText(
    cardOfInvoke((await submitForm(h, kari, clientKey, { ...GOOD_ANSWERS, title })).body),
  );
  return caseRef(/FV-2026-\d{6}/.exec(text)![0]);
}

const stored = async (ref: CaseRef): Promise<Case> => (await h.app.store.cases.getForDesk(ref, ROR))!.value;

async function act(verb: string, data: Record<string, unknown>): Promise<AnyCard> {
  const res = await h.post(channelInvoke(anne, h.serviceUrl, verb, data));
  expect(res.status).toBe(200);
  return cardOfInvoke(res.body);
}

async function claimed(ref: CaseRef): Promise<AnyCard> {
  return act(VERBS.triageClaim, { ref, version: String((await stored(ref)).events.length) });
}

async function until<T>(what: string, f: () => T | undefined | Promise<T | undefined>): Promise<T> {
  for (let i = 0; i < 600; i += 1) {
    const v = await f();
    if (v !== undefined) return v;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe('a case escalated to a configured supplier (seed 001 M.1.3)', () => {
  let ref: CaseRef;

  it('offers the service’s configured suppliers as a pick-list on the escalation form', async () => {
    ref = await newCase('Lønnsslippen vises ikke');
    // The reporter's screenshot, added as the chat does it.
    await h.app.store.blobs.put(`att/${ref}/skjerm.png`, PNG, 'image/png');
    await h.app.deps.changes.apply(
      ref,
      {
        type: 'add_attachment',
        attachment: {
          id: 'att1',
          fileName: 'skjerm.png',
          contentType: 'image/png',
          sizeBytes: PNG.byteLength,
          blobKey: `att/${ref}/skjerm.png`,
          addedAt: isoInstant(NOW),
          addedBy: userId(kari.aadObjectId),
        },
      },
      userActor({ id: userId(kari.aadObjectId), name: kari.name }, h.app.catalogue.peek()!.desks, DIRECTORY),
      NOW,
    );
    const card = JSON.stringify(await claimed(ref));
    expect(card).toContain(`"id":"${TRIAGE_INPUTS.supplierId}"`);
    expect(card).toContain('{"title":"Epost Drift AS","value":"epost-drift"}');
    expect(card).toContain('{"title":"Visma Drift","value":"visma-drift"}');
    expect(card).toContain('Eller annen leverandør (navn)');
  });

  it('engages the picked supplier: the card says where the case is, the endpoint gets the signed case', async () => {
    const card = await act(VERBS.triageEscalate, {
      ref,
      version: String((await stored(ref)).events.length),
      [TRIAGE_INPUTS.toLine]: 'supplier',
      [TRIAGE_INPUTS.supplierId]: 'visma-drift',
      [TRIAGE_INPUTS.escalateNote]: 'Feilen ser ut til å ligge i integrasjonen',
    });
    expect(cardText(card)).toContain('Hos leverandør: Visma Drift siden');
    const c = await stored(ref);
    expect(c.status).toBe('waiting');
    expect(c.line).toBe('supplier');
    const engaged = c.events.find((e) => e.type === 'supplier_engaged')!;
    expect(engaged.byRole).toBe('desk');
    expect(c.supplier).toMatchObject({ supplierId: 'visma-drift', name: 'Visma Drift', since: engaged.at });

    const got = await until('the webhook', () => stub.received[0]);
    expect(got.verified.ok).toBe(true);
    expect(got.answered).toBe(200);
    expect(got.body).toMatchObject({
      version: 1,
      type: 'case.escalated',
      supplierId: 'visma-drift',
      case: {
        reference: ref,
        title: 'Lønnsslippen vises ikke',
        status: 'waiting',
        service: { id: GOOD_ANSWERS.service },
        checklist: { symptom: GOOD_ANSWERS.symptom, triedSoFar: GOOD_ANSWERS.triedSoFar },
        reporter: { name: kari.name },
        heldSince: engaged.at,
      },
    });
    expect(got.body.case.priority.label).toBeTruthy();
    expect(got.body.case.deadlines.resolutionDueAt).toBe(c.sla.resolutionDueAt);

    // The screenshot by its short-lived link, without any sign-in; a changed link gets nothing.
    const link = got.body.case.attachments[0]!.url!;
    expect(link.startsWith(`${h.app.url}/api/attachment-links/${ref}/att1?`)).toBe(true);
    const file = await fetch(link);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-disposition')).toBe('attachment; filename="skjerm.png"');
    expect(Buffer.from(await file.arrayBuffer()).equals(PNG)).toBe(true);
    const flipped = link.slice(0, -1) + (link.endsWith('0') ? '1' : '0');
    expect((await fetch(flipped)).status).toBe(404);
    expect((await fetch(link.replace('att1', 'att2'))).status).toBe(404);
    // Expired: a link the server signed whose hour is over.
    const links = createAttachmentLinks(await attachmentLinkSecret(h.app.store.leases), () => h.app.url);
    const expired = links.link(ref, 'att1', new Date(h.now.value.getTime() - 1000));
    expect((await fetch(links.link(ref, 'att1', new Date(h.now.value.getTime() + 60_000)))).status).toBe(200);
    expect((await fetch(expired)).status).toBe(404);
  });

  it('logs the supplier’s case number, follows with the desk’s public comment, and tells the reporter of the fix', async () => {
    const asSupplier = supplierActor({ id: visma.id, name: visma.name });
    // The supplier's ServiceNow posts its case number to the supplier API with its key (M.1.3.2).
    const posted = await fetch(`${h.app.url}/api/suppliers/v1/cases/${ref}/updates`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Api-Key': vismaKey },
      body: JSON.stringify({ type: 'case_number', caseNumber: 'INC0042' }),
    });
    expect(posted.status).toBe(200);
    let c = await stored(ref);
    const numbered = c.events.find((e) => e.type === 'supplier_case_number')!;
    expect(numbered.byRole).toBe('supplier');
    expect(c.supplierCaseNumber).toBe('INC0042');
    expect(c.supplier).toMatchObject({ caseNumber: 'INC0042', lastContactAt: numbered.at });
    expect(c.supplier!.lastContactAt > c.supplier!.since).toBe(true);
    const card = cardText(await act(VERBS.triageRefresh, { ref }));
    expect(card).toContain('Leverandørens saksnr.: INC0042');
    expect(card).toContain('siste kontakt');

    // The desk writes to the reporter: the supplier hears it too (an internal note it does not).
    const anneActor = userActor(
      { id: userId(anne.aadObjectId), name: anne.name },
      h.app.catalogue.peek()!.desks,
      DIRECTORY,
    );
    await h.app.deps.changes.apply(
      ref,
      { type: 'comment', visibility: 'internal', text: 'Purret på telefon' },
      anneActor,
      h.now.value,
    );
    await h.app.deps.changes.apply(
      ref,
      { type: 'comment', visibility: 'public', text: 'Leverandøren jobber med saken' },
      anneActor,
      h.now.value,
    );
    const comment = await until('the comment webhook', () => stub.received[1]);
    expect(comment.verified.ok).toBe(true);
    expect(comment.body).toMatchObject({
      type: 'case.comment',
      change: { type: 'comment', text: 'Leverandøren jobber med saken', author: anne.name },
      case: { supplierCaseNumber: 'INC0042' },
    });

    // M.1.3.5: fixed in a later version, from the supplier: the case is solved and the reporter told.
    h.connector.clear();
    await h.app.deps.changes.apply(
      ref,
      {
        type: 'fixed_in_later_version',
        solution: 'Rettes i versjon 2026.2 av lønnsmodulen.',
        version: '2026.2',
      },
      asSupplier,
      h.now.value,
    );
    c = await stored(ref);
    expect(c.status).toBe('solved');
    const told = await h.connector.waitFor(
      (call) => call.kind === 'send' && JSON.stringify(call.body).includes('Rettes i versjon 2026.2'),
      30_000,
    );
    expect(told.conversationId).toBeDefined();

    // The reporter accepts: the supplier hears the answer and that the case is closed.
    await h.app.deps.changes.apply(
      ref,
      { type: 'accept' },
      userActor({ id: userId(kari.aadObjectId), name: kari.name }, h.app.catalogue.peek()!.desks, DIRECTORY),
      h.now.value,
    );
    await until('the answer and the close', () => (stub.received.length >= 4 ? true : undefined));
    expect(stub.received.map((r) => r.body.type)).toEqual([
      'case.escalated',
      'case.comment',
      'case.reporter_answered',
      'case.closed',
    ]);
    expect(stub.received.every((r) => r.verified.ok)).toBe(true);
    expect(stub.received[2]!.body.change).toEqual({ type: 'reporter_answered', accepted: true });
  });
});

describe('a case with a supplier: priority, and moved to a second supplier', () => {
  let ref: CaseRef;
  const of = (st: SupplierStub) => st.received.filter((r) => r.body.case.reference === ref);

  it('tells the supplier holding the case of a priority change, from and to, with the reason', async () => {
    ref = await newCase('Lønnskjøring stopper');
    await claimed(ref);
    await act(VERBS.triageEscalate, {
      ref,
      version: String((await stored(ref)).events.length),
      [TRIAGE_INPUTS.toLine]: 'supplier',
      [TRIAGE_INPUTS.supplierId]: 'visma-drift',
    });
    await until('the escalation', () => (of(stub).length >= 1 ? true : undefined));
    const before = await stored(ref);
    const desk = h.app.catalogue.peek()!.desk(ROR)!;
    const to = desk.policy.priorities.find((p) => p.id !== before.priority)!;
    const from = desk.policy.priorities.find((p) => p.id === before.priority)!;
    await h.app.deps.changes.apply(
      ref,
      { type: 'change_priority', to: to.id, reason: 'Hele lønnsavdelingen står' },
      userActor({ id: userId(anne.aadObjectId), name: anne.name }, h.app.catalogue.peek()!.desks, DIRECTORY),
      h.now.value,
    );
    const got = await until('the priority webhook', () => of(stub)[1]);
    expect(got.verified.ok).toBe(true);
    expect(got.body).toMatchObject({
      type: 'case.priority_changed',
      supplierId: 'visma-drift',
      change: {
        type: 'priority_changed',
        from: from.label.nb,
        to: to.label.nb,
        reason: 'Hele lønnsavdelingen står',
      },
      case: { priority: { id: to.id, label: to.label.nb } },
    });
  });

  it('moved to a second supplier: the first hears it no longer holds the case, the second gets the case', async () => {
    await h.app.deps.changes.apply(
      ref,
      { type: 'set_supplier_case_number', caseNumber: 'VIS-77' },
      supplierActor({ id: visma.id, name: visma.name }),
      h.now.value,
    );
    // The card offers the supplier line again, with the service's other supplier (not the holder).
    const offered = JSON.stringify(await act(VERBS.triageRefresh, { ref }));
    expect(offered).toContain('{"title":"Driftsleverandør","value":"supplier"}');
    expect(offered).toContain('{"title":"Tieto Drift","value":"tieto-drift"}');
    expect(offered).not.toContain('{"title":"Visma Drift","value":"visma-drift"}');
    const card = await act(VERBS.triageEscalate, {
      ref,
      version: String((await stored(ref)).events.length),
      [TRIAGE_INPUTS.toLine]: 'supplier',
      [TRIAGE_INPUTS.supplierId]: 'tieto-drift',
    });
    expect(cardText(card)).toContain('Hos leverandør: Tieto Drift siden');
    const c = await stored(ref);
    expect(c.supplier).toMatchObject({ supplierId: 'tieto-drift', name: 'Tieto Drift' });

    const released = await until('the release webhook', () => of(stub)[2]);
    expect(released.verified.ok).toBe(true);
    expect(released.body).toMatchObject({
      type: 'case.released',
      supplierId: 'visma-drift',
      change: { type: 'released' },
      case: { reference: ref, supplierCaseNumber: 'VIS-77' },
    });
    // The first supplier is not told who holds the case now.
    expect(JSON.stringify(released.body)).not.toContain('tieto');
    expect(released.body.case.heldSince).toBeUndefined();

    const escalated = await until('the second supplier’s case', () => of(second)[0]);
    expect(escalated.verified.ok).toBe(true);
    expect(escalated.body).toMatchObject({
      type: 'case.escalated',
      supplierId: 'tieto-drift',
      case: { reference: ref, heldSince: c.supplier!.since },
    });
    expect(escalated.body.case.supplierCaseNumber).toBeUndefined();

    // What follows reaches the second supplier only; the first one's key no longer reaches the case.
    await h.app.deps.changes.apply(
      ref,
      { type: 'comment', visibility: 'public', text: 'Tieto ser på saken nå' },
      userActor({ id: userId(anne.aadObjectId), name: anne.name }, h.app.catalogue.peek()!.desks, DIRECTORY),
      h.now.value,
    );
    await until('the comment to the second supplier', () => of(second)[1]);
    await drained();
    expect(of(second).map((r) => r.body.type)).toEqual(['case.escalated', 'case.comment']);
    expect(of(stub).map((r) => r.body.type)).toEqual([
      'case.escalated',
      'case.priority_changed',
      'case.released',
    ]);
    const gone = await fetch(`${h.app.url}/api/suppliers/v1/cases/${ref}`, {
      headers: { 'X-Api-Key': vismaKey },
    });
    expect(gone.status).toBe(404);
  });
});

describe('a supplier without an endpoint', () => {
  it('gives the desk the case as an e-mail to copy in the case’s thread (configured supplier)', async () => {
    const ref = await newCase('Fakturaflyt stopper');
    await claimed(ref);
    h.connector.clear();
    const card = await act(VERBS.triageEscalate, {
      ref,
      version: String((await stored(ref)).events.length),
      [TRIAGE_INPUTS.toLine]: 'supplier',
      [TRIAGE_INPUTS.supplierId]: 'epost-drift',
    });
    expect(cardText(card)).toContain('Hos leverandør: Epost Drift AS siden');
    const reply = await h.connector.waitFor(
      (call) => call.kind === 'reply' && textOfCall(call).includes('📧'),
      30_000,
    );
    const text = textOfCall(reply);
    expect(text).toContain('Send saken som e-post til **drift@epost-drift.example**');
    expect(text).toContain(`${ref}: Fakturaflyt stopper`);
    expect(text).toContain('Hvordan feilen arter seg:');
    expect(text).toContain(GOOD_ANSWERS.symptom);
    expect(text).toContain('oppgi deres saksnummer');
  });

  it('and for a supplier typed by name (not configured), as before but with the text ready', async () => {
    const ref = await newCase('Rapport feiler');
    await claimed(ref);
    h.connector.clear();
    await act(VERBS.triageEscalate, {
      ref,
      version: String((await stored(ref)).events.length),
      [TRIAGE_INPUTS.toLine]: 'supplier',
      [TRIAGE_INPUTS.supplier]: 'Ukjent Drift AS',
    });
    const c = await stored(ref);
    expect(c.supplier).toBeUndefined();
    expect(c.line).toBe('supplier');
    const reply = await h.connector.waitFor(
      (call) => call.kind === 'reply' && textOfCall(call).includes('📧'),
      30_000,
    );
    expect(textOfCall(reply)).toContain('Ukjent Drift AS er ikke satt opp i Fristvakt');
    expect(textOfCall(reply)).toContain('Hei Ukjent Drift AS,');
  });
});
