/** What the admin pages share: the outcome of a save (field error, conflict, done) and its message bar. */
import {
  MessageBar,
  MessageBarBody,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@fluentui/react-components';
import { useState, type ReactNode } from 'react';
import { ApiFailure } from '../../services/api';
import { useSettingsStyles } from './Settings.styles';

export interface Outcome {
  kind: 'ok' | 'error';
  message: string;
  /** The field the server named, shown at that field. */
  field?: string;
}

/** Runs a save; a failure becomes an outcome (a 400's field goes to the field, a 409 says who changed what). */
export function useSave(): {
  outcome: Outcome | null;
  setOutcome: (o: Outcome | null) => void;
  run: (fn: () => Promise<unknown>, ok: string) => Promise<boolean>;
  at: (field: string) => string | undefined;
} {
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const run = async (fn: () => Promise<unknown>, ok: string): Promise<boolean> => {
    try {
      await fn();
      setOutcome({ kind: 'ok', message: ok });
      return true;
    } catch (e) {
      const field =
        e instanceof ApiFailure ? (e.body as { error?: { field?: string } } | null)?.error?.field : undefined;
      setOutcome({
        kind: 'error',
        message: e instanceof Error ? e.message : String(e),
        ...(field ? { field } : {}),
      });
      return false;
    }
  };
  const at = (field: string) =>
    outcome?.kind === 'error' && outcome.field === field ? outcome.message : undefined;
  return { outcome, setOutcome, run, at };
}

/** The outcome of the last save, unless it is already shown at its field. */
export function OutcomeBar({ outcome, testId }: { outcome: Outcome | null; testId: string }) {
  if (!outcome) return null;
  return (
    <MessageBar intent={outcome.kind === 'ok' ? 'success' : 'error'} data-testid={testId} role="status">
      <MessageBarBody>{outcome.message}</MessageBarBody>
    </MessageBar>
  );
}

/** Lines of a textarea, trimmed, without empty ones. */
export const lines = (s: string): string[] =>
  s
    .split(/\r?\n/)
    .map((x) => x.trim())
    .filter((x) => x !== '');

export interface TableRowSpec {
  key: string;
  cells: ReactNode[];
  /** A data attribute for tests and links, e.g. `{ 'data-service': id }`. */
  attrs?: Record<string, string>;
}

/** The admin pages' tables: a labelled table of header texts and rows of cells. */
export function SimpleTable(props: {
  label: string;
  testId?: string;
  columns: string[];
  rows: TableRowSpec[];
}) {
  const styles = useSettingsStyles();
  return (
    <Table className={styles.table} aria-label={props.label} data-testid={props.testId}>
      <TableHeader>
        <TableRow>
          {props.columns.map((c) => (
            <TableHeaderCell key={c}>{c}</TableHeaderCell>
          ))}
        </TableRow>
      </TableHeader>
      <TableBody>
        {props.rows.map((r) => (
          <TableRow key={r.key} {...r.attrs}>
            {r.cells.map((c, i) => (
              <TableCell key={i}>{c}</TableCell>
            ))}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
