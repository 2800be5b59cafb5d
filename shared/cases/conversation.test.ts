import fc from 'fast-check';
import { FristvaktError } from '../errors';
import { eventId, type EventId } from '../ids';
import { computeSla } from '../sla/state';
import { MAX_COMMENT_LENGTH } from '../text';
import { commentStates, eventsFor, pendingProposal } from './conversation';
import { applyCommand, type ActorRole, type CaseCommand } from './lifecycle';
import type { Actor, Case } from './model';
import { recipientsOf } from './recipients';
import {
  MONDAY_0900,
  ROR,
  agent,
  asUser,
  colleague,
  gerica,
  minutesAfter,
  reporter,
  storedCase,
  superuser,
} from './test-support/fixtures';

type Role = Exclude<ActorRole, 'system' | 'supplier'>;
const ACTORS: Record<Role, Actor> = {
  reporter: asUser(reporter),
  desk: asUser(agent),
  superuser: asUser(superuser),
  follower: asUser(colleague),
};
let clock = 0;
function apply(c: Case, cmd: CaseCommand, role: Role = 'desk', actor = ACTORS[role]) {
  clock += 5;
  return applyCommand(c, cmd, { actor, role, now: minutesAfter(MONDAY_0900, clock), policy: ROR });
}
function errorOf(f: () => unknown): FristvaktError {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(FristvaktError);
    return e as FristvaktError;
  }
  throw new Error('expected an error');
}
beforeEach(() => {
  clock = 0;
});

describe('comments', () => {
  it('keeps author, time, visibility and the addressee detected from the greeting', () => {
    const { case: c, events } = apply(storedCase(), {
      type: 'comment',
      visibility: 'public',
      text: 'Hei Sopra Steria, feilen er tilbake etter oppdateringen.',
    });
    expect(events[0]).toMatchObject({
      type: 'comment',
      visibility: 'public',
      addressee: 'Sopra Steria',
      by: { kind: 'user', id: agent.id },
      byRole: 'desk',
      at: minutesAfter(MONDAY_0900, 5).toISOString(),
    });
    expect(c.events).toHaveLength(3);
  });

  it('stores markup as given and refuses text over the limit', () => {
    const raw = '<script>alert(1)</script> **fet** {{DATE(2026-01-01T00:00:00Z)}}';
    const { events } = apply(storedCase(), { type: 'comment', visibility: 'public', text: raw }, 'reporter');
    expect(events[0]).toMatchObject({ text: raw });
    const e = errorOf(() =>
      apply(storedCase(), {
        type: 'comment',
        visibility: 'public',
        text: 'x'.repeat(MAX_COMMENT_LENGTH + 1),
      }),
    );
    expect(e).toMatchObject({ code: 'VALIDATION', details: { field: 'text' } });
  });

  it('lets followers write public comments but not internal notes', () => {
    expect(
      apply(storedCase(), { type: 'comment', visibility: 'public', text: 'Meg også' }, 'follower').events,
    ).toHaveLength(1);
    expect(
      errorOf(() =>
        apply(storedCase(), { type: 'comment', visibility: 'internal', text: 'hemmelig' }, 'follower'),
      ).code,
    ).toBe('FORBIDDEN');
    expect(
      errorOf(() =>
        apply(storedCase(), { type: 'comment', visibility: 'internal', text: 'hemmelig' }, 'reporter'),
      ).code,
    ).toBe('FORBIDDEN');
  });

  it('edits only by the author, leaving a trace with the old text for the support lines only', () => {
    let c = apply(
      storedCase(),
      { type: 'comment', visibility: 'public', text: 'Skjermen er svart.' },
      'reporter',
    ).case;
    const id = c.events[c.events.length - 1].id;
    expect(
      errorOf(() => apply(c, { type: 'edit_comment', commentId: id, text: 'Nei' }, 'desk')).details,
    ).toMatchObject({
      field: 'edit',
    });
    c = apply(c, { type: 'edit_comment', commentId: id, text: 'Skjermen er blå.' }, 'reporter').case;
    expect(c.events[c.events.length - 1]).toMatchObject({
      type: 'comment_edited',
      commentId: id,
      text: 'Skjermen er blå.',
      previousText: 'Skjermen er svart.',
    });
    expect(commentStates(c)[0]).toMatchObject({
      text: 'Skjermen er blå.',
      previousTexts: ['Skjermen er svart.'],
    });
    const pub = JSON.stringify(eventsFor(c, 'public'));
    expect(pub).not.toContain('svart');
    expect(pub).toContain('Skjermen er blå.');
    expect(JSON.stringify(eventsFor(c, 'support'))).toContain('svart');
  });

  it('deletes by the author or a desk; the text is gone for the public, kept for the desks', () => {
    let c = apply(
      storedCase(),
      { type: 'comment', visibility: 'public', text: 'Passordet er hemmelig123' },
      'reporter',
    ).case;
    const id = c.events[c.events.length - 1].id;
    expect(errorOf(() => apply(c, { type: 'delete_comment', commentId: id }, 'follower')).code).toBe(
      'FORBIDDEN',
    );
    c = apply(c, { type: 'delete_comment', commentId: id }, 'desk').case;
    expect(c.events[c.events.length - 1]).toMatchObject({ type: 'comment_deleted', commentId: id });
    expect(JSON.stringify(eventsFor(c, 'public'))).not.toContain('hemmelig123');
    expect(JSON.stringify(eventsFor(c, 'support'))).toContain('hemmelig123');
    expect(
      errorOf(() => apply(c, { type: 'edit_comment', commentId: id, text: 'igjen' }, 'reporter')).code,
    ).toBe('VALIDATION');
    expect(
      errorOf(() => apply(c, { type: 'edit_comment', commentId: eventId('e1'), text: 'x' }, 'reporter'))
        .details,
    ).toMatchObject({ field: 'edit' });
  });

  it('an edited or deleted reply stays the reply that met the response target', () => {
    let c = storedCase();
    c = apply(c, { type: 'comment', visibility: 'public', text: 'Vi ser på det.' }).case;
    const id = c.events[c.events.length - 1].id;
    const before = computeSla(c, ROR, minutesAfter(MONDAY_0900, 60)).response;
    c = apply(c, { type: 'delete_comment', commentId: id }).case;
    expect(computeSla(c, ROR, minutesAfter(MONDAY_0900, 60)).response).toEqual(before);
    expect(before.state).toBe('met');
  });
});

