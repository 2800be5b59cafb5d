import type { Service, ServiceCriticality } from '../desks/model';
import { deskId, isoInstant, serviceId } from '../ids';
import { PRESETS, PRESET_IDS } from '../sla/presets';
import type { Availability, CaseKind, Scope } from './model';
import { priorityForLevel, suggestLevel, suggestPriority } from './priority';

const service = (criticality: ServiceCriticality, name = 'Gerica'): Service => ({
  id: serviceId('svc'),
  name,
  deskId: deskId('ror-ikt'),
  criticality,
});
const input = (scope: Scope, availability: Availability, kind: CaseKind = 'fault') => ({
  kind,
  checklist: {
    symptom: 'Får ikke logget inn',
    triedSoFar: 'Restartet PC',
    scope,
    availability,
    startedAt: isoInstant(new Date('2026-11-02T08:00:00Z')),
  },
});

const SCOPES: Scope[] = ['me', 'department', 'organisation', 'several_organisations'];
const CRITICALITIES: ServiceCriticality[] = ['life_and_health', 'high_uptime', 'citizen_facing', 'normal'];

describe('suggestPriority (ROR-IKT §5.6)', () => {
  const ror = (c: ServiceCriticality, scope: Scope, a: Availability, kind?: CaseKind) =>
    suggestPriority(input(scope, a, kind), service(c), PRESETS['ror-ikt']).priority;

  it.each<[ServiceCriticality, Scope, Availability, string]>([
    ['life_and_health', 'me', 'all', 'kritisk'], // liv og helse: any loss of the application
    ['high_uptime', 'organisation', 'all', 'kritisk'],
    ['high_uptime', 'department', 'all', 'hoy'],
    ['citizen_facing', 'me', 'all', 'hoy'], // innbyggertjenester
    ['normal', 'organisation', 'all', 'hoy'], // fullstendig bortfall, minst én virksomhet
    ['normal', 'department', 'all', 'hoy'],
    ['normal', 'me', 'all', 'middels'], // bortfall, minst én bruker
    ['life_and_health', 'department', 'partial', 'hoy'],
    ['normal', 'several_organisations', 'partial', 'middels'],
    ['normal', 'me', 'partial', 'lav'], // ikke direkte til hinder
  ])('%s, scope %s, %s unavailable → %s', (c, scope, a, expected) => {
    expect(ror(c, scope, a)).toBe(expected);
  });

  it('orders, change proposals and questions are Lav', () => {
    for (const kind of ['order', 'change_proposal', 'question'] as const)
      expect(ror('life_and_health', 'several_organisations', 'all', kind)).toBe('lav');
  });

  it('explains itself in both languages and names the suggestion', () => {
    const s = suggestPriority(input('me', 'all'), service('life_and_health', 'CosDoc'), PRESETS['ror-ikt']);
    expect(s.reason.nb).toBe(
      'CosDoc er nødvendig for tjenester innen liv og helse, og hele tjenesten er utilgjengelig. Foreslått prioritet: Kritisk.',
    );
    expect(s.reason.en).toContain('Suggested priority: Critical.');
  });

  it('a broader scope or a total loss never lowers the urgency', () => {
    for (const c of CRITICALITIES)
      for (const a of ['partial', 'all'] as const)
        for (let i = 1; i < SCOPES.length; i++) {
          const narrower = suggestLevel(input(SCOPES[i - 1], a), service(c)).level;
          expect(suggestLevel(input(SCOPES[i], a), service(c)).level).toBeLessThanOrEqual(narrower);
        }
    for (const c of CRITICALITIES)
      for (const scope of SCOPES)
        expect(suggestLevel(input(scope, 'all'), service(c)).level).toBeLessThanOrEqual(
          suggestLevel(input(scope, 'partial'), service(c)).level,
        );
  });
});

describe('suggestPriority in the other schemes, by level', () => {
  const by = (c: ServiceCriticality, scope: Scope, a: Availability) =>
    suggestPriority(input(scope, a), service(c, 'WebSak'), PRESETS['byarkivet-websak']).priority;

  it("Byarkivet: the seed's examples", () => {
    expect(by('high_uptime', 'several_organisations', 'all')).toBe('A'); // systemet er nede
    expect(by('normal', 'me', 'all')).toBe('B'); // en bruker får feil ved oppstart av systemet
    expect(by('normal', 'department', 'all')).toBe('B');
    expect(by('normal', 'me', 'partial')).toBe('C'); // mindre problemer
  });

  it('UKE: levels 1–2 are critical, 3–4 are not', () => {
    const uke = PRESETS['uke-servicesenter'];
    expect(priorityForLevel(uke, 1).id).toBe('kritisk');
    expect(priorityForLevel(uke, 2).id).toBe('kritisk');
    expect(priorityForLevel(uke, 3).id).toBe('ikke-kritisk');
    expect(priorityForLevel(uke, 4).id).toBe('ikke-kritisk');
  });

  it.each(PRESET_IDS)('%s: every answer gives a priority of the scheme', (id) => {
    const ids = PRESETS[id].priorities.map((p) => p.id as string);
    for (const c of CRITICALITIES)
      for (const scope of SCOPES)
        for (const a of ['partial', 'all'] as const)
          expect(ids).toContain(suggestPriority(input(scope, a), service(c), PRESETS[id]).priority);
  });
});
