/** The case grid's columns: reference (a link to the case), title, names for ids, both live countdowns. */
import { supplierNote } from './supplier-note';
import { createTableColumn, type TableColumnDefinition } from '@fluentui/react-components';
import { useMemo } from 'react';
import { STATUS_LABELS } from '../../../../../shared/cases/labels';
import type { CaseRow } from '../../../../common/api-types';
import { CaseRefLink } from '../../components/CaseRefLink';
import { Countdown } from '../../components/Countdown';
import { useT } from '../../i18n';
import { useCasesStyles } from '../CasesView.styles';
import { OrderBadge } from '../order/OrderBadge';
import type { CaseNames } from './useCaseNames';

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

export function useCaseColumns(
  names: CaseNames,
  openCase: (ref: string) => void,
): TableColumnDefinition<CaseRow>[] {
  const styles = useCasesStyles();
  const { t, l, locale } = useT();
  const { services, orgs, priorities, policies } = names;
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
        renderCell: (r) => <span className={styles.cell}>{services.get(r.serviceId) ?? r.serviceId}</span>,
      }),
      createTableColumn<CaseRow>({
        columnId: 'org',
        renderHeaderCell: () => t('org'),
        renderCell: (r) => <span className={styles.cell}>{orgs.get(r.orgId) ?? r.orgId}</span>,
      }),
      createTableColumn<CaseRow>({
        columnId: 'priority',
        renderHeaderCell: () => t('priority'),
        renderCell: (r) => <span className={styles.cell}>{priorities.get(r.priority) ?? r.priority}</span>,
      }),
      createTableColumn<CaseRow>({
        columnId: 'status',
        renderHeaderCell: () => t('status'),
        renderCell: (r) => {
          const held = supplierNote(r, t, locale);
          return (
            <span className={styles.cell} title={held?.full}>
              {l(STATUS_LABELS[r.status])}
              {held?.short}
            </span>
          );
        },
      }),
      createTableColumn<CaseRow>({
        columnId: 'assignee',
        renderHeaderCell: () => t('assignee'),
        renderCell: (r) => <span className={styles.cell}>{r.assignee?.name ?? '–'}</span>,
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
    [services, orgs, priorities, policies, l],
  );
}
