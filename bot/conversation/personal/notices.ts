/** `driftsmeldinger`: the active service notices of every desk. */
import { noticesListCard } from '../../cards/notices-list';
import type { CardJson } from '../../cards/card';
import type { Turn } from '../turn';

export async function noticesCommand(turn: Turn): Promise<CardJson> {
  const cat = turn.catalogue;
  const lists = await Promise.all(cat.desks.map((d) => turn.deps.store.notices.listActive(d.id)));
  const notices = lists.flat().map((n) => ({
    kind: n.kind,
    title: n.title,
    text: n.text,
    deskName: cat.desk(n.deskId)?.name ?? n.deskId,
    serviceNames: n.serviceIds.map((id) => cat.service(id)?.name ?? id),
    startsAt: new Date(n.startsAt),
    ...(n.expectedEndAt ? { expectedEndAt: new Date(n.expectedEndAt) } : {}),
  }));
  return noticesListCard({ locale: turn.locale, notices });
}
