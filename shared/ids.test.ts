import { CASE_REF_IN_TEXT, formatCaseRef, isCaseRef, parseCaseRef, refSeriesFor } from './ids';

describe('case reference numbers', () => {
  it('formats FV-<year>-<6 digits>', () => {
    expect(formatCaseRef(2026, 123)).toBe('FV-2026-000123');
    expect(formatCaseRef(2027, 999_999)).toBe('FV-2027-999999');
  });
  it('refuses sequence numbers outside 1 … 999 999', () => {
    expect(() => formatCaseRef(2026, 0)).toThrow(RangeError);
    expect(() => formatCaseRef(2026, 1_000_000)).toThrow(RangeError);
    expect(() => formatCaseRef(2026, 1.5)).toThrow(RangeError);
  });
  it('parses what a user types, case-insensitively and with short numbers', () => {
    expect(parseCaseRef(' fv-2026-123 ')).toBe('FV-2026-000123');
    expect(parseCaseRef('FV-2026-000123')).toBe('FV-2026-000123');
    expect(parseCaseRef('FV-2026-0')).toBeNull();
    expect(parseCaseRef('FV-26-000123')).toBeNull();
    expect(parseCaseRef('hei')).toBeNull();
  });
  it('recognises only the canonical form', () => {
    expect(isCaseRef('FV-2026-000123')).toBe(true);
    expect(isCaseRef('FV-2026-123')).toBe(false);
  });
  it('has an order series, BE-<year>-<6 digits>, for cases opened as orders', () => {
    expect(formatCaseRef(2026, 123, 'BE')).toBe('BE-2026-000123');
    expect(parseCaseRef('be-2026-7')).toBe('BE-2026-000007');
    expect(isCaseRef('BE-2026-000007')).toBe(true);
    expect(parseCaseRef('XY-2026-000007')).toBeNull();
    expect(refSeriesFor('order')).toBe('BE');
    expect(refSeriesFor('fault')).toBe('FV');
    expect(CASE_REF_IN_TEXT.exec('se BE-2026-12 og FV-2026-1')?.[0]).toBe('BE-2026-12');
  });
});
