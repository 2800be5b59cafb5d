/**
 * The desks, service catalogue and organisations, read from the store and kept for a short while:
 * every turn needs them, they change rarely, and reusing the same policy objects lets the SLA engine
 * reuse its compiled calendars.
 */
import type { Desk, Organisation, Service } from '../desks/model';
import type { DeskId, OrgId, ServiceId } from '../ids';
import type { Store } from '../ports';
import type { Supplier } from '../suppliers/model';

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
  /** The configured operations suppliers (admin pages); a supplier's changes show within the ttl. */
  suppliers: Supplier[];
  supplier(id: string): Supplier | undefined;
  /** The enabled suppliers operating a service, by name: whom a case of it can be escalated to. */
  suppliersOf(serviceId: string): Supplier[];
}

export interface Catalogue {
  get(): Promise<CatalogueSnapshot>;
  /** The last snapshot read, without waiting (undefined before the first read). */
  peek(): CatalogueSnapshot | undefined;
  /** Forget the cached copy (after a desk or the catalogue changed). */
  invalidate(): void;
}

function snapshot(
  desks: Desk[],
  services: Service[],
  orgs: Organisation[],
  suppliers: Supplier[] = [],
): CatalogueSnapshot {
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
    suppliers,
    supplier: (id) => suppliers.find((x) => x.id === id),
    suppliersOf: (serviceId) =>
      suppliers.filter((x) => !x.disabled && x.serviceIds.includes(serviceId as ServiceId)).sort(byName),
  };
}

/**
 * How long a cached copy is used before the store's catalogue marker (`AdminStore.catalogueVersion`,
 * moved by every admin write) is read again: an edit made on any instance is used by every other
 * instance at most this long (plus one point read) after it was stored.
 */
export const CATALOGUE_MARKER_CHECK_MS = 2_000;

/**
 * The catalogue of one process. `get()` answers from its copy while the marker was checked less than
 * `markerCheckMs` ago; after that it reads the marker (one point read) and reloads only when the marker
 * moved. `ttlMs` is a backstop for writes that do not move the marker (none on SQLite, whose triggers
 * move it on every write; on Cosmos DB the desk store's own writes, e.g. linking a channel): the copy is
 * reloaded at least that often.
 */
export function createCatalogue(
  store: Store,
  ttlMs = 30_000,
  nowMs: () => number = Date.now,
  markerCheckMs = CATALOGUE_MARKER_CHECK_MS,
): Catalogue {
  let cached:
    { at: number; checkedAt: number; marker: string; value: Promise<CatalogueSnapshot> } | undefined;
  let checking: Promise<CatalogueSnapshot> | undefined;
  let last: CatalogueSnapshot | undefined;
  /** Moved by `invalidate`: a check or load begun before it may answer its own callers, not be kept. */
  let generation = 0;

  const load = (now: number, marker: string, gen: number): Promise<CatalogueSnapshot> => {
    const value = Promise.all([
      store.desks.list(),
      store.desks.listServices(),
      store.desks.listOrganisations(),
      store.admin.listSuppliers(),
    ]).then(([d, s, o, x]) => (last = snapshot(d, s, o, x)));
    const entry = { at: now, checkedAt: now, marker, value };
    if (gen === generation) cached = entry;
    value.catch(() => {
      if (cached === entry) cached = undefined;
    });
    return value;
  };

  return {
    peek: () => last,
    get() {
      const now = nowMs();
      const current = cached;
      if (current && now - current.at <= ttlMs && now - current.checkedAt < markerCheckMs)
        return current.value;
      if (checking) return checking;
      const expired = !current || now - current.at > ttlMs;
      const gen = generation;
      const check = store.admin
        .catalogueVersion()
        .then((marker) => {
          if (!expired && current && cached === current && marker === current.marker) {
            current.checkedAt = now;
            return current.value;
          }
          return load(now, marker, gen);
        })
        .finally(() => {
          if (checking === check) checking = undefined;
        });
      checking = check;
      return check;
    },
    invalidate() {
      generation += 1;
      cached = undefined;
      checking = undefined;
    },
  };
}
