/**
 * The case's solution, shown once the desk has solved it and kept visible after it is answered. On a
 * Løst case its reporter answers here: "Godta løsningen" closes the case, "Ikke løst" (with what still
 * does not work, required) reopens it — the same lifecycle commands as in chat, through the API.
 */
import { Button, Field, mergeClasses, Subtitle2, Text, Textarea } from '@fluentui/react-components';
import { useState } from 'react';
import type { CaseEvent } from '../../../../../shared/cases/model';
import type { CaseAction, CaseDetailResponse } from '../../../../common/api-types';
import { formatDateTime, useT } from '../../i18n';
import { useCaseStyles } from '../CaseView.styles';

type Answer = Extract<CaseEvent, { type: 'solution_accepted' } | { type: 'solution_rejected' }>;

/** The latest solution and the answer to it, if any. */
export function latestSolution(
  events: readonly CaseEvent[],
): { solved: Extract<CaseEvent, { type: 'solved' }>; answer?: Answer } | null {
  for (let i = events.length - 1; i >= 0; i -= 1) {
    const e = events[i]!;
    if (e.type !== 'solved') continue;
    const answer = events
      .slice(i + 1)
      .find((x): x is Answer => x.type === 'solution_accepted' || x.type === 'solution_rejected');
    return answer ? { solved: e, answer } : { solved: e };
  }
  return null;
}

export function SolutionCard({
  detail,
  meId,
  run,
  busy,
}: {
  detail: CaseDetailResponse;
  meId: string;
  run: (body: CaseAction) => void;
  busy: boolean;
}) {
  const styles = useCaseStyles();
  const { t, locale } = useT();
  const [rejecting, setRejecting] = useState(false);
  const [comment, setComment] = useState('');
  const [missing, setMissing] = useState(false);
  const c = detail.case;
  const latest = latestSolution(c.events);
  if (!latest) return null;
  const { solved, answer } = latest;
  const mayAnswer = c.status === 'solved' && c.reporter.id === meId && !answer;
  const sendReject = () => {
    if (comment.trim() === '') {
      setMissing(true);
      return;
    }
    run({ action: 'reject', comment });
  };
  return (
    <section className={mergeClasses(styles.card, styles.wide)} data-testid="solution">
      <Subtitle2>{t('solution')}</Subtitle2>
      <Text className={styles.dd} data-testid="solution-text">
        {solved.solution}
      </Text>
      <Text className={styles.small}>{`${formatDateTime(solved.at, locale)} — ${solved.by.name}`}</Text>
      {answer && (
        <Text data-testid="solution-answer">
          {answer.type === 'solution_accepted'
            ? `${t('solutionAccepted')} (${formatDateTime(answer.at, locale)})`
            : `${t('solutionRejected')} (${formatDateTime(answer.at, locale)}): ${answer.comment}`}
        </Text>
      )}
      {mayAnswer && (
        <>
          <Text>{t('solutionAsk')}</Text>
          {rejecting && (
            <Field
              label={t('rejectComment')}
              required
              validationMessage={missing ? t('rejectRequired') : undefined}
            >
              <Textarea
                value={comment}
                onChange={(_e, d) => {
                  setComment(d.value);
                  if (d.value.trim() !== '') setMissing(false);
                }}
                resize="vertical"
                data-testid="reject-comment"
              />
            </Field>
          )}
          <div className={styles.actionRow}>
            {rejecting ? (
              <>
                <Button appearance="primary" disabled={busy} onClick={sendReject} data-testid="reject-send">
                  {t('rejectSend')}
                </Button>
                <Button disabled={busy} onClick={() => setRejecting(false)}>
                  {t('cancel')}
                </Button>
              </>
            ) : (
              <>
                <Button
                  appearance="primary"
                  disabled={busy}
                  onClick={() => run({ action: 'accept' })}
                  data-testid="accept-solution"
                >
                  {t('acceptSolution')}
                </Button>
                <Button disabled={busy} onClick={() => setRejecting(true)} data-testid="reject-solution">
                  {t('rejectSolution')}
                </Button>
              </>
            )}
          </div>
        </>
      )}
    </section>
  );
}
