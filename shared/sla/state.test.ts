import fc from 'fast-check';
import { DateTime } from 'luxon';
import type { ActorRole, CaseEvent, CaseEventBody, Person, WaitReason } from '../cases/model';
import { eventId, isoInstant, priorityId, userId } from '../ids';
import { PRESETS } from './presets';
import type { SlaPolicy } from './policy';
import {
  computeSla,
  isStopped,
  remainingAt,
  slaSummary,
  tick,
  type SlaCaseInput,
  type TargetState,
} from './state';

const ROR = PRESETS['ror-ikt'];
const BYARKIVET = PRESETS['byarkivet-websak'];
const ROR_24_7: SlaPolicy = { ...ROR, criticalAroundTheClock: true };

/** A local Oslo wall-clock time, e.g. '2026-11-02T09:00'. */
const oslo = (local: string): Date => {
  const d = DateTime.fromISO(local, { zone: 'Europe/Oslo' });
  if (!d.isValid) throw new Error(`bad time ${local}`);
  return d.toJSDate();
};
const z = (iso: string): Date => new Date(iso);

const reporter: Person = { id: userId('u-reporter'), name: 'Rita Reporter' };
const deskAgent: Person = { id: userId('u-desk'), name: 'Dag Desk' };
const follower: Person = { id: userId('u-follower'), name: 'Frida Følger' };
const PEOPLE: Record<ActorRole, Person> = {
  reporter,
  desk: deskAgent,
  superuser: { id: userId('u-super'), name: 'Siri Super' },
  follower,
  system: deskAgent,
  supplier: { id: userId('supplier:sopra-steria'), name: 'Sopra Steria' },
};

type Step = [local: string, body: CaseEventBody, role?: ActorRole | 'legacy'];
/** A case received at `received` (Oslo time) with priority `priority`, then `steps`. */
function kase(received: string, priority: string, steps: Step[] = []): SlaCaseInput {
  const all: Step[] = [[received, { type: 'created', priority: priorityId(priority) }, 'reporter'], ...steps];
  const events: CaseEvent[] = all.map(([local, body, role = 'desk'], i) => {
    const who = role === 'legacy' ? deskAgent : PEOPLE[role];
    const e: CaseEvent = {
      ...body,
      id: eventId(`e${i + 1}`),
      at: isoInstant(oslo(local)),
      by: role === 'system' ? { kind: 'system', name: 'Fristvakt' } : { kind: 'user', ...who },
    };
    if (role !== 'legacy') e.byRole = role;
    return e;
  });
  return { events, receivedAt: isoInstant(oslo(received)), reporter, priority: priorityId(priority) };
}

const claim: CaseEventBody = { type: 'claimed', assignee: deskAgent };
const wait = (reason: WaitReason, supplierCaseNumber?: string): CaseEventBody =>
  supplierCaseNumber
    ? { type: 'waiting_started', reason, supplierCaseNumber }
    : { type: 'waiting_started', reason };
const resume: CaseEventBody = { type: 'waiting_ended' };
const solve: CaseEventBody = { type: 'solved', solution: 'Restarted the service.' };
const reject: CaseEventBody = { type: 'solution_rejected', comment: 'Still broken.' };
const publicComment: CaseEventBody = { type: 'comment', visibility: 'public', text: 'Vi ser på saken.' };
const internalNote: CaseEventBody = { type: 'comment', visibility: 'internal', text: 'Looks like the DB.' };

