/** The menu buttons (welcome, help): each runs a chat command, so a button and a typed command behave alike. */
import { execute, type CardElement } from './card';
import { VERBS } from './verbs';
import type { Strings } from '../i18n/strings';

export const MENU_COMMANDS = {
  report: 'meld feil',
  order: 'bestill',
  myCases: 'mine saker',
  notices: 'driftsmeldinger',
  help: 'hjelp',
} as const;

export function menuActions(s: Strings, withHelp = true): CardElement[] {
  const actions = [
    execute(s.buttons.report, VERBS.menuRun, { command: MENU_COMMANDS.report }, { style: 'positive' }),
    execute(s.order.button, VERBS.menuRun, { command: MENU_COMMANDS.order }),
    execute(s.buttons.myCases, VERBS.menuRun, { command: MENU_COMMANDS.myCases }),
    execute(s.buttons.notices, VERBS.menuRun, { command: MENU_COMMANDS.notices }),
  ];
  if (withHelp) actions.push(execute(s.buttons.help, VERBS.menuRun, { command: MENU_COMMANDS.help }));
  return actions;
}
