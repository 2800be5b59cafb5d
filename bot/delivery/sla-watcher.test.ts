import { DateTime } from 'luxon';
import type { Case, CaseEvent, Person } from '../../shared/cases/model';
import { eventId, isoInstant, orgId, priorityId, serviceId, userId } from '../../shared/ids';
import type { LeaseStore, OutboxEntry, Store } from '../../shared/ports';
import { PRESETS } from '../../shared/sla/presets';
import { slaSummary } from '../../shared/sla/state';
import { startSlaWatcher } from './index';
import { startSlaWatcher as startWatcherLoop } from './sla-watcher';
import { ManualClock } from './test-support/manual-clock';
import {
  DESK,
  makeDesk,
  openBench,
  recordingLogger,
  TRIAGE_CHANNEL_ID,
  type Bench,
} from './test-support/setup';

const oslo = (local: string): Date => DateTime.fromISO(local, { zone: 'Europe/Oslo' }).toJSDate();
const reporter: Person = { id: userId('u-rita'), name: 'Rita Reporter' };
const agent: Person = { id: userId('u-dag'), name: 'Dag Desk' };
// ROR-IKT with an on-call arrangement: Kritisk counts around the clock.
const POLICY = { ...PRESETS['ror-ikt'], criticalAroundTheClock: true };

async function createCase(
  store: Store,
  local: string,
  priority: string,
  title: string,
  more: CaseEvent[] = [],
) {
  const at = isoInstant(oslo(local));
  const events: CaseEvent[] = [
    {
      id: eventId('e0'),
      at,
      by: { kind: 'user', ...reporter },
      byRole: 'reporter',
      type: 'created',
      priority: priorityId(priority),
    },
    ...more,
  ];
  const input = {
    deskId: DESK,
    orgId: orgId('molde'),
    kind: 'fault' as const,
    serviceId: serviceId('agresso'),
    title,
    checklist: {
      symptom: 's',
      triedSoFar: 't',
      scope: 'department' as const,
      availability: 'all' as const,
      startedAt: at,
    },
    reporter,
    reporterRole: 'employee' as const,
    testContact: reporter,
    followers: [],
    suggestedPriority: priorityId(priority),
    priority: priorityId(priority),
    status: (more.some((e) => e.type === 'waiting_started') ? 'waiting' : 'new') as Case['status'],
    line: 'second' as const,
    childRefs: [],
    attachments: [],
    receivedAt: at,
    updatedAt: at,
    clientKey: title,
    events,
    ...(more.some((e) => e.type === 'claimed') ? { assignee: agent } : {}),
  };
  const sla = slaSummary(input, POLICY);
  return (await store.cases.create({ ...input, sla }, 2026, () => [])).case.value;
}

const pending = async (store: Store): Promise<OutboxEntry[]> =>
  store.outbox.listDue(isoInstant(new Date('2030-01-01T00:00:00Z')), 1000);

