/** One SLA clock of a case: live countdown, deadline, pauses with their reasons, breach explanation. */
import { Subtitle2, Text } from '@fluentui/react-components';
import { useMemo } from 'react';
import {
  ORDER_DELIVERY_LABEL,
  SLA_TARGET_LABELS,
  WAIT_REASON_LABELS,
} from '../../../../../shared/cases/labels';
import type { SlaTarget } from '../../../../../shared/cases/model';
import { caseSla, casePolicy } from '../../../../../shared/sla/case-sla';
import { snapshot, type CaseDetailResponse } from '../../../../common/api-types';
import { Countdown } from '../../components/Countdown';
import { formatDateTime, useT } from '../../i18n';
import { useCaseStyles } from '../CaseView.styles';

export function Clock({ detail, target }: { detail: CaseDetailResponse; target: SlaTarget }) {
  const styles = useCaseStyles();
  const { t, l, locale } = useT();
  // The whole timeline is here: the state is computed from the events, then ticks live.
  const state = useMemo(
    () => caseSla(detail.case, detail, new Date(detail.computedAt))[target],
    [detail, target],
  );
  const snap = useMemo(() => snapshot(state, new Date(detail.computedAt)), [state, detail.computedAt]);
  return (
    <div className={styles.clock} data-testid={`clock-${target}`}>
      <Subtitle2>
        {l(
          detail.case.kind === 'order' && target === 'resolution'
            ? ORDER_DELIVERY_LABEL
            : SLA_TARGET_LABELS[target],
        )}
      </Subtitle2>
      <Countdown target={target} snapshot={snap} policy={casePolicy(detail.case, detail)} withNote />
      {state.dueAt && (
        <Text className={styles.small}>
          {t('due')} {formatDateTime(state.dueAt, locale)}
          {state.metAt ? ` · ${t('metAt')} ${formatDateTime(state.metAt, locale)}` : ''}
        </Text>
      )}
      <Text className={styles.small}>
        {t('pauses')}:{' '}
        {state.pauses.length === 0
          ? t('noPauses')
          : state.pauses
              .map(
                (p) =>
                  `${l(WAIT_REASON_LABELS[p.reason])} ${formatDateTime(p.from, locale)}–${p.to ? formatDateTime(p.to, locale) : t('ongoing')}`,
              )
              .join('; ')}
      </Text>
      {state.explanation && (
        <Text className={styles.small}>
          {t('explanation')}: {state.explanationText ? l(state.explanationText) : state.explanation}
        </Text>
      )}
    </div>
  );
}
