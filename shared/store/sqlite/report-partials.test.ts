/**
 * The SLA report's per-(desk, month) partials on SQLite give exactly the figures of adding up every row
 * live, and the report from them equals the full computation from timelines: on random histories
 * stored in two rounds (the second reopens solved cases, closes, explains and comments: late writes in
 * months already summed), with a policy move of the open cases, at report instants inside a month, on
 * a month's end and long after, for periods with and without a lookback before them.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import fc from 'fast-check';
import type { Case } from '../../cases/model';
import { deskId, isoInstant, userId, type IsoInstant } from '../../ids';
import type { Store } from '../../ports';
import type { SummaryAggregate } from '../../reports/aggregate';
import { slaReportBuilder, type SlaReport } from '../../reports/figures';
import type { CaseSummary } from '../../reports/summary';
import { fixtureCase } from '../../reports/test-support/fixture';
import { casesArb } from '../../reports/test-support/histories';
import { PRESETS } from '../../sla/presets';
import type { SlaPolicy } from '../../sla/policy';
import { slaSummary } from '../../sla/state';
import { feedReport } from '../report-feed';
import { desk } from '../test-support/fixtures';
import { openSqliteStore } from './index';
import { summaryAggregator } from './report-figures';
import { reportPartials } from './report-partials';

const ROR = deskId('ror-ikt');
/** A second desk on the same preset: the earliest breaches are chosen over both. */
const BYA = deskId('byarkivet');
const DESKS = [ROR, BYA];
const DAY = 86_400_000;
const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** Version 2 of the preset: every resolution target a business hour longer. */
function moved(p: SlaPolicy): SlaPolicy {
  return {
    ...p,
    priorities: p.priorities.map((x) =>
      x.resolution.kind === 'business_minutes'
        ? { ...x, resolution: { ...x.resolution, minutes: x.resolution.minutes + 60 } }
        : x,
    ),
  };
}

/** A case as it stood after its first `n` events (status, priority and SLA summary from them). */
function upTo(full: Case, ref: string, n: number): Case {
  const events = full.events.slice(0, n);
  let status: Case['status'] = 'new';
  let priority = full.suggestedPriority;
  for (const e of events) {
    if (e.type === 'claimed') status = 'in_progress';
    else if (e.type === 'waiting_started') status = 'waiting';
    else if (e.type === 'waiting_ended' || e.type === 'solution_rejected') status = 'in_progress';
    else if (e.type === 'solved') status = 'solved';
    else if (e.type === 'closed') status = 'closed';
    else if (e.type === 'priority_changed') priority = e.to;
  }
  const c: Case = {
    ...full,
    ref: ref as Case['ref'],
    events,
    status,
    priority,
    updatedAt: events[events.length - 1]!.at,
  };
  return { ...c, sla: slaSummary(c, PRESETS['ror-ikt']) };
}

/** An aggregate in a canonical order, its `rest` as sorted references. */
async function canonical(agg: SummaryAggregate) {
  const { rest, ...figures } = agg;
  const refs: string[] = [];
  for await (const s of rest) refs.push(s.ref);
  const key = (v: unknown) => JSON.stringify(v);
  const sorted = <T>(xs: T[], k: (x: T) => string) => [...xs].sort((a, b) => (k(a) < k(b) ? -1 : 1));
  return {
    ...figures,
    priorities: sorted(figures.priorities, key),
    spent: sorted(figures.spent, key),
    hours: sorted(figures.hours, (h) => String(h.hour).padStart(12, '0')),
    breaches: figures.breaches.map((s) => s.ref).sort(),
    outages: sorted(figures.outages, key),
    rest: refs.sort(),
  };
}

/** Minutes compared to 1e-3 (a clock moved on from the stored state vs. counted from receipt). */
const rounded = (r: SlaReport) =>
  JSON.parse(
    JSON.stringify(r, (_k, v: unknown) => (typeof v === 'number' ? Math.round(v * 1000) / 1000 : v)),
  ) as unknown;

const PERIODS = [
  { from: Date.UTC(2026, 0, 1), to: Date.UTC(2026, 2, 1) },
  { from: Date.UTC(2026, 1, 1), to: Date.UTC(2026, 2, 15, 12) },
  { from: Date.UTC(2026, 0, 1), to: Date.UTC(2026, 4, 1) },
];
const NOWS = [Date.UTC(2026, 1, 14, 12), Date.UTC(2026, 3, 1), Date.UTC(2026, 6, 1)];

