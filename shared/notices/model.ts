/** Driftsmeldinger: service notices published to Teams channels. */
import type { CaseRef, DeskId, IsoInstant, NoticeId, ServiceId } from '../ids';
import type { Actor } from '../cases/model';
import type { ChannelRef } from '../desks/model';

/** driftsavbrudd, redusert drift, planlagt vedlikehold. */
export type NoticeKind = 'outage' | 'degraded' | 'planned_maintenance';
export type NoticeStatus = 'active' | 'resolved';

/** One Teams message a notice was posted as, so updates can edit it in place. */
export interface PostedCopy {
  channel: ChannelRef;
  activityId: string;
  conversationId: string;
}

export interface Notice {
  id: NoticeId;
  deskId: DeskId;
  kind: NoticeKind;
  status: NoticeStatus;
  serviceIds: ServiceId[];
  title: string;
  text: string;
  startsAt: IsoInstant;
  expectedEndAt?: IsoInstant;
  resolvedAt?: IsoInstant;
  /** Why planned maintenance is announced less than 3 days ahead (seed 004 §6.2). */
  shortNoticeReason?: string;
  /** The hovedsak of a fellesfeil, when there is one. */
  caseRef?: CaseRef;
  linkedCaseRefs: CaseRef[];
  posted: PostedCopy[];
  /**
   * The channels it was published to, by conversation key (`channel:<teamId>:<channelId>`). Each copy is
   * posted through the outbox; its location is in the thread store under `notice:<id>:<key>`.
   */
  channelKeys?: string[];
  createdAt: IsoInstant;
  createdBy: Actor;
  updatedAt: IsoInstant;
}
