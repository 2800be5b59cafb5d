/**
 * Changing a driftsmelding from the tab: `POST /api/notices/:id/update` and `/resolve` against the real
 * routes, the SQLite store and signed tokens. The seeded active notice n-4 (ROR-IKT, Visma lønn) started
 * 2026-03-15 22:30Z.
 */
import type { Notice } from '../../../shared/notices/model';
import { noticeVersion, type NoticesResponse } from '../../common/api-types';
import { DIRECTORY, seedStore, USERS } from '../../test-support/seed';
import { startTestServer, type TestServer } from '../../test-support/server';
import type { NoticeChange } from './notices';

let srv: TestServer;
const tokens: Record<string, string> = {};
const changes: Array<{ id: string; change: NoticeChange }> = [];
beforeAll(async () => {
  srv = await startTestServer({
    now: new Date('2026-03-20T12:00:00Z'),
    seed: (s) => seedStore(s),
    deps: {
      outboxForNoticeChange: (notice, change) => {
        changes.push({ id: notice.id, change });
        return [];
      },
    },
  });
  // Tokens carry the person's name, as Entra's do.
  for (const [k, oid] of Object.entries(USERS))
    tokens[k] = await srv.token({ oid, name: DIRECTORY.users[oid]?.name ?? oid });
});
afterAll(() => srv.close());

const post = (path: string, who: keyof typeof USERS, body: unknown) =>
  fetch(srv.url + path, {
    method: 'POST',
    headers: { Authorization: `Bearer ${tokens[who]}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
const list = async (who: keyof typeof USERS) =>
  (await (
    await fetch(`${srv.url}/api/notices`, { headers: { Authorization: `Bearer ${tokens[who]}` } })
  ).json()) as NoticesResponse;
const n4 = async () => (await list('desk')).active.find((n) => n.id === 'n-4')!;
const field = async (res: Response) => ((await res.json()) as { error: { field?: string } }).error.field;

describe('changing a notice from the tab', () => {
  it('updates the text and the expected end, and tells the channel copies', async () => {
    const seen = await n4();
    const res = await post('/api/notices/n-4/update', 'desk', {
      deskId: 'ror-ikt',
      version: noticeVersion(seen),
      text: 'Leverandøren feilsøker fortsatt.',
      expectedEndAt: '2026-03-20T15:00:00.000Z',
    });
    expect(res.status).toBe(200);
    const saved = (await res.json()) as Notice;
    expect(saved).toMatchObject({
      status: 'active',
      text: 'Leverandøren feilsøker fortsatt.',
      expectedEndAt: '2026-03-20T15:00:00.000Z',
    });
    expect(changes.at(-1)).toMatchObject({
      id: 'n-4',
      change: { kind: 'update', by: { id: USERS.desk, name: 'Ola Servicesenter' } },
    });
    expect((await n4()).text).toBe('Leverandøren feilsøker fortsatt.');
  });

  it('refuses a stale version with the current notice (409)', async () => {
    const res = await post('/api/notices/n-4/update', 'desk', {
      deskId: 'ror-ikt',
      version: noticeVersion({ ...(await n4()), text: 'Teksten før' }),
      text: 'Gammel visning',
    });
    expect(res.status).toBe(409);
    const body = (await res.json()) as { current: Notice };
    expect(body.current.text).toBe('Leverandøren feilsøker fortsatt.');
  });

  it('names the bad field, and lets only the desk’s members change it', async () => {
    const base = { deskId: 'ror-ikt', version: noticeVersion(await n4()), text: 'Ny tekst' };
    expect(await field(await post('/api/notices/n-4/update', 'desk', { ...base, text: ' ' }))).toBe('text');
    expect(
      await field(
        await post('/api/notices/n-4/update', 'desk', { ...base, expectedEndAt: '2026-03-01T10:00:00Z' }),
      ),
    ).toBe('expectedEndAt');
    expect(
      await field(await post('/api/notices/n-4/update', 'desk', { ...base, expectedEndAt: 'i morgen' })),
    ).toBe('expectedEndAt');
    expect((await post('/api/notices/n-4/update', 'deskUke', base)).status).toBe(403);
    expect((await post('/api/notices/n-4/resolve', 'employee', base)).status).toBe(403);
    expect((await post('/api/notices/n-404/resolve', 'desk', base)).status).toBe(404);
    expect(await field(await post('/api/notices/n-4/resolve', 'desk', { deskId: 'ror-ikt' }))).toBe(
      'version',
    );
  });

  it('ends it ("Løst"): resolved, listed as recent, and not ended twice', async () => {
    const res = await post('/api/notices/n-4/resolve', 'desk', {
      deskId: 'ror-ikt',
      version: noticeVersion(await n4()),
      text: 'Visma lønn virker igjen.',
    });
    expect(res.status).toBe(200);
    const saved = (await res.json()) as Notice;
    expect(saved).toMatchObject({ status: 'resolved', resolvedAt: '2026-03-20T12:00:00.000Z' });
    expect(changes.at(-1)?.change.kind).toBe('resolve');
    const after = await list('employee');
    expect(after.active.map((n) => n.id)).not.toContain('n-4');
    expect(after.recent.find((n) => n.id === 'n-4')?.text).toBe('Visma lønn virker igjen.');
    const again = await post('/api/notices/n-4/resolve', 'desk', {
      deskId: 'ror-ikt',
      version: noticeVersion(saved),
    });
    expect(again.status).toBe(409);
  });
});
