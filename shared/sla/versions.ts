/**
 * Versioned SLA policies, and what a version means for a case.
 *
 * - A desk's policy carries a version (`SlaPolicy.version`: number and `validFrom`); a saved change
 *   makes a new one. Absent means version 1 from the beginning, so policies and cases stored before
 *   versions existed keep working unchanged.
 * - A case records the version it was received under (`CasePolicyRecord.policyVersion`; absent: 1)
 *   and keeps it: its deadlines are computed under that version whatever is saved later.
 * - A desk lead may move an open case to a newer version (`moveCaseToVersion`), recorded as a move
 *   (`policyMoves`: when, to which version). From then on, per target: **the time counted so far
 *   stays** (minutes on the old version's clock, up to the move: business time of its calendar
 *   outside its pauses, or real time for an around-the-clock target), and **the rest counts under
 *   the new version**: its target for the case's priority (working days and cut-offs turned into
 *   business minutes from the receipt, in its calendar), its calendar, its pause rules. The deadline
 *   is the instant at which counted time reaches the new target; it may lie before the move, when
 *   the time already used exceeds the new target (then the case is late at once). A target already
 *   met stays met. Moving to an identical policy changes no deadline. `computeSlaPhased` in
 *   `state.ts` computes it.
 * - `previewDeadlines` answers "a Høy case received at … gets response … and resolution …" for a
 *   draft policy (what `POST /api/admin/policies/preview` returns), and `previewMoments` gives the
 *   editor's three example receipts: now, the next Friday 15:00 and the next 23 December 10:00.
 */
import { FristvaktError, NotFoundError, ValidationError } from '../errors';
import { isoInstant, priorityId, userId, type IsoInstant, type PriorityId } from '../ids';
import type { LocalizedText } from '../i18n-text';
import { compileCalendar } from './calendar';
import { MS_PER_DAY, MS_PER_MINUTE, civilFromDays, daysFromCivil, isoWeekday } from './calendar-zone';
import type { PolicyVersion, SlaPolicy, SlaTargetSpec } from './policy';
import { findPriority } from './policy';
import { computeSlaPhased, isClosedAt, type CaseSla, type PolicyPhase, type SlaCaseInput } from './state';
import { validatePolicy } from './validate';

/** The version of a policy without one: 1, in force from the beginning. */
export const FIRST_VERSION: PolicyVersion = { number: 1, validFrom: '1970-01-01T00:00:00.000Z' };

/** The policy's version, `FIRST_VERSION` when it has none. */
export function versionOf(policy: SlaPolicy): PolicyVersion {
  return policy.version ?? FIRST_VERSION;
}

/** A case moved to a newer policy version at `at`. */
export interface PolicyMove {
  at: IsoInstant;
  to: number;
}

/** What a case records about its policy versions (both optional: absent on cases stored before). */
export interface CasePolicyRecord {
  /** The version the case was received under; absent: 1. */
  policyVersion?: number;
  /** Moves to newer versions, oldest first. */
  policyMoves?: PolicyMove[];
}

/** Finds a policy version by number. */
export type PolicyVersions = (version: number) => SlaPolicy | undefined;

/** `PolicyVersions` over a list of versions of one policy (e.g. a desk's `policy` and `previousPolicies`). */
export function versionsFrom(policies: readonly SlaPolicy[]): PolicyVersions {
  const byNumber = new Map(policies.map((p) => [versionOf(p).number, p]));
  return (n) => byNumber.get(n);
}

/**
 * The version a case received at `receivedAt` is received under: the one with the latest
 * `validFrom` at or before it (the highest number on a tie); the earliest when none is in force yet.
 */
export function versionForReceipt(policies: readonly SlaPolicy[], receivedAt: Date): SlaPolicy {
  if (policies.length === 0) throw new RangeError('policies must not be empty');
  const t = receivedAt.getTime();
  const key = (p: SlaPolicy): [number, number] => [Date.parse(versionOf(p).validFrom), versionOf(p).number];
  const sorted = [...policies].sort((a, b) => key(a)[0] - key(b)[0] || key(a)[1] - key(b)[1]);
  let out = sorted[0]!;
  for (const p of sorted) if (key(p)[0] <= t) out = p;
  return out;
}

/** The versions a case has run under, as phases for `computeSlaPhased`. Throws when one is missing. */
export function policyPhases(c: CasePolicyRecord, versions: PolicyVersions): PolicyPhase[] {
  const get = (n: number): SlaPolicy => {
    const p = versions(n);
    if (!p) throw new NotFoundError(`SLA policy version ${n} not found`);
    return p;
  };
  const phases: PolicyPhase[] = [{ policy: get(c.policyVersion ?? 1), from: -Infinity }];
  for (const m of c.policyMoves ?? []) phases.push({ policy: get(m.to), from: Date.parse(m.at) });
  return phases;
}

/** The SLA state of a case at `now` under the versions it has run under. Pure. */
export function computeCaseSla(
  c: SlaCaseInput & CasePolicyRecord,
  versions: PolicyVersions,
  now: Date,
): CaseSla {
  return computeSlaPhased(c, policyPhases(c, versions), now);
}

