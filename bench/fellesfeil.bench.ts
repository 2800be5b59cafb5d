/**
 * The fellesfeil detector on a simulated month (shared/cases/fellesfeil-detector.ts).
 *
 * A generator writes the fault reports of April 2026's working days (Mon–Fri 08:00–16:00 Oslo,
 * Easter's public holidays skipped) for the three seeded desks and their services, with services that
 * depend on others (the network, WebSak, the sign-in service). Three kinds of reports, each known:
 * - noise: independent reports at each service's own daily rate, busier in the morning;
 * - fellesfeil bursts: 3 to 16 reports (log-uniform) on one service (or, for a service others depend
 *   on, on it and its dependants) from the desk's virksomheter, arriving 0.7–4 minutes apart on average;
 * - local bursts (not fellesfeil): 3 to 5 reports on one service from one virksomhet within minutes.
 * Every report answers the fault form's scope question (who is hit: me, my department, the whole
 * virksomhet, several virksomheter). Nobody has counted these answers for us, so the shares are
 * assumptions, stated in `SCOPE_SHARES`, and drawn from a stream of their own so the reports' times and
 * virksomheter are the same whatever the shares; the sensitivity table shows the figures when the
 * answer says less, or nothing, about a fellesfeil.
 * A simulated desk answers each proposal after a few minutes: "Lag hovedsak" when it is a real burst
 * (and finishes the fellesfeil half an hour after its last report), "Ikke fellesfeil" otherwise.
 *
 * The detector's usual-traffic baseline is seeded from the two weeks before (as the app would from
 * its store), leaving out the past bursts' reports. Five months (seeds) are added up, as one month
 * has only about 20 bursts.
 *
 * A proposal is right when at least half its cases, when proposed, came from one fellesfeil burst not
 * proposed before. Printed: precision, recall, the time from a burst's first and third report to its
 * proposal, each against its goal (recall >= 0.9 at precision >= 0.8; proposal within 2 minutes of
 * the third report for 90 % of the bursts), the late and missed bursts with what the detector made of
 * their third report (`FellesfeilStep.looked`) and their causes counted on the five and the hold-out
 * months, then how the figures move with the generator's parameters and with the thresholds.
 */
import { DateTime } from 'luxon';
import { DESK_BYARKIVET, DESK_ROR_IKT, DESK_UKE } from '../bot/seed/desks';
import { SERVICES } from '../bot/seed/services';
import type { Service } from '../shared/desks/model';
import type { Scope } from '../shared/cases/model';
import {
  caseRef,
  orgId,
  serviceId,
  userId,
  type DeskId,
  type IsoInstant,
  type OrgId,
  type ServiceId,
} from '../shared/ids';
import {
  DEFAULT_FELLESFEIL_SETTINGS,
  emptyFellesfeilState,
  fellesfeilCatalogue,
  effectiveThresholds,
  fellesfeilReason,
  stepFellesfeil,
  usualPerDay,
  thresholdsFor,
  withUsualTraffic,
  type FellesfeilInput,
  type FellesfeilProposal,
  type FellesfeilSettings,
  type ReceivedCase,
  type TargetLook,
} from '../shared/cases/fellesfeil-detector';
import { norwegianHolidays } from '../shared/sla';

export const name = 'fellesfeil detector (simulated month)';

const MINUTE = 60_000;
const ZONE = 'Europe/Oslo';

/** mulberry32: a small seeded PRNG, so every run sees the same month. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// ---- The world: the seeded catalogue, with dependencies and a sign-in service, and Oslo's virksomheter.

const sid = serviceId;
const AKS: Service = {
  id: sid('uke-aks'),
  name: 'AKS (pålogging)',
  deskId: DESK_UKE,
  criticality: 'high_uptime',
};
const DEPENDS: Record<string, string[]> = {
  'ror-gerica': ['ror-nettverk'],
  'ror-cosdoc': ['ror-nettverk'],
  'ror-epost': ['ror-nettverk'],
  'ror-visma': ['ror-nettverk'],
  'ror-minside': ['ror-nettverk'],
  'websak-postjournal': ['websak'],
  'websak-eformidling': ['websak'],
  'websak-skanning': ['websak'],
  'uke-agresso': ['uke-aks'],
  'uke-gerica': ['uke-aks'],
  'uke-kompass': ['uke-aks'],
  'uke-teams': ['uke-aks'],
};
const ADMINISTRATED = new Set(['websak', 'uke-gerica', 'uke-agresso', 'ror-gerica', 'ror-visma']);
/** Fault reports per working day, by service (noise only). */
const DAILY_RATE: Record<string, number> = {
  'ror-gerica': 3,
  'ror-cosdoc': 1,
  'ror-nettverk': 2,
  'ror-epost': 3,
  'ror-minside': 1,
  'ror-visma': 2,
  'ror-skriver': 4,
  'ror-pc': 5,
  websak: 6,
  'websak-postjournal': 1,
  'websak-eformidling': 2,
  'websak-skanning': 2,
  'websak-helsearkiv': 1,
  'uke-agresso': 8,
  'uke-gerica': 12,
  'uke-kompass': 6,
  'uke-innbyggerportal': 3,
  'uke-teams': 15,
  'uke-vpn': 6,
  'uke-mobil': 8,
  'uke-aks': 4,
};

