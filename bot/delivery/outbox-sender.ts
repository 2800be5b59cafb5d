/**
 * The outbox sender: delivers the store's pending outbox messages to Teams.
 *
 * Loop: list due messages (`outbox.listDue`), deliver them (messages of one thread or one chat in
 * order, different ones concurrently), mark each delivered, failed (with the next attempt) or parked;
 * sleep when nothing is due. With several server instances the sender runs under a lease, so exactly
 * one instance sends.
 *
 * Operations (see `OutboxMessage`):
 * - `post` with a `threadKey` that names no post yet: a new message (in a channel, a new thread via
 *   `POST /v3/conversations`; in a chat, a new message), whose location is stored under `threadKey`
 *   together with the outbox id (`PostedMessage.outboxId`).
 * - `post` whose `threadKey` names an existing post of another message: a reply in that thread.
 * - `post` without `threadKey`: a new message in the conversation.
 * - `reply`: a reply in the thread of `threadKey`; `update`: replaces the message of `threadKey`.
 *   While the post that starts that thread is pending, the message waits (retried with backoff); when
 *   there is none (a case from before its desk's channel was linked) or it was parked, an `update`
 *   starts the thread with the current card and a `reply` is folded into it — a structural cause is
 *   never retried like a network fault.
 * A thread's backlog is condensed first (condense.ts): a card update goes with the card of the last
 * pending update of its thread, and one-line replies that follow each other go as one message; the
 * message sent carries the first's id, and the others are marked delivered with it. So a case changed
 * faster than Teams takes messages costs two calls each time the sender reaches it, not two a change,
 * and the rest of the outbox is not held up behind it.
 * Every sent activity carries its outbox id in `channelData.fristvaktOutboxId`. A message of kind
 * `webhook` goes to an operations supplier through `deps.webhook` instead (webhook-transport.ts), in
 * order per case, with the same retries and parking.
 *
 * Failures: 429, 5xx, 408 and network errors are retried with jittered exponential backoff, at least
 * `Retry-After` later; a 429 also pauses every send of the sender until then, and a token bucket keeps
 * the sender under Teams' 50 requests per second. Other 4xx (403 the bot was removed, 404 …) park the
 * message at once, and so does reaching `maxAttempts`. A parked message enqueues an alert in the desk's
 * triage channel, at most one per desk per hour, except when it is itself an alert (no alerts about alerts).
 *
 * What "exactly once" means here. A message is marked delivered only after Teams accepted it, so
 * nothing is lost: a crash before the mark means it is sent again after the restart (at-least-once).
 * Duplicates are kept out where the store can tell:
 * - a post that creates a thread records its location with its outbox id *before* it is marked
 *   delivered; after a crash between the two, the restarted sender finds the record and only marks it;
 * - a message that was sent but whose mark failed (store hiccup) is remembered in memory and never sent
 *   again by this process; the mark is retried;
 * - an update replaces the same message with the same content, so sending it again changes nothing;
 * - with several instances only the lease holder sends, and it checks the lease before every send.
 * What remains at-least-once: if the process dies after Teams accepted a message and before the store
 * recorded it (one store write, milliseconds; at most `concurrency` messages per crash), or Teams
 * processed a request but answered 5xx/timed out, that message is sent again, because the Bot
 * Connector API has no idempotency key to deduplicate on. A graceful stop waits for in-flight sends to
 * be recorded, so a normal restart delivers every message exactly once.
 */
import type { ConversationReference } from 'botbuilder';
import type { ChannelRef } from '../../shared/desks/model';
import { threadPostId } from '../../shared/conversation-keys';
import { isoInstant, type IsoInstant } from '../../shared/ids';
import type { OutboxEntry, OutboxMessage, PostedMessage, Store } from '../../shared/ports';
import type { Logger } from '../server/logger';
import { systemClock, type Clock } from './clock';
import type { ConnectorOps } from './connector';
import { byCreation, condense } from './condense';
import { classifyFailure, DeliveryError, type Failure } from './failures';
import type { Lease } from './lease';
import { channelConversationKey } from './sla-warning-message';
import { createThrottle, type Throttle } from './throttle';
import type { Transport } from './webhook-transport';

