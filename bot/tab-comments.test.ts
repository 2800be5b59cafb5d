/**
 * `POST /api/cases/:ref/comments` (the case conversation) against the real server and store: the reporter and the
 * desk comment from the tab; an internal note stays with the support lines (in the answer, in the
 * case the reporter reads, and in every message to the reporter's chat); the response target is met
 * by the desk's visible reply, not by its note.
 */
import type { CaseDetailResponse } from '../tab/common/api-types';
import { caseRef, userId } from '../shared/ids';
import type { OutboxEntry } from '../shared/ports';
import { PRESETS } from '../shared/sla/presets';
import { computeSla } from '../shared/sla/state';
import { teamsCaseMessages } from './messages/case-messages';
import { startTestServer, type TestServer } from '../tab/test-support/server';
import { seedStore, USERS } from '../tab/test-support/seed';

const REF = caseRef('FV-2026-000010'); // Aukra, reported by Per Aukra, Ny
const NOTE = 'intern-vurdering-7731';
let srv: TestServer;
const tokens: Record<string, string> = {};
beforeAll(async () => {
  srv = await startTestServer({
    // The Teams messages are read below: the bot's own builder, as the server wires it.
    messages: teamsCaseMessages,
    now: new Date('2026-03-20T12:00:00Z'),
    seed: (s) => seedStore(s, { extra: true }),
  });
  for (const [k, oid] of Object.entries(USERS)) tokens[k] = await srv.token({ oid });
});
afterAll(() => srv.close());

const post = (who: keyof typeof USERS, body: unknown) =>
  fetch(`${srv.url}/api/cases/${REF}/comments`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${tokens[who]}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
const get = async (who: keyof typeof USERS): Promise<CaseDetailResponse> =>
  (await (
    await fetch(`${srv.url}/api/cases/${REF}`, { headers: { Authorization: `Bearer ${tokens[who]}` } })
  ).json()) as CaseDetailResponse;
const outbox = async (): Promise<OutboxEntry[]> =>
  (await srv.store.outbox.listDue(new Date('2100-01-01').toISOString() as never, 500)).filter(
    (m) => m.caseRef === REF,
  );

it('lets the reporter comment, keeps an internal note from them, and meets the response target only with a visible reply', async () => {
  const mine = await post('employeeAukra', { text: 'Hei ROR-IKT Kundeservice, skanneren er fortsatt død.' });
  expect(mine.status).toBe(201);
  expect(JSON.stringify(await mine.json())).toContain('skanneren er fortsatt død');

  expect((await post('employeeAukra', { text: 'hemmelig', visibility: 'internal' })).status).toBe(403);
  expect((await post('nobody', { text: 'Hei' })).status).toBe(404);
  expect((await post('employeeAukra', { text: 'x'.repeat(4001) })).status).toBe(400);

  const note = await post('desk', { text: `Notat: ${NOTE}`, visibility: 'internal' });
  expect(note.status).toBe(201);
  let stored = (await srv.store.cases.getForDesk(REF, 'ror-ikt' as never))!.value;
  expect(
    computeSla(stored, PRESETS['ror-ikt'], new Date('2026-03-20T12:00:00Z')).response.metAt,
  ).toBeUndefined();

  expect((await post('desk', { text: 'Hei Per, vi bytter skanneren i morgen.' })).status).toBe(201);
  stored = (await srv.store.cases.getForDesk(REF, 'ror-ikt' as never))!.value;
  const response = computeSla(stored, PRESETS['ror-ikt'], new Date('2026-03-20T12:00:00Z')).response;
  expect(response.metAt?.toISOString()).toBe('2026-03-20T12:00:00.000Z');
  const comments = stored.events.filter((e) => e.type === 'comment');
  expect(comments.map((e) => e.type === 'comment' && [e.visibility, e.byRole, e.addressee])).toEqual([
    ['public', 'reporter', 'ROR-IKT Kundeservice'],
    ['internal', 'desk', undefined],
    ['public', 'desk', 'Per'],
  ]);

  // The reporter's view and chat never show the note; the desk's view does.
  expect(JSON.stringify(await get('employeeAukra'))).not.toContain(NOTE);
  expect(JSON.stringify(await get('desk'))).toContain(NOTE);
  const msgs = await outbox();
  const toReporter = msgs.filter((m) => m.conversationKey === `user:${userId(USERS.employeeAukra)}`);
  expect(toReporter.some((m) => JSON.stringify(m.activity).includes('vi bytter skanneren i morgen'))).toBe(
    true,
  );
  for (const m of msgs.filter((x) => x.conversationKey.startsWith('user:')))
    expect(JSON.stringify(m.activity)).not.toContain(NOTE);
});

it('edits (the author only) and deletes leave a trace; the reporter sees only the current text', async () => {
  const patch = (who: keyof typeof USERS, id: string, text: string) =>
    fetch(`${srv.url}/api/cases/${REF}/comments/${id}`, {
      method: 'PATCH',
      headers: { Authorization: `Bearer ${tokens[who]}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ text }),
    });
  const del = (who: keyof typeof USERS, id: string) =>
    fetch(`${srv.url}/api/cases/${REF}/comments/${id}`, {
      method: 'DELETE',
      headers: { Authorization: `Bearer ${tokens[who]}` },
    });
  expect((await post('employeeAukra', { text: 'Telefonnummeret mitt er 99887766' })).status).toBe(201);
  let c = (await srv.store.cases.getForDesk(REF, 'ror-ikt' as never))!.value;
  const id = c.events.at(-1)!.id;
  expect((await patch('desk', id, 'endret av desken')).status).toBe(403);
  expect((await patch('employeeAukra', id, 'Ring meg på Teams')).status).toBe(200);
  let mine = JSON.stringify(await get('employeeAukra'));
  expect(mine).toContain('Ring meg på Teams');
  expect(mine).not.toContain('99887766');
  expect(JSON.stringify(await get('desk'))).toContain('99887766');

  expect((await del('desk', id)).status).toBe(200);
  c = (await srv.store.cases.getForDesk(REF, 'ror-ikt' as never))!.value;
  expect(c.events.at(-1)).toMatchObject({ type: 'comment_deleted', commentId: id });
  mine = JSON.stringify(await get('employeeAukra'));
  expect(mine).not.toContain('Ring meg på Teams');
  expect(mine).toContain('comment_deleted');
  expect((await patch('employeeAukra', id, 'igjen')).status).toBe(400);
});