/** The seeded services that take fault reports here (those with a rate: not the order-only ones). */
const CATALOGUE: Service[] = [...SERVICES, AKS]
  .filter((s) => s.id in DAILY_RATE)
  .map((s) => ({
    ...s,
    ...(DEPENDS[s.id] ? { dependsOn: DEPENDS[s.id]!.map(sid) } : {}),
    ...(ADMINISTRATED.has(s.id)
      ? { administrator: { id: userId(`forvalter-${s.id}`), name: `Forvalter ${s.name}` } }
      : {}),
  }));

const BYDELER = [
  'Alna',
  'Bjerke',
  'Frogner',
  'Gamle Oslo',
  'Grorud',
  'Grünerløkka',
  'Nordre Aker',
  'Nordstrand',
  'Sagene',
  'St. Hanshaugen',
  'Stovner',
  'Søndre Nordstrand',
  'Ullern',
  'Vestre Aker',
  'Østensjø',
].map((n) => orgId(`bydel-${n.toLowerCase().replace(/[^a-zæøå]+/g, '-')}`));
const ETATER = [
  'bym',
  'pbe',
  'sykehjem',
  'utdanning',
  'velferd',
  'helse',
  'kultur',
  'eiendom',
  'vann',
  'brann',
  'boligbygg',
  'kemner',
  'byarkivet',
  'ulykke',
  'oslobygg',
  'renovasjon',
  'legevakt',
  'barnevern',
  'mobilitet',
  'innvandring',
].map((n) => orgId(`etat-${n}`));
const ROR = ['aukra', 'molde', 'rauma', 'vestnes'].map(orgId);
const DESK_ORGS: Record<string, OrgId[]> = {
  [DESK_ROR_IKT]: ROR,
  [DESK_BYARKIVET]: BYDELER,
  [DESK_UKE]: [...ETATER, ...BYDELER],
};

// ---- The generator.

/**
 * The fault form's scope answers (me, department, organisation, several virksomheter), by kind of
 * report. An ordinary fault is mostly one person's; someone hit by a local fault sees their colleagues
 * hit too; someone hit by a fellesfeil sees the same at their own place, and some have heard that
 * other virksomheter are hit. Assumptions, not measurements: see the sensitivity table.
 */
const SCOPE_SHARES = {
  noise: [0.75, 0.17, 0.05, 0.03],
  local: [0.2, 0.4, 0.35, 0.05],
  fellesfeil: [0.3, 0.3, 0.25, 0.15],
  /** A fellesfeil whose reporters answer more like ordinary ones. */
  fellesfeilWeak: [0.55, 0.25, 0.12, 0.08],
} as const satisfies Record<string, readonly [number, number, number, number]>;
const SCOPES: readonly Scope[] = ['me', 'department', 'organisation', 'several_organisations'];

interface Scenario {
  label: string;
  seed: number;
  /** The months (seeds) simulated; absent: `SEEDS`. */
  seeds?: number[];
  /** How a fellesfeil's reporters answer the scope question (`SCOPE_SHARES`). */
  fellesfeilScope: 'fellesfeil' | 'fellesfeilWeak' | 'noise';
  /** Multiplies every service's noise rate. */
  noise: number;
  /** Fellesfeil bursts per working day. */
  burstsPerDay: number;
  /** Multiplies the mean time between a burst's reports. */
  burstSpread: number;
  /** Local (one virksomhet) bursts per working day. */
  localPerDay: number;
}

const BASE: Scenario = {
  label: 'base',
  seed: 20260401,
  fellesfeilScope: 'fellesfeil',
  noise: 1,
  burstsPerDay: 1,
  burstSpread: 1,
  localPerDay: 0.5,
};

interface SimCase extends ReceivedCase {
  /** The fellesfeil burst this report belongs to; absent for noise and local bursts. */
  burst?: number;
}

interface Burst {
  id: number;
  serviceId: ServiceId;
  reports: SimCase[];
}

interface Month {
  /** The two weeks before: the store's history the detector's baseline is seeded from. */
  history: SimCase[];
  cases: SimCase[];
  bursts: Burst[];
  workingDays: number;
}

/** Relative report rate per working hour, 08–16: a morning peak. */
const HOURLY = [1.6, 1.4, 1.1, 0.9, 1.0, 1.0, 0.6, 0.4];
const HOURLY_MAX = Math.max(...HOURLY);
const HOURLY_MEAN = HOURLY.reduce((a, b) => a + b, 0) / HOURLY.length;

