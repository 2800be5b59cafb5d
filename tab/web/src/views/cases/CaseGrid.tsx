/**
 * The case list's virtualised Fluent DataGrid. With resizable columns the grid settles its column widths
 * over its first three renders, all within the same task (before anything is painted): the first
 * commit measures the grid's box, the second render takes that width and its commit sizes the columns
 * to it, the third renders them at those widths. Rows given to the first two renders were rendered
 * three times over (a screenful of rows, each with two live countdowns), so the grid gets its rows
 * from the third render on: they are rendered once, at their final widths (a test checks that no
 * cell is resized after it is shown).
 *
 * The grid's body makes its row renderer the list's row component, so the renderer is one function for
 * good (`renderRow`): a new function on each render of the grid is a new component type to React, and
 * every row shown was unmounted and mounted anew (the first rows twice before their first paint, about
 * 250 ms; each live reload or filter since).
 */
import {
  DataGrid,
  DataGridBody,
  DataGridCell,
  DataGridHeader,
  DataGridHeaderCell,
  DataGridRow,
  type RowRenderer,
} from '@fluentui-contrib/react-data-grid-react-window';
import type { TableColumnDefinition } from '@fluentui/react-components';
import { useLayoutEffect, useState } from 'react';
import type { CaseRow } from '../../../../common/api-types';
import { COLUMN_SIZING } from './columns';

const NO_ROWS: CaseRow[] = [];
/** Commits after which the grid's column widths are its box's. */
const SETTLED = 2;

const renderRow: RowRenderer<CaseRow> = ({ item, rowId }, style) => (
  <DataGridRow<CaseRow> key={rowId} style={style} data-ref={item.ref}>
    {({ renderCell }) => <DataGridCell>{renderCell(item)}</DataGridCell>}
  </DataGridRow>
);

interface Props {
  rows: CaseRow[];
  columns: TableColumnDefinition<CaseRow>[];
  rowHeight: number;
  height: number;
  className: string;
  label: string;
}

export function CaseGrid({ rows, columns, rowHeight, height, className, label }: Props) {
  // Commits so far, up to SETTLED: each layout effect's update is rendered with the grid's own in the
  // same task, before the browser paints.
  const [commits, setCommits] = useState(0);
  useLayoutEffect(() => {
    if (commits < SETTLED) setCommits(commits + 1);
  }, [commits]);
  return (
    <DataGrid
      items={commits < SETTLED ? NO_ROWS : rows}
      columns={columns}
      getRowId={(r: CaseRow) => r.ref}
      resizableColumns
      columnSizingOptions={COLUMN_SIZING}
      className={className}
      aria-label={label}
    >
      <DataGridHeader>
        <DataGridRow>
          {({ renderHeaderCell }) => <DataGridHeaderCell>{renderHeaderCell()}</DataGridHeaderCell>}
        </DataGridRow>
      </DataGridHeader>
      <DataGridBody<CaseRow> itemSize={rowHeight} height={height}>
        {renderRow}
      </DataGridBody>
    </DataGrid>
  );
}
