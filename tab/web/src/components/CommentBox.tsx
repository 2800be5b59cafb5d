/**
 * The case's comment box in the tab (the case conversation): plain text up to 4 000 characters, posted to
 * `POST /api/cases/:ref/comments`; the support lines may mark it an internal note. The answer (the
 * case as the viewer sees it) replaces the shown case, so the timeline shows the comment at once.
 * Texts are kept here in both languages (the tab's i18n file belongs to the tab's owner).
 */
import { Button, Checkbox, Field, Textarea } from '@fluentui/react-components';
import { useState } from 'react';
import type { Locale } from '../../../../shared/i18n-text';
import { MAX_COMMENT_LENGTH } from '../../../../shared/text';
import type { CaseDetailResponse } from '../../../common/api-types';
import type { Session } from '../App';
import { useCommentBoxStyles } from './CommentBox.styles';

const TEXT = {
  nb: {
    label: 'Kommentar',
    placeholder: 'Skriv en kommentar til saken',
    internal: 'Internt notat (bare støttelinjene ser det)',
    send: 'Send kommentar',
    empty: 'Skriv en kommentar.',
  },
  en: {
    label: 'Comment',
    placeholder: 'Write a comment on the case',
    internal: 'Internal note (only the support lines see it)',
    send: 'Send comment',
    empty: 'Write a comment.',
  },
} as const;

interface Props {
  session: Session;
  caseRef: string;
  locale: Locale;
  /** The viewer is a support line: may write an internal note. */
  canNote: boolean;
  onSaved: (detail: CaseDetailResponse) => void;
}

export function CommentBox({ session, caseRef, locale, canNote, onSaved }: Props) {
  const styles = useCommentBoxStyles();
  const t = TEXT[locale];
  const [text, setText] = useState('');
  const [internal, setInternal] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const send = () => {
    if (text.trim() === '') return setError(t.empty);
    setBusy(true);
    setError(null);
    session.api
      .post<CaseDetailResponse>(`/api/cases/${encodeURIComponent(caseRef)}/comments`, {
        text,
        visibility: internal ? 'internal' : 'public',
      })
      .then((detail) => {
        setText('');
        setInternal(false);
        onSaved(detail);
      })
      .catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)))
      .finally(() => setBusy(false));
  };

  return (
    <div className={styles.root} data-testid="comment-box">
      <Field label={t.label} validationMessage={error ?? undefined}>
        <Textarea
          data-testid="comment-text"
          value={text}
          placeholder={t.placeholder}
          maxLength={MAX_COMMENT_LENGTH}
          onChange={(_e, d) => setText(d.value)}
        />
      </Field>
      <div className={styles.row}>
        {canNote && (
          <Checkbox
            data-testid="comment-internal"
            label={t.internal}
            checked={internal}
            onChange={(_e, d) => setInternal(d.checked === true)}
          />
        )}
        <Button appearance="primary" disabled={busy} onClick={send} data-testid="comment-send">
          {t.send}
        </Button>
      </div>
    </div>
  );
}
