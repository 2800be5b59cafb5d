/**
 * A year of realistic load, shared by the store, report and tab benches. Deterministic: the same seed
 * gives the same cases.
 *
 * - **Desks and services.** The three preset desks with their own policies. Each desk has a catalogue
 *   whose services are weighted by how often they are reported, and a share of them are critical:
 *   life and health, high uptime, citizen-facing (`ServiceCriticality`).
 * - **When.** Cases are received mostly on weekdays in office hours (Oslo time), and sometimes in the
 *   evening or at the weekend.
 * - **What.** Each case is a fault report made through `openCaseWithSla`. Its answers are drawn: who is
 *   hit (the scope) and whether all of the service is down. Its priority is the product's own
 *   suggestion from those answers and the service's criticality. That is seed 004 §5.6's definitions
 *   (`shared/cases/priority.ts`), so the priority mix follows from them rather than being drawn.
 * - **The desk's work.** The work goes through the real lifecycle (`applyCommand`), at drawn times:
 *   - claim it; sometimes change the priority;
 *   - public comments and internal notes;
 *   - waiting on the reporter or the supplier, then resuming;
 *   - escalating;
 *   - solving it; the reporter sometimes rejects the solution, which reopens the case, and it is solved
 *     again;
 *   - accepted by the reporter, or closed for no answer.
 *   A step whose time is after `now` is not taken, so the latest cases are still open where the work
 *   had got to.
 * - **Notices.** The year's driftsmeldinger (`yearOfNotices`): planned maintenance, outages and
 *   degraded service on the desks' services.
 */
import { applyCommand, type CaseCommand } from '../shared/cases/lifecycle';
import type { Case, FaultChecklist, Person, ReporterRole } from '../shared/cases/model';
import { openCaseWithSla } from '../shared/cases/open-case';
import type { Service, ServiceCriticality } from '../shared/desks/model';
import {
  deskId,
  isoInstant,
  orgId,
  serviceId,
  userId,
  type CaseRef,
  type DeskId,
  type OrgId,
} from '../shared/ids';
import type { Notice } from '../shared/notices/model';
import type { NewCase } from '../shared/ports';
import { PRESETS } from '../shared/sla/presets';
import type { SlaPolicy } from '../shared/sla/policy';

/** A deterministic pseudo-random sequence in [0, 1). */
export function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** One of `items` by weight. */
function pick<T>(rand: () => number, items: ReadonlyArray<readonly [T, number]>): T {
  const total = items.reduce((n, [, w]) => n + w, 0);
  let x = rand() * total;
  for (const [item, w] of items) if ((x -= w) < 0) return item;
  return items[items.length - 1]![0];
}

/** Minutes drawn from an exponential distribution with the given mean. */
const exp = (rand: () => number, mean: number): number => -Math.log(1 - rand()) * mean;

export interface LoadDesk {
  id: DeskId;
  policy: SlaPolicy;
  /** Its share of the municipality's cases. */
  share: number;
  orgs: OrgId[];
  services: Service[];
  /** Services weighted by how often they are reported (a few carry most of the reports). */
  serviceWeights: number[];
  agents: Person[];
}

const CRITICALITY: ReadonlyArray<readonly [ServiceCriticality, number]> = [
  ['normal', 70],
  ['citizen_facing', 12],
  ['high_uptime', 12],
  ['life_and_health', 6],
];

function desk(
  id: string,
  policy: SlaPolicy,
  share: number,
  orgs: number,
  services: number,
  rand: () => number,
): LoadDesk {
  const d = deskId(id);
  return {
    id: d,
    policy,
    share,
    orgs: Array.from({ length: orgs }, (_, k) => orgId(`${id}-org-${k}`)),
    services: Array.from({ length: services }, (_, k) => ({
      id: serviceId(`${id}-svc-${k}`),
      name: `Tjeneste ${k} (${id})`,
      deskId: d,
      criticality: pick(rand, CRITICALITY),
      supplier: k % 3 === 0 ? 'Driftsleverandør AS' : undefined,
    })),
    // Zipf-like: the k-th service is reported about 1/(k+1) as often as the first.
    serviceWeights: Array.from({ length: services }, (_, k) => 1 / (k + 1)),
    agents: Array.from({ length: 6 }, (_, k) => ({ id: userId(`${id}-agent-${k}`), name: `Agent ${k}` })),
  };
}

/**
 * The three preset desks of a municipality like Oslo's plan: UKE's service desk takes most of the
 * cases, then ROR-IKT and Byarkivet (WebSak). Organisation ids are `<desk>-org-<k>`.
 */
export function loadDesks(seed = 7): LoadDesk[] {
  const rand = rng(seed);
  return [
    desk('uke', PRESETS['uke-servicesenter'], 0.6, 50, 40, rand),
    desk('ror-ikt', PRESETS['ror-ikt'], 0.25, 4, 25, rand),
    desk('byarkivet', PRESETS['byarkivet-websak'], 0.15, 15, 8, rand),
  ];
}