/**
 * Moves an open case to `next` (a newer version than the one it runs under) at `at`: returns the
 * case's new record, to store with it (and its deadlines recomputed with `computeCaseSla`). Throws
 * `ILLEGAL_TRANSITION` for a closed case, `VALIDATION` for a version that is not newer or a move
 * before the receipt or the last move.
 */
export function moveCaseToVersion(
  c: SlaCaseInput & CasePolicyRecord,
  next: SlaPolicy,
  at: Date,
): Required<CasePolicyRecord> {
  const t = at.getTime();
  if (Number.isNaN(t)) throw new RangeError('at must be a valid Date');
  if (isClosedAt(c, at))
    throw new FristvaktError('ILLEGAL_TRANSITION', 'A closed case keeps its policy version');
  const moves = c.policyMoves ?? [];
  const current = moves.length > 0 ? moves[moves.length - 1]!.to : (c.policyVersion ?? 1);
  const to = versionOf(next).number;
  if (to <= current)
    throw new ValidationError('version', `Version ${to} is not newer than the case's version ${current}`);
  const since = Math.max(Date.parse(c.receivedAt), ...moves.map((m) => Date.parse(m.at)));
  if (t < since)
    throw new ValidationError('at', 'A move cannot be earlier than the receipt or the last move');
  return { policyVersion: c.policyVersion ?? 1, policyMoves: [...moves, { at: isoInstant(at), to }] };
}

// ---- preview ----------------------------------------------------------------------------------

/** One target of a preview. */
export interface PreviewTarget {
  /** The kind of target, as the policy says it. */
  kind: SlaTargetSpec['kind'];
  /** How its minutes are counted. */
  clock: 'business' | 'calendar' | 'none';
  dueAt?: IsoInstant;
  /** The target in the clock's minutes (working days and cut-offs turned into business minutes). */
  targetMinutes?: number;
  /** For a target without a deadline: the policy's words. */
  note?: LocalizedText;
}

export interface PolicyPreview {
  priority: PriorityId;
  receivedAt: IsoInstant;
  response: PreviewTarget;
  resolution: PreviewTarget;
}

const PREVIEW_REPORTER = { id: userId('preview'), name: 'preview' };

/**
 * The deadlines a case of `priority` received at `receivedAt` gets under `policy` (a draft from the
 * editor: validated here, so its errors name the field as `POLICY_INVALID`). An unknown priority is a
 * `ValidationError` on `priority`.
 */
export function previewDeadlines(policy: unknown, receivedAt: Date, priority: string): PolicyPreview {
  const valid = validatePolicy(policy);
  if (Number.isNaN(receivedAt.getTime()))
    throw new ValidationError('receivedAt', 'receivedAt must be a valid instant');
  const def = findPriority(valid, priorityId(priority));
  if (!def) throw new ValidationError('priority', `'${priority}' is not one of the policy's priorities`);
  const received = isoInstant(receivedAt);
  const sla = computeSlaPhased(
    { receivedAt: received, reporter: PREVIEW_REPORTER, priority: def.id, events: [] },
    [{ policy: valid, from: -Infinity }],
    receivedAt,
  );
  const target = (which: 'response' | 'resolution'): PreviewTarget => {
    const spec = def[which];
    const s = sla[which];
    const out: PreviewTarget = { kind: spec.kind, clock: s.clock };
    if (s.dueAt) out.dueAt = isoInstant(s.dueAt);
    if (s.targetMinutes !== undefined) out.targetMinutes = s.targetMinutes;
    if (spec.kind === 'none') out.note = spec.note;
    return out;
  };
  return {
    priority: def.id,
    receivedAt: received,
    response: target('response'),
    resolution: target('resolution'),
  };
}

/**
 * The editor's example receipts, in the calendar's zone: `now` itself, the next Friday 15:00 (today
 * when it is Friday before 15:00), and the next 23 December 10:00 (this year's until then).
 */
export function previewMoments(
  now: Date,
  zone: string,
): { now: Date; fridayAfternoon: Date; beforeChristmas: Date } {
  const c = compileCalendar({ zone, week: {}, holidays: [] });
  const t = now.getTime();
  const day = Math.floor(c.localMs(t) / MS_PER_DAY);
  const at = (d: number, hour: number): number =>
    c.instantOfLocal(d * MS_PER_DAY + hour * 60 * MS_PER_MINUTE);
  let friday = day + ((5 - isoWeekday(day) + 7) % 7);
  if (at(friday, 15) <= t) friday += 7;
  const { y } = civilFromDays(day);
  let dec23 = daysFromCivil(y, 12, 23);
  if (at(dec23, 10) <= t) dec23 = daysFromCivil(y + 1, 12, 23);
  return {
    now: new Date(t),
    fridayAfternoon: new Date(at(friday, 15)),
    beforeChristmas: new Date(at(dec23, 10)),
  };
}
