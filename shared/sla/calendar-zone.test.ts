import fc from 'fast-check';
import { compileCalendar } from './calendar';
import { zoneOffsetMs, zoneTransitions } from './calendar-zone';

const DAY = 86_400_000;

describe('zoneTransitions', () => {
  it('finds the exact instants of Oslo’s 2026 DST changes', () => {
    const tr = zoneTransitions(
      'Europe/Oslo',
      Date.parse('2026-01-01T00:00:00Z'),
      Date.parse('2027-01-01T00:00:00Z'),
    );
    expect(tr.base).toBe(3_600_000);
    expect(tr.at.map((t) => new Date(t).toISOString())).toEqual([
      '2026-03-29T01:00:00.000Z',
      '2026-10-25T01:00:00.000Z',
    ]);
    expect(tr.offset).toEqual([7_200_000, 3_600_000]);
  });

  it('finds Lord Howe’s half-hour changes and none for UTC', () => {
    const from = Date.parse('2026-01-01T00:00:00Z');
    const to = Date.parse('2027-01-01T00:00:00Z');
    const tr = zoneTransitions('Australia/Lord_Howe', from, to);
    expect(tr.base).toBe(11 * 3_600_000);
    expect(tr.offset).toEqual([10.5 * 3_600_000, 11 * 3_600_000]);
    for (const t of tr.at) {
      expect(zoneOffsetMs('Australia/Lord_Howe', t - 1)).not.toBe(zoneOffsetMs('Australia/Lord_Howe', t));
    }
    expect(zoneTransitions('UTC', from, to)).toEqual({ fromMs: from, toMs: to, base: 0, at: [], offset: [] });
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
          const tr = zoneTransitions(zones[z]!, t - 200 * DAY, t + 200 * DAY).at;
          const x = tr.length > 0 && near % 2 === 0 ? tr[0]! + near : t;
          expect(c.offsetAt(x)).toBe(zoneOffsetMs(zones[z]!, x));
        },
      ),
      { numRuns: 300 },
    );
  });
});
