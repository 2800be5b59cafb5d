import fc from 'fast-check';
import { FristvaktError, isFristvaktError } from '../errors';
import { addBusinessMinutes, type BusinessCalendar } from './index';
import { PRESETS, PRESET_IDS } from './presets';
import { validatePolicy } from './validate';

type Json = Record<string, unknown>;
/** A JSON copy of the ROR-IKT preset (as it would come from storage), changed by `edit`. */
function edited(edit: (p: Json & { priorities: Json[]; calendar: Json }) => void): unknown {
  const p = JSON.parse(JSON.stringify(PRESETS['ror-ikt'])) as Json & { priorities: Json[]; calendar: Json };
  edit(p);
  return p;
}

function fieldOf(input: unknown): string | undefined {
  try {
    validatePolicy(input);
  } catch (e) {
    expect(e).toBeInstanceOf(FristvaktError);
    expect((e as FristvaktError).code).toBe('POLICY_INVALID');
    expect((e as FristvaktError).message).toContain(String((e as FristvaktError).details.field));
    return (e as FristvaktError).details.field;
  }
  return undefined;
}

describe('validatePolicy', () => {
  it.each(PRESET_IDS)('accepts the %s preset, also as JSON from storage', (id) => {
    expect(validatePolicy(PRESETS[id])).toEqual(PRESETS[id]);
    expect(validatePolicy(JSON.parse(JSON.stringify(PRESETS[id])))).toEqual(PRESETS[id]);
  });

  it('returns a copy: changing the input afterwards does not change the policy', () => {
    const input = edited(() => undefined) as Json & { priorities: Json[] };
    const policy = validatePolicy(input);
    input.priorities[0].id = 'changed';
    expect(policy.priorities[0].id).toBe('kritisk');
  });

  const cases: Array<[string, (p: Json & { priorities: Json[]; calendar: Json }) => void, string]> = [
    ['empty id', (p) => (p.id = ''), 'id'],
    ['unknown top-level field', (p) => (p.atRiskShar = 0.5), 'atRiskShar'],
    ['missing name', (p) => delete p.name, 'name'],
    ['unknown zone', (p) => (p.calendar.zone = 'Europe/Osloo'), 'calendar.zone'],
    [
      'bad period time',
      (p) => ((p.calendar.week as Json)['1'] = [{ from: '8:00', to: '15:30' }]),
      'calendar.week.1[0].from',
    ],
    [
      '24:00 as a start',
      (p) => ((p.calendar.week as Json)['2'] = [{ from: '24:00', to: '24:00' }]),
      'calendar.week.2[0].from',
    ],
    [
      'period ending before it starts',
      (p) => ((p.calendar.week as Json)['3'] = [{ from: '15:00', to: '09:00' }]),
      'calendar.week.3[0].to',
    ],
    [
      'overlapping periods',
      (p) =>
        ((p.calendar.week as Json)['4'] = [
          { from: '08:00', to: '12:00' },
          { from: '11:00', to: '15:00' },
        ]),
      'calendar.week.4[1].from',
    ],
    [
      'a second period ending before it starts',
      (p) =>
        ((p.calendar.week as Json)['3'] = [
          { from: '08:00', to: '11:00' },
          { from: '15:00', to: '12:00' },
        ]),
      'calendar.week.3[1].to',
    ],
    [
      'overlapping periods given out of order',
      (p) =>
        ((p.calendar.week as Json)['5'] = [
          { from: '12:00', to: '15:30' },
          { from: '08:00', to: '12:30' },
        ]),
      'calendar.week.5[0].from',
    ],
    [
      'an unknown field in a period',
      (p) => ((p.calendar.week as Json)['1'] = [{ from: '08:00', to: '15:30', note: 'x' }]),
      'calendar.week.1[0].note',
    ],
    ['an unknown calendar field', (p) => (p.calendar.timezone = 'Europe/Oslo'), 'calendar.timezone'],
    [
      'a week given as an array',
      (p) => (p.calendar.week = [[{ from: '08:00', to: '15:30' }]]),
      'calendar.week',
    ],
    ['a calendar given as an array', (p) => (p.calendar = [] as unknown as Json), 'calendar'],
    ['weekday 8', (p) => ((p.calendar.week as Json)['8'] = []), 'calendar.week.8'],
    ['a week without business time', (p) => (p.calendar.week = { 6: [] }), 'calendar.week'],
    [
      'impossible holiday',
      (p) => ((p.calendar.holidays as string[])[3] = '2026-02-30'),
      'calendar.holidays[3]',
    ],
    [
      'holiday in another format',
      (p) => ((p.calendar.holidays as string[])[0] = '17.05.2026'),
      'calendar.holidays[0]',
    ],
    ['no priorities', (p) => (p.priorities = []), 'priorities'],
    ['duplicate priority id', (p) => (p.priorities[2].id = 'kritisk'), 'priorities[2].id'],
    ['level 5', (p) => (p.priorities[1].level = 5), 'priorities[1].level'],
    ['levels out of order', (p) => (p.priorities[0].level = 3), 'priorities[1].level'],
    ['critical not a boolean', (p) => (p.priorities[0].critical = 'yes'), 'priorities[0].critical'],
    [
      'zero minutes',
      (p) => ((p.priorities[0].response as Json).minutes = 0),
      'priorities[0].response.minutes',
    ],
    [
      'negative days',
      (p) => ((p.priorities[2].resolution as Json).days = -3),
      'priorities[2].resolution.days',
    ],
    [
      'fractional days',
      (p) => ((p.priorities[2].resolution as Json).days = 1.5),
      'priorities[2].resolution.days',
    ],
    [
      'unknown target kind',
      (p) => ((p.priorities[3].response as Json).kind = 'hours'),
      'priorities[3].response.kind',
    ],
    [
      'minutes on a working-day target',
      (p) => ((p.priorities[3].resolution as Json).minutes = 5),
      'priorities[3].resolution.minutes',
    ],
    ['missing English label', (p) => delete (p.priorities[1].label as Json).en, 'priorities[1].label.en'],
    [
      'none without a note',
      (p) => (p.priorities[0].resolution = { kind: 'none' }),
      'priorities[0].resolution.note',
    ],
    ['unknown default priority', (p) => (p.defaultPriority = 'urgent'), 'defaultPriority'],
    ['at-risk share of 1', (p) => (p.atRiskShare = 1), 'atRiskShare'],
    ['at-risk share of 0', (p) => (p.atRiskShare = 0), 'atRiskShare'],
    [
      'missing wait reason',
      (p) => delete (p.pauseWhileWaiting as Json).reporter,
      'pauseWhileWaiting.reporter',
    ],
    [
      'unknown wait reason',
      (p) => ((p.pauseWhileWaiting as Json).vacation = true),
      'pauseWhileWaiting.vacation',
    ],
    [
      'criticalAroundTheClock as a string',
      (p) => (p.criticalAroundTheClock = 'false'),
      'criticalAroundTheClock',
    ],
  ];
  it.each(cases)('rejects %s, naming the field', (_name, edit, field) => {
    expect(fieldOf(edited(edit))).toBe(field);
  });

  it('rejects what is not an object', () => {
    expect(fieldOf(null)).toBe('(policy)');
    expect(fieldOf([])).toBe('(policy)');
  });

  it("accepts '24:00' as the end of a period and a 24/7 calendar", () => {
    const p = validatePolicy(
      edited((q) => {
        const day = [{ from: '00:00', to: '24:00' }];
        q.calendar.week = { 1: day, 2: day, 3: day, 4: day, 5: day, 6: day, 7: day };
      }),
    );
    expect(p.calendar.week[7]).toEqual([{ from: '00:00', to: '24:00' }]);
  });
});

