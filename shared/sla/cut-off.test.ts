/**
 * The cut-off target ("the same working day if received before 12:00, otherwise the next working
 * day", seed 003): examples beyond the acceptance cases, its use in a case's SLA state, and
 * properties over random receipts, cut-offs and desk calendars (closed and shortened days).
 */
import fc from 'fast-check';
import { DateTime } from 'luxon';
import type { Case } from '../cases/model';
import { FristvaktError } from '../errors';
import { isoInstant, priorityId, userId } from '../ids';
import { isBusinessTime } from './calendar-time';
import { cutOffDeadline } from './cut-off';
import { norwegianHolidays, type BusinessCalendar } from './index';
import type { SlaPolicy } from './policy';
import { PRESETS } from './presets';
import { computeSla, type SlaCaseInput } from './state';
import { validatePolicy } from './validate';
import { isWorkingDay } from './working-days';

const p9to15 = [{ from: '09:00', to: '15:00' }];
const BYARKIVET: BusinessCalendar = {
  zone: 'Europe/Oslo',
  week: { 1: p9to15, 2: p9to15, 3: p9to15, 4: p9to15, 5: p9to15 },
  holidays: [...norwegianHolidays(2026), ...norwegianHolidays(2027)],
  closedDays: [{ date: '2026-12-28' }, { date: '2026-12-29' }, { date: '2026-12-30' }],
  shortenedDays: [
    { date: '2026-12-24', periods: [{ from: '09:00', to: '12:00' }] },
    { date: '2026-12-31', periods: [{ from: '09:00', to: '12:00' }] },
  ],
};
const iso = (s: string): string => new Date(s).toISOString();

describe('cutOffDeadline', () => {
  it('gives the same working day before the cut-off and the next one from it on', () => {
    expect(cutOffDeadline(new Date('2026-03-10T11:59:00+01:00'), '12:00', BYARKIVET).toISOString()).toBe(
      iso('2026-03-10T15:00:00+01:00'),
    );
    expect(cutOffDeadline(new Date('2026-03-10T12:00:00+01:00'), '12:00', BYARKIVET).toISOString()).toBe(
      iso('2026-03-11T15:00:00+01:00'),
    );
  });

  it('works with a lunch break: the deadline is the last period’s end', () => {
    const lunch = [
      { from: '08:00', to: '11:30' },
      { from: '12:00', to: '15:30' },
    ];
    const cal: BusinessCalendar = { zone: 'Europe/Oslo', week: { 1: lunch, 2: lunch }, holidays: [] };
    expect(cutOffDeadline(new Date('2026-03-09T11:45:00+01:00'), '12:00', cal).toISOString()).toBe(
      iso('2026-03-09T15:30:00+01:00'),
    );
    expect(cutOffDeadline(new Date('2026-03-10T13:00:00+01:00'), '12:00', cal).toISOString()).toBe(
      iso('2026-03-16T15:30:00+01:00'),
    );
  });

  it('finds a working day in a later year than the receipt’s', () => {
    expect(cutOffDeadline(new Date('2026-12-31T11:00:00+01:00'), '10:00', BYARKIVET).toISOString()).toBe(
      iso('2027-01-04T15:00:00+01:00'),
    );
  });

  it('refuses a bad cut-off, a bad date and a calendar without business time', () => {
    expect(() => cutOffDeadline(new Date('2026-03-10T10:00:00Z'), '12', BYARKIVET)).toThrow(/before/);
    expect(() => cutOffDeadline(new Date('2026-03-10T10:00:00Z'), '25:00', BYARKIVET)).toThrow(/before/);
    expect(() => cutOffDeadline(new Date('nope'), '12:00', BYARKIVET)).toThrow(RangeError);
    const closed: BusinessCalendar = { zone: 'Europe/Oslo', week: {}, holidays: [] };
    expect(() => cutOffDeadline(new Date('2026-03-10T10:00:00Z'), '12:00', closed)).toThrow(/business time/);
  });
});

describe('a cut-off target in a case’s SLA state', () => {
  const policy: SlaPolicy = {
    ...PRESETS['byarkivet-websak'],
    calendar: BYARKIVET,
    priorities: PRESETS['byarkivet-websak'].priorities.map((p) =>
      p.id === 'B' ? { ...p, response: { kind: 'cut_off', before: '12:00' } } : p,
    ),
  };
  const reporter = { id: userId('u-reporter'), name: 'Kari' };
  const desk = { kind: 'user' as const, id: userId('u-desk'), name: 'Ola' };
  function received(at: string, events: Case['events'] = []): SlaCaseInput {
    return { receivedAt: isoInstant(new Date(at)), reporter, priority: priorityId('B'), events };
  }

  it('is due at the closing the cut-off rule gives, counted in business minutes', () => {
    const sla = computeSla(
      received('2026-03-13T12:30:00+01:00'),
      policy,
      new Date('2026-03-13T12:30:00+01:00'),
    );
    expect(sla.response.dueAt?.toISOString()).toBe(iso('2026-03-16T15:00:00+01:00'));
    expect(sla.response.clock).toBe('business');
    expect(sla.response.targetMinutes).toBe(150 + 360);
    expect(sla.response.state).toBe('running');
  });

  it('is pushed by a pause that covers business time', () => {
    const events: Case['events'] = [
      {
        id: 'e1' as Case['events'][number]['id'],
        type: 'waiting_started',
        reason: 'reporter',
        at: isoInstant(new Date('2026-03-10T10:00:00+01:00')),
        by: desk,
        byRole: 'desk',
      },
      {
        id: 'e2' as Case['events'][number]['id'],
        type: 'waiting_ended',
        at: isoInstant(new Date('2026-03-10T11:00:00+01:00')),
        by: desk,
        byRole: 'desk',
      },
    ];
    const c = received('2026-03-10T09:30:00+01:00', events);
    const sla = computeSla(c, policy, new Date('2026-03-10T12:00:00+01:00'));
    // Same day 15:00, pushed by the hour of waiting on the reporter into Wednesday 10:00.
    expect(sla.response.dueAt?.toISOString()).toBe(iso('2026-03-11T10:00:00+01:00'));
  });
});

