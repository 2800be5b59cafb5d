/**
 * The supplier API's application service (seed 001 M.1.3 and M.2): an operations supplier reports an
 * incident it found itself, or updates a case it holds. Everything goes through the one change service
 * (`case-changes.ts`): access (`roleOn`: a supplier sees only the cases it holds), the lifecycle
 * (shared/cases/supplier.ts), who is told, the outbox. Node side, free of any host; the HTTP shape and
 * the body's schema are the route's (`tab/api/suppliers/`).
 */
import type { CaseStatus, CaseEvent, Case } from '../cases/model';
import { openCase } from '../cases/open-case';
import type { IncidentCategory, SupplierCommand } from '../cases/supplier';
import { osloDateAndTime } from '../dates';
import { FristvaktError, NotFoundError, ValidationError } from '../errors';
import { eventId, isoInstant, orgId as toOrgId, priorityId, userId, type CaseRef } from '../ids';
import { findPriority } from '../sla/policy';
import { caseSlaSummaryWith } from '../sla/case-sla';
import type { Supplier } from '../suppliers/model';
import { supplierActor, type CaseChanges } from './case-changes';
import type { Catalogue } from './catalogue';

/** An incident as the supplier reports it (M.2.1.2–M.2.1.3), already checked against the schema. */
export interface IncidentInput {
  supplierReference: string;
  serviceId: string;
  category: IncidentCategory;
  priority: string;
  title: string;
  /** What the fault (message) says. */
  message: string;
  startedAt: string;
  /** The supplier's own status of it. */
  status?: string;
  possibleSolution?: string;
  informationOnly?: boolean;
  availability?: 'partial' | 'all';
}

/** One update of a case the supplier holds. */
export type SupplierUpdate =
  | { type: 'comment'; text: string; visibility?: 'public' | 'internal' }
  | { type: 'case_number'; caseNumber: string }
  | { type: 'status'; status: string; note?: string }
  | { type: 'solved'; solution: string }
  | { type: 'fixed_in_later_version'; solution: string; version?: string };

/** What the supplier sees of a case it holds. */
export interface SupplierCaseView {
  reference: CaseRef;
  status: CaseStatus;
  priority: string;
  title: string;
  serviceId: string;
  receivedAt: string;
  updatedAt: string;
  supplierCaseNumber?: string;
  heldSince?: string;
  lastContactAt?: string;
  solution?: string;
  /** The incident's supplier reference, for its own incidents. */
  supplierReference?: string;
}

export interface SupplierCases {
  reportIncident(
    supplier: Supplier,
    input: IncidentInput,
    now: Date,
  ): Promise<{ view: SupplierCaseView; created: boolean }>;
  update(supplier: Supplier, ref: CaseRef, update: SupplierUpdate, now: Date): Promise<SupplierCaseView>;
  get(supplier: Supplier, ref: CaseRef): Promise<SupplierCaseView>;
}

const FAULT_TYPE = (c: IncidentCategory) =>
  c === 'application' ? ('technical_application' as const) : ('technical_infrastructure' as const);

export function viewOf(c: Case): SupplierCaseView {
  const solved = [...c.events]
    .reverse()
    .find((e): e is Extract<CaseEvent, { type: 'solved' }> => e.type === 'solved');
  return {
    reference: c.ref,
    status: c.status,
    priority: c.priority,
    title: c.title,
    serviceId: c.serviceId,
    receivedAt: c.receivedAt,
    updatedAt: c.updatedAt,
    ...(c.supplier?.caseNumber ? { supplierCaseNumber: c.supplier.caseNumber } : {}),
    ...(c.supplier ? { heldSince: c.supplier.since, lastContactAt: c.supplier.lastContactAt } : {}),
    ...(solved && (c.status === 'solved' || c.status === 'closed') ? { solution: solved.solution } : {}),
    ...(c.incident ? { supplierReference: c.incident.supplierReference } : {}),
  };
}

function commandOf(u: SupplierUpdate) {
  switch (u.type) {
    case 'comment':
      return { type: 'comment' as const, visibility: u.visibility ?? 'public', text: u.text };
    case 'case_number':
      return { type: 'set_supplier_case_number', caseNumber: u.caseNumber } satisfies SupplierCommand;
    case 'status':
      return {
        type: 'set_supplier_status',
        status: u.status,
        ...(u.note ? { note: u.note } : {}),
      } satisfies SupplierCommand;
    case 'solved':
      return { type: 'solve' as const, solution: u.solution };
    case 'fixed_in_later_version':
      return {
        type: 'fixed_in_later_version',
        solution: u.solution,
        ...(u.version ? { version: u.version } : {}),
      } satisfies SupplierCommand;
  }
}

