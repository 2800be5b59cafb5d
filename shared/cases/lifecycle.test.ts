import fc from 'fast-check';
import { FristvaktError, ValidationError } from '../errors';
import { caseRef, priorityId, userId } from '../ids';
import { computeSla, slaSummary } from '../sla/state';
import { applyCommand, project, type ActorRole, type CaseCommand } from './lifecycle';
import type { Case, CaseStatus } from './model';
import {
  ACTORS,
  MONDAY_0900,
  ROR,
  agent,
  colleague,
  minutesAfter,
  reporter,
  storedCase,
  superuser,
} from './test-support/fixtures';

/** Runs commands in turn, `step` minutes apart, each as the given role. */
function run(c: Case, steps: Array<[CaseCommand, ActorRole?]>, step = 10): Case {
  let t = Date.parse(c.updatedAt);
  for (const [cmd, role = 'desk'] of steps) {
    t += step * 60_000;
    c = applyCommand(c, cmd, { actor: ACTORS[role], role, now: new Date(t), policy: ROR }).case;
  }
  return c;
}
const apply = (c: Case, cmd: CaseCommand, role: ActorRole = 'desk', now = minutesAfter(MONDAY_0900, 30)) =>
  applyCommand(c, cmd, { actor: ACTORS[role], role, now, policy: ROR });

function errorOf(f: () => unknown): FristvaktError {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(FristvaktError);
    return e as FristvaktError;
  }
  throw new Error('expected an error');
}

const solve: CaseCommand = { type: 'solve', solution: 'Restartet Gerica-tjenesten.' };

