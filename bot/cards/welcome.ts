/** The welcome card, sent when the app is installed in a personal chat. */
import type { Locale } from '../../shared/i18n-text';
import { plainTextForCard } from '../../shared/text';
import { strings } from '../i18n/strings';
import { card, heading, text, type CardJson } from './card';
import { menuActions } from './menu';

export interface WelcomeCardData {
  locale: Locale;
  /** The user's first name, when Teams gave one. */
  firstName?: string;
}

export function welcomeCard(data: WelcomeCardData): CardJson {
  const s = strings(data.locale);
  return card(
    [
      heading(s.welcome.title),
      text(
        data.firstName
          ? `${plainTextForCard(data.firstName)}, ${lowerFirst(s.welcome.intro)}`
          : s.welcome.intro,
      ),
      text(s.welcome.whatYouCanDo, { weight: 'bolder', spacing: 'medium' }),
    ],
    menuActions(s),
  );
}

const lowerFirst = (t: string): string => t.charAt(0).toLowerCase() + t.slice(1);