export interface OutboxSenderOptions {
  /** Messages listed per round (default 100). */
  batchSize?: number;
  /** Threads/chats delivered at once (default 8). */
  concurrency?: number;
  /** Failed attempts before a message is parked (default 8). */
  maxAttempts?: number;
  /** First retry delay (default 2 s), doubled per attempt, jittered to 50–100 %. */
  baseDelayMs?: number;
  /** Longest retry delay (default 10 min). */
  maxDelayMs?: number;
  /** Pause after a 429 without `Retry-After` (default 2 s). */
  defaultThrottleMs?: number;
  /** Sleep when nothing is due (default 1 s); `kick()` wakes the sender early. */
  pollIntervalMs?: number;
  /** Requests per second, all sends together (default 50: Teams' limit per app per tenant). */
  ratePerSecond?: number;
  /** Jitter source (default Math.random). */
  random?: () => number;
}

export interface OutboxSenderDeps {
  store: Pick<Store, 'outbox' | 'threads' | 'conversations' | 'desks'>;
  connector: ConnectorOps;
  /** The bot's app id ('' when authentication is off): the `bot` of new conversations. */
  botAppId: string;
  log: Logger;
  clock?: Clock;
  /** When given, the sender works only while this lease is held. */
  lease?: Pick<Lease, 'isHeld'>;
  options?: OutboxSenderOptions;
  /** Messages of kind `webhook` (to operations suppliers): their transport (webhook-transport.ts). */
  webhook?: Transport;
}

export interface DeliveryStats {
  delivered: number;
  /**
   * Marked delivered without a send of their own (condense.ts): card updates and replies that went
   * with an earlier message of their thread.
   */
  condensed: number;
  retried: number;
  parked: number;
  throttled: number;
}

export interface OutboxSender {
  /** Delivers one round of due messages; resolves with how many were handled (delivered/failed/parked). */
  runOnce(): Promise<number>;
  /** Wakes the loop now (e.g. right after a change enqueued messages). */
  kick(): void;
  /** Stops the loop after the in-flight sends are recorded. */
  stop(): Promise<void>;
  readonly stats: DeliveryStats;
}

export const ALERT_PREFIX = 'alert:';
export const OUTBOX_ID_FIELD = 'fristvaktOutboxId';

type Reference = Partial<ConversationReference>;

/** `channel:<teamId>:<channelId>`; Teams ids contain ':' themselves (`19:…@thread.tacv2`). */
function parseChannelKey(key: string): { teamId: string; channelId: string } | null {
  const m = /^channel:(.+?):(19:.+)$/.exec(key);
  return m ? { teamId: m[1]!, channelId: m[2]! } : null;
}

const stripMessageId = (conversationId: string): string => conversationId.split(';messageid=')[0]!;

/** Thrown when the sender stops while a message waits for its turn: nothing was sent, nothing is recorded. */
class Stopped extends Error {}

/** Messages of one thread (or one chat without a thread) are delivered in order. */
const queueKey = (e: OutboxMessage): string => e.threadKey ?? e.conversationKey;
/** Pending messages of a thread read from the store to condense it (when a round's listing did not hold them all). */
const THREAD_LOOKAHEAD = 100;

/** One round of the loop: what it listed, and the messages it delivered as part of another. */
interface Round {
  at: IsoInstant;
  /** The due messages listed, oldest first. */
  due: OutboxEntry[];
  /** Whether the listing may have left due messages out (it was cut at its limit). */
  truncated: boolean;
  /** Ids delivered with an earlier message of their thread this round: skipped when their turn comes. */
  done: Set<string>;
}

