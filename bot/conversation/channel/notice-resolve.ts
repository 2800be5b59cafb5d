import { resolveNotice } from '../../../shared/notices/rules';
import { NOTICE_INPUTS } from '../../cards/channel/notice-form';
import type { InvokeResult } from '../invoke';
import type { Turn } from '../turn';
import { inputText } from '../../cards/card';
import { noticeChangedMessages } from '../../messages/notice-messages';
import { changeNotice } from './notice-change';

/** "Løst": closed on every copy, a reply under each, and the reporters of linked cases told. */
export const noticeResolve = (turn: Turn, data: Record<string, unknown>): Promise<InvokeResult> =>
  changeNotice(turn, data, {
    apply: (n) => resolveNotice(n, turn.now, inputText(data, NOTICE_INPUTS.resolveText)),
    outbox: (next) =>
      noticeChangedMessages(turn.deps.store, turn.deps.catalogue, next, {
        kind: 'resolve',
        by: turn.user,
        at: turn.now,
      }),
  });
