/**
 * Moving a desk's open cases to the newest version of its SLA policy: the desk lead's choice after a
 * saved change (see `shared/sla/versions.ts` for the rule: time used so far stays, the rest counts
 * under the new version). A dry run says which open cases would move and how their deadlines change;
 * the real run moves each case through the change service (`move_policy` → a `policy_moved` event in
 * its history, the channel card and the tab updated like any other change), so it is the one way a
 * case changes here too.
 *
 * Who: whoever may set up the desk (`maySetUpDesk`: an administrator, or the desk's lead), as for
 * editing the policy. Open: Ny, Under arbeid, Avventer (a Løst or Lukket case keeps its version).
 */
import { maySetUpDesk, type UserAccess } from '../access';
import { applyCommand } from '../cases/lifecycle';
import type { Case } from '../cases/model';
import type { Desk } from '../desks/model';
import { FristvaktError, isFristvaktError } from '../errors';
import { deskId, type CaseRef, type DeskId } from '../ids';
import type { Store } from '../ports';
import { caseSla, caseVersionNumber } from '../sla/case-sla';
import { versionOf } from '../sla/versions';
import { systemActor, type CaseChanges } from './case-changes';

/** One target's deadline before and after the move (absent: no deadline). */
export interface DeadlineChange {
  before?: string;
  after?: string;
}

export interface CaseMove {
  ref: CaseRef;
  title: string;
  /** The version the case runs under now. */
  fromVersion: number;
  response: DeadlineChange;
  resolution: DeadlineChange;
  /** Whether either deadline changes. */
  changes: boolean;
}

export interface PolicyMoveReport {
  deskId: DeskId;
  dryRun: boolean;
  /** The version the cases move to: the desk's newest. */
  toVersion: number;
  /** Open cases under an older version: those that move (or would). */
  cases: CaseMove[];
  /** After a real run: how many moved, and which were skipped (changed meanwhile: closed, moved already). */
  moved?: number;
  skipped?: CaseRef[];
}

export interface PolicyMoveDeps {
  store: Pick<Store, 'desks' | 'cases'>;
  changes: CaseChanges;
  now: () => Date;
}

const WORKING: ReadonlySet<Case['status']> = new Set(['new', 'in_progress', 'waiting']);
const PAGE = 200;

const iso = (d: Date | undefined): string | undefined => d?.toISOString();

/** What moving `c` to the desk's newest version at `now` does to its deadlines (pure). */
export function caseMoveOf(c: Case, desk: Desk, now: Date): CaseMove {
  const before = caseSla(c, desk, now);
  const moved = applyCommand(
    c,
    { type: 'move_policy' },
    {
      actor: { kind: 'system', name: 'preview' },
      role: 'system',
      now,
      policy: desk.policy,
      previousPolicies: desk.previousPolicies,
    },
  ).case;
  const after = caseSla(moved, desk, now);
  const change = (t: 'response' | 'resolution'): DeadlineChange => {
    const out: DeadlineChange = {};
    const b = iso(before[t].dueAt);
    const a = iso(after[t].dueAt);
    if (b) out.before = b;
    if (a) out.after = a;
    return out;
  };
  const response = change('response');
  const resolution = change('resolution');
  return {
    ref: c.ref,
    title: c.title,
    fromVersion: caseVersionNumber(c),
    response,
    resolution,
    changes: response.before !== response.after || resolution.before !== resolution.after,
  };
}

export function createPolicyMover(deps: PolicyMoveDeps) {
  /** The desk's open cases running under an older version than its newest. */
  async function behind(desk: Desk): Promise<Case[]> {
    const newest = versionOf(desk.policy).number;
    const out: Case[] = [];
    let token: string | undefined;
    do {
      const page = await deps.store.cases.listDeskQueue(desk.id, {
        limit: PAGE,
        ...(token ? { continuationToken: token } : {}),
      });
      for (const c of page.items) if (WORKING.has(c.status) && caseVersionNumber(c) < newest) out.push(c);
      token = page.continuationToken;
    } while (token);
    return out.sort((a, b) => a.ref.localeCompare(b.ref));
  }

  return {
    /**
     * Moves (or, with `dryRun`, says what moving would do to) every open case of desk `id` that runs
     * under an older policy version. `FORBIDDEN` unless `access` may set up the desk.
     */
    async moveOpenCases(
      access: Pick<UserAccess, 'admin' | 'leadDeskIds'>,
      actorName: string,
      id: string,
      dryRun: boolean,
    ): Promise<PolicyMoveReport> {
      const target = deskId(id);
      if (!maySetUpDesk(access, target))
        throw new FristvaktError('FORBIDDEN', 'Du har ikke tilgang til å endre dette oppsettet.');
      const found = await deps.store.desks.get(target);
      if (!found) throw new FristvaktError('NOT_FOUND', `Fant ingen desk «${id}».`);
      const desk = found.value;
      const now = deps.now();
      const cases = (await behind(desk)).map((c) => caseMoveOf(c, desk, now));
      const report: PolicyMoveReport = {
        deskId: target,
        dryRun,
        toVersion: versionOf(desk.policy).number,
        cases,
      };
      if (dryRun) return report;
      let moved = 0;
      const skipped: CaseRef[] = [];
      for (const c of cases) {
        try {
          await deps.changes.apply(c.ref, { type: 'move_policy' }, systemActor(actorName), now);
          moved += 1;
        } catch (err) {
          // Closed or moved by someone else since it was read: nothing to do for this one.
          if (!isFristvaktError(err, 'VALIDATION') && !isFristvaktError(err, 'ILLEGAL_TRANSITION')) throw err;
          skipped.push(c.ref);
        }
      }
      return { ...report, moved, skipped };
    },
  };
}
