import fc from 'fast-check';
import type { Case, CaseEventBody } from '../cases/model';
import { caseRef, noticeId, serviceId, type IsoInstant } from '../ids';
import type { Notice } from '../notices/model';
import { slaReportBuilder } from './figures';
import { caseSummary } from './summary';
import {
  EXPECTED,
  FIXTURE_PERIOD,
  FIXTURE_POLICY,
  fixtureCase,
  fixtureNotices,
} from './test-support/fixture';
import { caseOutageOf, serviceUptime, unionMs, type CaseOutage } from './uptime';

const from = FIXTURE_PERIOD.from.getTime();
const asOf = FIXTURE_PERIOD.to.getTime();
const agresso = serviceId('agresso');
const iso = (s: string): IsoInstant => new Date(s).toISOString() as IsoInstant;
const solve: CaseEventBody = { type: 'solved', solution: 'Rettet' };
const reject: CaseEventBody = { type: 'solution_rejected', comment: 'Fortsatt nede' };

/** A case whose checklist says Agresso is down (or not) for the virksomhet. */
function down(
  seq: number,
  receivedAt: string,
  steps: Array<[string, CaseEventBody]> = [],
  checklist: Partial<NonNullable<Case['checklist']>> = {},
): Case {
  const c = fixtureCase(seq, `Agresso nede ${seq}`, receivedAt, 'kritisk', steps);
  return { ...c, checklist: { ...c.checklist!, scope: 'organisation', availability: 'all', ...checklist } };
}

describe('caseOutageOf (which cases say a service is down, and for how long)', () => {
  it('counts only a whole virksomhet or more with nothing working', () => {
    expect(caseOutageOf(down(1, '2026-03-04T08:00Z', [], { scope: 'department' }))).toBeNull();
    expect(caseOutageOf(down(1, '2026-03-04T08:00Z', [], { scope: 'me' }))).toBeNull();
    expect(caseOutageOf(down(1, '2026-03-04T08:00Z', [], { availability: 'partial' }))).toBeNull();
    expect(caseOutageOf(down(1, '2026-03-04T08:00Z'))).not.toBeNull();
    expect(caseOutageOf(down(1, '2026-03-04T08:00Z', [], { scope: 'several_organisations' }))).not.toBeNull();
  });

  it('runs from when the fault started (else the receipt) until solved, or on while open', () => {
    const started = down(1, '2026-03-04T08:00Z', [['2026-03-04T10:00Z', solve]], {
      startedAt: iso('2026-03-04T07:15Z'),
    });
    expect(caseOutageOf(started)).toEqual({
      ref: caseRef('FV-2026-000001'),
      serviceId: agresso,
      title: 'Agresso nede 1',
      from: iso('2026-03-04T07:15Z'),
      to: iso('2026-03-04T10:00Z'),
    });
    // A start after the receipt cannot be: the receipt counts.
    const later = down(2, '2026-03-04T08:00Z', [], { startedAt: iso('2026-03-05T08:00Z') });
    expect(caseOutageOf(later)).toMatchObject({ from: iso('2026-03-04T08:00Z') });
    expect(caseOutageOf(later)!.to).toBeUndefined();
    const unreadable = down(3, '2026-03-04T08:00Z', [], { startedAt: 'i går' as IsoInstant });
    expect(caseOutageOf(unreadable)).toMatchObject({ from: iso('2026-03-04T08:00Z') });
  });

  it('a rejected solution means the fault went on, to the solve or close the case is in now', () => {
    const rejected = down(1, '2026-03-04T08:00Z', [
      ['2026-03-04T09:00Z', solve],
      ['2026-03-04T11:00Z', reject],
    ]);
    expect(caseOutageOf(rejected)!.to).toBeUndefined();
    const again = down(1, '2026-03-04T08:00Z', [
      ['2026-03-04T09:00Z', solve],
      ['2026-03-04T11:00Z', reject],
      ['2026-03-04T12:00Z', solve],
      ['2026-03-06T12:00Z', { type: 'closed', reason: 'accepted' }],
    ]);
    expect(caseOutageOf(again)!.to).toBe(iso('2026-03-04T12:00Z'));
    const withdrawn = down(1, '2026-03-04T08:00Z', [
      ['2026-03-04T08:30Z', { type: 'closed', reason: 'withdrawn' }],
    ]);
    expect(caseOutageOf(withdrawn)!.to).toBe(iso('2026-03-04T08:30Z'));
  });
});