describe('SLA watcher on a simulated clock', () => {
  let bench: Bench;
  afterEach(() => bench.close());

  it('warns once at risk and once at breach, waits out closed hours and Ascension Day, not while paused; critical warns at night', async () => {
    bench = await openBench({}, { policy: POLICY });
    const { store } = bench;
    const clock = new ManualClock(oslo('2026-05-13T07:00'));
    const running = startSlaWatcher({
      store,
      log: recordingLogger(),
      clock,
      holder: 'solo',
      lease: { ttlMs: 60_000, renewEveryMs: 40_000 },
      // Every 5 minutes rather than every minute, to keep five simulated days quick.
      options: { intervalMs: 5 * 60_000 },
    });
    // Its two loops (the lease's renewals and the sweeps) have each gone to sleep.
    await clock.settle(2);

    // Paused: claimed, then Avventer leverandør before it was at risk. Never warns.
    await createCase(store, '2026-05-13T08:00', 'hoy', 'Venter på leverandør', [
      {
        id: eventId('e1'),
        at: isoInstant(oslo('2026-05-13T08:05')),
        by: { kind: 'user', ...agent },
        byRole: 'desk',
        type: 'claimed',
        assignee: agent,
      },
      {
        id: eventId('e2'),
        at: isoInstant(oslo('2026-05-13T09:00')),
        by: { kind: 'user', ...agent },
        byRole: 'desk',
        type: 'waiting_started',
        reason: 'supplier',
      },
    ]);
    await clock.advanceTo(oslo('2026-05-13T14:30'));
    // Høy, Wednesday 14:30: response due at the 15:30 closing; Thursday 14 May is Ascension Day.
    const hoy = await createCase(store, '2026-05-13T14:30', 'hoy', 'Agresso svarer ikke');
    await clock.advanceTo(oslo('2026-05-15T14:59'));
    // Kritisk, Friday 15:00: around the clock, into the evening and the weekend (17 May is a Sunday).
    const kritisk = await createCase(store, '2026-05-15T15:00', 'kritisk', 'Gerica nede');
    await clock.advanceTo(oslo('2026-05-18T10:00'));
    await running.stop();

    const posted = (await pending(store))
      .sort((x, y) => (x.createdAt < y.createdAt ? -1 : 1))
      .map((e) => [
        e.id.split(':').slice(1, 4).join(':'),
        DateTime.fromISO(e.createdAt).setZone('Europe/Oslo').toFormat('ccc dd HH:mm'),
      ]);
    expect(posted).toEqual([
      [`${hoy.ref}:response:at_risk`, 'Wed 13 15:15'],
      // Breached at Wednesday's closing, outside hours: waits for Friday's opening (Thursday is a holiday).
      [`${hoy.ref}:response:breached`, 'Fri 15 08:00'],
      [`${hoy.ref}:resolution:at_risk`, 'Fri 15 10:00'],
      [`${hoy.ref}:resolution:breached`, 'Fri 15 11:05'],
      [`${kritisk.ref}:response:at_risk`, 'Fri 15 15:15'],
      [`${kritisk.ref}:response:breached`, 'Fri 15 15:20'],
      [`${kritisk.ref}:resolution:at_risk`, 'Fri 15 16:30'],
      [`${kritisk.ref}:resolution:breached`, 'Fri 15 17:05'],
    ]);
    expect(running.watcher.sweeps).toBeGreaterThan(1400);

    // The messages: replies in the case's triage thread, Norwegian, with mentions.
    const all = await pending(store);
    const hoyRisk = all.find((e) => e.id.includes(`${hoy.ref}:response:at_risk`))!;
    expect(hoyRisk).toMatchObject({
      operation: 'reply',
      threadKey: `case:${hoy.ref}:triage`,
      conversationKey: `channel:19:team-ror@thread.tacv2:${TRIAGE_CHANNEL_ID}`,
    });
    const a = hoyRisk.activity as {
      text: string;
      entities: Array<{ mentioned: { id: string }; text: string }>;
    };
    // No assignee: the desk (its triage channel) is mentioned.
    expect(a.text).toContain('Fristen er i fare for');
    expect(a.text).toContain('responstiden går ut onsdag 13. mai kl. 15:30 (15 min arbeidstid igjen)');
    expect(a.entities).toEqual([
      {
        type: 'mention',
        text: '<at>ROR-IKT Servicedesk</at>',
        mentioned: { id: TRIAGE_CHANNEL_ID, name: 'ROR-IKT Servicedesk', conversationType: 'channel' },
      },
    ]);
    const breach = all.find((e) => e.id.includes(`${kritisk.ref}:resolution:breached`))!.activity as typeof a;
    expect(breach.text).toMatch(/^\[Kritisk\] 🔴 Fristen er brutt/);
    expect(breach.text).toContain('over fristen');
    expect(breach.entities.map((m) => m.mentioned.id)).toEqual(['aad-leder', 'aad-vakt']);
    for (const m of breach.entities) expect(breach.text).toContain(m.text);
  });

  it('enqueues nothing when the desk has no triage channel', async () => {
    bench = await openBench({}, { policy: POLICY });
    await bench.store.desks.put(
      { ...makeDesk(bench.fake.url, { policy: POLICY }), triageChannel: undefined } as never,
      (await bench.store.desks.get(DESK))!.version,
    );
    await createCase(bench.store, '2026-05-13T08:00', 'kritisk', 'Nede');
    const clock = new ManualClock(oslo('2026-05-13T12:00'));
    const running = startSlaWatcher({ store: bench.store, log: recordingLogger(), clock, holder: 'x' });
    await clock.advance(120_000);
    await running.stop();
    expect(await pending(bench.store)).toEqual([]);
  });
});

