import fc from 'fast-check';
import type { Service } from '../desks/model';
import { caseRef, deskId, orgId, serviceId, userId, type IsoInstant, type ServiceId } from '../ids';
import {
  chanceOfOrdinary,
  DEFAULT_FELLESFEIL_SETTINGS,
  effectiveThresholds,
  emptyFellesfeilState,
  fellesfeilCatalogue,
  fellesfeilHeadline,
  fellesfeilReason,
  stepFellesfeil,
  type FellesfeilInput,
  type FellesfeilSettings,
  type FellesfeilState,
  type ProposalChange,
  type ReceivedCase,
  type TargetLook,
  withUsualTraffic,
} from './fellesfeil-detector';

const UKE = deskId('uke');
const BYARKIVET = deskId('byarkivet');
const AKS = serviceId('aks');
const GERICA = serviceId('gerica');
const AGRESSO = serviceId('agresso');
const TEAMS = serviceId('teams');
const VPN = serviceId('vpn');
const WEBSAK = serviceId('websak');
const FORVALTER = userId('forvalter-gerica');

const SERVICES: Service[] = [
  { id: AKS, name: 'AKS pålogging', deskId: UKE, criticality: 'high_uptime' },
  {
    id: GERICA,
    name: 'Gerica',
    deskId: UKE,
    criticality: 'life_and_health',
    administrator: { id: FORVALTER, name: 'Forvalter Gerica' },
    dependsOn: [AKS],
  },
  { id: AGRESSO, name: 'Agresso', deskId: UKE, criticality: 'normal', dependsOn: [AKS] },
  { id: WEBSAK, name: 'WebSak', deskId: BYARKIVET, criticality: 'normal', dependsOn: [AKS] },
  { id: TEAMS, name: 'Teams', deskId: UKE, criticality: 'high_uptime' },
  { id: VPN, name: 'VPN', deskId: UKE, criticality: 'normal' },
];
const NAMES = new Map(SERVICES.map((s) => [s.id, s.name]));
const name = (id: ServiceId): string => NAMES.get(id) ?? id;
const catalogue = fellesfeilCatalogue(SERVICES);

/** The example window, and no baseline: the plain thresholds (the baseline has its own tests). */
const PLAIN: FellesfeilSettings = {
  ...DEFAULT_FELLESFEIL_SETTINGS,
  defaults: { ...DEFAULT_FELLESFEIL_SETTINGS.defaults, windowMinutes: 15 },
  baseline: { ...DEFAULT_FELLESFEIL_SETTINGS.baseline, falseAlarmRate: 0 },
};

/** Monday 2 March 2026, 10:00 Oslo. */
const T0 = Date.parse('2026-03-02T09:00:00Z');
const at = (minute: number): IsoInstant => new Date(T0 + minute * 60_000).toISOString() as IsoInstant;

let seq = 0;
const report = (
  minute: number,
  service: ServiceId,
  org: string,
  extra: Partial<ReceivedCase> = {},
): ReceivedCase => {
  seq += 1;
  const desk = SERVICES.find((s) => s.id === service)?.deskId ?? UKE;
  return {
    ref: caseRef(`FV-2026-${String(seq).padStart(6, '0')}`),
    serviceId: service,
    deskId: desk,
    orgId: orgId(org),
    reporterId: userId(`user-${seq}`),
    receivedAt: at(minute),
    byAdministrator: false,
    ...extra,
  };
};

/** Feeds inputs in order; a case's own time is "now", other inputs take the last time seen. */
class Detector {
  state: FellesfeilState = emptyFellesfeilState();
  changes: ProposalChange[] = [];
  /** What the detector made of each case received, in order. */
  looks: TargetLook[][] = [];
  now: IsoInstant = at(0);
  constructor(
    private readonly settings: FellesfeilSettings = PLAIN,
    state?: FellesfeilState,
  ) {
    if (state) this.state = state;
  }
  feed(...inputs: FellesfeilInput[]): ProposalChange[] {
    const out: ProposalChange[] = [];
    for (const input of inputs) {
      if (input.type === 'case_received') this.now = input.case.receivedAt;
      const r = stepFellesfeil(this.state, input, { catalogue, settings: this.settings, now: this.now });
      this.state = r.state;
      out.push(...r.changes);
      if (input.type === 'case_received') this.looks.push(r.looked ?? []);
    }
    this.changes.push(...out);
    return out;
  }
  cases(...cases: ReceivedCase[]): ProposalChange[] {
    return this.feed(...cases.map((c): FellesfeilInput => ({ type: 'case_received', case: c })));
  }
  at(minute: number): this {
    this.now = at(minute);
    return this;
  }
  proposed(): ProposalChange[] {
    return this.changes.filter((c) => c.type === 'proposed');
  }
}

