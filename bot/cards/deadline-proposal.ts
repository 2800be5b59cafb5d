/**
 * Seed 004 §5.5: the desk proposes a new resolution deadline because a third party blocks the case;
 * the reporter accepts or declines here (an optional comment).
 */
import type { Locale } from '../../shared/i18n-text';
import { MAX_COMMENT_LENGTH, plainTextForCard } from '../../shared/text';
import { formatDeadline } from '../../shared/dates';
import { card, execute, facts, heading, text, type CardJson } from './card';
import { CONVERSATION_INPUTS } from './comment-notice';
import { VERBS } from './verbs';
import { strings } from '../i18n/strings';

export interface DeadlineProposalData {
  locale: Locale;
  ref: string;
  title: string;
  proposalId: string;
  dueAt: Date;
  reason: string;
  /** The deadline it replaces, when there is one. */
  currentDueAt?: Date;
}

export function deadlineProposalCard(d: DeadlineProposalData): CardJson {
  const s = strings(d.locale).conversation;
  const pairs: Array<[string, string]> = [[s.proposedDue, formatDeadline(d.dueAt, d.locale)]];
  if (d.currentDueAt)
    pairs.unshift([d.locale === 'nb' ? 'Nå' : 'Now', formatDeadline(d.currentDueAt, d.locale)]);
  pairs.push([s.reason, plainTextForCard(d.reason)]);
  const data = { ref: d.ref, proposalId: d.proposalId };
  return card(
    [
      heading(s.proposalTitle(d.ref)),
      text(plainTextForCard(d.title), { isSubtle: true, spacing: 'none' }),
      text(s.proposalIntro),
      facts(pairs),
      {
        type: 'Input.Text',
        id: CONVERSATION_INPUTS.deadlineComment,
        label: s.declineComment,
        isMultiline: true,
        maxLength: MAX_COMMENT_LENGTH,
      },
    ],
    [
      execute(s.accept, VERBS.deadlineAnswer, { ...data, accept: true }, { style: 'positive' }),
      execute(s.decline, VERBS.deadlineAnswer, { ...data, accept: false }),
    ],
  );
}
