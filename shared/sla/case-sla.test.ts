/**
 * A case's SLA from its desk: a case keeps the policy version it was received under when a newer one
 * is saved, a new case records the version in force at its receipt, a move to the newest version goes
 * through the lifecycle (`move_policy` → `policy_moved`), and the report says which versions a case
 * ran under.
 */
import { applyCommand, project, type CaseCommand, type CommandContext } from '../cases/lifecycle';
import type { Case } from '../cases/model';
import {
  agent,
  asUser,
  gerica,
  MONDAY_0900,
  minutesAfter,
  reporter,
  ROR,
  storedCase,
  SYSTEM,
  validInput,
} from '../cases/test-support/fixtures';
import { openCase, openCaseWithSla } from '../cases/open-case';
import { historyLine } from '../cases/event-words';
import { FristvaktError } from '../errors';
import { caseRef, priorityId } from '../ids';
import { slaReportCsv } from '../reports/csv';
import { slaReport } from '../reports/figures';
import { caseSummary, summaryCovers, summarySla } from '../reports/summary';
import {
  caseSla,
  caseSlaSummaryFor,
  caseSlaSummaryWith,
  casePolicy,
  computedSla,
  policyAtReceipt,
  type ComputedSla,
  type DeskPolicies,
} from './case-sla';
import type { SlaPolicy } from './policy';
import { computeSla, type CaseSla } from './state';
import { validatePolicy } from './validate';
import { computeCaseSla, versionsFrom } from './versions';

/** ROR's Kritisk resolution is 2 hours; version 2 makes it 8 business hours, from Monday 10:00. */
const V2_FROM = minutesAfter(MONDAY_0900, 60);
function v2Of(policy: SlaPolicy): SlaPolicy {
  const p = JSON.parse(JSON.stringify(policy)) as SlaPolicy;
  p.version = { number: 2, validFrom: V2_FROM.toISOString() };
  p.criticalAroundTheClock = false;
  p.priorities[0]!.resolution = { kind: 'business_minutes', minutes: 480 };
  return validatePolicy(p);
}
const V1_DESK: DeskPolicies = { policy: ROR };
const V2_DESK: DeskPolicies = { policy: v2Of(ROR), previousPolicies: [ROR] };

const ctxOf = (desk: DeskPolicies, now: Date, over: Partial<CommandContext> = {}): CommandContext => ({
  actor: asUser(agent),
  role: 'desk',
  now,
  policy: desk.policy,
  previousPolicies: desk.previousPolicies,
  ...over,
});

const openUnder = (desk: DeskPolicies, now: Date): Case => ({
  ...openCase(validInput(), { ...desk, service: gerica, now, reporter }),
  ref: caseRef('FV-2026-000001'),
});

const due = (c: Case, desk: DeskPolicies, now: Date) => {
  const s = caseSla(c, desk, now);
  return { response: s.response.dueAt?.toISOString(), resolution: s.resolution.dueAt?.toISOString() };
};

