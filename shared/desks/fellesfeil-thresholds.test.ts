import { DEFAULT_FELLESFEIL_SETTINGS } from '../cases/fellesfeil-detector';
import { serviceId } from '../ids';
import { checkServiceThresholds, withServiceThresholds } from './fellesfeil-thresholds';

describe("a service's own fellesfeil thresholds", () => {
  it('keeps only what is filled in; blank means the default', () => {
    expect(checkServiceThresholds(undefined)).toEqual({});
    expect(checkServiceThresholds({ windowMinutes: '', minReports: null })).toEqual({});
    expect(checkServiceThresholds({ windowMinutes: 20, minReports: '4' })).toEqual({
      value: { windowMinutes: 20, minReports: 4 },
    });
  });

  it.each([
    [
      { windowMinutes: 0 },
      'fellesfeil.windowMinutes',
      'Tidsvindu (minutter) må være et helt tall fra 1 til 1440.',
    ],
    [
      { windowMinutes: 2.5 },
      'fellesfeil.windowMinutes',
      'Tidsvindu (minutter) må være et helt tall fra 1 til 1440.',
    ],
    [
      { minReports: 'tre' },
      'fellesfeil.minReports',
      'Minste antall meldinger må være et helt tall fra 2 til 1000.',
    ],
    [
      { minReports: 1 },
      'fellesfeil.minReports',
      'Minste antall meldinger må være et helt tall fra 2 til 1000.',
    ],
    [
      { minOrganisations: 4 },
      'fellesfeil.minOrganisations',
      'Antall virksomheter kan ikke være større enn antall meldinger (3).',
    ],
    [
      { minReports: 8 },
      'fellesfeil.minReportsAnyOrganisations',
      'Antall meldinger uansett virksomhet kan ikke være mindre enn minste antall meldinger (8).',
    ],
    [{ window: 5 }, 'fellesfeil.window', '«window» er ikke en terskel for fellesfeil.'],
    [[3], 'fellesfeil', 'Tersklene for fellesfeil har feil form.'],
  ])('names the field of a bad value in Norwegian: %j', (raw, field, message) => {
    expect(checkServiceThresholds(raw)).toEqual({ error: { field, message } });
  });

  it('accepts a count above the defaults when the other counts follow', () => {
    expect(checkServiceThresholds({ minReports: 8, minReportsAnyOrganisations: 12 })).toEqual({
      value: { minReports: 8, minReportsAnyOrganisations: 12 },
    });
  });

  it("gives the detector the catalogue's thresholds per service, and the same settings when none are set", () => {
    const base = DEFAULT_FELLESFEIL_SETTINGS;
    expect(withServiceThresholds(base, [{ id: serviceId('a') }])).toBe(base);
    const s = withServiceThresholds(base, [
      { id: serviceId('a') },
      { id: serviceId('gerica'), fellesfeil: { windowMinutes: 30, minOrganisations: 3 } },
    ]);
    expect(s.defaults).toEqual(base.defaults);
    expect(s.services).toEqual({ gerica: { windowMinutes: 30, minOrganisations: 3 } });
  });
});
