import fc from 'fast-check';
import { PRESETS } from '../sla/presets';
import type { SlaPolicy } from '../sla/policy';
import { slaReportBuilder, type SlaReport } from './figures';
import { foldSummaries } from './aggregate';
import { caseSummary, summaryCovers, type CaseSummary } from './summary';
import { fixtureCase } from './test-support/fixture';
import { casesArb } from './test-support/histories';

function reportBoth(
  cases: ReturnType<typeof fixtureCase>[],
  policy: SlaPolicy,
  period: { from: Date; to: Date },
  now: Date,
) {
  const options = { period, now, notices: [], policies: { 'ror-ikt': policy } };
  const full = slaReportBuilder(options);
  const fromSummaries = slaReportBuilder(options);
  let fallbacks = 0;
  for (const c of cases) {
    full.add(c);
    const s = JSON.parse(JSON.stringify(caseSummary(c, policy))) as ReturnType<typeof caseSummary>;
    if (!fromSummaries.addSummary(s)) {
      expect(summaryCovers(s, fromSummaries.asOf.getTime())).toBe(false);
      fallbacks += 1;
      fromSummaries.add(c);
    }
  }
  return { full: full.finish(), summary: fromSummaries.finish(), fallbacks };
}

/** The report as the API shows it (no rows, the earliest breaches), in full and from the folded summaries. */
async function reportAggregated(
  cases: ReturnType<typeof fixtureCase>[],
  policy: SlaPolicy,
  period: { from: Date; to: Date },
  now: Date,
) {
  const options = {
    period,
    now,
    notices: [],
    policies: { 'ror-ikt': policy },
    withRows: false,
    maxBreaches: 3,
  };
  const full = slaReportBuilder(options);
  for (const c of cases) full.add(c);
  const byRef = new Map(cases.map((c) => [c.ref as string, c]));
  const viaAggregate = slaReportBuilder(options);
  const summaries = cases.map((c) => JSON.parse(JSON.stringify(caseSummary(c, policy))) as CaseSummary);
  const { rest, ...agg } = await foldSummaries(
    (async function* () {
      yield* summaries;
    })(),
    viaAggregate.aggregateQuery()!,
  );
  viaAggregate.addAggregate(agg);
  for await (const s of rest) if (!viaAggregate.addSummary(s)) viaAggregate.add(byRef.get(s.ref)!);
  return {
    full: full.finish(),
    aggregated: viaAggregate.finish(),
    n: agg.summaries,
    outages: agg.outages.length,
  };
}

/** Minutes compared to 1e-6 (a clock moved on from the stored state vs. counted from receipt). */
const rounded = (r: SlaReport) =>
  JSON.parse(
    JSON.stringify(r, (_k, v: unknown) => (typeof v === 'number' ? Math.round(v * 1000) / 1000 : v)),
  ) as unknown;

describe('the report from summaries equals the full computation from timelines', () => {
  for (const [name, policy] of Object.entries(PRESETS)) {
    it(`on random histories under the ${name} preset, for a past period and for one still running`, () => {
      fc.assert(
        fc.property(casesArb, fc.integer({ min: 0, max: 120 }), (cases, endDay) => {
          const from = new Date(Date.UTC(2026, 0, 1));
          const to = new Date(from.getTime() + (endDay + 1) * 86_400_000);
          for (const now of [new Date(Date.UTC(2026, 6, 1)), new Date(to.getTime() - 3_600_000)]) {
            const { full, summary } = reportBoth(cases, policy, { from, to }, now);
            expect(rounded(summary)).toEqual(rounded(full));
          }
        }),
        { numRuns: 150 },
      );
    });

    it(`from the aggregated summaries on random histories under the ${name} preset`, async () => {
      let aggregated = 0;
      let outages = 0;
      await fc.assert(
        fc.asyncProperty(casesArb, fc.integer({ min: 0, max: 120 }), async (cases, endDay) => {
          const from = new Date(Date.UTC(2026, 0, 1));
          const to = new Date(from.getTime() + (endDay + 1) * 86_400_000);
          for (const now of [new Date(Date.UTC(2026, 6, 1)), new Date(to.getTime() - 3_600_000)]) {
            const r = await reportAggregated(cases, policy, { from, to }, now);
            expect(rounded(r.aggregated)).toEqual(rounded(r.full));
            aggregated += r.n;
            outages += r.outages;
          }
        }),
        { numRuns: 150 },
      );
      expect(aggregated).toBeGreaterThan(0);
      // Cases reporting an outage go into the aggregate too, their outages with it.
      expect(outages).toBeGreaterThan(0);
    });
  }

  it('reads the timeline only for a case changed after the report instant or paused at its last change', () => {
    const policy = PRESETS['ror-ikt'];
    const running = fixtureCase(1, 'Løper', '2026-03-02T08:00:00Z', 'middels', []);
    const paused = fixtureCase(2, 'Venter', '2026-03-02T08:00:00Z', 'middels', [
      ['2026-03-02T09:00:00Z', { type: 'claimed', assignee: { id: 'u', name: 'U' } as never }],
      ['2026-03-02T10:00:00Z', { type: 'waiting_started', reason: 'supplier' }],
    ]);
    const later = fixtureCase(3, 'Løst senere', '2026-03-02T08:00:00Z', 'middels', [
      ['2026-04-02T10:00:00Z', { type: 'solved', solution: 'Rettet' }],
    ]);
    const { fallbacks } = reportBoth(
      [running, paused, later],
      policy,
      { from: new Date('2026-03-01T00:00:00Z'), to: new Date('2026-04-01T00:00:00Z') },
      new Date('2026-05-01T00:00:00Z'),
    );
    expect(fallbacks).toBe(2);
  });
});
