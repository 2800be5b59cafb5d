/**
 * Business-time engine throughput: `addBusinessMinutes` and `businessMinutesBetween` on the
 * same 200 000 random inputs (Oslo, Mon–Fri 08:00–15:30, Norwegian holidays 2025–2028, spans up to
 * 10 working days), and the same inputs through `moment-business-time` on a sample, with its rate,
 * the ratio, and how many of its results differ from ours beyond the known boundary conventions.
 * Also `addWorkingDays` (1–10 working days) on the same starts.
 * Targets: >= 2 000 000 addBusinessMinutes/s on one core, >= 1000× moment-business-time,
 * >= 1 000 000 addWorkingDays/s (the SLA watcher sweeps 50 000 open cases in < 1 s).
 * Then the same inputs on a calendar with the desk's own days (a staff day a month, romjul closed,
 * 24 and 31 December shortened, 2025–2028), which must be as fast (its days are compiled once), and
 * `cutOffDeadline` (12:00) on the same starts.
 */
import moment from 'moment';
import 'moment-business-time';
import {
  addBusinessMinutes,
  businessMinutesBetween,
  norwegianHolidays,
  type BusinessCalendar,
} from '../shared/sla';
import { cutOffDeadline } from '../shared/sla/cut-off';
import { addWorkingDays } from '../shared/sla/working-days';
import { median } from './stats';

export const name = 'business time (shared/sla)';

const N = 200_000;
const SAMPLE = 2_000;
const ROUNDS = 5;
const DAY = 86_400_000;

/** moment-business-time's additions to a moment (the package ships no types). */
interface BusinessMoment {
  addWorkingTime(amount: number, unit: 'minutes'): moment.Moment;
  workingDiff(other: moment.Moment, unit: 'minutes', precise: true): number;
}
const business = (m: moment.Moment): BusinessMoment => m as unknown as BusinessMoment;

/** A small seeded PRNG (mulberry32), so every run uses the same inputs. */
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

interface Inputs {
  starts: number[];
  minutes: number[];
  ends: number[];
}

/**
 * Starts uniform over 2025-01-01 … 2028-06-30 to the millisecond (open and closed time alike);
 * 1 to 4 500 whole minutes (up to 10 working days of 7.5 h); `between` ends up to 14 days later.
 */
function makeInputs(): Inputs {
  const rand = prng(20261122);
  const from = Date.parse('2025-01-01T00:00:00+01:00');
  const to = Date.parse('2028-06-30T00:00:00+02:00');
  const starts: number[] = [];
  const minutes: number[] = [];
  const ends: number[] = [];
  for (let i = 0; i < N; i++) {
    const s = from + Math.floor(rand() * (to - from));
    starts.push(s);
    minutes.push(1 + Math.floor(rand() * 4500));
    ends.push(s + Math.floor(rand() * 14 * DAY));
  }
  return { starts, minutes, ends };
}

/** Runs `body` ROUNDS times over all inputs and returns the median ops/s. */
function measure(count: number, body: () => number): { opsPerSec: number; checksum: number } {
  const rates: number[] = [];
  let checksum = 0;
  for (let r = 0; r < ROUNDS; r++) {
    const t0 = process.hrtime.bigint();
    checksum += body();
    const ns = Number(process.hrtime.bigint() - t0);
    rates.push(count / (ns / 1e9));
  }
  return { opsPerSec: median(rates), checksum };
}

/** Starts exactly at a weekday's opening or closing in 2026, with 0, 1, 450 and 451 minutes. */
function boundaryProbe(cal: BusinessCalendar): Array<{ start: number; mins: number }> {
  const out: Array<{ start: number; mins: number }> = [];
  for (let day = Date.parse('2026-01-05T12:00:00Z'); out.length < 400; day += 3 * DAY) {
    const date = new Date(day).toISOString().slice(0, 10);
    for (const clock of ['08:00', '15:30']) {
      const t = Date.parse(`${date}T${clock}:00${offsetOf(date)}`);
      if (!cal.holidays.includes(date) && [1, 2, 3, 4, 5].includes(new Date(day).getUTCDay() || 7)) {
        for (const mins of [0, 1, 450, 451]) out.push({ start: t, mins });
      }
    }
  }
  return out;
}

/** Oslo's UTC offset on a 2026 date: CEST between the last Sundays of March and October. */
const offsetOf = (date: string): string =>
  date >= '2026-03-29' && date < '2026-10-25' ? '+02:00' : '+01:00';

const fmt = (n: number): string => Math.round(n).toLocaleString('en-US');

