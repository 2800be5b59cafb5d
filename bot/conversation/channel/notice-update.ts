/** Oppdater: new text and/or expected end; every posted copy is edited in place, with a reply under each. */
import { updateNotice } from '../../../shared/notices/rules';
import { isFristvaktError } from '../../../shared/errors';
import { NOTICE_INPUTS } from '../../cards/channel/notice-form';
import { fromOslo } from '../../../shared/dates';
import type { InvokeResult } from '../invoke';
import type { Turn } from '../turn';
import { inputText } from '../../cards/card';
import { noticeChangedMessages } from '../../messages/notice-messages';
import { changeNotice } from './notice-change';

export const noticeUpdate = (turn: Turn, data: Record<string, unknown>): Promise<InvokeResult> =>
  changeNotice(turn, data, {
    apply: (n) => {
      const s = turn.s.channel.notice;
      const text = inputText(data, NOTICE_INPUTS.updateText);
      const date = inputText(data, NOTICE_INPUTS.updateEndDate);
      const time = inputText(data, NOTICE_INPUTS.updateEndTime);
      const end = date || time ? fromOslo(date, time || '00:00') : undefined;
      if (text === '') return { invalid: `${s.updateText}: ${s.field.required}` };
      if (end === null) return { invalid: `${s.expectedEnd}: ${s.field.badDate}` };
      try {
        return updateNotice(n, { text, ...(end ? { expectedEndAt: end } : {}) }, turn.now);
      } catch (err) {
        if (isFristvaktError(err, 'VALIDATION'))
          return { invalid: err.details.field === 'end' ? s.endBeforeStart : s.field.tooLong(2000) };
        throw err;
      }
    },
    outbox: (next) =>
      noticeChangedMessages(turn.deps.store, turn.deps.catalogue, next, {
        kind: 'update',
        by: turn.user,
        at: turn.now,
      }),
  });
