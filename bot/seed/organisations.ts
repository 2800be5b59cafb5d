/** The embedded default's virksomheter: ROR-IKT's four municipalities, some Oslo bydeler and etater. */
import { orgId, type OrgId } from '../../shared/ids';
import type { Organisation } from '../../shared/desks/model';

const org = (id: string, name: string): Organisation => ({ id: orgId(id), name });

export const ROR_IKT_ORGS: Organisation[] = [
  org('aukra', 'Aukra kommune'),
  org('molde', 'Molde kommune'),
  org('rauma', 'Rauma kommune'),
  org('vestnes', 'Vestnes kommune'),
];

/** Byarkivet serves the city districts (seed 003). */
export const BYDELER: Organisation[] = [
  org('bydel-frogner', 'Bydel Frogner'),
  org('bydel-grunerlokka', 'Bydel Grünerløkka'),
  org('bydel-gamle-oslo', 'Bydel Gamle Oslo'),
  org('bydel-nordstrand', 'Bydel Nordstrand'),
  org('bydel-stovner', 'Bydel Stovner'),
];

/** UKE serves the city's agencies and districts (seed 002). */
export const ETATER: Organisation[] = [
  org('etat-bym', 'Bymiljøetaten'),
  org('etat-pbe', 'Plan- og bygningsetaten'),
  org('etat-sykehjem', 'Sykehjemsetaten'),
  org('etat-utdanning', 'Utdanningsetaten'),
];

export const ORGANISATIONS: Organisation[] = [...ROR_IKT_ORGS, ...BYDELER, ...ETATER];

export const orgIds = (orgs: Organisation[]): OrgId[] => orgs.map((o) => o.id);
