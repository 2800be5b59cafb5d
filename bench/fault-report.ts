/**
 * An employee's fault report as Teams sends it to the bot endpoint: the fault form's submit
 * (`Action.Execute`) in a personal chat, as an `adaptiveCard/action` invoke. Shared by the benches that
 * load chat (`bot.bench.ts`, `suppliers.bench.ts` and its client process).
 */
import { randomUUID } from 'node:crypto';
import { VERBS } from '../bot/cards/verbs';
import { GOOD_ANSWERS } from '../bot/test-support/fault-form';
import { osloDateAndTime } from '../shared/dates';

/** The form's start fields for a fault that began ten minutes ago, in Oslo time. */
export function startedTenMinutesAgo(): { startedDate: string; startedTime: string } {
  const { date, time } = osloDateAndTime(new Date(Date.now() - 10 * 60_000));
  return { startedDate: date, startedTime: time };
}

/** The invoke body of employee `client`'s form submit with the answers `data`. */
export function faultReportInvoke(client: number, serviceUrl: string, data: Record<string, unknown>): string {
  const user = `bench-user-${client}`;
  return JSON.stringify({
    type: 'invoke',
    name: 'adaptiveCard/action',
    id: randomUUID(),
    channelId: 'msteams',
    serviceUrl,
    locale: 'nb-NO',
    from: { id: `29:${user}`, name: `Bench ${client}`, aadObjectId: user },
    recipient: { id: '28:bot', name: 'Fristvakt' },
    conversation: { id: `a:${user}`, conversationType: 'personal', tenantId: 't' },
    value: { action: { type: 'Action.Execute', verb: VERBS.faultSubmit, data } },
  });
}

/** Whether the bot's invoke answer (its body) confirms a new case: a card that names the case's reference. */
export const confirmsCase = (body: string): boolean =>
  body.includes('"statusCode":200') && /FV-\d{4}-\d{6}/.test(body);

/**
 * Employee `client`'s fault report with the form's good answers, a new client key and the start
 * `started` (default: ten minutes ago).
 */
export const goodFaultReport = (
  client: number,
  serviceUrl: string,
  started = startedTenMinutesAgo(),
): string => faultReportInvoke(client, serviceUrl, { ...GOOD_ANSWERS, clientKey: randomUUID(), ...started });
