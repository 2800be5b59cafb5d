/**
 * The words of an SLA clock, the same on every surface (the tab's list and case view; the bot's cards
 * may use it too): given a target's state at `now`, the desk's calendar, `now` and the locale.
 *
 * - Business time says so: "15 min arbeidstid igjen" ("15 business min left"); a target that counts
 *   real time (a critical priority around the clock) says "15 min igjen".
 * - Outside opening hours a business clock stands still; the words say when it starts again:
 *   "klokken står – starter torsdag kl. 08:00".
 * - Late is written as a positive amount after the words: "2 t arbeidstid over fristen". "−0 min" is
 *   never shown: a deadline passed less than a minute of counted time ago (or at a closing time, when
 *   the remaining business minutes stay 0 until the next opening) reads "fristen gikk ut kl. 15:30".
 * - A paused clock shows the time left, and says that its deadline moves: "frist flyttes når saken
 *   fortsetter".
 * - Past one working day, whole hours are enough ("2 d 6 t"); a working day is the calendar's
 *   business minutes on a typical weekday (450 for 08:00–15:30), a day around the clock 1440.
 *
 * Pure: no clock is read (`now` is passed in) and nothing is stored.
 */
import { SLA_STATE_LABELS } from '../cases/labels';
import { rememberByMinute } from '../dates';
import type { Locale } from '../i18n-text';
import type { BusinessCalendar } from './index';
import { isBusinessTime, nextOpening } from './calendar-time';
import type { SlaState, TargetState } from './state';

export interface ClockTextOptions {
  calendar: BusinessCalendar;
  now: Date;
  locale: Locale;
}

export interface ClockText {
  state: SlaState;
  /** The state in words: "I rute", "Brutt". */
  label: string;
  /** The amount in words, '' when none: "15 min arbeidstid igjen", "2 t arbeidstid over fristen". */
  time: string;
  /** Why the clock does not move, when it does not: "klokken står – starter torsdag kl. 08:00". */
  note?: string;
  /** All of it on one line: "I fare · 15 min arbeidstid igjen · klokken står – starter …". */
  text: string;
}

const WORDS = {
  nb: {
    business: 'arbeidstid',
    left: (amount: string) => `${amount} igjen`,
    late: (amount: string) => `${amount} over fristen`,
    passedAt: (when: string) => `fristen gikk ut ${when}`,
    stands: (when: string) => `klokken står – starter ${when}`,
    moves: 'frist flyttes når saken fortsetter',
    at: 'kl.',
    today: '',
    tomorrow: 'i morgen',
    hour: 't',
    day: 'd',
  },
  en: {
    business: 'business time',
    left: (amount: string) => `${amount} left`,
    late: (amount: string) => `${amount} late`,
    passedAt: (when: string) => `deadline passed ${when}`,
    stands: (when: string) => `clock stopped – starts ${when}`,
    moves: 'deadline moves when the case resumes',
    at: 'at',
    today: '',
    tomorrow: 'tomorrow',
    hour: 'h',
    day: 'd',
  },
} as const;

const toMinutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** Business minutes in a typical working day of the calendar (Monday's, else Tuesday's): 450 for 08:00–15:30. */
export function businessMinutesPerDay(calendar: BusinessCalendar): number {
  const day = calendar.week[1] ?? calendar.week[2] ?? [];
  const total = day.reduce((n, p) => n + toMinutes(p.to) - toMinutes(p.from), 0);
  return total > 0 ? total : 1440;
}

/**
 * A non-negative duration for people: "2 t 15 min", "2 d 6 t". Past one day (`minutesPerDay`), whole
 * hours are enough; under it, whole minutes (rounded down, so "1 min" means at least a minute).
 */
export function formatDuration(minutes: number, locale: Locale, minutesPerDay = 1440): string {
  const w = WORDS[locale];
  let rest = Math.floor(Math.abs(minutes));
  const parts: string[] = [];
  if (rest >= minutesPerDay) {
    const days = Math.floor(rest / minutesPerDay);
    parts.push(`${days} ${w.day}`);
    rest = Math.round((rest - days * minutesPerDay) / 60) * 60;
  }
  const hours = Math.floor(rest / 60);
  const mins = rest % 60;
  if (hours > 0) parts.push(`${hours} ${w.hour}`);
  if (mins > 0 || parts.length === 0) parts.push(`${mins} min`);
  return parts.join(' ');
}