function generate(sc: Scenario): Month {
  const rand = prng(sc.seed);
  // The scope answers come from a stream of their own: the same times and virksomheter whatever they are.
  const randScope = prng(sc.seed ^ 0x5c0fe);
  const scopeOf = (kind: keyof typeof SCOPE_SHARES): Scope => {
    let x = randScope();
    const shares = SCOPE_SHARES[kind];
    for (let i = 0; i < shares.length; i++) if ((x -= shares[i]!) < 0) return SCOPES[i]!;
    return SCOPES[SCOPES.length - 1]!;
  };
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const exp = (mean: number): number => -Math.log(1 - rand()) * mean;
  const poisson = (mean: number): number => {
    let n = 0;
    for (let p = rand(); p > Math.exp(-mean); p *= rand()) n++;
    return n;
  };
  // Bigger virksomheter report more: a fixed weight per virksomhet.
  const orgWeight = new Map<OrgId, number>();
  for (const o of [...ROR, ...BYDELER, ...ETATER]) orgWeight.set(o, 1 + rand() * 4);
  const pickOrg = (desk: DeskId): OrgId => {
    const orgs = DESK_ORGS[desk]!;
    const total = orgs.reduce((a, o) => a + orgWeight.get(o)!, 0);
    let x = rand() * total;
    for (const o of orgs) if ((x -= orgWeight.get(o)!) <= 0) return o;
    return orgs[orgs.length - 1]!;
  };
  const byId = new Map(CATALOGUE.map((s) => [s.id, s]));
  const dependants = (id: ServiceId): ServiceId[] =>
    CATALOGUE.filter((s) => s.dependsOn?.includes(id)).map((s) => s.id);

  const holidays = new Set(norwegianHolidays(2026));
  const days: DateTime[] = [];
  for (let d = DateTime.fromISO('2026-03-16', { zone: ZONE }); d.month <= 4; d = d.plus({ days: 1 }))
    if (d.weekday <= 5 && !holidays.has(d.toISODate()!)) days.push(d);

  let seq = 0;
  let user = 0;
  const cases: SimCase[] = [];
  const make = (service: ServiceId, org: OrgId, at: number, extra: Partial<SimCase> = {}): SimCase => {
    seq += 1;
    user += 1;
    return {
      ref: caseRef(`FV-2026-${String(seq).padStart(6, '0')}`),
      serviceId: service,
      deskId: byId.get(service)!.deskId,
      orgId: org,
      reporterId: userId(`u${user}`),
      receivedAt: new Date(at).toISOString() as IsoInstant,
      byAdministrator: false,
      ...extra,
    };
  };

  const bursts: Burst[] = [];
  for (const day of days) {
    const open = day.set({ hour: 8 }).toMillis();
    const close = day.set({ hour: 16 }).toMillis();
    // Noise: a Poisson process per service, thinned by the hourly profile.
    for (const s of CATALOGUE) {
      const perMinute = ((DAILY_RATE[s.id] ?? 1) * sc.noise * HOURLY_MAX) / HOURLY_MEAN / (8 * 60);
      for (let t = open + exp(1 / perMinute) * MINUTE; t < close; t += exp(1 / perMinute) * MINUTE) {
        const hour = Math.floor((t - open) / (60 * MINUTE));
        if (rand() < HOURLY[hour]! / HOURLY_MAX)
          cases.push(make(s.id, pickOrg(s.deskId), t, { scope: scopeOf('noise') }));
      }
    }
    // Fellesfeil bursts: on any service, as likely on a quiet one as on a busy one.
    for (let n = poisson(sc.burstsPerDay); n > 0; n--) {
      const target = pick(CATALOGUE).id;
      const under = dependants(target);
      const desk = byId.get(target)!.deskId;
      const size = Math.min(40, Math.max(3, Math.round(Math.exp(1.2 + rand() * 1.6))));
      const mean = (0.7 + rand() * 3.3) * sc.burstSpread;
      const admin = byId.get(target)!.administrator;
      const adminAt = admin && rand() < 0.4 ? Math.floor(rand() * size) : -1;
      const burst: Burst = { id: bursts.length + 1, serviceId: target, reports: [] };
      let t = open + rand() * (close - open - 30 * MINUTE);
      for (let i = 0; i < size; i++) {
        const service = under.length > 0 && rand() < 0.65 ? pick(under) : target;
        const extra: Partial<SimCase> = { burst: burst.id, scope: scopeOf(sc.fellesfeilScope) };
        if (i === adminAt && service === target)
          Object.assign(extra, { reporterId: admin!.id, byAdministrator: true });
        burst.reports.push(make(service, pickOrg(desk), t, extra));
        t += exp(mean) * MINUTE;
      }
      bursts.push(burst);
      cases.push(...burst.reports);
    }
    // Local bursts: one virksomhet, one service, a few minutes (not a fellesfeil).
    for (let n = poisson(sc.localPerDay); n > 0; n--) {
      const s = pick(CATALOGUE);
      const org = pickOrg(s.deskId);
      let t = open + rand() * (close - open - 30 * MINUTE);
      const size = 3 + Math.floor(rand() * 3);
      for (let i = 0; i < size; i++, t += exp(2) * MINUTE)
        cases.push(make(s.id, org, t, { scope: scopeOf('local') }));
    }
  }
  cases.sort((a, b) => Date.parse(a.receivedAt) - Date.parse(b.receivedAt));
  const april = Date.parse('2026-04-01T00:00:00+02:00');
  const inApril = (c: SimCase): boolean => Date.parse(c.receivedAt) >= april;
  return {
    // The store leaves out cases linked to a hovedsak: here, the past bursts' reports.
    history: cases.filter((c) => !inApril(c) && c.burst === undefined),
    cases: cases.filter(inApril),
    bursts: bursts.filter((b) => inApril(b.reports[0]!)),
    workingDays: days.filter((d) => d.month === 4).length,
  };
}

// ---- Running the detector with a simulated desk.

