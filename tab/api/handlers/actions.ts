/**
 * `POST /api/cases/:ref/actions`: the channel card's desk actions from the tab (claim, priority, wait,
 * resume, escalate, solve), through the same lifecycle (`applyCommand`). The request carries the version
 * the user saw; when the case changed since, the answer is 409 with who changed it and the current case,
 * so the UI can show it and let the user decide again (the card does the same).
 */
import { isDeskMember, isSuperuserOf } from '../../../shared/access';
import { applyCommand, type CaseCommand } from '../../../shared/cases/lifecycle';
import type { ActorRole, Case } from '../../../shared/cases/model';
import { isFristvaktError } from '../../../shared/errors';
import { priorityId } from '../../../shared/ids';
import type { Versioned } from '../../../shared/ports';
import type { CaseActionName, ConflictResponse } from '../../common/api-types';
import type { Caller } from '../auth';
import { authed, type TabContext } from '../context';
import { badRequest, forbidden, jsonBody, notFound, sendJson } from '../http';
import { caseDetail, policyOf, refParam, visibleCase } from './cases';

const ACTIONS: readonly CaseActionName[] = ['claim', 'priority', 'wait', 'resume', 'escalate', 'solve'];
const WAIT = ['supplier', 'third_line', 'reporter'] as const;
const LINES = ['first', 'second', 'third', 'supplier'] as const;

const str = (body: Record<string, unknown>, name: string, required: boolean): string | undefined => {
  const v = body[name];
  if (v === undefined || v === null || v === '') {
    if (required) throw badRequest(name, `${name} is required`);
    return undefined;
  }
  if (typeof v !== 'string') throw badRequest(name, `${name} must be a string`);
  if (v.length > 4000) throw badRequest(name, `${name} must be at most 4000 characters`);
  return v;
};

function oneOf<T extends string>(body: Record<string, unknown>, name: string, allowed: readonly T[]): T {
  const v = str(body, name, true)!;
  if (!(allowed as readonly string[]).includes(v))
    throw badRequest(name, `${name} must be one of ${allowed.join(', ')}, got '${v}'`);
  return v as T;
}

/** The lifecycle command of a request body; 400 naming the bad field. */
export function commandOf(body: Record<string, unknown>): CaseCommand {
  const action = oneOf(body, 'action', ACTIONS);
  const opt = (name: string) => str(body, name, false);
  const withOpt = <C extends CaseCommand>(cmd: C, fields: string[]): C => {
    const out: Record<string, unknown> = { ...cmd };
    for (const f of fields) {
      const v = opt(f);
      if (v !== undefined) out[f] = v;
    }
    return out as C;
  };
  switch (action) {
    case 'claim':
      return { type: 'claim' };
    case 'priority':
      return withOpt({ type: 'change_priority', to: priorityId(str(body, 'priority', true)!) }, ['reason']);
    case 'wait':
      return withOpt({ type: 'wait', reason: oneOf(body, 'reason', WAIT) }, ['supplierCaseNumber', 'note']);
    case 'resume':
      return withOpt({ type: 'resume' }, ['note']);
    case 'escalate':
      return withOpt({ type: 'escalate', toLine: oneOf(body, 'toLine', LINES) }, ['supplier', 'note']);
    case 'solve':
      return { type: 'solve', solution: str(body, 'solution', true)! };
  }
}

function roleOf(caller: Caller, c: Case): ActorRole {
  if (isDeskMember(caller.access, c.deskId)) return 'desk';
  if (isSuperuserOf(caller.access, c.orgId)) return 'superuser';
  throw forbidden('only the desk and the virksomhet’s superbrukere act on a case');
}

const EVENT_TEXT: Partial<Record<string, string>> = {
  claimed: 'tok saken',
  assigned: 'tildelte saken',
  priority_changed: 'endret prioritet',
  waiting_started: 'satte saken til Avventer',
  waiting_ended: 'gjenopptok saken',
  escalated: 'eskalerte saken',
  solved: 'løste saken',
  comment: 'kommenterte',
  closed: 'lukket saken',
};

export function actionHandler(ctx: TabContext) {
  return authed(ctx, async (req, res, caller, desks) => {
    const ref = refParam(req);
    const body = await jsonBody(req);
    const version = str(body, 'version', true)!;
    const cmd = commandOf(body);
    const found = await visibleCase(ctx, caller, ref);
    const role = roleOf(caller, found.value);
    const policy = policyOf(desks, found.value.deskId);
    if (!policy) throw notFound(`no desk ${found.value.deskId}`);

    const conflict = async (current: Versioned<Case>): Promise<void> => {
      // The latest event is the change the caller did not see.
      const last = current.value.events[current.value.events.length - 1];
      const out: ConflictResponse = {
        error: { code: 'CONFLICT', message: `${ref} changed since you opened it` },
        current: await caseDetail(ctx, caller, desks, current),
      };
      if (last) out.changedBy = { name: last.by.name, at: last.at, what: EVENT_TEXT[last.type] ?? last.type };
      sendJson(res, 409, out);
    };

    if (found.version !== version) return conflict(found);
    const actor = { kind: 'user' as const, id: caller.principal.id, name: caller.name };
    const result = applyCommand(found.value, cmd, { actor, role, now: ctx.deps.now(), policy });
    const outbox = ctx.deps.outboxForCaseChange?.(found.value, result.case, result.events) ?? [];
    let saved: Versioned<Case>;
    try {
      saved = await ctx.deps.store.cases.update(result.case, version, outbox);
    } catch (err) {
      if (!isFristvaktError(err, 'CONFLICT')) throw err;
      const current = await visibleCase(ctx, caller, ref);
      return conflict(current);
    }
    sendJson(res, 200, await caseDetail(ctx, caller, desks, saved));
  });
}
