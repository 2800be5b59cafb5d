/**
 * A case's SLA state, derived from its event timeline and the desk's policy. Nothing here is stored as
 * the truth: the store keeps only `slaSummary` (the deadlines, for indexing), recomputed on every change.
 *
 * The rules (the pitfalls of GLPI's and Zammad's SLA code taught most of them):
 * - Both clocks start at the case's receipt (`receivedAt`); a receipt outside business time counts from
 *   the next opening.
 * - Response is met by the first response from a support line: a `claimed` event, a public `comment`
 *   by a support line, or a `solved` event (a solution is a reply the reporter sees). A support line is
 *   an event whose `byRole` is `desk` or `superuser`; for events without `byRole`, any person other
 *   than the reporter. An internal note never counts, nor does the system's own message.
 * - Resolution is met when the case is Løst (`solved`). A rejected solution (`solution_rejected`)
 *   resumes the clock; the time the case spent Løst is not counted. Closing a case that was never
 *   solved (withdrawn, parent closed) stops both clocks: the target counts as met at the closing if
 *   it was not late then.
 * - Time in Avventer pauses a clock when `policy.pauseWhileWaiting[reason]` says so; each pause keeps
 *   its reason. A wait that does not pause is still reported as the breach's explanation.
 * - The priority in force at `now` decides the targets: a priority change recomputes both deadlines
 *   from the receipt with the new targets, keeping every pause. A target already met stays met (or
 *   met late) against the new deadline.
 * - A target met after its deadline is `breached` (with `metAt`); `met` means met in time.
 * - `breach_explained` events give a target its explanation (the latest one wins), kept after the case
 *   closes.
 * - An agreed new deadline (seed 004 §5.5: a `deadline_answered` event that accepts a proposal) is the
 *   resolution deadline from the moment it is accepted (the latest accepted one wins). It is a fixed
 *   instant: waits after the acceptance do not move it (they are not listed as pauses), and its
 *   minutes are the clock's minutes from receipt to it. `originalDueAt` keeps the deadline the policy
 *   gives (for the report), `agreedDueAt` the agreed one.
 *
 * Clocks: `business_minutes` count the calendar's business time; `calendar_minutes` (and a critical
 * priority's minutes under `criticalAroundTheClock`) count real elapsed time.
 *
 * Cut-off targets ("the same working day if received before 12:00", `cut-off.ts`) are turned into
 * minutes the same way, with `D0 = cutOffDeadline(receipt, before)`.
 *
 * Working-day targets with pauses. "N virkedager after receipt" is first turned into the deadline
 * without pauses, `D0 = addWorkingDays(receipt, N)` (the same clock time on the Nth working day, capped
 * at that day's closing; a receipt outside business time counts from the next opening). The target is
 * then the business minutes from receipt to D0, `T = businessMinutesBetween(receipt, D0)`, and from there
 * on it behaves exactly like a business-minutes target of T: the deadline is the instant at which T
 * business minutes have run outside pauses, i.e. D0 pushed by the business minutes the pauses covered
 * (a pause outside business hours pushes nothing). When no paused business minute falls before it, the
 * deadline is D0 itself (an opening time such as Tue 08:00 rather than the equal-in-business-time
 * Mon 15:30 that minute arithmetic would give).
 *
 * Lateness: `remainingMinutes` is the target minus the counted time (business minutes, or real minutes
 * for around-the-clock targets), negative when late. A target whose deadline is a closing time (15:30)
 * is breached from that instant on even though its remaining business minutes stay 0 until the next
 * opening.
 */
import type { Case, CaseEvent, SlaSummary, SlaTarget, WaitReason } from '../cases/model';
import { isoInstant, type PriorityId } from '../ids';
import type { LocalizedText } from '../i18n-text';
import { addBusinessMinutes, businessMinutesBetween, type BusinessCalendar } from './index';
import { addWorkingDays } from './working-days';
import { cutOffDeadline } from './cut-off';
import {
  findPriority,
  pausesClock,
  targetClock,
  type PriorityDefinition,
  type SlaPolicy,
  type SlaTargetSpec,
} from './policy';

