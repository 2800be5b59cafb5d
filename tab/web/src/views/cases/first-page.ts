/**
 * The case list's first page, asked for at sign-in together with `/api/me` (not after it), so the first
 * row does not wait for two round trips in a row. No React here: the page's boot script (`boot.ts`) asks
 * for it too, before the bundle has arrived.
 */
import type { CaseListResponse, MeResponse } from '../../../../common/api-types';
import { VIEWS, type CaseView } from '../../../../common/case-query';
import type { Api } from '../../services/api';

/** Rows in the first page: a screenful and some, small enough to come quickly. */
export const FIRST_PAGE = 100;

export const pagePath = (view: CaseView | null, limit: number, cursor?: string): string => {
  const qs = new URLSearchParams({ ...(view ? { view } : {}), limit: String(limit) });
  if (cursor) qs.set('cursor', cursor);
  return `/api/cases?${qs.toString()}`;
};

/**
 * Whether the user's start page is the case list: a board member (a report reader who is neither on a
 * desk nor a superbruker) has no queue, and starts on the report instead of an empty "Saker".
 */
export const startsOnList = (me: MeResponse): boolean =>
  !(me.access.reportReader && me.access.deskIds.length === 0 && me.access.orgIds.length === 0);

/**
 * The view whose first page the address opens: `{ view: null }` is the server's default for the caller
 * (the first of `me.views`); null when the address opens something else (a case, the report, …).
 */
export function firstPageView(params: URLSearchParams): { view: CaseView | null } | null {
  const page = params.get('page');
  if (params.get('case') || (page !== null && page !== 'cases')) return null;
  const raw = params.get('view');
  return { view: raw && (VIEWS as readonly string[]).includes(raw) ? (raw as CaseView) : null };
}

/**
 * The first page of `view` (null: the caller's default). `value` is there once it has arrived, so the
 * list can show it in its very first render instead of a spinner and a second render.
 */
export interface FirstPage {
  view: CaseView | null;
  page: Promise<CaseListResponse>;
  value?: CaseListResponse;
}

/** Keeps `value` up to date with `page`; a page never used (another page opened, or it failed) is no unhandled rejection. */
export function firstPageOf(view: CaseView | null, page: Promise<CaseListResponse>): FirstPage {
  const first: FirstPage = { view, page };
  page.then(
    (v) => {
      first.value = v;
    },
    () => undefined,
  );
  return first;
}

/** Asks for the first page when the address opens the case list; else null. */
export function prefetchFirstPage(api: Api, params: URLSearchParams): FirstPage | null {
  const wanted = firstPageView(params);
  if (!wanted) return null;
  return firstPageOf(wanted.view, api.get<CaseListResponse>(pagePath(wanted.view, FIRST_PAGE)));
}
