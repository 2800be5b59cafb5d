/** `hjelp`: what the bot can do, with the same buttons as the welcome. */
import type { Locale } from '../../shared/i18n-text';
import { strings } from '../i18n/strings';
import { card, heading, text, type CardJson } from './card';
import { menuActions } from './menu';

export interface HelpCardData {
  locale: Locale;
}

export function helpCard(data: HelpCardData): CardJson {
  const s = strings(data.locale);
  return card(
    [
      heading(s.help.title),
      ...[...s.help.lines, ...s.teams.help].map((line) => text(`• ${line}`, { spacing: 'small' })),
    ],
    menuActions(s, false),
  );
}
