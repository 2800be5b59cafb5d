/**
 * `POST /api/cases/:ref/comments` (issue 8): a comment from the tab, body `{ text, visibility? }`.
 * Anyone who may see the case may write a public comment; the support lines (the desk, the
 * virksomhet's superbrukere) may write an internal note (`visibility: 'internal'`). A comment adds to
 * the case and needs no version check (a conflicting write is retried on the current case). The
 * other side and the followers are told through the outbox written with the change, as in chat
 * (`conversationNotifications`); the answer is the case as the caller sees it (201).
 */
import { applyCommand, type CaseCommand } from '../../../shared/cases/lifecycle';
import type { Case, CommentVisibility } from '../../../shared/cases/model';
import { isFristvaktError } from '../../../shared/errors';
import { eventId } from '../../../shared/ids';
import type { Versioned } from '../../../shared/ports';
import { detectAddressee } from '../../../shared/text';
import { roleOn } from '../../../bot/conversation/case-view';
import { conversationNotifications } from '../../../bot/conversation/comments/notify';
import { authed, type TabContext } from '../context';
import { badRequest, jsonBody, notFound, paramOf, sendJson } from '../http';
import { caseDetail, refParam, visibleCase } from './cases';

const ATTEMPTS = 5;

export function commentHandler(ctx: TabContext) {
  return authed(ctx, async (req, res, caller, desks) => {
    const ref = refParam(req);
    const body = await jsonBody(req);
    if (typeof body.text !== 'string') throw badRequest('text', 'text is required');
    const visibility = (body.visibility ?? 'public') as CommentVisibility;
    if (visibility !== 'public' && visibility !== 'internal')
      throw badRequest('visibility', `visibility must be public or internal, got '${String(visibility)}'`);
    const actor = { kind: 'user' as const, id: caller.principal.id, name: caller.name };
    for (let attempt = 1; ; attempt++) {
      const found = await visibleCase(ctx, caller, ref);
      const role = roleOn(found.value, caller.access);
      const desk = desks.find((d) => d.id === found.value.deskId);
      if (!role || !desk) throw notFound(`no case ${ref}`);
      const services = await ctx.deps.store.desks.listServices(desk.id);
      const service = services.find((s) => s.id === found.value.serviceId);
      const addressee = detectAddressee(
        body.text,
        [desk.name, service?.supplier, service?.administrator?.name, found.value.reporter.name].filter(
          (x): x is string => typeof x === 'string',
        ),
      );
      const result = applyCommand(
        found.value,
        { type: 'comment', visibility, text: body.text, ...(addressee ? { addressee } : {}) },
        { actor, role, now: ctx.deps.now(), policy: desk.policy },
      );
      const outbox = await conversationNotifications(
        {
          store: ctx.deps.store,
          catalogue: { service: (id: string) => services.find((s) => s.id === id) },
          now: ctx.deps.now(),
        },
        result.case,
        result.events,
        desk,
      );
      let saved: Versioned<Case>;
      try {
        saved = await ctx.deps.store.cases.update(result.case, found.version, outbox);
      } catch (err) {
        if (isFristvaktError(err, 'CONFLICT') && attempt < ATTEMPTS) continue;
        throw err;
      }
      return sendJson(res, 201, await caseDetail(ctx, caller, desks, saved));
    }
  });
}

/**
 * `PATCH /api/cases/:ref/comments/:id` (body `{ text }`, the author only) and
 * `DELETE /api/cases/:ref/comments/:id` (the author, or a desk member): each leaves a trace event; the
 * earlier text stays in the history for the support lines only (`eventsFor`).
 */
export function changeCommentHandler(ctx: TabContext, kind: 'edit' | 'delete') {
  return authed(ctx, async (req, res, caller, desks) => {
    const ref = refParam(req);
    const commentId = eventId(paramOf(req, 'id'));
    let command: CaseCommand = { type: 'delete_comment', commentId };
    if (kind === 'edit') {
      const body = await jsonBody(req);
      if (typeof body.text !== 'string') throw badRequest('text', 'text is required');
      command = { type: 'edit_comment', commentId, text: body.text };
    }
    const actor = { kind: 'user' as const, id: caller.principal.id, name: caller.name };
    for (let attempt = 1; ; attempt++) {
      const found = await visibleCase(ctx, caller, ref);
      const role = roleOn(found.value, caller.access);
      const desk = desks.find((d) => d.id === found.value.deskId);
      if (!role || !desk) throw notFound(`no case ${ref}`);
      const result = applyCommand(found.value, command, {
        actor,
        role,
        now: ctx.deps.now(),
        policy: desk.policy,
      });
      let saved: Versioned<Case>;
      try {
        saved = await ctx.deps.store.cases.update(result.case, found.version);
      } catch (err) {
        if (isFristvaktError(err, 'CONFLICT') && attempt < ATTEMPTS) continue;
        throw err;
      }
      return sendJson(res, 200, await caseDetail(ctx, caller, desks, saved));
    }
  });
}
