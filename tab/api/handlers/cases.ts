/**
 * The case list (`GET /api/cases`), one case (`GET /api/cases/:ref`) and its screenshots
 * (`GET /api/cases/:ref/attachments/:id`). Every query goes through the caller's `UserAccess`: the desk
 * queue for desk members, the virksomhet's cases for superbrukere, one's own cases for everyone.
 * A case the caller may not see answers 404, exactly like one that does not exist.
 */
import type { Request } from 'restify';
import { isSuperuserOf, isSupportRole, roleOn, type UserAccess } from '../../../shared/access';
import type { Case } from '../../../shared/cases/model';
import type { Desk } from '../../../shared/desks/model';
import { isFristvaktError } from '../../../shared/errors';
import { parseCaseRef, type CaseRef, type DeskId, type OrgId } from '../../../shared/ids';
import type { Page, PageRequest, Versioned } from '../../../shared/ports';
import type { DeskPolicies } from '../../../shared/sla/case-sla';
import type { CaseDetailResponse, CaseLink, CaseListResponse } from '../../common/api-types';
import {
  applyCaseQuery,
  isPlainQuery,
  parseCaseQuery,
  type CaseQuery,
  type CaseView,
} from '../../common/case-query';
import { caseRow } from '../../common/rows';
import type { Caller } from '../auth';
import { authed, type TabContext } from '../context';
import { badRequest, forbidden, notFound, paramOf, queryOf, sendJson } from '../http';
import { eventsFor } from '../../../shared/cases/conversation';
import { supplierEmail } from '../../../shared/suppliers/outbound';

/** The policy versions of desk `id` (the newest, and the older ones its cases may run under). */
export function policiesOf(desks: readonly Desk[], id: string): DeskPolicies | undefined {
  return desks.find((d) => d.id === id);
}

function parseQuery(req: Request): CaseQuery {
  try {
    return parseCaseQuery(queryOf(req));
  } catch (err) {
    if (isFristvaktError(err, 'VALIDATION')) throw badRequest(String(err.details.field), err.message);
    throw err;
  }
}

export function defaultView(access: UserAccess): CaseView {
  if (access.deskIds.length > 0) return 'desk';
  if (access.orgIds.length > 0) return 'org';
  return 'mine';
}

async function all(
  fetch: (page: PageRequest) => Promise<Page<Case>>,
  out: Case[],
  max: number,
): Promise<void> {
  let token: string | undefined;
  do {
    const page = await fetch({ limit: 200, ...(token ? { continuationToken: token } : {}) });
    for (const c of page.items) {
      if (out.length >= max) return;
      out.push(c);
    }
    token = page.continuationToken;
  } while (token);
}

/** The cases of a view the caller may see, before filters. */
async function loadView(ctx: TabContext, caller: Caller, view: CaseView, q: CaseQuery): Promise<Case[]> {
  const { access } = caller;
  const { cases } = ctx.deps.store;
  const max = ctx.deps.maxListCases ?? 50_000;
  const out: Case[] = [];
  if (view === 'desk') {
    if (access.deskIds.length === 0) throw forbidden('the desk queue is for desk members');
    if (q.desk !== undefined && !access.deskIds.includes(q.desk as DeskId))
      throw forbidden(`not a member of desk '${q.desk}'`);
    for (const d of q.desk ? [q.desk as DeskId] : access.deskIds)
      await all((p) => cases.listDeskQueue(d, p), out, max);
  } else if (view === 'org') {
    if (access.orgIds.length === 0) throw forbidden('the virksomhet view is for superbrukere');
    const wanted = q.org.length > 0 ? (q.org as OrgId[]) : access.orgIds;
    for (const o of wanted) if (!isSuperuserOf(access, o)) throw forbidden(`not a superbruker of '${o}'`);
    for (const o of wanted) await all((p) => cases.listByOrg(o, p), out, max);
  } else {
    await all((p) => cases.listByReporter(access.userId, p), out, max);
  }
  return out;
}

