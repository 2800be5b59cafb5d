import { orgId, serviceId } from '../ids';
import type { Case } from '../cases/model';
import { backlogBucket, nearestRank, slaReport, slaReportBuilder } from './figures';
import { caseSummary } from './summary';
import {
  EXPECTED,
  FIXTURE_NOW,
  FIXTURE_PERIOD,
  FIXTURE_POLICY,
  fixtureCases,
  fixtureNotices,
} from './test-support/fixture';

const report = () =>
  slaReport({
    period: FIXTURE_PERIOD,
    now: FIXTURE_NOW,
    cases: fixtureCases(),
    notices: fixtureNotices(),
    policies: { 'ror-ikt': FIXTURE_POLICY },
    services: [serviceId('websak')],
  });

describe('slaReport on the hand-computed fixture', () => {
  it('counts the cases received in the period, and the open backlog at its end', () => {
    const r = report();
    expect(r.cases).toBe(EXPECTED.cases);
    expect(r.openCases).toBe(EXPECTED.openCases);
    expect(r.asOf).toBe(FIXTURE_PERIOD.to.toISOString());
    expect(Object.fromEntries(r.backlog.map((b) => [b.bucket, b.cases]))).toEqual(EXPECTED.backlog);
  });

  it('gives the shares meeting each target and the median and p90 times', () => {
    const r = report();
    expect(r.response).toEqual(EXPECTED.response);
    expect(r.resolution).toEqual(EXPECTED.resolution);
  });

  it('breaks the figures down per priority, most urgent first', () => {
    const r = report();
    expect(r.byPriority.map((p) => [p.priority, p.cases])).toEqual([
      ['kritisk', 1],
      ['hoy', 4],
      ['middels', 1],
      ['lav', 1],
    ]);
    const hoy = r.byPriority.find((p) => p.priority === 'hoy')!;
    expect(hoy.response).toEqual(EXPECTED.hoy.response);
    expect(hoy.resolution).toEqual(EXPECTED.hoy.resolution);
    const kritisk = r.byPriority[0];
    expect(kritisk.response).toEqual({ met: 0, breached: 1, shareMet: 0, medianMinutes: 20, p90Minutes: 20 });
    expect(kritisk.resolution.medianMinutes).toBe(90);
    const lav = r.byPriority[3];
    expect(lav.response).toMatchObject({ met: 0, breached: 1, shareMet: 1 - 1, medianMinutes: null });
    expect(lav.resolution).toEqual({
      met: 0,
      breached: 0,
      shareMet: null,
      medianMinutes: null,
      p90Minutes: null,
    });
  });

  it('counts cases per ISO week in Oslo', () => {
    expect(report().perWeek).toEqual(EXPECTED.perWeek);
  });

  it('lists breaches by deadline with their lateness and explanations', () => {
    const r = report();
    expect(
      r.breaches.map((b) => ({
        ref: b.ref,
        target: b.target,
        lateMinutes: b.lateMinutes,
        ...(b.explanation ? { explanation: b.explanation } : {}),
      })),
    ).toEqual(EXPECTED.breaches);
    expect(r.breaches[3].metAt).toBeUndefined();
    expect(r.breaches[0].metAt).toBe('2026-03-02T10:30:00.000Z');
  });

  it('computes uptime per service from outages only, against 99.8 %', () => {
    const r = report();
    const by = Object.fromEntries(r.uptime.map((u) => [u.serviceId, u]));
    expect(Object.keys(by)).toEqual(['agresso', 'visma', 'websak']);
    for (const [s, e] of Object.entries(EXPECTED.uptime)) {
      expect(by[s].downMinutes).toBe(e.downMinutes);
      expect(by[s].uptime).toBeCloseTo(e.uptime, 10);
      expect(by[s].meetsGoal).toBe(e.meetsGoal);
    }
    expect(by.agresso.outages).toBe(3);
  });

  it('evaluates a period still running at now, and skips cases of desks without a policy', () => {
    const now = new Date('2026-03-02T08:59:00Z');
    const r = slaReport({
      period: FIXTURE_PERIOD,
      now,
      cases: [...fixtureCases(), { ...fixtureCases()[0], deskId: 'other' as never, orgId: orgId('x') }],
      notices: [],
      policies: { 'ror-ikt': FIXTURE_POLICY },
    });
    // Only A was received by 09:00Z (B arrives at 09:00Z).
    expect(r.cases).toBe(1);
    expect(r.response.met).toBe(1);
    expect(r.resolution).toMatchObject({ met: 0, breached: 0, shareMet: null });
    expect(r.asOf).toBe(now.toISOString());
  });
});

