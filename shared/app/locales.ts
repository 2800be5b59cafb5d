/** A person's language: the locale of their last 1:1 chat with the bot (stored with its reference); bokmål when unknown. */
import { userConversationKey } from '../conversation-keys';
import { localeOf, type Locale } from '../i18n-text';
import type { Store } from '../ports';

export async function userLocale(store: Pick<Store, 'conversations'>, id: string): Promise<Locale> {
  const ref = await store.conversations.get(userConversationKey(id));
  return localeOf(typeof ref?.locale === 'string' ? ref.locale : undefined);
}