export type SlaState = 'running' | 'paused' | 'at_risk' | 'met' | 'breached' | 'no_target';

export interface SlaPause {
  from: Date;
  /** Absent while the case is still waiting. */
  to?: Date;
  reason: WaitReason;
}

export interface TargetState {
  target: SlaTarget;
  state: SlaState;
  /** The instant this state was computed for (`now`). */
  asOf: Date;
  /** How this target's minutes are counted: business time, real time, or not at all. */
  clock: 'business' | 'calendar' | 'none';
  /** The target in the clock's minutes (working days turned into business minutes). */
  targetMinutes?: number;
  /** The deadline. While paused: the deadline if the clock resumed at `now`. */
  dueAt?: Date;
  /** Minutes left (business minutes, or real minutes around the clock), negative when late. */
  remainingMinutes?: number;
  /** Counted time / target: 0 at receipt, 1 at the deadline. */
  shareElapsed?: number;
  metAt?: Date;
  /** The Avventer periods that paused this clock (before it was met), each with its reason. */
  pauses: SlaPause[];
  /** From the latest `breach_explained` event; else, for a breach, from the wait reasons (Norwegian). */
  explanation?: string;
  /** The explanation derived from the wait reasons, in both languages. */
  explanationText?: LocalizedText;
  /** With an agreed deadline: the deadline the policy gives (absent when the policy sets none). */
  originalDueAt?: Date;
  /** The resolution deadline agreed with the reporter (seed 004 §5.5); then `dueAt` equals it. */
  agreedDueAt?: Date;
}

export interface CaseSla {
  /** The priority in force at `now`. */
  priority: PriorityId;
  response: TargetState;
  resolution: TargetState;
}

/** What the SLA state reads from a case (a `NewCase` has it too). */
export type SlaCaseInput = Pick<Case, 'events' | 'receivedAt' | 'reporter' | 'priority'>;

interface Wait {
  from: number;
  to?: number;
  reason: WaitReason;
  supplierCaseNumber?: string;
}
interface Span {
  from: number;
  to?: number;
}

interface Timeline {
  priority: PriorityId;
  waits: Wait[];
  /** Periods spent Løst. */
  solved: Span[];
  firstResponseAt?: number;
  /** When the case became Løst for the last time, if it still is (or was closed from Løst). */
  solvedAt?: number;
  closedAt?: number;
  explanations: Partial<Record<SlaTarget, string>>;
  /** The accepted new resolution deadline, and when it was accepted. */
  agreed?: Agreed;
}
interface Agreed {
  due: number;
  at: number;
}

const digits = (s: string, i: number, n: number): number => {
  let v = 0;
  for (let k = i; k < i + n; k++) {
    const d = s.charCodeAt(k) - 48;
    if (d < 0 || d > 9) return NaN;
    v = v * 10 + d;
  }
  return v;
};
/** Epoch ms of an ISO instant; a fast path for `toISOString()`'s own form, `Date.parse` otherwise. */
function ms(iso: string): number {
  if (iso.length === 24 && iso.charCodeAt(23) === 90 /* Z */ && iso.charCodeAt(10) === 84 /* T */) {
    const v = Date.UTC(
      digits(iso, 0, 4),
      digits(iso, 5, 2) - 1,
      digits(iso, 8, 2),
      digits(iso, 11, 2),
      digits(iso, 14, 2),
      digits(iso, 17, 2),
      digits(iso, 20, 3),
    );
    if (!Number.isNaN(v)) return v;
  }
  return Date.parse(iso);
}

function isSupportLine(e: CaseEvent, c: SlaCaseInput): boolean {
  if (e.byRole !== undefined) return e.byRole === 'desk' || e.byRole === 'superuser';
  return e.by.kind === 'user' && e.by.id !== c.reporter.id;
}

