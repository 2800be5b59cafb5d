/**
 * The case list's columns, in order, with their widths (px); each column's id is also the key of its
 * header's text; a row's height, and the width under which the list is cards, not the grid. No React: the grid (`useCaseColumns.tsx`, `CaseGrid.tsx`) and the boot script's first
 * rows (`early-list.ts`) lay out the same columns.
 */
export const COLUMN_SIZING = {
  ref: { idealWidth: 130, minWidth: 130 },
  title: { idealWidth: 260, minWidth: 160 },
  service: { idealWidth: 130 },
  org: { idealWidth: 130 },
  priority: { idealWidth: 80 },
  status: { idealWidth: 100 },
  assignee: { idealWidth: 140 },
  response: { idealWidth: 210, minWidth: 190 },
  resolution: { idealWidth: 210, minWidth: 190 },
};

/** A row's height in the grid (px). */
export const ROW_HEIGHT = 44;

/** The width under which the list shows a card per case instead of the grid (Teams mobile, narrow panes). */
export const NARROW_WIDTH = 640;

export type ColumnId = keyof typeof COLUMN_SIZING;
export const COLUMN_IDS = Object.keys(COLUMN_SIZING) as ColumnId[];
