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