describe('computeSla: hand-computed deadlines per preset', () => {
  it('ROR-IKT Høy over Easter 2026: skjærtorsdag, langfredag and 2. påskedag are skipped', () => {
    // Wed 1 April 14:30: 60 min response ends at closing 15:30; 240 min resolution is 60 min on Wed,
    // then (Thu 2, Fri 3 holidays, weekend, Mon 6 holiday) 180 min from Tue 7 April 08:00.
    const s = computeSla(kase('2026-04-01T14:30', 'hoy'), ROR, oslo('2026-04-01T14:45'));
    expect(s.response.dueAt).toEqual(oslo('2026-04-01T15:30'));
    expect(s.resolution.dueAt).toEqual(oslo('2026-04-07T11:00'));
    expect(s.response).toMatchObject({ state: 'running', remainingMinutes: 45, clock: 'business' });
    expect(s.response.shareElapsed).toBeCloseTo(0.25);
    expect(s.resolution.remainingMinutes).toBe(225);
  });

  it('ROR-IKT Middels over Easter: 3 working days = Thu 9 April, same clock time', () => {
    const s = computeSla(kase('2026-04-01T14:30', 'middels'), ROR, oslo('2026-04-01T14:30'));
    expect(s.response.dueAt).toEqual(oslo('2026-04-07T10:00')); // 60 min Wed + 120 min Tue
    expect(s.resolution.dueAt).toEqual(oslo('2026-04-09T14:30'));
    // Target in business minutes: 60 (Wed) + 450 (Tue) + 450 (Wed) + 390 (Thu 08:00–14:30).
    expect(s.resolution.targetMinutes).toBe(1350);
  });

  it('ROR-IKT across the spring DST change (29 March 2026): Friday CET → Monday CEST', () => {
    const s = computeSla(kase('2026-03-27T15:00', 'hoy'), ROR, oslo('2026-03-30T08:10'));
    expect(s.response.dueAt).toEqual(z('2026-03-30T06:30:00Z')); // Mon 08:30 CEST
    expect(s.resolution.dueAt).toEqual(z('2026-03-30T09:30:00Z')); // Mon 11:30 CEST
    expect(s.response.remainingMinutes).toBeCloseTo(20);
  });

  it('ROR-IKT across the autumn DST change (25 October 2026): Friday CEST → Monday CET', () => {
    const s = computeSla(kase('2026-10-23T15:00', 'middels'), ROR, oslo('2026-10-23T15:00'));
    expect(s.response.dueAt).toEqual(z('2026-10-26T09:30:00Z')); // Mon 10:30 CET: 30 + 150 min
  });

  it('around the clock (criticalAroundTheClock) counts real time through the DST gap and overlap', () => {
    // 29 March 2026 01:30 CET: +120 real minutes = 04:30 CEST on the wall clock.
    const spring = computeSla(kase('2026-03-29T01:30', 'kritisk'), ROR_24_7, oslo('2026-03-29T01:40'));
    expect(spring.response.dueAt).toEqual(z('2026-03-29T00:45:00Z'));
    expect(spring.resolution.dueAt).toEqual(oslo('2026-03-29T04:30'));
    expect(spring.resolution).toMatchObject({ clock: 'calendar', remainingMinutes: 110 });
    // 25 October 2026 01:30 CEST: +120 real minutes = 02:30 CET (the hour 02–03 happens twice).
    const autumn = computeSla(kase('2026-10-25T01:30', 'kritisk'), ROR_24_7, oslo('2026-10-25T01:30'));
    expect(autumn.resolution.dueAt).toEqual(z('2026-10-25T01:30:00Z'));
    // Høy is not critical: still desk hours, so due Monday.
    const hoy = computeSla(kase('2026-10-25T01:30', 'hoy'), ROR_24_7, oslo('2026-10-25T01:30'));
    expect(hoy.response.dueAt).toEqual(oslo('2026-10-26T09:00'));
  });

  it('ROR-IKT Kritisk (desk hours): a Saturday receipt counts from Monday 08:00', () => {
    const s = computeSla(kase('2026-10-24T20:00', 'kritisk'), ROR, oslo('2026-10-24T21:00'));
    expect(s.response.dueAt).toEqual(oslo('2026-10-26T08:15'));
    expect(s.resolution.dueAt).toEqual(oslo('2026-10-26T10:00'));
    expect(s.response).toMatchObject({ state: 'running', remainingMinutes: 15, shareElapsed: 0 });
  });

  it('Byarkivet B: Ascension (Thu 14 May 2026) is skipped, 17 May on a Sunday changes nothing', () => {
    const s = computeSla(kase('2026-05-13T10:00', 'B'), BYARKIVET, oslo('2026-05-13T10:00'));
    expect(s.response.dueAt).toEqual(oslo('2026-05-18T10:00')); // Fri 15 = 1, Mon 18 = 2
    expect(s.resolution).toMatchObject({ state: 'no_target', clock: 'none' });
    expect(s.resolution.dueAt).toBeUndefined();
    // Business minutes 09–15: Wed 300 + Fri 360 + Mon 60.
    expect(s.response.targetMinutes).toBe(720);
  });

  it('Byarkivet C: 10 working days across Ascension and 2. pinsedag (25 May 2026)', () => {
    const s = computeSla(kase('2026-05-12T11:00', 'C'), BYARKIVET, oslo('2026-05-12T11:00'));
    expect(s.response.dueAt).toEqual(oslo('2026-05-28T11:00'));
  });

  it('Byarkivet B received after closing counts from the next opening', () => {
    const s = computeSla(kase('2026-05-15T16:00', 'B'), BYARKIVET, oslo('2026-05-15T16:00'));
    expect(s.response.dueAt).toEqual(oslo('2026-05-20T09:00'));
  });

  it('UKE with figures filled in: critical around the clock, the rest in 08:00–20:00', () => {
    const base = PRESETS['uke-servicesenter'];
    const uke: SlaPolicy = {
      ...base,
      priorities: [
        { ...base.priorities[0], resolution: { kind: 'business_minutes', minutes: 60 } },
        { ...base.priorities[1], resolution: { kind: 'business_minutes', minutes: 120 } },
      ],
    };
    // Critical, Saturday 10:00: counted around the clock.
    expect(
      computeSla(kase('2026-05-16T10:00', 'kritisk'), uke, oslo('2026-05-16T10:00')).resolution.dueAt,
    ).toEqual(oslo('2026-05-16T11:00'));
    // Not critical, Wednesday 13 May 19:30: 30 min, then Ascension Thursday is closed, Friday 08:00 + 90.
    expect(
      computeSla(kase('2026-05-13T19:30', 'ikke-kritisk'), uke, oslo('2026-05-13T19:30')).resolution.dueAt,
    ).toEqual(oslo('2026-05-15T09:30'));
  });

  it('Byarkivet A and UKE have no numeric targets', () => {
    const a = computeSla(kase('2026-05-13T10:00', 'A'), BYARKIVET, oslo('2026-05-20T10:00'));
    expect([a.response.state, a.resolution.state]).toEqual(['no_target', 'no_target']);
    const uke = computeSla(
      kase('2026-05-13T10:00', 'kritisk'),
      PRESETS['uke-servicesenter'],
      oslo('2026-05-20T10:00'),
    );
    expect([uke.response.state, uke.resolution.state]).toEqual(['no_target', 'no_target']);
  });
});

