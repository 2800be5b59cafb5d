/**
 * A service's own fellesfeil thresholds (`Service.fellesfeil`): what an administrator may set in
 * "Innstillinger", how it is checked (every error in Norwegian at its field), and how the detector job
 * gets them (`withServiceThresholds`: the catalogue's services become the detector's per-service
 * settings). A threshold left out keeps the detector's default. Pure: no I/O.
 */
import {
  DEFAULT_FELLESFEIL_SETTINGS,
  type FellesfeilSettings,
  type FellesfeilThresholds,
} from '../cases/fellesfeil-detector';
import type { ServiceId } from '../ids';
import type { Service } from './model';

export type ThresholdField = keyof FellesfeilThresholds;

/** The thresholds in the order the editor shows them, with their bounds and Norwegian names. */
export const THRESHOLD_FIELDS: ReadonlyArray<{
  field: ThresholdField;
  min: number;
  max: number;
  label: string;
}> = [
  { field: 'windowMinutes', min: 1, max: 1440, label: 'Tidsvindu (minutter)' },
  { field: 'minReports', min: 2, max: 1000, label: 'Minste antall meldinger' },
  { field: 'minOrganisations', min: 1, max: 100, label: 'Fra minst antall virksomheter' },
  {
    field: 'minReportsAnyOrganisations',
    min: 2,
    max: 10000,
    label: 'Eller minst antall meldinger uansett virksomhet',
  },
];

export interface ThresholdError {
  /** `fellesfeil.<threshold>`, as the editor names its fields. */
  field: string;
  message: string;
}

/**
 * Checks an editor's thresholds: absent, null or '' means "the default"; otherwise a whole number in
 * the field's bounds. Together with the defaults, a service cannot ask for more virksomheter than
 * reports, nor count "whatever the virksomheter" below its plain count (that count would never matter).
 * Returns only the thresholds set (none: `undefined`), or the first error.
 */
export function checkServiceThresholds(
  raw: unknown,
  defaults: FellesfeilThresholds = DEFAULT_FELLESFEIL_SETTINGS.defaults,
): { value?: Partial<FellesfeilThresholds>; error?: ThresholdError } {
  if (raw === undefined || raw === null) return {};
  if (typeof raw !== 'object' || Array.isArray(raw))
    return { error: { field: 'fellesfeil', message: 'Tersklene for fellesfeil har feil form.' } };
  const input = raw as Record<string, unknown>;
  const unknown = Object.keys(input).find((k) => !THRESHOLD_FIELDS.some((f) => f.field === k));
  if (unknown !== undefined)
    return {
      error: { field: `fellesfeil.${unknown}`, message: `«${unknown}» er ikke en terskel for fellesfeil.` },
    };
  const value: Partial<FellesfeilThresholds> = {};
  for (const { field, min, max, label } of THRESHOLD_FIELDS) {
    const v = input[field];
    if (v === undefined || v === null || v === '') continue;
    const n = typeof v === 'string' && /^\s*\d+\s*$/.test(v) ? Number(v) : v;
    if (typeof n !== 'number' || !Number.isInteger(n) || n < min || n > max)
      return {
        error: {
          field: `fellesfeil.${field}`,
          message: `${label} må være et helt tall fra ${min} til ${max}.`,
        },
      };
    value[field] = n;
  }
  const t = { ...defaults, ...value };
  if (t.minOrganisations > t.minReports)
    return {
      error: {
        field: 'fellesfeil.minOrganisations',
        message: `Antall virksomheter kan ikke være større enn antall meldinger (${t.minReports}).`,
      },
    };
  if (t.minReportsAnyOrganisations < t.minReports)
    return {
      error: {
        field: 'fellesfeil.minReportsAnyOrganisations',
        message: `Antall meldinger uansett virksomhet kan ikke være mindre enn minste antall meldinger (${t.minReports}).`,
      },
    };
  return Object.keys(value).length > 0 ? { value } : {};
}

/** The detector's settings with each service's own thresholds from the catalogue (the admin pages' data). */
export function withServiceThresholds(
  settings: FellesfeilSettings,
  services: ReadonlyArray<Pick<Service, 'id' | 'fellesfeil'>>,
): FellesfeilSettings {
  const own: Partial<Record<ServiceId, Partial<FellesfeilThresholds>>> = { ...settings.services };
  let any = false;
  for (const s of services)
    if (s.fellesfeil && Object.keys(s.fellesfeil).length > 0) {
      own[s.id] = { ...own[s.id], ...s.fellesfeil };
      any = true;
    }
  return any ? { ...settings, services: own } : settings;
}
