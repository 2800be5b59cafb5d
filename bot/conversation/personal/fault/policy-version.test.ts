/**
 * A case keeps the SLA policy version it was received under: reported through the bot endpoint under
 * version 1, it keeps version 1's deadlines after the desk saves version 2 and is changed again through
 * the change service; a case reported after the save gets version 2's deadlines on its confirmation;
 * a desk lead's move (`move_policy`) records the move in the history and counts the rest under version 2.
 */
import { systemActor } from '../../../../shared/app/case-changes';
import { formatDeadline } from '../../../../shared/dates';
import { deskId, isoInstant, userId, type CaseRef } from '../../../../shared/ids';
import { caseSla } from '../../../../shared/sla/case-sla';
import type { SlaPolicy } from '../../../../shared/sla/policy';
import type { TestUser } from '../../../test-support/activities';
import { cardOfInvoke, cardText } from '../../../test-support/cards';
import { GOOD_ANSWERS, openForm, submitForm } from '../../../test-support/fault-form';
import { startHarness, type Harness } from '../../../test-support/harness';

const kari: TestUser = { aadObjectId: 'aad-kari', name: 'Kari Nordmann' };
const ROR = deskId('ror-ikt');

let h: Harness;
beforeAll(async () => {
  // Tuesday 3 March 2026, 10:00 Oslo.
  h = await startHarness({ now: new Date('2026-03-03T09:00:00Z') });
});
afterAll(() => h.close());

async function report(title: string): Promise<{ ref: CaseRef; text: string }> {
  const { clientKey } = await openForm(h, kari);
  const res = await submitForm(h, kari, clientKey, { ...GOOD_ANSWERS, title });
  expect(res.status).toBe(200);
  const text = cardText(cardOfInvoke(res.body));
  return { ref: /FV-2026-\d{6}/.exec(text)![0] as CaseRef, text };
}

const stored = async (ref: CaseRef) => (await h.app.store.cases.getForDesk(ref, ROR))!.value;
const desk = async () => (await h.app.store.desks.get(ROR))!;

it('keeps version 1 for a case received under it, gives version 2 to the next, and moves on request', async () => {
  const first = await report('Lønnsslippen er blank');
  const c1 = await stored(first.ref);
  expect(c1.policyVersion).toBe(1);
  const v1Due = c1.sla.resolutionDueAt!;
  expect(first.text).toContain(formatDeadline(new Date(v1Due), 'nb'));

  // The desk lead saves version 2: the case's priority gets 30 minutes around the clock to resolve.
  const current = await desk();
  const v2: SlaPolicy = JSON.parse(JSON.stringify(current.value.policy)) as SlaPolicy;
  v2.priorities.find((p) => p.id === c1.priority)!.resolution = { kind: 'calendar_minutes', minutes: 30 };
  h.now.value = new Date('2026-03-03T09:10:00Z');
  await h.app.store.admin.savePolicy(ROR, v2, current.version, {
    id: 'audit-policy-v2',
    at: isoInstant(h.now.value),
    actor: { id: userId('demo-leder'), name: 'Leder' },
    objectType: 'policy',
    objectId: ROR,
    action: 'update',
    after: v2,
  });
  h.app.catalogue.invalidate();

  // A change through the change service after the save keeps version 1's deadline.
  h.now.value = new Date('2026-03-03T09:20:00Z');
  const agent = { id: userId('demo-ror-1'), name: 'Agent' };
  await h.app.deps.changes.apply(first.ref, { type: 'assign', assignee: agent }, systemActor(), h.now.value);
  const after = await stored(first.ref);
  expect(after.policyVersion).toBe(1);
  expect(after.sla.resolutionDueAt).toBe(v1Due);
  expect(caseSla(after, (await desk()).value, h.now.value).resolution.dueAt?.toISOString()).toBe(v1Due);

  // A case reported now runs under version 2: 30 minutes from its receipt, on its confirmation too.
  const second = await report('Lønnsslippen er blank igjen');
  const c2 = await stored(second.ref);
  expect(c2.policyVersion).toBe(2);
  expect(c2.sla.resolutionDueAt).toBe('2026-03-03T09:50:00.000Z');
  expect(second.text).toContain(formatDeadline(new Date('2026-03-03T09:50:00Z'), 'nb'));

  // Moving the first case: its 20 minutes used stay, the rest of version 2's 30 minutes counts on.
  const moved = await h.app.deps.changes.apply(
    first.ref,
    { type: 'move_policy' },
    systemActor('Leder'),
    h.now.value,
  );
  expect(moved.events.map((e) => e.type)).toEqual(['policy_moved']);
  const m = await stored(first.ref);
  expect(m.policyMoves).toEqual([{ at: h.now.value.toISOString(), to: 2 }]);
  expect(m.sla.resolutionDueAt).toBe('2026-03-03T09:30:00.000Z');
});
