/**
 * Fellesfeil detection (seed 002 §5.1.2.2): several reports on one service within a short window, from
 * more than one virksomhet or above a count, become a *proposal* for the desk ("Mulig fellesfeil: 5
 * saker om Gerica fra 3 virksomheter siste 15 min"). The desk accepts it (one case becomes hovedsak,
 * the others undersaker, see `fellesfeil.ts`) or rejects it ("Ikke fellesfeil").
 *
 * A reducer: `stepFellesfeil(state, input, ctx)` returns the next state and what changed. Pure: no I/O,
 * no clock (`ctx.now`), and the state is plain JSON, so the app can keep it in the store and run the
 * detector under a lease.
 *
 * Rules:
 * - A report counts for its own service and for every service it depends on (`Service.dependsOn`,
 *   transitively). The widest service is tried first; it is proposed only when its reports came on
 *   more than one service or on itself, so a burst on one service is proposed as that service.
 * - Thresholds are data per service (`FellesfeilSettings`); reports are counted by distinct reporter.
 *   The window is closed at both ends: a report exactly `windowMinutes` old still counts.
 * - A busy service needs more: the detector learns each service's usual reports per working day
 *   (reports outside any fellesfeil, the last `baseline.days` days with reports) and raises the count
 *   so that ordinary traffic reaches it in a window with a chance below `baseline.falseAlarmRate`.
 *   A quiet service keeps `minReports`; so does any service until `baseline.minDays` days are known.
 *   Reports that stand out qualify sooner: the latest k (from `minReports`) when ordinary traffic would
 *   give as many reports in their span, with as many virksomheter among them answering the fault
 *   form's scope question with "the whole virksomhet" or "several virksomheter", more rarely than
 *   `baseline.scanFalseAlarmRate` (Poisson; the share of such answers in the service's ordinary
 *   reports is learned, starting from `baseline.wideShare`). Both chances are per report, evened out
 *   over busy and quiet services by `baseline.referencePerDay`. A slow burst's third report can come
 *   more than a window after its first: the plain count's reports (k = `minReports`) are scanned as
 *   far back as `baseline.scanMinutes`, as their chance already weighs how long they took; more
 *   reports than that only within the window.
 * - One virksomhet's reporters count at most `baseline.reportsPerOrganisation` times towards
 *   `minReports`, in the window's count as in the scan: several reports from one place are often that
 *   place's own trouble. The count "whatever the virksomheter" (`minReportsAnyOrganisations`) counts
 *   every reporter.
 * - A proposal records why it was made (`ProposalEvidence`); `fellesfeilReason` says it on the card.
 * - At most one open proposal per service: later reports join it, and the hovedsak is chosen again
 *   (the service's forvalter's report first, then a report by a forvalter, then the earliest).
 * - A rejected proposal keeps its service quiet for the rest of that burst: until a report finds its
 *   window below the thresholds and more than one window after the window last met them. A finished
 *   fellesfeil does the same, so stragglers are not proposed again. A quiet service does not hold
 *   back a narrower one (a service depending on it).
 * - A service with an active fellesfeil (a hovedsak set) is not proposed, nor are the services that
 *   depend on it; its reports are for the desk to link to the hovedsak.
 * - An open proposal with no new report for `proposalExpiryMinutes` expires.
 */
import type { Service } from '../desks/model';
import type { CaseRef, DeskId, IsoInstant, OrgId, ServiceId, UserId } from '../ids';
import type { Locale } from '../i18n-text';
import type { Scope } from './model';

export interface FellesfeilThresholds {
  /** How far back reports count, in minutes; a report exactly this old still counts. */
  windowMinutes: number;
  /** Reports (distinct reporters) in the window … */
  minReports: number;
  /** … from at least this many virksomheter. */
  minOrganisations: number;
  /** Or this many reports in the window, whatever the virksomheter. */
  minReportsAnyOrganisations: number;
}

export interface FellesfeilSettings {
  defaults: FellesfeilThresholds;
  /** Per service, what differs from the defaults (the admin pages' data). */
  services?: Partial<Record<ServiceId, Partial<FellesfeilThresholds>>>;
  /** An open proposal that gets no new report for this many minutes expires. */
  proposalExpiryMinutes: number;
  baseline: BaselineSettings;
}

/** How the usual traffic of a service raises its count (see the module's comment). */
export interface BaselineSettings {
  /** How many of the latest days with reports are remembered. */
  days: number;
  /** Days needed before the baseline counts (the current day is never one of them). */
  minDays: number;
  /** The working minutes a day's reports are spread over … */
  workingMinutesPerDay: number;
  /** … and how much busier than average the busiest hour is. */
  peakFactor: number;
  /** The chance, at each report, that ordinary traffic alone reaches the count; 0 turns this off. */
  falseAlarmRate: number;
  /**
   * Reports close together: the latest k reports (k from the plain `minReports`) also qualify when
   * k - 1 ordinary reports in their span would be rarer than this (0 or absent: off).
   */
  scanFalseAlarmRate?: number;
  /** Even the false alarms out over busy and quiet services (see `perReport`); absent: per report. */
  referencePerDay?: number;
  /**
   * The fault form's scope answer in the scan: the share of a service's ordinary reports that say the
   * whole virksomhet or more is hit, before its own reports are known (learned from them after, see
   * `wideShare`); 0 or absent: the scope answer is not read.
   */
  wideShare?: number;
  /**
   * One virksomhet's reporters count at most this many times towards `minReports`, in the window's
   * count and in the scan (absent: every reporter).
   */
  reportsPerOrganisation?: number;
  /**
   * How far back, in minutes, the scan looks for the plain count's reports (`minReports`, from
   * `minOrganisations` virksomheter) when they span more than the window; more reports than that are
   * looked at within the window only (absent, or not above the window: the window).
   */
  scanMinutes?: number;
}