export function run(): Promise<void> {
  const p = [{ from: '08:00', to: '15:30' }];
  const holidays = [2025, 2026, 2027, 2028].flatMap((y) => norwegianHolidays(y));
  const cal: BusinessCalendar = { zone: 'Europe/Oslo', week: { 1: p, 2: p, 3: p, 4: p, 5: p }, holidays };
  const { starts, minutes, ends } = makeInputs();
  const startDates = starts.map((t) => new Date(t));
  const endDates = ends.map((t) => new Date(t));

  const c0 = process.hrtime.bigint();
  addBusinessMinutes(startDates[0]!, minutes[0]!, cal);
  const firstCallMs = Number(process.hrtime.bigint() - c0) / 1e6;
  // Warm-up (also compiles the calendar's other years once).
  for (let i = 0; i < N; i++) {
    addBusinessMinutes(startDates[i]!, minutes[i]!, cal);
    businessMinutesBetween(startDates[i]!, endDates[i]!, cal);
  }

  const add = measure(N, () => {
    let sum = 0;
    for (let i = 0; i < N; i++) sum += addBusinessMinutes(startDates[i]!, minutes[i]!, cal).getTime() % 1000;
    return sum;
  });
  const between = measure(N, () => {
    let sum = 0;
    for (let i = 0; i < N; i++) sum += businessMinutesBetween(startDates[i]!, endDates[i]!, cal);
    return sum;
  });
  // addWorkingDays on the same starts, 1–10 working days (minutes / 450 + 1: a working day is 7.5 h).
  const days = minutes.map((m) => 1 + Math.floor((m - 1) / 450));
  for (let i = 0; i < N; i++) addWorkingDays(startDates[i]!, days[i]!, cal);
  const workingDays = measure(N, () => {
    let sum = 0;
    for (let i = 0; i < N; i++) sum += addWorkingDays(startDates[i]!, days[i]!, cal).getTime() % 1000;
    return sum;
  });
  console.log(
    `inputs: ${fmt(N)} (Oslo, Mon–Fri 08:00–15:30, holidays 2025–2028, 1–4500 min, median of ${ROUNDS} runs)`,
  );
  console.log(`addBusinessMinutes:     ${fmt(add.opsPerSec)} ops/s  (target >= 2,000,000)`);
  console.log(`businessMinutesBetween: ${fmt(between.opsPerSec)} ops/s`);
  console.log(`addWorkingDays (1–10):   ${fmt(workingDays.opsPerSec)} ops/s  (target >= 1,000,000)`);
  console.log(`first call (validates the calendar, compiles its first year): ${firstCallMs.toFixed(1)} ms`);

  // The same inputs on a calendar with the desk's own days.
  const own: BusinessCalendar = { ...cal, closedDays: [], shortenedDays: [] };
  for (let y = 2025; y <= 2028; y++) {
    for (let m = 1; m <= 12; m++)
      own.closedDays!.push({ date: `${y}-${String(m).padStart(2, '0')}-15`, name: 'Personaldag' });
    for (const d of ['27', '28', '29', '30']) own.closedDays!.push({ date: `${y}-12-${d}`, name: 'Romjul' });
    for (const d of ['24', '31'])
      own.shortenedDays!.push({ date: `${y}-12-${d}`, periods: [{ from: '08:00', to: '12:00' }] });
  }
  own.closedDays = own.closedDays!.filter((d) => !holidays.includes(d.date));
  const o0 = process.hrtime.bigint();
  addBusinessMinutes(startDates[0]!, minutes[0]!, own);
  const ownFirstMs = Number(process.hrtime.bigint() - o0) / 1e6;
  for (let i = 0; i < N; i++) addBusinessMinutes(startDates[i]!, minutes[i]!, own);
  const ownAdd = measure(N, () => {
    let sum = 0;
    for (let i = 0; i < N; i++) sum += addBusinessMinutes(startDates[i]!, minutes[i]!, own).getTime() % 1000;
    return sum;
  });
  for (let i = 0; i < N; i++) cutOffDeadline(startDates[i]!, '12:00', own);
  const cutOff = measure(N, () => {
    let sum = 0;
    for (let i = 0; i < N; i++) sum += cutOffDeadline(startDates[i]!, '12:00', own).getTime() % 1000;
    return sum;
  });
  console.log(
    `with the desk's own days (${own.closedDays.length} closed, ${own.shortenedDays!.length} shortened):`,
  );
  console.log(`  addBusinessMinutes:   ${fmt(ownAdd.opsPerSec)} ops/s  (target >= 2,000,000)`);
  console.log(`  cutOffDeadline 12:00: ${fmt(cutOff.opsPerSec)} ops/s  (target >= 1,000,000)`);
  console.log(`  first call (validates, compiles its first year): ${ownFirstMs.toFixed(1)} ms`);

  // moment-business-time works in the process's local zone: Oslo for this part.
  const savedTz = process.env.TZ;
  process.env.TZ = 'Europe/Oslo';
  try {
    const wh = ['08:00:00', '15:30:00'];
    moment.updateLocale('en', {
      workinghours: { 0: null, 1: wh, 2: wh, 3: wh, 4: wh, 5: wh, 6: null },
      holidays,
    } as moment.LocaleSpecification);
    const step = Math.floor(N / SAMPLE);
    const idx = Array.from({ length: SAMPLE }, (_, k) => k * step);
    const theirsAdd: number[] = [];
    const theirsBetween: number[] = [];
    const t0 = process.hrtime.bigint();
    for (const i of idx)
      theirsAdd.push(business(moment(starts[i])).addWorkingTime(minutes[i]!, 'minutes').valueOf());
    const addNs = Number(process.hrtime.bigint() - t0);
    const t1 = process.hrtime.bigint();
    for (const i of idx)
      theirsBetween.push(business(moment(ends[i])).workingDiff(moment(starts[i]), 'minutes', true));
    const betweenNs = Number(process.hrtime.bigint() - t1);
    const peerAdd = SAMPLE / (addNs / 1e9);
    const peerBetween = SAMPLE / (betweenNs / 1e9);

    // Differences. The one known convention: where both results are the same business position
    // (no business time between them), e.g. one is a closing and the other the next opening.
    let addConvention = 0;
    let addOther = 0;
    let betweenOther = 0;
    const examples: string[] = [];
    idx.forEach((i, k) => {
      const ours = addBusinessMinutes(startDates[i]!, minutes[i]!, cal).getTime();
      const theirs = theirsAdd[k]!;
      if (ours !== theirs) {
        if (businessMinutesBetween(new Date(ours), new Date(theirs), cal) === 0) addConvention++;
        else {
          addOther++;
          if (examples.length < 5) {
            examples.push(
              `  add ${new Date(starts[i]!).toISOString()} + ${minutes[i]}: ours ${new Date(ours).toISOString()}, theirs ${new Date(theirs).toISOString()}`,
            );
          }
        }
      }
      const oursB = businessMinutesBetween(startDates[i]!, endDates[i]!, cal);
      if (Math.abs(oursB - theirsBetween[k]!) > 1e-6) {
        betweenOther++;
        if (examples.length < 5) {
          examples.push(
            `  between ${new Date(starts[i]!).toISOString()} … ${new Date(ends[i]!).toISOString()}: ours ${oursB}, theirs ${theirsBetween[k]}`,
          );
        }
      }
    });
    console.log(`moment-business-time (sample of ${fmt(SAMPLE)} of the same inputs, TZ=Europe/Oslo):`);
    console.log(
      `  addWorkingTime: ${fmt(peerAdd)} ops/s  → ours is ${fmt(add.opsPerSec / peerAdd)}× faster (target >= 1000×)`,
    );
    console.log(
      `  workingDiff:    ${fmt(peerBetween)} ops/s  → ours is ${fmt(between.opsPerSec / peerBetween)}× faster`,
    );
    console.log(
      `  add results that differ: ${addConvention} by the boundary convention (same business position), ${addOther} otherwise`,
    );
    console.log(`  between results that differ by more than 1e-6 min: ${betweenOther}`);
    for (const e of examples) console.log(e);

    // Boundary probe (not part of the random inputs): starts exactly at an opening or a closing,
    // 0 or more minutes. moment-business-time returns a start at closing unchanged for 0 minutes,
    // where ours gives the next opening (half-open periods: closing time is closed).
    const probe = boundaryProbe(cal);
    let probeConvention = 0;
    let probeOther = 0;
    const probeExamples: string[] = [];
    for (const { start, mins } of probe) {
      const ours = addBusinessMinutes(new Date(start), mins, cal).getTime();
      const theirs = business(moment(start)).addWorkingTime(mins, 'minutes').valueOf();
      if (ours === theirs) continue;
      if (
        businessMinutesBetween(new Date(Math.min(ours, theirs)), new Date(Math.max(ours, theirs)), cal) === 0
      ) {
        probeConvention++;
        if (probeExamples.length < 2) {
          probeExamples.push(
            `  e.g. ${new Date(start).toISOString()} + ${mins}: ours ${new Date(ours).toISOString()}, theirs ${new Date(theirs).toISOString()}`,
          );
        }
      } else probeOther++;
    }
    console.log(
      `  boundary probe (${probe.length} starts exactly at 08:00 or 15:30, +0/1/450/451 min): ${probeConvention} differ by the convention above, ${probeOther} otherwise`,
    );
    for (const e of probeExamples) console.log(e);
  } finally {
    if (savedTz === undefined) delete process.env.TZ;
    else process.env.TZ = savedTz;
  }
  console.log(
    `(checksums ${add.checksum.toFixed(0)} ${between.checksum.toFixed(3)} ${workingDays.checksum.toFixed(0)} ${ownAdd.checksum.toFixed(0)} ${cutOff.checksum.toFixed(0)})`,
  );
  return Promise.resolve();
}
