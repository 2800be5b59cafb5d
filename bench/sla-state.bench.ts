/**
 * SLA state throughput: `computeSla` over 100 000 random case timelines under the ROR-IKT preset
 * (Oslo, Mon–Fri 08:00–15:30, Norwegian holidays). Each timeline has a few events: a claim, one or two
 * waits (supplier pauses, third line does not, reporter pauses), a priority change, sometimes a
 * solution and a rejection, received at a random instant in 2025–2028. Inputs are seeded, so every
 * run measures the same work. Prints cases per second for a cold pass (calendars compile lazily) and
 * the best of three warm passes, and the mix of states as a check that the work is varied.
 */
import { performance } from 'node:perf_hooks';
import type { CaseEvent, CaseEventBody, Person, WaitReason } from '../shared/cases/model';
import { eventId, isoInstant, priorityId, userId } from '../shared/ids';
import { PRESETS } from '../shared/sla/presets';
import type { SlaPolicy } from '../shared/sla/policy';
import { computeSla, slaSummary, type SlaCaseInput } from '../shared/sla/state';
import { addWorkingDays } from '../shared/sla/working-days';

export const name = 'SLA state (computeSla) over 100 000 case timelines, ROR-IKT';

const CASES = 100_000;
const PRIORITIES = ['kritisk', 'hoy', 'middels', 'lav'] as const;
const REASONS: WaitReason[] = ['supplier', 'third_line', 'reporter'];

/** mulberry32: a small seeded PRNG, so the inputs are the same on every run. */
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

const reporter: Person = { id: userId('u-reporter'), name: 'Reporter' };
const agent: Person = { id: userId('u-agent'), name: 'Agent' };

interface Input {
  c: SlaCaseInput;
  now: Date;
}

function timelines(n: number): Input[] {
  const rnd = prng(20261122);
  const int = (min: number, max: number) => min + Math.floor(rnd() * (max - min + 1));
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
  const from = Date.UTC(2025, 0, 1);
  const span = Date.UTC(2028, 11, 1) - from;
  const out: Input[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = from + Math.floor(rnd() * span);
    let t = t0;
    const first = pick(PRIORITIES);
    let current: string = first;
    const events: CaseEvent[] = [];
    const push = (body: CaseEventBody, role: 'reporter' | 'desk' = 'desk') =>
      events.push({
        ...body,
        id: eventId(`e${events.length + 1}`),
        at: isoInstant(new Date(t)),
        by: { kind: 'user', ...(role === 'desk' ? agent : reporter) },
        byRole: role,
      });
    const later = (maxMinutes: number) => (t += int(1, maxMinutes) * 60_000);
    push({ type: 'created', priority: priorityId(first) }, 'reporter');
    later(300);
    push({ type: 'claimed', assignee: agent });
    for (let w = int(1, 2); w > 0; w--) {
      later(600);
      push({ type: 'waiting_started', reason: pick(REASONS) });
      later(2000);
      push({ type: 'waiting_ended' });
    }
    later(600);
    const to = pick(PRIORITIES.filter((p) => p !== current));
    push({ type: 'priority_changed', from: priorityId(current), to: priorityId(to) });
    current = to;
    if (rnd() < 0.5) {
      later(1500);
      push({ type: 'solved', solution: 'Fixed.' });
      if (rnd() < 0.3) {
        later(1500);
        push({ type: 'solution_rejected', comment: 'Still broken.' }, 'reporter');
      }
    }
    later(3000);
    out.push({
      c: { events, receivedAt: isoInstant(new Date(t0)), reporter, priority: priorityId(first) },
      now: new Date(t),
    });
  }
  return out;
}

function pass(inputs: Input[], policy: SlaPolicy = PRESETS['ror-ikt']): { ms: number; checksum: number } {
  let checksum = 0;
  const start = performance.now();
  for (const { c, now } of inputs) {
    const s = computeSla(c, policy, now);
    checksum += s.resolution.dueAt ? s.resolution.dueAt.getTime() % 1000 : 0;
  }
  return { ms: performance.now() - start, checksum };
}

const rate = (n: number, ms: number) => Math.round((n / ms) * 1000).toLocaleString('en-US');

export async function run(): Promise<void> {
  const t = performance.now();
  const inputs = timelines(CASES);
  const events = inputs.reduce((s, x) => s + x.c.events.length, 0);
  console.log(
    `inputs: ${CASES.toLocaleString('en-US')} timelines, ${(events / CASES).toFixed(1)} events each on average (built in ${Math.round(performance.now() - t)} ms)`,
  );

  const cold = pass(inputs);
  console.log(`computeSla, cold pass: ${rate(CASES, cold.ms)} cases/s (${Math.round(cold.ms)} ms)`);
  let best = Infinity;
  for (let i = 0; i < 3; i++) {
    const p = pass(inputs);
    if (p.checksum !== cold.checksum) throw new Error('computeSla is not deterministic');
    best = Math.min(best, p.ms);
  }
  console.log(`computeSla, best of 3 warm passes: ${rate(CASES, best)} cases/s (${Math.round(best)} ms)`);

  const policy = PRESETS['ror-ikt'];
  const s0 = performance.now();
  for (const { c } of inputs) slaSummary(c, policy);
  const summaryMs = performance.now() - s0;
  console.log(`slaSummary (as of the last event): ${rate(CASES, summaryMs)} cases/s`);

  // Attribution: the working-day deadlines alone (one addWorkingDays per Middels/Lav case).
  const wd = inputs
    .map(({ c, now }) => ({
      c,
      spec: policy.priorities.find((p) => p.id === computeSla(c, policy, now).priority)!,
    }))
    .filter((x) => x.spec.resolution.kind === 'working_days');
  const w0 = performance.now();
  for (const { c, spec } of wd)
    if (spec.resolution.kind === 'working_days')
      addWorkingDays(new Date(c.receivedAt), spec.resolution.days, policy.calendar);
  const wdMs = performance.now() - w0;
  console.log(
    `of which addWorkingDays for the ${wd.length.toLocaleString('en-US')} working-day targets: ${rate(wd.length, wdMs)} calls/s (${Math.round(wdMs)} ms)`,
  );

  // The same timelines with working-day targets replaced by business minutes (450 a day): the cost of
  // the rest of computeSla, without addWorkingDays.
  const minutesOnly: SlaPolicy = {
    ...policy,
    priorities: policy.priorities.map((p) =>
      p.resolution.kind === 'working_days'
        ? { ...p, resolution: { kind: 'business_minutes', minutes: p.resolution.days * 450 } }
        : p,
    ),
  };
  pass(inputs, minutesOnly);
  const mo = pass(inputs, minutesOnly);
  console.log(`computeSla with working days as business minutes: ${rate(CASES, mo.ms)} cases/s`);

  const mix: Record<string, number> = {};
  for (const { c, now } of inputs) {
    const s = computeSla(c, policy, now);
    for (const k of ['response', 'resolution'] as const)
      mix[`${k}:${s[k].state}`] = (mix[`${k}:${s[k].state}`] ?? 0) + 1;
  }
  console.log(
    `state mix: ${Object.entries(mix)
      .sort()
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}`,
  );
  return Promise.resolve();
}
