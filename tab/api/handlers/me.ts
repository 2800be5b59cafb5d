/** `GET /api/me`: who the caller is, what they may see, and the desks' policies for the countdowns. */
import type { Desk } from '../../../shared/desks/model';
import type { DeskSummary, MeResponse } from '../../common/api-types';
import { devUsers } from '../auth';
import { authed, open, type TabContext } from '../context';
import { notFound, sendJson } from '../http';

export const deskSummary = (d: Desk): DeskSummary => ({
  id: d.id,
  name: d.name,
  orgIds: d.orgIds,
  phone: d.phone,
  policy: d.policy,
});

export function meHandler(ctx: TabContext) {
  return authed(ctx, async (_req, res, caller, desks) => {
    const { access } = caller;
    const views: MeResponse['views'] = [];
    if (access.deskIds.length > 0) views.push('desk');
    if (access.orgIds.length > 0) views.push('org');
    views.push('mine');
    const body: MeResponse = {
      user: { id: caller.principal.id, name: caller.name },
      access: {
        deskIds: access.deskIds,
        orgIds: access.orgIds,
        reportReader: access.reportReader,
        ...(access.homeOrgId ? { homeOrgId: access.homeOrgId } : {}),
      },
      views,
      desks: desks.map(deskSummary),
      services: await ctx.deps.store.desks.listServices(),
      organisations: await ctx.deps.store.desks.listOrganisations(),
      devSignIn: caller.via === 'dev',
      now: ctx.deps.now().toISOString(),
    };
    sendJson(res, 200, body);
  });
}

/** `GET /api/dev/users`: the people the development sign-in offers; 404 unless it is on. */
export function devUsersHandler(ctx: TabContext) {
  return open(ctx, async (_req, res) => {
    if (!ctx.deps.auth.devSignIn) throw notFound('development sign-in is off');
    const desks = await ctx.deps.store.desks.list();
    sendJson(res, 200, { users: devUsers(ctx.deps.directory, desks) });
  });
}