describe('followers', () => {
  it('the reporter adds and removes followers; anyone else who sees the case follows themselves', () => {
    let c = storedCase({ followers: [] });
    c = apply(c, { type: 'change_followers', add: [colleague], remove: [] }, 'reporter').case;
    expect(c.followers.map((f) => f.id)).toEqual([colleague.id]);
    c = apply(c, { type: 'follow' }, 'desk').case;
    expect(c.followers.map((f) => f.id)).toEqual([colleague.id, agent.id]);
    expect(errorOf(() => apply(c, { type: 'follow' }, 'desk')).code).toBe('VALIDATION');
    expect(errorOf(() => apply(c, { type: 'follow' }, 'reporter')).code).toBe('FORBIDDEN');
    c = apply(c, { type: 'unfollow' }, 'follower').case;
    expect(c.followers.map((f) => f.id)).toEqual([agent.id]);
    expect(errorOf(() => apply(c, { type: 'unfollow' }, 'follower')).code).toBe('VALIDATION');
    expect(
      errorOf(() => apply(c, { type: 'change_followers', add: [colleague], remove: [] }, 'follower')).code,
    ).toBe('FORBIDDEN');
  });
});

describe('agreed new deadline (seed 004 §5.5)', () => {
  const waitingCase = (): Case => {
    let c = apply(storedCase(), { type: 'claim' }).case;
    c = apply(c, { type: 'wait', reason: 'supplier', supplierCaseNumber: 'TIETO-1' }).case;
    return c;
  };
  const later = minutesAfter(MONDAY_0900, 3 * 24 * 60).toISOString();

  it('is proposed by a support line with a reason, answered by the reporter only', () => {
    let c = waitingCase();
    expect(
      errorOf(() => apply(c, { type: 'propose_deadline', dueAt: later, reason: '' })).details,
    ).toMatchObject({
      field: 'reason',
    });
    expect(
      errorOf(() => apply(c, { type: 'propose_deadline', dueAt: MONDAY_0900.toISOString(), reason: 'x' }))
        .details,
    ).toMatchObject({ field: 'dueAt' });
    expect(
      errorOf(() => apply(c, { type: 'propose_deadline', dueAt: later, reason: 'x' }, 'reporter')).code,
    ).toBe('FORBIDDEN');
    c = apply(c, {
      type: 'propose_deadline',
      dueAt: later,
      reason: 'Leverandøren trenger en ny versjon',
    }).case;
    const proposal = pendingProposal(c)!;
    expect(proposal).toMatchObject({ type: 'deadline_proposed', dueAt: later });
    expect(errorOf(() => apply(c, { type: 'answer_deadline', accept: true }, 'desk')).code).toBe('FORBIDDEN');
    expect(
      errorOf(() =>
        apply(c, { type: 'answer_deadline', accept: true, proposalId: eventId('e1') }, 'reporter'),
      ).details,
    ).toMatchObject({ field: 'proposalId' });
    c = apply(c, { type: 'answer_deadline', accept: true, proposalId: proposal.id }, 'reporter').case;
    expect(c.agreedResolutionDueAt).toBe(later);
    expect(pendingProposal(c)).toBeUndefined();
    expect(errorOf(() => apply(c, { type: 'answer_deadline', accept: false }, 'reporter')).code).toBe(
      'VALIDATION',
    );
  });

  it('an accepted deadline becomes the resolution deadline, with the original kept; a declined one changes nothing', () => {
    let c = waitingCase();
    c = apply(c, { type: 'propose_deadline', dueAt: later, reason: 'Leverandør' }).case;
    const original = computeSla(c, ROR, minutesAfter(MONDAY_0900, 60)).resolution.dueAt!;
    const declined = apply(
      c,
      { type: 'answer_deadline', accept: false, comment: 'For lenge' },
      'reporter',
    ).case;
    const d = computeSla(declined, ROR, minutesAfter(MONDAY_0900, 60)).resolution;
    expect(d.agreedDueAt).toBeUndefined();
    expect(d.dueAt).toEqual(original);

    c = apply(c, { type: 'answer_deadline', accept: true }, 'reporter').case;
    const acceptedAt = minutesAfter(MONDAY_0900, clock);
    c = apply(c, { type: 'resume' }).case;
    const r = computeSla(c, ROR, minutesAfter(MONDAY_0900, 24 * 60)).resolution;
    expect(r.dueAt?.toISOString()).toBe(later);
    expect(r.agreedDueAt?.toISOString()).toBe(later);
    const withoutAgreement = { ...c, events: c.events.filter((e) => e.type !== 'deadline_answered') };
    const plain = computeSla(withoutAgreement, ROR, minutesAfter(MONDAY_0900, 24 * 60)).resolution;
    expect(r.originalDueAt).toEqual(plain.dueAt);
    expect(plain.state).toBe('breached'); // Kritisk: 2 hours
    expect(r.state).toBe('running');
    expect(r.pauses.every((p) => p.to !== undefined && p.to.getTime() <= acceptedAt.getTime())).toBe(true);
    expect(c.sla.resolutionDueAt).toBe(later);

    // Solved before the agreed deadline: met, though the original had passed.
    clock = 24 * 60;
    const solved = apply(c, { type: 'solve', solution: 'Ny versjon installert.' }).case;
    const s = computeSla(solved, ROR, minutesAfter(MONDAY_0900, 2 * 24 * 60)).resolution;
    expect(s.state).toBe('met');
    expect(s.originalDueAt!.getTime()).toBeLessThan(s.metAt!.getTime());
  });

  it('a wait after the agreement does not move the agreed deadline', () => {
    let c = waitingCase();
    c = apply(c, { type: 'propose_deadline', dueAt: later, reason: 'Leverandør' }).case;
    c = apply(c, { type: 'answer_deadline', accept: true }, 'reporter').case;
    c = apply(c, { type: 'resume' }).case;
    c = apply(c, { type: 'wait', reason: 'supplier' }).case;
    const r = computeSla(c, ROR, minutesAfter(MONDAY_0900, 4 * 24 * 60)).resolution;
    expect(r.dueAt?.toISOString()).toBe(later);
    expect(r.state).toBe('breached');
  });
});

