/**
 * The case list's query: parsed from URL parameters (the API's query string and the tab's own URL use
 * the same names, so a link shows the same view), validated with a reason for each bad value, and
 * applied to rows. Pure, used by the API handler and by the browser.
 */
import { ValidationError } from '../../shared/errors';
import type { CaseStatus } from '../../shared/cases/model';
import type { CaseRow } from './api-types';

export const VIEWS = ['desk', 'org', 'mine'] as const;
export type CaseView = (typeof VIEWS)[number];
export const STATUSES: readonly CaseStatus[] = ['new', 'in_progress', 'waiting', 'solved', 'closed'];
/** `due`: nearest deadline first (none last) — the default. */
export const SORTS = ['due', 'newest', 'oldest', 'priority', 'ref', 'title'] as const;
export type CaseSort = (typeof SORTS)[number];

export interface CaseQuery {
  view?: CaseView;
  desk?: string;
  status: CaseStatus[];
  priority: string[];
  service: string[];
  org: string[];
  /** `fault` / `order` (a case counts as the kind it is now). */
  kind: string[];
  /** `pending`: orders waiting for their orderer's approval of an estimate. */
  approval?: 'pending';
  /** A user id, `me`, or `none` (unassigned). */
  assignee?: string;
  q?: string;
  sort: CaseSort;
  /** An offset into the matching rows (`123`), or a store continuation (`s.<token>`) on the fast path. */
  cursor?: string;
  limit: number;
}

export const MAX_LIMIT = 10_000;
export const DEFAULT_LIMIT = 500;
const ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$/;
const KNOWN = new Set([
  'view',
  'desk',
  'status',
  'priority',
  'service',
  'org',
  'kind',
  'approval',
  'assignee',
  'q',
  'sort',
  'cursor',
  'limit',
]);

function list(params: URLSearchParams, name: string): string[] {
  const out: string[] = [];
  for (const raw of params.getAll(name))
    for (const v of raw.split(',')) {
      const s = v.trim();
      if (s === '') continue;
      if (!ID.test(s)) throw new ValidationError(name, `${name}: '${s}' is not a valid id`);
      out.push(s);
    }
  return out;
}

function one(params: URLSearchParams, name: string): string | undefined {
  const all = params.getAll(name);
  if (all.length > 1) throw new ValidationError(name, `${name} may be given once`);
  const v = all[0]?.trim();
  return v === '' ? undefined : v;
}

/** Parses and validates; throws `ValidationError` naming the parameter. Unknown parameters are errors too. */
export function parseCaseQuery(params: URLSearchParams, options: { allowUnknown?: boolean } = {}): CaseQuery {
  if (!options.allowUnknown)
    for (const key of params.keys())
      if (!KNOWN.has(key)) throw new ValidationError(key, `unknown parameter '${key}'`);
  const view = one(params, 'view');
  if (view !== undefined && !(VIEWS as readonly string[]).includes(view))
    throw new ValidationError('view', `view must be one of ${VIEWS.join(', ')}, got '${view}'`);
  const status = list(params, 'status');
  for (const s of status)
    if (!(STATUSES as readonly string[]).includes(s))
      throw new ValidationError('status', `status must be among ${STATUSES.join(', ')}, got '${s}'`);
  const sort = one(params, 'sort') ?? 'due';
  if (!(SORTS as readonly string[]).includes(sort))
    throw new ValidationError('sort', `sort must be one of ${SORTS.join(', ')}, got '${sort}'`);
  const q = one(params, 'q');
  if (q !== undefined && q.length > 200) throw new ValidationError('q', 'q must be at most 200 characters');
  const desk = one(params, 'desk');
  if (desk !== undefined && !ID.test(desk))
    throw new ValidationError('desk', `desk: '${desk}' is not a valid id`);
  const assignee = one(params, 'assignee');
  if (assignee !== undefined && !ID.test(assignee))
    throw new ValidationError('assignee', `assignee: '${assignee}' is not a valid id`);
  const kind = list(params, 'kind');
  for (const k of kind)
    if (k !== 'fault' && k !== 'order')
      throw new ValidationError('kind', `kind must be fault or order, got '${k}'`);
  const approval = one(params, 'approval');
  if (approval !== undefined && approval !== 'pending')
    throw new ValidationError('approval', `approval must be 'pending', got '${approval}'`);
  const cursorRaw = one(params, 'cursor');
  if (cursorRaw !== undefined && !/^(\d{1,7}|s\.[A-Za-z0-9_\-+/=.:]{1,2000})$/.test(cursorRaw))
    throw new ValidationError('cursor', `cursor '${cursorRaw.slice(0, 40)}' is not one the API gave`);
  const cursor = cursorRaw;
  const limitRaw = one(params, 'limit');
  let limit = DEFAULT_LIMIT;
  if (limitRaw !== undefined) {
    limit = /^\d{1,6}$/.test(limitRaw) ? Number(limitRaw) : NaN;
    if (!(limit >= 1 && limit <= MAX_LIMIT))
      throw new ValidationError('limit', `limit must be an integer 1–${MAX_LIMIT}, got '${limitRaw}'`);
  }
  const out: CaseQuery = {
    status: status as CaseStatus[],
    priority: list(params, 'priority'),
    service: list(params, 'service'),
    org: list(params, 'org'),
    kind,
    sort: sort as CaseSort,
    limit,
  };
  if (view !== undefined) out.view = view as CaseView;
  if (desk !== undefined) out.desk = desk;
  if (assignee !== undefined) out.assignee = assignee;
  if (approval !== undefined) out.approval = approval;
  if (q !== undefined) out.q = q;
  if (cursor !== undefined) out.cursor = cursor;
  return out;
}

