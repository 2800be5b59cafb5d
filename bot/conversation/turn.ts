/**
 * One incoming activity as the handlers see it: who (as a `Person`, by Entra object id), in which
 * language, what they may see, and how to answer. Built once per turn by `bot.ts`.
 */
import { CardFactory, type TurnContext } from 'botbuilder';
import type { ConnectorClient } from 'botframework-connector';
import { accessFor, type UserAccess } from '../../shared/access';
import type { Person } from '../../shared/cases/model';
import type { Locale } from '../../shared/i18n-text';
import { userId } from '../../shared/ids';
import type { CardJson } from '../cards/card';
import { localeOf } from '../../shared/i18n-text';
import { strings, type Strings } from '../i18n/strings';
import type { ChangeActor } from '../../shared/app/case-changes';
import type { CatalogueSnapshot } from '../../shared/app/catalogue';
import type { ConversationDeps } from './deps';

export interface Turn {
  context: TurnContext;
  deps: ConversationDeps;
  locale: Locale;
  s: Strings;
  user: Person;
  access: UserAccess;
  catalogue: CatalogueSnapshot;
  now: Date;
  /** Sends a card or a text as a new message in this conversation. */
  send(content: CardJson | string): Promise<void>;
  /** The bot's own token for Teams-hosted downloads; undefined when authentication is off. */
  botToken(): Promise<string | undefined>;
}

function botTokenOf(context: TurnContext): Promise<string | undefined> {
  const client = context.turnState.get<ConnectorClient>(context.adapter.ConnectorClientKey);
  const creds = client?.credentials as { getToken?: () => Promise<string> } | undefined;
  return creds?.getToken ? creds.getToken() : Promise.resolve(undefined);
}

/** The turn's user as the change service's actor. */
export const turnActor = (turn: Pick<Turn, 'user' | 'access'>): ChangeActor => ({
  kind: 'user',
  person: turn.user,
  access: turn.access,
});

export async function buildTurn(context: TurnContext, deps: ConversationDeps): Promise<Turn> {
  const a = context.activity;
  const id = userId(a.from?.aadObjectId ?? a.from?.id ?? 'unknown');
  const catalogue = await deps.catalogue.get();
  const locale = localeOf(a.locale);
  const name =
    a.from?.name?.trim() || deps.directory.users[id]?.name || (locale === 'nb' ? 'Ukjent' : 'Unknown');
  return {
    context,
    deps,
    locale,
    s: strings(locale),
    user: { id, name },
    access: accessFor({ id }, catalogue.desks, deps.directory),
    catalogue,
    now: deps.clock(),
    botToken: () => (deps.attachments.useBotToken ? botTokenOf(context) : Promise.resolve(undefined)),
    async send(content) {
      if (typeof content === 'string')
        await context.sendActivity({ type: 'message', text: content, textFormat: 'markdown' });
      else await context.sendActivity({ type: 'message', attachments: [CardFactory.adaptiveCard(content)] });
    },
  };
}
