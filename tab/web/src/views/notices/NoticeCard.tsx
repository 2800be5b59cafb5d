/** One driftsmelding: kind, title, text, services, when, who published it; for its desk, the editor. */
import { Badge, mergeClasses, Subtitle2, Text } from '@fluentui/react-components';
import type { Notice } from '../../../../../shared/notices/model';
import type { Session } from '../../App';
import { formatDateTime, useT } from '../../i18n';
import { useNoticesStyles } from '../NoticesView.styles';
import { NoticeEditor } from './NoticeEditor';
import { KIND_TEXT } from './notice-text';

interface Props {
  n: Notice;
  services: Map<string, string>;
  /** The session when the viewer may change this notice (a member of its desk, the notice active). */
  editable?: Session;
  onChanged?: (message?: string) => void;
}

export function NoticeCard({ n, services, editable, onChanged }: Props) {
  const styles = useNoticesStyles();
  const { t, l, locale } = useT();
  return (
    <article className={mergeClasses(styles.card, styles[n.kind])} data-testid="notice" data-notice={n.id}>
      <div>
        <Badge
          appearance="tint"
          color={n.kind === 'outage' ? 'danger' : n.kind === 'degraded' ? 'warning' : 'informative'}
        >
          {l(KIND_TEXT[n.kind])}
        </Badge>
      </div>
      <Subtitle2>{n.title}</Subtitle2>
      <Text className={styles.text}>{n.text}</Text>
      <Text className={styles.small}>
        {n.serviceIds.map((s) => services.get(s) ?? s).join(', ')}
        {' · '}
        {formatDateTime(n.startsAt, locale)}
        {n.resolvedAt
          ? ` – ${formatDateTime(n.resolvedAt, locale)}`
          : n.expectedEndAt
            ? ` – ${t('until')} ${formatDateTime(n.expectedEndAt, locale)}`
            : ''}
      </Text>
      <Text className={styles.small} data-testid="notice-by">
        {`${t('publishedBy')} ${n.createdBy.name}`}
      </Text>
      {editable && onChanged && <NoticeEditor session={editable} n={n} onChanged={onChanged} />}
    </article>
  );
}
