import { formatDateTime, formatDeadline, fromOslo, osloDateAndTime } from './dates';

describe('Oslo time', () => {
  it.each([
    ['2026-03-03T09:00:00Z', '2026-03-03', '10:00'], // winter, UTC+1
    ['2026-07-01T22:30:00Z', '2026-07-02', '00:30'], // summer, UTC+2, next day
    ['2026-03-29T00:59:59Z', '2026-03-29', '01:59'], // just before the spring change
    ['2026-03-29T01:00:00Z', '2026-03-29', '03:00'], // just after it
  ])('%s is %s %s in Oslo, and back', (iso, date, time) => {
    expect(osloDateAndTime(new Date(iso))).toEqual({ date, time });
    const back = fromOslo(date, time)!;
    expect(osloDateAndTime(back)).toEqual({ date, time });
    expect(Math.abs(back.getTime() - Date.parse(iso))).toBeLessThan(60_000);
  });

  it('rejects impossible dates and the skipped spring hour', () => {
    expect(fromOslo('2026-02-30', '10:00')).toBeNull();
    expect(fromOslo('2026-03-03', '24:00')).toBeNull();
    expect(fromOslo('2026-03-29', '02:30')).toBeNull();
    expect(fromOslo('03.03.2026', '10:00')).toBeNull();
  });

  it('formats deadlines with the weekday, in nb and en', () => {
    const d = new Date('2026-03-06T09:00:00Z');
    expect(formatDeadline(d, 'nb')).toBe('fredag 6. mars kl. 10:00');
    expect(formatDeadline(d, 'en')).toBe('Friday 6 March at 10:00');
  });

  it('remembers formatted minutes without changing a text: every second of a minute, DST changes, both locales', () => {
    const fresh = (options: Intl.DateTimeFormatOptions, tag: string) =>
      new Intl.DateTimeFormat(tag, { timeZone: 'Europe/Oslo', ...options });
    const weekday = {
      weekday: 'long',
      day: 'numeric',
      month: 'long',
      hour: '2-digit',
      minute: '2-digit',
    } as const;
    const short = { dateStyle: 'short', timeStyle: 'short' } as const;
    const reference = {
      deadline: { nb: fresh(weekday, 'nb-NO'), en: fresh(weekday, 'en-GB') },
      dateTime: { nb: fresh(short, 'nb-NO'), en: fresh(short, 'en-GB') },
    };
    const starts = [
      '2026-03-29T00:58:30Z',
      '2026-10-25T00:58:30Z',
      '1969-12-31T23:58:30Z',
      '2026-12-03T13:01:00Z',
    ];
    for (const start of starts)
      for (let ms = 0; ms < 4 * 60_000; ms += 997) {
        const d = new Date(Date.parse(start) + ms);
        for (const locale of ['nb', 'en'] as const) {
          expect(formatDeadline(d, locale)).toBe(reference.deadline[locale].format(d));
          expect(formatDateTime(d, locale)).toBe(reference.dateTime[locale].format(d));
        }
      }
    expect(() => formatDeadline(new Date(NaN), 'nb')).toThrow(RangeError);
  });

  it('formats a date and time in short form, in nb and en (summer time)', () => {
    const d = new Date('2026-07-01T10:05:00Z');
    expect(formatDateTime(d, 'nb')).toBe('01.07.2026, 12:05');
    expect(formatDateTime(d, 'en')).toBe('01/07/2026, 12:05');
  });
});