/**
 * Tuned on the simulated months of bench/fellesfeil.bench.ts: a 10-minute window found more bursts
 * sooner than 15 or 20 at the same precision. On a busy service a third report is rarely enough, so
 * bursts waited for a fourth or fifth report in the window; reports close together (the scan) now
 * qualify at the third, and evening the false alarms out over the services (`referencePerDay`) paid
 * for it in precision: per report, the busiest services (a sign-in or network service that every
 * dependant's reports count for) raised most false alarms. A window cut the scan short for slow
 * bursts, whose third report came more than ten minutes after the first (a third of the hold-out
 * months' late bursts): the scan looks back half an hour for the plain count's three reports, which
 * on a quiet service already stand out over 15-20 minutes (the figures are the same from 25 to 60
 * minutes: the chance ends the look, not the limit). More than three reports are still looked at
 * within the window only: looking at every k that far back added more false alarms than it found bursts
 * (hold-out precision 0.77); as it is, five more over the five months and four over the ten hold-out
 * months.
 */
export const DEFAULT_FELLESFEIL_SETTINGS: FellesfeilSettings = {
  defaults: { windowMinutes: 10, minReports: 3, minOrganisations: 2, minReportsAnyOrganisations: 6 },
  proposalExpiryMinutes: 120,
  baseline: {
    days: 10,
    minDays: 2,
    workingMinutesPerDay: 480,
    peakFactor: 1.5,
    falseAlarmRate: 0.001,
    scanFalseAlarmRate: 0.001,
    referencePerDay: 8,
    wideShare: 0.1,
    reportsPerOrganisation: 2,
    scanMinutes: 30,
  },
};

/** What the detector needs of a new case. */
export interface ReceivedCase {
  ref: CaseRef;
  serviceId: ServiceId;
  deskId: DeskId;
  orgId: OrgId;
  reporterId: UserId;
  receivedAt: IsoInstant;
  /** The reporter is the forvalter of the case's service (reporter role `administrator`). */
  byAdministrator: boolean;
  /** Set when the case was created as an undersak already: its service has an active fellesfeil. */
  parentRef?: CaseRef;
  /** The fault form's answer to who is hit (absent on an order). */
  scope?: Scope;
}

/** A report saying the whole virksomhet, or several, is hit: rare in ordinary traffic. */
export const saysWide = (c: Pick<ReceivedCase, 'scope'>): boolean =>
  c.scope === 'organisation' || c.scope === 'several_organisations';

export type ProposalStatus = 'open' | 'accepted' | 'rejected' | 'expired';

export interface FellesfeilProposal {
  /** `<service id>#<sequence number>`: unique within one detector state. */
  id: string;
  /** The service proposed as failing: the reports' own service, or one they depend on. */
  serviceId: ServiceId;
  /** The desk of the proposed hovedsak: where the proposal is posted. */
  deskId: DeskId;
  status: ProposalStatus;
  proposedAt: IsoInstant;
  updatedAt: IsoInstant;
  windowMinutes: number;
  /** Every case of the proposal, in the order received. */
  cases: ReceivedCase[];
  firstReportAt: IsoInstant;
  lastReportAt: IsoInstant;
  organisations: OrgId[];
  /** The services the cases were reported on, in order of first report. */
  reportedServices: ServiceId[];
  /** The proposed hovedsak, and why it was chosen. */
  parentRef: CaseRef;
  parentReason: 'service_administrator' | 'administrator' | 'earliest';
  /** The proposed undersaker: the other cases on the hovedsak's desk. */
  childRefs: CaseRef[];
  /** Cases on another desk: counted, but they cannot be undersaker of this hovedsak. */
  otherDeskRefs: CaseRef[];
  /** Why it was proposed (absent on proposals made before this was recorded). */
  evidence?: ProposalEvidence;
  /**
   * The cases already counted as usual traffic when they arrived (those before the report that made
   * the proposal): a rejection counts the others, so no case is counted twice. Absent on proposals
   * made before this was recorded: a rejection then counts every case.
   */
  countedAsUsual?: CaseRef[];
}

/** What made the detector propose: the card says it in words (`fellesfeilReason`). */
export type ProposalEvidence =
  /** The window's count: `reports` (distinct reporters) from `organisations` virksomheter. */
  | {
      rule: 'count';
      reports: number;
      organisations: number;
      /** The count needed: the service's `minReports`, raised by its usual traffic. */
      minReports: number;
      /** The service's usual reports per working day, when known. */
      usualPerDay?: number;
    }
  /** Reports that stand out from the usual traffic (`standsOut`). */
  | {
      rule: 'stands_out';
      reports: number;
      minutes: number;
      /** Virksomheter among them that answered "the whole virksomhet" or "several virksomheter". */
      wideOrganisations: number;
      usualPerDay: number;
      /** The chance that ordinary traffic gives this, at each report. */
      chance: number;
    };

interface RecentReport extends ReceivedCase {
  /** The proposal, active fellesfeil or quiet burst that took this report; absent while free. */
  takenBy?: string;
}

interface ActiveFellesfeil {
  serviceId: ServiceId;
  parentRef: CaseRef;
  since: IsoInstant;
}

/** A burst not to propose again: its proposal was rejected, or its fellesfeil finished. */
interface QuietBurst {
  serviceId: ServiceId;
  reason: 'rejected' | 'finished';
  /** The last time a report found this service's window at or above the thresholds. */
  lastQualifyingAt: IsoInstant;
}