/** The URL parameters of a query (defaults left out), for links and the tab's address bar. */
export function queryParams(q: Partial<CaseQuery>): URLSearchParams {
  const p = new URLSearchParams();
  if (q.view) p.set('view', q.view);
  if (q.desk) p.set('desk', q.desk);
  if (q.status?.length) p.set('status', q.status.join(','));
  if (q.priority?.length) p.set('priority', q.priority.join(','));
  if (q.service?.length) p.set('service', q.service.join(','));
  if (q.org?.length) p.set('org', q.org.join(','));
  if (q.kind?.length) p.set('kind', q.kind.join(','));
  if (q.approval) p.set('approval', q.approval);
  if (q.assignee) p.set('assignee', q.assignee);
  if (q.q) p.set('q', q.q);
  if (q.sort && q.sort !== 'due') p.set('sort', q.sort);
  return p;
}

/** Whether the query only pages through a view in its natural order (no filter, no search, due-date sort). */
export const isPlainQuery = (q: CaseQuery): boolean =>
  q.status.length === 0 &&
  q.priority.length === 0 &&
  q.service.length === 0 &&
  q.org.length === 0 &&
  q.kind.length === 0 &&
  q.approval === undefined &&
  q.assignee === undefined &&
  q.q === undefined &&
  q.sort === 'due';

/** Rows matching the filters and search, sorted. `me` is the caller's user id (for `assignee=me`). */
export function applyCaseQuery(rows: readonly CaseRow[], q: CaseQuery, me?: string): CaseRow[] {
  const needle = q.q?.toLowerCase();
  const status = new Set(q.status);
  const priority = new Set(q.priority);
  const service = new Set(q.service);
  const org = new Set(q.org);
  const kind = new Set(q.kind);
  const assignee = q.assignee === 'me' ? me : q.assignee;
  const out = rows.filter(
    (r) =>
      (status.size === 0 || status.has(r.status)) &&
      (priority.size === 0 || priority.has(r.priority)) &&
      (service.size === 0 || service.has(r.serviceId)) &&
      (org.size === 0 || org.has(r.orgId)) &&
      (kind.size === 0 || kind.has(r.kind ?? 'fault')) &&
      (q.approval === undefined || r.awaitingApproval === true) &&
      (assignee === undefined || (assignee === 'none' ? !r.assignee : r.assignee?.id === assignee)) &&
      (needle === undefined ||
        r.ref.toLowerCase().includes(needle) ||
        r.title.toLowerCase().includes(needle)),
  );
  return out.sort(comparator(q.sort));
}

const byRef = (a: CaseRow, b: CaseRow): number => (a.ref < b.ref ? -1 : a.ref > b.ref ? 1 : 0);

export function comparator(sort: CaseSort): (a: CaseRow, b: CaseRow) => number {
  switch (sort) {
    case 'due':
      return (a, b) => {
        if (a.nextDueAt === b.nextDueAt) return byRef(a, b);
        if (a.nextDueAt === undefined) return 1;
        if (b.nextDueAt === undefined) return -1;
        return a.nextDueAt < b.nextDueAt ? -1 : 1;
      };
    case 'newest':
      return (a, b) => (a.receivedAt === b.receivedAt ? -byRef(a, b) : a.receivedAt < b.receivedAt ? 1 : -1);
    case 'oldest':
      return (a, b) => (a.receivedAt === b.receivedAt ? byRef(a, b) : a.receivedAt < b.receivedAt ? -1 : 1);
    case 'priority':
      return (a, b) => a.level - b.level || comparator('due')(a, b);
    case 'title':
      return (a, b) => a.title.localeCompare(b.title, 'nb') || byRef(a, b);
    case 'ref':
      return byRef;
  }
}