/** A fresh SQLite store with ROR-IKT and Byarkivet on ROR-IKT's preset, and a second connection to its file. */
async function withStore(fn: (store: Store, db: Database.Database) => Promise<void>): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'fristvakt-partials-'));
  dirs.push(dir);
  const file = join(dir, 'f.db');
  const store: Store = openSqliteStore({ file, blobDir: join(dir, 'blobs') });
  const db = new Database(file);
  try {
    await store.desks.put({ ...desk('ror-ikt'), policy: PRESETS['ror-ikt'] });
    await store.desks.put({ ...desk('byarkivet'), policy: PRESETS['ror-ikt'] });
    await fn(store, db);
  } finally {
    db.close();
    await store.close();
  }
}

/**
 * One report (the API's: no rows, the earliest breaches) over the scope [from, to): the aggregate with
 * partials equals the live sums, and the report from it equals the full one from timelines. Returns the
 * aggregate and how many months came from partials.
 */
async function checkReport(
  store: Store,
  db: Database.Database,
  period: { from: number; to: number },
  now: number,
  from: IsoInstant,
) {
  const options = {
    period: { from: new Date(period.from), to: new Date(period.to) },
    now: new Date(now),
    notices: [],
    policies: {
      [ROR]: (await store.desks.get(ROR))!.value,
      [BYA]: (await store.desks.get(BYA))!.value,
    },
    withRows: false,
    maxBreaches: 3,
  };
  const to = isoInstant(new Date(period.to));
  const q = slaReportBuilder(options).aggregateQuery()!;
  const live = await canonical(await summaryAggregator(db, { partials: false })(DESKS, from, to, q));
  // Partials keeping 500, 3 (as many as the report asks: a month's list cut, then taken as it is
  // when all its covers are accepted) and 2 breaches per target (fewer: the months read live).
  for (const breachCap of [undefined, 3, 2])
    expect(await canonical(await summaryAggregator(db, { breachCap })(DESKS, from, to, q))).toEqual(live);
  const cut = reportPartials(db, 3);
  const cutUsed = DESKS.flatMap((d) => cut(d, from, to, q).used).filter(
    (m) => m.inPeriod && m.capped.some(Boolean),
  );
  const full = slaReportBuilder(options);
  for await (const c of store.cases.streamPeriod(DESKS, from, to)) full.add(c);
  const viaPartials = slaReportBuilder(options);
  await feedReport(store.cases, viaPartials, DESKS, from, to);
  expect(rounded(viaPartials.finish())).toEqual(rounded(full.finish()));
  const plan = reportPartials(db);
  return {
    aggregate: live,
    used: DESKS.reduce((n, d) => n + plan(d, from, to, q).used.length, 0),
    cut: cutUsed.length,
  };
}

describe('cases reporting an outage in the aggregate (SQLite)', () => {
  it('a store from before they were aggregated: reopened, their rows take the outage and go in', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fristvakt-outage-'));
    dirs.push(dir);
    const file = join(dir, 'f.db');
    const open = () => openSqliteStore({ file, blobDir: join(dir, 'blobs') });
    const plain = fixtureCase(1, 'Skriver', '2026-01-05T08:00:00Z', 'lav', []);
    const down = fixtureCase(2, 'Agresso nede', '2026-01-06T08:00:00Z', 'hoy', [], {
      checklist: {
        ...plain.checklist!,
        scope: 'organisation',
        startedAt: isoInstant(new Date('2026-01-06T07:30:00Z')),
      },
    });
    let store: Store = open();
    await store.desks.put({ ...desk('ror-ikt'), policy: PRESETS['ror-ikt'] });
    for (const c of [plain, down]) {
      const { ref: _ref, ...input } = c;
      await store.cases.create(input, 2026, () => []);
    }
    await store.close();
    // As the step before the outage step (step 13) left it: no outage column, the outage case's row
    // unusable (the outage step and the steps after it run again on open).
    const raw = new Database(file);
    raw.exec(`DROP INDEX case_figures_outage;
      ALTER TABLE case_figures DROP COLUMN outage;
      UPDATE case_figures SET usable = 0 WHERE received_at = '${down.receivedAt}';
      UPDATE schema_version SET version = 12;`);
    raw.close();
    store = open();
    const db = new Database(file);
    try {
      const options = {
        period: { from: new Date(Date.UTC(2026, 0, 1)), to: new Date(Date.UTC(2026, 1, 1)) },
        now: new Date(Date.UTC(2026, 1, 1)),
        notices: [],
        policies: { [ROR]: (await store.desks.get(ROR))!.value },
        withRows: false,
        maxBreaches: 3,
      };
      const q = slaReportBuilder(options).aggregateQuery()!;
      const from = isoInstant(new Date('2026-01-01T00:00:00Z'));
      const to = isoInstant(new Date('2026-02-01T00:00:00Z'));
      const agg = await canonical(await summaryAggregator(db)([ROR], from, to, q));
      expect(agg.summaries).toBe(2);
      expect(agg.rest).toEqual([]);
      expect(agg.outages).toEqual([
        expect.objectContaining({ title: 'Agresso nede', from: '2026-01-06T07:30:00.000Z' }),
      ]);
      const full = slaReportBuilder(options);
      for await (const c of store.cases.streamPeriod([ROR], from, to)) full.add(c);
      const viaAggregate = slaReportBuilder(options);
      await feedReport(store.cases, viaAggregate, [ROR], from, to);
      const report = viaAggregate.finish();
      expect(rounded(report)).toEqual(rounded(full.finish()));
      expect(report.uptime).toEqual([expect.objectContaining({ outages: 1 })]);
    } finally {
      db.close();
      await store.close();
    }
  });
});

