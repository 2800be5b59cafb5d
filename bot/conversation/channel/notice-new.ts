/**
 * `@Fristvakt ny driftsmelding [servicesenter]`: the driftsmelding form for the desk of this channel
 * (its triage or notice channel), the desk named, or the viewer's only desk. Desk members only.
 */
import type { Desk } from '../../../shared/desks/model';
import type { CardJson } from '../../cards/card';
import type { Turn } from '../turn';
import { channelOf, deskOfChannel } from './channel-of';
import { findDesk } from './link';
import { newNoticeForm } from './notices';

function deskFor(turn: Turn, arg: string): Desk | undefined {
  if (arg.trim() !== '') return findDesk(turn.catalogue.desks, arg);
  const ch = channelOf(turn.context.activity);
  const ofChannel = ch ? deskOfChannel(turn.catalogue.desks, ch) : undefined;
  if (ofChannel) return ofChannel;
  const mine = turn.catalogue.desks.filter((d) => turn.access.deskIds.includes(d.id));
  return mine.length === 1 ? mine[0] : undefined;
}

export async function newNoticeCommand(turn: Turn, arg: string): Promise<CardJson | string> {
  const s = turn.s.channel;
  const desk = deskFor(turn, arg);
  if (!desk) return s.notice.noDesk;
  if (!turn.access.deskIds.includes(desk.id)) return s.link.notMember(desk.name);
  return Promise.resolve(newNoticeForm(turn, desk));
}
