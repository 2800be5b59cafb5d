import { norwegianHolidays } from './index';
import { findPriority, targetClock } from './policy';
import { PRESETS, PRESET_HOLIDAY_YEARS, PRESET_IDS, isPresetId } from './presets';
import { priorityId } from '../ids';

describe('presets', () => {
  it('has exactly the three presets of domain.md', () => {
    expect(Object.keys(PRESETS).sort()).toEqual([...PRESET_IDS].sort());
    for (const id of PRESET_IDS) expect(PRESETS[id].id).toBe(id);
    expect(isPresetId('ror-ikt')).toBe(true);
    expect(isPresetId('zammad')).toBe(false);
  });

  it.each(PRESET_IDS)('%s carries the Norwegian public holidays of 2020–2040', (id) => {
    const h = PRESETS[id].calendar.holidays;
    for (let y = PRESET_HOLIDAY_YEARS.from; y <= PRESET_HOLIDAY_YEARS.to; y++)
      for (const d of norwegianHolidays(y)) expect(h).toContain(d);
    // Easter 2026 (5 April), 17 May 2026 (a Sunday) and Ascension 2026.
    expect(h).toEqual(
      expect.arrayContaining(['2026-04-02', '2026-04-03', '2026-04-06', '2026-05-14', '2026-05-17']),
    );
    expect(PRESETS[id].calendar.zone).toBe('Europe/Oslo');
  });

  it('ROR-IKT: the §5.6 table and desk hours 08:00–15:30 (§5.2)', () => {
    const p = PRESETS['ror-ikt'];
    expect(p.calendar.week[1]).toEqual([{ from: '08:00', to: '15:30' }]);
    expect(p.calendar.week[6]).toBeUndefined();
    const table = p.priorities.map((q) => [q.id, q.level, q.response, q.resolution]);
    expect(table).toEqual([
      ['kritisk', 1, { kind: 'business_minutes', minutes: 15 }, { kind: 'business_minutes', minutes: 120 }],
      ['hoy', 2, { kind: 'business_minutes', minutes: 60 }, { kind: 'business_minutes', minutes: 240 }],
      ['middels', 3, { kind: 'business_minutes', minutes: 180 }, { kind: 'working_days', days: 3 }],
      ['lav', 4, { kind: 'business_minutes', minutes: 240 }, { kind: 'working_days', days: 5 }],
    ]);
    // Kritisk counts in desk hours (§5.4), not around the clock.
    const kritisk = findPriority(p, priorityId('kritisk'))!;
    expect(targetClock(p, kritisk, kritisk.response)).toBe('business');
  });

  it('Byarkivet WebSak: A no target, B 2 and C 10 working days to start work, 09:00–15:00', () => {
    const p = PRESETS['byarkivet-websak'];
    expect(p.calendar.week[5]).toEqual([{ from: '09:00', to: '15:00' }]);
    expect(p.priorities.map((q) => [q.id, q.response.kind, q.resolution.kind])).toEqual([
      ['A', 'none', 'none'],
      ['B', 'working_days', 'none'],
      ['C', 'working_days', 'none'],
    ]);
    expect(findPriority(p, priorityId('B'))!.response).toEqual({ kind: 'working_days', days: 2 });
    expect(findPriority(p, priorityId('C'))!.response).toEqual({ kind: 'working_days', days: 10 });
    expect(p.pauseWhileWaiting).toEqual({ supplier: false, third_line: false, reporter: true });
  });

  it('UKE Servicesenter: 08:00–20:00, critical and non-critical, critical around the clock', () => {
    const p = PRESETS['uke-servicesenter'];
    expect(p.calendar.week[3]).toEqual([{ from: '08:00', to: '20:00' }]);
    expect(p.priorities.map((q) => [q.id, q.critical])).toEqual([
      ['kritisk', true],
      ['ikke-kritisk', false],
    ]);
    expect(p.criticalAroundTheClock).toBe(true);
    // No numeric targets in seed 002: explicit `none`, each with a note for the reader.
    for (const q of p.priorities)
      for (const t of [q.response, q.resolution]) {
        expect(t.kind).toBe('none');
        if (t.kind === 'none') expect(t.note.nb.length).toBeGreaterThan(10);
      }
  });
});