describe('computeSla: the response rule', () => {
  const at = (steps: Step[], now: string) =>
    computeSla(kase('2026-11-02T09:00', 'hoy', steps), ROR, oslo(now));

  it('an internal note does not meet the response target', () => {
    const s = at([['2026-11-02T09:10', internalNote]], '2026-11-02T10:30');
    expect(s.response).toMatchObject({ state: 'breached', remainingMinutes: -30 });
    expect(s.response.metAt).toBeUndefined();
  });

  it('a public reply from the desk meets it; so does a claim; so does a solution', () => {
    expect(at([['2026-11-02T09:20', publicComment]], '2026-11-02T10:30').response).toMatchObject({
      state: 'met',
      metAt: oslo('2026-11-02T09:20'),
      remainingMinutes: 40,
    });
    expect(at([['2026-11-02T09:30', claim]], '2026-11-02T12:00').response.metAt).toEqual(
      oslo('2026-11-02T09:30'),
    );
    expect(at([['2026-11-02T09:45', solve]], '2026-11-02T12:00').response.metAt).toEqual(
      oslo('2026-11-02T09:45'),
    );
    expect(at([['2026-11-02T09:45', publicComment, 'superuser']], '2026-11-02T12:00').response.state).toBe(
      'met',
    );
  });

  it("the reporter's, a follower's or the system's own public comment does not meet it", () => {
    for (const role of ['reporter', 'follower', 'system'] as const) {
      const s = at([['2026-11-02T09:20', publicComment, role]], '2026-11-02T09:50');
      expect(s.response.metAt).toBeUndefined();
      expect(s.response.state).toBe('at_risk'); // 50 of 60 min
    }
  });

  it('events without a role: anyone but the reporter is a support line', () => {
    expect(at([['2026-11-02T09:20', publicComment, 'legacy']], '2026-11-02T10:30').response.state).toBe(
      'met',
    );
  });

  it('a response after the deadline is a breach with metAt', () => {
    const s = at([['2026-11-02T10:05', claim]], '2026-11-02T12:00');
    expect(s.response).toMatchObject({
      state: 'breached',
      metAt: oslo('2026-11-02T10:05'),
      remainingMinutes: -5,
    });
  });

  it('a deadline at closing is breached right after it, though no business minute has passed', () => {
    const s = computeSla(kase('2026-11-02T14:30', 'hoy'), ROR, oslo('2026-11-02T16:00'));
    expect(s.response).toMatchObject({
      state: 'breached',
      remainingMinutes: 0,
      dueAt: oslo('2026-11-02T15:30'),
    });
  });
});

