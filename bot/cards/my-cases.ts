/** "Mine saker": the user's open cases and the recently closed ones, with status, priority and time left. */
import type { Locale } from '../../shared/i18n-text';
import type { CaseStatus } from '../../shared/cases/model';
import { formatMinutes } from '../../shared/cases/labels';
import { strings } from '../i18n/strings';
import { card, execute, heading, text, type CardElement, type CardJson } from './card';
import { VERBS } from './verbs';

export interface CaseLine {
  ref: string;
  title: string;
  status: CaseStatus;
  priorityLabel: string;
  /** The nearest running target: minutes left (negative = late), or paused. */
  timeLeft?: { minutes: number } | { paused: true };
  /** The user follows this case but did not report it. */
  followed?: boolean;
}

export interface MyCasesData {
  locale: Locale;
  open: CaseLine[];
  recent: CaseLine[];
}

export function myCasesCard(d: MyCasesData): CardJson {
  const s = strings(d.locale);
  const m = s.myCases;
  if (d.open.length === 0 && d.recent.length === 0) return card([heading(m.title), text(m.none)]);
  const line = (c: CaseLine): CardElement => {
    let left = '';
    if (c.timeLeft && 'paused' in c.timeLeft) left = m.paused;
    else if (c.timeLeft)
      left =
        c.timeLeft.minutes >= 0
          ? m.timeLeft(formatMinutes(c.timeLeft.minutes, d.locale))
          : m.late(formatMinutes(-c.timeLeft.minutes, d.locale));
    const late = c.timeLeft !== undefined && !('paused' in c.timeLeft) && c.timeLeft.minutes < 0;
    return {
      type: 'ColumnSet',
      separator: true,
      selectAction: execute(m.show, VERBS.caseShow, { ref: c.ref }),
      columns: [
        {
          type: 'Column',
          width: 'stretch',
          items: [
            text(`**${c.ref}** ${c.title}${c.followed ? ` ${m.followedMark}` : ''}`),
            text(`${s.status[c.status]} · ${c.priorityLabel}`, {
              isSubtle: true,
              size: 'small',
              spacing: 'none',
            }),
          ],
        },
        {
          type: 'Column',
          width: 'auto',
          verticalContentAlignment: 'center',
          items: left ? [text(left, { size: 'small', color: late ? 'attention' : 'default' })] : [],
        },
      ],
    };
  };
  return card(
    [
      heading(m.title),
      ...(d.open.length > 0 ? [text(m.open, { weight: 'bolder' }), ...d.open.map(line)] : []),
      ...(d.recent.length > 0
        ? [text(m.recent, { weight: 'bolder', spacing: 'large' }), ...d.recent.map(line)]
        : []),
    ],
    [execute(s.buttons.report, VERBS.menuRun, { command: 'meld feil' })],
  );
}