describe('SLA report partials per desk and month (SQLite)', () => {
  it('give the figures of the live sums and the full report, before and after late writes and a policy move', async () => {
    let used = 0;
    let cutMonths = 0;
    let dropped = 0;
    await fc.assert(
      fc.asyncProperty(casesArb, fc.array(fc.nat(), { minLength: 25, maxLength: 25 }), (cases, cuts) =>
        withStore(async (store, db) => {
          /** Every period and instant, with a lookback before the period (not month-aligned). */
          const compare = async () => {
            for (const period of PERIODS)
              for (const now of NOWS) {
                const r = await checkReport(
                  store,
                  db,
                  period,
                  now,
                  isoInstant(new Date(period.from - 45 * DAY)),
                );
                used += r.used;
                cutMonths += r.cut;
              }
          };

          // First round: each case (every other one on Byarkivet) up to a random cut of its events
          // (the rest comes later).
          const stored: Array<{ full: Case; ref: string; version: string; cut: number }> = [];
          for (const [i, history] of cases.entries()) {
            const full: Case = i % 2 === 1 ? { ...history, deskId: BYA } : history;
            const cut = 1 + (cuts[i]! % full.events.length);
            const { ref: _first, ...first } = upTo(full, full.ref, 1);
            let v = (await store.cases.create(first, 2026, () => [])).case;
            for (let n = 2; n <= cut; n += 1)
              v = await store.cases.update(upTo(full, v.value.ref, n), v.version);
            stored.push({ full, ref: v.value.ref, version: v.version, cut });
          }
          await compare();

          // Second round: the rest of each history (reopened, closed, explained...), written after
          // their months were summed.
          const kept = () =>
            (db.prepare('SELECT count(*) AS n FROM report_partials').get() as { n: number }).n;
          const before = kept();
          for (const s of stored)
            for (let n = s.cut + 1; n <= s.full.events.length; n += 1)
              s.version = (await store.cases.update(upTo(s.full, s.ref, n), s.version)).version;
          dropped += before - kept();
          await compare();

          // A policy move: ROR-IKT's version 2 saved, each of its open cases moved to it.
          const current = (await store.desks.get(ROR))!;
          const at = isoInstant(new Date(Date.UTC(2026, 4, 10, 10)));
          await store.admin.savePolicy(ROR, moved(PRESETS['ror-ikt']), current.version, {
            id: 'audit-v2',
            at,
            actor: { id: userId('u-admin'), name: 'Admin' },
            objectType: 'policy',
            objectId: 'ror-ikt',
            action: 'update',
            after: moved(PRESETS['ror-ikt']),
          });
          for (const s of stored) {
            if (s.full.deskId !== ROR) continue;
            const c = (await store.cases.getForDesk(s.ref as Case['ref'], ROR))!;
            if (c.value.status === 'closed') continue;
            await store.cases.update({ ...c.value, policyMoves: [{ at, to: 2 }], updatedAt: at }, c.version);
          }
          await compare();

          // Every version redefined in place, and the histories stored again on ROR-IKT into the same
          // months.
          const d = (await store.desks.get(ROR))!;
          await store.desks.put(
            {
              ...d.value,
              policy: moved(d.value.policy),
              previousPolicies: d.value.previousPolicies?.map(moved),
            },
            d.version,
          );
          for (const [i, full] of cases.entries()) {
            if (i % 2 === 1) continue;
            const { ref: _first, ...again } = { ...full, clientKey: `again-${i}` };
            await store.cases.create(again, 2026, () => []);
          }
          await compare();
        }),
      ),
      { numRuns: 25 },
    );
    // Not a vacuous check: months were taken from partials (some with a cut breach list), and late
    // writes dropped some.
    expect(used).toBeGreaterThan(0);
    expect(cutMonths).toBeGreaterThan(0);
    expect(dropped).toBeGreaterThan(0);
  }, 600_000);

  it('sums a month without keeping it while another instance holds the write lock, without waiting for it', () =>
    withStore(async (store, db) => {
      for (const [i, at] of [
        [1, '2026-01-05T09:00:00Z'],
        [2, '2026-01-20T10:00:00Z'],
        [3, '2026-02-03T11:00:00Z'],
      ] as const) {
        const c = fixtureCase(i, `Sak ${i}`, at, 'lav', [
          [
            at.replace(':00:00Z', ':30:00Z'),
            { type: 'claimed', assignee: { id: userId('u-1'), name: 'Ola' } },
          ],
        ]);
        const { ref: _ref, ...input } = c;
        await store.cases.create(input, 2026, () => []);
      }
      const period = { from: Date.UTC(2026, 0, 1), to: Date.UTC(2026, 2, 1) };
      const q = slaReportBuilder({
        period: { from: new Date(period.from), to: new Date(period.to) },
        now: new Date(Date.UTC(2026, 3, 1)),
        notices: [],
        policies: { [ROR]: PRESETS['ror-ikt'], [BYA]: PRESETS['ror-ikt'] },
        withRows: false,
        maxBreaches: 3,
      }).aggregateQuery()!;
      const [from, to] = [isoInstant(new Date(period.from)), isoInstant(new Date(period.to))];
      const live = await canonical(await summaryAggregator(db, { partials: false })(DESKS, from, to, q));
      const kept = () => (db.prepare('SELECT count(*) AS n FROM report_partials').get() as { n: number }).n;
      // A third connection: another instance in the middle of a write.
      const other = new Database(db.name);
      try {
        other.exec('BEGIN IMMEDIATE');
        const t0 = Date.now();
        const held = await canonical(await summaryAggregator(db)(DESKS, from, to, q));
        expect(Date.now() - t0).toBeLessThan(1000);
        expect(held).toEqual(live);
        expect(kept()).toBe(0);
        other.exec('COMMIT');
        expect(await canonical(await summaryAggregator(db)(DESKS, from, to, q))).toEqual(live);
        expect(kept()).toBeGreaterThan(0);
      } finally {
        if (other.inTransaction) other.exec('ROLLBACK');
        other.close();
      }
    }));

  it('adds up live a month whose open case has a running deadline after the report instant', () =>
    withStore(async (store, db) => {
      // Received in January, a resolution deadline agreed for 20 March: past the last backlog bound
      // (30 days) on 1 March, yet not breached before 20 March.
      const due = isoInstant(new Date('2026-03-20T12:00:00Z'));
      const late = fixtureCase(1, 'Avtalt frist', '2026-01-05T09:00:00Z', 'lav', [
        ['2026-01-05T09:30:00Z', { type: 'claimed', assignee: { id: userId('u-desk-1'), name: 'Ola' } }],
        ['2026-01-06T09:00:00Z', { type: 'deadline_proposed', dueAt: due, reason: 'Leverandør' }],
        [
          '2026-01-06T10:00:00Z',
          { type: 'deadline_answered', proposalId: 'fx-1-2' as never, accepted: true, dueAt: due },
        ],
      ]);
      const { ref: _ref, ...input } = late;
      await store.cases.create(input, 2026, () => []);
      const summaries: CaseSummary[] = [];
      for await (const x of store.cases.streamSummaries(
        [ROR],
        isoInstant(new Date(Date.UTC(2026, 0, 1))),
        isoInstant(new Date(Date.UTC(2026, 1, 1))),
      ))
        summaries.push(x);
      expect(summaries[0]!.resolution).toMatchObject({ stopped: false, dueAt: due });
      const period = { from: Date.UTC(2026, 0, 1), to: Date.UTC(2026, 3, 1) };
      for (const now of [Date.UTC(2026, 2, 1), Date.UTC(2026, 2, 25)]) {
        const { aggregate } = await checkReport(store, db, period, now, isoInstant(new Date(period.from)));
        expect(aggregate.priorities[0]!.resolution.breached).toBe(now > Date.parse(due) ? 1 : 0);
      }
    }));
});
