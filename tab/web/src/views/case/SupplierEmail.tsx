/** The case as an e-mail to copy, for a desk whose supplier has no endpoint (as done by hand before). */
import { Subtitle2, Text, Textarea, mergeClasses } from '@fluentui/react-components';
import type { CaseDetailResponse } from '../../../../common/api-types';
import { useT } from '../../i18n';
import { useCaseStyles } from '../CaseView.styles';

export function SupplierEmail({ email }: { email: NonNullable<CaseDetailResponse['supplierEmail']> }) {
  const styles = useCaseStyles();
  const { t } = useT();
  return (
    <section className={mergeClasses(styles.card, styles.wide)} data-testid="supplier-email">
      <Subtitle2>{t('supplierEmailTitle')}</Subtitle2>
      <Text>{t('supplierEmailHelp')}</Text>
      {email.to && <Text>{`${t('supplierEmailTo')}: ${email.to}`}</Text>}
      <Text>{`${t('supplierEmailSubject')}: ${email.subject}`}</Text>
      <Textarea
        readOnly
        value={email.body}
        rows={12}
        resize="vertical"
        aria-label={t('supplierEmailTitle')}
      />
    </section>
  );
}
