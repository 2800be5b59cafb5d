/**
 * Changing a driftsmelding from the tab, as from the channel card: "Oppdater" (new text and/or a new
 * expected end, in Norwegian date and time fields) and "Løst" (an optional closing text). Sends the
 * version the user saw (`noticeVersion`); when someone changed it meanwhile the list is reloaded and the user told.
 */
import { Button, MessageBar, MessageBarBody, Textarea, Field } from '@fluentui/react-components';
import { useState } from 'react';
import type { Notice } from '../../../../../shared/notices/model';
import { noticeVersion } from '../../../../common/api-types';
import type { Session } from '../../App';
import { DateField, TimeField } from '../../components/DateTimeFields';
import { isoToOsloLocal, useT } from '../../i18n';
import { ApiFailure } from '../../services/api';
import { useNoticesStyles } from '../NoticesView.styles';
import { osloIso } from './notice-text';

type Mode = 'closed' | 'update' | 'resolve';

export function NoticeEditor({
  session,
  n,
  onChanged,
}: {
  session: Session;
  n: Notice;
  /** The notice changed (or was found changed: then with the words for the user); the list reloads. */
  onChanged: (message?: string) => void;
}) {
  const styles = useNoticesStyles();
  const { t } = useT();
  const end = n.expectedEndAt ? isoToOsloLocal(new Date(n.expectedEndAt)) : '';
  const [mode, setMode] = useState<Mode>('closed');
  const [text, setText] = useState(n.text);
  const [endDate, setEndDate] = useState(end.slice(0, 10));
  const [endTime, setEndTime] = useState(end.slice(11, 16));
  const [closing, setClosing] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const send = (path: 'update' | 'resolve', body: Record<string, string>) => {
    setBusy(true);
    setError(null);
    session.api
      .post<Notice>(`/api/notices/${encodeURIComponent(n.id)}/${path}`, {
        deskId: n.deskId,
        version: noticeVersion(n),
        ...body,
      })
      .then(() => {
        setMode('closed');
        onChanged();
      })
      .catch((e: unknown) => {
        // The list reloads and this card with it: the list shows the words.
        if (e instanceof ApiFailure && e.status === 409) onChanged(t('noticeChangedMeanwhile'));
        else setError(e instanceof Error ? e.message : String(e));
      })
      .finally(() => setBusy(false));
  };

  const endIso = osloIso(endDate, endTime);
  const endHalf = (endDate !== '') !== (endTime !== '');
  return (
    <div className={styles.editor} data-testid="notice-editor">
      {mode === 'closed' && (
        <div className={styles.editorButtons}>
          <Button onClick={() => setMode('update')} data-testid="notice-update">
            {t('noticeUpdate')}
          </Button>
          <Button onClick={() => setMode('resolve')} data-testid="notice-resolve">
            {t('noticeResolve')}
          </Button>
        </div>
      )}
      {mode === 'update' && (
        <>
          <Field label={t('noticeNewText')} required>
            <Textarea
              value={text}
              resize="vertical"
              data-testid="notice-update-text"
              onChange={(_e, d) => setText(d.value)}
            />
          </Field>
          <div className={styles.dateTime}>
            <DateField
              label={t('expectedEndDate')}
              value={endDate}
              testId="notice-update-end-date"
              onChange={setEndDate}
            />
            <TimeField
              label={t('expectedEndTime')}
              value={endTime}
              testId="notice-update-end-time"
              onChange={setEndTime}
            />
          </div>
          <div className={styles.editorButtons}>
            <Button
              appearance="primary"
              disabled={busy || text.trim() === '' || endHalf}
              data-testid="notice-update-save"
              onClick={() => send('update', { text, ...(endIso ? { expectedEndAt: endIso } : {}) })}
            >
              {t('noticeSave')}
            </Button>
            <Button onClick={() => setMode('closed')}>{t('cancel')}</Button>
          </div>
        </>
      )}
      {mode === 'resolve' && (
        <>
          <Field label={t('noticeClosingText')}>
            <Textarea
              value={closing}
              resize="vertical"
              data-testid="notice-resolve-text"
              onChange={(_e, d) => setClosing(d.value)}
            />
          </Field>
          <div className={styles.editorButtons}>
            <Button
              appearance="primary"
              disabled={busy}
              data-testid="notice-resolve-save"
              onClick={() => send('resolve', closing.trim() ? { text: closing } : {})}
            >
              {t('noticeResolveConfirm')}
            </Button>
            <Button onClick={() => setMode('closed')}>{t('cancel')}</Button>
          </div>
        </>
      )}
      {error && (
        <MessageBar intent="warning">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}
