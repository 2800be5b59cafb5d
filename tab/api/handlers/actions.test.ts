import type { CaseDetailResponse, ConflictResponse } from '../../common/api-types';
import { startTestServer, type TestServer } from '../../test-support/server';
import { seedStore, USERS } from '../../test-support/seed';

let srv: TestServer;
const tokens: Record<string, string> = {};
beforeAll(async () => {
  srv = await startTestServer({ now: new Date('2026-03-20T12:00:00Z'), seed: (s) => seedStore(s) });
  for (const [k, oid] of Object.entries(USERS)) tokens[k] = await srv.token({ oid, name: `Navn ${k}` });
});
afterAll(() => srv.close());

const detail = async (ref: string, who: keyof typeof USERS = 'desk') =>
  (await (
    await fetch(`${srv.url}/api/cases/${ref}`, { headers: { Authorization: `Bearer ${tokens[who]}` } })
  ).json()) as CaseDetailResponse;
const act = (ref: string, who: keyof typeof USERS, body: unknown) =>
  fetch(`${srv.url}/api/cases/${ref}/actions`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${tokens[who]}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });

describe('POST /api/cases/:ref/actions', () => {
  it('claims a case with the version read, and the next claim with the old version gets 409 and who changed it', async () => {
    const before = await detail('FV-2026-000011');
    expect(before.case.status).toBe('new');
    const res = await act('FV-2026-000011', 'desk', { action: 'claim', version: before.version });
    expect(res.status).toBe(200);
    const after = (await res.json()) as CaseDetailResponse;
    expect(after.case.status).toBe('in_progress');
    expect(after.case.assignee?.id).toBe(USERS.desk);
    expect(after.version).not.toBe(before.version);

    const stale = await act('FV-2026-000011', 'superMolde', {
      action: 'solve',
      solution: 'Omstart',
      version: before.version,
    });
    expect(stale.status).toBe(409);
    const conflict = (await stale.json()) as ConflictResponse;
    expect(conflict.error.code).toBe('CONFLICT');
    expect(conflict.changedBy).toMatchObject({ name: 'Navn desk', what: 'tok saken' });
    expect(conflict.current.case.status).toBe('in_progress');
    expect(conflict.current.version).toBe(after.version);
  });

  it('changes priority, waits on a supplier, escalates and solves through the lifecycle', async () => {
    let d = await detail('FV-2026-000010');
    const step = async (body: Record<string, unknown>) => {
      const res = await act('FV-2026-000010', 'desk', { ...body, version: d.version });
      expect(res.status).toBe(200);
      d = (await res.json()) as CaseDetailResponse;
    };
    await step({ action: 'claim' });
    await step({ action: 'priority', priority: 'hoy', reason: 'Hele kontoret' });
    expect(d.case.priority).toBe('hoy');
    await step({ action: 'wait', reason: 'supplier', supplierCaseNumber: 'LEV-42' });
    expect(d.case.status).toBe('waiting');
    expect(d.case.supplierCaseNumber).toBe('LEV-42');
    await step({ action: 'resume' });
    await step({ action: 'escalate', toLine: 'third', note: 'Driftsavdelingen' });
    expect(d.case.line).toBe('third');
    await step({ action: 'solve', solution: 'Driver oppdatert' });
    expect(d.case.status).toBe('solved');
    expect(d.case.events.map((e) => e.type)).toEqual([
      'created',
      'claimed',
      'priority_changed',
      'waiting_started',
      'waiting_ended',
      'escalated',
      'waiting_started',
      'waiting_ended',
      'solved',
    ]);
  });

  it('refuses who may not act, and bad input', async () => {
    const d = await detail('FV-2026-000005');
    const version = d.version;
    expect((await act('FV-2026-000005', 'employee', { action: 'claim', version })).status).toBe(403);
    expect((await act('FV-2026-000005', 'superAukra', { action: 'claim', version })).status).toBe(404);
    // A superbruker is 1st line: may claim, but the desk sets the final priority.
    expect(
      (await act('FV-2026-000005', 'superMolde', { action: 'priority', priority: 'hoy', version })).status,
    ).toBe(403);
    const bad = await act('FV-2026-000005', 'desk', { action: 'dance', version });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { field: string } }).error.field).toBe('action');
    expect((await act('FV-2026-000005', 'desk', { action: 'claim' })).status).toBe(400);
    expect((await act('FV-2026-000005', 'desk', { action: 'wait', reason: 'lunch', version })).status).toBe(
      400,
    );
    expect((await act('FV-2026-000005', 'desk', { action: 'solve', version })).status).toBe(400);
    // Resuming a case that is not waiting: the lifecycle says no.
    expect((await act('FV-2026-000005', 'desk', { action: 'resume', version })).status).toBe(409);
    expect((await detail('FV-2026-000005')).version).toBe(version);
  });

  it('lets the reporter answer a solution: accept closes it, reject (with a comment) reopens it', async () => {
    const solved = await detail('FV-2026-000001', 'employee');
    expect(solved.case.status).toBe('solved');
    // Someone else's case: not found, as for any case one may not see.
    expect(
      (await act('FV-2026-000001', 'employeeAukra', { action: 'accept', version: solved.version })).status,
    ).toBe(404);
    const accepted = await act('FV-2026-000001', 'employee', { action: 'accept', version: solved.version });
    expect(accepted.status).toBe(200);
    const closed = (await accepted.json()) as CaseDetailResponse;
    expect(closed.case.status).toBe('closed');
    expect(closed.case.events.slice(-2).map((e) => e.type)).toEqual(['solution_accepted', 'closed']);
    // Answered already: the lifecycle refuses a second answer.
    expect(
      (await act('FV-2026-000001', 'employee', { action: 'reject', comment: 'Nei', version: closed.version }))
        .status,
    ).toBe(409);

    const other = await detail('FV-2026-000002', 'employee');
    const noComment = await act('FV-2026-000002', 'employee', { action: 'reject', version: other.version });
    expect(noComment.status).toBe(400);
    expect(((await noComment.json()) as { error: { field: string } }).error.field).toBe('comment');
    expect(
      (await act('FV-2026-000002', 'employee', { action: 'reject', comment: '   ', version: other.version }))
        .status,
    ).toBe(400);
    const rejected = await act('FV-2026-000002', 'employee', {
      action: 'reject',
      comment: 'Fakturaen feiler fortsatt',
      version: other.version,
    });
    expect(rejected.status).toBe(200);
    const reopened = (await rejected.json()) as CaseDetailResponse;
    expect(reopened.case.status).toBe('in_progress');
    expect(reopened.case.events.at(-1)).toMatchObject({
      type: 'solution_rejected',
      comment: 'Fakturaen feiler fortsatt',
    });
  });
});
