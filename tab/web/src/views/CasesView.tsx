/**
 * Saker: the caller's queue (desk), their virksomhet's cases (superbruker) or their own (employee), in a
 * virtualised Fluent DataGrid that stays smooth with 10 000 rows. Filters, search and sort live in the
 * URL; the list is loaded once per view and filtered in the browser with the same query code the API
 * uses. Both countdowns tick live in each visible row. Narrower than 640 px (Teams mobile, a narrow
 * pane) the list is a card per case. Data hooks and parts are in `cases/`.
 */
import { mergeClasses, Spinner, Text } from '@fluentui/react-components';
import { useMemo, useRef } from 'react';
import type { Session } from '../App';
import { useT } from '../i18n';
import { CaseFilters } from './cases/CaseFilters';
import { useCaseColumns } from './cases/useCaseColumns';
import { useCaseNames } from './cases/useCaseNames';
import { useCaseQuery, useFilteredRows } from './cases/useCaseQuery';
import { useCaseRows } from './cases/useCaseRows';
import { useGridHeight, useNarrow } from './cases/useGridHeight';
import { CaseCards } from './cases/CaseCards';
import { CaseGrid } from './cases/CaseGrid';
import { ClosedDesks } from './cases/ClosedDesks';
import { useCasesStyles } from './CasesView.styles';
import { ROW_HEIGHT } from './cases/columns';

interface Props {
  session: Session;
  params: URLSearchParams;
  navigate: (next: URLSearchParams, replace?: boolean) => void;
}

export function CasesView({ session, params, navigate }: Props) {
  const styles = useCasesStyles();
  const { t } = useT();
  const { me } = session;
  const state = useCaseQuery(me, params, navigate);
  const { rows, error } = useCaseRows(session, state.view);
  const filtered = useFilteredRows(rows, state, me.user.id);
  const names = useCaseNames(me);
  const rootRef = useRef<HTMLDivElement>(null);
  const boxRef = useRef<HTMLDivElement>(null);
  const height = useGridHeight(boxRef, ROW_HEIGHT);
  const narrow = useNarrow(rootRef);
  const openCase = (ref: string) => navigate(new URLSearchParams({ case: ref }));
  const columns = useCaseColumns(names, openCase);
  const deskIds = useMemo(() => new Set((rows ?? []).map((r) => r.deskId)), [rows]);

  return (
    <div className={mergeClasses(styles.root, narrow && styles.rootNarrow)} ref={rootRef}>
      <CaseFilters me={me} names={names} state={state} narrow={narrow} />
      <ClosedDesks me={me} deskIds={deskIds} />
      <Text className={styles.summary} data-testid="summary">
        {rows ? `${filtered.length} ${t('of')} ${rows.length} ${t('shown')}` : t('loading')}
      </Text>
      {error && <Text>{error}</Text>}
      <div className={mergeClasses(styles.gridBox, narrow && styles.gridBoxNarrow)} ref={boxRef}>
        {rows === null ? (
          <Spinner label={t('loading')} />
        ) : filtered.length === 0 ? (
          <Text>{t('noCases')}</Text>
        ) : narrow ? (
          <CaseCards rows={filtered} names={names} openCase={openCase} />
        ) : (
          <CaseGrid
            rows={filtered}
            columns={columns}
            rowHeight={ROW_HEIGHT}
            height={height}
            className={styles.grid}
            label={t('tabCases')}
          />
        )}
      </div>
    </div>
  );
}
