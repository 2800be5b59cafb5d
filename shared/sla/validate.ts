/**
 * Validates an SLA policy read from configuration, storage or an admin form. A policy is data, so a
 * typo must fail loudly on load rather than produce wrong deadlines later: every field is checked and
 * the error names the field by its path, e.g. `priorities[2].resolution.days`.
 */
import { FristvaktError, ValidationError } from '../errors';
import { priorityId } from '../ids';
import type { LocalizedText } from '../i18n-text';
import { parseClock, validateCalendar } from './calendar-validate';
import type { BusinessCalendar, CalendarDay, Weekday } from './index';
import type { PolicyVersion, PolicyWaitReason, PriorityDefinition, SlaPolicy, SlaTargetSpec } from './policy';

const WAIT_REASONS: readonly PolicyWaitReason[] = ['supplier', 'third_line', 'reporter'];

function fail(field: string, message: string): never {
  throw new FristvaktError('POLICY_INVALID', `SLA policy: ${field}: ${message}`, { field });
}

type Obj = Record<string, unknown>;

function obj(v: unknown, field: string, keys: readonly string[], optional: readonly string[] = []): Obj {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) fail(field || '(policy)', 'must be an object');
  const o = v as Obj;
  for (const k of Object.keys(o)) {
    if (!keys.includes(k) && !optional.includes(k)) fail(join(field, k), 'is not a known field');
  }
  for (const k of keys) if (o[k] === undefined) fail(join(field, k), 'is required');
  return o;
}

const join = (field: string, key: string): string => (field ? `${field}.${key}` : key);

function str(v: unknown, field: string, max = 200): string {
  if (typeof v !== 'string' || v.trim() === '') fail(field, 'must be a non-empty string');
  if (v.length > max) fail(field, `must be at most ${max} characters`);
  return v;
}

function bool(v: unknown, field: string): boolean {
  if (typeof v !== 'boolean') fail(field, 'must be true or false');
  return v;
}

function text(v: unknown, field: string): LocalizedText {
  const o = obj(v, field, ['nb', 'en']);
  return { nb: str(o.nb, `${field}.nb`, 2000), en: str(o.en, `${field}.en`, 2000) };
}

/**
 * The calendar, checked by the engine's own calendar validation (`validateCalendar`, strict), so a
 * policy loads only with a calendar the engine accepts; its `ValidationError` becomes
 * `POLICY_INVALID` naming the same field (e.g. `calendar.week.3[1].to`). Returns a copy.
 */
function calendar(v: unknown, field: string): BusinessCalendar {
  try {
    validateCalendar(v as BusinessCalendar, { strict: true });
  } catch (e) {
    if (!(e instanceof ValidationError)) throw e;
    // The engine names fields from 'calendar'; here the calendar sits at `field`.
    const at = field + e.field.slice('calendar'.length);
    const message = at === e.field ? e.message : `${at}: ${e.message}`;
    throw new FristvaktError('POLICY_INVALID', `SLA policy: ${message}`, { field: at, cause: e });
  }
  const cal = v as BusinessCalendar;
  const week: BusinessCalendar['week'] = {};
  for (const [key, periods] of Object.entries(cal.week)) {
    if (periods) week[Number(key) as Weekday] = periods.map(({ from, to }) => ({ from, to }));
  }
  const out: BusinessCalendar = { zone: cal.zone, week, holidays: [...cal.holidays] };
  // The desk's own days only when given, so a policy stored before they existed reads back the same.
  if (cal.closedDays !== undefined) out.closedDays = cal.closedDays.map(copyDay);
  if (cal.shortenedDays !== undefined) {
    out.shortenedDays = cal.shortenedDays.map((d) => ({
      ...copyDay(d),
      periods: d.periods.map(({ from, to }) => ({ from, to })),
    }));
  }
  return out;
}

function copyDay(d: CalendarDay): CalendarDay {
  return d.name === undefined ? { date: d.date } : { date: d.date, name: d.name };
}

function positive(v: unknown, field: string, integer: boolean): number {
  if (typeof v !== 'number' || !Number.isFinite(v) || v <= 0) fail(field, 'must be a positive number');
  if (integer && !Number.isInteger(v)) fail(field, 'must be a whole number');
  return v;
}

/** A local clock time 'HH:mm' (00:00–23:59, or '24:00'), checked by the engine's own parser. */
function clock(v: unknown, field: string): string {
  try {
    parseClock(v, field, true);
  } catch (e) {
    if (!(e instanceof ValidationError)) throw e;
    fail(field, "must be a local time 'HH:mm' (00:00–23:59, or '24:00')");
  }
  return v as string;
}