const STREAM_CURSOR = 's.';

/**
 * The streaming path: one desk's queue, unfiltered, in the store's own order (nearest deadline first),
 * read page by page from the store; only the rows of this page get their SLA computed.
 */
async function streamDeskQueue(
  ctx: TabContext,
  desk: DeskId,
  policy: DeskPolicies,
  q: CaseQuery,
  now: Date,
): Promise<CaseListResponse> {
  const items = [];
  let token = q.cursor?.startsWith(STREAM_CURSOR) ? q.cursor.slice(STREAM_CURSOR.length) : undefined;
  do {
    const page = await ctx.deps.store.cases.listDeskQueue(desk, {
      limit: Math.min(200, q.limit - items.length),
      ...(token ? { continuationToken: token } : {}),
    });
    for (const c of page.items) items.push(caseRow(c, policy, now));
    token = page.continuationToken;
  } while (token && items.length < q.limit);
  const body: CaseListResponse = { items, computedAt: now.toISOString() };
  if (token) body.cursor = STREAM_CURSOR + token;
  return body;
}

export function listCasesHandler(ctx: TabContext) {
  return authed(ctx, async (req, res, caller, desks) => {
    const q = parseQuery(req);
    const view = q.view ?? defaultView(caller.access);
    const now = ctx.deps.now();
    const streamDesk = q.desk ?? (caller.access.deskIds.length === 1 ? caller.access.deskIds[0] : undefined);
    const streamPolicy = streamDesk ? policiesOf(desks, streamDesk) : undefined;
    const streaming =
      view === 'desk' &&
      isPlainQuery(q) &&
      streamDesk !== undefined &&
      streamPolicy !== undefined &&
      caller.access.deskIds.includes(streamDesk as DeskId) &&
      (q.cursor === undefined || q.cursor.startsWith(STREAM_CURSOR));
    if (streaming) {
      sendJson(res, 200, await streamDeskQueue(ctx, streamDesk as DeskId, streamPolicy, q, now));
      return;
    }
    if (q.cursor?.startsWith(STREAM_CURSOR))
      throw badRequest('cursor', 'this cursor belongs to an unfiltered desk queue');
    const cases = await loadView(ctx, caller, view, q);
    const rows = [];
    for (const c of cases) {
      const policy = policiesOf(desks, c.deskId);
      if (policy) rows.push(caseRow(c, policy, now));
    }
    const matching = applyCaseQuery(rows, q, caller.principal.id);
    const start = q.cursor === undefined ? 0 : Number(q.cursor);
    const items = matching.slice(start, start + q.limit);
    const body: CaseListResponse = { items, total: matching.length, computedAt: now.toISOString() };
    if (start + q.limit < matching.length) body.cursor = String(start + q.limit);
    sendJson(res, 200, body);
  });
}

/** The reference of the `:ref` path parameter; 400 when it is not one. */
export function refParam(req: Request): CaseRef {
  const raw = paramOf(req, 'ref');
  const ref = parseCaseRef(raw);
  if (!ref) throw badRequest('ref', `'${raw}' is not a case reference (FV-<year>-<6 digits>)`);
  return ref;
}

/** The case if the caller may see it; 404 otherwise (also for another virksomhet's case). */
export async function visibleCase(ctx: TabContext, caller: Caller, ref: CaseRef): Promise<Versioned<Case>> {
  const found = await ctx.deps.store.cases.getVisible(ref, caller.access);
  if (!found) throw notFound(`no case ${ref}`);
  return found;
}

/** Support lines (the desk, the virksomhet's superbrukere) see internal notes; others do not. */
export const seesInternal = (access: UserAccess, c: Case): boolean => isSupportRole(roleOn(c, access));

function forViewer(c: Case, access: UserAccess): Case {
  if (seesInternal(access, c)) return c;
  // The case conversation's rule: no internal note (nor its edits), public comments as they stand now, no earlier texts.
  return { ...c, events: eventsFor(c, 'public') };
}

