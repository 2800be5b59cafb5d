/**
 * `POST /api/admin/policies/:id/move-open-cases?dryRun=true|false`: moves the desk's open cases to the
 * newest version of its SLA policy, or (dry run) answers which would move and how their deadlines
 * change. Same access as editing the policy (administrator, or the desk's lead); each case moves
 * through the change service (`shared/app/policy-move.ts`).
 */
import type { RouteDef } from '../../../../shared/app/http-route';
import { createPolicyMover, type PolicyMoveReport } from '../../../../shared/app/policy-move';
import { authed, type TabContext } from '../../context';
import { badRequest, paramOf, queryOf, sendJson } from '../../http';

export type { PolicyMoveReport };

export function policyMoveRoutes(ctx: TabContext): RouteDef[] {
  const mover = createPolicyMover({ store: ctx.deps.store, changes: ctx.deps.changes, now: ctx.deps.now });
  return [
    {
      method: 'post',
      path: '/api/admin/policies/:id/move-open-cases',
      name: 'tab.admin.policies.moveOpenCases',
      handler: authed(ctx, async (req, res, caller) => {
        const dry = queryOf(req).get('dryRun');
        if (dry !== 'true' && dry !== 'false') throw badRequest('dryRun', 'dryRun må være true eller false.');
        const report = await mover.moveOpenCases(
          caller.access,
          caller.name,
          paramOf(req, 'id'),
          dry === 'true',
        );
        sendJson(res, 200, report);
      }),
    },
  ];
}
