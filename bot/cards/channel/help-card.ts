/** `@Fristvakt hjelp` in a channel: the channel's commands, and that personal ones go to the 1:1 chat. */
import type { Locale } from '../../../shared/i18n-text';
import { strings } from '../../i18n/strings';
import { card, heading, text, type CardJson } from '../card';

export interface ChannelHelpCardData {
  locale: Locale;
}

export function channelHelpCard(d: ChannelHelpCardData): CardJson {
  const s = strings(d.locale).channel.help;
  return card([
    heading(s.title),
    ...s.lines.map((line) => text(`• ${line}`, { spacing: 'small' })),
    text(s.personal, { spacing: 'medium', isSubtle: true }),
  ]);
}
