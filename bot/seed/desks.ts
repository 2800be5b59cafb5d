/**
 * The embedded default's three desks, each with its SLA preset. Phone numbers: ROR-IKT Kundeservice
 * 71 11 11 66 (seed 004 §5.2), UKE Servicesenter 23 47 70 70 (seed 002 §4.3). Byarkivet's seeds give no
 * number: DECISION, Oslo kommune's switchboard (21 80 21 80) stands in until the desk sets its own.
 *
 * After hours (`afterHours`, shown to a reporter of a critical fault while the desk is closed), from
 * the seeds: UKE's phone goes to Sopra Steria's round-the-clock monitoring service, and outside UKE's
 * opening hours only critical faults are handled (seed 002 §4.3); ROR-IKT takes cases on the web round
 * the clock but works them in Kundeservice's hours, phone only while open (seed 004 §5.2, §5.4);
 * Byarkivet answers 09:00–15:00 (seed 000, 003) and names no after-hours service.
 */
import { deskId, userId } from '../../shared/ids';
import type { Desk } from '../../shared/desks/model';
import { PRESETS } from '../../shared/sla/presets';
import { BYDELER, ETATER, ROR_IKT_ORGS, orgIds } from './organisations';

export const DESK_ROR_IKT = deskId('ror-ikt');
export const DESK_BYARKIVET = deskId('byarkivet');
export const DESK_UKE = deskId('uke');

export const AFTER_HOURS = {
  rorIkt:
    'Kundeservice har ingen vakt utenfor åpningstiden (hverdager 08:00–15:30), og telefonen er stengt. Saken er registrert og tas først når Kundeservice åpner.',
  byarkivet:
    'Brukerstøtten svarer hverdager 09:00–15:00 og har ingen vakt utenom. Saken er registrert og tas først når brukerstøtten åpner.',
  uke: 'Utenfor åpningstiden (hverdager 08:00–20:00) viderekobles telefonen 23 47 70 70 til Sopra Sterias døgnbemannede overvåkingstjeneste, som tar imot kritiske feil. Ring 23 47 70 70 hvis feilen ikke kan vente.',
} as const;

export const DESKS: Desk[] = [
  {
    id: DESK_ROR_IKT,
    name: 'ROR-IKT Kundeservice',
    orgIds: orgIds(ROR_IKT_ORGS),
    policy: PRESETS['ror-ikt'],
    phone: '71 11 11 66',
    email: 'kundeservice@ror-ikt.example.no',
    noticeChannels: [],
    members: [userId('demo-desk-ror')],
    escalationContacts: [],
    afterHours: AFTER_HOURS.rorIkt,
    autoCloseWorkingDays: 5,
  },
  {
    id: DESK_BYARKIVET,
    name: 'Byarkivet WebSak-støtte',
    orgIds: orgIds(BYDELER),
    policy: PRESETS['byarkivet-websak'],
    phone: '21 80 21 80',
    email: 'websak@byarkivet.example.no',
    noticeChannels: [],
    members: [userId('demo-desk-byarkivet')],
    escalationContacts: [],
    afterHours: AFTER_HOURS.byarkivet,
    autoCloseWorkingDays: 5,
  },
  {
    id: DESK_UKE,
    name: 'UKE Servicesenter',
    orgIds: [...orgIds(ETATER), ...orgIds(BYDELER)],
    policy: PRESETS['uke-servicesenter'],
    phone: '23 47 70 70',
    email: 'servicesenter@uke.example.no',
    noticeChannels: [],
    members: [userId('demo-desk-uke')],
    escalationContacts: [],
    afterHours: AFTER_HOURS.uke,
    autoCloseWorkingDays: 5,
  },
];
