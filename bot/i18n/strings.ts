/**
 * Every user-facing text of the bot, in Norwegian bokmål (the default, `nb.ts`) and English (`en.ts`):
 * the one way to get them is `strings(locale)`. The personal chat's words are at the top level; the
 * channel's (triage, desk actions, driftsmeldinger) under `channel`, the case conversation's (comments,
 * followers, agreed deadlines, billable, problem records) under `conversation`, Teams' own entry points
 * (dialogs, message actions, search, link unfurling) under `teams`. Keyed by what a text is
 * for; functions where a text takes values. Each locale is typed `Strings`, so a missing key does not
 * compile.
 */
import type { Locale } from '../../shared/i18n-text';
import type { ChannelStrings } from './channel-strings';
import type { ChatStrings } from './chat-strings';
import type { ConversationStrings } from './conversation-strings';
import { en } from './en';
import { nb } from './nb';
import type { TeamsStrings } from './teams-strings';
import type { OrderStrings } from './order-strings';

export type { ChannelStrings, ChatStrings, ConversationStrings };

export interface Strings extends ChatStrings {
  channel: ChannelStrings;
  conversation: ConversationStrings;
  teams: TeamsStrings;
  /** Orders (bestillinger): the catalogue, the order form, estimates and their approval. */
  order: OrderStrings;
}

const ALL: Record<Locale, Strings> = { nb, en };
export const strings = (locale: Locale): Strings => ALL[locale];
