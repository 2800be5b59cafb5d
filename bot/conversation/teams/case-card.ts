/** A case as the compact card of a message (search results, unfurled links), for the turn's user. */
import type { Case } from '../../../shared/cases/model';
import { caseSla } from '../../../shared/sla/case-sla';
import { caseLinkCard, caseLinkPreview, type CaseLinkData } from '../../cards/case-link';
import { priorityLabel } from '../case-view';
import type { Turn } from '../turn';
import type { ResultItem } from './responses';

/** The nearest deadline still running (not met, not paused), if any. */
function nextDue(turn: Turn, c: Case): Date | undefined {
  const desk = turn.catalogue.desk(c.deskId);
  if (!desk || c.status === 'closed' || c.status === 'solved') return undefined;
  const sla = caseSla(c, desk, turn.now);
  const running = [sla.response, sla.resolution]
    .filter(
      (t) =>
        t.metAt === undefined && (t.state === 'running' || t.state === 'at_risk' || t.state === 'breached'),
    )
    .map((t) => t.dueAt)
    .filter((d): d is Date => d !== undefined)
    .sort((a, b) => a.getTime() - b.getTime());
  return running[0];
}

export function caseResultItem(turn: Turn, c: Case, url?: string): ResultItem {
  const due = nextDue(turn, c);
  const data: CaseLinkData = {
    locale: turn.locale,
    ref: c.ref,
    title: c.title,
    serviceName: turn.catalogue.service(c.serviceId)?.name ?? c.serviceId,
    status: c.status,
    priorityLabel: priorityLabel(turn.catalogue.desk(c.deskId), c.priority, turn.locale),
    ...(due ? { nextDueAt: due } : {}),
    ...(url ? { url } : {}),
  };
  return { card: caseLinkCard(data), preview: caseLinkPreview(data) };
}
