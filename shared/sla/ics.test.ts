/**
 * iCalendar import of a desk's closed and shortened days, on .ics text as calendar programs write it
 * (CRLF, folded lines, Outlook's Windows zone names, Google's all-day events, yearly rules).
 */
import { ValidationError } from '../errors';
import { validateCalendar } from './calendar-validate';
import { importIcsDays, mergeDays, type IcsImportOptions } from './ics';
import { addBusinessMinutes, norwegianHolidays, type BusinessCalendar } from './index';

const p = [{ from: '08:00', to: '15:30' }];
const ROR: BusinessCalendar = {
  zone: 'Europe/Oslo',
  week: { 1: p, 2: p, 3: p, 4: p, 5: p },
  holidays: [...norwegianHolidays(2026), ...norwegianHolidays(2027), ...norwegianHolidays(2028)],
};
const options: IcsImportOptions = { calendar: ROR, from: '2026-01-01', to: '2028-12-31' };
/** An .ics body from lines, with CRLF as RFC 5545 wants. */
const ics = (...lines: string[]): string =>
  ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Fristvakt test//NO', ...lines, 'END:VCALENDAR', ''].join(
    '\r\n',
  );

const OUTLOOK_ZONE = [
  'BEGIN:VTIMEZONE',
  'TZID:W. Europe Standard Time',
  'BEGIN:STANDARD',
  'DTSTART:16011028T030000',
  'RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10',
  'TZOFFSETFROM:+0200',
  'TZOFFSETTO:+0100',
  'END:STANDARD',
  'BEGIN:DAYLIGHT',
  'DTSTART:16010325T020000',
  'RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3',
  'TZOFFSETFROM:+0100',
  'TZOFFSETTO:+0200',
  'END:DAYLIGHT',
  'END:VTIMEZONE',
];

