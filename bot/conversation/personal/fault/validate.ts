/**
 * Server-side validation of a submitted fault form: every field checked with a Norwegian (or English)
 * message at the field; what passes becomes the domain's `OpenCaseInput` (which checks again).
 */
import type { FaultType, Person } from '../../../../shared/cases/model';
import { LIMITS, type OpenCaseInput } from '../../../../shared/cases/open-case';
import type { Desk, Service } from '../../../../shared/desks/model';
import { orgId, userId, type OrgId } from '../../../../shared/ids';
import {
  AVAILABILITIES,
  FAULT_TYPE_UNKNOWN,
  FAULT_TYPES,
  REPORTER_ROLES,
  SCOPES,
  type FaultFormValues,
  FAULT_INPUTS,
  FAULT_LIMITS,
  type FaultInputId,
} from '../../../cards/fault-form';
import { fromOslo } from '../../../../shared/dates';
import { plainTextForCard } from '../../../../shared/text';
import type { Turn } from '../../turn';
import type { FieldErrors } from './form';

/** Clock skew allowed between the user's device and the server for "not in the future". */
const FUTURE_SKEW_MS = 2 * 60_000;
const MAX_AGE_MS = 366 * 24 * 3_600_000;

export type FormCheck =
  | { ok: true; input: OpenCaseInput; desk: Desk; service: Service }
  | { ok: false; errors: FieldErrors; desk: Desk };

const EMAIL = /^[^@\s,;]+@[^@\s,;]+\.[^@\s,;]+$/;

/** A person named in a text field: a directory user by name or id, or a free-text name / e-mail. */
export function personFromText(raw: string, turn: Turn): Person {
  const t = raw.trim();
  const lower = t.toLowerCase();
  if (lower === turn.user.name.toLowerCase()) return turn.user;
  for (const [id, u] of Object.entries(turn.deps.directory.users)) {
    if (id === t || u.name?.toLowerCase() === lower) return { id: userId(id), name: u.name ?? t };
  }
  if (EMAIL.test(t)) return { id: userId(`email:${lower}`), name: t, email: lower };
  return { id: userId(`name:${lower}`), name: t };
}

