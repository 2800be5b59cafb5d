/**
 * `@Fristvakt koble <desk>` makes the channel the desk's triage channel; `@Fristvakt koble
 * driftsmeldinger <desk>` adds it to the desk's notice channels (several allowed). Only the desk's
 * members may link. The desk is changed conditionally on its version (retried on a conflict), the
 * channel's conversation reference is stored for proactive posts, and the reply says who may act.
 */
import { retryOnConflict } from '../../../shared/app/retry';
import type { Desk } from '../../../shared/desks/model';
import type { Turn } from '../turn';
import { deskMembers } from './case-card';
import { channelOf, channelReference } from './channel-of';
import { channelKey } from '../../../shared/conversation-keys';

export function findDesk(desks: readonly Desk[], arg: string): Desk | undefined {
  const a = arg.trim().toLowerCase();
  return (
    desks.find((d) => d.id.toLowerCase() === a || d.name.toLowerCase() === a) ??
    desks.find((d) => d.name.toLowerCase().startsWith(a))
  );
}

export async function linkCommand(turn: Turn, arg: string): Promise<string> {
  const s = turn.s.channel.link;
  const ch = channelOf(turn.context.activity);
  if (!ch) return s.onlyInChannel;
  const m = /^driftsmeldinger\s+(.+)$/i.exec(arg.trim());
  const notices = m !== null;
  const deskArg = (m?.[1] ?? arg).trim();
  const deskList = turn.catalogue.desks.map((d) => `${d.id} (${d.name})`).join(', ');
  if (deskArg === '') return s.usage(deskList);
  const found = findDesk(turn.catalogue.desks, deskArg);
  if (!found) return s.unknownDesk(deskArg, deskList);
  if (!turn.access.deskIds.includes(found.id)) return s.notMember(found.name);

  const { store } = turn.deps;
  const key = channelKey(ch);
  const linked = await retryOnConflict(async (): Promise<Desk | string> => {
    const current = await store.desks.get(found.id);
    if (!current) return s.unknownDesk(deskArg, deskList);
    const desk = current.value;
    if (notices && desk.noticeChannels.some((n) => channelKey(n) === key)) return s.alreadyNotices(desk.name);
    const next: Desk = notices
      ? { ...desk, noticeChannels: [...desk.noticeChannels, ch] }
      : { ...desk, triageChannel: ch };
    return (await store.desks.put(next, current.version)).value;
  });
  if (typeof linked === 'string') return linked;
  const desk = linked;
  await store.conversations.put(key, channelReference(turn.context.activity, ch));
  turn.deps.catalogue.invalidate();
  turn.deps.log.info(`desk ${desk.id}: ${notices ? 'notice' : 'triage'} channel linked (${key})`);
  const names = deskMembers(desk, turn.deps.directory).map(([, name]) => name);
  if (desk.memberGroupId) names.push(s.group);
  return `${notices ? s.notices(desk.name) : s.triage(desk.name)}\n\n${s.whoMayAct(names.join(', '))}`;
}
