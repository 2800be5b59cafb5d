/** A small service catalogue per desk, with services of every criticality (the priority suggestion reads it). */
import { serviceId, userId, type DeskId } from '../../shared/ids';
import type { Service, ServiceCriticality } from '../../shared/desks/model';
import { DESK_BYARKIVET, DESK_ROR_IKT, DESK_UKE } from './desks';

const svc = (
  desk: DeskId,
  id: string,
  name: string,
  criticality: ServiceCriticality,
  extra: Partial<Service> = {},
): Service => ({ id: serviceId(id), name, deskId: desk, criticality, ...extra });

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
];