interface Outcome {
  proposals: number;
  right: number;
  duplicates: number;
  detected: number;
  bursts: number;
  /** Minutes from each detected burst's first and third report to its proposal. */
  fromFirst: number[];
  fromThird: number[];
  /** The same from the third report, for bursts on services whose usual traffic raised the count. */
  fromThirdBusy: number[];
  cases: number;
  ms: number;
  maxStateBytes: number;
  /** False proposals by the service proposed. */
  falseBy: Map<ServiceId, number>;
  /** Bursts proposed more than 2 minutes after their third report, or not at all (`at` absent). */
  late: Late[];
}

interface Late {
  burst: Burst;
  at?: number;
  proposal?: FellesfeilProposal;
  usualPerDay?: number;
  /** What the detector made of the burst's third report, for each service it counts for. */
  atThird: TargetLook[];
  /** The window of the burst's service (minutes). */
  windowMinutes: number;
}

const DESK_DELAY_MIN = 5;

function simulate(
  month: Month,
  settings: FellesfeilSettings,
  measureState = false,
  seedHistory = true,
): Outcome {
  const catalogue = fellesfeilCatalogue(CATALOGUE);
  const burstOf = new Map<string, number>();
  for (const c of month.cases) if (c.burst !== undefined) burstOf.set(c.ref, c.burst);
  const byBurst = new Map(month.bursts.map((b) => [b.id, b]));
  const detectedAt = new Map<number, number>();
  const proposalOf = new Map<number, FellesfeilProposal>();
  const busy = new Set<number>();
  let proposals = 0;
  let right = 0;
  let duplicates = 0;
  let maxStateBytes = 0;
  const falseBy = new Map<ServiceId, number>();

  // Desk answers and fellesfeil endings, kept sorted by time.
  const pending: Array<{ at: number; input: FellesfeilInput }> = [];
  const schedule = (at: number, input: FellesfeilInput): void => {
    let i = pending.length;
    while (i > 0 && pending[i - 1]!.at > at) i--;
    pending.splice(i, 0, { at, input });
  };
  const lastOfBurst = (id: number): number => Date.parse(byBurst.get(id)!.reports.at(-1)!.receivedAt);

  let state = seedHistory
    ? withUsualTraffic(emptyFellesfeilState(), month.history, { catalogue, settings })
    : emptyFellesfeilState();
  /** What the detector made of each burst's third report. */
  const atThird = new Map<number, TargetLook[]>();
  const thirdOf = new Map(month.bursts.map((b) => [b.reports[2]!.ref, b.id]));
  const step = (input: FellesfeilInput, at: number): void => {
    const r = stepFellesfeil(state, input, {
      catalogue,
      settings,
      now: new Date(at).toISOString() as IsoInstant,
    });
    state = r.state;
    const third = input.type === 'case_received' ? thirdOf.get(input.case.ref) : undefined;
    if (third !== undefined) atThird.set(third, r.looked ?? []);
    if (measureState) maxStateBytes = Math.max(maxStateBytes, JSON.stringify(state).length);
    for (const change of r.changes) {
      if (change.type === 'proposed') judge(change.proposal, at);
      // The desk solves the hovedsak it made (the proposal's hovedsak when accepted: a forvalter's
      // report joining the open proposal changes it) half an hour after the burst's last report.
      const burst = acceptedBurst.get(change.proposal.id);
      if (change.type === 'accepted' && burst !== undefined)
        schedule(Math.max(at, lastOfBurst(burst)) + 30 * MINUTE, {
          type: 'hovedsak_finished',
          parentRef: change.proposal.parentRef,
        });
    }
  };
  /** The burst of each proposal the desk accepts. */
  const acceptedBurst = new Map<string, number>();
  const judge = (p: FellesfeilProposal, at: number): void => {
    proposals += 1;
    const votes = new Map<number, number>();
    for (const c of p.cases) {
      const b = burstOf.get(c.ref);
      if (b !== undefined) votes.set(b, (votes.get(b) ?? 0) + 1);
    }
    const [best, count] = [...votes].sort((a, b) => b[1] - a[1])[0] ?? [undefined, 0];
    const isBurst = best !== undefined && count * 2 >= p.cases.length;
    if (isBurst && !detectedAt.has(best)) {
      right += 1;
      detectedAt.set(best, at);
      proposalOf.set(best, p);
      const day = p.proposedAt.slice(0, 10);
      const minReports = thresholdsFor(settings, p.serviceId).minReports;
      if (effectiveThresholds(state, settings, p.serviceId, day).minReports > minReports) busy.add(best);
      acceptedBurst.set(p.id, best);
      schedule(at + DESK_DELAY_MIN * MINUTE, { type: 'proposal_accepted', proposalId: p.id });
    } else {
      if (isBurst) duplicates += 1;
      else falseBy.set(p.serviceId, (falseBy.get(p.serviceId) ?? 0) + 1);
      schedule(at + DESK_DELAY_MIN * MINUTE, { type: 'proposal_rejected', proposalId: p.id });
    }
  };

  const t0 = process.hrtime.bigint();
  for (const c of month.cases) {
    const at = Date.parse(c.receivedAt);
    while (pending.length > 0 && pending[0]!.at <= at) {
      const next = pending.shift()!;
      step(next.input, next.at);
    }
    const { burst: _known, ...received } = c;
    step({ type: 'case_received', case: received }, at);
  }
  for (const next of pending) step(next.input, next.at);
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;

  const fromFirst: number[] = [];
  const fromThird: number[] = [];
  const fromThirdBusy: number[] = [];
  for (const [id, at] of detectedAt) {
    const reports = byBurst.get(id)!.reports;
    fromFirst.push((at - Date.parse(reports[0]!.receivedAt)) / MINUTE);
    fromThird.push((at - Date.parse(reports[2]!.receivedAt)) / MINUTE);
    if (busy.has(id)) fromThirdBusy.push(fromThird.at(-1)!);
  }
  const late: Outcome['late'] = [];
  for (const burst of month.bursts) {
    const at = detectedAt.get(burst.id);
    if (at !== undefined && at - Date.parse(burst.reports[2]!.receivedAt) <= 2 * MINUTE) continue;
    const perDay = usualPerDay(state, settings, burst.serviceId, burst.reports[0]!.receivedAt.slice(0, 10));
    late.push({
      burst,
      ...(at !== undefined ? { at, proposal: proposalOf.get(burst.id)! } : {}),
      ...(perDay !== undefined ? { usualPerDay: perDay } : {}),
      atThird: atThird.get(burst.id) ?? [],
      windowMinutes: thresholdsFor(settings, burst.serviceId).windowMinutes,
    });
  }
  return {
    proposals,
    right,
    duplicates,
    detected: detectedAt.size,
    bursts: month.bursts.length,
    fromFirst,
    fromThird,
    fromThirdBusy,
    cases: month.cases.length,
    ms,
    maxStateBytes,
    falseBy,
    late,
  };
}