/** One pass over the events up to `now` (later events are ignored, so a past `now` gives a past state). */
function readTimeline(c: SlaCaseInput, now: number): Timeline {
  const t: Timeline = { priority: c.priority, waits: [], solved: [], explanations: {} };
  let openWait: Wait | undefined;
  let openSolved: Span | undefined;
  let sawCreated = false;
  const endWait = (at: number): void => {
    if (openWait) openWait.to = at;
    openWait = undefined;
  };
  for (const e of c.events) {
    const at = ms(e.at);
    if (at > now) break;
    switch (e.type) {
      case 'created':
        if (!sawCreated) t.priority = e.priority;
        sawCreated = true;
        break;
      case 'priority_changed':
        t.priority = e.to;
        break;
      case 'waiting_started':
        endWait(at);
        openWait = { from: at, reason: e.reason, supplierCaseNumber: e.supplierCaseNumber };
        t.waits.push(openWait);
        break;
      case 'waiting_ended':
      case 'estimate_answered':
        endWait(at);
        break;
      case 'claimed':
      case 'estimate_sent':
        t.firstResponseAt ??= at;
        break;
      case 'comment':
        if (e.visibility === 'public' && isSupportLine(e, c)) t.firstResponseAt ??= at;
        break;
      case 'solved':
        endWait(at);
        t.firstResponseAt ??= at;
        if (!openSolved) {
          openSolved = { from: at };
          t.solved.push(openSolved);
        }
        t.solvedAt = openSolved.from;
        break;
      case 'solution_rejected':
        if (openSolved) openSolved.to = at;
        openSolved = undefined;
        t.solvedAt = undefined;
        break;
      case 'closed':
        endWait(at);
        t.closedAt ??= at;
        break;
      case 'breach_explained':
        t.explanations[e.target] = e.explanation;
        break;
      case 'deadline_answered':
        if (e.accepted) t.agreed = { due: ms(e.dueAt), at };
        break;
      default:
        break;
    }
  }
  return t;
}

/** Minutes between two instants and minutes added to an instant, on one clock. */
interface Clock {
  between(from: number, to: number): number;
  add(start: number, minutes: number): number;
}
const MS_PER_MINUTE = 60_000;
const REAL_TIME: Clock = {
  between: (a, b) => (b - a) / MS_PER_MINUTE,
  add: (a, m) => a + m * MS_PER_MINUTE,
};
const clocks = new WeakMap<BusinessCalendar, Clock>();
function businessClock(cal: BusinessCalendar): Clock {
  let c = clocks.get(cal);
  if (!c) {
    c = {
      between: (a, b) => (b > a ? businessMinutesBetween(new Date(a), new Date(b), cal) : 0),
      add: (a, m) => addBusinessMinutes(new Date(a), m, cal).getTime(),
    };
    clocks.set(cal, c);
  }
  return c;
}

/** Sorts, clips to [start, end] and merges intervals; an open interval (no `to`) stays open. */
function mergeSpans(spans: Span[], start: number, end: number): Span[] {
  if (spans.length === 0) return spans;
  const sorted = spans
    .filter(
      (s) => (s.from < end || (s.to === undefined && s.from === end)) && (s.to === undefined || s.to > start),
    )
    .map((s) => ({ from: Math.max(s.from, start), to: s.to === undefined ? undefined : Math.min(s.to, end) }))
    .sort((a, b) => a.from - b.from);
  const out: Span[] = [];
  for (const s of sorted) {
    const last = out[out.length - 1];
    if (last && (last.to === undefined || s.from <= last.to)) {
      if (last.to !== undefined) last.to = s.to === undefined ? undefined : Math.max(last.to, s.to);
    } else out.push({ ...s });
  }
  return out;
}

interface Measure {
  due: number;
  /** The deadline is a projection: the clock is paused at `end`. */
  projected: boolean;
  elapsed: number;
}

/**
 * Counted minutes from `start` to `end` outside `excluded`, and the instant at which `target` counted
 * minutes are reached (projected from `end` when an exclusion is still open there).
 */
