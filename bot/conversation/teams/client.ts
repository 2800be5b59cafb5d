/**
 * Which client sent the activity, as far as the entry points care: whether it can open Teams dialogs.
 *
 * DECISION: dialogs are used when the activity comes from Teams through the Bot Connector, that is
 * `channelId` is `msteams` and the `serviceUrl` is https (Teams' connector is always reached over
 * https, e.g. `https://smba.trafficmanager.net/emea/…`). The Microsoft 365 Agents Playground also says
 * `msteams` and sends the same `clientInfo` entity (`platform: Web`) as Teams, so neither tells them
 * apart; its connector is plain http on the developer's machine, and it cannot open dialogs (a
 * `task/fetch` button only shows a warning). There, and in any other client, "Meld feil" answers with
 * the inline form card (`Action.Execute`), which works everywhere.
 */
import type { Activity } from 'botbuilder';
import type { CardJson } from '../../cards/card';
import { faultDialogOpenerCard } from '../../cards/fault-dialog';
import { reportFaultCommand } from '../personal/report-fault';
import type { Turn } from '../turn';

export function dialogsAvailable(activity: Pick<Activity, 'channelId' | 'serviceUrl'>): boolean {
  if (activity.channelId !== 'msteams' || typeof activity.serviceUrl !== 'string') return false;
  try {
    return new URL(activity.serviceUrl).protocol === 'https:';
  } catch {
    return false;
  }
}

/**
 * "Meld feil" in a chat (the command, a menu button): in Teams a card whose button opens the form in a
 * dialog; elsewhere the inline form.
 */
export function faultFormEntry(turn: Turn, title = ''): Promise<CardJson | string> {
  if (dialogsAvailable(turn.context.activity))
    return Promise.resolve(faultDialogOpenerCard({ locale: turn.locale, ...(title ? { title } : {}) }));
  return reportFaultCommand(turn, title);
}
