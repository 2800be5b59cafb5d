/**
 * Triage in a Teams channel, through the HTTP endpoint with real channel activities: linking a channel
 * to a desk, a new case posted as a thread (outbox, same store call as the case), the case card with
 * the desk's actions, each action's card update and one-line reply, refresh per viewer, two claims at
 * once, and a non-member refused with nothing changed.
 */
import { caseRef, isoInstant, userId, type CaseRef } from '../../../shared/ids';
import { formatDeadline } from '../../../shared/dates';
import { caseSummary, type CaseSummary } from '../../../shared/reports/summary';
import { caseSla } from '../../../shared/sla/case-sla';
import type { Case } from '../../../shared/cases/model';
import type { OutboxEntry } from '../../../shared/ports';
import { VERBS } from '../../cards/verbs';
import { TRIAGE_INPUTS } from '../../cards/channel/forms/form';
import { cardOfInvoke, cardText, elements, textOfCall, type AnyCard } from '../../test-support/cards';
import { messageActivity } from '../../test-support/activities';
import { GOOD_ANSWERS, openForm, submitForm } from '../../test-support/fault-form';
import type { Harness } from '../../test-support/harness';
import {
  anne,
  bjorn,
  channelInvoke,
  channelMessage,
  kari,
  olav,
  pendingOutbox,
  ROR,
  startChannelHarness,
  TEAM_ID,
  TRIAGE_CHANNEL,
} from './test-support/channel';

// Tuesday 3 March 2026, 10:00 in Oslo.
const NOW = new Date('2026-03-03T09:00:00Z');
const TRIAGE_KEY = `channel:${TEAM_ID}:${TRIAGE_CHANNEL}`;

let h: Harness;
beforeAll(async () => {
  h = await startChannelHarness(NOW);
});
afterAll(() => h.close());

async function say(user: typeof anne, text: string, channel = TRIAGE_CHANNEL): Promise<string> {
  h.connector.clear();
  const res = await h.post(channelMessage(user, h.serviceUrl, channel, text));
  expect(res.status).toBe(200);
  return textOfCall(await h.connector.waitFor((c) => c.kind === 'reply' || c.kind === 'send'));
}

async function newCase(title = GOOD_ANSWERS.title): Promise<CaseRef> {
  const { clientKey } = await openForm(h, kari);
  const text = cardText(
    cardOfInvoke((await submitForm(h, kari, clientKey, { ...GOOD_ANSWERS, title })).body),
  );
  return caseRef(/FV-2026-\d{6}/.exec(text)![0]);
}

const stored = async (ref: CaseRef): Promise<Case> => (await h.app.store.cases.getForDesk(ref, ROR))!.value;
const outboxOf = async (ref: CaseRef): Promise<OutboxEntry[]> =>
  (await pendingOutbox(h)).filter((m) => m.caseRef === ref);
const cardIn = (m: OutboxEntry): AnyCard =>
  (m.activity.attachments as Array<{ content: AnyCard }>)[0]!.content;

/** The stored case's summary row (`streamSummaries` over its instant of receipt). */
async function summaryRow(ref: CaseRef, receivedAt: string): Promise<CaseSummary | undefined> {
  const at = new Date(receivedAt);
  const rows: CaseSummary[] = [];
  const until = isoInstant(new Date(at.getTime() + 1));
  for await (const s of h.app.store.cases.streamSummaries([ROR], isoInstant(at), until)) rows.push(s);
  return rows.find((s) => s.ref === ref);
}

/**
 * After a desk action: the viewer's card and the thread's updated card show the deadlines computed
 * afresh from the stored case, and its summary row is the one computed afresh (the change passes the
 * SLA it computed down to both).
 */
