/**
 * "Mine saker": the user's open cases and the recently closed ones, with status, priority and the
 * nearest deadline's clock in words (`shared/sla/clock-text`: "15 min arbeidstid igjen", "klokken står –
 * starter onsdag kl. 08:00", "frist flyttes når saken fortsetter").
 */
import type { Locale } from '../../shared/i18n-text';
import type { CaseStatus } from '../../shared/cases/model';
import { plainTextForCard } from '../../shared/text';
import { strings } from '../i18n/strings';
import { card, execute, heading, text, type CardElement, type CardJson } from './card';
import { VERBS } from './verbs';

/** The nearest running target's clock, in the words of `clockText`. */
export interface LineClock {
  /** "15 min arbeidstid igjen", "2 t over fristen", "fristen gikk ut kl. 15:30". */
  time: string;
  /** Why it does not move: "klokken står – starter onsdag kl. 08:00", "frist flyttes når saken fortsetter". */
  note?: string;
  late: boolean;
}

export interface CaseLine {
  ref: string;
  title: string;
  status: CaseStatus;
  priorityLabel: string;
  clock?: LineClock;
  /** The user follows this case but did not report it. */
  followed?: boolean;
  /** An order (bestilling), marked as one. */
  order?: boolean;
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
  const line = (c: CaseLine): CardElement => ({
    type: 'ColumnSet',
    separator: true,
    selectAction: execute(m.show, VERBS.caseShow, { ref: c.ref }),
    columns: [
      {
        type: 'Column',
        width: 'stretch',
        items: [
          text(
            `**${c.ref}** ${c.order ? `${s.order.kindLabel}: ` : ''}${plainTextForCard(c.title)}${c.followed ? ` ${m.followedMark}` : ''}`,
          ),
          text(`${s.status[c.status]} · ${plainTextForCard(c.priorityLabel)}`, {
            isSubtle: true,
            size: 'small',
            spacing: 'none',
          }),
          ...(c.clock?.note
            ? [text(plainTextForCard(c.clock.note), { isSubtle: true, size: 'small', spacing: 'none' })]
            : []),
        ],
      },
      {
        type: 'Column',
        width: 'auto',
        verticalContentAlignment: 'center',
        items: c.clock?.time
          ? [
              text(plainTextForCard(c.clock.time), {
                size: 'small',
                color: c.clock.late ? 'attention' : 'default',
              }),
            ]
          : [],
      },
    ],
  });
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
