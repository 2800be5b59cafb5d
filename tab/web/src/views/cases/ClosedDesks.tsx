/**
 * Outside a desk's opening hours its business-time clocks stand still: the list says so once, above the
 * rows, with when they start again ("ROR-IKT Kundeservice er stengt – klokken står til i morgen kl. 08:00").
 */
import { MessageBar, MessageBarBody } from '@fluentui/react-components';
import { whenText } from '../../../../../shared/sla/clock-text';
import { isBusinessTime, nextOpening } from '../../../../../shared/sla/calendar-time';
import type { MeResponse } from '../../../../common/api-types';
import { useT } from '../../i18n';
import { useNow } from '../../services/clock';

export function ClosedDesks({ me, deskIds }: { me: MeResponse; deskIds: ReadonlySet<string> }) {
  const { t, locale } = useT();
  const now = useNow();
  const closed = me.desks.filter((d) => deskIds.has(d.id) && !isBusinessTime(now, d.policy.calendar));
  if (closed.length === 0) return null;
  return (
    <MessageBar intent="info" data-testid="closed-desks">
      <MessageBarBody>
        {closed
          .map(
            (d) =>
              `${d.name} ${t('deskClosed')} ${whenText(nextOpening(now, d.policy.calendar), now, d.policy.calendar.zone, locale)}.`,
          )
          .join(' ')}
      </MessageBarBody>
    </MessageBar>
  );
}