describe('computeSla: resolution, Løst and rejection', () => {
  // Høy: 240 business minutes. Received Mon 2 Nov 09:00, solved 10:00 (60 used), rejected Tue 09:00.
  const steps: Step[] = [
    ['2026-11-02T09:05', claim],
    ['2026-11-02T10:00', solve],
    ['2026-11-03T09:00', reject, 'reporter'],
  ];

  it('is met while Løst', () => {
    const s = computeSla(kase('2026-11-02T09:00', 'hoy', steps.slice(0, 2)), ROR, oslo('2026-11-02T14:00'));
    expect(s.resolution).toMatchObject({
      state: 'met',
      metAt: oslo('2026-11-02T10:00'),
      remainingMinutes: 180,
    });
  });

  it('a rejected solution resumes the clock, and the time spent Løst is not counted', () => {
    const s = computeSla(kase('2026-11-02T09:00', 'hoy', steps), ROR, oslo('2026-11-03T11:00'));
    // 60 min before Løst + 120 min after the rejection = 180 of 240: 75 % = at risk.
    expect(s.resolution).toMatchObject({ state: 'at_risk', remainingMinutes: 60, shareElapsed: 0.75 });
    expect(s.resolution.metAt).toBeUndefined();
    expect(s.resolution.dueAt).toEqual(oslo('2026-11-03T12:00')); // not Mon 13:00
    expect(s.resolution.pauses).toEqual([]); // Løst is not a wait
    const again = computeSla(
      kase('2026-11-02T09:00', 'hoy', [...steps, ['2026-11-03T11:30', solve]]),
      ROR,
      oslo('2026-11-04T09:00'),
    );
    expect(again.resolution).toMatchObject({
      state: 'met',
      metAt: oslo('2026-11-03T11:30'),
      remainingMinutes: 30,
    });
  });

  it('closing without a solution (withdrawn) stops both clocks', () => {
    const s = computeSla(
      kase('2026-11-02T09:00', 'hoy', [
        ['2026-11-02T09:30', { type: 'closed', reason: 'withdrawn' }, 'reporter'],
      ]),
      ROR,
      oslo('2026-11-09T09:00'),
    );
    expect(s.response).toMatchObject({ state: 'met', metAt: oslo('2026-11-02T09:30') });
    expect(s.resolution).toMatchObject({ state: 'met', remainingMinutes: 210 });
  });
});