async function expectComputedAfresh(ref: CaseRef, viewerCard: AnyCard): Promise<void> {
  const c = await stored(ref);
  const desk = (await h.app.store.desks.get(ROR))!.value;
  const sla = caseSla(c, desk, h.now.value);
  const update = (await outboxOf(ref)).filter((m) => m.operation === 'update').pop()!;
  expect(update.id).toBe(`${ref}:${c.events[c.events.length - 1]!.id}:triage-update`);
  const due = [sla.response.dueAt, sla.resolution.dueAt].filter((d) => d !== undefined);
  expect(due.length).toBeGreaterThan(0);
  for (const text of [cardText(viewerCard), cardText(cardIn(update))])
    for (const d of due) expect(text).toContain(formatDeadline(d, 'nb'));
  expect(await summaryRow(ref, c.receivedAt)).toEqual(caseSummary(c, desk));
}

async function act(user: typeof anne, verb: string, data: Record<string, unknown>): Promise<AnyCard> {
  const res = await h.post(channelInvoke(user, h.serviceUrl, verb, data));
  expect(res.status).toBe(200);
  return cardOfInvoke(res.body);
}
describe('linking a channel', () => {
  it('refuses a non-member and changes nothing', async () => {
    const reply = await say(olav, 'koble ror-ikt');
    expect(reply).toContain('Bare medlemmer av ROR-IKT Kundeservice');
    expect((await h.app.store.desks.get(ROR))!.value.triageChannel).toBeUndefined();
  });

  it('makes the channel the desk’s triage channel, stores its reference and says who may act', async () => {
    const reply = await say(anne, 'koble ror-ikt');
    expect(reply).toContain('triasjekanalen til **ROR-IKT Kundeservice**');
    expect(reply).toContain('Anne Desk, Bjørn Desk');
    const desk = (await h.app.store.desks.get(ROR))!.value;
    expect(desk.triageChannel).toMatchObject({
      teamId: TEAM_ID,
      channelId: TRIAGE_CHANNEL,
      tenantId: 'tenant-1',
    });
    const ref = await h.app.store.conversations.get(TRIAGE_KEY);
    expect(ref).toMatchObject({ conversation: { id: TRIAGE_CHANNEL, conversationType: 'channel' } });
  });

  it('answers in a 1:1 chat that linking happens in a channel, and an unknown desk with the list', async () => {
    expect(await say(anne, 'koble finnes-ikke')).toContain('Jeg kjenner ikke servicesenteret «finnes-ikke»');
    h.connector.clear();
    await h.post(messageActivity(anne, h.serviceUrl, 'koble ror-ikt'));
    const call = await h.connector.waitFor((c) => c.kind === 'reply' || c.kind === 'send');
    expect(textOfCall(call)).toContain('«koble» brukes i en Teams-kanal');
  });
});