describe('applyCommand: the happy path', () => {
  it('Ny → Under arbeid → Avventer → Under arbeid → Løst → Lukket, with its events and fields', () => {
    let c = storedCase();
    c = run(c, [
      [{ type: 'claim' }],
      [{ type: 'wait', reason: 'supplier', supplierCaseNumber: 'SR-778' }],
      [{ type: 'resume', note: 'Leverandøren har svart.' }],
      [solve],
    ]);
    expect(c).toMatchObject({ status: 'solved', assignee: agent, supplierCaseNumber: 'SR-778' });
    // Kritisk: response met by the claim; resolution met while Løst.
    expect(c.sla.nextDueAt).toBeUndefined();
    c = run(c, [[{ type: 'accept' }, 'reporter']]);
    expect(c.status).toBe('closed');
    expect(c.events.map((e) => `${e.id}:${e.type}`)).toEqual([
      'e1:created',
      'e2:followers_changed',
      'e3:claimed',
      'e4:waiting_started',
      'e5:waiting_ended',
      'e6:solved',
      'e7:solution_accepted',
      'e8:closed',
    ]);
    expect(c.events[7]).toMatchObject({ reason: 'accepted', by: ACTORS.reporter, byRole: 'reporter' });
    expect(c.updatedAt).toBe('2026-11-02T08:50:00.000Z');
  });

  it('does not change the case it is given', () => {
    const c = storedCase();
    const before = structuredClone(c);
    apply(c, { type: 'claim' });
    apply(apply(c, { type: 'claim' }).case, { type: 'wait', reason: 'reporter' });
    expect(c).toEqual(before);
  });

  it('a rejected solution goes back to Under arbeid and restarts the resolution clock', () => {
    let c = run(storedCase(), [[{ type: 'claim' }], [solve]]);
    expect(c.sla.nextDueAt).toBeUndefined();
    c = run(c, [[{ type: 'reject', comment: 'Fortsatt treg.' }, 'reporter']]);
    expect(c.status).toBe('in_progress');
    // 20 min counted before Løst; the 10 min Løst are not counted: due 09:00 + 20 + 10 + 100 = 11:10.
    expect(c.sla.nextDueAt).toBe('2026-11-02T10:10:00.000Z');
  });

  it('rejecting needs a comment', () => {
    const c = run(storedCase(), [[{ type: 'claim' }], [solve]]);
    for (const comment of ['', '   ']) {
      const e = errorOf(() => apply(c, { type: 'reject', comment }, 'reporter'));
      expect(e).toBeInstanceOf(ValidationError);
      expect(e.details.field).toBe('comment');
    }
  });

  it('solving while Avventer ends the wait first', () => {
    const c = run(storedCase(), [[{ type: 'claim' }], [{ type: 'wait', reason: 'third_line' }], [solve]]);
    expect(c.events.slice(-2).map((e) => e.type)).toEqual(['waiting_ended', 'solved']);
  });

  it('escalating to a supplier sets Avventer with that reason; to the desk keeps the status', () => {
    const c = run(storedCase(), [
      [{ type: 'escalate', toLine: 'second' }, 'superuser'],
      [{ type: 'claim' }],
      [{ type: 'escalate', toLine: 'supplier', supplier: 'Visma' }],
    ]);
    expect(c.events.slice(-2)).toMatchObject([
      { type: 'escalated', toLine: 'supplier', supplier: 'Visma' },
      { type: 'waiting_started', reason: 'supplier' },
    ]);
    expect(c).toMatchObject({ status: 'waiting', line: 'supplier' });
    expect(c.events[2]).toMatchObject({ type: 'escalated', toLine: 'second' });
  });

  it('a priority change recomputes the deadlines', () => {
    const c = run(storedCase(), [
      [{ type: 'claim' }],
      [{ type: 'change_priority', to: priorityId('hoy'), reason: 'Bare ett sykehjem' }],
    ]);
    expect(c.priority).toBe('hoy');
    expect(c.sla.resolutionDueAt).toBe('2026-11-02T12:00:00.000Z'); // 09:00 + 4 h
    const e = errorOf(() => apply(c, { type: 'change_priority', to: priorityId('urgent') }));
    expect(e.details.field).toBe('to');
  });

  it('claiming or assigning to the current assignee is refused, not recorded twice', () => {
    const c = run(storedCase(), [[{ type: 'claim' }]]);
    expect(errorOf(() => apply(c, { type: 'claim' })).details.field).toBe('assignee');
    expect(errorOf(() => apply(c, { type: 'assign', assignee: agent })).details.field).toBe('assignee');
    expect(apply(c, { type: 'claim' }, 'superuser').case.assignee).toEqual(superuser);
  });

  it('stamps events no earlier than the last one', () => {
    const c = run(storedCase(), [[{ type: 'claim' }]]);
    const r = apply(c, { type: 'comment', visibility: 'public', text: 'Hei' }, 'desk', MONDAY_0900);
    expect(r.events[0].at).toBe(c.updatedAt);
  });

  it('keeps followers, attachments and case links', () => {
    const tom = { id: userId('u-tom'), name: 'Tom' };
    let c = run(storedCase(), [
      [{ type: 'change_followers', add: [tom, reporter, colleague], remove: [colleague.id] }, 'reporter'],
      [{ type: 'link_to_parent', parent: caseRef('FV-2026-000009') }],
      [
        {
          type: 'add_attachment',
          attachment: {
            id: 'a1',
            fileName: 'skjerm.png',
            contentType: 'image/png',
            sizeBytes: 2048,
            blobKey: 'blobs/a1',
            addedAt: '2026-11-02T08:40:00.000Z' as never,
            addedBy: reporter.id,
          },
        },
        'reporter',
      ],
    ]);
    expect(c.followers).toEqual([tom]);
    expect(c.parentRef).toBe('FV-2026-000009');
    expect(c.attachments.map((a) => a.id)).toEqual(['a1']);
    expect(errorOf(() => apply(c, { type: 'link_to_parent', parent: c.ref })).details.field).toBe('parent');
    c = run(c, [[{ type: 'add_child', child: caseRef('FV-2026-000010') }]]);
    expect(c.childRefs).toEqual(['FV-2026-000010']);
  });
});