describe('computeSla: pauses', () => {
  it('pauses by reason as the policy says (ROR-IKT: supplier pauses, third line does not)', () => {
    const c = kase('2026-11-02T09:00', 'hoy', [
      ['2026-11-02T09:05', claim],
      ['2026-11-02T10:00', wait('supplier', 'SR-1')],
      ['2026-11-02T12:00', resume],
      ['2026-11-02T13:00', wait('third_line')],
      ['2026-11-02T14:00', resume],
    ]);
    const s = computeSla(c, ROR, oslo('2026-11-02T14:30'));
    // 330 min since receipt − 120 paused = 210 counted of 240.
    expect(s.resolution).toMatchObject({ state: 'at_risk', remainingMinutes: 30 });
    expect(s.resolution.dueAt).toEqual(oslo('2026-11-02T15:00'));
    expect(s.resolution.pauses).toEqual([
      { from: oslo('2026-11-02T10:00'), to: oslo('2026-11-02T12:00'), reason: 'supplier' },
    ]);
    expect(s.response.pauses).toEqual([]); // met at 09:05, before any wait
  });

  it('an open pause freezes the clock and projects the deadline from now', () => {
    const c = kase('2026-11-02T09:00', 'hoy', [
      ['2026-11-02T09:05', claim],
      ['2026-11-02T10:00', wait('reporter')],
    ]);
    const s = computeSla(c, ROR, oslo('2026-11-02T11:00'));
    expect(s.resolution).toMatchObject({ state: 'paused', remainingMinutes: 180 });
    expect(s.resolution.dueAt).toEqual(oslo('2026-11-02T14:00'));
    expect(s.resolution.pauses).toEqual([{ from: oslo('2026-11-02T10:00'), reason: 'reporter' }]);
    const later = computeSla(c, ROR, oslo('2026-11-04T11:00'));
    expect(later.resolution.remainingMinutes).toBe(180);
    expect(slaSummary({ ...c, updatedAt: isoInstant(oslo('2026-11-02T10:00')) }, ROR)).toEqual({
      responseDueAt: isoInstant(oslo('2026-11-02T10:00')),
    });
  });

  it('a target already late when the case starts waiting stays breached, frozen while paused', () => {
    const c = kase('2026-11-02T09:00', 'hoy', [
      ['2026-11-02T09:05', claim],
      ['2026-11-02T14:00', wait('supplier')], // 300 of 240 min counted: 60 late
    ]);
    const s = computeSla(c, ROR, oslo('2026-11-03T10:00'));
    expect(s.resolution).toMatchObject({
      state: 'breached',
      remainingMinutes: -60,
      dueAt: oslo('2026-11-02T13:00'),
    });
    expect(tick(s.resolution, oslo('2026-11-04T10:00'), ROR).remainingMinutes).toBe(-60);
    expect(slaSummary({ ...c, updatedAt: c.events[2].at }, ROR).nextDueAt).toBeUndefined();
  });

  it('a target whose minutes run out just as the case starts waiting stands at 0, not late', () => {
    const c = kase('2026-11-02T09:00', 'hoy', [
      ['2026-11-02T09:05', claim],
      ['2026-11-02T13:00', wait('reporter')], // 240 of 240 min counted: on time, none left
    ]);
    const atPause = computeSla(c, ROR, oslo('2026-11-02T13:00'));
    const nextDay = computeSla(c, ROR, oslo('2026-11-03T10:00'));
    expect(atPause.resolution).toMatchObject({ state: 'paused', remainingMinutes: 0 });
    expect(nextDay.resolution).toMatchObject({ state: 'paused', remainingMinutes: 0 });
    expect(tick(atPause.resolution, oslo('2026-11-03T10:00'), ROR).state).toBe(nextDay.resolution.state);
  });

  it('a pause pushes a working-day deadline by the business minutes it covered', () => {
    // Middels: 3 working days from Mon 09:00 = Thu 09:00; a 60-minute supplier wait → Thu 10:00.
    const c = kase('2026-11-02T09:00', 'middels', [
      ['2026-11-02T09:05', claim],
      ['2026-11-02T09:30', wait('supplier')],
      ['2026-11-02T10:30', resume],
    ]);
    const s = computeSla(c, ROR, oslo('2026-11-02T11:00'));
    expect(s.resolution.dueAt).toEqual(oslo('2026-11-05T10:00'));
    // A wait on Saturday covers no business time: the deadline does not move.
    const weekend = kase('2026-11-02T09:00', 'middels', [
      ['2026-11-02T09:05', claim],
      ['2026-11-07T10:00', wait('supplier')],
      ['2026-11-07T12:00', resume],
    ]);
    expect(computeSla(weekend, ROR, oslo('2026-11-07T13:00')).resolution.dueAt).toEqual(
      oslo('2026-11-05T09:00'),
    );
  });

  it('Byarkivet: waiting on a supplier does not pause, and explains the breach', () => {
    const c = kase('2026-05-13T10:00', 'B', [
      ['2026-05-13T10:30', { type: 'assigned', assignee: deskAgent }],
      ['2026-05-13T11:00', wait('supplier', 'ACOS-4711')],
    ]);
    const s = computeSla(c, BYARKIVET, oslo('2026-05-19T10:00'));
    expect(s.response).toMatchObject({ state: 'breached', pauses: [] });
    expect(s.response.explanation).toBe('Saken ventet på leverandør (saksnr. ACOS-4711).');
    expect(s.response.explanationText?.en).toBe('The case waited on supplier (case ACOS-4711).');
    // Waiting on the reporter pauses at Byarkivet.
    const r = kase('2026-05-13T10:00', 'B', [
      ['2026-05-13T10:30', { type: 'assigned', assignee: deskAgent }],
      ['2026-05-13T11:00', wait('reporter')],
    ]);
    expect(computeSla(r, BYARKIVET, oslo('2026-05-19T10:00')).response.state).toBe('paused');
  });
});

