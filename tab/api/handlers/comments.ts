/**
 * `POST /api/cases/:ref/comments`: a comment from the tab, body `{ text, visibility? }`.
 * Anyone who may see the case may write a public comment; the support lines (the desk, the
 * virksomhet's superbrukere) may write an internal note (`visibility: 'internal'`). A comment adds to
 * the case and needs no version check (the change service retries a conflicting write on the current
 * case). The other side and the followers are told exactly as in chat, by the change service; the
 * answer is the case as the caller sees it (201).
 */
import type { CaseCommand } from '../../../shared/cases/lifecycle';
import type { CommentVisibility } from '../../../shared/cases/model';
import { eventId } from '../../../shared/ids';
import { detectAddressee } from '../../../shared/text';
import { authed, type TabContext } from '../context';
import { badRequest, jsonBody, paramOf, sendJson } from '../http';
import { callerActor } from './actions';
import { caseDetail, refParam } from './cases';

export function commentHandler(ctx: TabContext) {
  return authed(ctx, async (req, res, caller, desks) => {
    const ref = refParam(req);
    const body = await jsonBody(req);
    if (typeof body.text !== 'string') throw badRequest('text', 'text is required');
    const text = body.text;
    const visibility = (body.visibility ?? 'public') as CommentVisibility;
    if (visibility !== 'public' && visibility !== 'internal')
      throw badRequest('visibility', `visibility must be public or internal, got '${String(visibility)}'`);
    const services = await ctx.deps.store.desks.listServices();
    const applied = await ctx.deps.changes.apply(
      ref,
      (c) => {
        const desk = desks.find((d) => d.id === c.deskId);
        const service = services.find((s) => s.id === c.serviceId);
        const addressee = detectAddressee(
          text,
          [desk?.name, service?.supplier, service?.administrator?.name, c.reporter.name].filter(
            (x): x is string => typeof x === 'string',
          ),
        );
        return { type: 'comment', visibility, text, ...(addressee ? { addressee } : {}) };
      },
      callerActor(caller),
      ctx.deps.now(),
    );
    return sendJson(res, 201, await caseDetail(ctx, caller, desks, applied.after));
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
    const applied = await ctx.deps.changes.apply(ref, command, callerActor(caller), ctx.deps.now());
    return sendJson(res, 200, await caseDetail(ctx, caller, desks, applied.after));
  });
}