describe('slaReportBuilder', () => {
  it('gives the same report from cases added one at a time in any order, rows and breaches sorted', () => {
    const expected = report();
    const builder = slaReportBuilder({
      period: FIXTURE_PERIOD,
      now: FIXTURE_NOW,
      notices: fixtureNotices(),
      policies: { 'ror-ikt': FIXTURE_POLICY },
      services: [serviceId('websak')],
    });
    for (const c of fixtureCases().reverse()) builder.add(c);
    const r = builder.finish();
    expect(r).toEqual(expected);
    const received = r.rows.map((row) => `${row.receivedAt} ${row.ref}`);
    expect(received).toEqual([...received].sort());
    expect(r.breaches.length).toBeGreaterThan(1);
    const due = r.breaches.map((b) => `${b.dueAt} ${b.ref}`);
    expect(due).toEqual([...due].sort());
  });
  it('without rows, gives the same figures and no per-case rows', () => {
    const expected = report();
    const builder = slaReportBuilder({
      period: FIXTURE_PERIOD,
      now: FIXTURE_NOW,
      notices: fixtureNotices(),
      policies: { 'ror-ikt': FIXTURE_POLICY },
      services: [serviceId('websak')],
      withRows: false,
    });
    for (const c of fixtureCases()) builder.add(c);
    const r = builder.finish();
    expect(expected.rows.length).toBeGreaterThan(0);
    expect(r).toEqual({ ...expected, rows: [] });
  });
});

describe('orders', () => {
  it('a case that ended as an order counts in the orders report, not here: from the case or its summary', () => {
    const options = {
      period: FIXTURE_PERIOD,
      now: FIXTURE_NOW,
      notices: fixtureNotices(),
      policies: { 'ror-ikt': FIXTURE_POLICY },
      services: [serviceId('websak')],
    };
    const cases = fixtureCases();
    const inPeriod = cases.findIndex((c) => Date.parse(c.receivedAt) >= FIXTURE_PERIOD.from.getTime());
    expect(inPeriod).toBeGreaterThanOrEqual(0);
    const order: Case = { ...cases[inPeriod]!, kind: 'order' };
    const others = cases.filter((_, i) => i !== inPeriod);
    const without = slaReport({ ...options, cases: others });

    const fromCases = slaReport({ ...options, cases: [...others, order] });
    expect(fromCases).toEqual(without);
    expect(fromCases.cases).toBe(report().cases - 1);

    const builder = slaReportBuilder(options);
    for (const c of others) builder.add(c);
    const summary = caseSummary(order, FIXTURE_POLICY);
    expect(summary.kind).toBe('order');
    expect(builder.addSummary(summary)).toBe(true);
    expect(builder.finish()).toEqual(without);
  });
});

describe('helpers', () => {
  it('nearest rank', () => {
    expect(nearestRank([], 0.5)).toBeNull();
    expect(nearestRank([7], 0.9)).toBe(7);
    expect(nearestRank([1, 2, 3, 4], 0.5)).toBe(2);
    expect(nearestRank([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.9)).toBe(9);
  });
  it('backlog buckets', () => {
    const d = 86_400_000;
    expect([0, d - 1, d, 3 * d, 7 * d, 30 * d].map(backlogBucket)).toEqual([
      '0-1',
      '0-1',
      '1-3',
      '3-7',
      '7-30',
      '30+',
    ]);
  });
});