describe('serviceUptime', () => {
  it('with notices only gives the figures the report gave before cases counted', () => {
    const by = Object.fromEntries(
      serviceUptime({ from, asOf, notices: fixtureNotices(), services: [serviceId('websak')] }).map((u) => [
        u.serviceId,
        u,
      ]),
    );
    expect(Object.keys(by).sort()).toEqual(Object.keys(EXPECTED.uptime).sort());
    for (const [s, e] of Object.entries(EXPECTED.uptime)) {
      expect(by[s]!.downMinutes).toBe(e.downMinutes);
      expect(by[s]!.uptime).toBeCloseTo(e.uptime, 10);
      expect(by[s]!.meetsGoal).toBe(e.meetsGoal);
    }
    expect(by.agresso!.sources.map((s) => s.kind)).toEqual(['notice', 'notice', 'notice']);
  });

  it('an 8-day-old breached "helt nede" case without a notice is down time, not 100 %', () => {
    const outage = caseOutageOf(down(4, '2026-03-07T23:00Z'))!;
    const [u] = serviceUptime({ from, asOf, notices: [], caseOutages: [outage] });
    expect(u!.downMinutes).toBe(8 * 24 * 60);
    expect(u!.meetsGoal).toBe(false);
    expect(u!.sources).toEqual([
      { kind: 'case', ref: outage.ref, title: 'Agresso nede 4', from: outage.from },
    ]);
  });

  it('a notice and the cases about the same fault count once, each listed with its source', () => {
    const notice = fixtureNotices()[0]!; // agresso 10:00–11:00 on 4 March
    const cases = [
      caseOutageOf(down(5, '2026-03-04T10:15Z', [['2026-03-04T11:30Z', solve]]))!,
      caseOutageOf(down(6, '2026-03-04T10:20Z', [['2026-03-04T10:50Z', solve]]))!,
    ];
    const [u] = serviceUptime({ from, asOf, notices: [notice], caseOutages: cases });
    expect(u!.downMinutes).toBe(90); // 10:00–11:30
    expect(u!.outages).toBe(3);
    expect(u!.sources.map((s) => (s.kind === 'notice' ? s.id : s.ref))).toEqual([
      notice.id,
      cases[0]!.ref,
      cases[1]!.ref,
    ]);
  });
});

// Outages on a minute grid inside and around a 3-day period, so a brute force can count minutes.
const MIN = 60_000;
const P_FROM = Date.parse('2026-03-02T00:00Z');
const P_LEN = 3 * 24 * 60;
const span = fc
  .tuple(fc.integer({ min: -600, max: P_LEN + 600 }), fc.integer({ min: 0, max: 2000 }), fc.boolean())
  .map(([start, length, ended]) => ({ start, end: ended ? start + length : undefined }));
const services = fc.constantFrom('agresso', 'visma');
const source = fc.record({ span, service: services, kind: fc.constantFrom('notice', 'case') });

const at = (minute: number): IsoInstant => new Date(P_FROM + minute * MIN).toISOString() as IsoInstant;

function toInputs(list: Array<{ span: { start: number; end?: number }; service: string; kind: string }>) {
  const notices: Notice[] = [];
  const caseOutages: CaseOutage[] = [];
  list.forEach(({ span: s, service, kind }, i) => {
    if (kind === 'notice') {
      const n = fixtureNotices()[0]!;
      notices.push({
        ...n,
        id: noticeId(`n-${i}`),
        serviceIds: [serviceId(service)],
        startsAt: at(s.start),
        ...(s.end !== undefined ? { resolvedAt: at(s.end) } : { resolvedAt: undefined }),
      });
    } else {
      const o: CaseOutage = {
        ref: caseRef(`FV-2026-${i}`),
        serviceId: serviceId(service),
        title: 't',
        from: at(s.start),
      };
      if (s.end !== undefined) o.to = at(s.end);
      caseOutages.push(o);
    }
  });
  return { notices, caseOutages };
}

