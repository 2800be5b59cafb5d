/**
 * The message extension's commands (the manifest's `composeExtensions[0].commands`), one table per
 * invoke kind, keyed by `commandId`: the action commands open a dialog (`composeExtension/fetchTask`)
 * and take its submit (`composeExtension/submitAction`); the search command answers
 * `composeExtension/query`. The ids are shared with the manifest, whose test checks them.
 */
import type { MessagingExtensionAction, MessagingExtensionQuery } from 'botbuilder';
import type { Turn } from '../turn';
import { searchCases } from './case-search';
import { faultDialogFetch, faultDialogSubmit, faultFromMessage } from './fault-dialog';
import { dialogMessage, extensionMessage, type InvokeReply } from './responses';

export const EXTENSION_COMMANDS = {
  /** On any message (`…` → Apps): "Meld feil fra denne meldingen". */
  reportFromMessage: 'reportFromMessage',
  /** In the compose box and the command box: "Meld feil". */
  reportFault: 'reportFault',
  /** In the compose box and the command box: "Søk i saker". */
  searchCases: 'searchCases',
} as const;
type ActionCommand = typeof EXTENSION_COMMANDS.reportFromMessage | typeof EXTENSION_COMMANDS.reportFault;
type SearchCommand = typeof EXTENSION_COMMANDS.searchCases;

interface ActionCommandDef {
  fetchTask(turn: Turn, action: MessagingExtensionAction): Promise<InvokeReply>;
  submitAction(turn: Turn, action: MessagingExtensionAction): Promise<InvokeReply>;
}

const objectOf = (x: unknown): Record<string, unknown> =>
  typeof x === 'object' && x !== null && !Array.isArray(x) ? (x as Record<string, unknown>) : {};

const submitFaultDialog = (turn: Turn, action: MessagingExtensionAction): Promise<InvokeReply> =>
  faultDialogSubmit(turn, objectOf(action.data));

export const ACTION_COMMANDS: Record<ActionCommand, ActionCommandDef> = {
  [EXTENSION_COMMANDS.reportFromMessage]: { fetchTask: faultFromMessage, submitAction: submitFaultDialog },
  [EXTENSION_COMMANDS.reportFault]: {
    fetchTask: (turn) => faultDialogFetch(turn, {}),
    submitAction: submitFaultDialog,
  },
};

export const SEARCH_COMMANDS: Record<
  SearchCommand,
  (turn: Turn, q: MessagingExtensionQuery) => Promise<InvokeReply>
> = { [EXTENSION_COMMANDS.searchCases]: searchCases };

function lookup<T>(table: Record<string, T>, id: unknown): T | undefined {
  return typeof id === 'string' && Object.hasOwn(table, id) ? table[id] : undefined;
}

function unknownCommand(turn: Turn, id: unknown): string {
  turn.deps.log.warn(`message extension command unknown (UNKNOWN_ACTION): ${String(id).slice(0, 60)}`);
  return turn.s.errors.unknownAction;
}

export function extensionFetchTask(turn: Turn): Promise<InvokeReply> {
  const action = objectOf(turn.context.activity.value) as MessagingExtensionAction;
  const def = lookup(ACTION_COMMANDS, action.commandId);
  return def
    ? def.fetchTask(turn, action)
    : Promise.resolve(dialogMessage(unknownCommand(turn, action.commandId)));
}

export function extensionSubmitAction(turn: Turn): Promise<InvokeReply> {
  const action = objectOf(turn.context.activity.value) as MessagingExtensionAction;
  const def = lookup(ACTION_COMMANDS, action.commandId);
  return def
    ? def.submitAction(turn, action)
    : Promise.resolve(dialogMessage(unknownCommand(turn, action.commandId)));
}

export function extensionQuery(turn: Turn): Promise<InvokeReply> {
  const query = objectOf(turn.context.activity.value) as MessagingExtensionQuery;
  const handler = lookup(SEARCH_COMMANDS, query.commandId);
  return handler
    ? handler(turn, query)
    : Promise.resolve(extensionMessage(unknownCommand(turn, query.commandId)));
}
