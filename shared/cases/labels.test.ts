import * as labels from './labels';
import { formatMinutes } from './labels';
import type { LocalizedText } from '../i18n-text';

const tables = Object.entries(labels).filter(([name]) => name.endsWith('_LABELS')) as Array<
  [string, Record<string, LocalizedText>]
>;

describe('labels', () => {
  it('has both languages for every value, and no two values of a table share a name', () => {
    expect(tables.length).toBeGreaterThanOrEqual(12);
    for (const [name, table] of tables) {
      const nb = Object.values(table).map((t) => t.nb);
      const en = Object.values(table).map((t) => t.en);
      for (const s of [...nb, ...en]) expect(s.trim().length).toBeGreaterThan(0);
      expect({ name, distinct: new Set(nb).size }).toEqual({ name, distinct: nb.length });
      expect({ name, distinct: new Set(en).size }).toEqual({ name, distinct: en.length });
    }
  });

  it('uses the glossary names for the lifecycle and the SLA states', () => {
    expect(Object.values(labels.STATUS_LABELS).map((t) => t.nb)).toEqual([
      'Ny',
      'Under arbeid',
      'Avventer',
      'Løst',
      'Lukket',
    ]);
    expect(labels.SLA_STATE_LABELS.at_risk.nb).toBe('I fare');
    expect(labels.SLA_STATE_LABELS.breached.nb).toBe('Brutt');
  });

  it('formats durations', () => {
    expect(formatMinutes(135, 'nb')).toBe('2 t 15 min');
    expect(formatMinutes(135, 'en')).toBe('2 h 15 min');
    expect(formatMinutes(-45.4, 'nb')).toBe('−45 min');
    expect(formatMinutes(0, 'nb')).toBe('0 min');
    expect(formatMinutes(120, 'nb')).toBe('2 t');
    expect(formatMinutes(450 * 2 + 61, 'nb', 450)).toBe('2 d 1 t 1 min');
  });
});
