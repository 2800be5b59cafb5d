/**
 * Validates an SLA policy read from configuration, storage or an admin form. A policy is data, so a
 * typo must fail loudly on load rather than produce wrong deadlines later: every field is checked and
 * the error names the field by its path, e.g. `priorities[2].resolution.days`.
 */
import { DateTime, IANAZone } from 'luxon';
import { FristvaktError } from '../errors';
import { priorityId } from '../ids';
import type { LocalizedText } from '../i18n-text';
import type { WaitReason } from '../cases/model';
import type { BusinessCalendar, Weekday } from './index';
import type { PriorityDefinition, SlaPolicy, SlaTargetSpec } from './policy';

const WAIT_REASONS: readonly WaitReason[] = ['supplier', 'third_line', 'reporter'];
const HH_MM = /^([01]\d|2[0-3]):([0-5]\d)$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

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

/** Minutes since midnight of 'HH:mm'; '24:00' only where `allow24`. */
function clock(v: unknown, field: string, allow24: boolean): number {
  if (typeof v !== 'string') fail(field, "must be a local time 'HH:mm'");
  if (v === '24:00') {
    if (!allow24) fail(field, "'24:00' is allowed only as the end of a period");
    return 24 * 60;
  }
  const m = HH_MM.exec(v);
  if (!m) fail(field, `must be a local time 'HH:mm', got '${v}'`);
  return Number(m[1]) * 60 + Number(m[2]);
}

function calendar(v: unknown, field: string): BusinessCalendar {
  const o = obj(v, field, ['zone', 'week', 'holidays']);
  const zone = str(o.zone, `${field}.zone`, 100);
  if (!IANAZone.isValidZone(zone)) fail(`${field}.zone`, `'${zone}' is not a known IANA time zone`);

  const weekField = `${field}.week`;
  if (typeof o.week !== 'object' || o.week === null || Array.isArray(o.week))
    fail(weekField, 'must be an object');
  const week: BusinessCalendar['week'] = {};
  let periods = 0;
  for (const [key, value] of Object.entries(o.week as Obj)) {
    const dayField = `${weekField}.${key}`;
    if (!/^[1-7]$/.test(key)) fail(dayField, 'must be an ISO weekday 1 (Monday) … 7 (Sunday)');
    if (!Array.isArray(value)) fail(dayField, 'must be an array of periods');
    let previousEnd = -1;
    const day = value.map((p, i) => {
      const pf = `${dayField}[${i}]`;
      const po = obj(p, pf, ['from', 'to']);
      const from = clock(po.from, `${pf}.from`, false);
      const to = clock(po.to, `${pf}.to`, true);
      if (to <= from) fail(`${pf}.to`, 'must be after from');
      if (from < previousEnd) fail(`${pf}.from`, 'periods of a day must be in order and must not overlap');
      previousEnd = to;
      return { from: po.from as string, to: po.to as string };
    });
    periods += day.length;
    week[Number(key) as Weekday] = day;
  }
  if (periods === 0) fail(weekField, 'must have at least one business period');

  const hf = `${field}.holidays`;
  if (!Array.isArray(o.holidays)) fail(hf, "must be an array of dates 'YYYY-MM-DD'");
  const holidays = o.holidays.map((h, i) => {
    if (
      typeof h !== 'string' ||
      !DATE.test(h) ||
      !DateTime.fromFormat(h, 'yyyy-MM-dd', { zone: 'UTC' }).isValid
    )
      fail(`${hf}[${i}]`, `must be a date 'YYYY-MM-DD', got '${String(h)}'`);
    return h;
  });
  return { zone, week, holidays };
}

function positive(v: unknown, field: string, integer: boolean): number {
  if (typeof v !== 'number' || !Number.isFinite(v) || v <= 0) fail(field, 'must be a positive number');
  if (integer && !Number.isInteger(v)) fail(field, 'must be a whole number');
  return v;
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
    case 'none': {
      const o = obj(v, field, ['kind', 'note']);
      return { kind, note: text(o.note, `${field}.note`) };
    }
    default:
      return fail(
        `${field}.kind`,
        "must be 'business_minutes', 'working_days', 'calendar_minutes' or 'none'",
      );
  }
}

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
  const o = obj(input, '', [
    'id',
    'name',
    'calendar',
    'priorities',
    'defaultPriority',
    'atRiskShare',
    'pauseWhileWaiting',
    'criticalAroundTheClock',
  ]);
  const id = str(o.id, 'id', 100);
  const name = str(o.name, 'name');
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
  const pauseWhileWaiting = {} as Record<WaitReason, boolean>;
  for (const r of WAIT_REASONS) pauseWhileWaiting[r] = bool(pw[r], `pauseWhileWaiting.${r}`);

  return {
    id,
    name,
    calendar: cal,
    priorities,
    defaultPriority: priorityId(defaultPriority),
    atRiskShare: share,
    pauseWhileWaiting,
    criticalAroundTheClock: bool(o.criticalAroundTheClock, 'criticalAroundTheClock'),
  };
}