/** Down minutes by counting each minute of the period that some source covers. */
function bruteForce(
  list: Array<{ span: { start: number; end?: number }; service: string }>,
  service: string,
) {
  let down = 0;
  for (let m = 0; m < P_LEN; m += 1)
    if (list.some((x) => x.service === service && x.span.start <= m && m < (x.span.end ?? P_LEN))) down += 1;
  return down;
}

describe('merging outages (properties)', () => {
  const run = (list: Array<{ span: { start: number; end?: number }; service: string; kind: string }>) =>
    Object.fromEntries(
      serviceUptime({
        from: P_FROM,
        asOf: P_FROM + P_LEN * MIN,
        ...toInputs(list),
        services: [agresso, serviceId('visma')],
      }).map((u) => [u.serviceId, u]),
    );

  it('down time is the minutes some outage covers: never counted twice, never more than the period', () => {
    fc.assert(
      fc.property(fc.array(source, { maxLength: 12 }), (list) => {
        const by = run(list);
        for (const s of ['agresso', 'visma']) {
          expect(by[s]!.downMinutes).toBe(bruteForce(list, s));
          expect(by[s]!.downMinutes).toBeLessThanOrEqual(P_LEN);
          expect(by[s]!.uptime).toBeGreaterThanOrEqual(0);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('the same outage from a notice and from cases adds nothing; order does not matter', () => {
    fc.assert(
      fc.property(fc.array(source, { minLength: 1, maxLength: 10 }), (list) => {
        const base = run(list);
        const doubled = run([
          ...list,
          ...list.map((x) => ({ ...x, kind: x.kind === 'notice' ? 'case' : 'notice' })),
        ]);
        const reversed = run([...list].reverse());
        for (const s of ['agresso', 'visma']) {
          expect(doubled[s]!.downMinutes).toBe(base[s]!.downMinutes);
          expect(reversed[s]!.downMinutes).toBe(base[s]!.downMinutes);
        }
      }),
      { numRuns: 100 },
    );
  });

  it('unionMs is at least the longest span and at most their sum', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 0, max: 300 }))),
        (raw) => {
          const spans = raw.map(([a, l]): [number, number] => [a, a + l]);
          const u = unionMs(spans, 0, 1200);
          const clipped = spans.map(([a, b]) => Math.max(0, Math.min(b, 1200) - Math.max(a, 0)));
          expect(u).toBeGreaterThanOrEqual(Math.max(0, ...clipped));
          expect(u).toBeLessThanOrEqual(clipped.reduce((x, y) => x + y, 0));
        },
      ),
    );
  });
});

describe('the SLA report counts case outages', () => {
  const caseDown = down(7, '2026-03-07T23:00Z', [['2026-03-08T23:00Z', solve]]);
  const options = {
    period: FIXTURE_PERIOD,
    now: FIXTURE_PERIOD.to,
    notices: [],
    policies: { 'ror-ikt': FIXTURE_POLICY },
    withRows: false,
  };

  it('the same from the case as from its stored summary', () => {
    const full = slaReportBuilder(options);
    full.add(caseDown);
    const fromSummary = slaReportBuilder(options);
    const summary = JSON.parse(JSON.stringify(caseSummary(caseDown, FIXTURE_POLICY))) as ReturnType<
      typeof caseSummary
    >;
    expect(fromSummary.addSummary(summary)).toBe(true);
    const a = full.finish().uptime;
    expect(a).toEqual(fromSummary.finish().uptime);
    expect(a).toEqual([
      expect.objectContaining({ serviceId: agresso, downMinutes: 24 * 60, outages: 1, meetsGoal: false }),
    ]);
  });

  it('a summary written before outages were kept is refused, so the case itself is read', () => {
    const { outage: _outage, ...old } = caseSummary(caseDown, FIXTURE_POLICY);
    expect(slaReportBuilder(options).addSummary(old)).toBe(false);
  });
});