/** Letters (any script), spaces, and the marks names carry: "Kari Nordmann", "Per-Ole O'Brien Jr.". */
const NAME = /^[\p{L}\p{M}][\p{L}\p{M} .'’-]*$/u;

/**
 * Why one entry of a people field (followers, test contact) is refused, or undefined: an entry with an
 * @ must be an e-mail address; one without must be a person in the directory or look like a name.
 */
export function personProblem(raw: string, turn: Turn): string | undefined {
  const t = raw.trim();
  const e = turn.s.errors;
  // The entry is shown back in the card's error line: as typed, never as Markdown.
  if (t.includes('@')) return EMAIL.test(t) ? undefined : e.badAddress(plainTextForCard(t));
  if (t in turn.deps.directory.users || NAME.test(t)) return undefined;
  return e.notAPerson(plainTextForCard(t));
}

export function checkForm(
  turn: Turn,
  desk: Desk,
  values: FaultFormValues,
  clientKey: string,
  known: FieldErrors,
): FormCheck {
  const e = turn.s.errors;
  const errors: FieldErrors = { ...known };
  const cat = turn.catalogue;
  const set = (id: FaultInputId, msg: string): void => {
    if (!errors[id]) errors[id] = msg;
  };
  const str = (id: FaultInputId): string => (values[id] ?? '').trim();

  const textField = (id: FaultInputId, min: number, max: number): string => {
    const v = str(id);
    if (v.length === 0 && min > 0) set(id, e.required);
    else if (v.length < min) set(id, e.tooShort(min));
    else if (v.length > max) set(id, e.tooLongBy(max, v.length));
    return v;
  };
  const choice = <T extends string>(id: FaultInputId, allowed: readonly T[]): T | undefined => {
    const v = str(id);
    if (v === '') set(id, e.required);
    else if (!(allowed as readonly string[]).includes(v)) set(id, e.unknownChoice);
    else return v as T;
    return undefined;
  };

  const serviceId = str(FAULT_INPUTS.service);
  const service = serviceId ? cat.service(serviceId) : undefined;
  if (!serviceId) set(FAULT_INPUTS.service, e.required);
  else if (!service) set(FAULT_INPUTS.service, e.unknownChoice);
  else if (service.deskId !== desk.id) set(FAULT_INPUTS.service, e.serviceNotInDesk);

  const org = str(FAULT_INPUTS.org);
  if (!org) set(FAULT_INPUTS.org, e.required);
  else if (!cat.org(org)) set(FAULT_INPUTS.org, e.unknownChoice);
  else if (!desk.orgIds.includes(org as OrgId)) set(FAULT_INPUTS.org, e.orgNotServed);

  const title = textField(
    FAULT_INPUTS.title,
    LIMITS.title.min,
    Math.min(LIMITS.title.max, FAULT_LIMITS.title),
  );
  const symptom = textField(FAULT_INPUTS.symptom, LIMITS.symptom.min, FAULT_LIMITS.symptom);
  const triedSoFar = textField(FAULT_INPUTS.triedSoFar, LIMITS.triedSoFar.min, FAULT_LIMITS.triedSoFar);
  const scope = choice(FAULT_INPUTS.scope, SCOPES);
  const availability = choice(FAULT_INPUTS.availability, AVAILABILITIES);
  const reporterRole = choice(FAULT_INPUTS.reporterRole, REPORTER_ROLES);
  // Optional: empty or "Vet ikke" gives no fault type (an older card has no such field).
  const faultTypeText = str(FAULT_INPUTS.faultType);
  let faultType: FaultType | undefined;
  if (faultTypeText !== '' && faultTypeText !== FAULT_TYPE_UNKNOWN) {
    if ((FAULT_TYPES as readonly string[]).includes(faultTypeText)) faultType = faultTypeText as FaultType;
    else set(FAULT_INPUTS.faultType, e.unknownChoice);
  }

  const date = str(FAULT_INPUTS.startedDate);
  const time = str(FAULT_INPUTS.startedTime);
  let startedAt: Date | null = null;
  if (!date) set(FAULT_INPUTS.startedDate, e.required);
  if (!time) set(FAULT_INPUTS.startedTime, e.required);
  if (date && time) {
    startedAt = fromOslo(date, time);
    if (!startedAt) set(FAULT_INPUTS.startedDate, e.badDate);
    else if (startedAt.getTime() > turn.now.getTime() + FUTURE_SKEW_MS)
      set(FAULT_INPUTS.startedDate, e.future);
    else if (startedAt.getTime() < turn.now.getTime() - MAX_AGE_MS) set(FAULT_INPUTS.startedDate, e.tooOld);
  }

  const contactText = str(FAULT_INPUTS.testContact);
  let testContact: Person | undefined;
  if (contactText.length > FAULT_LIMITS.testContact)
    set(FAULT_INPUTS.testContact, e.tooLongBy(FAULT_LIMITS.testContact, contactText.length));
  else if (contactText) {
    const bad = personProblem(contactText, turn);
    if (bad) set(FAULT_INPUTS.testContact, bad);
    else testContact = personFromText(contactText, turn);
  }

  const followersText = str(FAULT_INPUTS.followers);
  const followers: Person[] = [];
  if (followersText.length > FAULT_LIMITS.followers)
    set(FAULT_INPUTS.followers, e.tooLongBy(FAULT_LIMITS.followers, followersText.length));
  else if (followersText) {
    const names = followersText
      .split(/[,;\n]/)
      .map((x) => x.trim())
      .filter((x) => x.length > 0);
    if (names.length > FAULT_LIMITS.followerCount)
      set(FAULT_INPUTS.followers, e.tooManyFollowers(FAULT_LIMITS.followerCount));
    else if (names.some((n) => n.length > 200)) set(FAULT_INPUTS.followers, e.badPerson);
    else {
      const bad = names.map((n) => personProblem(n, turn)).find((p) => p);
      if (bad) set(FAULT_INPUTS.followers, bad);
      else for (const n of names) followers.push(personFromText(n, turn));
    }
  }

  if (Object.keys(errors).length > 0 || !service || !scope || !availability || !reporterRole || !startedAt)
    return { ok: false, errors, desk };
  return {
    ok: true,
    desk,
    service,
    input: {
      deskId: desk.id,
      orgId: orgId(org),
      kind: 'fault',
      ...(faultType ? { faultType } : {}),
      serviceId: service.id,
      title,
      checklist: { symptom, triedSoFar, scope, availability, startedAt: startedAt.toISOString() as never },
      reporterRole,
      ...(testContact && testContact.id !== turn.user.id ? { testContact } : {}),
      followers,
      clientKey,
    },
  };
}

/** Which form field a domain `ValidationError`'s field name belongs to. */
export function inputForDomainField(field: string): FaultInputId {
  if (field.startsWith('checklist.symptom')) return FAULT_INPUTS.symptom;
  if (field.startsWith('checklist.triedSoFar')) return FAULT_INPUTS.triedSoFar;
  if (field.startsWith('checklist.scope')) return FAULT_INPUTS.scope;
  if (field.startsWith('checklist.availability')) return FAULT_INPUTS.availability;
  if (field.startsWith('checklist.startedAt')) return FAULT_INPUTS.startedDate;
  if (field.startsWith('testContact')) return FAULT_INPUTS.testContact;
  if (field.startsWith('followers')) return FAULT_INPUTS.followers;
  if (field === 'faultType') return FAULT_INPUTS.faultType;
  if (field === 'reporterRole') return FAULT_INPUTS.reporterRole;
  if (field === 'orgId') return FAULT_INPUTS.org;
  if (field === 'serviceId') return FAULT_INPUTS.service;
  return FAULT_INPUTS.title;
}
