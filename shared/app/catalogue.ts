/**
 * The desks, service catalogue and organisations, read from the store and kept for a short while:
 * every turn needs them, they change rarely, and reusing the same policy objects lets the SLA engine
 * reuse its compiled calendars.
 */
import type { Desk, Organisation, Service } from '../desks/model';
import type { DeskId, OrgId, ServiceId } from '../ids';
import type { Store } from '../ports';

export interface CatalogueSnapshot {
  desks: Desk[];
  services: Service[];
  orgs: Organisation[];
  desk(id: string): Desk | undefined;
  service(id: string): Service | undefined;
  org(id: string): Organisation | undefined;
  servicesOf(deskId: DeskId): Service[];
  /** The desks serving a virksomhet. */
  desksServing(orgId: OrgId): Desk[];
}

export interface Catalogue {
  get(): Promise<CatalogueSnapshot>;
  /** The last snapshot read, without waiting (undefined before the first read). */
  peek(): CatalogueSnapshot | undefined;
  /** Forget the cached copy (after a desk or the catalogue changed). */
  invalidate(): void;
}

function snapshot(desks: Desk[], services: Service[], orgs: Organisation[]): CatalogueSnapshot {
  const deskById = new Map(desks.map((d) => [d.id as string, d]));
  const serviceById = new Map(services.map((s) => [s.id as string, s]));
  const orgById = new Map(orgs.map((o) => [o.id as string, o]));
  const byName = (a: { name: string }, b: { name: string }): number => a.name.localeCompare(b.name, 'nb');
  const sortedServices = [...services].sort(byName);
  return {
    desks,
    services: sortedServices,
    orgs: [...orgs].sort(byName),
    desk: (id) => deskById.get(id),
    service: (id) => serviceById.get(id as ServiceId),
    org: (id) => orgById.get(id),
    servicesOf: (deskId) => sortedServices.filter((s) => s.deskId === deskId),
    desksServing: (orgId) => desks.filter((d) => d.orgIds.includes(orgId)),
  };
}

export function createCatalogue(store: Store, ttlMs = 30_000, nowMs: () => number = Date.now): Catalogue {
  let cached: { at: number; value: Promise<CatalogueSnapshot> } | undefined;
  let last: CatalogueSnapshot | undefined;
  return {
    peek: () => last,
    get() {
      const now = nowMs();
      if (!cached || now - cached.at > ttlMs) {
        const value = Promise.all([
          store.desks.list(),
          store.desks.listServices(),
          store.desks.listOrganisations(),
        ]).then(([d, s, o]) => (last = snapshot(d, s, o)));
        cached = { at: now, value };
        value.catch(() => {
          cached = undefined;
        });
      }
      return cached.value;
    },
    invalidate() {
      cached = undefined;
    },
  };
}