describe('applyCommand: illegal transitions name both statuses', () => {
  it.each<[string, CaseCommand, Array<[CaseCommand, ActorRole?]>, CaseStatus, CaseStatus]>([
    ['resume a new case', { type: 'resume' }, [], 'new', 'in_progress'],
    ['wait on a new case', { type: 'wait', reason: 'supplier' }, [], 'new', 'waiting'],
    ['accept an unsolved case', { type: 'accept' }, [[{ type: 'claim' }]], 'in_progress', 'closed'],
    ['solve a solved case', solve, [[{ type: 'claim' }], [solve]], 'solved', 'solved'],
    ['close without answer before Løst', { type: 'close', reason: 'no_answer' }, [], 'new', 'closed'],
    ['escalate a new case to a supplier', { type: 'escalate', toLine: 'supplier' }, [], 'new', 'waiting'],
    [
      'comment on a closed case',
      { type: 'comment', visibility: 'public', text: 'Hei' },
      [[{ type: 'claim' }], [solve], [{ type: 'accept' }, 'reporter']],
      'closed',
      'closed',
    ],
    [
      'reject a closed case',
      { type: 'reject', comment: 'Nei' },
      [[{ type: 'claim' }], [solve], [{ type: 'accept' }, 'reporter']],
      'closed',
      'in_progress',
    ],
  ])('cannot %s', (_name, cmd, before, from, to) => {
    const c = run(storedCase(), before);
    const e = errorOf(() =>
      apply(c, cmd, cmd.type === 'reject' ? 'reporter' : 'desk', minutesAfter(MONDAY_0900, 600)),
    );
    expect(e.code).toBe('ILLEGAL_TRANSITION');
    expect(e.details).toMatchObject({ from, to });
    expect(e.message).toContain(`${from} → ${to}`);
  });

  it('a closed case still takes a breach explanation', () => {
    const c = run(storedCase(), [[{ type: 'claim' }], [solve], [{ type: 'accept' }, 'reporter']]);
    const r = apply(
      c,
      { type: 'explain_breach', target: 'resolution', explanation: 'Strømbrudd' },
      'desk',
      minutesAfter(MONDAY_0900, 600),
    );
    expect(r.case.status).toBe('closed');
    expect(computeSla(r.case, ROR, minutesAfter(MONDAY_0900, 700)).resolution.explanation).toBe('Strømbrudd');
  });
});

describe('applyCommand: who may do what', () => {
  const solved = () => run(storedCase(), [[{ type: 'claim' }], [solve]]);
  it.each<[string, () => Case, CaseCommand, ActorRole]>([
    ['a reporter claim', storedCase, { type: 'claim' }, 'reporter'],
    ['a follower solve', storedCase, solve, 'follower'],
    [
      'a reporter write an internal note',
      storedCase,
      { type: 'comment', visibility: 'internal', text: 'x' },
      'reporter',
    ],
    [
      'a superuser change the priority',
      storedCase,
      { type: 'change_priority', to: priorityId('lav') },
      'superuser',
    ],
    ['a follower accept', solved, { type: 'accept' }, 'follower'],
    ['a superuser accept on the reporter’s behalf', solved, { type: 'accept' }, 'superuser'],
    ['a superuser reject on the reporter’s behalf', solved, { type: 'reject', comment: 'Nei' }, 'superuser'],
    ['a superuser withdraw the case', storedCase, { type: 'close', reason: 'withdrawn' }, 'superuser'],
    ['the system accept', solved, { type: 'accept' }, 'system'],
    ['a reporter close without an answer', solved, { type: 'close', reason: 'no_answer' }, 'reporter'],
    ['the system claim', storedCase, { type: 'claim' }, 'system'],
  ])('%s: FORBIDDEN', (_name, make, cmd, role) => {
    const e = errorOf(() => apply(make(), cmd, role));
    expect(e.code).toBe('FORBIDDEN');
    expect(e.details).toMatchObject({ role, command: cmd.type });
  });

  it.each<[string, () => Case, CaseCommand, ActorRole]>([
    ['the reporter accepts', solved, { type: 'accept' }, 'reporter'],
    ['a desk accepts on their behalf', solved, { type: 'accept' }, 'desk'],
    ['a superuser claims', storedCase, { type: 'claim' }, 'superuser'],
    ['a superuser solves', storedCase, solve, 'superuser'],
    [
      'a follower comments publicly',
      storedCase,
      { type: 'comment', visibility: 'public', text: 'Samme her' },
      'follower',
    ],
    ['the system closes without an answer', solved, { type: 'close', reason: 'no_answer' }, 'system'],
    ['the reporter withdraws', storedCase, { type: 'close', reason: 'withdrawn' }, 'reporter'],
  ])('%s', (_name, make, cmd, role) => {
    expect(apply(make(), cmd, role).events.length).toBeGreaterThan(0);
  });
});

