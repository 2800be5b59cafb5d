/**
 * One SLA target's live state: an icon, the state in words and the time left (or how late), so it reads
 * without colour. Ticks with the shared clock through `shared/sla/state.ts` (`tick`), the same engine as
 * the bot, with no server round trip.
 */
import { mergeClasses } from '@fluentui/react-components';
import {
  CheckmarkCircle16Regular,
  Clock16Regular,
  DismissCircle16Filled,
  PauseCircle16Regular,
  Subtract16Regular,
  Warning16Filled,
} from '@fluentui/react-icons';
import { memo, useMemo } from 'react';
import { formatMinutes, SLA_STATE_LABELS } from '../../../../shared/cases/labels';
import type { SlaTarget } from '../../../../shared/cases/model';
import type { SlaPolicy } from '../../../../shared/sla/policy';
import { tick, type SlaState, type TargetState } from '../../../../shared/sla/state';
import { parseSnapshot, type SlaSnapshot } from '../../../common/api-types';
import { useNow } from '../services/clock';
import { useT } from '../i18n';
import { useCountdownStyles } from './Countdown.styles';

const ICONS: Record<SlaState, typeof Clock16Regular> = {
  running: Clock16Regular,
  at_risk: Warning16Filled,
  breached: DismissCircle16Filled,
  paused: PauseCircle16Regular,
  met: CheckmarkCircle16Regular,
  no_target: Subtract16Regular,
};

/** Business minutes in a typical working day of the policy (for "2 d 1 t"). */
export function minutesPerDay(policy: SlaPolicy): number {
  const day = policy.calendar.week[1] ?? policy.calendar.week[2] ?? [];
  const mins = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
  const total = day.reduce((n, p) => n + mins(p.to) - mins(p.from), 0);
  return total > 0 ? total : 1440;
}

/** The words of a state at `now`: "I rute · 2 t 15 min", "Brutt · −45 min", "Oppfylt". */
export function useCountdownText(
  s: TargetState,
  policy: SlaPolicy,
): { state: SlaState; text: string; time: string } {
  const { l, locale } = useT();
  const perDay = s.clock === 'calendar' ? 1440 : minutesPerDay(policy);
  const label = l(SLA_STATE_LABELS[s.state]);
  let time = '';
  if (s.remainingMinutes !== undefined && s.state !== 'no_target') {
    if (s.state === 'met') time = '';
    else {
      // Past a day, whole hours are enough ("−2 d 6 t"); under it, minutes count.
      const m = s.remainingMinutes;
      const abs = Math.abs(m);
      const days = Math.floor(abs / perDay);
      const coarse =
        days > 0 ? Math.sign(m) * (days * perDay + Math.round((abs - days * perDay) / 60) * 60) : m;
      time = formatMinutes(coarse, locale, perDay);
    }
  }
  return { state: s.state, text: time ? `${label} · ${time}` : label, time };
}

export interface CountdownProps {
  target: SlaTarget;
  snapshot: SlaSnapshot;
  policy: SlaPolicy;
}

function CountdownInner({ target, snapshot, policy }: CountdownProps) {
  const styles = useCountdownStyles();
  const now = useNow();
  const base = useMemo(() => parseSnapshot(target, snapshot), [target, snapshot]);
  const live = tick(base, now, policy);
  const { state, text } = useCountdownText(live, policy);
  const Icon = ICONS[state];
  return (
    <span
      className={mergeClasses(styles.root, styles[state])}
      data-sla-state={state}
      data-testid={`sla-${target}`}
    >
      <Icon className={styles.icon} aria-hidden />
      <span>{text}</span>
    </span>
  );
}

export const Countdown = memo(CountdownInner);