/** The formats of the words of an instant (`whenText`): none shows seconds. */
const FORMATS = {
  day: { dateStyle: 'short' },
  time: { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' },
  weekday: { weekday: 'long' },
  date: { day: 'numeric', month: 'long' },
} as const satisfies Record<string, Intl.DateTimeFormatOptions>;

/**
 * Formatters are costly to build and formatting is slow, and the countdowns ask every second, each
 * report's cards several times: one formatter per locale tag, zone and format, its texts remembered
 * by the minute.
 */
const formatters = new Map<string, (d: Date) => string>();
function formatted(tag: string, zone: string, format: keyof typeof FORMATS, d: Date): string {
  const key = `${tag}|${zone}|${format}`;
  let f = formatters.get(key);
  if (!f) {
    const intl = new Intl.DateTimeFormat(tag, { ...FORMATS[format], timeZone: zone });
    f = rememberByMinute((x) => intl.format(x));
    formatters.set(key, f);
  }
  return f(d);
}

/**
 * An amount of a clock's minutes, saying when they are business time: "2 d 5 t arbeidstid",
 * "45 min" around the clock. The SLA report's "over fristen" column and the countdowns both use it.
 */
export function clockDuration(
  minutes: number,
  clock: 'business' | 'calendar',
  calendar: BusinessCalendar,
  locale: Locale,
): string {
  const business = clock === 'business';
  const amount = formatDuration(minutes, locale, business ? businessMinutesPerDay(calendar) : 1440);
  return business ? `${amount} ${WORDS[locale].business}` : amount;
}

function localDay(d: Date, zone: string): string {
  return formatted('en-CA', zone, 'day', d);
}

/**
 * When an instant is, relative to `now`, in the calendar's zone: "kl. 08:00" today, "i morgen kl. 08:00",
 * "torsdag kl. 08:00" within a week, "2. april kl. 08:00" further out.
 */
export function whenText(at: Date, now: Date, zone: string, locale: Locale): string {
  const w = WORDS[locale];
  const tag = locale === 'nb' ? 'nb-NO' : 'en-GB';
  const time = formatted(tag, zone, 'time', at).replace('.', ':');
  const clock = `${w.at} ${time}`;
  const day = localDay(at, zone);
  if (day === localDay(now, zone)) return clock;
  if (day === localDay(new Date(now.getTime() + 86_400_000), zone)) return `${w.tomorrow} ${clock}`;
  const within = at.getTime() - now.getTime() < 6 * 86_400_000;
  const name = formatted(tag, zone, within ? 'weekday' : 'date', at);
  return `${name} ${clock}`;
}

/** The words of one SLA target at `now` (tick the state to `now` first). */
export function clockText(s: TargetState, { calendar, now, locale }: ClockTextOptions): ClockText {
  const w = WORDS[locale];
  const label = SLA_STATE_LABELS[s.state][locale];
  const business = s.clock === 'business';
  const clock = business ? 'business' : 'calendar';
  let time = '';
  let note: string | undefined;
  const running = s.state === 'running' || s.state === 'at_risk' || s.state === 'paused';
  if (s.remainingMinutes !== undefined && (running || s.state === 'breached')) {
    const m = s.remainingMinutes;
    const late = s.state === 'breached' || m < 0;
    if (!late) time = w.left(clockDuration(Math.max(1, Math.ceil(m)), clock, calendar, locale));
    else if (Math.floor(-m) >= 1) time = w.late(clockDuration(-m, clock, calendar, locale));
    else if (s.dueAt) time = w.passedAt(whenText(s.dueAt, now, calendar.zone, locale));
    if (s.state === 'paused') note = w.moves;
    else if (business && !s.metAt && !isBusinessTime(now, calendar))
      note = w.stands(whenText(nextOpening(now, calendar), now, calendar.zone, locale));
  }
  const text = [label, time, note].filter((x) => x).join(' · ');
  return { state: s.state, label, time, ...(note ? { note } : {}), text };
}
