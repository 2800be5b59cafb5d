/**
 * A supplier saved straight to a store, as an administrator would through the admin pages: Tieto,
 * operating UKE's Agresso, with one fresh API key. Written past the admin routes, so the caller tells
 * each running app's catalogue (`catalogue.invalidate()`), as those routes do after every save.
 */
import { newApiKey } from '../../shared/app/supplier-keys';
import { deskId, isoInstant, serviceId, userId } from '../../shared/ids';
import type { Store } from '../../shared/ports';
import { supplierId } from '../../shared/suppliers/model';

/** Saves the supplier and answers its API key's text (shown once in the admin pages). */
export async function saveTietoWithKey(store: Store, at: Date): Promise<string> {
  const made = newApiKey(supplierId('tieto'), isoInstant(at), userId('u-admin'));
  await store.admin.putSupplier(
    {
      id: supplierId('tieto'),
      name: 'Tieto',
      operates: ['application'],
      serviceIds: [serviceId('uke-agresso')],
      deskId: deskId('uke'),
      phone: '+47 21 00 00 00',
      email: 'drift@tieto.example',
      entraAppIds: [],
      apiKeys: [made.stored],
    },
    undefined,
    {
      id: 'a-tieto',
      at: isoInstant(at),
      actor: { id: userId('u-admin') },
      objectType: 'supplier',
      objectId: 'tieto',
      action: 'create',
      after: {},
    },
  );
  return made.text;
}
