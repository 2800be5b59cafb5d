/** The case's hovedsak and undersaker (fellesfeil), each a link to that case. */
import { Link, Subtitle2 } from '@fluentui/react-components';
import { STATUS_LABELS } from '../../../../../shared/cases/labels';
import type { CaseDetailResponse } from '../../../../common/api-types';
import { useT } from '../../i18n';
import { useCaseStyles } from '../CaseView.styles';

export function CaseLinks({ detail, open }: { detail: CaseDetailResponse; open: (ref: string) => void }) {
  const styles = useCaseStyles();
  const { t, l } = useT();
  if (!detail.parent && detail.children.length === 0) return null;
  return (
    <section className={styles.card}>
      {detail.parent && (
        <>
          <Subtitle2>{t('parent')}</Subtitle2>
          <Link
            onClick={() => open(detail.parent!.ref)}
          >{`${detail.parent.ref} – ${detail.parent.title}`}</Link>
        </>
      )}
      {detail.children.length > 0 && (
        <>
          <Subtitle2>{t('children')}</Subtitle2>
          {detail.children.map((ch) => (
            <Link key={ch.ref} onClick={() => open(ch.ref)}>
              {`${ch.ref} – ${ch.title} (${l(STATUS_LABELS[ch.status])})`}
            </Link>
          ))}
        </>
      )}
    </section>
  );
}