describe('importIcsDays', () => {
  it('turns all-day events into closed days, a multi-day one into each of its days', () => {
    const text = ics(
      'BEGIN:VEVENT',
      'UID:personaldag-2026@kommune.no',
      'DTSTAMP:20260105T120000Z',
      'SUMMARY:Personaldag',
      'DTSTART;VALUE=DATE:20260612',
      'DTEND;VALUE=DATE:20260613',
      'TRANSP:TRANSPARENT',
      'END:VEVENT',
      'BEGIN:VEVENT',
      'UID:romjul-2026@kommune.no',
      'DTSTAMP:20260105T120000Z',
      'SUMMARY:Romjul – stengt',
      'DTSTART;VALUE=DATE:20261228',
      'DTEND;VALUE=DATE:20261231',
      'END:VEVENT',
    );
    const got = importIcsDays(text, options);
    expect(got.closedDays).toEqual([
      { date: '2026-06-12', name: 'Personaldag' },
      { date: '2026-12-28', name: 'Romjul – stengt' },
      { date: '2026-12-29', name: 'Romjul – stengt' },
      { date: '2026-12-30', name: 'Romjul – stengt' },
    ]);
    expect(got.shortenedDays).toEqual([]);
    expect(got.skipped).toEqual([]);
  });

  it('expands a yearly rule within the window: julaften closed from 12:00 every year (Outlook zone)', () => {
    const text = ics(
      ...OUTLOOK_ZONE,
      'BEGIN:VEVENT',
      'UID:julaften@kommune.no',
      'DTSTAMP:20260105T120000Z',
      'SUMMARY:Julaften\\, stengt fra kl. 12',
      'DTSTART;TZID=W. Europe Standard Time:20261224T120000',
      'DTEND;TZID=W. Europe Standard Time:20261225T000000',
      'RRULE:FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=24',
      'END:VEVENT',
    );
    const got = importIcsDays(text, options);
    expect(got.shortenedDays).toEqual(
      ['2026-12-24', '2027-12-24'].map((date) => ({
        date,
        name: 'Julaften, stengt fra kl. 12',
        periods: [{ from: '08:00', to: '12:00' }],
      })),
    );
    // 2028-12-24 is a Sunday: nothing to shorten.
    expect(got.closedDays).toEqual([]);
  });

  it('reads UTC, floating and IANA-named times, and cuts a staff meeting out of the morning', () => {
    const text = ics(
      'BEGIN:VEVENT',
      'UID:a',
      'DTSTAMP:20260105T120000Z',
      'SUMMARY:Personalmøte',
      'DTSTART:20260304T070000Z',
      'DTEND:20260304T090000Z',
      'END:VEVENT',
      'BEGIN:VEVENT',
      'UID:b',
      'DTSTAMP:20260105T120000Z',
      'SUMMARY:Kurs',
      'DTSTART:20260305T130000',
      'DURATION:PT3H',
      'END:VEVENT',
      'BEGIN:VEVENT',
      'UID:c',
      'DTSTAMP:20260105T120000Z',
      'SUMMARY:Sommeravslutning',
      'DTSTART;TZID=Europe/Oslo:20260618T110000',
      'DTEND;TZID=Europe/Oslo:20260618T160000',
      'END:VEVENT',
      'BEGIN:VEVENT',
      'UID:d',
      'DTSTAMP:20260105T120000Z',
      'SUMMARY:Julebord',
      'DTSTART;TZID=Europe/Oslo:20261204T190000',
      'DTEND;TZID=Europe/Oslo:20261205T010000',
      'END:VEVENT',
    );
    const got = importIcsDays(text, options);
    expect(got.shortenedDays).toEqual([
      // 07:00Z–09:00Z is 08:00–10:00 in Oslo (CET).
      { date: '2026-03-04', name: 'Personalmøte', periods: [{ from: '10:00', to: '15:30' }] },
      { date: '2026-03-05', name: 'Kurs', periods: [{ from: '08:00', to: '13:00' }] },
      { date: '2026-06-18', name: 'Sommeravslutning', periods: [{ from: '08:00', to: '11:00' }] },
    ]);
    // The evening party is outside business hours: no day changes.
    expect(got.closedDays).toEqual([]);
  });

  it('closes a day when timed events leave nothing of it, and honours EXDATE and a moved occurrence', () => {
    const text = ics(
      'BEGIN:VEVENT',
      'UID:weekly',
      'DTSTAMP:20260105T120000Z',
      'SUMMARY:Fagdag',
      'DTSTART;TZID=Europe/Oslo:20260907T080000',
      'DTEND;TZID=Europe/Oslo:20260907T153000',
      'RRULE:FREQ=WEEKLY;COUNT=4',
      'EXDATE;TZID=Europe/Oslo:20260914T080000',
      'END:VEVENT',
      'BEGIN:VEVENT',
      'UID:weekly',
      'DTSTAMP:20260105T120000Z',
      'RECURRENCE-ID;TZID=Europe/Oslo:20260921T080000',
      'SUMMARY:Fagdag (kortere)',
      'DTSTART;TZID=Europe/Oslo:20260921T080000',
      'DTEND;TZID=Europe/Oslo:20260921T120000',
      'END:VEVENT',
    );
    const got = importIcsDays(text, options);
    expect(got.closedDays).toEqual([
      { date: '2026-09-07', name: 'Fagdag' },
      { date: '2026-09-28', name: 'Fagdag' },
    ]);
    expect(got.shortenedDays).toEqual([
      { date: '2026-09-21', name: 'Fagdag (kortere)', periods: [{ from: '12:00', to: '15:30' }] },
    ]);
  });

  it('keeps only the window, and skips cancelled events and unknown zones with a reason', () => {
    const text = ics(
      'BEGIN:VEVENT',
      'UID:old',
      'DTSTAMP:20260105T120000Z',
      'SUMMARY:Gammel personaldag',
      'DTSTART;VALUE=DATE:20250612',
      'END:VEVENT',
      'BEGIN:VEVENT',
      'UID:cancelled',
      'DTSTAMP:20260105T120000Z',
      'SUMMARY:Avlyst fagdag',
      'STATUS:CANCELLED',
      'DTSTART;VALUE=DATE:20260415',
      'END:VEVENT',
      'BEGIN:VEVENT',
      'UID:mars',
      'DTSTAMP:20260105T120000Z',
      'SUMMARY:Møte',
      'DTSTART;TZID=Mars/Olympus:20260415T100000',
      'DTEND;TZID=Mars/Olympus:20260415T110000',
      'END:VEVENT',
    );
    const got = importIcsDays(text, options);
    expect(got.closedDays).toEqual([]);
    expect(got.skipped.map((s) => [s.uid, s.summary])).toEqual([
      ['cancelled', 'Avlyst fagdag'],
      ['mars', 'Møte'],
    ]);
    expect(got.skipped[1]!.reason.nb).toContain('Mars/Olympus');
  });

  it('reads folded lines', () => {
    const text = ics(
      'BEGIN:VEVENT',
      'UID:folded',
      'DTSTAMP:20260105T120000Z',
      'SUMMARY:Stengt på grunn av flytting til nye lokaler i rådhuset',
      ' (alle tjenester)',
      'DTSTART;VALUE=DATE:20260810',
      'END:VEVENT',
    );
    expect(importIcsDays(text, options).closedDays[0]!.name).toBe(
      'Stengt på grunn av flytting til nye lokaler i rådhuset(alle tjenester)',
    );
  });

  it.each<[string, string, IcsImportOptions, string]>([
    ['text that is not iCalendar', 'hei', options, 'ics'],
    ['a VCARD', 'BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Kari\r\nEND:VCARD\r\n', options, 'ics'],
    ['a bad window', ics(), { ...options, from: '2026-13-01' }, 'from'],
    ['a window ending first', ics(), { ...options, from: '2027-01-01', to: '2026-01-01' }, 'to'],
    ['a bad zone', ics(), { ...options, calendar: { ...ROR, zone: 'Oslo' } }, 'calendar.zone'],
  ])('refuses %s, naming the field', (_name, text, opts, field) => {
    try {
      importIcsDays(text, opts);
      throw new Error('accepted');
    } catch (e) {
      expect(e).toBeInstanceOf(ValidationError);
      expect((e as ValidationError).field).toBe(field);
    }
  });
});