function measure(clock: Clock, start: number, end: number, target: number, excluded: Span[]): Measure {
  let elapsed = clock.between(start, end);
  for (const s of excluded) elapsed -= clock.between(s.from, s.to ?? end);

  let remaining = target;
  let cursor = start;
  for (const s of excluded) {
    const avail = s.from > cursor ? clock.between(cursor, s.from) : 0;
    // Minutes that run out exactly as a still-open pause begins leave the clock standing at 0, not
    // late: the deadline is projected as for any open pause (else it turned late during the pause).
    const ranOutAtOpenPause = avail === remaining && s.to === undefined && s.from >= cursor;
    if (avail >= remaining && !ranOutAtOpenPause)
      return { due: clock.add(cursor, remaining), projected: false, elapsed };
    remaining -= avail;
    if (s.to === undefined) return { due: clock.add(end, remaining), projected: true, elapsed };
    cursor = Math.max(cursor, s.to);
  }
  return { due: clock.add(cursor, remaining), projected: false, elapsed };
}

interface Clocked {
  clock: Clock;
  kind: 'business' | 'calendar';
  target: number;
  /** The deadline without pauses, for working-day targets. */
  due0?: number;
}

function clocked(
  policy: SlaPolicy,
  p: PriorityDefinition,
  spec: SlaTargetSpec,
  start: number,
): Clocked | null {
  const kind = targetClock(policy, p, spec);
  if (kind === 'none' || spec.kind === 'none') return null;
  if (kind === 'calendar') return { clock: REAL_TIME, kind, target: 'minutes' in spec ? spec.minutes : 0 };
  const clock = businessClock(policy.calendar);
  if (spec.kind === 'working_days' || spec.kind === 'cut_off') {
    const due0 = (
      spec.kind === 'working_days'
        ? addWorkingDays(new Date(start), spec.days, policy.calendar)
        : cutOffDeadline(new Date(start), spec.before, policy.calendar)
    ).getTime();
    return { clock, kind, target: clock.between(start, due0), due0 };
  }
  return { clock, kind, target: spec.minutes };
}

const REASON_TEXT: Record<WaitReason, LocalizedText> = {
  supplier: { nb: 'leverandør', en: 'supplier' },
  third_line: { nb: '3. linje', en: 'third line' },
  reporter: { nb: 'innmelder', en: 'reporter' },
  approval: { nb: 'godkjenning av estimat', en: 'approval of the estimate' },
};

