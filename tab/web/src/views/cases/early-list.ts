/**
 * The case list's first rows, painted by the page's boot script as soon as `/api/me` and the list's first
 * page are in, before the bundle has arrived and run. On a first visit the bundle (React, Fluent, the
 * app: about 700 KB) takes a few hundred milliseconds to compile and start; the desk member reads their
 * queue meanwhile. No React or Fluent here: plain DOM, with the same words as the grid (`row-text.ts`:
 * names, statuses, both SLA clocks from the shared engine) and the same columns (`columns.ts`).
 *
 * It is a picture of the list, not the list: not interactive (`inert`, so no click or focus is lost
 * on it), announced as loading, and gone at React's first commit (which empties the root). It is painted
 * only where the list the app opens shows exactly these rows first: the list opened without filters,
 * search or sort, by a user whose start page is the list, on a screen wide enough for the grid.
 */
import { isPlainQuery, parseCaseQuery } from '../../../../common/case-query';
import type { CaseListResponse, CaseRow, MeResponse } from '../../../../common/api-types';
import type { Locale } from '../../../../../shared/i18n-text';
import { textsOf, type Texts } from '../../text';
import { COLUMN_IDS, COLUMN_SIZING, NARROW_WIDTH, ROW_HEIGHT, type ColumnId } from './columns';
import { firstPageView, startsOnList } from './first-page';
import {
  assigneeText,
  caseNamesOf,
  orgText,
  priorityText,
  rowClockWords,
  serviceText,
  statusText,
  type CaseNames,
} from './row-text';

export type EarlyTheme = 'default' | 'dark' | 'contrast';

/** Colours close to Fluent's Teams themes (background, surface, text, secondary text, lines). */
const COLOURS: Record<EarlyTheme, [string, string, string, string, string]> = {
  default: ['#f5f5f5', '#ffffff', '#242424', '#616161', '#e0e0e0'],
  dark: ['#1f1f1f', '#292929', '#ffffff', '#d6d6d6', '#3d3d3d'],
  contrast: ['Canvas', 'Canvas', 'CanvasText', 'CanvasText', 'CanvasText'],
};

/** Whether the address opens the list as its first page shows it: no case or other page, no filter, search or sort. */
export function opensPlainList(params: URLSearchParams): boolean {
  if (!firstPageView(params)) return false;
  try {
    const q = parseCaseQuery(params, { allowUnknown: true });
    return isPlainQuery(q) && q.desk === undefined;
  } catch {
    return false;
  }
}

function cellText(id: ColumnId, r: CaseRow, names: CaseNames, now: Date, texts: Texts): string {
  switch (id) {
    case 'ref':
      return r.ref;
    case 'title':
      return r.title;
    case 'service':
      return serviceText(r, names);
    case 'org':
      return orgText(r, names);
    case 'priority':
      return priorityText(r, names);
    case 'status':
      return statusText(r, texts).text;
    case 'assignee':
      return assigneeText(r);
    case 'response':
    case 'resolution': {
      const words = rowClockWords(r, id, names, now, texts);
      return words ? [words.label, words.time].filter((x) => x).join(' · ') : '';
    }
  }
}

function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  text?: string,
  attrs: Record<string, string> = {},
): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (text !== undefined) e.textContent = text;
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  return e;
}

export interface EarlyListInput {
  root: HTMLElement;
  params: URLSearchParams;
  me: MeResponse;
  page: CaseListResponse;
  locale: Locale;
  theme: EarlyTheme;
  now: Date;
  /** The viewport (px). */
  width: number;
  height: number;
}

/**
 * Paints the first rows into `root` when it is still empty and the list opens as its first page shows
 * it; true when it painted.
 */
export function paintEarlyList(input: EarlyListInput): boolean {
  const { root, params, me, page, locale, theme, now, width, height } = input;
  if (root.firstChild || width < NARROW_WIDTH || page.items.length === 0) return false;
  if (!opensPlainList(params) || !startsOnList(me)) return false;
  const texts = textsOf(locale);
  const { t } = texts;
  const names = caseNamesOf(me, texts);
  const [back, surface, text, secondary, line] = COLOURS[theme];
  const rows = page.items.slice(0, Math.ceil(height / ROW_HEIGHT));
  const box = element('div', undefined, { 'data-early-list': '', lang: locale });
  // Scoped by the attribute; the page's CSP allows inline styles.
  box.appendChild(
    element(
      'style',
      `[data-early-list]{box-sizing:border-box;height:100%;overflow:hidden;background:${back};color:${text};` +
        `font-family:"Segoe UI","Segoe UI Web (West European)",-apple-system,BlinkMacSystemFont,Roboto,` +
        `"Helvetica Neue",sans-serif;font-size:14px;line-height:20px}` +
        `[data-early-list] header{display:flex;align-items:center;gap:16px;height:44px;padding:0 16px;` +
        `background:${surface};border-bottom:1px solid ${line}}` +
        `[data-early-list] header b{font-size:16px;font-weight:600}` +
        `[data-early-list] header span{margin-left:auto;color:${secondary}}` +
        `[data-early-list] main{padding:16px}` +
        `[data-early-list] p{margin:0 0 12px;color:${secondary}}` +
        `[data-early-list] table{border-collapse:collapse;table-layout:fixed;min-width:1160px;width:100%;` +
        `background:${surface};border-radius:4px}` +
        `[data-early-list] th,[data-early-list] td{height:${ROW_HEIGHT - 1}px;padding:0 8px;text-align:left;` +
        `overflow:hidden;text-overflow:ellipsis;white-space:nowrap;border-bottom:1px solid ${line}}` +
        `[data-early-list] th{font-weight:600}`,
    ),
  );
  const header = element('header');
  header.append(element('b', t('appName')), element('span', me.user.name));
  const main = element('main');
  // What a screen reader hears until the app is there; the rows are only to be seen meanwhile.
  main.appendChild(element('p', t('loading'), { role: 'status' }));
  const table = element('table', undefined, { inert: '', 'aria-label': t('tabCases') });
  const colgroup = element('colgroup');
  // The columns share the width as the grid's ideal widths do (the grid shrinks them to fit, too).
  const total = COLUMN_IDS.reduce((n, id) => n + COLUMN_SIZING[id].idealWidth, 0);
  for (const id of COLUMN_IDS)
    colgroup.appendChild(
      element('col', undefined, {
        style: `width:${((100 * COLUMN_SIZING[id].idealWidth) / total).toFixed(2)}%`,
      }),
    );
  const head = element('tr');
  for (const id of COLUMN_IDS) head.appendChild(element('th', t(id), { scope: 'col' }));
  const body = element('tbody');
  for (const r of rows) {
    const tr = element('tr', undefined, { 'data-early-ref': r.ref });
    for (const id of COLUMN_IDS) tr.appendChild(element('td', cellText(id, r, names, now, texts)));
    body.appendChild(tr);
  }
  table.append(colgroup, element('thead'), body);
  table.tHead!.appendChild(head);
  main.appendChild(table);
  box.append(header, main);
  root.appendChild(box);
  return true;
}
