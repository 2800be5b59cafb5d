/**
 * The fellesfeil watch with two app instances on one store (and restarts): the reports reach the
 * instance that does not hold the lease, the holder proposes once; the desk's "Ikke fellesfeil" reaches
 * the other instance; after a restart the memory in the store keeps the open proposal (later reports
 * join it, never a second one for the service) and the rejected burst (not proposed again).
 */
import { userActor } from '../../shared/app/case-changes';
import { orgId, userId, type CaseRef } from '../../shared/ids';
import type { OutboxEntry } from '../../shared/ports';
import { VERBS } from '../cards/verbs';
import {
  anne,
  channelInvoke,
  channelMessage,
  DIRECTORY,
  kari,
  per,
  pendingOutbox,
  ROR,
  startChannelHarness,
  TRIAGE_CHANNEL,
} from '../conversation/channel/test-support/channel';
import type { TestUser } from '../test-support/activities';
import { cardOfInvoke, cardText } from '../test-support/cards';
import { GOOD_ANSWERS, openForm, submitForm } from '../test-support/fault-form';
import type { Harness } from '../test-support/harness';
import { silentLogger } from '../server/logger';
import { FELLESFEIL_MARK, startFellesfeilWatch, type FellesfeilWatch } from './fellesfeil';

const more: TestUser[] = ['liv', 'ola', 'siri', 'tor'].map((n) => {
  const user: TestUser = { aadObjectId: `aad-${n}`, name: `${n} Hansen` };
  DIRECTORY.users[user.aadObjectId] = { orgId: orgId('aukra'), name: user.name };
  return user;
});
const T0 = Date.parse('2026-03-03T09:00:00Z');

let a: Harness;
let b: Harness;
const watches: FellesfeilWatch[] = [];
beforeAll(async () => {
  a = await startChannelHarness(new Date(T0));
  b = await startChannelHarness(new Date(T0), a.app.store);
  // Both instances read the clock of the first.
  b.now = a.now;
  await a.post(channelMessage(anne, a.serviceUrl, TRIAGE_CHANNEL, 'koble ror-ikt'));
});
afterAll(async () => {
  for (const w of watches) await w.stop();
  await b.close();
  await a.close();
});

/** A watch on one instance; `passive` never tries for the lease again after its first try. */
async function watchOn(h: Harness, holder: string, passive = false): Promise<FellesfeilWatch> {
  const w = startFellesfeilWatch({
    store: h.app.store,
    catalogue: h.app.catalogue,
    feed: h.app.feed,
    clock: () => a.now.value,
    log: silentLogger,
    holder,
    catchUpMs: 3_600_000,
    ...(passive ? { lease: { renewEveryMs: 3_600_000 } } : {}),
  });
  watches.push(w);
  h.app.deps.fellesfeil = w;
  await w.ready;
  return w;
}

async function report(h: Harness, user: TestUser, org: string, minutes: number): Promise<CaseRef> {
  a.now.value = new Date(T0 + minutes * 60_000);
  const { clientKey } = await openForm(h, user);
  const res = await submitForm(h, user, clientKey, {
    ...GOOD_ANSWERS,
    org,
    title: `Visma henger (${user.name})`,
  });
  return /FV-2026-\d{6}/.exec(JSON.stringify(res.body))![0] as CaseRef;
}

const posts = async (): Promise<OutboxEntry[]> =>
  (await pendingOutbox(a)).filter((m) => m.threadKey?.startsWith('fellesfeil:') && m.operation === 'post');

it('proposes once across two instances and restarts, and keeps a rejected burst quiet', async () => {
  const holder = await watchOn(a, 'instance-a');
  const other = await watchOn(b, 'instance-b', true);

  // The reports reach instance B, which does not hold the lease: the holder reads them at its catch-up.
  await report(b, kari, 'molde', 0);
  await report(b, per, 'aukra', 2);
  await report(b, more[0]!, 'aukra', 4);
  await other.catchUp();
  expect(await posts()).toEqual([]);
  await holder.catchUp();
  expect(await posts()).toHaveLength(1);
  const proposalId = holder.state().open[0]!.id;
  expect(other.state().open).toEqual([]);

  // A restart of the holder: the new process takes up the memory, and a later report joins the open
  // proposal instead of making a second one.
  await holder.stop();
  const restarted = await watchOn(a, 'instance-a2');
  expect(restarted.state().open.map((p) => p.id)).toEqual([proposalId]);
  await report(b, more[1]!, 'molde', 6);
  await restarted.catchUp();
  expect(await posts()).toHaveLength(1);
  expect(restarted.state().open).toHaveLength(1);
  expect(restarted.state().open[0]!.cases).toHaveLength(4);

  // "Ikke fellesfeil" through instance B's endpoint: B keeps the answer in the store, the holder applies it.
  const p = restarted.state().open[0]!;
  const answer = await b.post(
    channelInvoke(anne, b.serviceUrl, VERBS.fellesfeilReject, {
      proposalId: p.id,
      deskId: ROR,
      parentRef: p.parentRef,
      childRefs: p.childRefs,
    }),
  );
  expect(cardText(cardOfInvoke(answer.body))).toContain('ikke fellesfeil');
  await restarted.catchUp();
  expect(restarted.state().open).toEqual([]);
  expect(restarted.state().quiet).toHaveLength(1);

  // The burst goes on, and the app restarts again: still no second proposal.
  await report(b, more[2]!, 'aukra', 8);
  await restarted.catchUp();
  await restarted.stop();
  const again = await watchOn(a, 'instance-a3');
  await report(b, more[3]!, 'molde', 10);
  await again.catchUp();
  expect(again.state().quiet).toHaveLength(1);
  expect(await posts()).toHaveLength(1);
  expect(JSON.parse((await a.app.store.leases.getMark(FELLESFEIL_MARK))!)).toMatchObject({
    version: 1,
    state: { open: [] },
  });
});

it('applies "Lag hovedsak" given on the other instance, and ends the fellesfeil when that instance solves the hovedsak', async () => {
  const holder = watches[watches.length - 1]!;
  const start = 60;
  await report(b, kari, 'molde', start);
  await report(b, per, 'aukra', start + 1);
  await report(b, more[0]!, 'aukra', start + 2);
  await holder.catchUp();
  const p = holder.state().open[0]!;
  expect(p).toBeDefined();
  await b.post(
    channelInvoke(anne, b.serviceUrl, VERBS.fellesfeilAccept, {
      proposalId: p.id,
      deskId: ROR,
      parentRef: p.parentRef,
      childRefs: p.childRefs,
    }),
  );
  await holder.catchUp();
  expect(holder.state().open).toEqual([]);
  expect(holder.state().active.map((x) => x.parentRef)).toEqual([p.parentRef]);

  // Instance B solves the hovedsak: the holder hears nothing of it on its own feed, and reads it.
  const desks = (await b.app.catalogue.get()).desks;
  const actor = userActor({ id: userId(anne.aadObjectId), name: anne.name }, desks, DIRECTORY);
  await b.app.deps.changes.apply(p.parentRef, { type: 'claim' }, actor, a.now.value);
  await b.app.deps.changes.apply(
    p.parentRef,
    { type: 'solve', solution: 'Visma er startet på nytt.' },
    actor,
    a.now.value,
  );
  await holder.catchUp();
  expect(holder.state().active).toEqual([]);
  expect(holder.state().quiet.map((q) => q.reason)).toEqual(['finished']);
});