describe('cutOffDeadline properties', () => {
  const from = Date.parse('2026-01-01T00:00:00Z');
  const to = Date.parse('2027-12-01T00:00:00Z');
  const receipt = fc.integer({ min: from, max: to }).map((t) => new Date(t));
  /** Cut-offs away from the night, so no DST gap touches them in Oslo. */
  const cutOff = fc
    .integer({ min: 6 * 60, max: 18 * 60 })
    .map((m) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`);
  const calendar = fc.constantFrom<BusinessCalendar>(
    BYARKIVET,
    PRESETS['ror-ikt'].calendar,
    PRESETS['uke-servicesenter'].calendar,
  );

  it('is a working day’s closing after the receipt, and monotonic in the receipt', () => {
    fc.assert(
      fc.property(receipt, receipt, cutOff, calendar, (a, b, before, cal) => {
        const da = cutOffDeadline(a, before, cal);
        const db = cutOffDeadline(b, before, cal);
        expect(da.getTime()).toBeGreaterThan(a.getTime());
        expect(isBusinessTime(new Date(da.getTime() - 1), cal)).toBe(true);
        expect(isBusinessTime(da, cal)).toBe(false);
        expect(isWorkingDay(DateTime.fromJSDate(da, { zone: cal.zone }).toISODate()!, cal)).toBe(true);
        if (a.getTime() <= b.getTime()) expect(da.getTime()).toBeLessThanOrEqual(db.getTime());
      }),
      { numRuns: 300 },
    );
  });

  it('is the receipt’s own day exactly when that is a working day and the receipt is before the cut-off and the closing', () => {
    fc.assert(
      fc.property(receipt, cutOff, calendar, (r, before, cal) => {
        const due = cutOffDeadline(r, before, cal);
        const local = DateTime.fromJSDate(r, { zone: cal.zone });
        const date = local.toISODate()!;
        const sameDay = DateTime.fromJSDate(due, { zone: cal.zone }).toISODate() === date;
        const beforeCut = local.toFormat('HH:mm') < before;
        // The day's closing: the deadline itself when it is the same day, else found by the rule.
        const open = isWorkingDay(date, cal);
        if (sameDay) {
          expect(open && beforeCut).toBe(true);
        } else if (open && beforeCut) {
          // Received after the day's closing (a cut-off later than closing time).
          const closing = cutOffDeadline(local.startOf('day').toJSDate(), before, cal);
          expect(r.getTime()).toBeGreaterThanOrEqual(closing.getTime());
        }
        // Never later than the next working day: nothing lies between the receipt's day and the due day.
        const days = Math.round(
          DateTime.fromJSDate(due, { zone: cal.zone }).startOf('day').diff(local.startOf('day'), 'days').days,
        );
        for (let k = 1; k < days; k++)
          expect(isWorkingDay(local.plus({ days: k }).toISODate()!, cal)).toBe(false);
      }),
      { numRuns: 300 },
    );
  });
});

describe('a cut-off target in policy validation', () => {
  const withResponse = (response: unknown): unknown => {
    const p = JSON.parse(JSON.stringify(PRESETS['byarkivet-websak'])) as {
      priorities: Array<{ response: unknown }>;
    };
    p.priorities[1]!.response = response;
    return p;
  };

  it('is accepted with a local clock time', () => {
    expect(
      validatePolicy(withResponse({ kind: 'cut_off', before: '12:00' })).priorities[1]!.response,
    ).toEqual({
      kind: 'cut_off',
      before: '12:00',
    });
  });

  it.each<[unknown, string]>([
    [{ kind: 'cut_off', before: '12' }, 'priorities[1].response.before'],
    [{ kind: 'cut_off', before: '24:30' }, 'priorities[1].response.before'],
    [{ kind: 'cut_off' }, 'priorities[1].response.before'],
    [{ kind: 'cut_off', before: '12:00', days: 1 }, 'priorities[1].response.days'],
  ])('refuses %j naming %s', (response, field) => {
    try {
      validatePolicy(withResponse(response));
      throw new Error('accepted');
    } catch (e) {
      expect(e).toBeInstanceOf(FristvaktError);
      expect((e as FristvaktError).details.field).toBe(field);
    }
  });
});