// ---- Figures.

/** Services others depend on (a report on any of them counts for it too). */
const DEPENDED_ON = new Set(CATALOGUE.flatMap((s) => s.dependsOn ?? []));

/**
 * Why a burst was late, from what the detector made of its third report: held by something the
 * detector remembers, the third report too far from the first for the window, the plain thresholds
 * not met (one virksomhet, or one reporter counted twice), or the reports not standing out from the
 * usual traffic (split by a service others depend on, whose usual traffic counts its dependants').
 */
function lateCause(l: Late): string {
  const own = l.atThird.find((t) => t.serviceId === l.burst.serviceId);
  const held =
    l.atThird.find((t) => ['active', 'joined'].includes(t.outcome)) ??
    (own?.outcome === 'quiet' ? own : undefined);
  if (held) return `held at the third (${held.outcome} on ${held.serviceId})`;
  const reports = l.burst.reports;
  if (Date.parse(reports[2]!.receivedAt) - Date.parse(reports[0]!.receivedAt) > l.windowMinutes * MINUTE)
    return 'third report more than the window after the first';
  if (!own?.scan) return 'plain thresholds not met at the third (one virksomhet)';
  return DEPENDED_ON.has(l.burst.serviceId)
    ? 'not standing out: a service others depend on'
    : 'not standing out';
}

function printLateCauses(label: string, o: Outcome): void {
  const byCause = new Map<string, number>();
  for (const l of o.late) byCause.set(lateCause(l), (byCause.get(lateCause(l)) ?? 0) + 1);
  const list = [...byCause].sort((a, b) => b[1] - a[1]).map(([c, n]) => `${n} ${c}`);
  console.log(`  ${label}: ${o.late.length} late or missed of ${o.bursts} bursts: ${list.join('; ')}`);
}

/** What the detector made of a report, in words: "uke-aks below (4 in window, count 10; scan 3 in 6.1 min, 1 in 60 vs 1 in 8 900)". */
function lookText(t: TargetLook): string {
  const oneIn = (p: number): string => `1 in ${Math.round(1 / Math.max(p, Number.MIN_VALUE))}`;
  const scan = t.scan
    ? `; scan: ${t.scan.reports} in ${f1(t.scan.minutes)} min, ${oneIn(t.scan.chance)} where ${oneIn(t.scan.needed)} is needed`
    : '';
  return `${t.serviceId} ${t.outcome} (${t.free} free of ${t.inWindow} in the window, count ${t.minReports}${scan})`;
}

/** The bursts proposed late or not at all: their first reports, and why the proposal came when it did. */
function printLate(o: Outcome): void {
  console.log(
    `\nbursts proposed more than 2 min after their third report, or not at all (${o.late.length}):`,
  );
  for (const l of o.late) {
    const { burst, at, proposal, usualPerDay: perDay } = l;
    const t0 = Date.parse(burst.reports[0]!.receivedAt);
    const third = Date.parse(burst.reports[2]!.receivedAt);
    const when = at === undefined ? 'not proposed' : `${f1((at - third) / MINUTE)} min after the third`;
    const usual = perDay === undefined ? '' : `, usually ${f1(perDay)} a day`;
    console.log(`  ${burst.serviceId} (${burst.reports.length} reports${usual}): ${when}`);
    const shown = burst.reports.slice(0, 6).map((r) => {
      const svc = r.serviceId === burst.serviceId ? '' : ` on ${r.serviceId}`;
      return `+${f1((Date.parse(r.receivedAt) - t0) / MINUTE)} ${r.orgId}${svc} (${r.scope ?? '-'})`;
    });
    console.log(`    ${shown.join(', ')}${burst.reports.length > 6 ? ', …' : ''}`);
    console.log(`    at the third: ${l.atThird.map(lookText).join('; ') || '-'}  => ${lateCause(l)}`);
    if (proposal?.evidence)
      console.log(`    proposed: ${fellesfeilReason(proposal.evidence, proposal, 'en')}`);
  }
}

