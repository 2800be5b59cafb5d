/** Orderable services for the tab's order tests, on top of the tab's seed (`seed.ts`). */
import type { Service } from '../../shared/desks/model';
import { deskId, serviceId } from '../../shared/ids';
import type { Store } from '../../shared/ports';
import { seedStore } from './seed';

export const ORDER_SERVICES: Service[] = [
  {
    id: serviceId('ror-bestill-pc'),
    name: 'Ny PC',
    deskId: deskId('ror-ikt'),
    criticality: 'normal',
    order: {
      orderable: true,
      orderOnly: true,
      description: 'Bærbar PC til ansatt, ferdig installert og registrert i Intune.',
      priceText: 'kr 8 900 per PC',
      deliveryWorkingDays: 5,
      needsApproval: false,
      billing: { kind: 'cost_centre', pattern: '\\d{4,6}', example: '4410' },
    },
  },
  {
    id: serviceId('ror-bestill-integrasjon'),
    name: 'Ny integrasjon mot fagsystem',
    deskId: deskId('ror-ikt'),
    criticality: 'normal',
    order: {
      orderable: true,
      orderOnly: true,
      description: 'Oppsett av en integrasjon mellom to fagsystemer, utført av leverandøren.',
      priceText: 'Etter medgått tid (estimat i timer)',
      deliveryWorkingDays: 10,
      needsApproval: true,
      billing: { kind: 'resource_number', pattern: 'R\\d{5}', example: 'R12345' },
    },
  },
  {
    id: serviceId('uke-bestill-mobil'),
    name: 'Ny mobiltelefon',
    deskId: deskId('uke'),
    criticality: 'normal',
    order: { orderable: true, description: 'Mobiltelefon med abonnement.', needsApproval: false },
  },
];

/** The tab's seed with the orderable services. */
export async function seedWithOrders(store: Store): Promise<void> {
  await seedStore(store);
  for (const s of ORDER_SERVICES) await store.desks.putService(s);
}

/** A good order checklist for `ror-bestill-pc`. */
export const PC_CHECKLIST = {
  what: 'To bærbare PC-er til nye saksbehandlere',
  forWhom: 'Barnevernet, Molde',
  earlierCommunication: '',
  billingReference: '4410',
  contactPersons: 'Kari Leder, 712 00 000',
};