function target(v: unknown, field: string): SlaTargetSpec {
  if (typeof v !== 'object' || v === null) fail(field, 'must be an object');
  const kind = (v as Obj).kind;
  switch (kind) {
    case 'business_minutes':
    case 'calendar_minutes': {
      const o = obj(v, field, ['kind', 'minutes']);
      return { kind, minutes: positive(o.minutes, `${field}.minutes`, false) };
    }
    case 'working_days': {
      const o = obj(v, field, ['kind', 'days']);
      return { kind, days: positive(o.days, `${field}.days`, true) };
    }
    case 'cut_off': {
      const o = obj(v, field, ['kind', 'before']);
      return { kind, before: clock(o.before, `${field}.before`) };
    }
    case 'none': {
      const o = obj(v, field, ['kind', 'note']);
      return { kind, note: text(o.note, `${field}.note`) };
    }
    default:
      return fail(
        `${field}.kind`,
        "must be 'business_minutes', 'working_days', 'calendar_minutes', 'cut_off' or 'none'",
      );
  }
}

function policyVersion(v: unknown, field: string): PolicyVersion {
  const o = obj(v, field, ['number', 'validFrom']);
  const number = positive(o.number, `${field}.number`, true);
  const from = o.validFrom;
  if (typeof from !== 'string' || !ISO_INSTANT.test(from) || Number.isNaN(Date.parse(from)))
    fail(`${field}.validFrom`, "must be an ISO instant, e.g. '2026-03-01T00:00:00.000Z'");
  return { number, validFrom: from };
}

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

function priority(v: unknown, field: string): PriorityDefinition {
  const o = obj(v, field, ['id', 'label', 'level', 'critical', 'response', 'resolution', 'definition']);
  const level = o.level;
  if (level !== 1 && level !== 2 && level !== 3 && level !== 4)
    fail(`${field}.level`, 'must be 1, 2, 3 or 4');
  return {
    id: priorityId(str(o.id, `${field}.id`, 40)),
    label: text(o.label, `${field}.label`),
    level,
    critical: bool(o.critical, `${field}.critical`),
    response: target(o.response, `${field}.response`),
    resolution: target(o.resolution, `${field}.resolution`),
    definition: text(o.definition, `${field}.definition`),
  };
}

/**
 * Checks every field of `input` and returns it as a fresh, typed `SlaPolicy`; throws
 * `FristvaktError('POLICY_INVALID')` whose `details.field` names the first bad field.
 */
export function validatePolicy(input: unknown): SlaPolicy {
  const o = obj(
    input,
    '',
    [
      'id',
      'name',
      'calendar',
      'priorities',
      'defaultPriority',
      'atRiskShare',
      'pauseWhileWaiting',
      'criticalAroundTheClock',
    ],
    ['version'],
  );
  const id = str(o.id, 'id', 100);
  const name = str(o.name, 'name');
  const version = o.version === undefined ? undefined : policyVersion(o.version, 'version');
  const cal = calendar(o.calendar, 'calendar');

  if (!Array.isArray(o.priorities) || o.priorities.length === 0)
    fail('priorities', 'must be a non-empty array');
  const priorities = o.priorities.map((p, i) => priority(p, `priorities[${i}]`));
  const seen = new Set<string>();
  priorities.forEach((p, i) => {
    if (seen.has(p.id)) fail(`priorities[${i}].id`, `'${p.id}' is used twice`);
    seen.add(p.id);
    if (i > 0 && p.level < priorities[i - 1].level)
      fail(`priorities[${i}].level`, 'priorities must be ordered most urgent (lowest level) first');
  });

  const defaultPriority = str(o.defaultPriority, 'defaultPriority', 40);
  if (!seen.has(defaultPriority))
    fail('defaultPriority', `'${defaultPriority}' is not one of the priorities`);

  const share = o.atRiskShare;
  if (typeof share !== 'number' || !(share > 0 && share < 1))
    fail('atRiskShare', 'must be a number strictly between 0 and 1');

  const pw = obj(o.pauseWhileWaiting, 'pauseWhileWaiting', WAIT_REASONS);
  const pauseWhileWaiting = {} as Record<PolicyWaitReason, boolean>;
  for (const r of WAIT_REASONS) pauseWhileWaiting[r] = bool(pw[r], `pauseWhileWaiting.${r}`);

  return {
    id,
    name,
    ...(version ? { version } : {}),
    calendar: cal,
    priorities,
    defaultPriority: priorityId(defaultPriority),
    atRiskShare: share,
    pauseWhileWaiting,
    criticalAroundTheClock: bool(o.criticalAroundTheClock, 'criticalAroundTheClock'),
  };
}