describe("validatePolicy uses the engine's calendar validation", () => {
  const at = new Date('2026-06-01T10:00:00Z');
  /** The field of the ValidationError the engine throws when asked for a deadline, or undefined. */
  function engineField(cal: BusinessCalendar): string | undefined {
    try {
      addBusinessMinutes(at, 60, cal);
      return undefined;
    } catch (e) {
      if (isFristvaktError(e, 'VALIDATION')) return e.details.field;
      throw e;
    }
  }
  const time = fc.oneof(
    fc
      .integer({ min: 0, max: 96 })
      .map((q) =>
        q === 96
          ? '24:00'
          : `${String(Math.floor(q / 4)).padStart(2, '0')}:${String((q % 4) * 15).padStart(2, '0')}`,
      ),
    fc.constantFrom('8:00', '24:00', '12:60', '25:00', ''),
  );
  const calendarArb = fc.record({
    zone: fc.constantFrom('Europe/Oslo', 'America/New_York', 'Europe/Olso'),
    week: fc.dictionary(
      fc.constantFrom('1', '2', '3', '4', '5', '6', '7'),
      fc.array(fc.record({ from: time, to: time }), { maxLength: 3 }),
    ),
    holidays: fc.array(fc.constantFrom('2026-05-17', '2026-02-30', '17.05.2026'), { maxLength: 2 }),
  }) as fc.Arbitrary<BusinessCalendar>;

  it('refuses exactly the calendars the engine refuses, naming the same field', () => {
    fc.assert(
      fc.property(calendarArb, (cal) => {
        const policyField = fieldOf(edited((p) => (p.calendar = cal as unknown as Json)));
        expect(policyField).toBe(engineField(cal));
      }),
      { numRuns: 400 },
    );
  });

  it('accepts periods of a day in any order, as the engine does', () => {
    const p = validatePolicy(
      edited(
        (q) =>
          ((q.calendar.week as Json)['1'] = [
            { from: '12:00', to: '15:30' },
            { from: '08:00', to: '11:30' },
          ]),
      ),
    );
    expect(p.calendar.week[1]).toEqual([
      { from: '12:00', to: '15:30' },
      { from: '08:00', to: '11:30' },
    ]);
  });
});
