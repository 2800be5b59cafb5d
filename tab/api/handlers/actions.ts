/**
 * `POST /api/cases/:ref/actions`: the channel card's desk actions from the tab (claim, priority, wait,
 * resume, escalate, solve), and the reporter's answer to a solution (accept; reject with a comment),
 * through the same change service as chat and the channel card (the same
 * access rule, lifecycle, messages to the desk, the reporter and every follower in their language). The request carries the version
 * the user saw; when the case changed since, the answer is 409 with who changed it and the current case,
 * so the UI can show it and let the user decide again (the card does the same).
 */
import type { ChangeActor, CommandInput } from '../../../shared/app/case-changes';
import type { CaseCommand } from '../../../shared/cases/lifecycle';
import type { Case } from '../../../shared/cases/model';
import { eventWhat } from '../../../shared/cases/event-words';
import { ConflictError } from '../../../shared/errors';
import { priorityId, type EventId } from '../../../shared/ids';
import type { Service } from '../../../shared/desks/model';
import { estimateHours } from '../../../shared/cases/orders';
import { orderTermsFromFault } from '../../../shared/cases/order-input';
import type { Versioned } from '../../../shared/ports';
import { supplierId } from '../../../shared/suppliers/model';
import type { CaseActionName, ConflictResponse } from '../../common/api-types';
import type { Caller } from '../auth';
import { authed, type TabContext } from '../context';
import { badRequest, jsonBody, sendJson } from '../http';
import { caseDetail, refParam } from './cases';

const ACTIONS: readonly CaseActionName[] = [
  'claim',
  'priority',
  'wait',
  'resume',
  'escalate',
  'solve',
  'accept',
  'reject',
  'estimate',
  'answer_estimate',
  'convert',
];
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

/** The lifecycle command of a request body; 400 naming the bad field. `c`: the case as it is now. */
export function commandOf(
  body: Record<string, unknown>,
  c?: Case,
  services: readonly Service[] = [],
  suppliers: ReadonlyArray<{ id: string; name: string }> = [],
): CaseCommand {
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
    case 'escalate': {
      const toLine = oneOf(body, 'toLine', LINES);
      const picked = opt('supplierId');
      if (toLine !== 'supplier' || !picked)
        return withOpt({ type: 'escalate', toLine }, ['supplier', 'note']);
      // A configured supplier of the case's service is engaged: it holds the case and gets it.
      const s = suppliers.find((x) => x.id === picked);
      if (!s) throw badRequest('supplierId', `'${picked}' is not a supplier of this case's service`);
      return withOpt({ type: 'engage_supplier', supplierId: supplierId(s.id), supplierName: s.name }, [
        'note',
      ]);
    }
    case 'solve':
      return { type: 'solve', solution: str(body, 'solution', true)! };
    case 'accept':
      return { type: 'accept' };
    case 'reject': {
      const comment = str(body, 'comment', true)!;
      if (comment.trim() === '') throw badRequest('comment', 'comment is required');
      return { type: 'reject', comment };
    }
    case 'estimate':
      // Hours and text are checked by the domain (`send_estimate`): its refusal names the field.
      return { type: 'send_estimate', hours: estimateHours(body.hours), text: str(body, 'text', true)! };
    case 'answer_estimate': {
      if (typeof body.approve !== 'boolean') throw badRequest('approve', 'approve must be true or false');
      const reason = opt('reason');
      if (!body.approve && (reason ?? '').trim() === '')
        throw badRequest('reason', 'a rejection needs its reason');
      return {
        type: 'answer_estimate',
        approve: body.approve,
        estimateId: str(body, 'estimateId', true)! as EventId,
        ...(reason ? { reason } : {}),
      };
    }
    case 'convert': {
      const to = oneOf(body, 'to', ['fault', 'order'] as const);
      if (to === 'fault') return { type: 'change_kind', to };
      if (!c) throw badRequest('to', 'the case is needed to convert it');
      return {
        type: 'change_kind',
        to,
        order: orderTermsFromFault(
          c,
          services.find((x) => x.id === c.serviceId),
        ),
      };
    }
  }
}

/** The caller as the change service's actor. */
export const callerActor = (caller: Caller): ChangeActor => ({
  kind: 'user',
  person: { id: caller.principal.id, name: caller.name },
  access: caller.access,
});

export function actionHandler(ctx: TabContext) {
  return authed(ctx, async (req, res, caller, desks) => {
    const ref = refParam(req);
    const body = await jsonBody(req);
    const version = str(body, 'version', true)!;
    // A conversion to an order takes the catalogue's terms and the fault's answers as they are now.
    const services = body.action === 'convert' ? await ctx.deps.store.desks.listServices() : [];
    const catalogue = body.action === 'escalate' ? await ctx.deps.catalogue?.get() : undefined;
    const cmd: CommandInput =
      body.action === 'convert'
        ? (current: Case) => commandOf(body, current, services)
        : body.action === 'escalate'
          ? (current: Case) => commandOf(body, current, [], catalogue?.suppliersOf(current.serviceId) ?? [])
          : commandOf(body);

    const conflict = async (current: Versioned<Case>): Promise<void> => {
      // The latest event is the change the caller did not see.
      const last = current.value.events[current.value.events.length - 1];
      const out: ConflictResponse = {
        error: { code: 'CONFLICT', message: `${ref} changed since you opened it` },
        current: await caseDetail(ctx, caller, desks, current),
      };
      if (last) out.changedBy = { name: last.by.name, at: last.at, what: eventWhat(last, 'nb') };
      sendJson(res, 409, out);
    };

    try {
      const applied = await ctx.deps.changes.apply(ref, cmd, callerActor(caller), ctx.deps.now(), {
        expectedVersion: version,
      });
      sendJson(res, 200, await caseDetail(ctx, caller, desks, applied.after));
    } catch (err) {
      const current =
        err instanceof ConflictError ? (err.details.current as Versioned<Case> | undefined) : undefined;
      if (current) return conflict(current);
      throw err;
    }
  });
}
