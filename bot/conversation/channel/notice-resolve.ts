import { resolveNotice } from '../../../shared/notices/rules';
import { NOTICE_INPUTS } from '../../cards/channel/notice-form';
import { formatDateTime } from '../../../shared/dates';
import type { InvokeResult } from '../invoke';
import type { Turn } from '../turn';
import { inputText } from '../../cards/card';
import { changeMessages } from './notices';
import { noticeResolvedReporterMessages } from '../../messages/notice-messages';
import { changeNotice } from './notice-change';
import { strings } from '../../i18n/strings';

/** "Løst": closed on every copy, a reply under each, and the reporters of linked cases told. */
export const noticeResolve = (turn: Turn, data: Record<string, unknown>): Promise<InvokeResult> =>
  changeNotice(turn, data, {
    apply: (n) => resolveNotice(n, turn.now, inputText(data, NOTICE_INPUTS.resolveText)),
    outbox: async (next, desk) => [
      ...changeMessages(
        next,
        desk,
        turn.catalogue,
        strings('nb').channel.notice.resolvedReply(turn.user.name, formatDateTime(turn.now, 'nb')),
      ),
      ...(await noticeResolvedReporterMessages(turn.deps.store, next, turn.now)),
    ],
  });
