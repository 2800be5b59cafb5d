/** The channel flow's card verbs and their handlers, spread into the verb table (conversation/verbs.ts). */
import { CHANNEL_VERBS, type ChannelVerb } from '../../cards/channel/verbs';
import type { VerbHandler } from '../verbs';
import { noticePublish } from './handlers/notice-publish';
import { noticeResolve } from './handlers/notice-resolve';
import { noticeUpdate } from './handlers/notice-update';
import { triageNotice } from './handlers/triage-notice';
import { triageAssign } from './handlers/triage-assign';
import { triageClaim } from './handlers/triage-claim';
import { triageEscalate } from './handlers/triage-escalate';
import { triageLink } from './handlers/triage-link';
import { triagePriority } from './handlers/triage-priority';
import { triageRefresh } from './handlers/triage-refresh';
import { triageResume } from './handlers/triage-resume';
import { triageSolve } from './handlers/triage-solve';
import { triageWait } from './handlers/triage-wait';

export const CHANNEL_VERB_HANDLERS: Record<ChannelVerb, VerbHandler> = {
  [CHANNEL_VERBS.triageRefresh]: triageRefresh,
  [CHANNEL_VERBS.triageClaim]: triageClaim,
  [CHANNEL_VERBS.triageAssign]: triageAssign,
  [CHANNEL_VERBS.triagePriority]: triagePriority,
  [CHANNEL_VERBS.triageWait]: triageWait,
  [CHANNEL_VERBS.triageResume]: triageResume,
  [CHANNEL_VERBS.triageEscalate]: triageEscalate,
  [CHANNEL_VERBS.triageSolve]: triageSolve,
  [CHANNEL_VERBS.triageLink]: triageLink,
  [CHANNEL_VERBS.triageNotice]: triageNotice,
  [CHANNEL_VERBS.noticePublish]: noticePublish,
  [CHANNEL_VERBS.noticeUpdate]: noticeUpdate,
  [CHANNEL_VERBS.noticeResolve]: noticeResolve,
};
