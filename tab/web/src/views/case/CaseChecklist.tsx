/** The fault-report checklist's answers of a case, as a definition list (case text rendered as text). */
import { mergeClasses, Subtitle2 } from '@fluentui/react-components';
import {
  AVAILABILITY_LABELS,
  KIND_LABELS,
  REPORTER_ROLE_LABELS,
  SCOPE_LABELS,
} from '../../../../../shared/cases/labels';
import type { Case } from '../../../../../shared/cases/model';
import { formatDateTime, useT } from '../../i18n';
import { useCaseStyles } from '../CaseView.styles';

export function CaseChecklist({ c }: { c: Case }) {
  const styles = useCaseStyles();
  const { t, l, locale } = useT();
  return (
    <section className={mergeClasses(styles.card, styles.span2)}>
      <Subtitle2>{t('checklist')}</Subtitle2>
      <dl className={styles.dl}>
        <dt className={styles.dt}>{l(KIND_LABELS[c.kind])}</dt>
        <dd className={styles.dd}>{formatDateTime(c.receivedAt, locale)}</dd>
        {c.checklist && (
          <>
            <dt className={styles.dt}>{t('symptom')}</dt>
            <dd className={styles.dd}>{c.checklist.symptom}</dd>
            <dt className={styles.dt}>{t('tried')}</dt>
            <dd className={styles.dd}>{c.checklist.triedSoFar}</dd>
            <dt className={styles.dt}>{t('scope')}</dt>
            <dd className={styles.dd}>{l(SCOPE_LABELS[c.checklist.scope])}</dd>
            <dt className={styles.dt}>{t('availability')}</dt>
            <dd className={styles.dd}>{l(AVAILABILITY_LABELS[c.checklist.availability])}</dd>
            <dt className={styles.dt}>{t('startedAt')}</dt>
            <dd className={styles.dd}>{formatDateTime(c.checklist.startedAt, locale)}</dd>
          </>
        )}
        <dt className={styles.dt}>{t('reporter')}</dt>
        <dd className={styles.dd}>{`${c.reporter.name} (${l(REPORTER_ROLE_LABELS[c.reporterRole])})`}</dd>
        <dt className={styles.dt}>{t('testContact')}</dt>
        <dd className={styles.dd}>{c.testContact.name}</dd>
        <dt className={styles.dt}>{t('followers')}</dt>
        <dd className={styles.dd}>{c.followers.map((f) => f.name).join(', ') || '–'}</dd>
      </dl>
    </section>
  );
}
