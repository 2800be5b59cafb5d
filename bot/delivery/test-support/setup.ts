/**
 * A delivery test bench: the real embedded store in a temp dir, a fake Bot Connector, the real
 * CloudAdapter without an app id (outgoing calls go to the activity's serviceUrl, unauthenticated), a
 * desk whose triage channel lives on the fake connector, and builders for outbox messages.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CloudAdapter, ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import type { Desk } from '../../../shared/desks/model';
import { caseRef, deskId, isoInstant, type CaseRef, type DeskId } from '../../../shared/ids';
import type { OutboxMessage, Store } from '../../../shared/ports';
import { PRESETS } from '../../../shared/sla/presets';
import { openSqliteStore } from '../../../shared/store/sqlite';
import type { Logger } from '../../server/logger';
import {
  startFakeConnector,
  type FakeConnector,
  type FakeConnectorOptions,
  type RecordedCall,
} from '../../test-support/fake-connector';
import { channelConversationKey, triageThreadKey } from '../sla-warning-message';

export const DESK: DeskId = deskId('ror-ikt');
export const TEAM_ID = '19:team-ror@thread.tacv2';
export const TRIAGE_CHANNEL_ID = '19:triage-ror@thread.tacv2';

export const recordingLogger = (): Logger & { lines: string[] } => {
  const lines: string[] = [];
  return {
    lines,
    info: (m) => lines.push(`info ${m}`),
    warn: (m) => lines.push(`warn ${m}`),
    error: (m, e) => lines.push(`error ${m} ${e instanceof Error ? e.message : ''}`),
  };
};

export function makeDesk(serviceUrl: string, overrides: Partial<Desk> = {}): Desk {
  return {
    id: DESK,
    name: 'ROR-IKT Servicedesk',
    orgIds: [],
    policy: PRESETS['ror-ikt'],
    phone: '+47 00 00 00 00',
    triageChannel: {
      teamId: TEAM_ID,
      channelId: TRIAGE_CHANNEL_ID,
      serviceUrl,
      tenantId: 'tenant-1',
      name: 'Triage',
    },
    noticeChannels: [],
    members: [],
    escalationContacts: [
      { id: 'aad-leder' as never, name: 'Lise Leder' },
      { id: 'aad-vakt' as never, name: 'Vakt Telefon' },
    ],
    autoCloseWorkingDays: 5,
    ...overrides,
  };
}

export const triageKey = channelConversationKey({ teamId: TEAM_ID, channelId: TRIAGE_CHANNEL_ID });

export interface Bench {
  dir: string;
  file: string;
  store: Store;
  fake: FakeConnector;
  adapter: CloudAdapter;
  /** Closes the store and opens the same SQLite file again (a restart). */
  reopen(): Store;
  close(): Promise<void>;
}

export async function openBench(
  fakeOptions: FakeConnectorOptions = {},
  desk: Partial<Desk> = {},
): Promise<Bench> {
  const dir = mkdtempSync(join(tmpdir(), 'fristvakt-delivery-'));
  const file = join(dir, 'store.db');
  const open = () => openSqliteStore({ file, blobDir: join(dir, 'blobs') });
  const fake = await startFakeConnector(fakeOptions);
  const bench: Bench = {
    dir,
    file,
    store: open(),
    fake,
    adapter: newAdapter(),
    reopen() {
      void bench.store.close();
      bench.store = open();
      return bench.store;
    },
    async close() {
      await bench.store.close();
      await fake.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  await bench.store.desks.put(makeDesk(fake.url, desk));
  return bench;
}

/** A CloudAdapter as the server builds it without an app id (authentication off). */
export const newAdapter = (): CloudAdapter =>
  new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));

/** Stores a 1:1 chat reference as the bot does when a user writes to it. */
export async function putUserChat(store: Store, serviceUrl: string, user: string): Promise<string> {
  const key = `user:${user}`;
  await store.conversations.put(key, {
    channelId: 'msteams',
    serviceUrl,
    bot: { id: 'fristvakt-bot', name: 'Fristvakt' },
    user: { id: `29:${user}`, aadObjectId: user, name: user },
    conversation: { id: `a:chat-${user}`, conversationType: 'personal', tenantId: 'tenant-1' },
  });
  return key;
}

const at = (n: number) => isoInstant(new Date(Date.UTC(2026, 4, 4, 8, 0, 0, n)));

/** The three messages a case typically causes in triage: the card post, an update, a reply. */
export function caseMessages(n: number): OutboxMessage[] {
  const ref: CaseRef = caseRef(`FV-2026-${String(n).padStart(6, '0')}`);
  const base = { deskId: DESK, caseRef: ref, conversationKey: triageKey, threadKey: triageThreadKey(ref) };
  return [
    {
      ...base,
      id: `${ref}:triage`,
      createdAt: at(n * 10),
      operation: 'post',
      activity: { type: 'message', text: `Ny sak ${ref}` },
    },
    {
      ...base,
      id: `${ref}:ev1:card`,
      createdAt: at(n * 10 + 1),
      operation: 'update',
      activity: { type: 'message', text: `${ref} tatt` },
    },
    {
      ...base,
      id: `${ref}:ev1:reply`,
      createdAt: at(n * 10 + 2),
      operation: 'reply',
      activity: { type: 'message', text: `Kari tok ${ref}` },
    },
  ];
}

export function chatMessage(n: number, conversationKey: string): OutboxMessage {
  return {
    id: `chat:${n}`,
    deskId: DESK,
    createdAt: at(100_000 + n),
    operation: 'post',
    conversationKey,
    activity: { type: 'message', text: `Melding ${n}` },
  };
}

/** The outbox id an accepted call carried (in the activity, or the new conversation's activity). */
export function outboxIdOf(c: RecordedCall): string | undefined {
  const b = c.body as {
    channelData?: { fristvaktOutboxId?: string };
    activity?: { channelData?: { fristvaktOutboxId?: string } };
  };
  return b?.activity?.channelData?.fristvaktOutboxId ?? b?.channelData?.fristvaktOutboxId;
}

export const accepted = (c: RecordedCall): boolean => c.status >= 200 && c.status < 300;

/** How many accepted calls each outbox id has. */
export function deliveriesPerId(calls: RecordedCall[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const c of calls) {
    const id = outboxIdOf(c);
    if (id && accepted(c)) out.set(id, (out.get(id) ?? 0) + 1);
  }
  return out;
}

export async function waitUntil(
  pred: () => Promise<boolean> | boolean,
  timeoutMs: number,
  what: string,
): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await pred())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}