export function createSupplierCases(deps: { changes: CaseChanges; catalogue: Catalogue }): SupplierCases {
  const { changes } = deps;

  return {
    async reportIncident(supplier, input, now) {
      if (!supplier.serviceIds.includes(input.serviceId as never))
        throw new ValidationError(
          'serviceId',
          `${supplier.name} does not operate service '${input.serviceId}'`,
        );
      const catalogue = await deps.catalogue.get();
      const service = catalogue.service(input.serviceId as never);
      if (!service) throw new ValidationError('serviceId', `unknown service '${input.serviceId}'`);
      const desk = catalogue.desk(service.deskId);
      if (!desk) throw new FristvaktError('NOT_FOUND', `desk ${service.deskId} is not configured`);
      const priority = findPriority(desk.policy, priorityId(input.priority));
      if (!priority)
        throw new ValidationError(
          'priority',
          `priority must be one of ${desk.policy.priorities.map((p) => p.id).join(', ')}`,
        );
      const reporter = {
        id: userId(`supplier:${supplier.id}`),
        name: supplier.name,
        email: supplier.email,
      };
      const org = supplier.orgId ?? service.orgIds?.[0] ?? desk.orgIds[0];
      if (!org) throw new ValidationError('serviceId', `no virksomhet to file the incident under`);
      const fresh = openCase(
        {
          deskId: desk.id,
          orgId: toOrgId(org),
          kind: 'fault',
          faultType: FAULT_TYPE(input.category),
          serviceId: service.id,
          title: input.title,
          checklist: {
            symptom: input.message,
            // The fault-report checklist asks what was tried: for a supplier, its possible solution.
            triedSoFar: input.possibleSolution ?? input.status ?? 'Ikke oppgitt av leverandøren',
            scope: 'several_organisations',
            availability: input.availability ?? 'partial',
            startedAt: input.startedAt as never,
          },
          // A supplier reports to the 2nd line directly (M.2.1.3), like a support line.
          reporterRole: 'first_line',
          followers: [],
          // Idempotent on (supplier, reference): the store's client key is unique per reporter and desk.
          clientKey: `incident:${input.supplierReference}`,
        },
        { policy: desk.policy, previousPolicies: desk.previousPolicies, service, now, reporter },
      );
      const at = isoInstant(now);
      const by = { kind: 'system' as const, name: supplier.name, supplierId: supplier.id };
      const n = fresh.events.length;
      const created = fresh.events[0]!;
      if (created.type === 'created') created.priority = priority.id;
      fresh.priority = priority.id;
      fresh.events = [
        ...fresh.events,
        {
          type: 'incident_reported',
          incident: {
            supplierId: supplier.id,
            supplierReference: input.supplierReference,
            category: input.category,
            informationOnly: input.informationOnly === true,
            ...(input.possibleSolution ? { possibleSolution: input.possibleSolution } : {}),
            contact: { phone: supplier.phone, email: supplier.email },
          },
          id: eventId(`e${n + 1}`),
          at,
          by,
          byRole: 'supplier',
        },
        {
          type: 'supplier_engaged',
          supplierId: supplier.id,
          supplierName: supplier.name,
          caseNumber: input.supplierReference,
          id: eventId(`e${n + 2}`),
          at,
          by,
          byRole: 'supplier',
        },
        ...(input.status
          ? [
              {
                type: 'supplier_status' as const,
                status: input.status,
                id: eventId(`e${n + 3}`),
                at,
                by,
                byRole: 'supplier' as const,
              },
            ]
          : []),
      ];
      fresh.line = 'second';
      fresh.supplierCaseNumber = input.supplierReference;
      fresh.supplier = {
        supplierId: supplier.id,
        name: supplier.name,
        since: at,
        caseNumber: input.supplierReference,
        ...(input.status ? { status: input.status } : {}),
        lastContactAt: at,
      };
      fresh.incident = {
        supplierId: supplier.id,
        supplierReference: input.supplierReference,
        category: input.category,
        informationOnly: input.informationOnly === true,
        ...(input.possibleSolution ? { possibleSolution: input.possibleSolution } : {}),
        contact: { phone: supplier.phone, email: supplier.email },
      };
      // The SLA its stored deadlines come from goes on to its summary row and triage card.
      const { summary, known } = caseSlaSummaryWith(fresh, desk);
      fresh.sla = summary;
      const year = Number(osloDateAndTime(now).date.slice(0, 4));
      const result = await changes.create(fresh, year, now, known);
      return { view: viewOf(result.case), created: result.created };
    },

    async update(supplier, ref, update, now) {
      const applied = await changes.apply(ref, commandOf(update), supplierActor(supplier), now);
      return viewOf(applied.after.value);
    },

    async get(supplier, ref) {
      const seen = await changes.read(ref, supplierActor(supplier));
      if (!seen) throw new NotFoundError(`case ${ref} not found`);
      return viewOf(seen.found.value);
    },
  };
}