const quantile = (xs: number[], q: number): number => {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)]!;
};
const f2 = (x: number): string => x.toFixed(2);
const f1 = (x: number): string => x.toFixed(1);
const precision = (o: Outcome): number => (o.proposals === 0 ? 1 : o.right / o.proposals);
const recall = (o: Outcome): number => (o.bursts === 0 ? 1 : o.detected / o.bursts);
const within2 = (xs: number[]): number => xs.filter((m) => m <= 2).length / Math.max(1, xs.length);
const verdict = (ok: boolean): string => (ok ? 'met' : 'MISSED');

function row(label: string, o: Outcome): string {
  return (
    `  ${label.padEnd(34)} bursts ${String(o.bursts).padStart(3)}  proposals ${String(o.proposals).padStart(3)}` +
    `  precision ${f2(precision(o))}  recall ${f2(recall(o))}` +
    `  ≤2 min of 3rd ${(within2(o.fromThird) * 100).toFixed(1).padStart(5)} %  p90 from 3rd ${f1(quantile(o.fromThird, 0.9))} min`
  );
}

const variant = (
  d: Partial<FellesfeilSettings['defaults']>,
  b: Partial<FellesfeilSettings['baseline']> = {},
): FellesfeilSettings => ({
  ...DEFAULT_FELLESFEIL_SETTINGS,
  defaults: { ...DEFAULT_FELLESFEIL_SETTINGS.defaults, ...d },
  baseline: { ...DEFAULT_FELLESFEIL_SETTINGS.baseline, ...b },
});

const SEEDS = [20260401, 7, 99, 2024, 31337];
/** Ten more months, never used to choose the defaults: a check that they were not fitted to the five. */
const HOLD_OUT = [1, 2, 3, 4, 5, 6, 8, 10, 11, 12];

/** The outcomes of several months added up. */
function pooled(outcomes: Outcome[]): Outcome {
  const sum = (f: (o: Outcome) => number): number => outcomes.reduce((a, o) => a + f(o), 0);
  const falseBy = new Map<ServiceId, number>();
  for (const o of outcomes) for (const [k, v] of o.falseBy) falseBy.set(k, (falseBy.get(k) ?? 0) + v);
  return {
    proposals: sum((o) => o.proposals),
    right: sum((o) => o.right),
    duplicates: sum((o) => o.duplicates),
    detected: sum((o) => o.detected),
    bursts: sum((o) => o.bursts),
    fromFirst: outcomes.flatMap((o) => o.fromFirst),
    fromThird: outcomes.flatMap((o) => o.fromThird),
    fromThirdBusy: outcomes.flatMap((o) => o.fromThirdBusy),
    cases: sum((o) => o.cases),
    ms: sum((o) => o.ms),
    maxStateBytes: Math.max(...outcomes.map((o) => o.maxStateBytes)),
    falseBy,
    late: outcomes.flatMap((o) => o.late),
  };
}

const months = new Map<string, Month[]>();
/** The months of a scenario, one per seed (generated once). */
function monthsOf(sc: Scenario): Month[] {
  const key = JSON.stringify({ ...sc, label: '', seed: 0 });
  if (!months.has(key))
    months.set(
      key,
      (sc.seeds ?? SEEDS).map((seed) => generate({ ...sc, seed })),
    );
  return months.get(key)!;
}
const outcomes = new Map<string, Outcome>();
/** The months of a scenario under some settings, added up (each combination simulated once). */
function over(sc: Scenario, settings: FellesfeilSettings, measure = false, history = true): Outcome {
  const key = JSON.stringify([{ ...sc, label: '', seed: 0 }, settings, measure, history]);
  if (!outcomes.has(key))
    outcomes.set(key, pooled(monthsOf(sc).map((m) => simulate(m, settings, measure, history))));
  return outcomes.get(key)!;
}

/**
 * The scan's false-alarm rate against every goal, on the five months and on the hold-out months: the
 * trade-off the default was chosen on, and the rule for moving it (all three goals on the five months,
 * precision >= 0.8 and recall >= 0.9 on the hold-out).
 */
function printScanRates(): void {
  const current = DEFAULT_FELLESFEIL_SETTINGS.baseline.scanFalseAlarmRate ?? 0;
  const rates = [...new Set([0.0003, 0.001, 0.002, 0.003, 0.01, current])].sort((x, y) => x - y);
  printBothSets(
    `\nthe scan rate (scanFalseAlarmRate), other settings kept: precision, recall, share proposed within ` +
      `2 min of the third report, p90 from the third report; the default moves only for a rate that meets ` +
      `all three goals on the ${SEEDS.length} months and precision >= 0.8, recall >= 0.9 on the hold-out`,
    'rate',
    rates.map((rate) => [
      `${rate}${rate === current ? ' (default)' : ''}`,
      variant({}, { scanFalseAlarmRate: rate }),
    ]),
  );
}

/**
 * How far back the scan looks for the plain count's reports (scanMinutes), on both sets: the window
 * (the scan before it looked further), and more. The figures stop moving once the chance, not the
 * limit, ends the look.
 */