describe('the case in the triage channel', () => {
  let ref: CaseRef;
  beforeAll(async () => {
    ref = await newCase();
  });

  it('is posted as a new thread in the same store call as the case', async () => {
    const [post] = await outboxOf(ref);
    expect(post).toMatchObject({
      id: `${ref}:triage`,
      operation: 'post',
      conversationKey: TRIAGE_KEY,
      threadKey: `case:${ref}:triage`,
    });
    const text = cardText(cardIn(post!));
    for (const want of [
      ref,
      GOOD_ANSWERS.title,
      'Visma Enterprise (lønn og personal)',
      'Molde',
      'Kari Nordmann',
      'Bare meg',
      'Status: Ny',
      'Saksbehandler: Ingen ennå',
      '● I rute',
      'Responstid:',
      'Løsningstid:',
      'igjen',
    ])
      expect(text).toContain(want);
    const card = cardIn(post!) as AnyCard & { refresh?: { action: { verb: string }; userIds: string[] } };
    expect(card.refresh).toMatchObject({
      action: { verb: VERBS.triageRefresh, data: { ref } },
      userIds: [anne.aadObjectId, bjorn.aadObjectId],
    });
    expect(elements(card).some((e) => e.verb === VERBS.triageClaim)).toBe(true);
  });

  it('carries the deadlines the stored case gives, and its summary row is the one computed afresh', async () => {
    // The report computes the new case's SLA once and passes it to the summary row and the cards.
    const c = await stored(ref);
    const desk = (await h.app.store.desks.get(ROR))!.value;
    const at = new Date(c.receivedAt);
    const sla = caseSla(c, desk, at);
    const text = cardText(cardIn((await outboxOf(ref))[0]!));
    expect(text).toContain(formatDeadline(sla.response.dueAt!, 'nb'));
    expect(text).toContain(formatDeadline(sla.resolution.dueAt!, 'nb'));
    expect(await summaryRow(ref, c.receivedAt)).toEqual(caseSummary(c, desk));
  });

  it('refreshes per viewer: a member gets the actions, the reporter a read-only card, an outsider nothing', async () => {
    const member = cardOfInvoke(
      (await h.post(channelInvoke(anne, h.serviceUrl, VERBS.triageRefresh, { ref }, 'automatic'))).body,
    );
    const titles = elements(member)
      .filter((e) => String(e.type).startsWith('Action.'))
      .map((e) => e.title);
    expect(titles).toEqual(['Ta saken', 'Løs', 'Tildel', 'Mer …']);
    const more = JSON.stringify(elements(member).find((e) => e.title === 'Mer …'));
    for (const title of ['Eskaler', 'Endre prioritet', 'Knytt til hovedsak', 'Lag driftsmelding'])
      expect(more).toContain(title);
    const reporter = cardOfInvoke(
      (await h.post(channelInvoke(kari, h.serviceUrl, VERBS.triageRefresh, { ref }, 'automatic'))).body,
    );
    expect(elements(reporter).filter((e) => String(e.type).startsWith('Action.'))).toHaveLength(0);
    expect(cardText(reporter)).toContain('Bare medlemmer av servicesenteret kan handle på saken.');
    // Someone who may not see the case gets what a made-up reference gets: nothing about it.
    const outsider = cardOfInvoke(
      (await h.post(channelInvoke(olav, h.serviceUrl, VERBS.triageRefresh, { ref }, 'automatic'))).body,
    );
    expect(cardText(outsider)).toContain(`Fant ikke sak ${ref}`);
    expect(cardText(outsider)).not.toContain((await stored(ref)).title);
  });

  it('answers the refresh in the viewer’s language (en-US)', async () => {
    const en = { ...bjorn, locale: 'en-US' };
    const card = cardOfInvoke(
      (await h.post(channelInvoke(en, h.serviceUrl, VERBS.triageRefresh, { ref }, 'automatic'))).body,
    );
    expect(cardText(card)).toContain('Assignee: Nobody yet');
    expect(cardText(card)).toContain('● On track');
    expect(cardText(card)).toMatch(
      /\*\*Response:\*\* ● On track · due Tuesday 3 March at \d\d:\d\d · .* left/,
    );
    // A Lav case: 5 working days of 7.5 business hours, said in days as the tab does.
    expect(cardText(card)).toContain(
      '**Resolution:** ● On track · due Tuesday 10 March at 10:00 · 5 d business time left',
    );
  });

  it('refuses a non-member’s button exactly as a made-up reference: nothing changes, nothing revealed', async () => {
    const before = await stored(ref);
    const card = await act(olav, VERBS.triageClaim, { ref, version: String(before.events.length) });
    const madeUp = 'FV-2026-999999';
    const none = await act(olav, VERBS.triageClaim, { ref: madeUp, version: '1' });
    expect(cardText(card).replace(ref, 'REF')).toBe(cardText(none).replace(madeUp, 'REF'));
    expect(cardText(card)).not.toContain('ROR-IKT');
    expect(await stored(ref)).toEqual(before);
    expect((await outboxOf(ref)).filter((m) => m.operation !== 'post')).toHaveLength(0);
  });

  it('Ta saken: assigns the viewer, updates the card in place, replies in the thread, tells the reporter', async () => {
    const version = String((await stored(ref)).events.length);
    const card = await act(anne, VERBS.triageClaim, { ref, version });
    expect(cardText(card)).toContain('Saksbehandler: Anne Desk');
    expect(cardText(card)).toContain('Status: Under arbeid');
    expect(elements(card).some((e) => e.verb === VERBS.triageClaim)).toBe(false); // already hers
    const c = await stored(ref);
    expect(c).toMatchObject({ status: 'in_progress', assignee: { id: anne.aadObjectId } });
    const out = await outboxOf(ref);
    const update = out.find((m) => m.operation === 'update')!;
    expect(update).toMatchObject({ conversationKey: TRIAGE_KEY, threadKey: `case:${ref}:triage` });
    expect(cardText(cardIn(update))).toContain('Saksbehandler: Anne Desk');
    const reply = out.find((m) => m.operation === 'reply')!;
    expect(reply.activity.text).toBe('Anne Desk tok saken · 03.03.2026, 10:00');
    const reporter = out.find((m) => m.conversationKey === `user:${kari.aadObjectId}`)!;
    expect(JSON.stringify(reporter.activity)).toContain('Anne Desk');
  });
});

