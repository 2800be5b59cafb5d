/**
 * The composition root wires the tab API to the channel flow: a driftsmelding published with
 * `POST /api/notices` (development sign-in) is stored with one outbox post per notice channel of the
 * desk, and the outbox sender delivers each to the fake Bot Connector as a new thread; the tab is held
 * to the same notice rules as the channel form (seed 004 §6.2: planned maintenance 3 days ahead, or a
 * reason).
 */
import { CloudAdapter, ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import { deskId, noticeId, userId } from '../shared/ids';
import type { Notice } from '../shared/notices/model';
import { DEV_USER_HEADER } from '../tab/api/auth';
import {
  anne,
  channelMessage,
  DIRECTORY,
  kari,
  NOTICE_CHANNEL_A,
  NOTICE_CHANNEL_B,
  pendingOutbox,
  ROR,
  TEAM_ID,
} from './conversation/channel/test-support/channel';
import { systemClock } from './delivery/clock';
import { botConnector } from './delivery/connector';
import { startOutboxSender, type OutboxSender } from './delivery/outbox-sender';
import { silentLogger } from './server/logger';
import { cardOfCall, cardText } from './test-support/cards';
import { startHarness, type Harness } from './test-support/harness';

// Tuesday 3 March 2026, 10:00 in Oslo.
const NOW = new Date('2026-03-03T09:00:00Z');
const KEY_A = `channel:${TEAM_ID}:${NOTICE_CHANNEL_A}`;
const KEY_B = `channel:${TEAM_ID}:${NOTICE_CHANNEL_B}`;

let h: Harness;
let sender: OutboxSender;
beforeAll(async () => {
  h = await startHarness({
    now: NOW,
    app: {
      directory: DIRECTORY,
      tabAuth: {
        tenantId: 'tenant-1',
        audiences: ['urn:fristvakt:test'],
        jwksUrl: 'http://127.0.0.1:9/keys',
        devSignIn: true,
      },
    },
  });
  const desk = (await h.app.store.desks.get(ROR))!;
  await h.app.store.desks.put({ ...desk.value, members: [userId(anne.aadObjectId)] }, desk.version);
  h.app.catalogue.invalidate();
  sender = startOutboxSender({
    store: h.app.store,
    connector: botConnector(new CloudAdapter(new ConfigurationBotFrameworkAuthentication({})), ''),
    botAppId: '',
    log: silentLogger,
    // The test's time; the loop itself sleeps (a minute) while `runOnce` below does the rounds.
    clock: { now: () => h.now.value, sleep: systemClock.sleep },
    options: { pollIntervalMs: 60_000 },
  });
  for (const channel of [NOTICE_CHANNEL_A, NOTICE_CHANNEL_B])
    await h.post(channelMessage(anne, h.serviceUrl, channel, 'koble driftsmeldinger ror-ikt'));
  await deliverAll();
});
afterAll(async () => {
  await sender.stop();
  await h.close();
});

async function deliverAll(): Promise<void> {
  for (let round = 0; round < 20 && (await pendingOutbox(h)).length > 0; round++) await sender.runOnce();
  expect(await pendingOutbox(h)).toEqual([]);
}

const publish = (as: string, body: Record<string, unknown>): Promise<Response> =>
  fetch(`${h.app.url}/api/notices`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', [DEV_USER_HEADER]: as },
    body: JSON.stringify(body),
  });

const PLANNED = {
  deskId: 'ror-ikt',
  kind: 'planned_maintenance',
  title: 'Oppgradering av Visma',
  text: 'Visma er utilgjengelig mens det oppgraderes.',
  serviceIds: ['ror-visma'],
  // Two days ahead: under the 3 days of seed 004 §6.2.
  startsAt: '2026-03-05T15:00:00Z',
  expectedEndAt: '2026-03-05T19:00:00Z',
};

