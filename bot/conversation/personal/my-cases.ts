/** `mine saker` (and the "Mine saker" button): the user's open cases and the five most recently closed. */
import type { CardJson } from '../../cards/card';
import { myCasesCard } from '../../cards/my-cases';
import { caseLine } from '../case-view';
import { cardResult, type InvokeResult } from '../invoke';
import type { Turn } from '../turn';

const RECENT = 5;

export async function myCasesCardFor(turn: Turn): Promise<CardJson> {
  const own = await turn.deps.store.cases.listByReporter(turn.user.id, { limit: 50 });
  // The cases the user follows, marked as followed (caseLine).
  const followed = await turn.deps.store.cases.listByFollower(turn.user.id, { limit: 50 });
  const page = {
    items: [...own.items, ...followed.items.filter((f) => !own.items.some((o) => o.ref === f.ref))].sort(
      (a, b) => (a.receivedAt < b.receivedAt ? 1 : a.receivedAt > b.receivedAt ? -1 : 0),
    ),
  };
  const line = (c: (typeof page.items)[number]) =>
    caseLine(c, turn.catalogue.desk(c.deskId), turn.locale, turn.now, turn.user.id);
  const open = page.items.filter((c) => c.status !== 'closed').map(line);
  const recent = page.items
    .filter((c) => c.status === 'closed')
    .slice(0, RECENT)
    .map(line);
  return myCasesCard({ locale: turn.locale, open, recent });
}

export const myCasesCommand = (turn: Turn): Promise<CardJson> => myCasesCardFor(turn);

export async function casesList(turn: Turn): Promise<InvokeResult> {
  return cardResult(await myCasesCardFor(turn));
}
