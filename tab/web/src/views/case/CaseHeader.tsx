/** The case's title, reference and facts (status, priority, service, virksomhet, desk, assignee). */
import { Text, Title2 } from '@fluentui/react-components';
import { STATUS_LABELS } from '../../../../../shared/cases/labels';
import type { Case } from '../../../../../shared/cases/model';
import type { Session } from '../../App';
import { formatDateTime, useT } from '../../i18n';
import { useCaseStyles } from '../CaseView.styles';

interface Props {
  session: Session;
  c: Case;
  priorityName: (id: string) => string;
}

export function CaseHeader({ session, c, priorityName }: Props) {
  const styles = useCaseStyles();
  const { t, l, locale } = useT();
  const { me } = session;
  const service = me.services.find((s) => s.id === c.serviceId)?.name ?? c.serviceId;
  const org = me.organisations.find((o) => o.id === c.orgId)?.name ?? c.orgId;
  const desk = me.desks.find((d) => d.id === c.deskId)?.name ?? c.deskId;
  return (
    <header className={styles.header}>
      <Text className={styles.small}>{c.ref}</Text>
      <Title2 as="h1" data-testid="detail-title">
        {c.title}
      </Title2>
      <div className={styles.meta}>
        <span data-testid="detail-status">{l(STATUS_LABELS[c.status])}</span>
        <span>{priorityName(c.priority)}</span>
        <span>{service}</span>
        <span>{org}</span>
        <span>{desk}</span>
        <span>
          {t('assignee')}: <span data-testid="detail-assignee">{c.assignee?.name ?? '–'}</span>
        </span>
        {c.supplier && (
          <span data-testid="detail-supplier">
            {`${t('supplierHeldBy')}: ${c.supplier.name} ${t('supplierSince')} ${formatDateTime(c.supplier.since, locale)}, ${t('supplierLastContact')} ${formatDateTime(c.supplier.lastContactAt, locale)}`}
          </span>
        )}
        {c.supplierCaseNumber && <span>{`${t('supplierCaseNumber')}: ${c.supplierCaseNumber}`}</span>}
      </div>
    </header>
  );
}