describe('computeSla: priority changes and explanations', () => {
  const steps: Step[] = [
    ['2026-11-02T09:05', claim],
    ['2026-11-02T09:30', wait('supplier')],
    ['2026-11-02T10:30', resume],
    ['2026-11-02T11:00', { type: 'priority_changed', from: priorityId('middels'), to: priorityId('hoy') }],
  ];
  it('recomputes from receipt with the new targets, keeping every pause', () => {
    const before = computeSla(kase('2026-11-02T09:00', 'middels', steps), ROR, oslo('2026-11-02T10:45'));
    expect(before.priority).toBe('middels');
    expect(before.resolution.dueAt).toEqual(oslo('2026-11-05T10:00'));
    const s = computeSla(kase('2026-11-02T09:00', 'middels', steps), ROR, oslo('2026-11-02T11:30'));
    expect(s.priority).toBe('hoy');
    // 240 min + the 60-minute pause from 09:00 = 14:00.
    expect(s.resolution.dueAt).toEqual(oslo('2026-11-02T14:00'));
    expect(s.resolution.pauses).toEqual([
      { from: oslo('2026-11-02T09:30'), to: oslo('2026-11-02T10:30'), reason: 'supplier' },
    ]);
    expect(s.response).toMatchObject({ state: 'met', metAt: oslo('2026-11-02T09:05') });
  });

  it('a breach keeps its explanation, also after the case is closed', () => {
    const c = kase('2026-11-02T09:00', 'hoy', [
      ['2026-11-02T09:05', claim],
      [
        '2026-11-03T10:00',
        { type: 'breach_explained', target: 'resolution', explanation: 'Ventet på strøm.' },
      ],
      ['2026-11-03T11:00', solve],
      ['2026-11-04T09:00', { type: 'solution_accepted' }, 'reporter'],
      ['2026-11-04T09:00', { type: 'closed', reason: 'accepted' }, 'reporter'],
    ]);
    const s = computeSla(c, ROR, oslo('2026-12-01T12:00'));
    expect(s.resolution).toMatchObject({ state: 'breached', explanation: 'Ventet på strøm.' });
    expect(s.resolution.metAt).toEqual(oslo('2026-11-03T11:00'));
    expect(s.response.explanation).toBeUndefined();
  });

  it('an unknown priority falls back to the policy default', () => {
    expect(computeSla(kase('2026-11-02T09:00', 'gone'), ROR, oslo('2026-11-02T09:00')).priority).toBe(
      'middels',
    );
  });
});