describe('billable and problem records', () => {
  it('a desk marks billable with a reason; the reporter is told', () => {
    expect(errorOf(() => apply(storedCase(), { type: 'mark_billable', reason: 'x' }, 'superuser')).code).toBe(
      'FORBIDDEN',
    );
    const { case: c, events } = apply(storedCase(), {
      type: 'mark_billable',
      reason: 'Bestilt konfigurasjon',
    });
    expect(c.billable).toEqual({ reason: 'Bestilt konfigurasjon', at: events[0].at });
    expect(recipientsOf(events[0], c, gerica)).toMatchObject({ reporter: true, desk: false });
  });

  it('a solved case links to a problem record; reporter and followers are told', () => {
    let c = apply(storedCase(), { type: 'solve', solution: 'Omgåelse: bruk Chrome.' }).case;
    const r = apply(c, { type: 'link_problem', problemId: 'PRB-42' });
    c = r.case;
    expect(c.problemId).toBe('PRB-42');
    expect(recipientsOf(r.events[0], c, gerica)).toEqual({
      reporter: true,
      followers: [colleague],
      desk: false,
    });
  });
});

describe('recipientsOf', () => {
  it('a technical fault tells the service’s forvalter when reported', () => {
    const admin = { id: 'u-forvalter' as never, name: 'Frank Forvalter' };
    const c = storedCase({ faultType: 'technical_infrastructure' });
    expect(recipientsOf(c.events[0], c, { ...gerica, administrator: admin }).administrator).toEqual(admin);
    const f = storedCase({ faultType: 'functional' });
    expect(recipientsOf(f.events[0], f, { ...gerica, administrator: admin }).administrator).toBeUndefined();
  });

  it('a public comment reaches the other side and every follower, never its author', () => {
    const c = storedCase();
    const byReporter = apply(c, { type: 'comment', visibility: 'public', text: 'Hei' }, 'reporter').events[0];
    expect(recipientsOf(byReporter, c)).toEqual({ reporter: false, followers: [colleague], desk: true });
    const byDesk = apply(c, { type: 'comment', visibility: 'public', text: 'Hei' }, 'desk').events[0];
    expect(recipientsOf(byDesk, c)).toEqual({ reporter: true, followers: [colleague], desk: false });
    const byFollower = apply(c, { type: 'comment', visibility: 'public', text: 'Hei' }, 'follower').events[0];
    expect(recipientsOf(byFollower, c)).toEqual({ reporter: true, followers: [], desk: true });
  });

  const ROLES = ['reporter', 'desk', 'superuser', 'follower'] as const;
  const arbCommand: fc.Arbitrary<[CaseCommand, (typeof ROLES)[number]]> = fc.oneof(
    fc.tuple(
      fc
        .record({
          type: fc.constant('comment' as const),
          visibility: fc.constantFrom('public' as const, 'internal' as const),
          text: fc.string({ minLength: 1, maxLength: 40 }),
        })
        .map((c) => ({ ...c, text: `${c.visibility}-note ${c.text}` })),
      fc.constantFrom(...ROLES),
    ),
    fc.tuple(
      fc.nat(30).map((n) => ({
        type: 'edit_comment' as const,
        commentId: eventId(`e${n}`) as EventId,
        text: `endret ${n}`,
      })),
      fc.constantFrom(...ROLES),
    ),
    fc.tuple(
      fc.nat(30).map((n) => ({ type: 'delete_comment' as const, commentId: eventId(`e${n}`) as EventId })),
      fc.constantFrom(...ROLES),
    ),
    fc.tuple(
      fc.constantFrom<CaseCommand>(
        { type: 'claim' },
        { type: 'follow' },
        { type: 'unfollow' },
        { type: 'mark_billable', reason: 'r' },
      ),
      fc.constantFrom(...ROLES),
    ),
  );

  it('property: no internal note ever reaches the reporter or a follower, nor shows in their history', () => {
    fc.assert(
      fc.property(fc.array(arbCommand, { maxLength: 25 }), (steps) => {
        let c = storedCase();
        clock = 0;
        for (const [cmd, role] of steps) {
          let r;
          try {
            r = apply(c, cmd, role);
          } catch (e) {
            if (e instanceof FristvaktError) continue;
            throw e;
          }
          c = r.case;
          for (const e of r.events) {
            const to = recipientsOf(e, c, gerica);
            const internal =
              (e.type === 'comment' && e.visibility === 'internal') ||
              ((e.type === 'comment_edited' || e.type === 'comment_deleted') &&
                commentStates(c).find((s) => s.event.id === e.commentId)?.event.visibility === 'internal');
            if (internal) {
              expect(to.reporter).toBe(false);
              expect(to.followers).toEqual([]);
            }
          }
        }
        const pub = eventsFor(c, 'public');
        expect(JSON.stringify(pub)).not.toContain('internal-note');
        const publicIds = new Set(
          commentStates(c)
            .filter((s) => s.event.visibility === 'public')
            .map((s) => s.event.id),
        );
        for (const e of pub) {
          if (e.type === 'comment') expect(e.visibility).toBe('public');
          if (e.type === 'comment_edited' || e.type === 'comment_deleted') {
            expect(publicIds.has(e.commentId)).toBe(true);
            expect(e).not.toHaveProperty('previousText');
          }
        }
      }),
      { numRuns: 200 },
    );
  });
});