const ROLES: ActorRole[] = ['reporter', 'desk', 'superuser', 'follower', 'system'];
const commandArb: fc.Arbitrary<CaseCommand> = fc.oneof(
  fc.constant<CaseCommand>({ type: 'claim' }),
  fc.constant<CaseCommand>({ type: 'assign', assignee: agent }),
  fc
    .constantFrom('kritisk', 'hoy', 'middels', 'lav', 'nope')
    .map<CaseCommand>((p) => ({ type: 'change_priority', to: priorityId(p) })),
  fc
    .constantFrom('supplier', 'third_line', 'reporter')
    .map<CaseCommand>((r) => ({ type: 'wait', reason: r as 'supplier' })),
  fc.constant<CaseCommand>({ type: 'resume' }),
  fc
    .constantFrom('first', 'second', 'third', 'supplier')
    .map<CaseCommand>((l) => ({ type: 'escalate', toLine: l as 'third' })),
  fc
    .record({ visibility: fc.constantFrom('public', 'internal'), text: fc.constantFrom('Hei', '') })
    .map<CaseCommand>((r) => ({
      type: 'comment',
      visibility: r.visibility as 'public',
      text: r.text,
    })),
  fc.constant<CaseCommand>(solve),
  fc.constant<CaseCommand>({ type: 'accept' }),
  fc.constantFrom('Virker ikke', '').map<CaseCommand>((comment) => ({ type: 'reject', comment })),
  fc
    .constantFrom('no_answer', 'parent_closed', 'withdrawn')
    .map<CaseCommand>((reason) => ({ type: 'close', reason: reason as 'withdrawn' })),
  fc.constant<CaseCommand>({
    type: 'explain_breach',
    target: 'resolution',
    explanation: 'Leverandøren var treg',
  }),
);

/** The status changes the lifecycle allows (as seen between consecutive events). */
const EDGES = new Set([
  'new>in_progress',
  'new>solved',
  'new>closed',
  'in_progress>waiting',
  'in_progress>solved',
  'in_progress>closed',
  'waiting>waiting',
  'waiting>in_progress',
  'waiting>closed',
  'solved>in_progress',
  'solved>closed',
]);

describe('applyCommand properties', () => {
  it('random command sequences never reach an illegal state, and the fields always equal the replayed history', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            cmd: commandArb,
            role: fc.constantFrom(...ROLES),
            gap: fc.integer({ min: 0, max: 600 }),
          }),
          {
            maxLength: 25,
          },
        ),
        (steps) => {
          let c = storedCase();
          let t = MONDAY_0900.getTime();
          for (const { cmd, role, gap } of steps) {
            t += gap * 60_000;
            const before = c;
            try {
              c = applyCommand(c, cmd, { actor: ACTORS[role], role, now: new Date(t), policy: ROR }).case;
            } catch (e) {
              expect(e).toBeInstanceOf(FristvaktError);
              expect(['FORBIDDEN', 'ILLEGAL_TRANSITION', 'VALIDATION']).toContain((e as FristvaktError).code);
              expect(c).toBe(before);
              continue;
            }
            if (before.status === 'closed') expect(cmd.type).toBe('explain_breach');
          }
          // The denormalised fields are what the history implies.
          const {
            status,
            assignee,
            priority,
            line,
            supplierCaseNumber,
            parentRef,
            childRefs,
            followers,
            attachments,
            updatedAt,
          } = c;
          expect(project(c.events)).toEqual({
            status,
            assignee,
            priority,
            line,
            supplierCaseNumber,
            parentRef,
            childRefs,
            followers,
            attachments,
            updatedAt,
          });
          expect(c.sla).toEqual(slaSummary(c, ROR));
          // Ids are the sequence, times never go back, and every status change is an allowed edge.
          c.events.forEach((e, i) => {
            expect(e.id).toBe(`e${i + 1}`);
            if (i > 0) expect(Date.parse(e.at)).toBeGreaterThanOrEqual(Date.parse(c.events[i - 1].at));
          });
          let s: CaseStatus = 'new';
          for (let i = 1; i <= c.events.length; i++) {
            const next = project(c.events.slice(0, i)).status;
            if (next !== s) expect(EDGES).toContain(`${s}>${next}`);
            s = next;
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});