describe('fellesfeil detector', () => {
  it('proposes when the third report from a second virksomhet lands exactly at the window’s edge', () => {
    const d = new Detector();
    const [a, b, c] = [
      report(0, GERICA, 'bydel-frogner'),
      report(7, GERICA, 'bydel-frogner'),
      report(15, GERICA, 'etat-sykehjem'),
    ];
    expect(d.cases(a!, b!)).toEqual([]);
    const [change] = d.cases(c!);
    expect(change).toMatchObject({
      type: 'proposed',
      proposal: { serviceId: GERICA, status: 'open', proposedAt: at(15) },
    });
    expect(change!.proposal.cases.map((x) => x.ref)).toEqual([a!.ref, b!.ref, c!.ref]);
    expect(fellesfeilHeadline(change!.proposal, name, 'nb')).toBe(
      'Mulig fellesfeil: 3 saker om Gerica fra 2 virksomheter siste 15 min',
    );
    expect(fellesfeilHeadline(change!.proposal, name, 'en')).toBe(
      'Possible major incident: 3 cases about Gerica from 2 organisations in the last 15 min',
    );
  });

  it('does not count a report one minute outside the window', () => {
    const d = new Detector();
    d.cases(
      report(0, GERICA, 'bydel-frogner'),
      report(7, GERICA, 'bydel-stovner'),
      report(16, GERICA, 'etat-sykehjem'),
    );
    expect(d.changes).toEqual([]);
    // A fourth report inside the window of the last two makes it.
    const [change] = d.cases(report(20, GERICA, 'etat-bym'));
    expect(change!.proposal.cases).toHaveLength(3);
    expect(change!.proposal.firstReportAt).toBe(at(7));
  });

  it('needs a second virksomhet or, from one virksomhet, the higher count; counts reporters once', () => {
    const d = new Detector();
    const same = userId('same-person');
    d.cases(
      report(0, TEAMS, 'bydel-frogner', { reporterId: same }),
      report(1, TEAMS, 'etat-bym', { reporterId: same }),
      report(2, TEAMS, 'etat-bym'),
    );
    expect(d.changes).toEqual([]);
    const one = new Detector();
    for (let m = 0; m < 5; m++) one.cases(report(m, VPN, 'etat-pbe'));
    expect(one.changes).toEqual([]);
    const [change] = one.cases(report(5, VPN, 'etat-pbe'));
    expect(change).toMatchObject({ type: 'proposed', proposal: { organisations: [orgId('etat-pbe')] } });
    expect(fellesfeilHeadline(change!.proposal, name, 'nb')).toBe(
      'Mulig fellesfeil: 6 saker om VPN fra 1 virksomhet siste 15 min',
    );
  });

  it('keeps two services at once apart, one open proposal each, later reports joining their own', () => {
    const d = new Detector();
    d.cases(
      report(0, TEAMS, 'bydel-frogner'),
      report(1, VPN, 'etat-pbe'),
      report(2, TEAMS, 'etat-bym'),
      report(3, VPN, 'bydel-stovner'),
      report(4, TEAMS, 'etat-pbe'),
      report(5, VPN, 'etat-sykehjem'),
      report(6, TEAMS, 'etat-utdanning'),
    );
    expect(d.proposed().map((c) => [c.proposal.serviceId, c.proposal.proposedAt])).toEqual([
      [TEAMS, at(4)],
      [VPN, at(5)],
    ]);
    expect(d.changes.at(-1)).toMatchObject({ type: 'updated', proposal: { serviceId: TEAMS } });
    expect(d.state.open.map((p) => [p.serviceId, p.cases.length])).toEqual([
      [TEAMS, 4],
      [VPN, 3],
    ]);
  });

  it('remembers "Ikke fellesfeil" for the rest of the burst and proposes a new burst later', () => {
    const d = new Detector();
    d.cases(report(0, TEAMS, 'bydel-frogner'), report(2, TEAMS, 'etat-bym'), report(4, TEAMS, 'etat-pbe'));
    const [first] = d.proposed();
    expect(d.at(6).feed({ type: 'proposal_rejected', proposalId: first!.proposal.id })).toEqual([
      expect.objectContaining({
        type: 'rejected',
        proposal: expect.objectContaining({ status: 'rejected' }),
      }),
    ]);
    // The same burst goes on: nothing new, however long it keeps meeting the thresholds.
    for (let m = 8; m <= 60; m += 4) d.cases(report(m, TEAMS, m % 8 === 0 ? 'etat-bym' : 'etat-utdanning'));
    expect(d.proposed()).toHaveLength(1);
    expect(d.state.open).toEqual([]);
    // Quiet for more than a window, then a new burst: a new proposal with only the new reports.
    d.cases(
      report(90, TEAMS, 'bydel-stovner'),
      report(91, TEAMS, 'etat-sykehjem'),
      report(92, TEAMS, 'etat-bym'),
    );
    expect(d.proposed()).toHaveLength(2);
    expect(d.proposed()[1]!.proposal).toMatchObject({ firstReportAt: at(90), proposedAt: at(92) });
    expect(d.proposed()[1]!.proposal.id).not.toBe(first!.proposal.id);
  });

  it('ends a rejected burst once the window stops meeting the thresholds, even on a busy service', () => {
    const d = new Detector();
    d.cases(report(0, TEAMS, 'bydel-frogner'), report(1, TEAMS, 'etat-bym'), report(2, TEAMS, 'etat-pbe'));
    d.at(3).feed({ type: 'proposal_rejected', proposalId: d.proposed()[0]!.proposal.id });
    // One report every 10 minutes: never three in a window, so the burst is over after 15 minutes.
    for (let m = 12; m <= 42; m += 10) d.cases(report(m, TEAMS, 'etat-utdanning'));
    d.cases(report(44, TEAMS, 'bydel-stovner'), report(45, TEAMS, 'etat-sykehjem'));
    expect(d.proposed()).toHaveLength(2);
  });

  it('proposes nothing for a service whose cases already have a hovedsak, until that fellesfeil is over', () => {
    const d = new Detector();
    const parent = report(0, GERICA, 'bydel-frogner');
    d.cases(parent);
    d.feed({ type: 'hovedsak_set', serviceId: GERICA, parentRef: parent.ref });
    for (let m = 1; m <= 10; m++) d.cases(report(m, GERICA, m % 2 ? 'etat-bym' : 'etat-pbe'));
    // A new case created as an undersak marks its service too.
    const undersak = report(11, TEAMS, 'etat-bym', { parentRef: caseRef('FV-2026-999999') });
    d.cases(undersak, report(12, TEAMS, 'etat-pbe'), report(13, TEAMS, 'etat-utdanning'));
    expect(d.changes).toEqual([]);

    d.at(30).feed({ type: 'hovedsak_finished', parentRef: parent.ref });
    d.cases(
      report(31, GERICA, 'etat-bym'),
      report(32, GERICA, 'etat-pbe'),
      report(33, GERICA, 'etat-utdanning'),
    );
    expect(d.proposed()).toHaveLength(0); // stragglers right after the fix belong to the old burst
    d.cases(
      report(70, GERICA, 'etat-bym'),
      report(71, GERICA, 'etat-pbe'),
      report(72, GERICA, 'etat-utdanning'),
    );
    expect(d.proposed().map((c) => c.proposal.serviceId)).toEqual([GERICA]);
  });

  it('a hovedsak set by hand closes the open proposal of that service as accepted', () => {
    const d = new Detector();
    d.cases(report(0, TEAMS, 'bydel-frogner'), report(1, TEAMS, 'etat-bym'), report(2, TEAMS, 'etat-pbe'));
    const p = d.proposed()[0]!.proposal;
    const [change] = d.at(5).feed({ type: 'hovedsak_set', serviceId: TEAMS, parentRef: p.cases[1]!.ref });
    expect(change).toMatchObject({ type: 'accepted', proposal: { id: p.id, parentRef: p.cases[1]!.ref } });
    d.cases(report(6, TEAMS, 'etat-utdanning'));
    expect(d.state.open).toEqual([]);
  });

  it('counts reports on dependent services for the service they depend on', () => {
    const d = new Detector();
    d.cases(report(0, GERICA, 'bydel-frogner'), report(2, AGRESSO, 'etat-bym'));
    const [change] = d.cases(report(3, WEBSAK, 'bydel-stovner'));
    const p = change!.proposal;
    expect(p).toMatchObject({ serviceId: AKS, deskId: UKE, reportedServices: [GERICA, AGRESSO, WEBSAK] });
    expect(p.otherDeskRefs).toEqual([p.cases[2]!.ref]);
    expect(p.childRefs).toEqual([p.cases[1]!.ref]);
    expect(fellesfeilHeadline(p, name, 'nb')).toBe(
      'Mulig fellesfeil: 3 saker om AKS pålogging (meldt på Gerica, Agresso og WebSak, som avhenger av den) fra 3 virksomheter siste 15 min',
    );
    // A later Gerica report joins the AKS proposal rather than starting a Gerica one.
    d.cases(
      report(4, GERICA, 'etat-pbe'),
      report(5, GERICA, 'etat-bym'),
      report(6, GERICA, 'etat-utdanning'),
    );
    expect(d.state.open.map((x) => [x.serviceId, x.cases.length])).toEqual([[AKS, 6]]);
  });

  it('proposes a burst on one dependent service as that service, not the one it depends on', () => {
    const d = new Detector();
    d.cases(report(0, GERICA, 'bydel-frogner'), report(1, GERICA, 'etat-bym'), report(2, GERICA, 'etat-pbe'));
    expect(d.proposed().map((c) => c.proposal.serviceId)).toEqual([GERICA]);
  });

  it('an active fellesfeil on a service holds back the services depending on it', () => {
    const d = new Detector();
    d.feed({ type: 'hovedsak_set', serviceId: AKS, parentRef: caseRef('FV-2026-900000') });
    d.cases(report(0, GERICA, 'bydel-frogner'), report(1, GERICA, 'etat-bym'), report(2, GERICA, 'etat-pbe'));
    expect(d.changes).toEqual([]);
  });

  it('picks the forvalter’s report as hovedsak, else the earliest, and picks again as reports join', () => {
    const d = new Detector();
    const [a, b, c] = [
      report(0, GERICA, 'bydel-frogner'),
      report(1, GERICA, 'etat-bym'),
      report(2, GERICA, 'etat-pbe'),
    ];
    const [proposed] = d.cases(a!, b!, c!);
    expect(proposed!.proposal).toMatchObject({
      parentRef: a!.ref,
      parentReason: 'earliest',
      childRefs: [b!.ref, c!.ref],
    });
    const byForvalter = report(4, GERICA, 'etat-sykehjem', { reporterId: FORVALTER, byAdministrator: true });
    const [updated] = d.cases(byForvalter);
    expect(updated!.proposal).toMatchObject({
      parentRef: byForvalter.ref,
      parentReason: 'service_administrator',
      childRefs: [a!.ref, b!.ref, c!.ref],
    });
    const [accepted] = d.at(10).feed({ type: 'proposal_accepted', proposalId: updated!.proposal.id });
    expect(accepted).toMatchObject({
      type: 'accepted',
      proposal: { parentRef: byForvalter.ref, status: 'accepted' },
    });
    expect(d.state.active).toEqual([{ serviceId: GERICA, parentRef: byForvalter.ref, since: at(10) }]);
  });

  it('prefers a report by another service’s forvalter over the earliest', () => {
    const d = new Detector();
    const admin = report(1, AGRESSO, 'etat-bym', { byAdministrator: true });
    const [change] = d.cases(report(0, GERICA, 'bydel-frogner'), admin, report(2, AGRESSO, 'etat-pbe'));
    expect(change!.proposal).toMatchObject({
      serviceId: AKS,
      parentRef: admin.ref,
      parentReason: 'administrator',
    });
  });

  it('expires an open proposal that gets no report for the expiry time', () => {
    const d = new Detector();
    d.cases(report(0, VPN, 'bydel-frogner'), report(1, VPN, 'etat-bym'), report(2, VPN, 'etat-pbe'));
    expect(d.at(122).feed({ type: 'tick' })).toEqual([]);
    expect(d.at(123).feed({ type: 'tick' })).toEqual([expect.objectContaining({ type: 'expired' })]);
    expect(d.state.open).toEqual([]);
  });

  it('uses per-service thresholds', () => {
    const d = new Detector({ ...PLAIN, services: { [TEAMS]: { minReports: 4, windowMinutes: 5 } } });
    d.cases(report(0, TEAMS, 'bydel-frogner'), report(1, TEAMS, 'etat-bym'), report(2, TEAMS, 'etat-pbe'));
    d.cases(report(8, TEAMS, 'etat-utdanning'));
    expect(d.changes).toEqual([]);
    d.cases(report(9, TEAMS, 'bydel-stovner'), report(10, TEAMS, 'etat-bym'), report(11, TEAMS, 'etat-pbe'));
    expect(d.proposed()).toHaveLength(1);
  });

  it('a rejected wider service does not hold back a narrower one', () => {
    const d = new Detector();
    d.cases(
      report(0, GERICA, 'bydel-frogner'),
      report(1, AGRESSO, 'etat-bym'),
      report(2, GERICA, 'etat-pbe'),
    );
    d.at(3).feed({ type: 'proposal_rejected', proposalId: d.proposed()[0]!.proposal.id });
    d.cases(report(4, GERICA, 'etat-utdanning'), report(5, GERICA, 'etat-bym'));
    expect(d.proposed().map((c) => c.proposal.serviceId)).toEqual([AKS]);
    const [change] = d.cases(report(6, GERICA, 'etat-sykehjem'));
    expect(change).toMatchObject({ type: 'proposed', proposal: { serviceId: GERICA } });
    expect(change!.proposal.cases.map((c) => c.receivedAt)).toEqual([at(4), at(5), at(6)]);
  });

  it('counts one virksomhet’s reporters at most twice towards the window’s count, not towards the count from any', () => {
    const settings: FellesfeilSettings = { ...PLAIN, services: { [VPN]: { minReports: 5 } } };
    /** One VPN report a minute from each of `orgs`, in order. */
    const fromOrgs = (...orgs: string[]): ReceivedCase[] => orgs.map((o, i) => report(i, VPN, o));
    const localFour = ['etat-bym', 'etat-bym', 'etat-bym', 'etat-bym', 'etat-pbe'];
    // Four reporters from one etat and one from another: 2 + 1 = 3 of the 5 needed.
    const d = new Detector(settings);
    d.cases(...fromOrgs(...localFour));
    expect(d.changes).toEqual([]);
    expect(d.looks.at(-1)).toEqual([
      { serviceId: VPN, outcome: 'below', inWindow: 5, free: 5, minReports: 5 },
    ]);
    // A sixth reporter: six whatever the virksomheter.
    const [change] = d.cases(report(5, VPN, 'etat-bym'));
    expect(change).toMatchObject({
      type: 'proposed',
      proposal: { serviceId: VPN, evidence: { rule: 'count' } },
    });
    // Counted in full, the five were enough; so are five from three places, at most two from each.
    const every = new Detector({
      ...settings,
      baseline: { ...settings.baseline, reportsPerOrganisation: undefined },
    });
    expect(every.cases(...fromOrgs(...localFour))).toHaveLength(1);
    const spread = new Detector(settings);
    expect(
      spread.cases(...fromOrgs('etat-bym', 'etat-bym', 'etat-pbe', 'etat-pbe', 'etat-velferd')),
    ).toHaveLength(1);
  });

  it('says what it made of each report for each service, widest first (a burst over the dependants)', () => {
    const d = new Detector();
    d.cases(report(0, GERICA, 'bydel-frogner'));
    // One report on Gerica alone: the sign-in service is left to Gerica.
    expect(d.looks.at(-1)).toEqual([
      { serviceId: AKS, outcome: 'narrower', inWindow: 1, free: 1, minReports: 3 },
      { serviceId: GERICA, outcome: 'below', inWindow: 1, free: 1, minReports: 3 },
    ]);
    d.cases(report(2, AGRESSO, 'etat-bym'));
    expect(d.looks.at(-1)).toEqual([
      { serviceId: AKS, outcome: 'below', inWindow: 2, free: 2, minReports: 3 },
      { serviceId: AGRESSO, outcome: 'below', inWindow: 1, free: 1, minReports: 3 },
    ]);
    d.cases(report(3, WEBSAK, 'bydel-stovner'));
    expect(d.looks.at(-1)).toEqual([
      { serviceId: AKS, outcome: 'proposed', inWindow: 3, free: 3, minReports: 3 },
    ]);
    d.cases(report(4, GERICA, 'etat-pbe'));
    expect(d.looks.at(-1)).toEqual([
      { serviceId: AKS, outcome: 'joined', inWindow: 4, free: 1, minReports: 3 },
    ]);
    // Rejected: the sign-in service is quiet, Gerica's own reports are tried as Gerica.
    d.at(5).feed({ type: 'proposal_rejected', proposalId: d.proposed()[0]!.proposal.id });
    d.cases(report(6, GERICA, 'etat-utdanning'));
    expect(d.looks.at(-1)!.map((t) => [t.serviceId, t.outcome])).toEqual([
      [AKS, 'quiet'],
      [GERICA, 'below'],
    ]);
    // A hovedsak on the sign-in service holds every report counting for it.
    const e = new Detector();
    e.feed({ type: 'hovedsak_set', serviceId: AKS, parentRef: caseRef('FV-2026-900001') });
    e.cases(report(0, AGRESSO, 'etat-bym'));
    expect(e.looks).toEqual([[{ serviceId: AKS, outcome: 'active', inWindow: 1, free: 1, minReports: 3 }]]);
  });

  it('ignores a replayed case', () => {
    const d = new Detector();
    const a = report(0, VPN, 'bydel-frogner');
    d.cases(a, a, { ...a, orgId: orgId('etat-bym') }, report(1, VPN, 'etat-pbe'));
    expect(d.changes).toEqual([]);
  });
});

