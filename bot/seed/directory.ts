/**
 * The demo directory (development only, FRISTVAKT_DEMO_DIRECTORY): which virksomhet some users belong
 * to, who is superbruker, administrator or desk lead where, and everyone's name and e-mail (the
 * sign-in list, cards and case events show names, never ids; the admin pages' people search finds
 * them by either). Unknown users still work: they choose their virksomhet in the card.
 * The Agents Playground's default user (`00000000-0000-0000-0000-0000000000020`) belongs to Molde.
 */
import { orgId, userId } from '../../shared/ids';
import type { Directory } from '../../shared/access';

export const PLAYGROUND_USER_ID = '00000000-0000-0000-0000-0000000000020';

export const DEMO_DIRECTORY: Directory = {
  users: {
    [PLAYGROUND_USER_ID]: {
      orgId: orgId('molde'),
      name: 'Alex Wilber',
      email: 'alex.wilber@molde.kommune.no',
    },
    'demo-ansatt-molde': {
      orgId: orgId('molde'),
      name: 'Kari Nordmann',
      email: 'kari.nordmann@molde.kommune.no',
    },
    'demo-ansatt-frogner': {
      orgId: orgId('bydel-frogner'),
      name: 'Ola Hansen',
      email: 'ola.hansen@bfr.oslo.kommune.no',
    },
    'demo-ansatt-bym': {
      orgId: orgId('etat-bym'),
      name: 'Ingrid Berg',
      email: 'ingrid.berg@bym.oslo.kommune.no',
    },
    // The desks' members and the superbrukere, by name (cards and replies show names, not ids).
    'demo-desk-ror': {
      orgId: orgId('molde'),
      name: 'Siri Kundeservice',
      email: 'siri.kundeservice@ror-ikt.no',
    },
    'demo-desk-byarkivet': {
      orgId: orgId('etat-bym'),
      name: 'Bjørn Byarkivet',
      email: 'bjorn.byarkivet@byarkivet.oslo.kommune.no',
    },
    'demo-desk-uke': {
      orgId: orgId('etat-bym'),
      name: 'Jon Servicesenter',
      email: 'jon.servicesenter@uke.oslo.kommune.no',
    },
    'demo-superbruker-molde': {
      orgId: orgId('molde'),
      name: 'Sara Superbruker',
      email: 'sara.superbruker@molde.kommune.no',
    },
    'demo-superbruker-frogner': {
      orgId: orgId('bydel-frogner'),
      name: 'Finn Superbruker',
      email: 'finn.superbruker@bfr.oslo.kommune.no',
    },
    // "Innstillinger": an administrator, and the lead of ROR-IKT's desk.
    'demo-admin': {
      orgId: orgId('molde'),
      name: 'Ada Administrator',
      email: 'ada.administrator@ror-ikt.no',
    },
    'demo-leder-ror': {
      orgId: orgId('molde'),
      name: 'Lea Leder',
      email: 'lea.leder@ror-ikt.no',
    },
    // Porteføljerådet: reads the SLA reports.
    'demo-rapportleser': {
      orgId: orgId('molde'),
      name: 'Liv Rapportleser',
      email: 'liv.rapportleser@molde.kommune.no',
    },
  },
  superusers: {
    molde: [userId('demo-superbruker-molde')],
    'bydel-frogner': [userId('demo-superbruker-frogner')],
  },
  reportReaders: [userId('demo-rapportleser')],
  admins: [userId('demo-admin')],
  deskLeads: { 'ror-ikt': [userId('demo-leder-ror')] },
};
