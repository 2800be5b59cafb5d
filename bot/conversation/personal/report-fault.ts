/** `meld feil [title]`: the fault-report card, with defaults (now in Oslo, the user's virksomhet, …). */
import { chooseDesk, defaultValues, formCard, newClientKey } from './fault/form';
import type { CardJson } from '../../cards/card';
import { messageCard } from '../../cards/message';
import { mayReport } from '../../../shared/desks/reporting';
import { plainTextForCard } from '../../../shared/text';
import type { Turn } from '../turn';

/**
 * Whether the user may report for `orgId` (the virksomhet's rule, `shared/desks/reporting.ts`): null,
 * or the polite card saying whom to contact instead. The groups come from the directory (bot
 * activities carry no group claims).
 */
export function reportingRefusal(turn: Turn, orgId: string | undefined): CardJson | null {
  const org = orgId ? turn.catalogue.org(orgId) : undefined;
  const decision = mayReport(org, turn.deps.directory.users[turn.user.id]?.groups ?? []);
  if (decision.allowed) return null;
  return messageCard({
    text: turn.s.errors.mayNotReport(plainTextForCard(org?.name ?? ''), plainTextForCard(decision.contact)),
  });
}

export function reportFaultCommand(turn: Turn, arg: string): Promise<CardJson | string> {
  const refused = reportingRefusal(turn, turn.access.homeOrgId);
  if (refused) return Promise.resolve(refused);
  const desk = chooseDesk(turn);
  if (!desk) return Promise.resolve(turn.s.errors.generic);
  return Promise.resolve(
    formCard(turn, desk, defaultValues(turn, desk, arg || undefined), {}, newClientKey()),
  );
}