it('posts a notice published in the tab to each notice channel of the desk, once', async () => {
  h.connector.clear();
  const res = await publish(anne.aadObjectId, { ...PLANNED, shortNoticeReason: 'Kritisk sikkerhetsfiks' });
  expect(res.status).toBe(201);
  const notice = (await res.json()) as Notice;
  expect(notice.channelKeys?.sort()).toEqual([KEY_A, KEY_B].sort());
  expect(notice.shortNoticeReason).toBe('Kritisk sikkerhetsfiks');
  // Written with the notice, in the same store call.
  const pending = (await pendingOutbox(h)).filter((m) => m.noticeId === notice.id);
  expect(pending.map((m) => m.threadKey).sort()).toEqual(
    [`notice:${notice.id}:${KEY_A}`, `notice:${notice.id}:${KEY_B}`].sort(),
  );

  await deliverAll();
  const creates = h.connector.calls.filter((c) => c.kind === 'create');
  expect(
    creates
      .map((c) => (c.body as { channelData: { channel: { id: string } } }).channelData.channel.id)
      .sort(),
  ).toEqual([NOTICE_CHANNEL_A, NOTICE_CHANNEL_B].sort());
  for (const c of creates) {
    // A new channel thread: the card travels as the conversation's first activity.
    const { activity } = c.body as { activity: unknown };
    const text = cardText(cardOfCall({ ...c, body: activity }));
    expect(text).toContain('Oppgradering av Visma');
    expect(text).toContain('Kritisk sikkerhetsfiks');
  }
  // Each copy's location is kept under its thread key, so an update can edit it in place.
  for (const key of [KEY_A, KEY_B])
    expect(await h.app.store.threads.get(`notice:${notice.id}:${key}`)).not.toBeNull();
  const stored = await h.app.store.notices.get(noticeId(notice.id), deskId('ror-ikt'));
  expect(stored?.value.title).toBe('Oppgradering av Visma');

  h.connector.clear();
  await deliverAll();
  expect(h.connector.calls.filter((c) => c.kind === 'create' || c.kind === 'send')).toEqual([]);
});

it('refuses planned maintenance under 3 days ahead without a reason, at its field, and posts nothing', async () => {
  h.connector.clear();
  const before = (await h.app.store.notices.listActive(ROR)).length;
  const res = await publish(anne.aadObjectId, PLANNED);
  expect(res.status).toBe(400);
  const body = (await res.json()) as { error: { code: string; field: string; message: string } };
  expect(body.error).toMatchObject({ code: 'VALIDATION', field: 'shortNoticeReason' });
  expect(body.error.message).toContain('3 days');
  // Three days ahead needs no reason.
  const ok = await publish(anne.aadObjectId, {
    ...PLANNED,
    startsAt: '2026-03-06T09:00:00Z',
    expectedEndAt: '2026-03-06T12:00:00Z',
  });
  expect(ok.status).toBe(201);
  expect((await h.app.store.notices.listActive(ROR)).length).toBe(before + 1);
  const okId = ((await ok.json()) as Notice).id;
  expect((await pendingOutbox(h)).filter((m) => m.noticeId === okId)).toHaveLength(2);
});

it('lets only desk members publish, with the rules’ field names in a 400', async () => {
  expect((await publish(kari.aadObjectId, { ...PLANNED, kind: 'outage' })).status).toBe(403);
  const cases: Array<[Record<string, unknown>, string]> = [
    [{ ...PLANNED, kind: 'party' }, 'kind'],
    [{ ...PLANNED, serviceIds: ['kompass'] }, 'serviceIds'],
    [{ ...PLANNED, serviceIds: [] }, 'serviceIds'],
    [{ ...PLANNED, title: ' ' }, 'title'],
    [{ ...PLANNED, title: 'x'.repeat(121) }, 'title'],
    [{ ...PLANNED, startsAt: 'i morgen' }, 'startsAt'],
    [{ ...PLANNED, kind: 'outage', expectedEndAt: '2026-03-05T14:00:00Z' }, 'expectedEndAt'],
    [{ ...PLANNED, startsAt: '2026-03-01T09:00:00Z', shortNoticeReason: 'x' }, 'startsAt'],
  ];
  for (const [body, field] of cases) {
    const res = await publish(anne.aadObjectId, body);
    expect({ field, status: res.status }).toEqual({ field, status: 400 });
    expect(((await res.json()) as { error: { field: string } }).error.field).toBe(field);
  }
});
