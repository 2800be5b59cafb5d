/**
 * The fault form as a Teams dialog (task module). Dialogs run Adaptive Cards with `Action.Submit` only
 * (no Universal Actions), so the chat's cards are hosted there unchanged except for their actions:
 * every `Action.Execute` becomes an `Action.Submit` whose data carries the verb (`DIALOG_VERB_KEY`),
 * and the dialog's submit (`task/submit`, `composeExtension/submitAction`) routes it through the same
 * verb table as the chat.
 *
 * The opener card and action open the dialog from a chat card: an `Action.Submit` with
 * `msteams.type = task/fetch` (Teams sends a `task/fetch` invoke; the Agents Playground cannot, which
 * is why the inline form stays the fallback there).
 */
import type { Locale } from '../../shared/i18n-text';
import { strings } from '../i18n/strings';
import { card, heading, text, type CardElement, type CardJson, type Json } from './card';

/** Where a dialog action's verb rides in its `Action.Submit` data. */
export const DIALOG_VERB_KEY = 'verb';
/** Which dialog a `task/fetch` opens (`{ dialog: 'fault', title? }`) and a `task/submit` answers. */
export const DIALOG_KEY = 'dialog';
export const DIALOGS = { fault: 'fault' } as const;
export type DialogName = (typeof DIALOGS)[keyof typeof DIALOGS];

function convert(x: Json | undefined, dialog: DialogName): Json | undefined {
  if (Array.isArray(x)) return x.map((y) => convert(y, dialog) ?? null);
  if (typeof x !== 'object' || x === null) return x;
  const o: { [k: string]: Json | undefined } = {};
  for (const [k, v] of Object.entries(x)) o[k] = convert(v, dialog);
  if (o.type === 'Action.Execute') {
    const { verb, data, ...rest } = o;
    const base = typeof data === 'object' && data !== null && !Array.isArray(data) ? data : {};
    return {
      ...rest,
      type: 'Action.Submit',
      data: { ...base, [DIALOG_KEY]: dialog, [DIALOG_VERB_KEY]: verb ?? null },
    };
  }
  return o;
}

/**
 * The card for dialog `dialog`: the same card, its `Action.Execute`s turned into `Action.Submit`s whose
 * data names the dialog and the verb.
 */
export function forDialog(c: CardJson, dialog: DialogName): CardJson {
  const converted = convert(c as unknown as Json, dialog) as unknown as CardJson;
  // A dialog has no per-user refresh (Universal Actions): leave it out.
  const { refresh: _refresh, ...rest } = converted;
  return rest as CardJson;
}

/** The verbs of a card's `Action.Execute`s (what a dialog will send back). */
export function verbsOf(c: CardJson): string[] {
  const out: string[] = [];
  const walk = (x: unknown): void => {
    if (Array.isArray(x)) return x.forEach(walk);
    if (typeof x !== 'object' || x === null) return;
    const o = x as Record<string, unknown>;
    if (o.type === 'Action.Execute' && typeof o.verb === 'string') out.push(o.verb);
    for (const v of Object.values(o)) walk(v);
  };
  walk(c.body);
  walk(c.actions ?? []);
  return out;
}

/** A card without buttons (a final answer shown in a dialog, where they could not run). */
export function withoutActions(c: CardJson): CardJson {
  const strip = (x: Json | undefined): Json | undefined => {
    if (Array.isArray(x))
      return x
        .filter((y) => !(typeof y === 'object' && y !== null && !Array.isArray(y) && y.type === 'ActionSet'))
        .map((y) => strip(y) ?? null);
    if (typeof x !== 'object' || x === null) return x;
    const o: { [k: string]: Json | undefined } = {};
    for (const [k, v] of Object.entries(x)) if (k !== 'actions' && k !== 'selectAction') o[k] = strip(v);
    return o;
  };
  return strip(c as unknown as Json) as unknown as CardJson;
}

/** A button that opens the fault form in a dialog (Teams only). */
export function openFaultDialogAction(locale: Locale, title?: string): CardElement {
  return {
    type: 'Action.Submit',
    title: strings(locale).teams.opener.button,
    style: 'positive',
    data: {
      msteams: { type: 'task/fetch' },
      [DIALOG_KEY]: DIALOGS.fault,
      ...(title ? { title } : {}),
    },
  };
}

/** "Meld feil" where dialogs exist: one button that opens the form in a dialog. */
export function faultDialogOpenerCard({ locale, title }: { locale: Locale; title?: string }): CardJson {
  const o = strings(locale).teams.opener;
  return card(
    [heading(o.heading), text(o.text, { isSubtle: true, size: 'small' })],
    [openFaultDialogAction(locale, title)],
  );
}