/** The detector's memory: plain JSON. */
export interface FellesfeilState {
  version: 1;
  seq: number;
  /** Recent reports in order received, kept for the longest window. */
  recent: RecentReport[];
  /** Open proposals, at most one per service. */
  open: FellesfeilProposal[];
  active: ActiveFellesfeil[];
  quiet: QuietBurst[];
  /** The latest days (UTC dates, oldest first) on which reports came, up to `baseline.days`. */
  days: string[];
  /** Reports outside any fellesfeil per service (counting dependants) and day, for those days. */
  usual: Record<string, Record<string, number>>;
  /** Of those, the ones saying the whole virksomhet or more is hit (`saysWide`); absent in older states. */
  usualWide?: Record<string, Record<string, number>>;
}

export const emptyFellesfeilState = (): FellesfeilState => ({
  version: 1,
  seq: 0,
  recent: [],
  open: [],
  active: [],
  quiet: [],
  days: [],
  usual: {},
  usualWide: {},
});

export type FellesfeilInput =
  | { type: 'case_received'; case: ReceivedCase }
  /** "Lag hovedsak og driftsmelding": `parentRef` when the desk chose another hovedsak. */
  | { type: 'proposal_accepted'; proposalId: string; parentRef?: CaseRef }
  /** "Ikke fellesfeil". */
  | { type: 'proposal_rejected'; proposalId: string }
  /** A hovedsak set on a case of the service by hand (outside a proposal). */
  | { type: 'hovedsak_set'; serviceId: ServiceId; parentRef: CaseRef }
  /** The hovedsak is Løst or Lukket: the fellesfeil is over. */
  | { type: 'hovedsak_finished'; parentRef: CaseRef }
  /** Time passes: expires stale proposals. */
  | { type: 'tick' };

export interface ProposalChange {
  type: 'proposed' | 'updated' | 'accepted' | 'rejected' | 'expired';
  proposal: FellesfeilProposal;
}

export interface FellesfeilStep {
  state: FellesfeilState;
  changes: ProposalChange[];
  /**
   * For a received case, each service it was tried for (widest first) and what came of it: why a
   * report was or was not proposed (diagnostics and the bench; the app does not need it).
   */
  looked?: TargetLook[];
}

/** How the detector judged one received report for one service it counts for. */
export interface TargetLook {
  serviceId: ServiceId;
  /**
   * `active`: held by the service's active fellesfeil; `quiet`: a rejected or finished burst of the
   * service (a narrower service is tried next); `joined`: the service's open proposal took it;
   * `proposed`; `narrower`: its free reports came on one service depending on it alone (tried as that
   * service); `below`: neither the count nor the scan was met.
   */
  outcome: 'active' | 'quiet' | 'joined' | 'proposed' | 'narrower' | 'below';
  /** Reports in the window counting for the service (this one included), and those free of any burst. */
  inWindow: number;
  free: number;
  /** The count needed, raised by the usual traffic. */
  minReports: number;
  /** The scan's closest look, when it ran. */
  scan?: ScanLook;
}

/** The service catalogue as the detector reads it: built once per catalogue version. */
export interface FellesfeilCatalogue {
  /** The services a report on `id` counts for, widest first, `id` itself last. */
  targets(id: ServiceId): readonly ServiceId[];
  deskOf(id: ServiceId): DeskId | undefined;
  administratorOf(id: ServiceId): UserId | undefined;
}

type CatalogueService = Pick<Service, 'id' | 'deskId' | 'administrator' | 'dependsOn'>;

export function fellesfeilCatalogue(services: readonly CatalogueService[]): FellesfeilCatalogue {
  const byId = new Map(services.map((s) => [s.id, s]));
  const targets = new Map<ServiceId, ServiceId[]>();
  const targetsOf = (id: ServiceId): ServiceId[] => {
    const known = targets.get(id);
    if (known) return known;
    // Breadth first from the service upwards; a cycle in the catalogue ends at the visited set.
    const order: ServiceId[] = [];
    const seen = new Set<ServiceId>([id]);
    let layer = [id];
    while (layer.length > 0) {
      const next: ServiceId[] = [];
      for (const s of layer)
        for (const up of [...(byId.get(s)?.dependsOn ?? [])].sort())
          if (!seen.has(up)) {
            seen.add(up);
            next.push(up);
            order.push(up);
          }
      layer = next;
    }
    const result = [...order.reverse(), id];
    targets.set(id, result);
    return result;
  };
  return {
    targets: targetsOf,
    deskOf: (id) => byId.get(id)?.deskId,
    administratorOf: (id) => byId.get(id)?.administrator?.id,
  };
}

export interface FellesfeilContext {
  catalogue: FellesfeilCatalogue;
  settings: FellesfeilSettings;
  now: IsoInstant;
}

const MINUTE = 60_000;
const ms = (t: IsoInstant): number => Date.parse(t);
const dayOf = (t: IsoInstant): string => t.slice(0, 10);

export function thresholdsFor(settings: FellesfeilSettings, id: ServiceId): FellesfeilThresholds {
  return { ...settings.defaults, ...settings.services?.[id] };
}

function longestWindowMs(settings: FellesfeilSettings): number {
  const windows = Object.values(settings.services ?? {}).map((t) => t?.windowMinutes ?? 0);
  return Math.max(settings.defaults.windowMinutes, settings.baseline.scanMinutes ?? 0, ...windows) * MINUTE;
}

/**
 * Whether reports meet the thresholds: distinct reporters, distinct virksomheter; towards `minReports`
 * one virksomhet's reporters count at most `perOrganisation` times.
 */
function qualifies(
  reports: readonly ReceivedCase[],
  th: FellesfeilThresholds,
  perOrganisation = Number.POSITIVE_INFINITY,
): boolean {
  // Each reporter once, with the virksomhet of their first report.
  const seen = new Set<UserId>();
  const perOrg = new Map<OrgId, number>();
  for (const r of reports) {
    if (seen.has(r.reporterId)) continue;
    seen.add(r.reporterId);
    perOrg.set(r.orgId, (perOrg.get(r.orgId) ?? 0) + 1);
  }
  if (seen.size >= th.minReportsAnyOrganisations) return true;
  const counted = [...perOrg.values()].reduce((a, n) => a + Math.min(n, perOrganisation), 0);
  return counted >= th.minReports && new Set(reports.map((r) => r.orgId)).size >= th.minOrganisations;
}