export function startOutboxSender(deps: OutboxSenderDeps): OutboxSender {
  const clock = deps.clock ?? systemClock;
  const o = deps.options ?? {};
  const batchSize = o.batchSize ?? 100;
  const concurrency = o.concurrency ?? 8;
  const maxAttempts = o.maxAttempts ?? 8;
  const baseDelayMs = o.baseDelayMs ?? 2_000;
  const maxDelayMs = o.maxDelayMs ?? 600_000;
  const defaultThrottleMs = o.defaultThrottleMs ?? 2_000;
  const pollIntervalMs = o.pollIntervalMs ?? 1_000;
  const random = o.random ?? Math.random;
  const throttle: Throttle = createThrottle(clock, o.ratePerSecond ?? 50);
  const { store, connector, log } = deps;
  const stats: DeliveryStats = { delivered: 0, condensed: 0, retried: 0, parked: 0, throttled: 0 };

  /** Sent, but the store did not take the mark: never send these again; retry the mark. */
  const sentUnmarked = new Map<string, OutboxEntry>();
  /** Queues whose oldest message waits for a retry: the rest of the queue waits until then (epoch ms). */
  const blockedUntil = new Map<string, number>();
  const stopper = new AbortController();
  let wake = new AbortController();

  const now = () => clock.now();
  const mayWork = () => !stopper.signal.aborted && (deps.lease?.isHeld() ?? true);

  // -- Where a message goes ------------------------------------------------------------------------

  async function channelOf(key: string): Promise<ChannelRef | null> {
    for (const desk of await store.desks.list()) {
      for (const ch of [desk.triageChannel, ...desk.noticeChannels])
        if (ch && channelConversationKey(ch) === key) return ch;
    }
    return null;
  }

  /** The conversation reference of `conversationKey`: stored by the bot, else from a desk's channel. */
  async function referenceOf(
    key: string,
  ): Promise<{ ref: Reference; channel?: { channelId: string; tenantId?: string } }> {
    const stored = (await store.conversations.get(key)) as Reference | null;
    const isChannel = key.startsWith('channel:');
    const desksChannel = isChannel ? await channelOf(key) : null;
    const parsed = isChannel ? parseChannelKey(key) : null;
    if (stored?.serviceUrl && stored.conversation?.id) {
      const channelId =
        desksChannel?.channelId ?? parsed?.channelId ?? stripMessageId(stored.conversation.id);
      const tenantId = desksChannel?.tenantId ?? stored.conversation.tenantId;
      return {
        ref: { channelId: 'msteams', ...stored },
        ...(isChannel ? { channel: { channelId, ...(tenantId ? { tenantId } : {}) } } : {}),
      };
    }
    if (desksChannel) {
      const tenantId = desksChannel.tenantId;
      return {
        ref: {
          channelId: 'msteams',
          serviceUrl: desksChannel.serviceUrl,
          bot: { id: deps.botAppId, name: 'Fristvakt' },
          conversation: {
            id: desksChannel.channelId,
            isGroup: true,
            conversationType: 'channel',
            name: desksChannel.name ?? '',
            ...(tenantId ? { tenantId } : {}),
          },
        },
        channel: { channelId: desksChannel.channelId, ...(tenantId ? { tenantId } : {}) },
      };
    }
    throw new DeliveryError(
      'park',
      `no conversation reference for ${key}`,
      'Fristvakt kjenner ikke samtalen (ingen lagret samtalereferanse). Koble kanalen på nytt, eller be brukeren skrive til Fristvakt.',
    );
  }

  function referenceOfPost(posted: PostedMessage, base: Reference | null): Reference {
    return {
      channelId: 'msteams',
      ...(base ?? {}),
      serviceUrl: posted.serviceUrl,
      conversation: {
        ...(base?.conversation ?? { isGroup: true, name: '', conversationType: 'channel' }),
        id: posted.conversationId,
      },
      ...(base?.bot ? {} : { bot: { id: deps.botAppId, name: 'Fristvakt' } }),
    } as Reference;
  }

  async function pace(): Promise<void> {
    await throttle.acquire(stopper.signal);
    if (stopper.signal.aborted || !mayWork()) throw new Stopped();
  }

  /**
   * The posted message of `e`'s thread. While the post that starts it is still pending, the message
   * waits (retried with backoff). When there is no such post at all (a case that existed before its
   * desk's channel was linked) or it was parked, the cause is structural and waiting cannot help:
   * null, and the caller starts the thread or folds the message into the card.
   */
  async function thread(e: OutboxEntry): Promise<PostedMessage | null> {
    const posted = e.threadKey ? await store.threads.get(e.threadKey) : null;
    if (posted) return posted;
    const postId = e.threadKey ? threadPostId(e.threadKey) : undefined;
    const post = postId ? await store.outbox.get(postId, e.deskId) : null;
    if (post && post.status === 'pending')
      throw new DeliveryError(
        'retry',
        `thread ${e.threadKey ?? '(none)'} is not posted yet`,
        'Tråden meldingen hører til, er ikke postet ennå.',
      );
    return null;
  }

  /** Posts `activity` as a new message (a new thread in a channel), remembered under `e.threadKey`. */
  async function postNew(e: OutboxEntry, activity: Record<string, unknown>): Promise<void> {
    const { ref, channel } = await referenceOf(e.conversationKey);
    await pace();
    const posted = channel
      ? await connector.createThread(ref, channel, activity)
      : await connector.send(ref, activity);
    if (e.threadKey)
      await store.threads.put(e.threadKey, {
        conversationId: posted.conversationId,
        activityId: posted.activityId,
        serviceUrl: ref.serviceUrl!,
        outboxId: e.id,
      });
  }

  // -- One message ---------------------------------------------------------------------------------

  /** Sends `e` (or finds that it was already posted); throws when it failed. */
  async function send(e: OutboxEntry): Promise<void> {
    if (e.kind === 'webhook') {
      if (!deps.webhook)
        throw new DeliveryError(
          'park',
          'no webhook transport',
          'Fristvakt kan ikke sende til leverandører her.',
        );
      return deps.webhook(e);
    }
    const activity = {
      ...e.activity,
      channelData: { ...((e.activity.channelData as object | undefined) ?? {}), [OUTBOX_ID_FIELD]: e.id },
    };
    const stored = () => store.conversations.get(e.conversationKey) as Promise<Reference | null>;
    switch (e.operation) {
      case 'update': {
        const posted = await thread(e);
        if (!posted) {
          // No thread to update: the current card starts it.
          log.info(
            `outbox ${e.id}: thread ${e.threadKey ?? '(none)'} was never posted; starting it with this card`,
          );
          return postNew(e, activity);
        }
        await pace();
        await connector.update(referenceOfPost(posted, await stored()), posted.activityId, activity);
        return;
      }
      case 'reply': {
        const posted = await thread(e);
        if (!posted) {
          // No thread to answer in: what the reply says is in the card that starts the thread.
          log.info(
            `outbox ${e.id}: thread ${e.threadKey ?? '(none)'} was never posted; folded into the card`,
          );
          return;
        }
        await pace();
        await connector.reply(referenceOfPost(posted, await stored()), posted.activityId, activity);
        return;
      }
      case 'post': {
        const existing = e.threadKey ? await store.threads.get(e.threadKey) : null;
        if (existing && existing.outboxId === e.id) return; // posted before a restart: only the mark was missing
        if (existing) {
          await pace();
          await connector.reply(referenceOfPost(existing, await stored()), existing.activityId, activity);
          return;
        }
        return postNew(e, activity);
      }
    }
  }

  /** Marks `e` delivered: sent, or `condensed` into another message (condense.ts). */
  async function markDelivered(e: OutboxEntry, condensed = false): Promise<void> {
    try {
      await store.outbox.markDelivered(e.id, e.deskId, isoInstant(now()));
      sentUnmarked.delete(e.id);
      if (condensed) stats.condensed += 1;
      else stats.delivered += 1;
    } catch (err) {
      sentUnmarked.set(e.id, e);
      log.error(`outbox ${e.id}: sent, but marking it delivered failed; will retry the mark`, err);
    }
  }

  function retryDelay(attempt: number, f: Failure): number {
    // Throttled: the whole sender already pauses for Retry-After; the message goes again right after
    // it (jittered up to +20 %), unless Teams keeps throttling it, then it backs off like any failure.
    if (f.throttled && attempt <= 3) {
      const wait = f.retryAfterMs ?? defaultThrottleMs;
      return wait * (1 + random() * 0.2);
    }
    const exp = Math.min(maxDelayMs, baseDelayMs * 2 ** Math.max(0, attempt - 1));
    const jittered = exp * (0.5 + random() / 2);
    return Math.max(jittered, f.retryAfterMs ?? 0);
  }

  async function park(e: OutboxEntry, f: Failure, attempts: number): Promise<void> {
    await store.outbox.park(e.id, e.deskId, f.reason);
    stats.parked += 1;
    log.warn(`outbox ${e.id}: parked after ${attempts} attempt(s): ${f.reason}`);
    if (e.id.startsWith(ALERT_PREFIX)) return; // no alerts about alerts
    const desk = await store.desks.get(e.deskId);
    const triage = desk?.value.triageChannel;
    if (!triage) {
      log.error(`outbox ${e.id}: parked, and desk ${e.deskId} has no triage channel to alert`);
      return;
    }
    await store.outbox.enqueue([parkAlert(e, f, attempts, channelConversationKey(triage), now())]);
  }

  /**
   * The pending messages of `e`'s thread that condensing it looks at (a Teams card update or reply):
   * the round's listing when it held every due message, else the store's, without those already
   * delivered within another message.
   */
  async function threadOf(e: OutboxEntry, round: Round): Promise<OutboxEntry[]> {
    if (!e.threadKey || e.kind === 'webhook' || (e.operation !== 'update' && e.operation !== 'reply'))
      return [];
    const pending = round.truncated
      ? await store.outbox.pendingInThread(e, round.at, THREAD_LOOKAHEAD)
      : round.due;
    return pending.filter((m) => !round.done.has(m.id) && !sentUnmarked.has(m.id));
  }

  /** Delivers `e`; false when it failed and will be retried (its followers must wait). */
  async function deliver(e: OutboxEntry, round: Round): Promise<boolean> {
    if (sentUnmarked.has(e.id)) {
      await markDelivered(e);
      return true;
    }
    if (!mayWork()) return false;
    const condensed = condense(e, await threadOf(e, round), round.truncated);
    try {
      await send(condensed ? { ...e, activity: condensed.activity } : e);
    } catch (err) {
      if (err instanceof Stopped) return false;
      const t = now().getTime();
      const f = classifyFailure(err, t);
      const attempts = e.attempts + 1;
      if (f.throttled) {
        stats.throttled += 1;
        throttle.pauseUntil(t + (f.retryAfterMs ?? defaultThrottleMs));
      }
      if (f.kind === 'park' || attempts >= maxAttempts) {
        await park(e, f, attempts);
        return true;
      }
      stats.retried += 1;
      const next = new Date(t + retryDelay(attempts, f));
      await store.outbox.markFailed(e.id, e.deskId, f.reason, isoInstant(next));
      blockedUntil.set(queueKey(e), next.getTime());
      return false;
    }
    await markDelivered(e);
    for (const m of condensed?.with ?? []) {
      round.done.add(m.id);
      await markDelivered(m, true);
    }
    return true;
  }

  // -- Rounds --------------------------------------------------------------------------------------

  async function runOnce(): Promise<number> {
    for (const e of [...sentUnmarked.values()]) await markDelivered(e);
    if (!mayWork()) return 0;
    const t = now().getTime();
    // Read further than one batch: messages waiting behind a retry are skipped, not sent.
    const at = isoInstant(now());
    const due = await store.outbox.listDue(at, batchSize * 4);
    const round: Round = { at, due, truncated: due.length >= batchSize * 4, done: new Set() };
    for (const [k, until] of blockedUntil) if (until <= t) blockedUntil.delete(k);
    // One queue per thread (or chat): in order of creation within it, queues side by side.
    const queues = new Map<string, OutboxEntry[]>();
    let taken = 0;
    for (const e of due) {
      if (taken >= batchSize) break;
      const k = queueKey(e);
      if (blockedUntil.has(k)) continue;
      taken += 1;
      const q = queues.get(k);
      if (q) q.push(e);
      else queues.set(k, [e]);
    }
    let handled = 0;
    const pending = [...queues.values()].map((q) => q.sort(byCreation));
    const worker = async () => {
      for (let q = pending.shift(); q; q = pending.shift()) {
        for (const e of q) {
          if (stopper.signal.aborted) return;
          if (round.done.has(e.id)) {
            handled += 1;
            continue;
          }
          let ok: boolean;
          try {
            ok = await deliver(e, round);
          } catch (err) {
            // The store failed while recording: leave the message pending, try again next round.
            log.error(`outbox ${e.id}: could not record the outcome`, err);
            ok = false;
          }
          handled += 1;
          if (!ok) break; // the rest of this thread waits for it
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, pending.length) }, worker));
    return handled;
  }

  const progress = () => stats.delivered + stats.condensed + stats.parked + stats.retried;
  const loop = (async () => {
    while (!stopper.signal.aborted) {
      const before = progress();
      try {
        await runOnce();
      } catch (err) {
        log.error('outbox sender: round failed', err);
      }
      // Let I/O run between rounds (a failing store answers without ever yielding to timers).
      await new Promise<void>((resolve) => setImmediate(resolve));
      if (progress() === before && !stopper.signal.aborted) {
        await clock.sleep(pollIntervalMs, AbortSignal.any([stopper.signal, wake.signal]));
        if (wake.signal.aborted) wake = new AbortController();
      }
    }
  })();

  return {
    runOnce,
    kick: () => wake.abort(),
    stats,
    async stop() {
      stopper.abort();
      await loop;
    },
  };
}

