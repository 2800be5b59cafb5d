/**
 * The demo directory (development only, FRISTVAKT_DEMO_DIRECTORY): which virksomhet some users belong
 * to, who is superbruker where, and everyone's name (the sign-in list, cards and case events show
 * names, never ids). Unknown users still work: they choose their virksomhet in the card.
 * The Agents Playground's default user (`00000000-0000-0000-0000-0000000000020`) belongs to Molde.
 */
import { orgId, userId } from '../../shared/ids';
import type { Directory } from '../../shared/access';

export const PLAYGROUND_USER_ID = '00000000-0000-0000-0000-0000000000020';

export const DEMO_DIRECTORY: Directory = {
  users: {
    [PLAYGROUND_USER_ID]: { orgId: orgId('molde'), name: 'Alex Wilber' },
    'demo-ansatt-molde': { orgId: orgId('molde'), name: 'Kari Nordmann' },
    'demo-ansatt-frogner': { orgId: orgId('bydel-frogner'), name: 'Ola Hansen' },
    'demo-ansatt-bym': { orgId: orgId('etat-bym'), name: 'Ingrid Berg' },
    // The desks' members and the superbrukere, by name (cards and replies show names, not ids).
    'demo-desk-ror': { orgId: orgId('molde'), name: 'Siri Kundeservice' },
    'demo-desk-byarkivet': { orgId: orgId('etat-bym'), name: 'Bjørn Byarkivet' },
    'demo-desk-uke': { orgId: orgId('etat-bym'), name: 'Jon Servicesenter' },
    'demo-superbruker-molde': { orgId: orgId('molde'), name: 'Sara Superbruker' },
    'demo-superbruker-frogner': { orgId: orgId('bydel-frogner'), name: 'Finn Superbruker' },
    // Porteføljerådet: reads the SLA reports.
    'demo-rapportleser': { orgId: orgId('molde'), name: 'Liv Rapportleser' },
  },
  superusers: {
    molde: [userId('demo-superbruker-molde')],
    'bydel-frogner': [userId('demo-superbruker-frogner')],
  },
  reportReaders: [userId('demo-rapportleser')],
};