const perOrganisation = (settings: FellesfeilSettings): number =>
  settings.baseline.reportsPerOrganisation ?? Number.POSITIVE_INFINITY;

/** Poisson tail: the chance of at least `m` events at mean `lambda`. */
function poissonAtLeast(m: number, lambda: number): number {
  let term = Math.exp(-lambda);
  let below = 0;
  for (let i = 0; i < m; i++) {
    below += term;
    term *= lambda / (i + 1);
  }
  return Math.max(0, 1 - below);
}

/**
 * The usual reports per minute of `id` at the busiest hour: its reports per known day over the working
 * day, times the peak factor. Undefined until `baseline.minDays` days are known (`today` never counts).
 */
/** The usual reports per working day of `id` (undefined until `baseline.minDays` days are known). */
export function usualPerDay(
  state: Pick<FellesfeilState, 'days' | 'usual'>,
  settings: FellesfeilSettings,
  id: ServiceId,
  today: string,
): number | undefined {
  const rate = usualRate(state, settings, id, today);
  return rate === undefined
    ? undefined
    : (rate / settings.baseline.peakFactor) * settings.baseline.workingMinutesPerDay;
}

export function usualRate(
  state: Pick<FellesfeilState, 'days' | 'usual'>,
  settings: FellesfeilSettings,
  id: ServiceId,
  today: string,
): number | undefined {
  const b = settings.baseline;
  const known = state.days.filter((d) => d !== today);
  if (b.falseAlarmRate <= 0 || known.length < b.minDays) return undefined;
  const counts = state.usual[id] ?? {};
  const perDay = known.reduce((sum, d) => sum + (counts[d] ?? 0), 0) / known.length;
  return (perDay / b.workingMinutesPerDay) * b.peakFactor;
}

/**
 * A false-alarm rate per report, evened out over the services: with `baseline.referencePerDay`, a
 * service busier than that (at its `rate`, over a working day) gets a proportionally lower chance per
 * report, so it does not raise most of the false alarms only by having most of the reports; a quieter
 * one gets up to twice the chance.
 */
function perReport(settings: FellesfeilSettings, alpha: number, rate: number): number {
  const ref = settings.baseline.referencePerDay;
  if (ref === undefined) return alpha;
  const perDay = rate * settings.baseline.workingMinutesPerDay;
  return alpha * Math.min(2, ref / Math.max(perDay, Number.MIN_VALUE));
}

/**
 * The thresholds for `id` with its usual traffic: `minReports` raised to 1 + the smallest m for which
 * ordinary reports in one window reach m with a chance at most `falseAlarmRate` (Poisson, at the
 * busiest hour's rate; evened out by `perReport`); `minReportsAnyOrganisations` at least that.
 */
export function effectiveThresholds(
  state: Pick<FellesfeilState, 'days' | 'usual'>,
  settings: FellesfeilSettings,
  id: ServiceId,
  today: string,
): FellesfeilThresholds {
  const th = thresholdsFor(settings, id);
  const rate = usualRate(state, settings, id, today);
  if (rate === undefined) return th;
  const lambda = rate * th.windowMinutes;
  let m = 1;
  const alpha = perReport(settings, settings.baseline.falseAlarmRate, rate);
  while (poissonAtLeast(m, lambda) > alpha && m < 100) m += 1;
  const minReports = Math.max(th.minReports, m + 1);
  return {
    ...th,
    minReports,
    minReportsAnyOrganisations: Math.max(th.minReportsAnyOrganisations, minReports),
  };
}

/** Poisson probability of exactly `j` events at mean `lambda`. */
function poissonExactly(j: number, lambda: number): number {
  let p = Math.exp(-lambda);
  for (let i = 1; i <= j; i++) p *= lambda / i;
  return p;
}

/**
 * The chance that ordinary traffic gives at least `n` reports with at least `w` of them saying the
 * whole virksomhet or more (`saysWide`), when reports come at mean `lambda` and a share `share` of
 * them say so (the two kinds of report are independent Poisson streams). With `w` = 0 this is the
 * plain Poisson tail of `n`.
 */
export function chanceOfOrdinary(n: number, w: number, lambda: number, share: number): number {
  if (w <= 0 || share >= 1) return poissonAtLeast(n, lambda);
  const wide = lambda * share;
  const narrow = lambda - wide;
  let p = poissonAtLeast(Math.max(n, w), wide);
  for (let j = w; j < n; j++) p += poissonExactly(j, wide) * poissonAtLeast(n - j, narrow);
  return Math.min(1, p);
}

/** How many reports, as if known before the service's own, the `baseline.wideShare` prior weighs. */
const WIDE_PRIOR_REPORTS = 20;

/**
 * The share of `id`'s ordinary reports that say the whole virksomhet or more is hit: its known days'
 * reports, starting from `baseline.wideShare` as if that were 20 reports. Undefined when the scope
 * answer is not read.
 */
export function wideShare(
  state: Pick<FellesfeilState, 'days' | 'usual' | 'usualWide'>,
  settings: FellesfeilSettings,
  id: ServiceId,
  today: string,
): number | undefined {
  const prior = settings.baseline.wideShare ?? 0;
  if (prior <= 0) return undefined;
  const known = state.days.filter((d) => d !== today);
  const sum = (counts: Record<string, number> | undefined): number =>
    known.reduce((a, d) => a + (counts?.[d] ?? 0), 0);
  const all = sum(state.usual[id]);
  const wide = sum(state.usualWide?.[id]);
  return (wide + prior * WIDE_PRIOR_REPORTS) / (all + WIDE_PRIOR_REPORTS);
}

