import { spansYears, weekLabel } from './week-label';

describe('weekLabel', () => {
  it('names ISO weeks in Norwegian and English', () => {
    expect(weekLabel('2026-W49', 'nb')).toBe('uke 49');
    expect(weekLabel('2026-W03', 'en')).toBe('week 3');
    expect(weekLabel('2027-W01', 'nb', true)).toBe('uke 1 2027');
    expect(weekLabel('not a week', 'nb')).toBe('not a week');
  });

  it('tells when weeks span years', () => {
    expect(spansYears(['2026-W52', '2026-W53'])).toBe(false);
    expect(spansYears(['2026-W53', '2027-W01'])).toBe(true);
  });
});