describe('two people acting at once', () => {
  it('lets one claim win; the other sees who was first and the current card', async () => {
    const ref = await newCase('Skriveren skriver ut blanke ark');
    const version = String((await stored(ref)).events.length);
    const [a, b] = await Promise.all([
      h.post(channelInvoke(anne, h.serviceUrl, VERBS.triageClaim, { ref, version })),
      h.post(channelInvoke(bjorn, h.serviceUrl, VERBS.triageClaim, { ref, version })),
    ]);
    const c = await stored(ref);
    const winner = c.assignee!.name;
    const loser = winner === anne.name ? cardOfInvoke(b.body) : cardOfInvoke(a.body);
    expect(c.events.filter((e) => e.type === 'claimed')).toHaveLength(1);
    expect(cardText(loser)).toContain(`${winner} var først: tok saken (03.03.2026, 10:00)`);
    expect(cardText(loser)).toContain(`Saksbehandler: ${winner}`);
    expect((await outboxOf(ref)).filter((m) => m.operation === 'reply')).toHaveLength(1);
  });

  it('a button on an out-of-date card does not act: it shows who changed the case first', async () => {
    const ref = await newCase('Nettet er tregt på rådhuset');
    await act(anne, VERBS.triageClaim, { ref, version: '1' });
    const card = await act(bjorn, VERBS.triagePriority, {
      ref,
      version: '1',
      [TRIAGE_INPUTS.priority]: 'hoy',
    });
    expect(cardText(card)).toContain('Anne Desk var først: tok saken');
    expect((await stored(ref)).priority).not.toBe('hoy');
  });
});

