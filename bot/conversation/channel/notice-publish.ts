/**
 * Publish the driftsmelding form: checked on the server (a message at each bad field, answers kept;
 * planned maintenance under 3 days ahead needs a reason), then stored with one outbox post per chosen
 * channel in the same store call. The form's notice id makes a replayed publish a no-op.
 */
import type { Desk } from '../../../shared/desks/model';
import { isFristvaktError } from '../../../shared/errors';
import { noticeId, parseCaseRef } from '../../../shared/ids';
import {
  checkNoticeDraft,
  openNotice,
  type NoticeDraft,
  type NoticeProblem,
} from '../../../shared/notices/rules';
import type { Notice } from '../../../shared/notices/model';
import { channelErrorCard } from '../../cards/channel/error-card';
import {
  NOTICE_INPUTS,
  noticeForm,
  type NoticeFormData,
  type NoticeFormValues,
} from '../../cards/channel/notice-form';
import { noticeCard } from '../../cards/channel/notice-card';
import { fromOslo } from '../../../shared/dates';
import { cardResult, errorResult, type InvokeResult } from '../invoke';
import type { Turn } from '../turn';
import { inputText } from '../../cards/card';
import { channelKey } from '../../../shared/conversation-keys';
import { noticeCardData, noticeFormData } from './notices';
import { publishMessages } from '../../messages/notice-messages';

const list = (v: string): string[] =>
  v
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean);

function message(turn: Turn, p: NoticeProblem): string {
  const s = turn.s.channel.notice;
  switch (p.problem) {
    case 'required':
      return s.field.required;
    case 'too_long':
      return s.field.tooLong(p.max);
    case 'unknown_choice':
      return s.field.badChoice;
    case 'bad_date':
      return s.field.badDate;
    case 'short_notice':
      return s.threeDays;
    case 'start_in_past':
      return s.startInPast;
    case 'end_before_start':
      return s.endBeforeStart;
  }
}

/** The deskId of the form, when the viewer is a member of it; else the error card. */
export function memberDesk(
  turn: Turn,
  data: Record<string, unknown>,
): { desk: Desk } | { answer: InvokeResult } {
  const desk = typeof data.deskId === 'string' ? turn.catalogue.desk(data.deskId) : undefined;
  if (!desk) return { answer: errorResult(400, 'BadRequest', turn.s.errors.expired) };
  if (!turn.access.deskIds.includes(desk.id)) {
    turn.deps.log.warn(`notice action refused: ${turn.user.id} is not a member of ${desk.id} (FORBIDDEN)`);
    return {
      answer: cardResult(
        channelErrorCard({
          locale: turn.locale,
          message: turn.s.channel.errors.notMember(desk.name),
        }),
      ),
    };
  }
  return { desk };
}

export async function noticePublish(turn: Turn, data: Record<string, unknown>): Promise<InvokeResult> {
  const member = memberDesk(turn, data);
  if ('answer' in member) return member.answer;
  const { desk } = member;
  const id =
    typeof data.noticeId === 'string' && /^[0-9a-f-]{36}$/.test(data.noticeId) ? data.noticeId : null;
  if (!id) return errorResult(400, 'BadRequest', turn.s.errors.expired);
  const caseRef = typeof data.caseRef === 'string' ? (parseCaseRef(data.caseRef) ?? undefined) : undefined;

  const values: NoticeFormValues = {
    kind: inputText(data, NOTICE_INPUTS.kind),
    services: inputText(data, NOTICE_INPUTS.services),
    title: inputText(data, NOTICE_INPUTS.title),
    startDate: inputText(data, NOTICE_INPUTS.startDate),
    startTime: inputText(data, NOTICE_INPUTS.startTime),
    endDate: inputText(data, NOTICE_INPUTS.endDate),
    endTime: inputText(data, NOTICE_INPUTS.endTime),
    text: inputText(data, NOTICE_INPUTS.text),
    shortNoticeReason: inputText(data, NOTICE_INPUTS.shortNoticeReason),
    channels: inputText(data, NOTICE_INPUTS.channels),
  };
  const endGiven = values.endDate !== '' || values.endTime !== '';
  const draft: NoticeDraft = {
    kind: values.kind ?? '',
    serviceIds: list(values.services ?? ''),
    title: values.title ?? '',
    text: values.text ?? '',
    startsAt: fromOslo(values.startDate ?? '', values.startTime ?? ''),
    ...(endGiven ? { expectedEndAt: fromOslo(values.endDate ?? '', values.endTime || '00:00') } : {}),
    shortNoticeReason: values.shortNoticeReason ?? '',
  };
  const problems = checkNoticeDraft(draft, {
    now: turn.now,
    serviceIds: turn.catalogue.servicesOf(desk.id).map((s) => s.id),
  });
  const errors: NonNullable<NoticeFormData['errors']> = {};
  for (const p of problems) errors[p.field] ??= message(turn, p);
  const known = desk.noticeChannels.map(channelKey);
  const channels = list(values.channels ?? '');
  if (channels.length === 0) errors.channels = turn.s.channel.notice.field.required;
  else if (channels.some((k) => !known.includes(k))) errors.channels = turn.s.channel.notice.field.badChoice;
  if (Object.keys(errors).length > 0)
    return cardResult(noticeForm(noticeFormData(turn, desk, id, values, caseRef, errors)));

  let notice: Notice = openNotice(draft, {
    id: noticeId(id),
    deskId: desk.id,
    now: turn.now,
    actor: { kind: 'user', ...turn.user },
    channelKeys: channels,
    ...(caseRef ? { caseRef } : {}),
  });
  if (caseRef) {
    // The hovedsak's undersaker are linked too: their reporters hear when the notice is resolved.
    const parent = await turn.deps.store.cases.getForDesk(caseRef, desk.id);
    if (parent) notice = { ...notice, linkedCaseRefs: [caseRef, ...parent.value.childRefs] };
  }
  let published = true;
  try {
    notice = (await turn.deps.store.notices.create(notice, publishMessages(notice, desk, turn.catalogue)))
      .value;
  } catch (err) {
    if (!isFristvaktError(err, 'DUPLICATE')) throw err;
    const existing = await turn.deps.store.notices.get(notice.id, desk.id);
    if (!existing) throw err;
    notice = existing.value;
    published = false;
  }
  const s = turn.s.channel.notice;
  return cardResult(
    noticeCard(
      noticeCardData(notice, desk, turn.catalogue, turn.locale, true, {
        text: s.published((notice.channelKeys ?? []).length) + (published ? '' : ' ✓'),
        tone: 'good',
      }),
    ),
  );
}