function printScanReach(): void {
  const d = DEFAULT_FELLESFEIL_SETTINGS;
  const current = d.baseline.scanMinutes ?? d.defaults.windowMinutes;
  const reaches = [...new Set([d.defaults.windowMinutes, 15, 20, 30, 60, current])].sort((x, y) => x - y);
  printBothSets(
    `\nhow far back the scan looks for the plain count's ${d.defaults.minReports} reports (scanMinutes), other ` +
      `settings kept; ${d.defaults.windowMinutes} min is the window (more reports are looked at within it only)`,
    'minutes',
    reaches.map((m) => [
      `${m}${m === current ? ' (default)' : ''}${m === d.defaults.windowMinutes ? ' (window)' : ''}`,
      variant({}, { scanMinutes: m === d.defaults.windowMinutes ? undefined : m }),
    ]),
  );
}

/** Settings against every goal, on the five months and on the hold-out months. */
function printBothSets(title: string, head: string, rows: Array<[string, FellesfeilSettings]>): void {
  const holdOut: Scenario = { ...BASE, label: 'hold-out', seeds: HOLD_OUT };
  // Recall with its counts: 160 of 178 prints as 0.90 but misses 0.9.
  const cells = (o: Outcome): string =>
    `${f2(precision(o))}  ${f2(recall(o))} (${o.detected}/${o.bursts})` +
    `  ${(within2(o.fromThird) * 100).toFixed(1).padStart(4)} %  ${f1(quantile(o.fromThird, 0.9)).padStart(3)} min`;
  const missed = (o: Outcome, all: boolean): string => {
    const goals: Array<[string, boolean]> = [
      ['precision', precision(o) >= 0.8],
      ['recall', recall(o) >= 0.9],
      ...(all ? [['2 min', within2(o.fromThird) >= 0.9] as [string, boolean]] : []),
    ];
    const failed = goals.filter(([, ok]) => !ok).map(([goal]) => goal);
    return failed.length === 0 ? 'met' : `MISSED ${failed.join(', ')}`;
  };
  console.log(title);
  console.log(
    `  ${head.padEnd(22)} ${`${SEEDS.length} months`.padEnd(38)} ${`${HOLD_OUT.length} hold-out months`}`,
  );
  for (const [label, v] of rows) {
    const five = over(BASE, v);
    const held = over(holdOut, v);
    console.log(
      `  ${label.padEnd(22)} ${cells(five)}   ${cells(held)}   ${SEEDS.length} months: ${missed(five, true)}; ` +
        `hold-out: ${missed(held, false)}`,
    );
  }
}

