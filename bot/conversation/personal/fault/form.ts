/**
 * The fault form on the server: its defaults, the card for a desk, and reading the submitted values.
 * Every value arrives as untrusted JSON: anything that is not a string is a field error, never a crash.
 */
import { randomUUID } from 'node:crypto';
import type { Desk } from '../../../../shared/desks/model';
import type { DeskId } from '../../../../shared/ids';
import {
  faultFormCard,
  type FaultFormValues,
  FAULT_INPUTS,
  FAULT_LIMITS,
  type FaultInputId,
} from '../../../cards/fault-form';
import type { CardJson } from '../../../cards/card';
import { osloDateAndTime } from '../../../../shared/dates';
import type { Turn } from '../../turn';

export type FieldErrors = Partial<Record<FaultInputId, string>>;

export const newClientKey = (): string => randomUUID();

/** The desk the form shows: the one asked for, else one serving the user's virksomhet, else the first. */
export function chooseDesk(turn: Turn, requested?: string): Desk | undefined {
  const cat = turn.catalogue;
  const asked = requested ? cat.desk(requested) : undefined;
  if (asked) return asked;
  const home = turn.access.homeOrgId;
  return (home ? cat.desksServing(home)[0] : undefined) ?? cat.desks[0];
}

export function defaultValues(turn: Turn, desk: Desk, title?: string): FaultFormValues {
  const { date, time } = osloDateAndTime(turn.now);
  const home = turn.access.homeOrgId;
  const role = turn.access.orgIds.length > 0 ? 'superuser' : 'employee';
  return {
    [FAULT_INPUTS.desk]: desk.id,
    ...(home && desk.orgIds.includes(home) ? { [FAULT_INPUTS.org]: home } : {}),
    ...(title ? { [FAULT_INPUTS.title]: title.slice(0, FAULT_LIMITS.title) } : {}),
    [FAULT_INPUTS.startedDate]: date,
    [FAULT_INPUTS.startedTime]: time,
    [FAULT_INPUTS.reporterRole]: role,
    [FAULT_INPUTS.testContact]: turn.user.name,
  };
}

export function formCard(
  turn: Turn,
  desk: Desk,
  values: FaultFormValues,
  errors: FieldErrors,
  clientKey: string,
): CardJson {
  const cat = turn.catalogue;
  return faultFormCard({
    locale: turn.locale,
    clientKey,
    desks: cat.desks.map((d) => ({ id: d.id, name: d.name })),
    deskId: desk.id,
    services: cat
      .servicesOf(desk.id as DeskId)
      .filter((s) => s.order?.orderOnly !== true)
      .map((s) => ({ id: s.id, name: s.name })),
    orgs: desk.orgIds.map((id) => ({ id, name: cat.org(id)?.name ?? id })),
    values,
    errors,
    today: osloDateAndTime(turn.now).date,
  });
}

const IDS = Object.values(FAULT_INPUTS);

/** The form's values from an action's data: strings kept, anything else reported as a field error. */
export function readValues(
  data: Record<string, unknown>,
  turn: Turn,
): { values: FaultFormValues; errors: FieldErrors } {
  const values: FaultFormValues = {};
  const errors: FieldErrors = {};
  for (const id of IDS) {
    const v = data[id];
    if (v === undefined || v === null) continue;
    if (typeof v === 'string') values[id] = v;
    else if (typeof v === 'number' || typeof v === 'boolean') {
      values[id] = String(v);
      errors[id] = turn.s.errors.invalid;
    } else errors[id] = turn.s.errors.invalid;
  }
  return { values, errors };
}
