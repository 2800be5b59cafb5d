/**
 * A supplier saved straight to a store, as an administrator would through the admin pages: Tieto (or
 * another), operating UKE's Agresso, with one fresh API key. Written past the admin routes, so the
 * caller tells each running app's catalogue (`catalogue.invalidate()`), as those routes do after every
 * save.
 */
import { newApiKey } from '../../shared/app/supplier-keys';
import { deskId, isoInstant, serviceId, userId } from '../../shared/ids';
import type { Store } from '../../shared/ports';
import { supplierId } from '../../shared/suppliers/model';
import type { FakeConnector } from './fake-connector';

/**
 * Saves an operations supplier of UKE's Agresso (`id`, `name`) with one fresh API key and answers the
 * key's text (shown once in the admin pages).
 */
export async function saveSupplierWithKey(store: Store, at: Date, id: string, name: string): Promise<string> {
  const made = newApiKey(supplierId(id), isoInstant(at), userId('u-admin'));
  await store.admin.putSupplier(
    {
      id: supplierId(id),
      name,
      operates: ['application'],
      serviceIds: [serviceId('uke-agresso')],
      deskId: deskId('uke'),
      phone: '+47 21 00 00 00',
      email: `drift@${id}.example`,
      entraAppIds: [],
      apiKeys: [made.stored],
    },
    undefined,
    {
      id: `a-${id}`,
      at: isoInstant(at),
      actor: { id: userId('u-admin') },
      objectType: 'supplier',
      objectId: id,
      action: 'create',
      after: {},
    },
  );
  return made.text;
}

/** Tieto with one fresh API key: its text. */
export const saveTietoWithKey = (store: Store, at: Date): Promise<string> =>
  saveSupplierWithKey(store, at, 'tieto', 'Tieto');

/** A request to the supplier API of the app at `base()`: GET, or POST with `body` (JSON) or `raw`. */
export interface SupplierApiInit {
  method?: string;
  body?: unknown;
  raw?: string;
  /** The `X-Api-Key`: the default key when left out, none when ''. */
  key?: string;
}

/**
 * A supplier's system calling the supplier API of the app at `base()` as JSON, with `defaultKey()`
 * unless a request names its own key (both read when a request is made: tests set them in beforeAll).
 */
export function supplierApi(base: () => string, defaultKey: () => string) {
  return (path: string, init: SupplierApiInit = {}): Promise<Response> =>
    fetch(`${base()}/api/suppliers/v1${path}`, {
      method: init.method ?? (init.body !== undefined || init.raw !== undefined ? 'POST' : 'GET'),
      headers: {
        'Content-Type': 'application/json',
        ...(init.key === '' ? {} : { 'X-Api-Key': init.key ?? defaultKey() }),
      },
      ...(init.raw !== undefined
        ? { body: init.raw }
        : init.body !== undefined
          ? { body: JSON.stringify(init.body) }
          : {}),
    });
}

/** UKE's triage channel, where the desk's cards of the supplier tests go. */
export const UKE_TRIAGE_CHANNEL = '19:uke-triage@thread.tacv2';

/** An incident as a supplier reports it on UKE's Agresso (`supplierReference` and `startedAt` given). */
export const agressoIncident = (supplierReference: string, startedAt: string) => ({
  supplierReference,
  serviceId: 'uke-agresso',
  category: 'database',
  priority: 'ikke-kritisk',
  title: 'Agresso-databasen svarer tregt',
  message: 'Svartider over 10 s på produksjonsdatabasen',
  startedAt,
});

/**
 * An Agresso incident's case where the desk works: the tab at `appUrl` shows it to a member of UKE's
 * desk, and its card reached UKE's triage channel (the fake connector `channel`).
 */
export async function expectAgressoIncidentAtDesk(
  appUrl: string,
  channel: FakeConnector,
  reference: string,
): Promise<void> {
  const seen = await fetch(`${appUrl}/api/cases/${reference}`, {
    headers: { 'X-Fristvakt-Dev-User': 'demo-desk-uke' },
  });
  expect(seen.status).toBe(200);
  expect(JSON.stringify(await seen.json())).toContain('Agresso-databasen svarer tregt');
  const card = await channel.waitFor(
    (c) =>
      c.kind === 'create' &&
      JSON.stringify(c.body).includes(UKE_TRIAGE_CHANNEL) &&
      JSON.stringify(c.body).includes(reference),
    10_000,
  );
  expect(card.status).toBeLessThan(300);
}
