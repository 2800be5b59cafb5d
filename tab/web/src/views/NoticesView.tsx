/**
 * Driftsmeldinger: active and recently resolved service notices of the desks that concern the user,
 * and for desk members the form to publish one (planned maintenance less than 3 days ahead needs a
 * reason, seed 004 §6.2; the server checks it too).
 */
import {
  Badge,
  Button,
  Checkbox,
  Field,
  Input,
  Label,
  MessageBar,
  MessageBarBody,
  Select,
  Spinner,
  Subtitle2,
  Text,
  Textarea,
  mergeClasses,
} from '@fluentui/react-components';
import { useCallback, useEffect, useState } from 'react';
import type { LocalizedText } from '../../../../shared/i18n-text';
import type { Notice, NoticeKind } from '../../../../shared/notices/model';
import type { NewNoticeRequest, NoticesResponse } from '../../../common/api-types';
import type { Session } from '../App';
import { formatDateTime, isoToOsloLocal, osloLocalToIso, useT } from '../i18n';
import { ApiFailure } from '../services/api';
import { useNoticesStyles } from './NoticesView.styles';

const KIND_TEXT: Record<NoticeKind, LocalizedText> = {
  outage: { nb: 'Driftsavbrudd', en: 'Outage' },
  degraded: { nb: 'Redusert drift', en: 'Degraded service' },
  planned_maintenance: { nb: 'Planlagt vedlikehold', en: 'Planned maintenance' },
};
const KINDS = Object.keys(KIND_TEXT) as NoticeKind[];
const THREE_DAYS = 3 * 86_400_000;

function NoticeCard({ n, services }: { n: Notice; services: Map<string, string> }) {
  const styles = useNoticesStyles();
  const { t, l, locale } = useT();
  return (
    <article className={mergeClasses(styles.card, styles[n.kind])} data-testid="notice">
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
    </article>
  );
}

function PublishForm({
  session,
  desks,
  onPublished,
}: {
  session: Session;
  desks: string[];
  onPublished: () => void;
}) {
  const styles = useNoticesStyles();
  const { t, l } = useT();
  const now = new Date(session.me.now);
  const [deskId, setDeskId] = useState(desks[0]);
  const [kind, setKind] = useState<NoticeKind>('outage');
  const [title, setTitle] = useState('');
  const [text, setText] = useState('');
  const [serviceIds, setServiceIds] = useState<string[]>([]);
  const [startsAt, setStartsAt] = useState(isoToOsloLocal(now));
  const [expectedEndAt, setExpectedEndAt] = useState('');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);
  const services = session.me.services.filter((s) => s.deskId === deskId);
  const startIso = osloLocalToIso(startsAt);
  const shortNotice =
    kind === 'planned_maintenance' && startIso !== '' && Date.parse(startIso) - now.getTime() < THREE_DAYS;

  const submit = () => {
    setBusy(true);
    setError(null);
    setDone(false);
    const body: NewNoticeRequest = { deskId, kind, title, text, serviceIds, startsAt: startIso };
    if (expectedEndAt) body.expectedEndAt = osloLocalToIso(expectedEndAt);
    if (shortNotice && reason) body.shortNoticeReason = reason;
    session.api
      .post<Notice>('/api/notices', body)
      .then(() => {
        setDone(true);
        setTitle('');
        setText('');
        setServiceIds([]);
        onPublished();
      })
      .catch((e: unknown) => setError(e instanceof ApiFailure ? e.message : String(e)))
      .finally(() => setBusy(false));
  };

  return (
    <section className={styles.card} data-testid="notice-form">
      <Subtitle2>{t('publish')}</Subtitle2>
      <div className={styles.form}>
        {desks.length > 1 && (
          <Field label={t('desk')}>
            <Select value={deskId} onChange={(_e, d) => setDeskId(d.value)}>
              {desks.map((d) => (
                <option key={d} value={d}>
                  {session.me.desks.find((x) => x.id === d)?.name ?? d}
                </option>
              ))}
            </Select>
          </Field>
        )}
        <Field label={t('kind')}>
          <Select value={kind} data-testid="notice-kind" onChange={(_e, d) => setKind(d.value as NoticeKind)}>
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {l(KIND_TEXT[k])}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t('title')} required>
          <Input value={title} data-testid="notice-title" onChange={(_e, d) => setTitle(d.value)} />
        </Field>
        <Field label={t('text')} required>
          <Textarea
            value={text}
            data-testid="notice-text"
            onChange={(_e, d) => setText(d.value)}
            resize="vertical"
          />
        </Field>
        <fieldset className={styles.fieldset}>
          <legend>
            <Label required>{t('services')}</Label>
          </legend>
          {services.map((s) => (
            <Checkbox
              key={s.id}
              label={s.name}
              checked={serviceIds.includes(s.id)}
              onChange={(_e, d) =>
                setServiceIds(d.checked ? [...serviceIds, s.id] : serviceIds.filter((x) => x !== s.id))
              }
            />
          ))}
        </fieldset>
        <Field label={t('startsAt')} required>
          <Input
            type="datetime-local"
            value={startsAt}
            data-testid="notice-start"
            onChange={(_e, d) => setStartsAt(d.value)}
          />
        </Field>
        <Field label={t('expectedEndAt')}>
          <Input
            type="datetime-local"
            value={expectedEndAt}
            onChange={(_e, d) => setExpectedEndAt(d.value)}
          />
        </Field>
        {shortNotice && (
          <Field label={t('shortNoticeReason')} required>
            <Input value={reason} data-testid="notice-reason" onChange={(_e, d) => setReason(d.value)} />
          </Field>
        )}
        {error && (
          <MessageBar intent="error">
            <MessageBarBody>{error}</MessageBarBody>
          </MessageBar>
        )}
        {done && (
          <MessageBar intent="success">
            <MessageBarBody>{t('published')}</MessageBarBody>
          </MessageBar>
        )}
        <Button
          appearance="primary"
          disabled={busy || !title || !text || serviceIds.length === 0}
          onClick={submit}
          data-testid="notice-submit"
        >
          {t('publish')}
        </Button>
      </div>
    </section>
  );
}

export function NoticesView({ session }: { session: Session }) {
  const styles = useNoticesStyles();
  const { t } = useT();
  const [data, setData] = useState<NoticesResponse | null>(null);
  const [error, setError] = useState<string | null>(null);
  const services = new Map(session.me.services.map((s) => [s.id as string, s.name]));
  const load = useCallback(() => {
    session.api
      .get<NoticesResponse>('/api/notices')
      .then(setData)
      .catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  }, [session]);
  useEffect(load, [load]);

  if (error) return <Text>{error}</Text>;
  if (!data) return <Spinner label={t('loading')} />;
  return (
    <div className={styles.root}>
      <div className={styles.list}>
        <Subtitle2>{t('activeNotices')}</Subtitle2>
        <div className={styles.list} data-testid="notices-active">
          {data.active.length === 0 ? (
            <Text>{t('noNotices')}</Text>
          ) : (
            data.active.map((n) => <NoticeCard key={n.id} n={n} services={services} />)
          )}
        </div>
        <Subtitle2>{t('recentNotices')}</Subtitle2>
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