/** Desks as the store keeps them, for a bench to `desks.put` before its cases. */
export function storedDesk(d: LoadDesk) {
  return {
    id: d.id,
    name: d.id,
    orgIds: d.orgs,
    policy: d.policy,
    phone: '0',
    noticeChannels: [],
    members: d.agents.map((a) => a.id),
    escalationContacts: [],
    autoCloseWorkingDays: 5,
  };
}

const SCOPES: ReadonlyArray<readonly [FaultChecklist['scope'], number]> = [
  ['me', 70],
  ['department', 18],
  ['organisation', 9],
  ['several_organisations', 3],
];
const ROLES: ReadonlyArray<readonly [ReporterRole, number]> = [
  ['employee', 80],
  ['superuser', 15],
  ['first_line', 5],
];
const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/**
 * `n` receipt instants in [from, to), in order: nine in ten on a weekday between 07:30 and 16:00 (Oslo,
 * taken as UTC+1, close enough for load), the rest at any hour of any day.
 */
function receipts(n: number, from: number, to: number, rand: () => number): number[] {
  const out: number[] = [];
  while (out.length < n) {
    const day = from + Math.floor(rand() * ((to - from) / DAY_MS)) * DAY_MS;
    const weekday = new Date(day).getUTCDay() % 6 !== 0;
    const at =
      rand() < 0.9 ? (weekday ? day + 6.5 * HOUR_MS + rand() * 8.5 * HOUR_MS : -1) : day + rand() * DAY_MS;
    if (at >= from && at < to) out.push(Math.floor(at));
  }
  return out.sort((a, b) => a - b);
}

export interface YearOptions {
  seed: number;
  desks: LoadDesk[];
  /** How many cases, over [from, to) (ms). */
  cases: number;
  from: number;
  to: number;
  /** No step of the work after this instant (ms): the newest cases are still open. */
  now: number;
  /** Distinct reporters, `u-<k>`. */
  reporters: number;
  /** Only the work before solving (every case open), as a desk queue of open cases. */
  openOnly?: boolean;
  /** Only this desk's cases (else by the desks' shares). */
  onlyDesk?: DeskId;
  /** Each case's client key: `<prefix>-<i>`. */
  keyPrefix?: string;
}

/** The cases of the year, in order of receipt (each as the store's `create` takes it). */
export function yearOfCases(o: YearOptions): NewCase[] {
  const rand = rng(o.seed);
  const at = receipts(o.cases, o.from, o.to, rand);
  const desks = o.onlyDesk ? o.desks.filter((d) => d.id === o.onlyDesk) : o.desks;
  const byShare = desks.map((d) => [d, d.share] as const);
  return at.map((receivedMs, i) => {
    const d = pick(rand, byShare);
    return oneCase(i, receivedMs, d, o, rand);
  });
}