describe('the other desk actions', () => {
  let ref: CaseRef;
  const v = async () => String((await stored(ref)).events.length);
  const lastReply = async (): Promise<string> =>
    String((await outboxOf(ref)).filter((m) => m.operation === 'reply').pop()!.activity.text);
  beforeAll(async () => {
    ref = await newCase('Gerica henger ved innlogging');
  });

  it('Tildel to a desk member', async () => {
    const card = await act(anne, VERBS.triageAssign, {
      ref,
      version: await v(),
      [TRIAGE_INPUTS.assignee]: bjorn.aadObjectId,
    });
    expect(cardText(card)).toContain('Saksbehandler: Bjørn Desk');
    expect(await lastReply()).toBe('Anne Desk tildelte saken til Bjørn Desk · 03.03.2026, 10:00');
  });

  it('Tildel refuses someone outside the desk', async () => {
    const card = await act(anne, VERBS.triageAssign, {
      ref,
      version: await v(),
      [TRIAGE_INPUTS.assignee]: olav.aadObjectId,
    });
    expect(cardText(card)).toContain('Tildel til: velg et av alternativene.');
    expect((await stored(ref)).assignee?.id).toBe(userId(bjorn.aadObjectId));
  });

  it('Endre prioritet', async () => {
    const card = await act(anne, VERBS.triagePriority, {
      ref,
      version: await v(),
      [TRIAGE_INPUTS.priority]: 'hoy',
      [TRIAGE_INPUTS.priorityReason]: 'Hele avdelingen',
    });
    expect(cardText(card)).toContain('Prioritet: Høy');
    expect(await lastReply()).toBe('Anne Desk endret prioritet til Høy · 03.03.2026, 10:00');
    await expectComputedAfresh(ref, card);
  });

  it('Avventer leverandør with the supplier’s case number: paused on the card, the reporter told', async () => {
    h.now.value = new Date('2026-03-03T09:10:00Z');
    const card = await act(anne, VERBS.triageWait, {
      ref,
      version: await v(),
      [TRIAGE_INPUTS.waitReason]: 'supplier',
      [TRIAGE_INPUTS.supplierCaseNumber]: 'TIETO-4711',
    });
    expect(cardText(card)).toContain('Status: Avventer leverandør');
    expect(cardText(card)).toContain('Leverandørens saksnr.: TIETO-4711');
    await expectComputedAfresh(ref, card);
    expect(await lastReply()).toBe(
      'Anne Desk satte saken til avventer leverandør (saksnr. TIETO-4711) · 03.03.2026, 10:10',
    );
    const toReporter = (await outboxOf(ref)).filter((m) => m.conversationKey === `user:${kari.aadObjectId}`);
    expect(JSON.stringify(toReporter.pop()!.activity)).toContain('TIETO-4711');
  });

  it('Gjenoppta, then Eskaler to the operations supplier (seed 001 M.1.3): waits on them', async () => {
    await act(anne, VERBS.triageResume, { ref, version: await v() });
    expect(await lastReply()).toBe('Anne Desk gjenopptok saken · 03.03.2026, 10:10');
    const card = await act(anne, VERBS.triageEscalate, {
      ref,
      version: await v(),
      [TRIAGE_INPUTS.toLine]: 'supplier',
      [TRIAGE_INPUTS.supplier]: 'Tieto',
    });
    expect(cardText(card)).toContain('Hos: Driftsleverandør');
    expect(cardText(card)).toContain('Status: Avventer leverandør');
    expect(await lastReply()).toBe(
      'Anne Desk eskalerte saken til driftsleverandør (Tieto) · 03.03.2026, 10:10',
    );
  });

  it('Løs requires the solution text, then solves and sends the reporter the solution card', async () => {
    const empty = await act(anne, VERBS.triageSolve, {
      ref,
      version: await v(),
      [TRIAGE_INPUTS.solution]: '  ',
    });
    expect(cardText(empty)).toContain('Løsning: må fylles ut.');
    expect((await stored(ref)).status).toBe('waiting');
    const card = await act(anne, VERBS.triageSolve, {
      ref,
      version: await v(),
      [TRIAGE_INPUTS.solution]: 'Tieto har rettet innloggingen.',
    });
    expect(cardText(card)).toContain('Status: Løst');
    expect(cardText(card)).toContain('✓ Ferdig');
    expect(await lastReply()).toBe('Anne Desk løste saken · 03.03.2026, 10:10');
    const toReporter = (await outboxOf(ref)).filter((m) => m.conversationKey === `user:${kari.aadObjectId}`);
    expect(JSON.stringify(toReporter.pop()!.activity)).toContain('Tieto har rettet innloggingen.');
  });

  it('an action the status does not allow is refused with the reason', async () => {
    const card = await act(anne, VERBS.triageWait, {
      ref,
      version: await v(),
      [TRIAGE_INPUTS.waitReason]: 'reporter',
    });
    expect(cardText(card)).toContain('Det kan ikke gjøres nå som saken har status Løst.');
  });
});
