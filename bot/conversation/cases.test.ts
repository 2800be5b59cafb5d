/**
 * After the report: "Mine saker", "status <ref>" (never revealing a case the user may not see), the
 * desk's changes reaching the reporter through the outbox, the solution answered from its card, and
 * auto-close when nobody answers.
 */
import { deskId, userId, type CaseRef } from '../../shared/ids';
import type { OutboxEntry } from '../../shared/ports';
import { invokeActivity, messageActivity, type TestUser } from '../test-support/activities';
import {
  actionByVerb,
  cardOfCall,
  cardOfInvoke,
  cardText,
  elements,
  type AnyCard,
} from '../test-support/cards';
import { GOOD_ANSWERS, openForm, submitForm } from '../test-support/fault-form';
import { startHarness, type Harness } from '../test-support/harness';
import { VERBS } from '../cards/verbs';
import { userActor } from '../../shared/app/case-changes';
import type { CaseCommand } from '../../shared/cases/lifecycle';
import { runAutoClose } from '../jobs/auto-close';

const NOW = new Date('2026-03-03T09:00:00Z'); // Tue 10:00 Oslo
const kari: TestUser = { aadObjectId: 'aad-kari', name: 'Kari Nordmann' };
const ola: TestUser = { aadObjectId: 'aad-ola', name: 'Ola Hansen' };
const DESK_MEMBER = { id: userId('demo-desk-ror'), name: 'Siri Saksbehandler' };
const ROR = deskId('ror-ikt');

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ now: NOW });
});
afterAll(() => h.close());

async function report(user: TestUser, answers: Record<string, unknown> = {}): Promise<CaseRef> {
  const { clientKey } = await openForm(h, user);
  const card = cardOfInvoke((await submitForm(h, user, clientKey, { ...GOOD_ANSWERS, ...answers })).body);
  return /FV-2026-\d{6}/.exec(cardText(card))![0] as CaseRef;
}

async function say(user: TestUser, text: string): Promise<AnyCard> {
  h.connector.clear();
  await h.post(messageActivity(user, h.serviceUrl, text));
  return cardOfCall(await h.connector.waitFor((c) => c.kind === 'reply' || c.kind === 'send'));
}

const desk = async (ref: CaseRef, command: CaseCommand) =>
  (
    await h.app.deps.changes.apply(
      ref,
      command,
      userActor(DESK_MEMBER, (await h.app.catalogue.get()).desks, h.app.deps.directory),
      h.now.value,
    )
  ).after.value;

async function outboxFor(ref: CaseRef): Promise<OutboxEntry[]> {
  const due = await h.app.store.outbox.listDue(new Date('2100-01-01').toISOString() as never, 500);
  return due.filter((m) => m.caseRef === ref);
}
const outboxCard = (m: OutboxEntry): AnyCard =>
  (m.activity as { attachments: Array<{ content: AnyCard }> }).attachments[0].content;

it('lists the user’s open cases with status, priority and time left', async () => {
  const a = await report(kari, { title: 'Første feil' });
  const b = await report(kari, { title: 'Andre feil' });
  const card = await say(kari, 'mine saker');
  const text = cardText(card);
  expect(text).toContain('Mine saker');
  expect(text).toContain(`**${a}** Første feil`);
  expect(text).toContain(`**${b}** Andre feil`);
  expect(text).toMatch(/Ny · (Lav|Middels|Høy|Kritisk)/);
  expect(text).toMatch(/\d+ (t|min).* igjen/);
  const show = elements(card).find((e) => (e.data as { ref?: string } | undefined)?.ref === a);
  expect(show).toMatchObject({ type: 'Action.Execute', verb: VERBS.caseShow });
  expect(cardText(await say(ola, 'mine saker'))).toContain('Du har ingen saker ennå');
});

it('shows one case with its history, and answers "not found" alike for others’ and unknown cases', async () => {
  const ref = await report(kari, { title: 'Statussak' });
  const mine = cardText(await say(kari, `status ${ref.toLowerCase()}`));
  expect(mine).toContain(`${ref}: Statussak`);
  expect(mine).toContain('Historikk');
  expect(mine).toContain('Saken ble meldt');
  const others = cardText(await say(ola, `status ${ref}`));
  expect(others.trim()).toBe(`Fant ingen sak ${ref}.`);
  const unknown = cardText(await say(ola, 'status FV-2026-999999'));
  expect(unknown.trim()).toBe('Fant ingen sak FV-2026-999999.');
  // The desk member sees it.
  const res = await h.post(
    invokeActivity({ aadObjectId: 'demo-desk-ror', name: 'Siri' }, h.serviceUrl, VERBS.caseShow, { ref }),
  );
  expect(cardText(cardOfInvoke(res.body))).toContain(`${ref}: Statussak`);
});