function oneCase(i: number, receivedMs: number, d: LoadDesk, o: YearOptions, rand: () => number): NewCase {
  const service = pick(
    rand,
    d.services.map((s, k) => [s, d.serviceWeights[k]!] as const),
  );
  const reporter: Person = { id: userId(`u-${Math.floor(rand() * o.reporters)}`), name: 'Ansatt' };
  const scope = pick(rand, SCOPES);
  const availability = rand() < 0.35 ? 'all' : 'partial';
  const opened = openCaseWithSla(
    {
      deskId: d.id,
      orgId: d.orgs[Math.floor(rand() * d.orgs.length)]!,
      kind: 'fault',
      faultType: 'functional',
      serviceId: service.id,
      title: `Sak ${i}: ${service.name} ${availability === 'all' ? 'er nede' : 'svarer tregt'}`,
      checklist: {
        symptom: 'Innlogging henger etter passord, og siden blir blank.',
        triedSoFar: 'Startet PC-en på nytt',
        scope,
        availability,
        startedAt: isoInstant(new Date(receivedMs - Math.floor(rand() * 30) * 60_000)),
      },
      reporterRole: pick(rand, ROLES),
      followers: [],
      clientKey: `${o.keyPrefix ?? 'load'}-${i}`,
    },
    { policy: d.policy, service, now: new Date(receivedMs), reporter },
  );
  let c = { ...opened.case, ref: 'FV-0000-000000' as CaseRef } as Case;
  const agent = d.agents[Math.floor(rand() * d.agents.length)]!;
  // Faster answers for more urgent cases: the level is the priority's place in the desk's scheme.
  const level = Math.max(
    1,
    d.policy.priorities.findIndex((p) => p.id === c.priority),
  );
  let t = receivedMs;
  const step = (minutes: number, cmd: CaseCommand, role: 'desk' | 'reporter' | 'system'): boolean => {
    t += Math.max(1, Math.round(minutes)) * 60_000;
    if (t > o.now) return false;
    const actor =
      role === 'system'
        ? ({ kind: 'system', name: 'Fristvakt' } as const)
        : ({ kind: 'user', ...(role === 'desk' ? agent : reporter) } as const);
    c = applyCommand(c, cmd, { actor, role, now: new Date(t), policy: d.policy }).case;
    return true;
  };
  const work = (): void => {
    if (!step(exp(rand, 15 * level), { type: 'claim' }, 'desk')) return;
    if (rand() < 0.08) {
      const other = d.policy.priorities[Math.floor(rand() * d.policy.priorities.length)]!.id;
      if (other !== c.priority && !step(5, { type: 'change_priority', to: other, reason: 'Vurdert' }, 'desk'))
        return;
    }
    if (
      rand() < 0.6 &&
      !step(exp(rand, 30), { type: 'comment', visibility: 'public', text: 'Vi ser på det.' }, 'desk')
    )
      return;
    if (
      rand() < 0.3 &&
      !step(exp(rand, 20), { type: 'comment', visibility: 'internal', text: 'Logg sjekket.' }, 'desk')
    )
      return;
    if (rand() < 0.25) {
      const reason = rand() < 0.5 ? 'reporter' : 'supplier';
      if (!step(exp(rand, 60), { type: 'wait', reason }, 'desk')) return;
      if (!step(exp(rand, reason === 'supplier' ? 24 * 60 : 8 * 60), { type: 'resume' }, 'desk')) return;
    }
    if (rand() < 0.12) {
      // To the next line; the 3rd line holds the case (it waits) until it hands it back.
      const toLine = c.line === 'first' ? 'second' : 'third';
      if (!step(exp(rand, 60), { type: 'escalate', toLine }, 'desk')) return;
      if (toLine === 'third' && !step(exp(rand, 4 * 60), { type: 'resume' }, 'desk')) return;
    }
    if (o.openOnly) return;
    if (
      !step(exp(rand, 90 * level * level), { type: 'solve', solution: 'Løst: tilgangen er rettet.' }, 'desk')
    )
      return;
    if (rand() < 0.08) {
      if (!step(exp(rand, 120), { type: 'reject', comment: 'Fortsatt feil.' }, 'reporter')) return;
      if (!step(exp(rand, 240), { type: 'solve', solution: 'Løst igjen.' }, 'desk')) return;
    }
    if (rand() < 0.6) step(exp(rand, 8 * 60), { type: 'accept' }, 'reporter');
    else step(5 * 24 * 60 + exp(rand, 60), { type: 'close', reason: 'no_answer' }, 'system');
  };
  work();
  const { ref: _ref, ...stored } = c;
  return stored;
}

/**
 * The year's driftsmeldinger for the desks: about two a month per desk, planned maintenance, outages
 * and degraded service on one service each, resolved unless still running at `now`.
 */
export function yearOfNotices(o: Pick<YearOptions, 'seed' | 'desks' | 'from' | 'to' | 'now'>): Notice[] {
  const rand = rng(o.seed + 1);
  const out: Notice[] = [];
  const months = Math.max(1, Math.round((o.to - o.from) / (30 * DAY_MS)));
  for (const d of o.desks)
    for (let k = 0; k < months * 2; k += 1) {
      const starts = o.from + rand() * (o.to - o.from);
      const hours = 1 + exp(rand, 3);
      const ends = starts + hours * HOUR_MS;
      const planned = rand() < 0.4;
      const service = d.services[Math.floor(rand() * d.services.length)]!;
      const iso = (ms: number) => isoInstant(new Date(Math.floor(ms)));
      out.push({
        id: `${d.id}-notice-${k}` as Notice['id'],
        deskId: d.id,
        kind: planned ? 'planned_maintenance' : rand() < 0.5 ? 'outage' : 'degraded',
        status: ends <= o.now ? 'resolved' : 'active',
        serviceIds: [service.id],
        title: `${service.name}: ${planned ? 'planlagt vedlikehold' : 'driftsavbrudd'}`,
        text: planned ? 'Tjenesten er utilgjengelig under vedlikeholdet.' : 'Vi jobber med feilen.',
        startsAt: iso(starts),
        expectedEndAt: iso(ends),
        ...(ends <= o.now ? { resolvedAt: iso(ends) } : {}),
        linkedCaseRefs: [],
        posted: [],
        createdAt: iso(starts - (planned ? 4 * DAY_MS : 0)),
        createdBy: { kind: 'user', id: d.agents[0]!.id, name: d.agents[0]!.name },
        updatedAt: iso(Math.min(ends, o.now)),
      });
    }
  return out;
}
