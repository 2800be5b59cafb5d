/**
 * The fault form in a Teams dialog: opened by a `task/fetch` button ("Meld feil" in Teams), by the
 * compose box's "Meld feil" action, or by "Meld feil fra denne meldingen" on any message (prefilled
 * with the message's text, author and time). Its submits (`task/submit`, `composeExtension/submitAction`)
 * run the chat's own verbs (`verbs.ts`: validate, known faults, create through `deps.changes.create`),
 * so the dialog is only another host for the same cards:
 * - an answer that asks again (the form with its field errors and the answers kept, the notices of a
 *   known fault) stays in the dialog;
 * - the final answer (the confirmation) is posted in the conversation and the dialog closes. Where the
 *   bot cannot write (a chat it is not a member of), the dialog shows it instead.
 */
import { createHash } from 'node:crypto';
import type { MessagingExtensionAction } from 'botbuilder';
import { formatDateTime, osloDateAndTime } from '../../../shared/dates';
import { isFristvaktError } from '../../../shared/errors';
import { text, type CardJson } from '../../cards/card';
import {
  forDialog,
  DIALOG_KEY,
  DIALOG_VERB_KEY,
  DIALOGS,
  verbsOf,
  withoutActions,
} from '../../cards/fault-dialog';
import { FAULT_INPUTS, FAULT_LIMITS, type FaultFormValues } from '../../cards/fault-form';
import { VERBS } from '../../cards/verbs';
import { strings } from '../../i18n/strings';
import { cleanText } from '../commands';
import { chooseDesk, defaultValues, formCard, newClientKey } from '../personal/fault/form';
import type { Turn } from '../turn';
import { routeVerb } from '../verbs';
import { dialogCard, dialogClose, dialogMessage, type InvokeReply } from './responses';

/** The verbs a fault dialog may send back: the form's and the known-fault card's. */
export const DIALOG_VERBS: ReadonlySet<string> = new Set([
  VERBS.faultSubmit,
  VERBS.faultChangeDesk,
  VERBS.faultSubmitNew,
  VERBS.faultJoinNotice,
]);

/** A title prefilled from a message: its start, cut at a word. */
const TITLE_FROM_MESSAGE = 80;

const titleOf = (t: string): string => t.slice(0, FAULT_LIMITS.title);

/** The form, in a dialog, with `prefill` over the defaults. */
function formDialog(turn: Turn, prefill: FaultFormValues, clientKey: string): InvokeReply {
  const desk = chooseDesk(turn);
  if (!desk) return dialogMessage(turn.s.errors.generic);
  const values = { ...defaultValues(turn, desk), ...prefill };
  return dialogCard(
    strings(turn.locale).teams.dialogTitle,
    forDialog(formCard(turn, desk, values, {}, clientKey), DIALOGS.fault),
  );
}

/** `task/fetch` of the fault dialog (data `{ dialog: 'fault', title? }`) and the compose box's "Meld feil". */
export function faultDialogFetch(turn: Turn, data: Record<string, unknown>): Promise<InvokeReply> {
  const title = typeof data.title === 'string' ? titleOf(data.title.trim()) : '';
  return Promise.resolve(formDialog(turn, title ? { [FAULT_INPUTS.title]: title } : {}, newClientKey()));
}

function shorten(t: string, max: number): string {
  if (t.length <= max) return t;
  const cut = t.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${space > max / 2 ? cut.slice(0, space) : cut}…`;
}

/**
 * "Meld feil fra denne meldingen": the form prefilled from the message. The client key is derived from
 * the message and the user, so reporting the same message twice answers with the case already made.
 */
export function faultFromMessage(turn: Turn, action: MessagingExtensionAction): Promise<InvokeReply> {
  const t = strings(turn.locale).teams;
  const message = action.messagePayload ?? {};
  const raw = typeof message.body?.content === 'string' ? message.body.content : '';
  // Mentions (`<at id="0">Name</at>`) are addressing, not the fault; line breaks become spaces.
  const said = cleanText(
    raw.replace(/<at\b[^>]*>[^<]*<\/at>/gi, ' ').replace(/<br\s*\/?>|<\/(p|div)>/gi, ' '),
  );
  const author =
    message.from?.user?.displayName?.trim() ||
    message.from?.application?.displayName?.trim() ||
    t.unknownAuthor;
  const sent = message.createdDateTime ? new Date(message.createdDateTime) : undefined;
  const at = sent && !Number.isNaN(sent.getTime()) && sent <= turn.now ? sent : turn.now;
  const { date, time } = osloDateAndTime(at);
  const prefill: FaultFormValues = {
    [FAULT_INPUTS.title]: titleOf(shorten(said, TITLE_FROM_MESSAGE)),
    [FAULT_INPUTS.symptom]: shorten(
      t.fromMessage(author, formatDateTime(at, turn.locale), said || t.emptyMessage),
      FAULT_LIMITS.symptom,
    ),
    [FAULT_INPUTS.startedDate]: date,
    [FAULT_INPUTS.startedTime]: time,
  };
  if (!said) delete prefill[FAULT_INPUTS.title];
  const a = turn.context.activity;
  const clientKey = message.id
    ? `msg-${createHash('sha256')
        .update(`${a.conversation?.id ?? ''}\n${message.id}\n${turn.user.id}`)
        .digest('hex')
        .slice(0, 40)}`
    : newClientKey();
  return Promise.resolve(formDialog(turn, prefill, clientKey));
}

/** A dialog's submit: the verb in its data, run by the verb table, answered as the module header says. */
export async function faultDialogSubmit(turn: Turn, data: Record<string, unknown>): Promise<InvokeReply> {
  const t = strings(turn.locale).teams;
  const verb = data[DIALOG_VERB_KEY];
  if (typeof verb !== 'string' || !DIALOG_VERBS.has(verb)) {
    turn.deps.log.warn(`dialog submit without a fault verb (UNKNOWN_ACTION): ${String(verb).slice(0, 60)}`);
    return dialogMessage(turn.s.errors.unknownAction);
  }
  const { [DIALOG_VERB_KEY]: _verb, [DIALOG_KEY]: _dialog, msteams: _msteams, ...inputs } = data;
  const result = await routeVerb(turn, verb, inputs);
  if ('error' in result) {
    turn.deps.log.warn(`dialog ${verb}: ${result.error.code}`);
    return dialogMessage(result.error.message);
  }
  const card = result.card;
  if (verbsOf(card).some((v) => DIALOG_VERBS.has(v)))
    return dialogCard(t.dialogTitle, forDialog(card, DIALOGS.fault));
  try {
    await turn.send(card);
    return dialogClose();
  } catch (err) {
    turn.deps.log.warn(
      `dialog answer not posted (${isFristvaktError(err) ? err.code : 'CHANNEL_UNAVAILABLE'}): shown in the dialog`,
    );
    const shown: CardJson = withoutActions(card);
    return dialogCard(t.dialogTitle, {
      ...shown,
      body: [text(t.notPosted, { isSubtle: true }), ...shown.body],
    });
  }
}
