/**
 * Property: whatever happens on a case (comments of both visibilities by every role, edits, deletions,
 * follows, status changes), no message the bot writes to anyone's chat (`user:<id>`: the reporter,
 * the followers, the forvalter) carries the text of an internal note. Only the desk's triage thread
 * may. Runs the Teams message builder (`teamsCaseMessages`) on the real lifecycle's events, with
 * the domain's own `recipientsOf`.
 */
import fc from 'fast-check';
import { applyCommand, type ActorRole, type CaseCommand } from '../../shared/cases/lifecycle';
import type { Actor, Case } from '../../shared/cases/model';
import {
  agent,
  asUser,
  colleague,
  MONDAY_0900,
  minutesAfter,
  reporter,
  ROR,
  storedCase,
  superuser,
} from '../../shared/cases/test-support/fixtures';
import type { Desk } from '../../shared/desks/model';
import { FristvaktError } from '../../shared/errors';
import { deskId, eventId } from '../../shared/ids';
import type { OutboxMessage } from '../../shared/ports';
import type { CatalogueSnapshot } from '../../shared/app/catalogue';
import { recipientsOf } from '../../shared/cases/recipients';
import { teamsCaseMessages } from './case-messages';

type Role = Exclude<ActorRole, 'system' | 'supplier'>;
const ACTORS: Record<Role, Actor> = {
  reporter: asUser(reporter),
  desk: asUser(agent),
  superuser: asUser(superuser),
  follower: asUser(colleague),
};
const DESK: Desk = {
  id: deskId('ror-ikt'),
  name: 'ROR-IKT Kundeservice',
  orgIds: [],
  policy: ROR,
  phone: '71 11 10 00',
  triageChannel: { teamId: 'team', channelId: '19:triage', serviceUrl: 'http://127.0.0.1:1/' },
  noticeChannels: [],
  members: [agent.id],
  escalationContacts: [],
  autoCloseWorkingDays: 5,
};
const CATALOGUE: CatalogueSnapshot = {
  desks: [DESK],
  services: [],
  orgs: [],
  desk: (id) => (id === DESK.id ? DESK : undefined),
  service: () => undefined,
  org: () => undefined,
  servicesOf: () => [],
  desksServing: () => [],
  suppliers: [],
  supplier: () => undefined,
  suppliersOf: () => [],
};

const ROLES: Role[] = ['reporter', 'desk', 'superuser', 'follower'];
const step: fc.Arbitrary<[CaseCommand, Role]> = fc.tuple(
  fc.oneof(
    fc
      .record({ visibility: fc.constantFrom('public' as const, 'internal' as const), n: fc.nat(999) })
      .map(({ visibility, n }): CaseCommand => ({
        type: 'comment',
        visibility,
        text: visibility === 'internal' ? `INTERNAL-${n} hemmelig` : `offentlig ${n}`,
      })),
    fc
      .nat(40)
      .map((n): CaseCommand => ({ type: 'edit_comment', commentId: eventId(`e${n}`), text: `endret ${n}` })),
    fc.nat(40).map((n): CaseCommand => ({ type: 'delete_comment', commentId: eventId(`e${n}`) })),
    fc.constantFrom<CaseCommand>(
      { type: 'claim' },
      { type: 'follow' },
      { type: 'unfollow' },
      { type: 'wait', reason: 'supplier' },
      { type: 'resume' },
      { type: 'solve', solution: 'Løst.' },
      { type: 'reject', comment: 'Nei' },
    ),
  ),
  fc.constantFrom(...ROLES),
);

it('property: no internal note reaches anybody’s chat', () => {
  fc.assert(
    fc.property(fc.array(step, { maxLength: 30 }), (steps) => {
      let c: Case = storedCase();
      let t = 0;
      const internal = new Set<string>();
      const sent: OutboxMessage[] = [];
      for (const [cmd, role] of steps) {
        t += 5;
        let r;
        try {
          r = applyCommand(c, cmd, {
            actor: ACTORS[role],
            role,
            now: minutesAfter(MONDAY_0900, t),
            policy: ROR,
          });
        } catch (e) {
          if (e instanceof FristvaktError) continue;
          throw e;
        }
        c = r.case;
        for (const e of r.events)
          if (e.type === 'comment' && e.visibility === 'internal') internal.add(e.text);
        // An edit of an internal note is internal too.
        for (const e of r.events)
          if (
            e.type === 'comment_edited' &&
            c.events.some((x) => x.id === e.commentId && x.type === 'comment' && x.visibility === 'internal')
          )
            internal.add(e.text);
        const after = c;
        sent.push(
          ...teamsCaseMessages.changed(after, r.events, {
            desk: DESK,
            service: undefined,
            catalogue: CATALOGUE,
            directory: { users: {}, superusers: {}, reportReaders: [] },
            now: minutesAfter(MONDAY_0900, t),
            localeOf: () => 'nb',
            recipients: (e) => recipientsOf(e, after, undefined),
          }),
        );
      }
      for (const m of sent.filter((x) => x.conversationKey.startsWith('user:'))) {
        const json = JSON.stringify(m.activity);
        expect(json).not.toContain('INTERNAL-');
        for (const text of internal) expect(json).not.toContain(text);
      }
    }),
    { numRuns: 150 },
  );
});
