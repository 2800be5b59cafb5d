/** The case grid's columns: reference (a link to the case), title, names for ids, both live countdowns. */
import { createTableColumn, type TableColumnDefinition } from '@fluentui/react-components';
import { useMemo } from 'react';
import type { CaseRow } from '../../../../common/api-types';
import { CaseRefLink } from '../../components/CaseRefLink';
import { Countdown } from '../../components/Countdown';
import { useT } from '../../i18n';
import { useCasesStyles } from '../CasesView.styles';
import { OrderBadge } from '../order/OrderBadge';
import { assigneeText, orgText, priorityText, serviceText, statusText, type CaseNames } from './row-text';

export function useCaseColumns(
  names: CaseNames,
  openCase: (ref: string) => void,
): TableColumnDefinition<CaseRow>[] {
  const styles = useCasesStyles();
  const texts = useT();
  const { t } = texts;
  const { policies } = names;
  return useMemo<TableColumnDefinition<CaseRow>[]>(
    () => [
      createTableColumn<CaseRow>({
        columnId: 'ref',
        renderHeaderCell: () => t('ref'),
        renderCell: (r) => <CaseRefLink className={styles.ref} caseRef={r.ref} openCase={openCase} />,
      }),
      createTableColumn<CaseRow>({
        columnId: 'title',
        renderHeaderCell: () => t('title'),
        renderCell: (r) => (
          <span className={styles.title} title={r.title} data-testid="case-title">
            <OrderBadge row={r} />
            {r.title}
          </span>
        ),
      }),
      createTableColumn<CaseRow>({
        columnId: 'service',
        renderHeaderCell: () => t('service'),
        renderCell: (r) => <span className={styles.cell}>{serviceText(r, names)}</span>,
      }),
      createTableColumn<CaseRow>({
        columnId: 'org',
        renderHeaderCell: () => t('org'),
        renderCell: (r) => <span className={styles.cell}>{orgText(r, names)}</span>,
      }),
      createTableColumn<CaseRow>({
        columnId: 'priority',
        renderHeaderCell: () => t('priority'),
        renderCell: (r) => <span className={styles.cell}>{priorityText(r, names)}</span>,
      }),
      createTableColumn<CaseRow>({
        columnId: 'status',
        renderHeaderCell: () => t('status'),
        renderCell: (r) => {
          const status = statusText(r, texts);
          return (
            <span className={styles.cell} title={status.title}>
              {status.text}
            </span>
          );
        },
      }),
      createTableColumn<CaseRow>({
        columnId: 'assignee',
        renderHeaderCell: () => t('assignee'),
        renderCell: (r) => <span className={styles.cell}>{assigneeText(r)}</span>,
      }),
      createTableColumn<CaseRow>({
        columnId: 'response',
        renderHeaderCell: () => t('response'),
        renderCell: (r) => {
          const p = policies.get(r.deskId);
          return p ? <Countdown target="response" snapshot={r.response} policy={p} /> : null;
        },
      }),
      createTableColumn<CaseRow>({
        columnId: 'resolution',
        renderHeaderCell: () => t('resolution'),
        renderCell: (r) => {
          const p = policies.get(r.deskId);
          return p ? <Countdown target="resolution" snapshot={r.resolution} policy={p} /> : null;
        },
      }),
    ],
    [names, texts],
  );
}