/** The scan's closest look at a service's latest reports (`scanLatest`). */
export interface ScanLook {
  /** The latest k reports looked at, and the minutes they span (to the asking report). */
  reports: number;
  minutes: number;
  /** Virksomheter among them saying the whole virksomhet or more (`saysWide`). */
  wideOrganisations: number;
  /** The chance that ordinary traffic gives this, and the chance below which it stands out. */
  chance: number;
  needed: number;
}

/**
 * Reports that stand out from the usual traffic before the window's count: the latest k reports of
 * `free` (k from the plain `minReports`, meeting the plain thresholds) qualify when ordinary traffic
 * would rarely (below `baseline.scanFalseAlarmRate`) give as many reports in their span, with as many
 * virksomheter among them saying the whole virksomhet or more is hit (the fault form's scope answer).
 * `free` may reach back `baseline.scanMinutes`: only the plain count's k reports are looked at over
 * more than the window (a slow burst's third report), so a report adds one look, not one per k.
 * The newest report is the one that asks, so it is left out of the count and its virksomhet out of
 * the scope answers; one virksomhet's reports count at most `baseline.reportsPerOrganisation` times.
 * Returns the first k that stands out, else the k closest to it (smallest chance over the chance
 * needed), or undefined when the scan is off, the usual traffic unknown or no k meets the thresholds.
 */
function scanLatest(
  state: FellesfeilState,
  settings: FellesfeilSettings,
  id: ServiceId,
  at: IsoInstant,
  free: readonly ReceivedCase[],
  newest: ReceivedCase,
): ScanLook | undefined {
  const alpha = settings.baseline.scanFalseAlarmRate ?? 0;
  if (alpha <= 0) return undefined;
  const rate = usualRate(state, settings, id, dayOf(at));
  if (rate === undefined) return undefined;
  const share = wideShare(state, settings, id, dayOf(at));
  const cap = perOrganisation(settings);
  const needed = perReport(settings, alpha, rate);
  const th = thresholdsFor(settings, id);
  const sorted = [...free].sort(byTime);
  let closest: ScanLook | undefined;
  for (let k = th.minReports; k <= sorted.length; k++) {
    const latest = sorted.slice(-k);
    // Beyond the window only the plain count: later k span at least as long.
    if (k > th.minReports && ms(at) - ms(latest[0]!.receivedAt) > th.windowMinutes * MINUTE) break;
    if (!qualifies(latest, { ...th, minReports: k }, cap)) continue;
    const span = Math.max(0.5 * MINUTE, ms(at) - ms(latest[0]!.receivedAt)) / MINUTE;
    const perOrg = new Map<OrgId, number>();
    for (const r of latest) perOrg.set(r.orgId, (perOrg.get(r.orgId) ?? 0) + 1);
    const counted = [...perOrg.values()].reduce((a, n) => a + Math.min(n, cap), 0) - 1;
    const others = latest.filter((r) => r.orgId !== newest.orgId);
    const wide = share === undefined ? 0 : new Set(others.filter(saysWide).map((r) => r.orgId)).size;
    const chance = chanceOfOrdinary(counted, wide, rate * span, share ?? 0);
    const look: ScanLook = {
      reports: k,
      minutes: span,
      wideOrganisations: new Set(latest.filter(saysWide).map((r) => r.orgId)).size,
      chance,
      needed,
    };
    if (chance <= needed) return look;
    if (!closest || chance < closest.chance) closest = look;
  }
  return closest;
}

/** The scan's look as a proposal's evidence, when the reports stand out. */
function standsOut(
  state: FellesfeilState,
  settings: FellesfeilSettings,
  id: ServiceId,
  at: IsoInstant,
  look: ScanLook | undefined,
): ProposalEvidence | undefined {
  if (!look || look.chance > look.needed) return undefined;
  return {
    rule: 'stands_out',
    reports: look.reports,
    minutes: Math.ceil(look.minutes),
    wideOrganisations: look.wideOrganisations,
    usualPerDay: usualPerDay(state, settings, id, dayOf(at)) ?? 0,
    chance: look.chance,
  };
}

/**
 * The state with past cases counted as usual traffic: feed it the last `baseline.days` working days'
 * cases from the store (leave out undersaker and hovedsaker), so a new detector needs no warm-up.
 */
export function withUsualTraffic(
  state: FellesfeilState,
  cases: readonly Pick<ReceivedCase, 'serviceId' | 'receivedAt' | 'scope'>[],
  ctx: Pick<FellesfeilContext, 'catalogue' | 'settings'>,
): FellesfeilState {
  const s = { ...state };
  countUsual(
    s,
    [...cases].sort((a, b) => ms(a.receivedAt) - ms(b.receivedAt)),
    ctx,
  );
  return s;
}

type PerServiceDay = Record<string, Record<string, number>>;

const keepDays = (counts: PerServiceDay, keep: ReadonlySet<string>): PerServiceDay =>
  Object.fromEntries(
    Object.entries(counts).map(([id, byDay]) => [
      id,
      Object.fromEntries(Object.entries(byDay).filter(([d]) => keep.has(d))),
    ]),
  );

const addOne = (counts: PerServiceDay, id: string, day: string): PerServiceDay => {
  const byDay = counts[id] ?? {};
  return { ...counts, [id]: { ...byDay, [day]: (byDay[day] ?? 0) + 1 } };
};

