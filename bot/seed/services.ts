/**
 * A small service catalogue per desk, with services of every criticality (the priority suggestion reads
 * it), and a few services to order ("Bestill"), one of them with the estimate and approval loop.
 */
import { serviceId, userId, type DeskId } from '../../shared/ids';
import type { Service, ServiceCriticality } from '../../shared/desks/model';
import type { ServiceOrderTerms } from '../../shared/desks/service-order';
import { DESK_BYARKIVET, DESK_ROR_IKT, DESK_UKE } from './desks';

const svc = (
  desk: DeskId,
  id: string,
  name: string,
  criticality: ServiceCriticality,
  extra: Partial<Service> = {},
): Service => ({ id: serviceId(id), name, deskId: desk, criticality, ...extra });

/** An order-only service of the catalogue (not on the fault form). */
const orderable = (
  desk: DeskId,
  id: string,
  name: string,
  order: Omit<ServiceOrderTerms, 'orderable'>,
): Service => svc(desk, id, name, 'normal', { order: { orderable: true, orderOnly: true, ...order } });

const COST_CENTRE = { kind: 'cost_centre', pattern: '\\d{4,6}', example: '4410' } as const;

export const ORDERABLE_SERVICES: Service[] = [
  orderable(DESK_UKE, 'uke-bestill-pc', 'Ny PC', {
    description: 'Bærbar PC med dokkingstasjon og skjerm, ferdig installert med virksomhetens programmer.',
    priceText: 'kr 9 500 per PC (leasing over 36 måneder)',
    deliveryWorkingDays: 5,
    needsApproval: false,
    billing: COST_CENTRE,
  }),
  orderable(DESK_UKE, 'uke-bestill-gerica-tilgang', 'Tilgang til Gerica', {
    description: 'Brukertilgang til Gerica med rollen virksomheten oppgir (pleie, lege, merkantil).',
    priceText: 'Inkludert i tjenesteavtalen',
    deliveryWorkingDays: 2,
    needsApproval: false,
  }),
  orderable(DESK_UKE, 'uke-bestill-mobil', 'Ny mobiltelefon', {
    description: 'Mobiltelefon med abonnement, satt opp med Intune og e-post.',
    priceText: 'kr 4 200 pluss abonnement',
    deliveryWorkingDays: 7,
    needsApproval: false,
    billing: { kind: 'invoice_reference', pattern: '[A-Z]{2}\\d{6}', example: 'OK123456' },
  }),
  orderable(DESK_UKE, 'uke-bestill-oppgradering', 'Oppgradering av fagsystem (Sopra Steria)', {
    description:
      'Oppgradering av et fagsystem i test, preprod eller prod, utført av driftsleverandøren. Du får et estimat i timer som du må godkjenne før arbeidet starter.',
    priceText: 'Etter medgått tid (estimat i timer)',
    deliveryWorkingDays: 10,
    needsApproval: true,
    billing: { kind: 'resource_number', pattern: 'R\\d{5}', example: 'R12345' },
  }),
  orderable(DESK_ROR_IKT, 'ror-bestill-pc', 'Ny PC', {
    description: 'Bærbar PC til ansatt, ferdig installert og registrert i Intune.',
    priceText: 'kr 8 900 per PC',
    deliveryWorkingDays: 5,
    needsApproval: false,
    billing: COST_CENTRE,
  }),
  orderable(DESK_ROR_IKT, 'ror-bestill-integrasjon', 'Ny integrasjon mot fagsystem', {
    description:
      'Oppsett av en integrasjon mellom to fagsystemer, utført av leverandøren. Du får et estimat i timer som du må godkjenne før arbeidet starter.',
    priceText: 'Etter medgått tid (estimat i timer)',
    deliveryWorkingDays: 10,
    needsApproval: true,
    billing: { kind: 'resource_number', pattern: 'R\\d{5}', example: 'R12345' },
  }),
  orderable(DESK_ROR_IKT, 'ror-bestill-gerica-tilgang', 'Tilgang til Gerica', {
    description: 'Brukertilgang til Gerica for ny ansatt i pleie og omsorg.',
    deliveryWorkingDays: 2,
    needsApproval: false,
  }),
];

export const SERVICES: Service[] = [
  svc(DESK_ROR_IKT, 'ror-gerica', 'Gerica (pleie og omsorg)', 'life_and_health', { supplier: 'Tieto' }),
  svc(DESK_ROR_IKT, 'ror-cosdoc', 'CosDoc (legevakt)', 'life_and_health'),
  svc(DESK_ROR_IKT, 'ror-nettverk', 'Nettverk og Wi-Fi', 'high_uptime'),
  svc(DESK_ROR_IKT, 'ror-epost', 'E-post og kalender', 'high_uptime'),
  svc(DESK_ROR_IKT, 'ror-minside', 'Min side / e-tjenester for innbyggere', 'citizen_facing'),
  svc(DESK_ROR_IKT, 'ror-visma', 'Visma Enterprise (lønn og personal)', 'normal'),
  svc(DESK_ROR_IKT, 'ror-skriver', 'Skrivere og utskrift', 'normal'),
  svc(DESK_ROR_IKT, 'ror-pc', 'PC og hjemmekontor', 'normal'),
  svc(DESK_BYARKIVET, 'websak', 'WebSak', 'high_uptime', {
    administrator: { id: userId('demo-forvalter-websak'), name: 'Forvalter WebSak' },
  }),
  svc(DESK_BYARKIVET, 'websak-postjournal', 'Offentlig postjournal', 'citizen_facing'),
  svc(DESK_BYARKIVET, 'websak-eformidling', 'eFormidling / SvarUt (utsending av brev)', 'high_uptime'),
  svc(DESK_BYARKIVET, 'websak-skanning', 'Skanning og arkivering', 'normal'),
  svc(DESK_BYARKIVET, 'websak-helsearkiv', 'Helsearkiv (journaler for helsetjenesten)', 'life_and_health'),
  svc(DESK_UKE, 'uke-agresso', 'Agresso (økonomi)', 'high_uptime', { supplier: 'Sopra Steria' }),
  svc(DESK_UKE, 'uke-gerica', 'Gerica (sykehjem)', 'life_and_health', { supplier: 'Sopra Steria' }),
  svc(DESK_UKE, 'uke-kompass', 'Kompass (selvbetjening)', 'normal'),
  svc(DESK_UKE, 'uke-innbyggerportal', 'Innbyggerportalen', 'citizen_facing'),
  svc(DESK_UKE, 'uke-teams', 'Microsoft Teams og Office 365', 'high_uptime'),
  svc(DESK_UKE, 'uke-vpn', 'VPN og fjerntilgang', 'normal'),
  svc(DESK_UKE, 'uke-mobil', 'Mobiltelefon og nettbrett', 'normal'),
  ...ORDERABLE_SERVICES,
];
