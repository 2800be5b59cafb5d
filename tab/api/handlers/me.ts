/** `GET /api/me`: who the caller is, what they may see, and the desks' policies for the countdowns. */
import { maySetUpAnything } from '../../../shared/access';
import type { Desk } from '../../../shared/desks/model';
import type { DeskSummary, DevUser, DevUsersResponse, MeResponse } from '../../common/api-types';
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
      settings: maySetUpAnything(access),
      now: ctx.deps.now().toISOString(),
    };
    sendJson(res, 200, body);
  });
}

/**
 * `GET /api/dev/users`: the people the development sign-in offers, by name, each with what they are
 * (the desks they work on, where they are superbruker, report reader), so the picker reads as people,
 * not ids; 404 unless the development sign-in is on.
 */
export function devUsersHandler(ctx: TabContext) {
  return open(ctx, async (_req, res) => {
    if (!ctx.deps.auth.devSignIn) throw notFound('development sign-in is off');
    const desks = await ctx.deps.store.desks.list();
    const orgs = new Map(
      (await ctx.deps.store.desks.listOrganisations()).map((o) => [o.id as string, o.name]),
    );
    const { directory } = ctx.deps;
    const users: DevUser[] = devUsers(directory, desks).map((u) => ({
      ...u,
      desks: desks.filter((d) => d.members.some((m) => m === u.id)).map((d) => d.name),
      superuserOf: Object.entries(directory.superusers)
        .filter(([, ids]) => ids.some((id) => id === u.id))
        .map(([org]) => orgs.get(org) ?? org),
      reportReader: directory.reportReaders.some((id) => id === u.id),
    }));
    const body: DevUsersResponse = { users };
    sendJson(res, 200, body);
  });
}
