/** A case's events, oldest first, each with when and who; and the comment box while the case is open. */
import { mergeClasses, Subtitle2 } from '@fluentui/react-components';
import type { CaseDetailResponse } from '../../../../common/api-types';
import type { Session } from '../../App';
import { CommentBox } from '../../components/CommentBox';
import { formatDateTime, useT } from '../../i18n';
import { useCaseStyles } from '../CaseView.styles';
import { describeEvent } from './event-text';

interface Props {
  session: Session;
  detail: CaseDetailResponse;
  priorityName: (id: string) => string;
  onSaved: (detail: CaseDetailResponse) => void;
}

export function CaseTimeline({ session, detail, priorityName, onSaved }: Props) {
  const styles = useCaseStyles();
  const { t, locale } = useT();
  const c = detail.case;
  return (
    <section className={mergeClasses(styles.card, styles.span2)}>
      <Subtitle2>{t('timeline')}</Subtitle2>
      <ol className={styles.timeline} data-testid="timeline">
        {c.events.map((e) => (
          <li key={e.id} className={styles.event}>
            <span className={styles.when}>{formatDateTime(e.at, locale)}</span>
            <span className={styles.eventText}>
              {describeEvent(e, locale, priorityName)}
              <span className={styles.small}>{` — ${e.by.name}`}</span>
            </span>
          </li>
        ))}
      </ol>
      {/* Comments (and, for the support lines, internal notes). */}
      {c.status !== 'closed' && (
        <CommentBox
          session={session}
          caseRef={c.ref}
          locale={locale}
          canNote={detail.canAct}
          onSaved={onSaved}
        />
      )}
    </section>
  );
}
