/**
 * The fellesfeil watch: runs the pure detector (`shared/cases/fellesfeil-detector.ts`) on the stream of
 * new cases and posts each proposal as a card in its desk's triage channel ("Mulig fellesfeil: …"),
 * updated in place when more reports join it and when it is decided or expires.
 *
 * Where the cases come from: the change service's feed (`shared/app/case-feed.ts`) tells this process
 * of every case it stores at once; a catch-up read of the period since the last case seen (every
 * `catchUpMs`) brings the cases other instances stored. The detector learns each service's usual
 * traffic, so on start (and whenever it takes the lease) it first reads the last `historyDays` days of
 * cases without posting anything. It runs under its own lease like the sender and the watcher: with
 * several instances one of them proposes. Its memory is the process's own (plain JSON, rebuilt from
 * the store on start); the desk's decisions come back through `decide`.
 */
import { CardFactory } from 'botbuilder';
import type { CaseFeed } from '../../shared/app/case-feed';
import type { Catalogue, CatalogueSnapshot } from '../../shared/app/catalogue';
import {
  DEFAULT_FELLESFEIL_SETTINGS,
  emptyFellesfeilState,
  fellesfeilCatalogue,
  fellesfeilHeadline,
  stepFellesfeil,
  type FellesfeilInput,
  type FellesfeilProposal,
  type FellesfeilSettings,
  type FellesfeilState,
  type ProposalChange,
  type ReceivedCase,
} from '../../shared/cases/fellesfeil-detector';
import { withServiceThresholds } from '../../shared/desks/fellesfeil-thresholds';
import type { Case } from '../../shared/cases/model';
import type { Service } from '../../shared/desks/model';
import { channelKey } from '../../shared/conversation-keys';
import { isoInstant, type CaseRef } from '../../shared/ids';
import type { Logger } from '../../shared/errors';
import type { OutboxMessage, Store } from '../../shared/ports';
import { fellesfeilProposalCard } from '../cards/channel/fellesfeil-proposal';
import { startJobLease, type LeaseTiming } from '../delivery';

export const FELLESFEIL_LEASE = 'fellesfeil';

export interface FellesfeilWatchDeps {
  store: Store;
  catalogue: Catalogue;
  feed: CaseFeed;
  clock: () => Date;
  log: Logger;
  settings?: FellesfeilSettings;
  holder?: string;
  lease?: LeaseTiming;
  /** How far back the detector reads on start to learn the usual traffic (default 14 days). */
  historyDays?: number;
  /** How often other instances' cases are read, and stale proposals expire (default 30 s). */
  catchUpMs?: number;
}

export interface FellesfeilWatch {
  /** The desk's answer from the proposal card; `by` is the person's name. */
  decide(
    proposalId: string,
    decision: 'accepted' | 'rejected',
    by: string,
    parentRef?: CaseRef,
  ): Promise<void>;
  /** Feeds every case received since the last one seen, and expires stale proposals (tests call it). */
  catchUp(): Promise<void>;
  /** The detector's memory now (tests, diagnostics). */
  state(): FellesfeilState;
  stop(): Promise<void>;
}

const DAY = 86_400_000;

/** What the detector needs of a stored case. */
export function receivedCase(c: Case): ReceivedCase {
  return {
    ref: c.ref,
    serviceId: c.serviceId,
    deskId: c.deskId,
    orgId: c.orgId,
    reporterId: c.reporter.id,
    receivedAt: c.receivedAt,
    byAdministrator: c.reporterRole === 'administrator',
    ...(c.parentRef ? { parentRef: c.parentRef } : {}),
  };
}