/** Counts reports as usual traffic of their services (and the services those depend on). */
function countUsual(
  s: FellesfeilState,
  cases: readonly Pick<ReceivedCase, 'serviceId' | 'receivedAt' | 'scope'>[],
  ctx: Pick<FellesfeilContext, 'catalogue' | 'settings'>,
): void {
  for (const c of cases) {
    const day = dayOf(c.receivedAt);
    if (!s.days.includes(day)) {
      s.days = [...s.days, day].sort().slice(-ctx.settings.baseline.days);
      const keep = new Set(s.days);
      s.usual = keepDays(s.usual, keep);
      s.usualWide = keepDays(s.usualWide ?? {}, keep);
    }
    if (!s.days.includes(day)) continue;
    for (const target of ctx.catalogue.targets(c.serviceId)) {
      s.usual = addOne(s.usual, target, day);
      if (saysWide(c)) s.usualWide = addOne(s.usualWide ?? {}, target, day);
    }
  }
}

const distinct = <T>(xs: readonly T[]): T[] => [...new Set(xs)];

/** Builds a proposal's derived fields from its cases (received order) and picks the hovedsak. */
function summarise(
  base: Pick<
    FellesfeilProposal,
    | 'id'
    | 'serviceId'
    | 'status'
    | 'proposedAt'
    | 'updatedAt'
    | 'windowMinutes'
    | 'evidence'
    | 'countedAsUsual'
  >,
  cases: ReceivedCase[],
  catalogue: FellesfeilCatalogue,
): FellesfeilProposal {
  const deskId = catalogue.deskOf(base.serviceId) ?? cases[0]!.deskId;
  const onDesk = cases.filter((c) => c.deskId === deskId);
  const candidates = onDesk.length > 0 ? onDesk : cases;
  const admin = catalogue.administratorOf(base.serviceId);
  const rank = (c: ReceivedCase): number =>
    admin !== undefined && c.reporterId === admin ? 0 : c.byAdministrator ? 1 : 2;
  const parent = candidates.reduce((best, c) => (rank(c) < rank(best) ? c : best));
  const parentDesk = parent.deskId;
  return {
    ...base,
    deskId: parentDesk,
    cases,
    firstReportAt: cases[0]!.receivedAt,
    lastReportAt: cases[cases.length - 1]!.receivedAt,
    organisations: distinct(cases.map((c) => c.orgId)),
    reportedServices: distinct(cases.map((c) => c.serviceId)),
    parentRef: parent.ref,
    parentReason: (['service_administrator', 'administrator', 'earliest'] as const)[rank(parent)]!,
    childRefs: cases.filter((c) => c !== parent && c.deskId === parentDesk).map((c) => c.ref),
    otherDeskRefs: cases.filter((c) => c.deskId !== parentDesk).map((c) => c.ref),
  };
}

const byTime = (a: ReceivedCase, b: ReceivedCase): number =>
  ms(a.receivedAt) - ms(b.receivedAt) || (a.ref < b.ref ? -1 : a.ref > b.ref ? 1 : 0);

/** One step of the detector. `state` is not changed; the result shares unchanged parts with it. */
export function stepFellesfeil(
  state: FellesfeilState,
  input: FellesfeilInput,
  ctx: FellesfeilContext,
): FellesfeilStep {
  const s: FellesfeilState = {
    ...state,
    recent: [...state.recent],
    open: [...state.open],
    active: [...state.active],
    quiet: [...state.quiet],
  };
  const changes: ProposalChange[] = [];
  const looked: TargetLook[] = [];
  expire(s, ctx, changes);
  switch (input.type) {
    case 'case_received':
      receive(s, input.case, ctx, changes, looked);
      return { state: s, changes, looked };
    case 'proposal_accepted': {
      const p = close(s, input.proposalId, 'accepted', ctx.now);
      if (!p) break;
      const parentRef = input.parentRef ?? p.parentRef;
      s.active.push({ serviceId: p.serviceId, parentRef, since: ctx.now });
      changes.push({ type: 'accepted', proposal: { ...p, parentRef } });
      break;
    }
    case 'proposal_rejected': {
      const p = close(s, input.proposalId, 'rejected', ctx.now);
      if (!p) break;
      s.quiet = s.quiet.filter((q) => q.serviceId !== p.serviceId);
      s.quiet.push({ serviceId: p.serviceId, reason: 'rejected', lastQualifyingAt: p.lastReportAt });
      // The desk says these were ordinary reports: they count as the service's usual traffic (those
      // counted when they arrived are not counted again).
      const counted = new Set(p.countedAsUsual ?? []);
      countUsual(
        s,
        p.cases.filter((c) => !counted.has(c.ref)),
        ctx,
      );
      changes.push({ type: 'rejected', proposal: p });
      break;
    }
    case 'hovedsak_set': {
      if (s.active.some((a) => a.serviceId === input.serviceId && a.parentRef === input.parentRef)) break;
      s.active.push({ serviceId: input.serviceId, parentRef: input.parentRef, since: ctx.now });
      const p = s.open.find((o) => o.serviceId === input.serviceId);
      if (p) {
        close(s, p.id, 'accepted', ctx.now);
        changes.push({
          type: 'accepted',
          proposal: { ...p, status: 'accepted', updatedAt: ctx.now, parentRef: input.parentRef },
        });
      }
      break;
    }
    case 'hovedsak_finished': {
      const ended = s.active.filter((a) => a.parentRef === input.parentRef);
      s.active = s.active.filter((a) => a.parentRef !== input.parentRef);
      for (const a of ended) {
        s.quiet = s.quiet.filter((q) => q.serviceId !== a.serviceId);
        s.quiet.push({ serviceId: a.serviceId, reason: 'finished', lastQualifyingAt: ctx.now });
      }
      break;
    }
    case 'tick':
      break;
  }
  return { state: s, changes };
}

/** Removes an open proposal and returns it with its new status; undefined when it is not open. */
function close(
  s: FellesfeilState,
  id: string,
  status: ProposalStatus,
  now: IsoInstant,
): FellesfeilProposal | undefined {
  const p = s.open.find((o) => o.id === id);
  if (!p) return undefined;
  s.open = s.open.filter((o) => o !== p);
  return { ...p, status, updatedAt: now };
}