export async function run(): Promise<void> {
  const sample = monthsOf(BASE)[0]!;
  const inBursts = sample.cases.filter((c) => c.burst !== undefined).length;
  const d = DEFAULT_FELLESFEIL_SETTINGS.defaults;
  const b = DEFAULT_FELLESFEIL_SETTINGS.baseline;
  console.log(
    `April 2026 (${sample.workingDays} working days, Mon–Fri 08–16 Oslo), ${CATALOGUE.length} services of 3 desks, ` +
      `${ROR.length + BYDELER.length + ETATER.length} virksomheter; the first month has ${sample.cases.length} reports, ` +
      `${inBursts} of them in ${sample.bursts.length} fellesfeil bursts; ${SEEDS.length} months (seeds ${SEEDS.join(', ')}), ` +
      `the detector's baseline seeded from the two weeks before`,
  );
  console.log(
    `defaults: window ${d.windowMinutes} min, ${d.minReports} reports from ${d.minOrganisations} virksomheter ` +
      `or ${d.minReportsAnyOrganisations} from one, raised on busy services (false-alarm rate ${b.falseAlarmRate}, ` +
      `peak factor ${b.peakFactor}), or the latest reports standing out from the usual traffic (scan rate ` +
      `${b.scanFalseAlarmRate ?? 0}, reaching back ${b.scanMinutes ?? d.windowMinutes} min for the plain count's ` +
      `${d.minReports}; the scope answer read with a prior share of ${b.wideShare ?? 0} saying the whole ` +
      `virksomhet or more; at most ${b.reportsPerOrganisation ?? '-'} reports per virksomhet); evened out at ` +
      `${b.referencePerDay ?? '-'} reports a day; the simulated desk answers each proposal after ${DESK_DELAY_MIN} min`,
  );
  const o = over(BASE, DEFAULT_FELLESFEIL_SETTINGS, true);
  const p = precision(o);
  const r = recall(o);
  console.log(
    `proposals: ${o.proposals} (${o.right} right, ${o.duplicates} duplicates of a burst already proposed, ` +
      `${o.proposals - o.right - o.duplicates} false)`,
  );
  const falseList = [...o.falseBy].sort((x, y) => y[1] - x[1]).map(([k, v]) => `${k} ${v}`);
  console.log(`false proposals by service: ${falseList.join(', ') || 'none'}`);
  console.log(`precision: ${f2(p)}   goal >= 0.80: ${verdict(p >= 0.8)}`);
  console.log(`recall: ${f2(r)} (${o.detected} of ${o.bursts} bursts)   goal >= 0.90: ${verdict(r >= 0.9)}`);
  console.log(
    `from a burst's first report to its proposal: median ${f1(quantile(o.fromFirst, 0.5))} min, ` +
      `p90 ${f1(quantile(o.fromFirst, 0.9))} min, max ${f1(quantile(o.fromFirst, 1))} min`,
  );
  const w = within2(o.fromThird);
  console.log(
    `from its third report to the proposal: median ${f1(quantile(o.fromThird, 0.5))} min, ` +
      `p90 ${f1(quantile(o.fromThird, 0.9))} min, max ${f1(quantile(o.fromThird, 1))} min; ` +
      `${(w * 100).toFixed(1)} % within 2 min   goal >= 90 % within 2 min: ${verdict(w >= 0.9)}`,
  );
  console.log(
    `  (the detector's own time: in the app, a report stored by the lease holder's instance reaches it at ` +
      `once through the case feed, one stored by another instance at the next catch-up, at most 15 s later)`,
  );
  const quiet = o.fromThird.length - o.fromThirdBusy.length;
  const quietWithin =
    within2(o.fromThird) * o.fromThird.length - within2(o.fromThirdBusy) * o.fromThirdBusy.length;
  console.log(
    `  on services at the plain count: ${Math.round(quietWithin)} of ${quiet} within 2 min; on busy services ` +
      `(count raised by their usual traffic): ${Math.round(within2(o.fromThirdBusy) * o.fromThirdBusy.length)} of ` +
      `${o.fromThirdBusy.length}, p90 ${f1(quantile(o.fromThirdBusy, 0.9))} min`,
  );
  console.log(
    `detector: ${Math.round(o.cases / (o.ms / 1000))} reports/s with the state serialised after every step; ` +
      `largest state ${(o.maxStateBytes / 1024).toFixed(1)} KiB as JSON`,
  );
  printLate(o);
  console.log(`\nwhy bursts were late or missed, from what the detector made of their third report:`);
  printLateCauses(`${SEEDS.length} months`, o);
  printLateCauses(
    `${HOLD_OUT.length} hold-out months`,
    over({ ...BASE, seeds: HOLD_OUT }, DEFAULT_FELLESFEIL_SETTINGS),
  );

  console.log(`\nsensitivity to the generator (defaults kept; ${SEEDS.length} months each):`);
  const scenarios: Scenario[] = [
    BASE,
    { ...BASE, label: 'noise x0.5', noise: 0.5 },
    { ...BASE, label: 'noise x2', noise: 2 },
    { ...BASE, label: 'noise x3', noise: 3 },
    { ...BASE, label: 'bursts 2x slower', burstSpread: 2 },
    { ...BASE, label: 'bursts 3x slower', burstSpread: 3 },
    { ...BASE, label: '3 bursts a day', burstsPerDay: 3 },
    { ...BASE, label: '2 local bursts a day', localPerDay: 2 },
  ];
  scenarios.push(
    { ...BASE, label: 'scope answer says less', fellesfeilScope: 'fellesfeilWeak' },
    { ...BASE, label: 'scope answer says nothing', fellesfeilScope: 'noise' },
    { ...BASE, label: `${HOLD_OUT.length} other months (hold-out)`, seeds: HOLD_OUT },
  );
  for (const sc of scenarios) console.log(row(sc.label, over(sc, DEFAULT_FELLESFEIL_SETTINGS)));
  console.log(row('base, cold start (no history)', over(BASE, DEFAULT_FELLESFEIL_SETTINGS, false, false)));
  printScanRates();
  printScanReach();

  console.log(`\nthe thresholds (base generator, then noise x2; ${SEEDS.length} months each):`);
  const variants: Array<[string, FellesfeilSettings]> = [
    ['defaults', DEFAULT_FELLESFEIL_SETTINGS],
    ['window 5 min', variant({ windowMinutes: 5 })],
    ['window 15 min', variant({ windowMinutes: 15 })],
    ['window 20 min', variant({ windowMinutes: 20 })],
    ['3 reports, 3 virksomheter', variant({ minOrganisations: 3 })],
    ['4 reports, 2 virksomheter', variant({ minReports: 4 })],
    ['no baseline', variant({}, { falseAlarmRate: 0 })],
    ['false-alarm rate 0.0005', variant({}, { falseAlarmRate: 0.0005 })],
    ['false-alarm rate 0.005', variant({}, { falseAlarmRate: 0.005 })],
    ['false-alarm rate 0.01', variant({}, { falseAlarmRate: 0.01 })],
    ['peak factor 1', variant({}, { peakFactor: 1 })],
    ['peak factor 2', variant({}, { peakFactor: 2 })],
    ['no scan', variant({}, { scanFalseAlarmRate: 0 })],
    ['scan kept to the window', variant({}, { scanMinutes: undefined })],
    ['scan rate 0.002', variant({}, { scanFalseAlarmRate: 0.002 })],
    ['scope answer not read', variant({}, { wideShare: 0 })],
    ['every report of a virksomhet counts', variant({}, { reportsPerOrganisation: undefined })],
    ['one report per virksomhet', variant({}, { reportsPerOrganisation: 1 })],
    [
      'before the scope answer (every report, no answer read)',
      variant({}, { wideShare: 0, reportsPerOrganisation: undefined }),
    ],
    ['not evened out', variant({}, { referencePerDay: undefined })],
    [
      'before the scan (count only, 0.002)',
      variant({}, { falseAlarmRate: 0.002, scanFalseAlarmRate: 0, referencePerDay: undefined }),
    ],
  ];
  const noisy: Scenario = { ...BASE, label: 'noise x2', noise: 2 };
  for (const [label, v] of variants) console.log(row(label, over(BASE, v)));
  for (const [label, v] of variants) console.log(row(`${label}, noise x2`, over(noisy, v)));
}