export function startFellesfeilWatch(deps: FellesfeilWatchDeps): FellesfeilWatch {
  const settings = deps.settings ?? DEFAULT_FELLESFEIL_SETTINGS;
  // The lease is wall-clock infrastructure (the system clock); the detector's `now` is the app's clock.
  const lease = startJobLease(FELLESFEIL_LEASE, {
    store: deps.store,
    log: deps.log,
    ...(deps.holder ? { holder: deps.holder } : {}),
    ...(deps.lease ? { lease: deps.lease } : {}),
  });
  let state = emptyFellesfeilState();
  let warm = false;
  /** Cases already fed, so the feed and the catch-up never feed one twice. */
  const seen = new Set<string>();
  let lastReceived = new Date(deps.clock().getTime() - (deps.historyDays ?? 14) * DAY).toISOString();
  /** Who decided each proposal, for its card. */
  const deciders = new Map<string, string>();
  let queue: Promise<void> = Promise.resolve();
  /** The settings with the services' own thresholds, once per catalogue snapshot. */
  const perCatalogue = new WeakMap<readonly Service[], FellesfeilSettings>();
  const settingsFor = (services: readonly Service[]): FellesfeilSettings => {
    let s = perCatalogue.get(services);
    if (!s) perCatalogue.set(services, (s = withServiceThresholds(settings, services)));
    return s;
  };

  /** Steps run one at a time, in the order they came. */
  const serial = (fn: () => Promise<void>): Promise<void> => {
    queue = queue.then(fn).catch((err: unknown) => deps.log.error('fellesfeil watch failed', err));
    return queue;
  };

  async function step(input: FellesfeilInput, post: boolean): Promise<void> {
    const snapshot = await deps.catalogue.get();
    const result = stepFellesfeil(state, input, {
      catalogue: fellesfeilCatalogue(snapshot.services),
      // Each service's own thresholds from the admin pages, as the catalogue has them now.
      settings: settingsFor(snapshot.services),
      now: isoInstant(deps.clock()),
    });
    state = result.state;
    if (post && result.changes.length > 0)
      await deps.store.outbox.enqueue(messagesFor(result.changes, snapshot));
  }

  function messagesFor(changes: ProposalChange[], snapshot: CatalogueSnapshot): OutboxMessage[] {
    const out: OutboxMessage[] = [];
    for (const { type, proposal } of changes) {
      const desk = snapshot.desk(proposal.deskId);
      if (!desk?.triageChannel) continue;
      out.push({
        id: `fellesfeil:${proposal.id}:${type}:${proposal.updatedAt}:${proposal.cases.length}`,
        deskId: proposal.deskId,
        createdAt: isoInstant(deps.clock()),
        operation: type === 'proposed' ? 'post' : 'update',
        conversationKey: channelKey(desk.triageChannel),
        threadKey: `fellesfeil:${proposal.id}`,
        activity: {
          type: 'message',
          summary: fellesfeilHeadline(proposal, (id) => snapshot.service(id)?.name ?? id, 'nb'),
          attachments: [CardFactory.adaptiveCard(cardOf(proposal, snapshot))],
        },
      });
    }
    return out;
  }

  const cardOf = (p: FellesfeilProposal, snapshot: CatalogueSnapshot) =>
    fellesfeilProposalCard({
      locale: 'nb',
      proposalId: p.id,
      deskId: p.deskId,
      headline: fellesfeilHeadline(p, (id) => snapshot.service(id)?.name ?? id, 'nb'),
      parentRef: p.parentRef,
      parentReason: p.parentReason,
      childRefs: p.childRefs,
      otherDeskRefs: p.otherDeskRefs,
      status: p.status,
      ...(deciders.has(p.id) ? { decidedBy: deciders.get(p.id)! } : {}),
    });

  async function feedCase(c: Case, post: boolean): Promise<void> {
    if (seen.has(c.ref)) return;
    seen.add(c.ref);
    if (c.receivedAt > lastReceived) lastReceived = c.receivedAt;
    await step({ type: 'case_received', case: receivedCase(c) }, post);
  }

  /** Reads every desk's cases received since the last one seen, in order. */
  async function readSince(post: boolean): Promise<void> {
    const snapshot = await deps.catalogue.get();
    const from = new Date(Date.parse(lastReceived) - 60_000).toISOString();
    const to = new Date(deps.clock().getTime() + 1).toISOString();
    const found: Case[] = [];
    for await (const c of deps.store.cases.streamPeriod(
      snapshot.desks.map((d) => d.id),
      isoInstant(new Date(from)),
      isoInstant(new Date(to)),
    ))
      if (!seen.has(c.ref)) found.push(c);
    found.sort((a, b) => a.receivedAt.localeCompare(b.receivedAt) || a.ref.localeCompare(b.ref));
    for (const c of found) await feedCase(c, post);
  }

  const catchUp = (): Promise<void> =>
    serial(async () => {
      if (!lease.isHeld()) {
        warm = false;
        return;
      }
      if (!warm) {
        // Learn the usual traffic first; old bursts are history, not proposals.
        await readSince(false);
        state = { ...state, open: [] };
        warm = true;
      }
      await readSince(true);
      await step({ type: 'tick' }, true);
    });

  const unsubscribe = deps.feed.subscribe(({ case: c }) => {
    if (!warm || !lease.isHeld()) return;
    void serial(async () => {
      if (c.events.length === 1) await feedCase(c, true);
      else if (c.childRefs.length > 0 && (c.status === 'solved' || c.status === 'closed'))
        await step({ type: 'hovedsak_finished', parentRef: c.ref }, true);
    });
  });
  const timer = setInterval(() => void catchUp(), deps.catchUpMs ?? 30_000);
  timer.unref();
  void lease.ready.then(() => catchUp());

  return {
    decide: (proposalId, decision, by, parentRef) =>
      serial(async () => {
        deciders.set(proposalId, by);
        await step(
          decision === 'accepted'
            ? { type: 'proposal_accepted', proposalId, ...(parentRef ? { parentRef } : {}) }
            : { type: 'proposal_rejected', proposalId },
          true,
        );
      }),
    catchUp,
    state: () => state,
    async stop() {
      clearInterval(timer);
      unsubscribe();
      await queue;
      await lease.stop();
    },
  };
}