describe('slaSummary, remainingAt, tick', () => {
  it('stores the deadlines and the next one that runs', () => {
    const c = { ...kase('2026-11-02T09:00', 'hoy'), updatedAt: isoInstant(oslo('2026-11-02T09:00')) };
    expect(slaSummary(c, ROR)).toEqual({
      responseDueAt: isoInstant(oslo('2026-11-02T10:00')),
      resolutionDueAt: isoInstant(oslo('2026-11-02T13:00')),
      nextDueAt: isoInstant(oslo('2026-11-02T10:00')),
    });
    const claimed = kase('2026-11-02T09:00', 'hoy', [['2026-11-02T09:05', claim]]);
    expect(slaSummary(claimed, ROR).nextDueAt).toBe(isoInstant(oslo('2026-11-02T13:00')));
    const solved = kase('2026-11-02T09:00', 'hoy', [['2026-11-02T09:05', solve]]);
    expect(slaSummary(solved, ROR).nextDueAt).toBeUndefined();
  });

  it('remainingAt and tick follow a running clock without the timeline', () => {
    const s = computeSla(kase('2026-11-02T09:00', 'hoy'), ROR, oslo('2026-11-02T09:00'));
    expect(remainingAt(s.resolution, oslo('2026-11-02T11:00'), ROR.calendar)).toBe(120);
    expect(remainingAt(s.resolution, oslo('2026-11-03T09:00'), ROR.calendar)).toBe(-210);
    expect(tick(s.response, oslo('2026-11-02T09:50'), ROR)).toMatchObject({
      state: 'at_risk',
      remainingMinutes: 10,
    });
    expect(tick(s.response, oslo('2026-11-02T10:01'), ROR)).toMatchObject({
      state: 'breached',
      remainingMinutes: -1,
    });
    // Equal to a full recomputation at that instant.
    for (const t of ['2026-11-02T12:59', '2026-11-02T18:00', '2026-11-04T09:17']) {
      const full = computeSla(kase('2026-11-02T09:00', 'hoy'), ROR, oslo(t)).resolution;
      expect(tick(s.resolution, oslo(t), ROR)).toEqual(full);
    }
  });
});

/** Random timelines: a small status machine emitting events at random gaps. */
const timelineArb = fc
  .record({
    startMinute: fc.integer({ min: 0, max: 60 * 24 * 365 }),
    priority: fc.constantFrom('kritisk', 'hoy', 'middels', 'lav'),
    steps: fc.array(
      fc.record({
        gap: fc.integer({ min: 1, max: 3000 }),
        op: fc.constantFrom(
          'claim',
          'wait_supplier',
          'wait_third',
          'wait_reporter',
          'resume',
          'solve',
          'reject',
          'prio',
          'note',
        ),
        prio: fc.constantFrom('kritisk', 'hoy', 'middels', 'lav'),
      }),
      { maxLength: 10 },
    ),
  })
  .map(({ startMinute, priority, steps }) => {
    const t0 = Date.UTC(2025, 0, 1) + startMinute * 60_000;
    const events: CaseEvent[] = [];
    let t = t0;
    let status: 'new' | 'in_progress' | 'waiting' | 'solved' = 'new';
    const push = (body: CaseEventBody, role: ActorRole = 'desk') =>
      events.push({
        ...body,
        id: eventId(`e${events.length + 1}`),
        at: isoInstant(new Date(t)),
        by: { kind: 'user', ...PEOPLE[role] },
        byRole: role,
      });
    let current = priorityId(priority);
    push({ type: 'created', priority: current }, 'reporter');
    for (const s of steps) {
      t += s.gap * 60_000;
      if (s.op === 'claim' && status === 'new') {
        push(claim);
        status = 'in_progress';
      } else if (s.op.startsWith('wait_') && status === 'in_progress') {
        const reason = (
          { wait_supplier: 'supplier', wait_third: 'third_line', wait_reporter: 'reporter' } as const
        )[s.op as 'wait_supplier' | 'wait_third' | 'wait_reporter'];
        push(wait(reason));
        status = 'waiting';
      } else if (s.op === 'resume' && status === 'waiting') {
        push(resume);
        status = 'in_progress';
      } else if (s.op === 'solve' && status !== 'solved') {
        push(solve);
        status = 'solved';
      } else if (s.op === 'reject' && status === 'solved') {
        push(reject, 'reporter');
        status = 'in_progress';
      } else if (s.op === 'prio' && s.prio !== current) {
        push({ type: 'priority_changed', from: current, to: priorityId(s.prio) });
        current = priorityId(s.prio);
      } else if (s.op === 'note') push(internalNote);
    }
    const c: SlaCaseInput = {
      events,
      receivedAt: isoInstant(new Date(t0)),
      reporter,
      priority: priorityId(priority),
    };
    return { c, t0, tEnd: t };
  });