describe('the lease', () => {
  let bench: Bench;
  afterEach(() => bench.close());

  it('two watchers on one store: one sweeps; when it stops renewing, the other takes over within the ttl', async () => {
    bench = await openBench();
    const clock = new ManualClock('2026-05-12T08:00:00Z');
    let aDead = false;
    // Instance A "hangs": from some point on its lease calls fail (as a dead or cut-off process).
    const aLeases: LeaseStore = {
      tryAcquire: (...args) =>
        aDead ? Promise.reject(new Error('instance A is gone')) : bench.store.leases.tryAcquire(...args),
      release: (...args) => (aDead ? Promise.reject(new Error('gone')) : bench.store.leases.release(...args)),
      getMark: (...args) => (aDead ? Promise.reject(new Error('gone')) : bench.store.leases.getMark(...args)),
      putMark: (...args) => (aDead ? Promise.reject(new Error('gone')) : bench.store.leases.putMark(...args)),
    };
    const timing = { ttlMs: 40_000, renewEveryMs: 10_000 };
    const options = { intervalMs: 5_000 };
    const a = startSlaWatcher({
      store: { ...bench.store, leases: aLeases },
      log: recordingLogger(),
      clock,
      holder: 'A',
      lease: timing,
      options,
    });
    await clock.settle(2);
    const b = startSlaWatcher({
      store: bench.store,
      log: recordingLogger(),
      clock,
      holder: 'B',
      lease: timing,
      options,
    });
    await clock.settle(4);
    await clock.advance(5 * 60_000);
    expect(a.watcher.sweeps).toBeGreaterThan(50);
    expect(b.watcher.sweeps).toBe(0);

    aDead = true;
    const diedAt = clock.now().getTime();
    let aStoppedAt: number | undefined;
    let bStartedAt: number | undefined;
    for (let t = 0; t < 120 && bStartedAt === undefined; t++) {
      await clock.advance(1_000);
      if (aStoppedAt === undefined && !a.lease.isHeld()) aStoppedAt = clock.now().getTime();
      if (b.lease.isHeld()) bStartedAt = clock.now().getTime();
      expect(a.lease.isHeld() && b.lease.isHeld()).toBe(false);
    }
    // A stops working before B starts; B takes over within ttl + one renewal (< 1 min).
    expect(aStoppedAt).toBeDefined();
    expect(bStartedAt! - diedAt).toBeLessThanOrEqual(50_000);
    expect(bStartedAt!).toBeGreaterThan(aStoppedAt!);
    const aSweeps = a.watcher.sweeps;
    await clock.advance(60_000);
    expect(b.watcher.sweeps).toBeGreaterThan(5);
    expect(a.watcher.sweeps).toBe(aSweeps);
    await a.stop();
    await b.stop();
  });
});

describe('a backlog', () => {
  let bench: Bench;
  afterEach(() => bench.close());

  it('becomes one digest card per desk; later warnings come one by one; a restart posts nothing twice', async () => {
    bench = await openBench({}, { policy: POLICY });
    const { store } = bench;
    // 25 cases whose response deadline passed at 09:58, just inside the next sweep's overlap.
    for (let i = 0; i < 25; i++) await createCase(store, '2026-05-13T08:58', 'hoy', `Gammel ${i}`);
    const fresh = await createCase(store, '2026-05-13T09:55', 'hoy', 'Ny sak');
    const first = startWatcherLoop({ store, log: recordingLogger() }, false);
    const r1 = await first.sweep(oslo('2026-05-13T10:00'));
    expect(r1).toMatchObject({ digests: 1, cases: 25 });
    const [digest, ...rest] = await pending(store);
    expect(rest).toEqual([]);
    expect(digest).toMatchObject({
      operation: 'post',
      conversationKey: `channel:19:team-ror@thread.tacv2:${TRIAGE_CHANNEL_ID}`,
    });
    const activity = digest!.activity as { text: string; attachments: Array<{ content: unknown }> };
    expect(activity.text).toBe('🔴 25 saker har passert fristen — se listen i fanen.');
    expect(JSON.stringify(activity.attachments[0]!.content)).toContain('25 saker har passert fristen');

    // Restarted a minute later: the overlap reads the 25 again, and posts nothing for them.
    const second = startWatcherLoop({ store, log: recordingLogger() }, false);
    expect((await second.sweep(oslo('2026-05-13T10:01'))).enqueued).toEqual([]);
    for (let m = 2; m <= 90; m++)
      await second.sweep(new Date(oslo('2026-05-13T10:00').getTime() + m * 60_000));
    // Restarted again: nothing is posted twice.
    const third = startWatcherLoop({ store, log: recordingLogger() }, false);
    expect((await third.sweep(oslo('2026-05-13T11:31'))).enqueued).toEqual([]);

    const replies = (await pending(store))
      .filter((e) => e.operation === 'reply')
      .map((e) => [
        e.id.split(':').slice(1, 4).join(':'),
        DateTime.fromISO(e.createdAt).setZone('Europe/Oslo').toFormat('HH:mm'),
      ]);
    expect(replies).toEqual([
      [`${fresh.ref}:response:at_risk`, '10:40'],
      [`${fresh.ref}:response:breached`, '10:56'],
    ]);
    // Steady sweeps read only the cases whose instant came: none of the 25 after the overlap.
    expect((await third.sweep(oslo('2026-05-13T11:40'))).cases).toBe(0);
  });
});
