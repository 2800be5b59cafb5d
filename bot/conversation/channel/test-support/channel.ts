/**
 * Real Teams channel activities for tests: a message in a team channel with an `@Fristvakt` mention
 * (`conversationType: 'channel'`, the team and channel in `channelData`), and an `adaptiveCard/action`
 * invoke from a card posted in a channel thread (manual, or the automatic Universal Actions refresh).
 * Plus a harness with a directory of desk members and helpers to read the outbox.
 */
import { randomUUID } from 'node:crypto';
import type { Directory } from '../../../../shared/access';
import { deskId, orgId, userId } from '../../../../shared/ids';
import type { OutboxEntry, Store } from '../../../../shared/ports';
import { BOT_ACCOUNT, type TestUser } from '../../../test-support/activities';
import { startHarness, type Harness } from '../../../test-support/harness';

export const TEAM_ID = '19:team-ror@thread.tacv2';
export const TRIAGE_CHANNEL = '19:triage-ror@thread.tacv2';
export const NOTICE_CHANNEL_A = '19:drift-a@thread.tacv2';
export const NOTICE_CHANNEL_B = '19:drift-b@thread.tacv2';
export const ROR = deskId('ror-ikt');

export const anne: TestUser = { aadObjectId: 'demo-desk-ror', name: 'Anne Desk' };
export const bjorn: TestUser = { aadObjectId: 'aad-bjorn', name: 'Bjørn Desk' };
export const olav: TestUser = { aadObjectId: 'aad-olav', name: 'Olav Utenfor' };
export const kari: TestUser = { aadObjectId: 'aad-kari', name: 'Kari Nordmann' };
export const per: TestUser = { aadObjectId: 'aad-per', name: 'Per Hansen' };

export const DIRECTORY: Directory = {
  users: {
    [anne.aadObjectId]: { orgId: orgId('molde'), name: anne.name },
    [bjorn.aadObjectId]: { orgId: orgId('molde'), name: bjorn.name },
    [kari.aadObjectId]: { orgId: orgId('molde'), name: kari.name },
    [per.aadObjectId]: { orgId: orgId('aukra'), name: per.name },
  },
  superusers: {},
  reportReaders: [],
};

/** The bot on the embedded store with Anne and Bjørn as ROR-IKT's desk members (`env`: more settings). */
export async function startChannelHarness(
  now: Date,
  store?: Store,
  env?: Record<string, string>,
  directory: Directory = DIRECTORY,
): Promise<Harness> {
  const h = await startHarness({
    now,
    ...(env ? { env } : {}),
    app: { directory, ...(store ? { store } : {}) },
  });
  const desk = (await h.app.store.desks.get(ROR))!;
  await h.app.store.desks.put(
    { ...desk.value, members: [userId(anne.aadObjectId), userId(bjorn.aadObjectId)] },
    desk.version,
  );
  h.app.catalogue.invalidate();
  return h;
}

function channelBase(user: TestUser, serviceUrl: string, channel: string, messageId?: string) {
  return {
    id: randomUUID(),
    channelId: 'msteams',
    serviceUrl,
    timestamp: new Date().toISOString(),
    locale: user.locale ?? 'nb-NO',
    from: { id: `29:${user.aadObjectId}`, name: user.name, aadObjectId: user.aadObjectId },
    recipient: BOT_ACCOUNT,
    conversation: {
      id: messageId ? `${channel};messageid=${messageId}` : channel,
      conversationType: 'channel',
      isGroup: true,
      tenantId: 'tenant-1',
    },
    channelData: {
      teamsTeamId: TEAM_ID,
      teamsChannelId: channel,
      team: { id: TEAM_ID, name: 'ROR-IKT drift' },
      channel: { id: channel, name: channel === TRIAGE_CHANNEL ? 'Triage' : 'Driftsmeldinger' },
      tenant: { id: 'tenant-1' },
    },
  };
}

/** `<at>Fristvakt</at> <text>` posted in a channel, as a new thread. */
export function channelMessage(user: TestUser, serviceUrl: string, channel: string, text: string) {
  const id = String(Date.now());
  return {
    ...channelBase(user, serviceUrl, channel, id),
    id,
    type: 'message',
    text: `<at>Fristvakt</at> ${text}`,
    textFormat: 'plain',
    entities: [
      { type: 'mention', text: '<at>Fristvakt</at>', mentioned: { id: BOT_ACCOUNT.id, name: 'Fristvakt' } },
      { type: 'clientInfo', locale: user.locale ?? 'nb-NO', country: 'NO', platform: 'Web' },
    ],
  };
}

/** A button pressed on a card in a channel thread (or Teams refreshing it: `trigger: 'automatic'`). */
export function channelInvoke(
  user: TestUser,
  serviceUrl: string,
  verb: string,
  data: Record<string, unknown>,
  trigger: 'manual' | 'automatic' = 'manual',
) {
  return {
    ...channelBase(user, serviceUrl, TRIAGE_CHANNEL, '1700000000001'),
    type: 'invoke',
    name: 'adaptiveCard/action',
    value: { action: { type: 'Action.Execute', verb, data }, trigger },
  };
}

/** Every outbox message written so far that is still pending (nothing delivers in these tests). */
export async function pendingOutbox(h: Harness): Promise<OutboxEntry[]> {
  return h.app.store.outbox.listDue(new Date('2100-01-01T00:00:00Z').toISOString() as never, 1000);
}