describe('fellesfeil detector, any stream', () => {
  const services = [AKS, GERICA, AGRESSO, WEBSAK, TEAMS, VPN];
  const orgs = ['a', 'b', 'c', 'd'];
  const action = fc.oneof(
    {
      weight: 8,
      arbitrary: fc.record({
        kind: fc.constant('case' as const),
        gap: fc.integer({ min: 0, max: 12 }),
        service: fc.constantFrom(...services),
        org: fc.constantFrom(...orgs),
        reporter: fc.integer({ min: 0, max: 6 }),
        admin: fc.boolean(),
      }),
    },
    {
      weight: 1,
      arbitrary: fc.record({ kind: fc.constantFrom('accept' as const, 'reject' as const), pick: fc.nat() }),
    },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('finish' as const), pick: fc.nat() }) },
    {
      weight: 1,
      arbitrary: fc.record({ kind: fc.constant('tick' as const), gap: fc.integer({ min: 0, max: 200 }) }),
    },
  );

  it('never has two open proposals for one service nor a case in two, and its state survives JSON', () => {
    fc.assert(
      fc.property(fc.array(action, { maxLength: 120 }), (actions) => {
        let state = emptyFellesfeilState();
        let minute = 0;
        let n = 0;
        for (const a of actions) {
          let input: FellesfeilInput | undefined;
          if (a.kind === 'case') {
            minute += a.gap;
            n += 1;
            const service = a.service;
            input = {
              type: 'case_received',
              case: {
                ref: caseRef(`FV-2026-${String(n).padStart(6, '0')}`),
                serviceId: service,
                deskId: SERVICES.find((s) => s.id === service)!.deskId,
                orgId: orgId(a.org),
                reporterId: userId(`u${a.reporter}`),
                receivedAt: at(minute),
                byAdministrator: a.admin,
              },
            };
          } else if (a.kind === 'tick') {
            minute += a.gap;
            input = { type: 'tick' };
          } else if (a.kind === 'finish') {
            const active = state.active[a.pick % Math.max(1, state.active.length)];
            if (active) input = { type: 'hovedsak_finished', parentRef: active.parentRef };
          } else {
            const open = state.open[a.pick % Math.max(1, state.open.length)];
            if (open)
              input =
                a.kind === 'accept'
                  ? { type: 'proposal_accepted', proposalId: open.id }
                  : { type: 'proposal_rejected', proposalId: open.id };
          }
          if (!input) continue;
          const ctx = { catalogue, settings: PLAIN, now: at(minute) };
          const r = stepFellesfeil(state, input, ctx);
          const viaJson = stepFellesfeil(JSON.parse(JSON.stringify(state)) as FellesfeilState, input, ctx);
          expect(JSON.parse(JSON.stringify(viaJson))).toEqual(JSON.parse(JSON.stringify(r)));
          state = r.state;

          const openServices = state.open.map((p) => p.serviceId);
          expect(new Set(openServices).size).toBe(openServices.length);
          const refs = state.open.flatMap((p) => p.cases.map((c) => c.ref));
          expect(new Set(refs).size).toBe(refs.length);
          for (const c of r.changes.filter((x) => x.type === 'proposed'))
            expect(state.active.some((x) => x.serviceId === c.proposal.serviceId)).toBe(false);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('fellesfeil detector, usual traffic', () => {
  const settings = DEFAULT_FELLESFEIL_SETTINGS;
  /** `perDay` reports on `service` on each of the working days before Monday 2 March. */
  const history = (service: ServiceId, perDay: number, days = ['2026-02-25', '2026-02-26', '2026-02-27']) =>
    days.flatMap((d) =>
      Array.from({ length: perDay }, (_, i) => ({
        serviceId: service,
        receivedAt:
          `${d}T${String(7 + Math.floor(i / 8)).padStart(2, '0')}:${String((i % 8) * 7).padStart(2, '0')}:00.000Z` as IsoInstant,
      })),
    );

  /** The window's count alone, its chance per report (no scan, not evened out). */
  const countOnly: FellesfeilSettings = {
    ...settings,
    baseline: { ...settings.baseline, scanFalseAlarmRate: 0, referencePerDay: undefined },
  };

  it('raises the count on a busy service and keeps it on a quiet one', () => {
    const state = withUsualTraffic(
      emptyFellesfeilState(),
      [...history(TEAMS, 48), ...history(GERICA, 48), ...history(VPN, 1)],
      {
        catalogue,
        settings,
      },
    );
    const today = '2026-03-02';
    // 48 a day over 480 minutes: λ = 0.1 × 10 × 1.5 = 1.5 ordinary reports in a window at the peak;
    // P(N >= 8) = 0.00017, P(N >= 7) = 0.00093 > 0.001 × 8 / 72 (the chance evened out for a
    // service with 72 reports a day at its peak): a report needs 9 others beside it.
    expect(effectiveThresholds(state, settings, TEAMS, today)).toMatchObject({
      minReports: 10,
      minReportsAnyOrganisations: 10,
    });
    // Per report, not evened out: P(N >= 7) = 0.00093 <= 0.001, 7 others.
    expect(effectiveThresholds(state, countOnly, TEAMS, today).minReports).toBe(8);
    expect(effectiveThresholds(state, settings, VPN, today).minReports).toBe(3);
    // Gerica's reports count for the sign-in service it depends on, too.
    expect(effectiveThresholds(state, settings, AKS, today).minReports).toBeGreaterThanOrEqual(10);
    // Fewer known days than `minDays`: the plain thresholds.
    const young = withUsualTraffic(emptyFellesfeilState(), history(TEAMS, 48, ['2026-02-27']), {
      catalogue,
      settings,
    });
    expect(effectiveThresholds(young, settings, TEAMS, today).minReports).toBe(3);
  });

  it('proposes a burst on a busy service once it stands out from the usual traffic', () => {
    const seeded = withUsualTraffic(emptyFellesfeilState(), history(TEAMS, 48), {
      catalogue,
      settings: countOnly,
    });
    const d = new Detector(countOnly, seeded);
    for (let i = 0; i < 7; i++) d.cases(report(i, TEAMS, i % 2 ? 'etat-bym' : 'etat-pbe'));
    expect(d.changes).toEqual([]);
    const [change] = d.cases(report(7, TEAMS, 'etat-velferd'));
    expect(change).toMatchObject({ type: 'proposed', proposal: { serviceId: TEAMS } });
    expect(change!.proposal.cases).toHaveLength(8);
  });

  // VPN with 8 a day: 0.025 ordinary reports a minute at the peak, a chance of 0.001 × 8 / 12 per
  // report. The window needs 5 reports (P(N >= 4 | λ = 0.25) = 0.00013); three reports within a minute
  // are rarer than that (P(N >= 2 | λ = 0.025) = 0.0003), three over six minutes are not (0.0099).
  it('proposes three reports close together on a busy service at the third', () => {
    const seeded = withUsualTraffic(emptyFellesfeilState(), history(VPN, 8), { catalogue, settings });
    expect(effectiveThresholds(seeded, settings, VPN, '2026-03-02').minReports).toBe(5);
    const d = new Detector(settings, seeded);
    d.cases(report(0, VPN, 'etat-bym'), report(0.5, VPN, 'etat-pbe'));
    expect(d.changes).toEqual([]);
    const [change] = d.cases(report(1, VPN, 'etat-velferd'));
    expect(change).toMatchObject({ type: 'proposed', proposal: { serviceId: VPN } });
    expect(change!.proposal.cases).toHaveLength(3);
  });

  it('waits for the window’s count when the reports on a busy service are spread out', () => {
    const seeded = withUsualTraffic(emptyFellesfeilState(), history(VPN, 8), { catalogue, settings });
    const d = new Detector(settings, seeded);
    d.cases(report(0, VPN, 'etat-bym'), report(3, VPN, 'etat-pbe'), report(6, VPN, 'etat-velferd'));
    d.cases(report(8, VPN, 'etat-helse'));
    expect(d.changes).toEqual([]);
    const [change] = d.cases(report(10, VPN, 'etat-kultur'));
    expect(change).toMatchObject({ type: 'proposed', proposal: { serviceId: VPN } });
    expect(change!.proposal.cases).toHaveLength(5);
  });

  it('says how close the scan came: the chance of the reports and the chance needed', () => {
    const seeded = withUsualTraffic(emptyFellesfeilState(), history(VPN, 8), { catalogue, settings });
    const spread = new Detector(settings, seeded);
    spread.cases(report(0, VPN, 'etat-bym'), report(3, VPN, 'etat-pbe'), report(6, VPN, 'etat-velferd'));
    // P(N >= 2 | λ = 0.15) = 0.0102 against 0.001 × 8 / 12.
    const [look] = spread.looks.at(-1)!;
    expect(look).toMatchObject({ serviceId: VPN, outcome: 'below', minReports: 5 });
    expect(look!.scan).toMatchObject({ reports: 3, minutes: 6, wideOrganisations: 0 });
    expect(look!.scan!.chance).toBeCloseTo(0.0102, 4);
    expect(look!.scan!.needed).toBeCloseTo(0.001 * (8 / 12), 8);
    const close = new Detector(settings, seeded);
    close.cases(report(0, VPN, 'etat-bym'), report(0.5, VPN, 'etat-pbe'));
    const [change] = close.cases(report(1, VPN, 'etat-velferd'));
    const [proposed] = close.looks.at(-1)!;
    expect(proposed).toMatchObject({ outcome: 'proposed', scan: { reports: 3, minutes: 1 } });
    expect(change!.proposal.evidence).toMatchObject({ rule: 'stands_out', chance: proposed!.scan!.chance });
  });

  it('a scan needs the plain thresholds too: three close reports from one virksomhet are not enough', () => {
    const seeded = withUsualTraffic(emptyFellesfeilState(), history(VPN, 8), { catalogue, settings });
    const d = new Detector(settings, seeded);
    d.cases(report(0, VPN, 'etat-bym'), report(0.2, VPN, 'etat-bym'), report(0.4, VPN, 'etat-bym'));
    expect(d.changes).toEqual([]);
  });

  // VPN with 1 a day: 0.0031 ordinary reports a minute at the peak, a chance of 0.002 per report (a
  // quiet service's is doubled). Two more reports in 18 minutes: P(N >= 2 | λ = 0.056) = 0.0015.
  it('proposes a slow burst on a quiet service at the third, when the first is more than a window before', () => {
    const seeded = withUsualTraffic(emptyFellesfeilState(), history(VPN, 1), { catalogue, settings });
    const burst = [report(0, VPN, 'etat-bym'), report(8, VPN, 'etat-pbe'), report(18, VPN, 'etat-velferd')];
    const d = new Detector(settings, seeded);
    d.cases(burst[0]!, burst[1]!);
    expect(d.changes).toEqual([]);
    const [change] = d.cases(burst[2]!);
    expect(change).toMatchObject({
      type: 'proposed',
      proposal: { serviceId: VPN, evidence: { rule: 'stands_out', reports: 3, minutes: 18 } },
    });
    // The report from before the window is the burst's, too.
    expect(change!.proposal.cases.map((c) => c.ref)).toEqual(burst.map((c) => c.ref));
    expect(change!.proposal.parentRef).toBe(burst[0]!.ref);
    // The window holds two of them: a scan kept to the window waits for more.
    const windowOnly = { ...settings, baseline: { ...settings.baseline, scanMinutes: undefined } };
    const w = new Detector(windowOnly, seeded);
    w.cases(...burst.map((c) => ({ ...c, ref: caseRef(`${c.ref}-w`) })));
    expect(w.changes).toEqual([]);
  });

  it('the scan reaches back scanMinutes: a report exactly that old counts, one just older does not', () => {
    const seeded = withUsualTraffic(emptyFellesfeilState(), history(VPN, 1), { catalogue, settings });
    const wide = { scope: 'organisation' as const };
    // Two virksomheter saying the whole virksomhet is hit over 30 minutes: P(W >= 2 | λ = 0.0082) = 0.00003.
    const edge = new Detector(settings, seeded);
    edge.cases(report(0, VPN, 'etat-bym', wide), report(15, VPN, 'etat-pbe', wide));
    const [change] = edge.cases(report(30, VPN, 'etat-velferd', { scope: 'me' }));
    expect(change).toMatchObject({
      type: 'proposed',
      proposal: { evidence: { rule: 'stands_out', minutes: 30 } },
    });
    const beyond = new Detector(settings, seeded);
    beyond.cases(report(0, VPN, 'etat-bym', wide), report(15, VPN, 'etat-pbe', wide));
    beyond.cases(report(30.02, VPN, 'etat-velferd', { scope: 'me' }));
    expect(beyond.changes).toEqual([]);
  });

  // VPN with 3 a day: 0.0094 ordinary reports a minute at the peak, a chance of 0.001 × 8 / 4.5 per
  // report. Four reports 7 minutes apart: any three span 14 minutes, P(N >= 2 | λ = 0.13) = 0.008; all
  // four span 21, P(N >= 3 | λ = 0.2) = 0.0011, which would stand out.
  it('beyond the window the scan looks at the plain count’s three reports only, not at four', () => {
    const seeded = withUsualTraffic(emptyFellesfeilState(), history(VPN, 3), { catalogue, settings });
    const d = new Detector(settings, seeded);
    d.cases(
      report(0, VPN, 'etat-pbe'),
      report(7, VPN, 'etat-bym'),
      report(14, VPN, 'etat-velferd'),
      report(21, VPN, 'etat-helse'),
    );
    expect(d.changes).toEqual([]);
    expect(d.looks.at(-1)).toEqual([
      expect.objectContaining({
        serviceId: VPN,
        outcome: 'below',
        scan: expect.objectContaining({ reports: 3 }),
      }),
    ]);
  });

  it('counts the cases of a rejected proposal as usual traffic, and not those of a fellesfeil', () => {
    const d = new Detector(settings);
    d.cases(report(0, VPN, 'bydel-frogner'), report(1, VPN, 'etat-bym'), report(2, VPN, 'etat-pbe'));
    const before = d.state.usual[VPN]?.['2026-03-02'] ?? 0;
    expect(before).toBe(2); // the first two, before there was a proposal
    d.at(3).feed({ type: 'proposal_rejected', proposalId: d.proposed()[0]!.proposal.id });
    // The three reports, each once: the two counted on arrival are not counted again.
    expect(d.state.usual[VPN]!['2026-03-02']).toBe(3);
    d.cases(report(4, TEAMS, 'bydel-frogner'), report(5, TEAMS, 'etat-bym'), report(6, TEAMS, 'etat-pbe'));
    d.at(7).feed({ type: 'proposal_accepted', proposalId: d.proposed()[1]!.proposal.id });
    d.cases(report(8, TEAMS, 'etat-utdanning'));
    expect(d.state.usual[TEAMS]!['2026-03-02']).toBe(2);
  });

  it('counts a report that joined the open proposal once when the proposal is rejected', () => {
    const d = new Detector(settings);
    d.cases(report(0, VPN, 'bydel-frogner'), report(1, VPN, 'etat-bym'), report(2, VPN, 'etat-pbe'));
    d.cases(report(3, VPN, 'etat-velferd'));
    const p = d.proposed()[0]!.proposal;
    expect(p.countedAsUsual).toHaveLength(2);
    d.at(4).feed({ type: 'proposal_rejected', proposalId: p.id });
    expect(d.state.usual[VPN]!['2026-03-02']).toBe(4);
  });
});

describe('fellesfeil detector, the scope answer and the virksomheter', () => {
  const settings = DEFAULT_FELLESFEIL_SETTINGS;
  const TODAY = '2026-03-02';
  /** 8 reports a day on `service` on the three working days before, `wide` of them a day saying "the whole virksomhet". */
  const history = (service: ServiceId, wide = 0) =>
    ['2026-02-25', '2026-02-26', '2026-02-27'].flatMap((d) =>
      Array.from({ length: 8 }, (_, i) => ({
        serviceId: service,
        receivedAt: `${d}T${String(7 + i).padStart(2, '0')}:00:00.000Z` as IsoInstant,
        scope: i < wide ? ('organisation' as const) : ('me' as const),
      })),
    );
  const seeded = (...services: Array<[ServiceId, number]>) =>
    withUsualTraffic(
      emptyFellesfeilState(),
      services.flatMap(([s, wide]) => history(s, wide)),
      { catalogue, settings },
    );
  const wide = { scope: 'organisation' as const };
  const several = { scope: 'several_organisations' as const };
  const me = { scope: 'me' as const };

  // VPN with 8 a day: 0.025 ordinary reports a minute at the peak, a chance of 0.001 × 8 / 12 per
  // report. Two more reports in six minutes: P(N >= 2 | λ = 0.15) = 0.010, far from it. With both from
  // virksomheter saying the whole virksomhet is hit (a share of 2 / 44 of ordinary reports, the prior's
  // 0.1 as 20 reports and none of VPN's 24): P(W >= 2 | λ = 0.0068) = 0.00002.
  it('proposes three reports over six minutes at the third when two virksomheter say the whole virksomhet is hit', () => {
    const d = new Detector(settings, seeded([VPN, 0]));
    expect(effectiveThresholds(d.state, settings, VPN, TODAY).minReports).toBe(5);
    d.cases(report(0, VPN, 'etat-bym', wide), report(3, VPN, 'etat-pbe', several));
    const [change] = d.cases(report(6, VPN, 'etat-velferd', me));
    expect(change).toMatchObject({
      type: 'proposed',
      proposal: {
        serviceId: VPN,
        evidence: { rule: 'stands_out', reports: 3, minutes: 6, wideOrganisations: 2, usualPerDay: 8 },
      },
    });
    expect(change!.proposal.evidence).toMatchObject({ chance: expect.any(Number) });
    if (change!.proposal.evidence?.rule !== 'stands_out') throw new Error('not a scan');
    expect(change!.proposal.evidence.chance).toBeLessThan(0.0001);
    expect(fellesfeilReason(change!.proposal.evidence, change!.proposal, 'nb')).toMatch(
      /^3 meldinger på 6 min, fra 2 virksomheter som sier at hele virksomheten eller flere er rammet\. Tjenesten får vanligvis 8 meldinger om dagen: vanlig trafikk gir dette ved omtrent 1 av [\d\s\u00a0\u202f]+ meldinger\.$/,
    );
    expect(fellesfeilReason(change!.proposal.evidence, change!.proposal, 'en')).toMatch(
      /^3 reports in 6 min, from 2 organisations saying the whole organisation or more is hit\. The service usually gets 8 reports a day: ordinary traffic gives this at about 1 in [\d,]+ reports\.$/,
    );
  });

  it('the same three reports answering "only me", or only one saying more, wait for the window’s count', () => {
    const d = new Detector(settings, seeded([VPN, 0]));
    d.cases(
      report(0, VPN, 'etat-bym', me),
      report(3, VPN, 'etat-pbe', me),
      report(6, VPN, 'etat-velferd', me),
    );
    expect(d.changes).toEqual([]);
    // One saying the whole virksomhet: P(N >= 2, W >= 1) = 0.00099, above the chance per report.
    const e = new Detector(settings, seeded([VPN, 0]));
    e.cases(
      report(0, VPN, 'etat-bym', wide),
      report(3, VPN, 'etat-pbe', me),
      report(6, VPN, 'etat-velferd', me),
    );
    expect(e.changes).toEqual([]);
  });

  it('reads neither the newest report’s own answer nor a second answer from one virksomhet', () => {
    // The asking report says it, and one other: one virksomhet besides the asker.
    const d = new Detector(settings, seeded([VPN, 0]));
    d.cases(
      report(0, VPN, 'etat-bym', wide),
      report(3, VPN, 'etat-pbe', me),
      report(6, VPN, 'etat-velferd', wide),
    );
    expect(d.changes).toEqual([]);
    // Two answers from one virksomhet count once (and a third virksomhet makes the plain thresholds).
    const e = new Detector(settings, seeded([VPN, 0]));
    e.cases(
      report(0, VPN, 'etat-bym', wide),
      report(3, VPN, 'etat-bym', several),
      report(6, VPN, 'etat-velferd', me),
    );
    expect(e.changes).toEqual([]);
  });

  it('learns a service whose reporters often say the whole virksomhet, and asks more of it', () => {
    // Half of VPN's ordinary reports say so: a share of (12 + 2) / 44, P(W >= 2 | λ = 0.048) = 0.0011.
    const d = new Detector(settings, seeded([VPN, 4]));
    d.cases(
      report(0, VPN, 'etat-bym', wide),
      report(3, VPN, 'etat-pbe', several),
      report(6, VPN, 'etat-velferd', me),
    );
    expect(d.changes).toEqual([]);
  });

  it('with the scan kept to the window, an answer just outside it does not count; one at its edge does', () => {
    const windowOnly = { ...settings, baseline: { ...settings.baseline, scanMinutes: undefined } };
    const outside = new Detector(windowOnly, seeded([VPN, 0]));
    outside.cases(
      report(0, VPN, 'etat-bym', wide),
      report(4, VPN, 'etat-pbe', wide),
      report(10.02, VPN, 'etat-velferd', me),
    );
    expect(outside.changes).toEqual([]);
    // Exactly 10 minutes old: in the window; two answers over ten minutes, P(W >= 2 | λ = 0.011) = 0.00006.
    const edge = new Detector(windowOnly, seeded([VPN, 0]));
    edge.cases(
      report(0, VPN, 'etat-bym', wide),
      report(4, VPN, 'etat-pbe', wide),
      report(10, VPN, 'etat-velferd', me),
    );
    expect(edge.proposed()).toHaveLength(1);
    expect(edge.proposed()[0]!.proposal).toMatchObject({
      proposedAt: at(10),
      evidence: { rule: 'stands_out', minutes: 10, wideOrganisations: 2 },
    });
  });

  it('answers on one service do not help another at the same time', () => {
    const d = new Detector(settings, seeded([VPN, 0], [TEAMS, 0]));
    d.cases(
      report(0, VPN, 'etat-bym', wide),
      report(1, TEAMS, 'etat-pbe', wide),
      report(3, VPN, 'etat-helse', several),
      report(4, TEAMS, 'etat-kultur', me),
    );
    expect(d.changes).toEqual([]);
    const [change] = d.cases(report(6, VPN, 'etat-velferd', me));
    expect(change).toMatchObject({ type: 'proposed', proposal: { serviceId: VPN } });
    expect(change!.proposal.cases.map((c) => c.serviceId)).toEqual([VPN, VPN, VPN]);
  });

  it('one virksomhet’s reports count at most twice: four reports from two places are not four', () => {
    // Four reports in two minutes, three from one etat: counted as 2 + 1 - 1 = 2 others,
    // P(N >= 2 | λ = 0.05) = 0.0012, above the chance per report; counted in full, 3 others: 0.00002.
    const burst = () => [
      report(0, VPN, 'etat-bym', me),
      report(0.5, VPN, 'etat-bym', me),
      report(1, VPN, 'etat-bym', me),
      report(2, VPN, 'etat-pbe', me),
    ];
    const d = new Detector(settings, seeded([VPN, 0]));
    d.cases(...burst());
    expect(d.changes).toEqual([]);
    const everyReport: FellesfeilSettings = {
      ...settings,
      baseline: { ...settings.baseline, reportsPerOrganisation: undefined },
    };
    const e = new Detector(everyReport, seeded([VPN, 0]));
    e.cases(...burst());
    expect(e.proposed()).toHaveLength(1);
  });

  it('a rejected burst is not proposed again however many say the whole virksomhet', () => {
    const d = new Detector(settings, seeded([VPN, 0]));
    d.cases(
      report(0, VPN, 'etat-bym', wide),
      report(3, VPN, 'etat-pbe', several),
      report(6, VPN, 'etat-velferd', me),
    );
    d.at(7).feed({ type: 'proposal_rejected', proposalId: d.proposed()[0]!.proposal.id });
    d.cases(
      report(8, VPN, 'etat-helse', several),
      report(9, VPN, 'etat-kultur', wide),
      report(10, VPN, 'etat-vann', several),
    );
    expect(d.proposed()).toHaveLength(1);
  });

  it('a service with a hovedsak set is not proposed, whatever the answers', () => {
    const d = new Detector(settings, seeded([VPN, 0]));
    d.at(0).feed({ type: 'hovedsak_set', serviceId: VPN, parentRef: caseRef('FV-2026-009999') });
    d.cases(
      report(1, VPN, 'etat-bym', wide),
      report(2, VPN, 'etat-pbe', several),
      report(3, VPN, 'etat-velferd', wide),
    );
    expect(d.proposed()).toEqual([]);
  });

  it('a state stored before the scope answer was read goes on with the prior share', () => {
    const { usualWide: _none, ...older } = JSON.parse(JSON.stringify(seeded([VPN, 0]))) as FellesfeilState;
    const d = new Detector(settings, older);
    d.cases(report(0, VPN, 'etat-bym', wide), report(3, VPN, 'etat-pbe', several));
    expect(d.cases(report(6, VPN, 'etat-velferd', me))).toHaveLength(1);
    expect(d.state.usualWide?.[VPN]?.[TODAY]).toBe(2);
  });

  it('the chance of ordinary traffic is the double sum over two independent Poisson streams', () => {
    const exactly = (j: number, l: number): number => {
      let p = Math.exp(-l);
      for (let i = 1; i <= j; i++) p *= l / i;
      return p;
    };
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 8 }),
        fc.integer({ min: 0, max: 8 }),
        fc.double({ min: 0.001, max: 5, noNaN: true }),
        fc.double({ min: 0.01, max: 0.99, noNaN: true }),
        (n, w, lambda, share) => {
          let brute = 0;
          for (let jw = 0; jw < 60; jw++)
            for (let jn = 0; jn < 60; jn++)
              if (jw >= w && jw + jn >= n)
                brute += exactly(jw, lambda * share) * exactly(jn, lambda * (1 - share));
          expect(chanceOfOrdinary(n, w, lambda, share)).toBeCloseTo(brute, 9);
        },
      ),
    );
    // No answer read: the plain Poisson tail.
    expect(chanceOfOrdinary(2, 0, 0.15, 0.1)).toBeCloseTo(1 - Math.exp(-0.15) * 1.15, 12);
  });
});

describe('fellesfeil detector, why it proposed', () => {
  it('says the window’s count and the threshold, raised or not', () => {
    const p = { windowMinutes: 10 };
    expect(
      fellesfeilReason(
        { rule: 'count', reports: 5, organisations: 3, minReports: 5, usualPerDay: 12 },
        p,
        'nb',
      ),
    ).toBe(
      '5 meldinger fra 3 virksomheter innen 10 min: terskelen er 5 (tjenesten får vanligvis 12 meldinger om dagen).',
    );
    expect(fellesfeilReason({ rule: 'count', reports: 3, organisations: 2, minReports: 3 }, p, 'en')).toBe(
      '3 reports from 2 organisations within 10 min: the threshold is 3.',
    );
  });

  it('rounds "1 in N" down to two significant digits, never overstating how rare', () => {
    const e = {
      rule: 'stands_out' as const,
      reports: 3,
      minutes: 2,
      wideOrganisations: 0,
      usualPerDay: 6.25,
      chance: 1 / 2789,
    };
    expect(fellesfeilReason(e, { windowMinutes: 10 }, 'en')).toBe(
      '3 reports in 2 min. The service usually gets 6.3 reports a day: ordinary traffic gives this at about 1 in 2,700 reports.',
    );
  });
});
