import { formatCaseRef, isCaseRef, parseCaseRef } from './ids';

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
});
