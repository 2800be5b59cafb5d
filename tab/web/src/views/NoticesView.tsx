/**
 * Driftsmeldinger: active and recently resolved service notices of the desks that concern the user;
 * for desk members the form to publish one, and on each active notice of their desk "Oppdater" and
 * "Løst", as in the channel. Parts are in `notices/`.
 */
import { MessageBar, MessageBarBody, Spinner, Subtitle2, Text } from '@fluentui/react-components';
import { useCallback, useEffect, useState } from 'react';
import type { Notice } from '../../../../shared/notices/model';
import { noticeVersion, type NoticesResponse } from '../../../common/api-types';
import type { Session } from '../App';
import { useT } from '../i18n';
import { NoticeCard } from './notices/NoticeCard';
import { PublishForm } from './notices/PublishForm';
import { useNoticesStyles } from './NoticesView.styles';

export function NoticesView({ session }: { session: Session }) {
  const styles = useNoticesStyles();
  const { t } = useT();
  const [data, setData] = useState<NoticesResponse | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [flash, setFlash] = useState<string | null>(null);
  const services = new Map(session.me.services.map((s) => [s.id as string, s.name]));
  const load = useCallback(() => {
    session.api
      .get<NoticesResponse>('/api/notices')
      .then(setData)
      .catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  }, [session]);
  useEffect(load, [load]);
  const changed = (message?: string) => {
    setFlash(message ?? null);
    load();
  };

  if (error) return <Text>{error}</Text>;
  if (!data) return <Spinner label={t('loading')} />;
  const editable = (n: Notice) => n.status === 'active' && data.publishDesks.includes(n.deskId);
  return (
    <div className={styles.root}>
      <div className={styles.list}>
        <Subtitle2 as="h2">{t('activeNotices')}</Subtitle2>
        {flash && (
          <MessageBar intent="warning" data-testid="notices-flash">
            <MessageBarBody>{flash}</MessageBarBody>
          </MessageBar>
        )}
        <div className={styles.list} data-testid="notices-active">
          {data.active.length === 0 ? (
            <Text>{t('noNotices')}</Text>
          ) : (
            data.active.map((n) => (
              <NoticeCard
                key={noticeVersion(n)}
                n={n}
                services={services}
                {...(editable(n) ? { editable: session, onChanged: changed } : {})}
              />
            ))
          )}
        </div>
        <Subtitle2 as="h2">{t('recentNotices')}</Subtitle2>
        <div className={styles.list} data-testid="notices-recent">
          {data.recent.length === 0 ? (
            <Text>{t('noNotices')}</Text>
          ) : (
            data.recent.map((n) => <NoticeCard key={n.id} n={n} services={services} />)
          )}
        </div>
      </div>
      {data.publishDesks.length > 0 && (
        <PublishForm session={session} desks={data.publishDesks} onPublished={load} />
      )}
    </div>
  );
}
