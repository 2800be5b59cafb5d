/**
 * Moving a desk's open cases to its newest policy version through the real server: only who may edit
 * the policy (administrator, the desk's lead) may; a dry run names the cases and their deadlines
 * before and after and changes nothing; the real run moves each open case through the change service
 * (a `policy_moved` event by the lead), leaves Løst and Lukket cases alone, and a second run finds none.
 */
import type { Case } from '../../../../shared/cases/model';
import { deskId } from '../../../../shared/ids';
import { caseSla } from '../../../../shared/sla/case-sla';
import type { SlaPolicy } from '../../../../shared/sla/policy';
import { startTestServer, type TestServer } from '../../../test-support/server';
import { seedStore, USERS } from '../../../test-support/seed';
import type { PolicyMoveReport } from './policy-move';
import type { AdminPolicyResponse } from './types';

let srv: TestServer;
const tokens: Record<string, string> = {};
beforeAll(async () => {
  srv = await startTestServer({ now: new Date('2026-03-20T12:00:00Z'), seed: (s) => seedStore(s) });
  tokens.admin = await srv.token({ oid: 'u-admin', name: 'Ada Admin', roles: ['Fristvakt.Admin'] });
  tokens.rorLead = await srv.token({ oid: 'u-lead', name: 'Lea Leder', roles: ['DeskLead.ror-ikt'] });
  tokens.ukeLead = await srv.token({ oid: 'u-ukelead', name: 'Ulf Leder', roles: ['DeskLead.uke'] });
  tokens.desk = await srv.token({ oid: USERS.desk });
  tokens.employee = await srv.token({ oid: USERS.employee });
});
afterAll(() => srv.close());

type Who = 'admin' | 'rorLead' | 'ukeLead' | 'desk' | 'employee';
const call = (method: string, path: string, who: Who, body?: unknown) =>
  fetch(srv.url + path, {
    method,
    headers: {
      Authorization: `Bearer ${tokens[who]}`,
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
const move = (who: Who, dryRun: string, desk = 'ror-ikt') =>
  call('POST', `/api/admin/policies/${desk}/move-open-cases?dryRun=${dryRun}`, who);

async function rorCases(): Promise<Case[]> {
  const out: Case[] = [];
  for await (const c of srv.store.cases.streamPeriod(
    [deskId('ror-ikt')],
    '2000-01-01T00:00:00.000Z' as never,
    '2100-01-01T00:00:00.000Z' as never,
  ))
    out.push(c);
  return out;
}

it('answers 403 to everyone who may not edit the desk policy, 400 to a missing dryRun', async () => {
  for (const who of ['ukeLead', 'desk', 'employee'] as const)
    expect([who, (await move(who, 'true')).status]).toEqual([who, 403]);
  expect((await move('rorLead', 'true', 'uke')).status).toBe(403);
  expect((await move('rorLead', 'maybe')).status).toBe(400);
  const none = (await (await move('rorLead', 'true')).json()) as PolicyMoveReport;
  expect(none).toMatchObject({ deskId: 'ror-ikt', dryRun: true, toVersion: 1, cases: [] });
});

it('after a saved version: the dry run lists the open cases and their deadlines; the run moves them', async () => {
  const got = (await (
    await call('GET', '/api/admin/policies/ror-ikt', 'rorLead')
  ).json()) as AdminPolicyResponse;
  const policy = JSON.parse(JSON.stringify(got.versions[0])) as SlaPolicy;
  // Version 2: every resolution target is 1 working day.
  for (const p of policy.priorities) p.resolution = { kind: 'working_days', days: 1 };
  const saved = await call('PUT', '/api/admin/policies/ror-ikt', 'rorLead', { version: got.version, policy });
  expect(saved.status).toBe(200);

  const before = await rorCases();
  const open = before.filter((c) => ['new', 'in_progress', 'waiting'].includes(c.status));
  expect(open.length).toBeGreaterThan(0);
  expect(before.length).toBeGreaterThan(open.length);

  const dry = (await (await move('rorLead', 'true')).json()) as PolicyMoveReport;
  expect(dry.toVersion).toBe(2);
  expect(dry.cases.map((c) => c.ref).sort()).toEqual(open.map((c) => c.ref).sort());
  expect(dry.cases.every((c) => c.fromVersion === 1)).toBe(true);
  const changed = dry.cases.filter((c) => c.changes);
  expect(changed.length).toBeGreaterThan(0);
  for (const c of changed) expect(c.resolution.after).not.toBe(c.resolution.before);
  // The dry run changed nothing.
  expect(await rorCases()).toEqual(before);

  const run = (await (await move('rorLead', 'false')).json()) as PolicyMoveReport;
  expect(run.moved).toBe(open.length);
  expect(run.skipped).toEqual([]);
  const after = await rorCases();
  const desk = (await srv.store.desks.get(deskId('ror-ikt')))!.value;
  for (const c of after) {
    const moved = c.events.filter((e) => e.type === 'policy_moved');
    if (open.some((o) => o.ref === c.ref)) {
      expect(moved).toEqual([
        expect.objectContaining({ from: 1, to: 2, by: { kind: 'system', name: 'Lea Leder' } }),
      ]);
      expect(c.policyMoves).toEqual([{ at: '2026-03-20T12:00:00.000Z', to: 2 }]);
      const shown = dry.cases.find((d) => d.ref === c.ref)!;
      expect(caseSla(c, desk, srv.clock.now).resolution.dueAt?.toISOString()).toBe(shown.resolution.after);
    } else expect(moved).toEqual([]);
  }
  const again = (await (await move('admin', 'true')).json()) as PolicyMoveReport;
  expect(again.cases).toEqual([]);
});
