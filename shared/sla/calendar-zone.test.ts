import fc from 'fast-check';
import { compileCalendar } from './calendar';
import { daysFromCivil, zoneOffsetMs, zoneSamples, zoneTransitions } from './calendar-zone';

const DAY = 86_400_000;
const Y2026 = daysFromCivil(2026, 1, 1);
const Y2027 = daysFromCivil(2027, 1, 1);
/** The transitions a compiled year asks for. */
const transitionsOf = (zone: string, firstDay: number, lastDay: number) =>
  zoneTransitions(zone, zoneSamples(zone, firstDay, lastDay));

describe('zoneTransitions', () => {
  it('finds the exact instants of Oslo’s 2026 DST changes', () => {
    const tr = transitionsOf('Europe/Oslo', Y2026, Y2027);
    expect(tr.base).toBe(3_600_000);
    expect(tr.at.map((t) => new Date(t).toISOString())).toEqual([
      '2026-03-29T01:00:00.000Z',
      '2026-10-25T01:00:00.000Z',
    ]);
    expect(tr.offset).toEqual([7_200_000, 3_600_000]);
  });

  it('finds Lord Howe’s half-hour changes and none for UTC', () => {
    const tr = transitionsOf('Australia/Lord_Howe', Y2026, Y2027);
    expect(tr.base).toBe(11 * 3_600_000);
    expect(tr.offset).toEqual([10.5 * 3_600_000, 11 * 3_600_000]);
    expect(tr.at).toHaveLength(2);
    for (const t of tr.at) {
      expect(zoneOffsetMs('Australia/Lord_Howe', t - 1)).not.toBe(zoneOffsetMs('Australia/Lord_Howe', t));
    }
    const utc = transitionsOf('UTC', Y2026, Y2027);
    expect(utc.fromMs).toBeLessThanOrEqual(Date.parse('2026-01-01T00:00:00Z'));
    expect(utc.toMs).toBeGreaterThanOrEqual(Date.parse('2027-01-02T00:00:00Z'));
    expect([utc.base, utc.at, utc.offset]).toEqual([0, [], []]);
  });
});

describe('CompiledCalendar offsets', () => {
  it('offsetAt equals zoneOffsetMs (Intl) at any instant, inside and outside the compiled years', () => {
    const zones = [
      'Europe/Oslo',
      'America/New_York',
      'Australia/Lord_Howe',
      'Asia/Kolkata',
      'America/Sao_Paulo',
    ];
    const compiled = zones.map((zone) => {
      const c = compileCalendar({ zone, week: { 1: [{ from: '09:00', to: '15:00' }] }, holidays: [] });
      c.ensureRange(Date.parse('2015-06-01T00:00:00Z'), Date.parse('2018-06-01T00:00:00Z'));
      return c;
    });
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: zones.length - 1 }),
        fc.integer({ min: Date.parse('2014-10-01T00:00:00Z'), max: Date.parse('2019-03-01T00:00:00Z') }),
        fc.integer({ min: -2 * 3_600_000, max: 2 * 3_600_000 }),
        (z, t, near) => {
          const c = compiled[z]!;
          // Half of the instants within two hours of a transition.
          const day = Math.floor(t / DAY);
          const tr = transitionsOf(zones[z]!, day - 200, day + 200).at;
          const x = tr.length > 0 && near % 2 === 0 ? tr[0]! + near : t;
          expect(c.offsetAt(x)).toBe(zoneOffsetMs(zones[z]!, x));
        },
      ),
      { numRuns: 300 },
    );
  });
});