describe('a case keeps the policy version it was received under', () => {
  it('a case received under version 1 keeps its version-1 deadlines after version 2 is saved', () => {
    const c = openUnder(V1_DESK, MONDAY_0900);
    expect(c.policyVersion).toBe(1);
    expect(c.priority).toBe('kritisk');
    const later = minutesAfter(MONDAY_0900, 90);
    const underV1 = computeSla(c, ROR, later);
    // Version 2 is saved: the desk's newest policy changes, the case's deadlines do not.
    expect(due(c, V2_DESK, later)).toEqual(due(c, V1_DESK, later));
    expect(caseSla(c, V2_DESK, later).resolution.dueAt).toEqual(underV1.resolution.dueAt);
    expect(underV1.resolution.dueAt).toEqual(minutesAfter(MONDAY_0900, 120));
    expect(casePolicy(c, V2_DESK)).toBe(ROR);

    // A change after the save (a claim) stores the version-1 deadlines again.
    const claimed = applyCommand(c, { type: 'claim' }, ctxOf(V2_DESK, later)).case;
    expect(claimed.sla.resolutionDueAt).toBe(minutesAfter(MONDAY_0900, 120).toISOString());
    expect(claimed.sla).toEqual(caseSlaSummaryFor(claimed, V1_DESK));
    expect(claimed.policyVersion).toBe(1);
  });

  it('a case received after the save runs under version 2, one received before it under version 1', () => {
    const after = openUnder(V2_DESK, minutesAfter(V2_FROM, 5));
    expect(after.policyVersion).toBe(2);
    // 8 business hours from Monday 10:05 (ROR: 08:00–15:30): Tuesday 10:35.
    expect(after.sla.resolutionDueAt).toBe('2026-11-03T09:35:00.000Z');
    // A receipt stamped before the new version's validFrom (a clock behind) gets the old one.
    const before = openUnder(V2_DESK, minutesAfter(V2_FROM, -1));
    expect(before.policyVersion).toBe(1);
    expect(policyAtReceipt(V2_DESK, minutesAfter(V2_FROM, -1))).toBe(ROR);
    expect(policyAtReceipt(V1_DESK, new Date('2030-01-01T00:00:00Z'))).toBe(ROR);
  });

  it('a desk that no longer holds the version is NOT_FOUND, not a silent other deadline', () => {
    const c = { ...openUnder(V2_DESK, minutesAfter(V2_FROM, 5)) };
    expect(() => caseSla(c, V1_DESK, MONDAY_0900)).toThrow(/version 2 not found/);
    try {
      casePolicy(c, V1_DESK);
      throw new Error('found');
    } catch (e) {
      expect((e as FristvaktError).code).toBe('NOT_FOUND');
    }
  });

  it('a case stored before versions existed (no policyVersion) is version 1', () => {
    const { policyVersion: _v, ...old } = storedCase();
    expect(due(old as Case, V2_DESK, MONDAY_0900)).toEqual(due(old as Case, V1_DESK, MONDAY_0900));
  });
});

describe('moving an open case to the newest version (move_policy)', () => {
  const c = openUnder(V1_DESK, MONDAY_0900);
  const at = minutesAfter(MONDAY_0900, 90);

  it('records a policy_moved event, folds it into policyMoves, and counts the rest under version 2', () => {
    const r = applyCommand(c, { type: 'move_policy' }, ctxOf(V2_DESK, at, { actor: SYSTEM, role: 'system' }));
    expect(r.events).toHaveLength(1);
    expect(r.events[0]).toMatchObject({ type: 'policy_moved', from: 1, to: 2, at: at.toISOString() });
    expect(r.case.policyVersion).toBe(1);
    expect(r.case.policyMoves).toEqual([{ at: at.toISOString(), to: 2 }]);
    expect(project(r.case.events).policyMoves).toEqual(r.case.policyMoves);
    // 90 minutes used stay; version 2's other 390 business minutes from 10:30 (300 on Monday until
    // 15:30, 90 from Tuesday 08:00): Tuesday 09:30 Oslo.
    expect(r.case.sla.resolutionDueAt).toBe('2026-11-03T08:30:00.000Z');
    expect(caseSla(r.case, V2_DESK, at).resolution.dueAt).toEqual(
      computeCaseSla(r.case, versionsFrom([ROR, V2_DESK.policy]), at).resolution.dueAt,
    );
    expect(historyLine(r.events[0]!, 'nb', (x) => x)).toBe('Flyttet til SLA-avtalens versjon 2');
  });

  it('refuses what the rule does not allow', () => {
    const code = (f: () => unknown): string => {
      try {
        f();
        return 'ok';
      } catch (e) {
        return (e as FristvaktError).code;
      }
    };
    const moved = applyCommand(c, { type: 'move_policy' }, ctxOf(V2_DESK, at)).case;
    expect(code(() => applyCommand(moved, { type: 'move_policy' }, ctxOf(V2_DESK, at)))).toBe('VALIDATION');
    expect(code(() => applyCommand(c, { type: 'move_policy' }, ctxOf(V1_DESK, at)))).toBe('VALIDATION');
    expect(
      code(() =>
        applyCommand(
          c,
          { type: 'move_policy' },
          ctxOf(V2_DESK, at, { actor: asUser(reporter), role: 'reporter' }),
        ),
      ),
    ).toBe('FORBIDDEN');
    const solved = applyCommand(
      c,
      { type: 'solve', solution: 'Startet tjenesten på nytt.' },
      ctxOf(V1_DESK, at),
    ).case;
    expect(code(() => applyCommand(solved, { type: 'move_policy' }, ctxOf(V2_DESK, at)))).toBe(
      'ILLEGAL_TRANSITION',
    );
  });
});