it('tells the reporter, through the outbox written with the change, when the case is taken and waits on a supplier', async () => {
  const ref = await report(kari, { title: 'Varslingssak' });
  await desk(ref, { type: 'claim' });
  await desk(ref, { type: 'wait', reason: 'supplier', supplierCaseNumber: 'VISMA-4711' });
  const msgs = await outboxFor(ref);
  expect(msgs.map((m) => m.conversationKey)).toEqual([
    `user:${kari.aadObjectId}`,
    `user:${kari.aadObjectId}`,
  ]);
  expect(cardText(outboxCard(msgs[0]))).toContain(`Siri Saksbehandler har tatt sak ${ref}`);
  expect(cardText(outboxCard(msgs[1]))).toContain(
    `Sak ${ref} venter på leverandør (leverandørens saksnr. VISMA-4711)`,
  );
  expect(new Set(msgs.map((m) => m.id)).size).toBe(2);
});

it('sends the solution card; "Ikke løst" needs a comment and reopens; "Godta løsningen" closes', async () => {
  const ref = await report(kari, { title: 'Løsningssak' });
  await desk(ref, { type: 'claim' });
  await desk(ref, { type: 'solve', solution: 'Tilgangen i Visma er rettet.' });
  const solutionMsg = (await outboxFor(ref)).find((m) => cardText(outboxCard(m)).includes('er løst'))!;
  const card = outboxCard(solutionMsg);
  expect(cardText(card)).toContain('Tilgangen i Visma er rettet.');
  const reject = actionByVerb(card, VERBS.solutionReject)!;
  const accept = actionByVerb(card, VERBS.solutionAccept)!;
  expect(accept).toMatchObject({ title: 'Godta løsningen' });
  expect(reject).toMatchObject({ title: 'Ikke løst' });

  const noComment = await h.post(
    invokeActivity(kari, h.serviceUrl, VERBS.solutionReject, {
      ...(reject.data as object),
      rejectComment: '  ',
    }),
  );
  const again = cardOfInvoke(noComment.body);
  expect(elements(again).find((e) => e.id === 'rejectCommentError')?.text).toBe(
    'Skriv hva som fortsatt ikke virker.',
  );
  expect((await h.app.store.cases.getForDesk(ref, ROR))!.value.status).toBe('solved');

  // Someone else cannot answer for Kari.
  const foreign = await h.post(
    invokeActivity(ola, h.serviceUrl, VERBS.solutionAccept, accept.data as Record<string, unknown>),
  );
  expect(cardText(cardOfInvoke(foreign.body)).trim()).toBe(`Fant ingen sak ${ref}.`);

  const rejected = await h.post(
    invokeActivity(kari, h.serviceUrl, VERBS.solutionReject, {
      ...(reject.data as object),
      rejectComment: 'Ser fortsatt blank side',
    }),
  );
  expect(cardText(cardOfInvoke(rejected.body))).toContain(`Sak ${ref} er åpnet igjen`);
  let c = (await h.app.store.cases.getForDesk(ref, ROR))!.value;
  expect(c.status).toBe('in_progress');
  expect(c.events.at(-1)).toMatchObject({
    type: 'solution_rejected',
    comment: 'Ser fortsatt blank side',
    byRole: 'reporter',
  });

  await desk(ref, { type: 'solve', solution: 'Cache tømt.' });
  const accepted = await h.post(
    invokeActivity(kari, h.serviceUrl, VERBS.solutionAccept, accept.data as Record<string, unknown>),
  );
  expect(cardText(cardOfInvoke(accepted.body))).toContain(`Takk! Sak ${ref} er lukket.`);
  c = (await h.app.store.cases.getForDesk(ref, ROR))!.value;
  expect(c.status).toBe('closed');
  // Answering twice shows the case as it is now instead of failing.
  const twice = await h.post(
    invokeActivity(kari, h.serviceUrl, VERBS.solutionAccept, accept.data as Record<string, unknown>),
  );
  expect(cardText(cardOfInvoke(twice.body))).toContain(`${ref}: Løsningssak`);
});

it('closes a solved case nobody answered after the desk’s working days, with a note, and tells the reporter', async () => {
  const ref = await report(kari, { title: 'Glemt sak' });
  await desk(ref, { type: 'solve', solution: 'Skriverdriver oppdatert.' });
  const jobDeps = {
    store: h.app.store,
    catalogue: h.app.catalogue,
    changes: h.app.deps.changes,
    log: h.app.deps.log,
  };
  // Tue 3 March solved; 5 working days later is Tue 10 March 10:00.
  expect(await runAutoClose({ ...jobDeps, clock: () => new Date('2026-03-10T08:59:00Z') })).not.toContain(
    ref,
  );
  expect(await runAutoClose({ ...jobDeps, clock: () => new Date('2026-03-10T09:01:00Z') })).toContain(ref);
  const c = (await h.app.store.cases.getForDesk(ref, ROR))!.value;
  expect(c.status).toBe('closed');
  expect(c.events.at(-1)).toMatchObject({
    type: 'closed',
    reason: 'no_answer',
    note: 'Lukket automatisk: ingen svar på løsningen innen 5 virkedager.',
    byRole: 'system',
  });
  const last = (await outboxFor(ref)).at(-1)!;
  expect(cardText(outboxCard(last))).toContain(`Sak ${ref} er lukket fordi vi ikke fikk svar på løsningen.`);
});