/** The id of a desk's alert for the hour of `at` (UTC hours: one digest per desk per hour). */
export const parkAlertId = (deskId: string, at: Date): string =>
  `${ALERT_PREFIX}${deskId}:${at.toISOString().slice(0, 13)}`;

/**
 * The desk's alert about parked messages, in Norwegian: at most one per desk per hour (its id names
 * the desk and the hour, so later failures in the same hour add nothing to the channel), naming the
 * first failure; the outbox keeps every parked message for the operator.
 */
export function parkAlert(
  e: OutboxEntry,
  f: Failure,
  attempts: number,
  triageKey: string,
  at: Date,
): OutboxMessage {
  const about = e.caseRef ? ` om sak ${e.caseRef}` : e.noticeId ? ` om driftsmelding ${e.noticeId}` : '';
  const where =
    e.kind === 'webhook'
      ? 'en driftsleverandørs endepunkt'
      : e.conversationKey.startsWith('user:')
        ? 'en brukers chat med Fristvakt'
        : 'en Teams-kanal';
  return {
    id: parkAlertId(e.deskId, at),
    deskId: e.deskId,
    createdAt: isoInstant(at),
    operation: 'post',
    conversationKey: triageKey,
    activity: {
      type: 'message',
      text:
        `⛔ Fristvakt klarte ikke å levere en eller flere meldinger denne timen. Den første var en melding${about} ` +
        `til ${where}, lagt til side etter ${attempts} forsøk. Årsak: ${f.reasonNb} Flere slike feil denne ` +
        `timen varsles ikke hver for seg. Meldingene sendes ikke på nytt av seg selv; be driftsansvarlig se på ` +
        `utboksen (første melding-id ${e.id}).`,
    },
  };
}