function expire(s: FellesfeilState, ctx: FellesfeilContext, changes: ProposalChange[]): void {
  const now = ms(ctx.now);
  const limit = ctx.settings.proposalExpiryMinutes * MINUTE;
  for (const p of s.open)
    if (now - ms(p.lastReportAt) > limit) {
      close(s, p.id, 'expired', ctx.now);
      changes.push({ type: 'expired', proposal: { ...p, status: 'expired', updatedAt: ctx.now } });
    }
  // A quiet burst more than a window past its last qualifying report cannot hold anything back.
  s.quiet = s.quiet.filter(
    (q) => now - ms(q.lastQualifyingAt) <= thresholdsFor(ctx.settings, q.serviceId).windowMinutes * MINUTE,
  );
}

function receive(
  s: FellesfeilState,
  c: ReceivedCase,
  ctx: FellesfeilContext,
  changes: ProposalChange[],
  looked: TargetLook[],
): void {
  // A replayed case (the same reference again) changes nothing.
  if (s.recent.some((r) => r.ref === c.ref) || s.open.some((p) => p.cases.some((x) => x.ref === c.ref)))
    return;
  const t = ms(c.receivedAt);
  const report: RecentReport = { ...c };
  let i = s.recent.length;
  while (i > 0 && byTime(s.recent[i - 1]!, c) > 0) i--;
  s.recent.splice(i, 0, report);
  const keepFrom = ms(s.recent[s.recent.length - 1]!.receivedAt) - longestWindowMs(ctx.settings);
  s.recent = s.recent.filter((r) => ms(r.receivedAt) >= keepFrom);

  if (c.parentRef !== undefined) {
    if (!s.active.some((a) => a.serviceId === c.serviceId && a.parentRef === c.parentRef))
      s.active.push({ serviceId: c.serviceId, parentRef: c.parentRef, since: ctx.now });
    report.takenBy = `active:${c.parentRef}`;
    return;
  }

  const targets = ctx.catalogue.targets(c.serviceId);
  for (const target of targets) {
    const th = effectiveThresholds(s, ctx.settings, target, dayOf(c.receivedAt));
    const from = t - th.windowMinutes * MINUTE;
    // The reports counting for the target as far back as the scan looks (the window, or further).
    const reach = Math.min(from, t - (ctx.settings.baseline.scanMinutes ?? 0) * MINUTE);
    const near = countingFor(s.recent, ctx.catalogue, target, reach, t);
    const window = reach < from ? near.filter((r) => ms(r.receivedAt) >= from) : near;

    const free = window.filter((r) => r.takenBy === undefined);
    const look = (outcome: TargetLook['outcome'], scan?: ScanLook): void => {
      looked.push({
        serviceId: target,
        outcome,
        inWindow: window.length,
        free: free.length,
        minReports: th.minReports,
        ...(scan ? { scan } : {}),
      });
    };

    const active = s.active.find((a) => a.serviceId === target);
    if (active) {
      report.takenBy = `active:${active.parentRef}`;
      look('active');
      return;
    }

    const quiet = s.quiet.find((q) => q.serviceId === target);
    if (quiet) {
      if (t - ms(quiet.lastQualifyingAt) > th.windowMinutes * MINUTE) {
        s.quiet = s.quiet.filter((q) => q !== quiet);
      } else {
        if (qualifies(window, th, perOrganisation(ctx.settings))) {
          s.quiet = s.quiet.map((q) => (q === quiet ? { ...q, lastQualifyingAt: c.receivedAt } : q));
        }
        look('quiet');
        // "Not a fellesfeil of this service" says nothing about a narrower service: try that.
        if (target !== c.serviceId) continue;
        report.takenBy = `quiet:${target}`;
        if (quiet.reason === 'rejected') countUsual(s, [c], ctx);
        return;
      }
    }

    const open = s.open.find((p) => p.serviceId === target);
    if (open) {
      const updated = summarise(
        { ...open, updatedAt: ctx.now },
        [...open.cases, stripped(report)].sort(byTime),
        ctx.catalogue,
      );
      s.open = s.open.map((p) => (p === open ? updated : p));
      report.takenBy = open.id;
      changes.push({ type: 'updated', proposal: updated });
      look('joined');
      return;
    }

    const ownEvidence =
      target === c.serviceId ||
      free.some((r) => r.serviceId === target) ||
      distinct(free.map((r) => r.serviceId)).length >= 2;
    if (!ownEvidence) {
      look('narrower');
      continue;
    }
    const perDay = usualPerDay(s, ctx.settings, target, dayOf(c.receivedAt));
    const counted = qualifies(free, th, perOrganisation(ctx.settings));
    const scanned = reach < from ? near.filter((r) => r.takenBy === undefined) : free;
    const scan = counted ? undefined : scanLatest(s, ctx.settings, target, c.receivedAt, scanned, c);
    const evidence: ProposalEvidence | undefined = counted
      ? {
          rule: 'count',
          reports: new Set(free.map((r) => r.reporterId)).size,
          organisations: new Set(free.map((r) => r.orgId)).size,
          minReports: th.minReports,
          ...(perDay !== undefined ? { usualPerDay: perDay } : {}),
        }
      : standsOut(s, ctx.settings, target, c.receivedAt, scan);
    look(evidence ? 'proposed' : 'below', scan);
    if (evidence) {
      // The scan's reports from before the window belong to the burst, too.
      const members =
        evidence.rule === 'stands_out' && scanned !== free
          ? distinct([...[...scanned].sort(byTime).slice(-evidence.reports), ...free]).sort(byTime)
          : free;
      s.seq += 1;
      const proposal = summarise(
        {
          id: `${target}#${s.seq}`,
          serviceId: target,
          status: 'open',
          proposedAt: ctx.now,
          updatedAt: ctx.now,
          windowMinutes: th.windowMinutes,
          evidence,
          // Every member but this report went through `countUsual` when it arrived (a free report).
          countedAsUsual: members.filter((r) => r.ref !== c.ref).map((r) => r.ref),
        },
        members.map(stripped),
        ctx.catalogue,
      );
      const taken = new Set(members);
      s.recent = s.recent.map((r) => (taken.has(r) ? { ...r, takenBy: proposal.id } : r));
      s.open.push(proposal);
      changes.push({ type: 'proposed', proposal });
      return;
    }
  }
  countUsual(s, [c], ctx);
}