describe('the report says which versions a case ran under', () => {
  const at = minutesAfter(MONDAY_0900, 90);
  const stays = openUnder(V1_DESK, MONDAY_0900);
  const moved = {
    ...applyCommand(stays, { type: 'move_policy' }, ctxOf(V2_DESK, at)).case,
    ref: caseRef('FV-2026-000002'),
  };
  const fresh = { ...openUnder(V2_DESK, minutesAfter(V2_FROM, 5)), ref: caseRef('FV-2026-000003') };

  it('summaries carry the versions and are used only under the version they were computed in', () => {
    const s = caseSummary(moved, V2_DESK as DeskPolicies);
    expect(s.policyVersions).toEqual([1, 2]);
    expect(caseSummary(stays, V2_DESK).policyVersions).toBeUndefined();
    expect(caseSummary(fresh, V2_DESK).policyVersions).toEqual([2]);
    const later = minutesAfter(at, 30);
    expect(summaryCovers(s, later.getTime(), V2_DESK)).toBe(true);
    expect(summarySla(s, V2_DESK, later).resolution.dueAt).toEqual(
      caseSla(moved, V2_DESK, later).resolution.dueAt,
    );
    // The v1 case's summary is computed under version 1.
    const sv1 = caseSummary(stays, V2_DESK);
    expect(summaryCovers(sv1, later.getTime(), V2_DESK)).toBe(true);
    expect(summarySla(sv1, V2_DESK, later).resolution.dueAt).toEqual(minutesAfter(MONDAY_0900, 120));
    // A desk whose version 1 is gone cannot vouch for the summary: the report reads the case.
    expect(summaryCovers(sv1, later.getTime(), { policy: V2_DESK.policy })).toBe(false);
  });

  it('a row and a CSV column per case: "1", "1 → 2", "2"', () => {
    const report = slaReport({
      period: { from: new Date('2026-11-01T00:00:00Z'), to: new Date('2026-11-08T00:00:00Z') },
      now: minutesAfter(at, 60),
      cases: [stays, moved, fresh],
      notices: [],
      policies: { [stays.deskId]: V2_DESK },
    });
    expect(report.rows.map((r) => [r.ref, r.policyVersions])).toEqual([
      ['FV-2026-000001', [1]],
      ['FV-2026-000002', [1, 2]],
      ['FV-2026-000003', [2]],
    ]);
    const csv = slaReportCsv(report, 'nb').split('\r\n');
    const header = csv.findIndex((l) => l.startsWith('Saksnummer') && l.includes('SLA-versjon'));
    expect(header).toBeGreaterThan(0);
    expect(csv.slice(header + 1, header + 4).map((l) => l.split(';').at(-1))).toEqual(['1', '1 → 2', '2']);
  });

  it("a breach row says the versions its case ran under (the tab's breach list shows them)", () => {
    const report = slaReport({
      period: { from: new Date('2026-11-01T00:00:00Z'), to: new Date('2026-11-08T00:00:00Z') },
      now: new Date('2026-11-07T23:00:00Z'),
      cases: [stays, moved, fresh],
      notices: [],
      policies: { [stays.deskId]: V2_DESK },
    });
    const byRef = new Map(report.breaches.map((b) => [b.ref, b.policyVersions]));
    expect([...byRef]).toEqual(
      expect.arrayContaining([
        ['FV-2026-000001', [1]],
        ['FV-2026-000002', [1, 2]],
        ['FV-2026-000003', [2]],
      ]),
    );
    expect(byRef.size).toBe(3);
  });
});