function waitExplanation(waits: Wait[]): LocalizedText | undefined {
  if (waits.length === 0) return undefined;
  const seen = new Set<string>();
  const parts: Array<{ nb: string; en: string }> = [];
  for (const w of waits) {
    const key = `${w.reason}:${w.supplierCaseNumber ?? ''}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const no = w.supplierCaseNumber
      ? { nb: ` (saksnr. ${w.supplierCaseNumber})`, en: ` (case ${w.supplierCaseNumber})` }
      : { nb: '', en: '' };
    parts.push({ nb: REASON_TEXT[w.reason].nb + no.nb, en: REASON_TEXT[w.reason].en + no.en });
  }
  return {
    nb: `Saken ventet på ${parts.map((p) => p.nb).join(', ')}.`,
    en: `The case waited on ${parts.map((p) => p.en).join(', ')}.`,
  };
}

/**
 * What `evaluate` needs of the policy (or policy versions) for one target: its clock and minutes,
 * which waits pause it, and the at-risk share.
 */
interface Rules {
  /** The target's clock, minutes and working-day deadline; null when it has no target. */
  c: Clocked | null;
  pauses: (w: Wait) => boolean;
  atRiskShare: number;
  /** The clock an agreed deadline is counted on when the target has none. */
  fallback: Clock;
}

function rulesOf(which: SlaTarget, policy: SlaPolicy, p: PriorityDefinition, start: number): Rules {
  return {
    c: clocked(policy, p, which === 'response' ? p.response : p.resolution, start),
    pauses: (w) => pausesClock(policy, w.reason),
    atRiskShare: policy.atRiskShare,
    fallback: businessClock(policy.calendar),
  };
}

function evaluate(
  which: SlaTarget,
  rules: Rules,
  start: number,
  metAt: number | undefined,
  waits: Wait[],
  extraExcluded: Span[],
  explanation: string | undefined,
  now: number,
  agreed?: Agreed,
): TargetState {
  const end = Math.max(start, metAt ?? now);
  // A wait that starts exactly at `now` already pauses (the summary is computed as of the last event).
  const pausing = waits.filter(
    (w) => rules.pauses(w) && (w.from < end || (metAt === undefined && w.to === undefined && w.from === end)),
  );
  const pauses: SlaPause[] = pausing.map((w) => {
    const to = w.to === undefined ? (metAt !== undefined ? end : undefined) : Math.min(w.to, end);
    return to === undefined
      ? { from: new Date(w.from), reason: w.reason }
      : { from: new Date(w.from), to: new Date(to), reason: w.reason };
  });
  const asOf = new Date(now);
  const metDate = metAt === undefined ? undefined : new Date(metAt);
  const c = rules.c;
  if (agreed) {
    const original = c
      ? evaluate(which, rules, start, metAt, waits, extraExcluded, explanation, now)
      : undefined;
    return agreedTarget(
      which,
      rules,
      c,
      start,
      end,
      metAt,
      pauses,
      explanation,
      now,
      agreed,
      original?.dueAt,
    );
  }
  if (!c)
    return target(
      which,
      'no_target',
      asOf,
      'none',
      undefined,
      undefined,
      undefined,
      undefined,
      metDate,
      pauses,
      explanation,
    );

  const excluded = mergeSpans(
    extraExcluded.length === 0 ? pausing : [...pausing, ...extraExcluded],
    start,
    end,
  );
  const m = measure(c.clock, start, end, c.target, excluded);
  let due = m.due;
  // No paused business minute before the deadline: the working-day deadline itself (it may be an
  // opening time, or a clock time in a lunch break, where the minute arithmetic gives the closing before),
  // i.e. the working-day deadline when no business time lies between the two.
  if (c.due0 !== undefined && c.due0 > due && c.clock.between(due, c.due0) < 1e-9) due = c.due0;

  const remaining = c.target - m.elapsed;
  const share = c.target > 0 ? m.elapsed / c.target : 1;
  let state: SlaState;
  if (metAt !== undefined) state = metAt <= due ? 'met' : 'breached';
  else if (m.projected) state = remaining < 0 ? 'breached' : 'paused';
  else if (now > due) state = 'breached';
  else state = share >= rules.atRiskShare ? 'at_risk' : 'running';

  let text: LocalizedText | undefined;
  if (state === 'breached' && explanation === undefined)
    text = waitExplanation(waits.filter((w) => w.from < end));
  const out = target(
    which,
    state,
    asOf,
    c.kind,
    c.target,
    new Date(due),
    remaining,
    share,
    metDate,
    pauses,
    explanation ?? text?.nb,
  );
  if (text) out.explanationText = text;
  return out;
}

/** A target whose deadline was agreed with the reporter: a fixed instant on the target's clock. */
function agreedTarget(
  which: SlaTarget,
  rules: Rules,
  c: Clocked | null,
  start: number,
  end: number,
  metAt: number | undefined,
  pauses: SlaPause[],
  explanation: string | undefined,
  now: number,
  agreed: Agreed,
  originalDueAt: Date | undefined,
): TargetState {
  const clock = c?.clock ?? rules.fallback;
  const due = agreed.due;
  const targetMinutes = due > start ? clock.between(start, due) : 0;
  const elapsed = clock.between(start, end);
  const remaining = targetMinutes - elapsed;
  const share = targetMinutes > 0 ? elapsed / targetMinutes : 1;
  let state: SlaState;
  if (metAt !== undefined) state = metAt <= due ? 'met' : 'breached';
  else if (now > due) state = 'breached';
  else state = share >= rules.atRiskShare ? 'at_risk' : 'running';
  // Only the pauses before the agreement: later waits do not move a fixed deadline.
  const before = pauses
    .filter((x) => x.from.getTime() < agreed.at)
    .map((x) => {
      const to = Math.min(x.to?.getTime() ?? agreed.at, agreed.at);
      return { from: x.from, to: new Date(to), reason: x.reason };
    });
  const out = target(
    which,
    state,
    new Date(now),
    c?.kind ?? 'business',
    targetMinutes,
    new Date(due),
    remaining,
    share,
    metAt === undefined ? undefined : new Date(metAt),
    before,
    explanation,
  );
  if (originalDueAt) out.originalDueAt = originalDueAt;
  out.agreedDueAt = new Date(due);
  return out;
}

/** One object shape for every target state (keeps property access monomorphic for the hot paths). */
function target(
  which: SlaTarget,
  state: SlaState,
  asOf: Date,
  clock: TargetState['clock'],
  targetMinutes: number | undefined,
  dueAt: Date | undefined,
  remainingMinutes: number | undefined,
  shareElapsed: number | undefined,
  metAt: Date | undefined,
  pauses: SlaPause[],
  explanation: string | undefined,
): TargetState {
  const t: TargetState = { target: which, state, asOf, clock, pauses };
  if (targetMinutes !== undefined) t.targetMinutes = targetMinutes;
  if (dueAt !== undefined) t.dueAt = dueAt;
  if (remainingMinutes !== undefined) t.remainingMinutes = remainingMinutes;
  if (shareElapsed !== undefined) t.shareElapsed = shareElapsed;
  if (metAt !== undefined) t.metAt = metAt;
  if (explanation !== undefined) t.explanation = explanation;
  return t;
}

/** The priority definition in force, falling back to the policy's default for an unknown id. */
function priorityIn(policy: SlaPolicy, id: PriorityId): PriorityDefinition {
  return findPriority(policy, id) ?? findPriority(policy, policy.defaultPriority) ?? policy.priorities[0];
}

/** The SLA state of both targets of `c` at `now`, under `policy`. Pure. */
export function computeSla(c: SlaCaseInput, policy: SlaPolicy, now: Date): CaseSla {
  const t = now.getTime();
  const start = ms(c.receivedAt);
  const tl = readTimeline(c, t);
  const p = priorityIn(policy, tl.priority);
  return bothTargets(p.id, tl, start, t, tl.waits, (which) => rulesOf(which, policy, p, start));
}

/** Both targets of a case from its timeline, with the rules each target runs under. */
function bothTargets(
  priority: PriorityId,
  tl: Timeline,
  start: number,
  t: number,
  waits: Wait[],
  rules: (which: SlaTarget) => Rules,
): CaseSla {
  const responseMet = tl.firstResponseAt ?? tl.closedAt;
  const resolutionMet = tl.solvedAt ?? tl.closedAt;
  return {
    priority,
    response: evaluate(
      'response',
      rules('response'),
      start,
      responseMet,
      waits,
      [],
      tl.explanations.response,
      t,
    ),
    resolution: evaluate(
      'resolution',
      rules('resolution'),
      start,
      resolutionMet,
      waits,
      tl.solved,
      tl.explanations.resolution,
      t,
      tl.agreed,
    ),
  };
}

/**
 * One policy version's stretch of a case's life, from instant `from` on (the first phase's `from` is
 * ignored: it runs from receipt). Phases come from the case's moves (`versions.ts`).
 */
export interface PolicyPhase {
  policy: SlaPolicy;
  from: number;
}

/** A clock made of one clock per phase: `clocks[i]` counts from `bounds[i - 1]` to `bounds[i]`. */
function piecewiseClock(clocks: Clock[], bounds: number[]): Clock {
  const last = clocks.length - 1;
  const lo = (i: number): number => (i === 0 ? -Infinity : bounds[i - 1]!);
  const hi = (i: number): number => (i === last ? Infinity : bounds[i]!);
  return {
    between(a, b) {
      let sum = 0;
      for (let i = 0; i <= last; i++) {
        const x = Math.max(a, lo(i));
        const y = Math.min(b, hi(i));
        if (y > x) sum += clocks[i]!.between(x, y);
      }
      return sum;
    },
    add(a, m) {
      let cur = a;
      let left = m;
      for (let i = 0; i < last; i++) {
        if (cur >= hi(i)) continue;
        const avail = clocks[i]!.between(cur, hi(i));
        if (avail >= left) return clocks[i]!.add(cur, left);
        left -= avail;
        cur = hi(i);
      }
      return clocks[last]!.add(cur, left);
    },
  };
}

/**
 * The SLA state of `c` at `now` when it has run under several policy versions (`phases`, oldest
 * first; see `versions.ts` for the rule). One phase is `computeSla` itself. Pure.
 *
 * The priority in force is read in the newest version; its target (working days and cut-offs turned
 * into business minutes from receipt, in the newest version's calendar) is the target. The time
 * counted so far is each phase's own: up to a move, minutes on the old version's clock for that
 * target (business time of its calendar, or real time), after it, on the new version's; a phase whose
 * version has no target counts its stretch on the newest version's clock. Waits pause by the rule of
 * the version in force when they happen (a wait across a move that changes its rule is split there).
 * The at-risk share is the newest version's.
 */
export function computeSlaPhased(c: SlaCaseInput, phases: readonly PolicyPhase[], now: Date): CaseSla {
  if (phases.length === 0) throw new RangeError('phases must not be empty');
  if (phases.length === 1) return computeSla(c, phases[0]!.policy, now);
  const t = now.getTime();
  const start = ms(c.receivedAt);
  const tl = readTimeline(c, t);
  const newest = phases[phases.length - 1]!.policy;
  const p = priorityIn(newest, tl.priority);
  const bounds = phases.slice(1).map((ph) => ph.from);
  const phaseOf = (x: number): number => {
    let i = 0;
    while (i < bounds.length && x >= bounds[i]!) i++;
    return i;
  };
  // Waits split at the moves where the pause rule for their reason changes, so each piece pauses (or
  // not) by its own version's rule. Where the rule stays, the wait stays whole: a piece ending at a
  // move would read as a pause that ended there (closed), where the one wait is still open.
  const pausesIn = (i: number, reason: WaitReason): boolean => pausesClock(phases[i]!.policy, reason);
  const waits: Wait[] = [];
  for (const w of tl.waits) {
    let from = w.from;
    bounds.forEach((b, i) => {
      if (
        b > from &&
        (w.to === undefined || b < w.to) &&
        pausesIn(i, w.reason) !== pausesIn(i + 1, w.reason)
      ) {
        waits.push({ ...w, from, to: b });
        from = b;
      }
    });
    waits.push({ ...w, from });
  }
  const rules = (which: SlaTarget): Rules => {
    const clockedIn = (policy: SlaPolicy): Clocked | null => {
      const q = priorityIn(policy, tl.priority);
      return clocked(policy, q, which === 'response' ? q.response : q.resolution, start);
    };
    const last = clockedIn(newest);
    const pauses = (w: Wait): boolean => pausesIn(phaseOf(w.from), w.reason);
    const base = { pauses, atRiskShare: newest.atRiskShare, fallback: businessClock(newest.calendar) };
    if (!last) return { ...base, c: null };
    const clocks = phases.map((ph, i) =>
      i === phases.length - 1 ? last.clock : (clockedIn(ph.policy)?.clock ?? last.clock),
    );
    const c2: Clocked = { ...last, clock: piecewiseClock(clocks, bounds) };
    return { ...base, c: c2, fallback: c2.clock };
  };
  return bothTargets(p.id, tl, start, t, waits, rules);
}

/** Whether the case has been closed by `now` (Lukket): its clocks can no longer move. */
export function isClosedAt(c: SlaCaseInput, now: Date): boolean {
  return readTimeline(c, now.getTime()).closedAt !== undefined;
}

/**
 * A case's last change: its receipt, `updatedAt`, last event or last move to another policy version,
 * whichever is latest. The instant its stored deadlines and its report summary are computed as of.
 */
export function lastChangeAt(
  c: SlaCaseInput & { updatedAt?: string; policyMoves?: ReadonlyArray<{ at: string }> },
): number {
  let t = ms(c.receivedAt);
  if (c.updatedAt !== undefined) t = Math.max(t, ms(c.updatedAt));
  const last = c.events[c.events.length - 1];
  if (last) t = Math.max(t, ms(last.at));
  for (const m of c.policyMoves ?? []) t = Math.max(t, ms(m.at));
  return t;
}

/**
 * Whether the clock stands still now: met, without a target, or inside a pause (a target already
 * late when the case went Avventer is `breached` and paused at once).
 */
export function isStopped(s: TargetState): boolean {
  const last = s.pauses[s.pauses.length - 1];
  return (
    s.dueAt === undefined ||
    s.metAt !== undefined ||
    s.state === 'paused' ||
    s.state === 'no_target' ||
    (last !== undefined && last.to === undefined)
  );
}

/** The deadlines of a computed state, for the store's indexes. */
export function summaryOf(sla: CaseSla): SlaSummary {
  const out: SlaSummary = {};
  if (sla.response.dueAt && sla.response.state !== 'paused')
    out.responseDueAt = isoInstant(sla.response.dueAt);
  if (sla.resolution.dueAt && sla.resolution.state !== 'paused')
    out.resolutionDueAt = isoInstant(sla.resolution.dueAt);
  const running = [sla.response, sla.resolution].filter((s) => !isStopped(s));
  if (running.length > 0) {
    const next = Math.min(...running.map((s) => s.dueAt!.getTime()));
    out.nextDueAt = isoInstant(new Date(next));
  }
  return out;
}

/**
 * The deadlines to store on the case, as of its last change: due instants of running (or late)
 * targets and of met ones; a paused target has no fixed deadline, so none is stored for it.
 * `nextDueAt` is the earliest deadline of a target that is neither met nor paused.
 */
export function slaSummary(c: SlaCaseInput & { updatedAt?: string }, policy: SlaPolicy): SlaSummary {
  return summaryOf(computeSla(c, policy, new Date(lastChangeAt(c))));
}

/**
 * The minutes left at `now` for a state computed earlier, without the timeline: for the tab's live
 * countdown: the remaining minutes at `asOf` less the clock's minutes since. Exact while nothing
 * happened on the case since the state was computed. Paused, met and target-less states keep their
 * values, and so does a late target that is paused. (Not `now` to the deadline: a target that ran out
 * before a Løst period has excluded time after its deadline.)
 */
export function remainingAt(s: TargetState, now: Date, calendar: BusinessCalendar): number | undefined {
  if (isStopped(s) || s.remainingMinutes === undefined) return s.remainingMinutes;
  const from = s.asOf.getTime();
  const t = now.getTime();
  if (t <= from) return s.remainingMinutes;
  const passed =
    s.clock === 'calendar' ? (t - from) / MS_PER_MINUTE : businessMinutesBetween(s.asOf, now, calendar);
  return s.remainingMinutes - passed;
}

/** `s` moved on to `now` (remaining minutes, share, running → at risk → breached), for a live view. */
export function tick(s: TargetState, now: Date, policy: SlaPolicy): TargetState {
  if (isStopped(s) || s.dueAt === undefined) return s;
  const remaining = remainingAt(s, now, policy.calendar)!;
  const target = s.targetMinutes ?? 0;
  const share = target > 0 ? (target - remaining) / target : 1;
  const state: SlaState =
    now.getTime() > s.dueAt.getTime() ? 'breached' : share >= policy.atRiskShare ? 'at_risk' : 'running';
  return { ...s, state, asOf: now, remainingMinutes: remaining, shareElapsed: share };
}
