/**
 * The embedded default's three desks, each with its SLA preset. Phone numbers: ROR-IKT Kundeservice
 * 71 11 11 66 (seed 004 §5.2), UKE Servicesenter 23 47 70 70 (seed 002 §4.3). Byarkivet's seeds give no
 * number: DECISION, Oslo kommune's switchboard (21 80 21 80) stands in until the desk sets its own.
 */
import { deskId, userId } from '../../shared/ids';
import type { Desk } from '../../shared/desks/model';
import { PRESETS } from '../../shared/sla/presets';
import { BYDELER, ETATER, ROR_IKT_ORGS, orgIds } from './organisations';

export const DESK_ROR_IKT = deskId('ror-ikt');
export const DESK_BYARKIVET = deskId('byarkivet');
export const DESK_UKE = deskId('uke');

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
    autoCloseWorkingDays: 5,
  },
];
