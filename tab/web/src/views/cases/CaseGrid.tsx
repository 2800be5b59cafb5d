/**
 * The case list's virtualised Fluent DataGrid. With resizable columns the grid settles its column widths
 * over its first three renders, all within the same task (before anything is painted): the first
 * commit measures the grid's box, the second render takes that width and its commit sizes the columns
 * to it, the third renders them at those widths. Rows given to the first two renders were rendered
 * three times over (a screenful of rows, each with two live countdowns), so the grid gets its rows
 * from the third render on: they are rendered once, at their final widths (a test checks that no
 * cell is resized after it is shown).
 */
import {
  DataGrid,
  DataGridBody,
  DataGridCell,
  DataGridHeader,
  DataGridHeaderCell,
  DataGridRow,
} from '@fluentui-contrib/react-data-grid-react-window';
import type { TableColumnDefinition } from '@fluentui/react-components';
import { useLayoutEffect, useState } from 'react';
import type { CaseRow } from '../../../../common/api-types';
import { COLUMN_SIZING } from './useCaseColumns';

const NO_ROWS: CaseRow[] = [];
/** Commits after which the grid's column widths are its box's. */
const SETTLED = 2;

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
        {({ item, rowId }, style) => (
          <DataGridRow<CaseRow> key={rowId} style={style as React.CSSProperties} data-ref={item.ref}>
            {({ renderCell }) => <DataGridCell>{renderCell(item)}</DataGridCell>}
          </DataGridRow>
        )}
      </DataGridBody>
    </DataGrid>
  );
}
