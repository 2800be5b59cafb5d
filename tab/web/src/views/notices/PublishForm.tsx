/**
 * The form to publish a driftsmelding (desk members): planned maintenance less than 3 days ahead needs
 * a reason (seed 004 §6.2; the server checks it too). Dates and times are typed in Norwegian format.
 */
import {
  Button,
  Checkbox,
  Field,
  Input,
  Label,
  MessageBar,
  MessageBarBody,
  Select,
  Subtitle2,
  Textarea,
} from '@fluentui/react-components';
import { useState } from 'react';
import type { Notice, NoticeKind } from '../../../../../shared/notices/model';
import type { NewNoticeRequest } from '../../../../common/api-types';
import type { Session } from '../../App';
import { DateField, TimeField } from '../../components/DateTimeFields';
import { isoToOsloLocal, useT } from '../../i18n';
import { ApiFailure } from '../../services/api';
import { useNoticesStyles } from '../NoticesView.styles';
import { KIND_TEXT, KINDS, osloIso } from './notice-text';

const THREE_DAYS = 3 * 86_400_000;

export function PublishForm({
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
  const nowLocal = isoToOsloLocal(now);
  const [startDate, setStartDate] = useState(nowLocal.slice(0, 10));
  const [startTime, setStartTime] = useState(nowLocal.slice(11, 16));
  const [endDate, setEndDate] = useState('');
  const [endTime, setEndTime] = useState('');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);
  const services = session.me.services.filter((s) => s.deskId === deskId);
  const startIso = osloIso(startDate, startTime);
  const endIso = osloIso(endDate, endTime);
  const endHalf = (endDate !== '') !== (endTime !== '');
  const shortNotice =
    kind === 'planned_maintenance' && startIso !== '' && Date.parse(startIso) - now.getTime() < THREE_DAYS;

  const submit = () => {
    setBusy(true);
    setError(null);
    setDone(false);
    const body: NewNoticeRequest = { deskId, kind, title, text, serviceIds, startsAt: startIso };
    if (endIso) body.expectedEndAt = endIso;
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
        <div className={styles.dateTime}>
          <DateField
            label={t('startDate')}
            required
            value={startDate}
            testId="notice-start-date"
            onChange={setStartDate}
          />
          <TimeField
            label={t('startTime')}
            required
            value={startTime}
            testId="notice-start-time"
            onChange={setStartTime}
          />
        </div>
        <div className={styles.dateTime}>
          <DateField
            label={t('expectedEndDate')}
            value={endDate}
            testId="notice-end-date"
            onChange={setEndDate}
          />
          <TimeField
            label={t('expectedEndTime')}
            value={endTime}
            testId="notice-end-time"
            onChange={setEndTime}
          />
        </div>
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
          disabled={busy || !title || !text || serviceIds.length === 0 || !startIso || endHalf}
          onClick={submit}
          data-testid="notice-submit"
        >
          {t('publish')}
        </Button>
      </div>
    </section>
  );
}