describe('an SLA computed once for a change is passed down (computedSla)', () => {
  const now = minutesAfter(MONDAY_0900, 5);
  const fresh = openUnder(V1_DESK, now);
  /** The computed SLA with its value swapped for a marker: taking it shows, computing again does not. */
  const marked = (known = computedSla(fresh, V1_DESK, now)) => ({
    ...known,
    sla: { ...known.sla, priority: fresh.priority, marker: true } as CaseSla,
  });
  const taken = (c: Case, desk: DeskPolicies, at: Date, known = marked()) =>
    (caseSla(c, desk, at, known) as CaseSla & { marker?: true }).marker === true;

  it('is the same as computing it, and is taken for the same case at the same instant under the same policy', () => {
    const known = computedSla(fresh, V1_DESK, now);
    expect(known.sla).toEqual(caseSla(fresh, V1_DESK, now));
    expect(taken(fresh, V1_DESK, now)).toBe(true);
    // The store reads the desk itself: the same policy content in another object is the same policy.
    expect(taken(fresh, { policy: JSON.parse(JSON.stringify(ROR)) as SlaPolicy }, now)).toBe(true);
    // The summary of a new case is as of its receipt: it takes the SLA and is the same summary.
    expect(caseSummary(fresh, V1_DESK, known)).toEqual(caseSummary(fresh, V1_DESK));
  });

  it('is not taken for another instant, priority, history, receipt or policy content', () => {
    expect(taken(fresh, V1_DESK, minutesAfter(now, 1))).toBe(false);
    const other = fresh.priority === 'lav' ? 'hoy' : 'lav';
    expect(taken({ ...fresh, priority: other } as Case, V1_DESK, now)).toBe(false);
    const claimed = applyCommand(fresh, { type: 'claim' }, ctxOf(V1_DESK, now)).case;
    expect(taken(claimed, V1_DESK, now)).toBe(false);
    expect(taken({ ...fresh, receivedAt: minutesAfter(now, -1).toISOString() } as Case, V1_DESK, now)).toBe(
      false,
    );
    const edited = JSON.parse(JSON.stringify(ROR)) as SlaPolicy;
    edited.atRiskShare = edited.atRiskShare === 0.5 ? 0.6 : 0.5;
    expect(taken(fresh, { policy: edited }, now)).toBe(false);
    // A case that moved to another version runs under more than one: always computed.
    const moved = { ...fresh, policyMoves: [{ at: now.toISOString(), to: 1 }] } as Case;
    expect(taken(moved, V1_DESK, now)).toBe(false);
  });
});

describe('the domain hands back the SLA its stored deadlines come from', () => {
  /** The SLA `known` carries, checked as `caseSla` takes it: the value computed afresh, taken. */
  const expectHandedBack = (c: Case, desk: DeskPolicies, at: Date, known: ComputedSla) => {
    expect(known).toEqual(computedSla(c, desk, at));
    expect(c.sla).toEqual(caseSlaSummaryFor(c, desk));
    expect(caseSla(c, desk, at, known)).toBe(known.sla);
  };

  it('a new case: openCaseWithSla gives openCase’s case and its SLA at the receipt', () => {
    for (const desk of [V1_DESK, V2_DESK]) {
      const now = minutesAfter(MONDAY_0900, 75);
      const ctx = { ...desk, service: gerica, now, reporter };
      const { case: c, known } = openCaseWithSla(validInput(), ctx);
      expect(c).toEqual(openCase(validInput(), ctx));
      expectHandedBack(c as Case, desk, now, known);
    }
  });

  it('each command: the result carries the changed case’s SLA as of the change, not taken for the case before', () => {
    let c = openUnder(V1_DESK, MONDAY_0900);
    const steps: Array<[number, CaseCommand]> = [
      [5, { type: 'claim' }],
      [20, { type: 'change_priority', to: priorityId('hoy'), reason: 'Hele avdelingen' }],
      [30, { type: 'wait', reason: 'supplier', supplierCaseNumber: 'T-1' }],
      [95, { type: 'resume' }],
      [100, { type: 'comment', visibility: 'public', text: 'Ser på det' }],
      [130, { type: 'solve', solution: 'Rettet' }],
    ];
    for (const [minutes, cmd] of steps) {
      const at = minutesAfter(MONDAY_0900, minutes);
      const result = applyCommand(c, cmd, ctxOf(V1_DESK, at));
      expectHandedBack(result.case, V1_DESK, at, result.known!);
      // The case before the command has a shorter history: computed, not the value handed back.
      expect(caseSla(c, V1_DESK, at, result.known)).not.toBe(result.known!.sla);
      c = result.case;
    }
  });

  it('a case that moved to a newer version: the same value, never taken (computed again)', () => {
    const c = openUnder(V1_DESK, MONDAY_0900);
    const at = minutesAfter(V2_FROM, 10);
    const moved = applyCommand(
      c,
      { type: 'move_policy' },
      ctxOf(V2_DESK, at, { role: 'system', actor: SYSTEM }),
    );
    expect(moved.case.policyMoves).toHaveLength(1);
    const { summary, known } = caseSlaSummaryWith(moved.case, V2_DESK);
    expect(summary).toEqual(caseSlaSummaryFor(moved.case, V2_DESK));
    expect(known.sla).toEqual(caseSla(moved.case, V2_DESK, at));
    expect(caseSla(moved.case, V2_DESK, at, known)).not.toBe(known.sla);
  });
});
