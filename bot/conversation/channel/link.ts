/**
 * `@Fristvakt koble <desk>` makes the channel the desk's triage channel; `@Fristvakt koble
 * driftsmeldinger <desk>` adds it to the desk's notice channels (several allowed). Only the desk's
 * members may link. The desk is changed conditionally on its version (retried on a conflict), the
 * channel's conversation reference is stored for proactive posts, and the reply says who may act (by
 * name). Linking a triage channel posts the desk's open cases there, each as its own thread (the same
 * post a new case gets, `triagePost`, so a case already posted is not posted again), nearest deadline
 * first, at most `MAX_POSTED_ON_LINK`; their later events land in those threads. The reply says how many.
 */
import { isSupportRole, roleOn } from '../../../shared/access';
import { retryOnConflict } from '../../../shared/app/retry';
import type { Desk } from '../../../shared/desks/model';
import type { Turn } from '../turn';
import { memberName } from './case-card';
import { triagePost } from '../../messages/case-messages';
import { channelOf, channelReference } from './channel-of';
import { channelKey } from '../../../shared/conversation-keys';

/** The most open cases linking a triage channel posts (the rest are in the tab's queue). */
export const MAX_POSTED_ON_LINK = 50;

/** Posts the desk's open cases the linker may act on into its new triage channel; how many, and whether more. */
async function postOpenCases(turn: Turn, desk: Desk): Promise<{ posted: number; more: boolean }> {
  const { store } = turn.deps;
  const page = await store.cases.listDeskQueue(desk.id, { limit: MAX_POSTED_ON_LINK });
  const open = page.items.filter((c) => c.status !== 'closed' && isSupportRole(roleOn(c, turn.access)));
  const notices = await store.notices.listActive(desk.id);
  const cards = {
    catalogue: turn.catalogue,
    directory: turn.deps.directory,
    now: turn.now,
    locale: 'nb' as const,
    notices,
    ...(turn.deps.links ? { links: turn.deps.links } : {}),
  };
  const posts = open.map((c) => triagePost(c, { desk, cards })).filter((m) => m !== null);
  const added = posts.length > 0 ? await store.outbox.enqueue(posts) : [];
  return { posted: added.length, more: page.continuationToken !== undefined };
}

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
  // Names, not ids: the directory's, the linker's own from Teams, or "name not known" in words.
  const names = desk.members.map((id) =>
    id === turn.user.id ? turn.user.name : memberName(turn.deps.directory, id, turn.locale),
  );
  if (desk.memberGroupId) names.push(s.group);
  const who = s.whoMayAct(names.join(', '));
  if (notices) return `${s.notices(desk.name)}\n\n${who}`;
  const { posted, more } = await postOpenCases(turn, desk);
  return `${s.triage(desk.name)}\n\n${s.openPosted(posted, more)}\n\n${who}`;
}
