/**
 * The bot's turn logic: remembers the conversation (for proactive messages), then routes by activity
 * type: install → welcome; message → attachments, or the command table, or a hint; invoke → the
 * invoke table (`invokes.ts`: card verbs, Teams dialogs, the message extension, link unfurling),
 * answered in the HTTP body. Any failure inside a handler is
 * logged with its code and the user gets a clear message (a card error for invokes), never silence.
 */
import { ActivityTypes, TurnContext, type Activity } from 'botbuilder';
import { isFristvaktError } from '../../shared/errors';
import { messageCard } from '../cards/message';
import { answerCommand, cleanText } from './commands';
import type { ConversationDeps } from './deps';
import { incomingFiles, receiveAttachments } from './handlers/attachments';
import { unknownText } from './personal/unknown-text';
import { sendWelcome } from './personal/welcome';
import { invokeRoute, unsupportedInvoke } from './invokes';
import type { InvokeReply } from './teams/responses';
import { buildTurn, type Turn } from './turn';
import { userConversationKey } from '../../shared/conversation-keys';

/**
 * What this process last stored per user conversation: the reference is written again only when it
 * changed (service URL, locale, conversation), not on every turn. Bounded; a restart just writes again.
 */
const REMEMBERED_MAX = 20_000;

async function remember(turn: Turn, remembered: Map<string, string>): Promise<void> {
  const a = turn.context.activity;
  if (a.conversation?.conversationType !== 'personal' || !a.from?.aadObjectId) return;
  const key = userConversationKey(a.from.aadObjectId);
  const ref: Record<string, unknown> = {
    ...(TurnContext.getConversationReference(a) as Record<string, unknown>),
    locale: a.locale ?? 'nb-NO',
  };
  const { activityId: _ignored, ...stable } = ref;
  const fingerprint = JSON.stringify(stable);
  if (remembered.get(key) === fingerprint) return;
  await turn.deps.store.conversations.put(key, ref);
  if (remembered.size >= REMEMBERED_MAX) remembered.clear();
  remembered.set(key, fingerprint);
}

async function onMessage(turn: Turn): Promise<void> {
  const a = turn.context.activity;
  const text = cleanText(a.text ?? '');
  const files = incomingFiles(a.attachments);
  if (files.length > 0) return receiveAttachments(turn, files, text);
  if (text === '') return;
  await turn.send((await answerCommand(turn, text)) ?? unknownText(turn, text));
}

async function onInvoke(turn: Turn): Promise<void> {
  const name = turn.context.activity.name;
  const route = invokeRoute(name);
  let reply: InvokeReply;
  if (!route) reply = unsupportedInvoke(name);
  else {
    try {
      reply = await route.handle(turn);
    } catch (err) {
      turn.deps.log.error(
        `invoke ${String(name).slice(0, 60)} failed: ${isFristvaktError(err) ? err.code : 'INTERNAL'}`,
        err,
      );
      reply = route.failed(turn);
    }
  }
  await turn.context.sendActivity({ type: ActivityTypes.InvokeResponse, value: reply });
}

function isInstall(a: Activity): boolean {
  if (a.type === ActivityTypes.ConversationUpdate)
    return (
      (a.membersAdded ?? []).some((m) => m.id === a.recipient?.id) &&
      a.conversation?.conversationType === 'personal'
    );
  return false;
}

export function createBotLogic(deps: ConversationDeps): (context: TurnContext) => Promise<void> {
  const remembered = new Map<string, string>();
  return async (context) => {
    const turn = await buildTurn(context, deps);
    await remember(turn, remembered);
    const a = context.activity;
    try {
      if (a.type === ActivityTypes.Invoke) return await onInvoke(turn);
      if (a.type === ActivityTypes.Message) return await onMessage(turn);
      if (isInstall(a)) return await sendWelcome(turn);
    } catch (err) {
      deps.log.error(`turn failed (${a.type}): ${isFristvaktError(err) ? err.code : 'INTERNAL'}`, err);
      await turn.send(messageCard({ text: turn.s.errors.generic, tone: 'attention' }));
    } finally {
      deps.wakeup.notify();
    }
  };
}
