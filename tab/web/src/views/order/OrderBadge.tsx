/** Marks an order in the case list (and cards): "Bestilling", and "Venter på godkjenning" while it does. */
import { Badge } from '@fluentui/react-components';
import type { CaseRow } from '../../../../common/api-types';
import { useT } from '../../i18n';

export function OrderBadge({ row }: { row: Pick<CaseRow, 'kind' | 'awaitingApproval'> }) {
  const { t } = useT();
  if (row.kind !== 'order') return null;
  return (
    <span style={{ display: 'inline-flex', gap: 4, marginRight: 6, verticalAlign: 'middle' }}>
      <Badge appearance="tint" color="brand" size="small" data-testid="order-badge">
        {t('orderBadge')}
      </Badge>
      {row.awaitingApproval && (
        <Badge appearance="tint" color="warning" size="small" data-testid="approval-badge">
          {t('awaitingApproval')}
        </Badge>
      )}
    </span>
  );
}
