/** An action that was refused (not a desk member, unknown case): what happened, and that nothing changed. */
import type { Locale } from '../../../shared/i18n-text';
import { card, container, text, type CardJson } from '../card';
import { strings } from '../../i18n/strings';

export interface ChannelErrorData {
  locale: Locale;
  message: string;
}

export function channelErrorCard(d: ChannelErrorData): CardJson {
  const s = strings(d.locale).channel.errors;
  return card([
    container([text(s.title, { weight: 'bolder' }), text(d.message)], {
      style: 'attention',
      id: 'error',
    }),
  ]);
}
