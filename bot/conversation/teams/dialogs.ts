/**
 * Teams dialogs opened from a chat card (`task/fetch`, `task/submit`): one table keyed by the dialog
 * name every dialog action carries in its data (`cards/fault-dialog.ts` `DIALOG_KEY`).
 */
import type { TaskModuleRequest } from 'botbuilder';
import { DIALOG_KEY, DIALOGS, type DialogName } from '../../cards/fault-dialog';
import type { Turn } from '../turn';
import { faultDialogFetch, faultDialogSubmit } from './fault-dialog';
import { dialogMessage, type InvokeReply } from './responses';

type DialogHandler = (turn: Turn, data: Record<string, unknown>) => Promise<InvokeReply>;

export const DIALOG_HANDLERS: Record<DialogName, { fetch: DialogHandler; submit: DialogHandler }> = {
  [DIALOGS.fault]: { fetch: faultDialogFetch, submit: faultDialogSubmit },
};

function requestData(turn: Turn): { dialog: DialogName | undefined; data: Record<string, unknown> } {
  const value = (turn.context.activity.value ?? {}) as TaskModuleRequest;
  const d: unknown = value.data;
  const data = typeof d === 'object' && d !== null && !Array.isArray(d) ? (d as Record<string, unknown>) : {};
  const name = data[DIALOG_KEY];
  const dialog =
    typeof name === 'string' && Object.hasOwn(DIALOG_HANDLERS, name) ? (name as DialogName) : undefined;
  if (!dialog) turn.deps.log.warn(`dialog unknown (UNKNOWN_ACTION): ${String(name).slice(0, 60)}`);
  return { dialog, data };
}

export function taskFetch(turn: Turn): Promise<InvokeReply> {
  const { dialog, data } = requestData(turn);
  return dialog
    ? DIALOG_HANDLERS[dialog].fetch(turn, data)
    : Promise.resolve(dialogMessage(turn.s.errors.unknownAction));
}

export function taskSubmit(turn: Turn): Promise<InvokeReply> {
  const { dialog, data } = requestData(turn);
  return dialog
    ? DIALOG_HANDLERS[dialog].submit(turn, data)
    : Promise.resolve(dialogMessage(turn.s.errors.unknownAction));
}