describe('computeSla properties', () => {
  it('between two events, remaining minutes never increase', () => {
    fc.assert(
      fc.property(
        timelineArb,
        fc.integer({ min: 0, max: 20_000 }),
        fc.integer({ min: 1, max: 5_000 }),
        (tl, a, d) => {
          const t1 = tl.t0 + a * 60_000;
          const t2 = t1 + d * 60_000;
          const between = tl.c.events.some((e) => Date.parse(e.at) > t1 && Date.parse(e.at) <= t2);
          fc.pre(!between);
          const s1 = computeSla(tl.c, ROR, new Date(t1));
          const s2 = computeSla(tl.c, ROR, new Date(t2));
          for (const k of ['response', 'resolution'] as const)
            expect(s2[k].remainingMinutes!).toBeLessThanOrEqual(s1[k].remainingMinutes! + 1e-9);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('tick from an earlier state equals a full recomputation while nothing happens', () => {
    fc.assert(
      fc.property(
        timelineArb,
        fc.integer({ min: 0, max: 20_000 }),
        fc.integer({ min: 1, max: 5_000 }),
        (tl, a, d) => {
          const t1 = tl.t0 + a * 60_000;
          const t2 = t1 + d * 60_000;
          fc.pre(!tl.c.events.some((e) => Date.parse(e.at) > t1 && Date.parse(e.at) <= t2));
          const s1 = computeSla(tl.c, ROR, new Date(t1));
          const s2 = computeSla(tl.c, ROR, new Date(t2));
          for (const k of ['response', 'resolution'] as const) {
            const ticked = tick(s1[k], new Date(t2), ROR);
            expect(ticked.state).toBe(s2[k].state);
            expect(ticked.remainingMinutes!).toBeCloseTo(s2[k].remainingMinutes!, 6);
            expect(isStopped(ticked)).toBe(isStopped(s2[k]));
            // A running clock's deadline is fixed; a paused one's is projected from `now`.
            // (A breach that happens in between gets its wait-reason explanation only from a recomputation.)
            const strip = ({ explanation: _e, explanationText: _t, ...rest }: TargetState) => rest;
            if (!isStopped(s2[k])) expect(strip(ticked)).toEqual(strip(s2[k]));
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('pausing never makes a deadline earlier', () => {
    const noPauses: SlaPolicy = {
      ...ROR,
      pauseWhileWaiting: { supplier: false, third_line: false, reporter: false },
    };
    const allPause: SlaPolicy = {
      ...ROR,
      pauseWhileWaiting: { supplier: true, third_line: true, reporter: true },
    };
    fc.assert(
      fc.property(timelineArb, fc.integer({ min: 0, max: 30_000 }), (tl, a) => {
        const now = new Date(tl.t0 + a * 60_000);
        const off = computeSla(tl.c, noPauses, now);
        for (const p of [ROR, allPause]) {
          const on = computeSla(tl.c, p, now);
          for (const k of ['response', 'resolution'] as const) {
            expect(on[k].dueAt!.getTime()).toBeGreaterThanOrEqual(off[k].dueAt!.getTime());
            expect(on[k].remainingMinutes!).toBeGreaterThanOrEqual(off[k].remainingMinutes! - 1e-9);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('the state agrees with the numbers', () => {
    fc.assert(
      fc.property(timelineArb, fc.integer({ min: 0, max: 30_000 }), (tl, a) => {
        const now = new Date(tl.t0 + a * 60_000);
        const s = computeSla(tl.c, ROR, now);
        for (const t of [s.response, s.resolution]) {
          expect(t.remainingMinutes).toBeCloseTo(t.targetMinutes! * (1 - t.shareElapsed!), 6);
          if (t.state === 'met') expect(t.metAt!.getTime()).toBeLessThanOrEqual(t.dueAt!.getTime());
          if (t.state === 'at_risk') expect(t.shareElapsed!).toBeGreaterThanOrEqual(ROR.atRiskShare);
          if (t.state === 'running') expect(t.shareElapsed!).toBeLessThan(ROR.atRiskShare);
          if (t.state === 'running' || t.state === 'at_risk')
            expect(now.getTime()).toBeLessThanOrEqual(t.dueAt!.getTime());
          if (t.state === 'paused') expect(t.pauses.at(-1)!.to).toBeUndefined();
          for (const p of t.pauses) expect(p.reason).not.toBe('third_line');
        }
      }),
      { numRuns: 300 },
    );
  });
});