const link = (c: Case): CaseLink => ({ ref: c.ref, title: c.title, status: c.status });

/** The desk's supplier parts of the case view: whom to escalate to, the e-mail to copy (no endpoint). */
async function supplierParts(
  ctx: TabContext,
  c: Case,
  desks: readonly Desk[],
): Promise<Pick<CaseDetailResponse, 'suppliers' | 'supplierEmail'>> {
  const snapshot = await ctx.deps.catalogue?.get();
  if (!snapshot) return {};
  const suppliers = snapshot
    .suppliersOf(c.serviceId)
    .filter((s) => s.id !== c.supplier?.supplierId)
    .map((s) => ({ id: s.id, name: s.name }));
  const holder = c.supplier ? snapshot.supplier(c.supplier.supplierId) : undefined;
  const desk = desks.find((d) => d.id === c.deskId);
  const emailed = c.supplier && desk && !(holder?.webhook && !holder.disabled);
  return {
    ...(suppliers.length > 0 ? { suppliers } : {}),
    ...(emailed && c.supplier && desk
      ? {
          supplierEmail: supplierEmail(
            c,
            { name: c.supplier.name, email: holder?.email ?? '' },
            { desk, service: snapshot.service(c.serviceId), org: snapshot.org(c.orgId) },
          ),
        }
      : {}),
  };
}

export async function caseDetail(
  ctx: TabContext,
  caller: Caller,
  desks: readonly Desk[],
  found: Versioned<Case>,
): Promise<CaseDetailResponse> {
  const c = found.value;
  const policies = policiesOf(desks, c.deskId);
  if (!policies) throw notFound(`no desk ${c.deskId}`);
  const children: CaseLink[] = [];
  for (const child of c.childRefs.slice(0, 200)) {
    const v = await ctx.deps.store.cases.getVisible(child, caller.access);
    if (v) children.push(link(v.value));
  }
  const parent = c.parentRef ? await ctx.deps.store.cases.getVisible(c.parentRef, caller.access) : null;
  const body: CaseDetailResponse = {
    case: forViewer(c, caller.access),
    version: found.version,
    policy: policies.policy,
    ...(policies.previousPolicies?.length ? { previousPolicies: [...policies.previousPolicies] } : {}),
    children,
    canAct: seesInternal(caller.access, c) && c.status !== 'closed',
    computedAt: ctx.deps.now().toISOString(),
    ...(seesInternal(caller.access, c) ? await supplierParts(ctx, c, desks) : {}),
  };
  if (parent) body.parent = link(parent.value);
  return body;
}

export function getCaseHandler(ctx: TabContext) {
  return authed(ctx, async (req, res, caller, desks) => {
    const ref = refParam(req);
    const found = await visibleCase(ctx, caller, ref);
    sendJson(res, 200, await caseDetail(ctx, caller, desks, found));
  });
}

const INLINE_TYPES = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp']);

/** Streams a screenshot's bytes to someone who may see its case. */
export function attachmentHandler(ctx: TabContext) {
  return authed(ctx, async (req, res, caller) => {
    const ref = refParam(req);
    const found = await visibleCase(ctx, caller, ref);
    const id = paramOf(req, 'id');
    const meta = found.value.attachments.find((a) => a.id === id);
    if (!meta) throw notFound(`no attachment ${id} on ${ref}`);
    const blob = await ctx.deps.store.blobs.get(meta.blobKey);
    if (!blob) throw notFound(`the attachment ${id} has no content`);
    const inline = INLINE_TYPES.has(blob.contentType);
    const name = meta.fileName.replace(/[^\w.\- ]/g, '_');
    res.writeHead(200, {
      'Content-Type': inline ? blob.contentType : 'application/octet-stream',
      'Content-Length': blob.bytes.byteLength,
      'Content-Disposition': `${inline ? 'inline' : 'attachment'}; filename="${name}"`,
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'private, max-age=300',
    });
    res.end(Buffer.from(blob.bytes));
  });
}
