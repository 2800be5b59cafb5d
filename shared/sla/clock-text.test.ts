import fc from 'fast-check';
import { PRESETS } from './presets';
import { businessMinutesPerDay, clockDuration, clockText, formatDuration, whenText } from './clock-text';
import type { SlaState, TargetState } from './state';

const cal = PRESETS['ror-ikt'].calendar; // Mon–Fri 08:00–15:30 Oslo, Norwegian holidays
const oslo = (local: string) => {
  // March and early April 2026 straddle the DST change on 29 March: pick the offset by date.
  const offset = local < '2026-03-29' ? '+01:00' : '+02:00';
  return new Date(`${local}${offset}`);
};

function state(
  s: SlaState,
  remainingMinutes: number | undefined,
  extra: Partial<TargetState> = {},
): TargetState {
  return {
    target: 'resolution',
    state: s,
    asOf: new Date(0),
    clock: 'business',
    targetMinutes: 240,
    ...(remainingMinutes !== undefined ? { remainingMinutes } : {}),
    pauses: [],
    ...extra,
  };
}

describe('clockText', () => {
  it('says a remaining time is business time, inside opening hours without a note', () => {
    const now = oslo('2026-03-19T10:00');
    const t = clockText(state('at_risk', 15), { calendar: cal, now, locale: 'nb' });
    expect(t.text).toBe('I fare · 15 min arbeidstid igjen');
    expect(t.note).toBeUndefined();
  });

  it('says the clock stands outside opening hours, and when it starts', () => {
    // Wednesday 18:14: "15 min igjen" would read as clock time; it starts Thursday 08:00.
    const wed = clockText(state('at_risk', 15), {
      calendar: cal,
      now: oslo('2026-03-18T18:14'),
      locale: 'nb',
    });
    expect(wed.text).toBe('I fare · 15 min arbeidstid igjen · klokken står – starter i morgen kl. 08:00');
    // Tuesday evening: starts Wednesday … and a Friday evening: Monday.
    const fri = clockText(state('running', 200), {
      calendar: cal,
      now: oslo('2026-03-20T18:14'),
      locale: 'nb',
    });
    expect(fri.note).toBe('klokken står – starter mandag kl. 08:00');
    // Before opening the same day.
    const early = clockText(state('running', 200), {
      calendar: cal,
      now: oslo('2026-03-19T06:30'),
      locale: 'nb',
    });
    expect(early.note).toBe('klokken står – starter kl. 08:00');
  });

  it('skips Easter: Wednesday before Maundy Thursday starts again Tuesday', () => {
    const t = clockText(state('running', 100), {
      calendar: cal,
      now: oslo('2026-04-01T18:00'),
      locale: 'nb',
    });
    expect(t.note).toBe('klokken står – starter tirsdag kl. 08:00');
  });

  it('writes late as an amount over the deadline, never with a minus sign', () => {
    const now = oslo('2026-03-19T12:00');
    expect(clockText(state('breached', -45.4), { calendar: cal, now, locale: 'nb' }).text).toBe(
      'Brutt · 45 min arbeidstid over fristen',
    );
    // Past a working day (450 business minutes): days and whole hours.
    expect(clockText(state('breached', -(450 * 2 + 65)), { calendar: cal, now, locale: 'nb' }).time).toBe(
      '2 d 1 t arbeidstid over fristen',
    );
  });

  it('never shows "−0 min": a deadline at closing time says when it passed', () => {
    // Due 15:30, now 18:14: the remaining business minutes stay 0 until the next opening.
    const t = clockText(state('breached', 0, { dueAt: oslo('2026-03-19T15:30') }), {
      calendar: cal,
      now: oslo('2026-03-19T18:14'),
      locale: 'nb',
    });
    expect(t.text).toBe('Brutt · fristen gikk ut kl. 15:30 · klokken står – starter i morgen kl. 08:00');
    // A fraction of a minute left is still time left: "1 min", not "0 min".
    const almost = clockText(state('at_risk', 0.2), {
      calendar: cal,
      now: oslo('2026-03-19T10:00'),
      locale: 'nb',
    });
    expect(almost.time).toBe('1 min arbeidstid igjen');
  });

  it('says a paused clock’s deadline moves when the case resumes', () => {
    const t = clockText(state('paused', 220), { calendar: cal, now: oslo('2026-03-19T18:00'), locale: 'nb' });
    expect(t.text).toBe('Pauset · 3 t 40 min arbeidstid igjen · frist flyttes når saken fortsetter');
  });

  it('counts real time around the clock without "arbeidstid" and without a standing clock', () => {
    const t = clockText(state('running', 15, { clock: 'calendar' }), {
      calendar: cal,
      now: oslo('2026-03-19T23:00'),
      locale: 'nb',
    });
    expect(t.text).toBe('I rute · 15 min igjen');
  });

  it('shows only the state for a met target and one without a target', () => {
    const now = oslo('2026-03-19T23:00');
    expect(clockText(state('met', 30, { metAt: now }), { calendar: cal, now, locale: 'nb' }).text).toBe(
      'Oppfylt',
    );
    expect(clockText(state('no_target', undefined), { calendar: cal, now, locale: 'nb' }).text).toBe(
      'Ingen frist',
    );
  });

  it('speaks English', () => {
    const t = clockText(state('at_risk', 15), { calendar: cal, now: oslo('2026-03-18T18:14'), locale: 'en' });
    expect(t.text).toBe('At risk · 15 min business time left · clock stopped – starts tomorrow at 08:00');
    expect(
      clockText(state('breached', -90), { calendar: cal, now: oslo('2026-03-19T10:00'), locale: 'en' }).time,
    ).toBe('1 h 30 min business time late');
  });

  it('never writes a minus sign or "0 min" of time left, for any remaining time', () => {
    const now = oslo('2026-03-19T10:00');
    fc.assert(
      fc.property(
        fc.double({ min: -5000, max: 5000, noNaN: true }),
        fc.constantFrom<SlaState>('running', 'at_risk', 'paused', 'breached'),
        (m, s) => {
          const late = s === 'breached' || m < 0;
          const st = state(late ? 'breached' : s, m, { dueAt: oslo('2026-03-19T09:00') });
          const t = clockText(st, { calendar: cal, now, locale: 'nb' });
          expect(t.text).not.toMatch(/[−-]\s?\d/);
          expect(t.text).not.toMatch(/(^|\D)0 min/);
        },
      ),
    );
  });
});

