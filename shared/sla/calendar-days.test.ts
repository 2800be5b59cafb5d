/**
 * A desk's own days in its calendar: closed days and shortened days, validated by the engine (errors
 * naming the field) and by policy validation, compiled with the rest, and cached by content.
 */
import { FristvaktError } from '../errors';
import { ValidationError } from '../errors';
import {
  addBusinessMinutes,
  businessMinutesBetween,
  norwegianHolidays,
  type BusinessCalendar,
} from './index';
import { validateCalendar } from './calendar-validate';
import { isBusinessTime } from './calendar-time';
import { PRESETS } from './presets';
import { validatePolicy } from './validate';
import { isWorkingDay } from './working-days';

const p = [{ from: '08:00', to: '15:30' }];
const base: BusinessCalendar = {
  zone: 'Europe/Oslo',
  week: { 1: p, 2: p, 3: p, 4: p, 5: p },
  holidays: norwegianHolidays(2026),
};

function fieldOf(cal: unknown, strict = false): string | undefined {
  try {
    validateCalendar(cal as BusinessCalendar, { strict });
  } catch (e) {
    expect(e).toBeInstanceOf(ValidationError);
    return (e as ValidationError).field;
  }
  return undefined;
}

describe('closed and shortened days', () => {
  const cal: BusinessCalendar = {
    ...base,
    closedDays: [{ date: '2026-06-12', name: 'Personaldag' }],
    shortenedDays: [{ date: '2026-12-24', name: 'Julaften', periods: [{ from: '08:00', to: '12:00' }] }],
  };

  it('closes a closed day and shortens a shortened one', () => {
    expect(isWorkingDay('2026-06-12', cal)).toBe(false);
    expect(isWorkingDay('2026-06-12', base)).toBe(true);
    expect(isBusinessTime(new Date('2026-12-24T11:59:00+01:00'), cal)).toBe(true);
    expect(isBusinessTime(new Date('2026-12-24T12:00:00+01:00'), cal)).toBe(false);
    expect(
      businessMinutesBetween(
        new Date('2026-12-24T00:00:00+01:00'),
        new Date('2026-12-25T00:00:00+01:00'),
        cal,
      ),
    ).toBe(240);
  });

  it('may open a day the week leaves closed (a Saturday with its own hours)', () => {
    const saturday: BusinessCalendar = {
      ...base,
      shortenedDays: [{ date: '2026-03-14', periods: [{ from: '10:00', to: '12:00' }] }],
    };
    expect(addBusinessMinutes(new Date('2026-03-13T15:00:00+01:00'), 60, saturday).toISOString()).toBe(
      new Date('2026-03-14T10:30:00+01:00').toISOString(),
    );
  });

  it('gives a different compiled calendar for different days, also through the content cache', () => {
    const a = { ...base, closedDays: [{ date: '2026-03-10' }] };
    const b = { ...base, closedDays: [{ date: '2026-03-11' }] };
    const start = new Date('2026-03-09T15:00:00+01:00');
    expect(addBusinessMinutes(start, 60, a).toISOString()).toBe(
      new Date('2026-03-11T08:30:00+01:00').toISOString(),
    );
    expect(
      addBusinessMinutes(start, 60, JSON.parse(JSON.stringify(b)) as BusinessCalendar).toISOString(),
    ).toBe(new Date('2026-03-10T08:30:00+01:00').toISOString());
  });

  it.each<[string, (c: Record<string, unknown>) => void, string, boolean]>([
    ['closedDays not an array', (c) => (c.closedDays = '2026-06-12'), 'calendar.closedDays', false],
    ['a closed day not an object', (c) => (c.closedDays = ['2026-06-12']), 'calendar.closedDays[0]', false],
    [
      'a bad closed date',
      (c) => (c.closedDays = [{ date: '2026-06-12' }, { date: '2026-02-30' }]),
      'calendar.closedDays[1].date',
      false,
    ],
    [
      'a closed day name too long',
      (c) => (c.closedDays = [{ date: '2026-06-12', name: 'x'.repeat(201) }]),
      'calendar.closedDays[0].name',
      false,
    ],
    [
      'an unknown key in a closed day (strict)',
      (c) => (c.closedDays = [{ date: '2026-06-12', note: 'x' }]),
      'calendar.closedDays[0].note',
      true,
    ],
    [
      'shortened periods missing',
      (c) => (c.shortenedDays = [{ date: '2026-12-24' }]),
      'calendar.shortenedDays[0].periods',
      false,
    ],
    [
      'a shortened period ending first',
      (c) => (c.shortenedDays = [{ date: '2026-12-24', periods: [{ from: '12:00', to: '08:00' }] }]),
      'calendar.shortenedDays[0].periods[0].to',
      false,
    ],
    [
      'overlapping shortened periods',
      (c) =>
        (c.shortenedDays = [
          {
            date: '2026-12-24',
            periods: [
              { from: '08:00', to: '12:00' },
              { from: '11:00', to: '13:00' },
            ],
          },
        ]),
      'calendar.shortenedDays[0].periods[1].from',
      false,
    ],
    [
      'a shortened date twice',
      (c) =>
        (c.shortenedDays = [
          { date: '2026-12-24', periods: [] },
          { date: '2026-12-24', periods: [] },
        ]),
      'calendar.shortenedDays[1].date',
      false,
    ],
    [
      'a shortened public holiday',
      (c) => (c.shortenedDays = [{ date: '2026-12-25', periods: [] }]),
      'calendar.shortenedDays[0].date',
      false,
    ],
    [
      'a shortened closed day',
      (c) => {
        c.closedDays = [{ date: '2026-12-24' }];
        c.shortenedDays = [{ date: '2026-12-24', periods: [] }];
      },
      'calendar.shortenedDays[0].date',
      false,
    ],
  ])('refuses %s, naming the field', (_name, edit, field, strict) => {
    const cal = JSON.parse(JSON.stringify(base)) as Record<string, unknown>;
    edit(cal);
    expect(fieldOf(cal, strict)).toBe(field);
  });

  it('is accepted by policy validation, which reports a bad day at its field as POLICY_INVALID', () => {
    const policy = { ...PRESETS['ror-ikt'], calendar: cal };
    expect(validatePolicy(JSON.parse(JSON.stringify(policy))).calendar).toEqual(cal);
    const bad = JSON.parse(JSON.stringify(policy)) as { calendar: { closedDays: Array<{ date: string }> } };
    bad.calendar.closedDays[0]!.date = '12.06.2026';
    try {
      validatePolicy(bad);
      throw new Error('accepted');
    } catch (e) {
      expect(e).toBeInstanceOf(FristvaktError);
      expect((e as FristvaktError).details.field).toBe('calendar.closedDays[0].date');
    }
  });

  it('leaves a calendar without the new fields as it was (stored policies read back the same)', () => {
    expect(Object.keys(validatePolicy(PRESETS['ror-ikt']).calendar).sort()).toEqual([
      'holidays',
      'week',
      'zone',
    ]);
  });
});
