/**
 * Which SLA agreement the case runs under: "SLA-avtale: UKE Servicesenter versjon 2", and, after a
 * move, the version it was received under ("mottatt under versjon 1").
 */
import { Text } from '@fluentui/react-components';
import { caseVersionNumber, casePolicy } from '../../../../../shared/sla/case-sla';
import type { CaseDetailResponse } from '../../../../common/api-types';
import { useT } from '../../i18n';
import { useCaseStyles } from '../CaseView.styles';

export function PolicyLine({ detail }: { detail: CaseDetailResponse }) {
  const styles = useCaseStyles();
  const { locale } = useT();
  const c = detail.case;
  const now = caseVersionNumber(c);
  const received = c.policyVersion ?? 1;
  let name: string;
  try {
    name = casePolicy(c, detail).name;
  } catch {
    name = detail.policy.name;
  }
  const text =
    locale === 'en'
      ? `SLA agreement: ${name} version ${now}${received !== now ? ` (received under version ${received})` : ''}`
      : `SLA-avtale: ${name} versjon ${now}${received !== now ? ` (mottatt under versjon ${received})` : ''}`;
  return (
    <Text className={styles.small} data-testid="sla-policy">
      {text}
    </Text>
  );
}