/** The reports of `recent` (in time order) from `from` to `to` that count for `target`. */
function countingFor(
  recent: readonly RecentReport[],
  catalogue: FellesfeilCatalogue,
  target: ServiceId,
  from: number,
  to: number,
): RecentReport[] {
  let i = recent.length;
  while (i > 0 && ms(recent[i - 1]!.receivedAt) >= from) i--;
  const out: RecentReport[] = [];
  for (let j = i; j < recent.length; j++) {
    const r = recent[j]!;
    if (ms(r.receivedAt) <= to && catalogue.targets(r.serviceId).includes(target)) out.push(r);
  }
  return out;
}

/** A recent report as a plain `ReceivedCase` (without the detector's bookkeeping). */
function stripped(r: RecentReport): ReceivedCase {
  const { takenBy: _taken, ...c } = r;
  return c;
}

/** The proposal in words: "Mulig fellesfeil: 5 saker om Gerica fra 3 virksomheter siste 15 min". */
export function fellesfeilHeadline(
  p: FellesfeilProposal,
  serviceName: (id: ServiceId) => string,
  locale: Locale,
): string {
  const n = p.cases.length;
  const orgs = p.organisations.length;
  const span = Math.ceil((ms(p.lastReportAt) - ms(p.firstReportAt)) / MINUTE);
  const minutes = Math.max(p.windowMinutes, span);
  const others = p.reportedServices.filter((x) => x !== p.serviceId).map(serviceName);
  const list = (xs: string[]): string =>
    new Intl.ListFormat(locale === 'nb' ? 'nb' : 'en', { type: 'conjunction' }).format(xs);
  const name = serviceName(p.serviceId);
  if (locale === 'en') {
    const via = others.length > 0 ? ` (reported on ${list(others)}, which depend on it)` : '';
    return (
      `Possible major incident: ${n} ${n === 1 ? 'case' : 'cases'} about ${name}${via} from ${orgs} ` +
      `${orgs === 1 ? 'organisation' : 'organisations'} in the last ${minutes} min`
    );
  }
  const via = others.length > 0 ? ` (meldt på ${list(others)}, som avhenger av den)` : '';
  return (
    `Mulig fellesfeil: ${n} ${n === 1 ? 'sak' : 'saker'} om ${name}${via} fra ${orgs} ` +
    `${orgs === 1 ? 'virksomhet' : 'virksomheter'} siste ${minutes} min`
  );
}

/**
 * Why the detector proposed it, for the card: "3 meldinger på 4 min, fra 2 virksomheter som sier at
 * hele virksomheten eller flere er rammet. Tjenesten får vanligvis 6 meldinger om dagen: vanlig trafikk
 * gir dette ved omtrent 1 av 3 000 meldinger."
 */
export function fellesfeilReason(
  e: ProposalEvidence,
  p: Pick<FellesfeilProposal, 'windowMinutes'>,
  locale: Locale,
): string {
  const nb = locale === 'nb';
  const number = (x: number): string =>
    new Intl.NumberFormat(nb ? 'nb-NO' : 'en-GB', { maximumFractionDigits: x < 10 ? 1 : 0 }).format(x);
  const usual = (perDay: number): string =>
    nb
      ? `Tjenesten får vanligvis ${number(perDay)} meldinger om dagen`
      : `The service usually gets ${number(perDay)} reports a day`;
  if (e.rule === 'count') {
    const raised = e.usualPerDay !== undefined ? ` (${usual(e.usualPerDay).toLowerCase()})` : '';
    return nb
      ? `${e.reports} meldinger fra ${e.organisations} virksomheter innen ${p.windowMinutes} min: ` +
          `terskelen er ${e.minReports}${raised}.`
      : `${e.reports} reports from ${e.organisations} organisations within ${p.windowMinutes} min: ` +
          `the threshold is ${e.minReports}${raised}.`;
  }
  // "1 in N", N rounded down to two significant digits so it never overstates how rare it is.
  const inverse = 1 / Math.max(e.chance, Number.MIN_VALUE);
  const magnitude = 10 ** Math.max(0, Math.floor(Math.log10(inverse)) - 1);
  const oneIn = number(Math.floor(inverse / magnitude) * magnitude);
  const w = e.wideOrganisations;
  if (nb) {
    const wide =
      w > 0
        ? `, fra ${w} ${w === 1 ? 'virksomhet' : 'virksomheter'} som sier at hele virksomheten eller flere er rammet`
        : '';
    return (
      `${e.reports} meldinger på ${e.minutes} min${wide}. ${usual(e.usualPerDay)}: ` +
      `vanlig trafikk gir dette ved omtrent 1 av ${oneIn} meldinger.`
    );
  }
  const wide =
    w > 0
      ? `, from ${w} ${w === 1 ? 'organisation' : 'organisations'} saying the whole organisation or more is hit`
      : '';
  return (
    `${e.reports} reports in ${e.minutes} min${wide}. ${usual(e.usualPerDay)}: ` +
    `ordinary traffic gives this at about 1 in ${oneIn} reports.`
  );
}