describe('mergeDays', () => {
  it('adds imported days to a calendar the engine accepts and uses', () => {
    const imported = importIcsDays(
      ics(
        'BEGIN:VEVENT',
        'UID:1',
        'DTSTAMP:20260105T120000Z',
        'SUMMARY:Julaften',
        'DTSTART;TZID=Europe/Oslo:20261224T120000',
        'DTEND;TZID=Europe/Oslo:20261224T235959',
        'END:VEVENT',
        'BEGIN:VEVENT',
        'UID:2',
        'DTSTAMP:20260105T120000Z',
        'SUMMARY:Romjul',
        'DTSTART;VALUE=DATE:20261225',
        'DTEND;VALUE=DATE:20261231',
        'END:VEVENT',
      ),
      options,
    );
    const cal = mergeDays({ ...ROR, closedDays: [{ date: '2026-06-12', name: 'Personaldag' }] }, imported);
    // 25 and 26 December are public holidays already: only 27 (Sunday), 28–30 join.
    expect(cal.closedDays!.map((d) => d.date)).toEqual([
      '2026-06-12',
      '2026-12-27',
      '2026-12-28',
      '2026-12-29',
      '2026-12-30',
    ]);
    expect(cal.shortenedDays).toEqual([
      { date: '2026-12-24', name: 'Julaften', periods: [{ from: '08:00', to: '12:00' }] },
    ]);
    expect(() => validateCalendar(cal, { strict: true })).not.toThrow();
    expect(addBusinessMinutes(new Date('2026-12-24T11:30:00+01:00'), 60, cal).toISOString()).toBe(
      new Date('2026-12-31T08:30:00+01:00').toISOString(),
    );
  });
});