describe('formatDuration and whenText', () => {
  it('formats durations with working days', () => {
    expect(businessMinutesPerDay(cal)).toBe(450);
    expect(formatDuration(135, 'nb')).toBe('2 t 15 min');
    expect(formatDuration(450 + 100, 'nb', 450)).toBe('1 d 2 t');
    expect(formatDuration(0, 'en')).toBe('0 min');
    expect(clockDuration(1200, 'business', cal, 'nb')).toBe('2 d 5 t arbeidstid');
    expect(clockDuration(1200, 'calendar', cal, 'nb')).toBe('20 t');
  });

  it('names the day relative to now', () => {
    const now = oslo('2026-03-16T12:00'); // Monday
    expect(whenText(oslo('2026-03-19T08:00'), now, 'Europe/Oslo', 'nb')).toBe('torsdag kl. 08:00');
    expect(whenText(oslo('2026-04-07T08:00'), now, 'Europe/Oslo', 'nb')).toBe('7. april kl. 08:00');
    expect(whenText(oslo('2026-03-19T08:00'), now, 'Europe/Oslo', 'en')).toBe('Thursday at 08:00');
  });

  it('remembers its formatted minutes without changing a text: every ~second around midnight, DST changes and 1972', () => {
    // The words as they were before texts were remembered: every text formatted afresh.
    const formatters = new Map<string, Intl.DateTimeFormat>();
    const format = (tag: string, zone: string, options: Intl.DateTimeFormatOptions, d: Date) => {
      const key = `${tag}|${zone}|${JSON.stringify(options)}`;
      let f = formatters.get(key);
      if (!f) formatters.set(key, (f = new Intl.DateTimeFormat(tag, { ...options, timeZone: zone })));
      return f.format(d);
    };
    const reference = (at: Date, now: Date, zone: string, locale: 'nb' | 'en'): string => {
      const tag = locale === 'nb' ? 'nb-NO' : 'en-GB';
      const day = (d: Date) => format('en-CA', zone, { dateStyle: 'short' }, d);
      const clock = `${locale === 'nb' ? 'kl.' : 'at'} ${format(tag, zone, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }, at).replace('.', ':')}`;
      if (day(at) === day(now)) return clock;
      if (day(at) === day(new Date(now.getTime() + 86_400_000)))
        return `${locale === 'nb' ? 'i morgen' : 'tomorrow'} ${clock}`;
      const within = at.getTime() - now.getTime() < 6 * 86_400_000;
      return `${format(tag, zone, within ? { weekday: 'long' } : { day: 'numeric', month: 'long' }, at)} ${clock}`;
    };
    const starts = [
      '2026-03-28T22:58:30Z', // midnight in Oslo
      '2026-03-29T00:58:30Z', // the spring change
      '2026-10-25T00:58:30Z', // the autumn change
      '1972-01-07T00:43:00Z', // Monrovia's last offset with seconds
      '2026-12-03T13:01:00Z',
    ];
    const zones = ['Europe/Oslo', 'Africa/Monrovia', 'Asia/Kolkata', 'America/St_Johns'];
    for (const start of starts)
      for (let ms = 0; ms < 3 * 60_000; ms += 997) {
        const at = new Date(Date.parse(start) + ms);
        for (const zone of zones)
          for (const locale of ['nb', 'en'] as const)
            for (const now of [
              at,
              new Date(at.getTime() - 86_400_000),
              new Date(at.getTime() - 6 * 86_400_000 + 1_500),
            ])
              expect(whenText(at, now, zone, locale)).toBe(reference(at, now, zone, locale));
      }
  });
});
