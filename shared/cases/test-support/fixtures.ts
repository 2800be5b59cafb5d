/** Shared fixtures for the case tests (not shipped: only *.test.ts import this). */
import type { Service } from '../../desks/model';
import { FristvaktError } from '../../errors';
import { caseRef, deskId, isoInstant, orgId, serviceId, userId } from '../../ids';
import { PRESETS } from '../../sla/presets';
import type { Actor, ActorRole, Case, Person } from '../model';
import type { OpenCaseInput } from '../open-case';
import { openCase } from '../open-case';

export const ROR = PRESETS['ror-ikt'];
export const reporter: Person = {
  id: userId('u-rita'),
  name: 'Rita Reporter',
  email: 'rita@molde.kommune.no',
};
export const agent: Person = { id: userId('u-dag'), name: 'Dag Desk' };
export const superuser: Person = { id: userId('u-siri'), name: 'Siri Superbruker' };
export const colleague: Person = { id: userId('u-frida'), name: 'Frida Følger' };
export const asUser = (p: Person): Actor => ({ kind: 'user', ...p });
export const SYSTEM: Actor = { kind: 'system', name: 'Fristvakt' };
/** The `FristvaktError` that `f` throws (fails the test when it throws nothing or something else). */
export function errorOf(f: () => unknown): FristvaktError {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(FristvaktError);
    return e as FristvaktError;
  }
  throw new Error('expected an error');
}

/** One actor per role a case knows. */
export const ACTORS: Record<ActorRole, Actor> = {
  reporter: asUser(reporter),
  desk: asUser(agent),
  superuser: asUser(superuser),
  follower: asUser(colleague),
  system: SYSTEM,
  supplier: { kind: 'system', name: 'Sopra Steria', supplierId: 'sopra-steria' },
};

export const gerica: Service = {
  id: serviceId('gerica'),
  name: 'Gerica',
  deskId: deskId('ror-ikt'),
  criticality: 'life_and_health',
};

/** Monday 2 November 2026 09:00 in Oslo (CET). */
export const MONDAY_0900 = new Date('2026-11-02T08:00:00Z');
export const minutesAfter = (d: Date, m: number): Date => new Date(d.getTime() + m * 60_000);

export function validInput(over: Partial<OpenCaseInput> = {}): OpenCaseInput {
  return {
    deskId: deskId('ror-ikt'),
    orgId: orgId('molde'),
    kind: 'fault',
    faultType: 'technical_application',
    serviceId: serviceId('gerica'),
    title: 'Gerica svarer ikke',
    checklist: {
      symptom: 'Gerica henger ved innlogging på alle PC-er på sykehjemmet.',
      triedSoFar: 'Startet PC-ene på nytt.',
      scope: 'organisation',
      availability: 'all',
      startedAt: isoInstant(new Date('2026-11-02T07:30:00Z')),
    },
    reporterRole: 'employee',
    followers: [colleague],
    clientKey: 'card-123',
    ...over,
  };
}

/** A stored case (with its reference) opened Monday 09:00 for Gerica: Kritisk. */
export function storedCase(over: Partial<OpenCaseInput> = {}): Case {
  const c = openCase(validInput(over), { policy: ROR, service: gerica, now: MONDAY_0900, reporter });
  return { ...c, ref: caseRef('FV-2026-000001') };
}
