/**
 * One SLA target's live state: an icon, the state in words and the time left (or how late), so it reads
 * without colour. Ticks with the shared clock through `shared/sla/state.ts` (`tick`), the same engine as
 * the bot, with no server round trip; the words come from `shared/sla/clock-text.ts` ("15 min arbeidstid
 * igjen", "klokken står – starter …", "frist flyttes når saken fortsetter"). In a grid cell the note
 * is in the tooltip (the list says once above the rows when a desk is closed); `withNote` shows it.
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
import type { SlaTarget } from '../../../../shared/cases/model';
import type { SlaPolicy } from '../../../../shared/sla/policy';
import type { SlaState } from '../../../../shared/sla/state';
import { parseSnapshot, type SlaSnapshot } from '../../../common/api-types';
import { useNow } from '../services/clock';
import { useT } from '../i18n';
import { clockWords } from '../views/cases/row-text';
import { useCountdownStyles } from './Countdown.styles';

const ICONS: Record<SlaState, typeof Clock16Regular> = {
  running: Clock16Regular,
  at_risk: Warning16Filled,
  breached: DismissCircle16Filled,
  paused: PauseCircle16Regular,
  met: CheckmarkCircle16Regular,
  no_target: Subtract16Regular,
};

export interface CountdownProps {
  target: SlaTarget;
  snapshot: SlaSnapshot;
  policy: SlaPolicy;
  /** Show the note (clock standing, deadline moving) on its own line, not only in the tooltip. */
  withNote?: boolean;
}

function CountdownInner({ target, snapshot, policy, withNote = false }: CountdownProps) {
  const styles = useCountdownStyles();
  const texts = useT();
  const now = useNow();
  const base = useMemo(() => parseSnapshot(target, snapshot), [target, snapshot]);
  const words = clockWords(base, now, policy, texts);
  const Icon = ICONS[words.state];
  const main = [words.label, words.time].filter((x) => x).join(' · ');
  return (
    <span
      className={mergeClasses(styles.root, withNote ? styles.block : styles.cell, styles[words.state])}
      data-sla-state={words.state}
      data-testid={`sla-${target}`}
      title={words.text}
    >
      <span className={styles.line}>
        <Icon className={styles.icon} aria-hidden />
        <span>{main}</span>
      </span>
      {withNote && words.note && (
        <span className={styles.note} data-testid={`sla-${target}-note`}>
          {words.note}
        </span>
      )}
    </span>
  );
}

export const Countdown = memo(CountdownInner);
