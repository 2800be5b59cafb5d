import { serviceId } from '../ids';
import { BOM, buildCsv, csvField, osloTime, slaReportCsv } from './csv';
import { slaReport } from './figures';
import {
  FIXTURE_NOW,
  FIXTURE_PERIOD,
  FIXTURE_POLICY,
  fixtureCases,
  fixtureNotices,
} from './test-support/fixture';

describe('csv', () => {
  it('quotes separators, quotes and line breaks, and defuses formulas', () => {
    expect(csvField('a;b')).toBe('"a;b"');
    expect(csvField('si "hei"')).toBe('"si ""hei"""');
    expect(csvField('to\nlinjer')).toBe('"to\nlinjer"');
    expect(csvField('=1+1')).toBe("'=1+1");
    expect(csvField(-3)).toBe('-3');
    expect(csvField(99.8512)).toBe('99,85');
    expect(csvField(null)).toBe('');
  });

  it('starts with a BOM and ends rows with CRLF', () => {
    expect(buildCsv([['æ', 'ø'], ['å']])).toBe(`${BOM}æ;ø\r\nå\r\n`);
  });

  it('formats instants in Oslo time', () => {
    expect(osloTime('2026-03-02T08:00:00Z')).toBe('2026-03-02 09:00');
    expect(osloTime('2026-07-01T08:00:00Z')).toBe('2026-07-01 10:00');
  });

  it('exports the report: key figures, breaches and one row per case', () => {
    const report = slaReport({
      period: FIXTURE_PERIOD,
      now: FIXTURE_NOW,
      cases: fixtureCases(),
      notices: fixtureNotices(),
      policies: { 'ror-ikt': FIXTURE_POLICY },
      services: [serviceId('websak')],
    });
    const csv = slaReportCsv(report, 'nb', { service: (s) => (s === 'agresso' ? 'Agresso økonomi' : s) });
    expect(csv.startsWith(BOM)).toBe(true);
    const lines = csv.slice(1).split('\r\n');
    expect(lines[0]).toBe('SLA-rapport');
    expect(lines).toContain('Periode;2026-03-02 00:00;2026-03-16 00:00');
    expect(lines).toContain('Alle;Responstid;4;3;57,14;20;90');
    expect(lines).toContain('Alle;Løsningstid;4;1;80;240;510');
    expect(lines).toContain('Agresso økonomi;99,4;120;Nei');
    expect(
      lines.some((l) =>
        l.startsWith('FV-2026-000004;D: Journalsystem nede – æøå;Agresso økonomi;molde;Kritisk;'),
      ),
    ).toBe(true);
    // Weeks and priorities by name, no internal ids.
    expect(lines).toContain('uke 10;4');
    expect(lines).toContain('uke 11;3');
    expect(csv).not.toMatch(/;(hoy|middels|lav|kritisk);/);
    expect(csv).not.toMatch(/2026-W\d/);
    expect(lines.filter((l) => /^FV-2026-\d{6};/.test(l))).toHaveLength(4 + 7);
  });
});
