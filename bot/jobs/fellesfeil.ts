/**
 * The fellesfeil watch: runs the pure detector (`shared/cases/fellesfeil-detector.ts`) on the stream of
 * new cases and posts each proposal as a card in its desk's triage channel ("Mulig fellesfeil: …"),
 * updated in place when more reports join it and when it is decided or expires.
 *
 * Where the cases come from: the change service's feed (`shared/app/case-feed.ts`) tells this process
 * of every case it stores at once, so a report stored by the lease holder's own instance is judged the
 * moment it is stored; a catch-up read of the period since the last case seen (every `catchUpMs`)
 * brings the cases other instances stored. It runs under its own lease like the sender and the
 * watcher: with several instances one of them proposes.
 *
 * Its memory is in the store (the lease store's mark `fellesfeil-detector`: the detector's plain-JSON
 * state and the last case seen), written by the holder after each step and read whenever it takes the
 * lease, so a restart or another instance goes on with the same open proposals (never a second one
 * for a service) and the same rejected bursts. Only when there is no mark yet does it learn the usual
 * traffic from the last `historyDays` days of cases, posting nothing.
 *
 * The desk's answer may reach any instance: `decide` writes it as a mark of its own
 * (`fellesfeil-decision|<proposal id>`, one writer per proposal) and applies it at once when this
 * instance holds the lease; otherwise the holder reads the answers to its open proposals at each
 * catch-up. The holder also reads, at each catch-up, whether an active fellesfeil's hovedsak is solved
 * (another instance may have solved it).
 */
import { CardFactory } from 'botbuilder';
import type { CaseFeed } from '../../shared/app/case-feed';
import type { Catalogue, CatalogueSnapshot } from '../../shared/app/catalogue';
import {
  DEFAULT_FELLESFEIL_SETTINGS,
  emptyFellesfeilState,
  fellesfeilCatalogue,
  fellesfeilHeadline,
  fellesfeilReason,
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
/** The detector's memory in the lease store. */
export const FELLESFEIL_MARK = 'fellesfeil-detector';
/** The desk's answer to one proposal, written by the instance that got it. */
export const decisionMark = (proposalId: string): string => `fellesfeil-decision|${proposalId}`;

interface SavedWatch {
  version: 1;
  state: FellesfeilState;
  lastReceived: string;
}

interface SavedDecision {
  decision: 'accepted' | 'rejected';
  by: string;
  parentRef?: CaseRef;
}

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
  /** How often other instances' cases and answers are read, and stale proposals expire (default 15 s). */
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
  /**
   * Feeds every case received since the last one seen, applies answers given on other instances, ends
   * finished fellesfeil and expires stale proposals (tests call it).
   */
  catchUp(): Promise<void>;
  /** Settles after the first try for the lease and, when taken, the first catch-up. */
  ready: Promise<void>;
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
    ...(c.checklist ? { scope: c.checklist.scope } : {}),
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
  /** True once this holder has read (or built) the memory; false whenever the lease is not held. */
  let warm = false;
  /** The state changed since it was last written. */
  let dirty = false;
  /** Cases already fed by this holder, so the feed and the catch-up never feed one twice. */
  let seen = new Set<string>();
  let lastReceived = '';
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

  /** Steps run one at a time, in the order they came; the memory is written after each. */
  const serial = (fn: () => Promise<void>): Promise<void> => {
    queue = queue
      .then(async () => {
        await fn();
        if (dirty) await save();
      })
      .catch((err: unknown) => deps.log.error('fellesfeil watch failed', err));
    return queue;
  };

  /** Writes the memory to the store; only a warm holder writes it. */
  async function save(): Promise<void> {
    if (!warm || !lease.isHeld()) return;
    const saved: SavedWatch = { version: 1, state, lastReceived };
    await deps.store.leases.putMark(FELLESFEIL_MARK, JSON.stringify(saved));
    dirty = false;
  }

  async function step(input: FellesfeilInput, post: boolean): Promise<void> {
    const snapshot = await deps.catalogue.get();
    const result = stepFellesfeil(state, input, {
      catalogue: fellesfeilCatalogue(snapshot.services),
      // Each service's own thresholds from the admin pages, as the catalogue has them now.
      settings: settingsFor(snapshot.services),
      now: isoInstant(deps.clock()),
    });
    if (result.state !== state) dirty = true;
    state = result.state;
    if (post && result.changes.length > 0) {
      // The memory first: were the process to stop before the post, the proposal is not made twice.
      await save();
      await deps.store.outbox.enqueue(messagesFor(result.changes, snapshot));
    }
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
      ...(p.evidence ? { reason: fellesfeilReason(p.evidence, p, 'nb') } : {}),
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

  /** Takes up the memory in the store, or builds it from the last `historyDays` days when there is none. */
  async function warmUp(): Promise<void> {
    seen = new Set();
    const raw = await deps.store.leases.getMark(FELLESFEIL_MARK);
    const saved = raw ? (JSON.parse(raw) as SavedWatch) : null;
    if (saved?.version === 1) {
      state = saved.state;
      lastReceived = saved.lastReceived;
      warm = true;
      // Cases stored while no instance watched are judged now, as if they had just come.
      await readSince(true);
      return;
    }
    const now = deps.clock().getTime();
    // A new memory numbers its proposals from the clock, so no answer given to an earlier one applies.
    state = { ...emptyFellesfeilState(), seq: Math.floor(now / 1000) };
    lastReceived = new Date(now - (deps.historyDays ?? 14) * DAY).toISOString();
    // Learn the usual traffic first; old bursts are history, not proposals.
    await readSince(false);
    state = { ...state, open: [] };
    warm = true;
    dirty = true;
  }

  async function applyDecision(proposalId: string, d: SavedDecision): Promise<void> {
    if (!state.open.some((p) => p.id === proposalId)) return;
    deciders.set(proposalId, d.by);
    await step(
      d.decision === 'accepted'
        ? { type: 'proposal_accepted', proposalId, ...(d.parentRef ? { parentRef: d.parentRef } : {}) }
        : { type: 'proposal_rejected', proposalId },
      true,
    );
  }

  /** Answers written by other instances, and hovedsaker solved there. */
  async function readElsewhere(): Promise<void> {
    for (const p of state.open) {
      const raw = await deps.store.leases.getMark(decisionMark(p.id));
      if (raw) await applyDecision(p.id, JSON.parse(raw) as SavedDecision);
    }
    for (const a of state.active) {
      const desk = await deps.store.cases.locate(a.parentRef);
      const parent = desk ? await deps.store.cases.getForDesk(a.parentRef, desk) : null;
      if (!parent || parent.value.status === 'solved' || parent.value.status === 'closed')
        await step({ type: 'hovedsak_finished', parentRef: a.parentRef }, true);
    }
  }

  const catchUp = (): Promise<void> =>
    serial(async () => {
      if (!lease.isHeld()) {
        warm = false;
        return;
      }
      if (!warm) await warmUp();
      await readSince(true);
      await readElsewhere();
      await step({ type: 'tick' }, true);
    });

  const unsubscribe = deps.feed.subscribe(({ case: c }) => {
    if (!warm || !lease.isHeld()) return;
    void serial(async () => {
      if (!warm || !lease.isHeld()) return;
      if (c.events.length === 1) await feedCase(c, true);
      else if (c.childRefs.length > 0 && (c.status === 'solved' || c.status === 'closed'))
        await step({ type: 'hovedsak_finished', parentRef: c.ref }, true);
    });
  });
  const timer = setInterval(() => void catchUp(), deps.catchUpMs ?? 15_000);
  timer.unref();
  const ready = lease.ready.then(() => catchUp());

  return {
    async decide(proposalId, decision, by, parentRef) {
      // Kept first in the store: the holder applies it, whichever instance got the answer.
      const d: SavedDecision = { decision, by, ...(parentRef ? { parentRef } : {}) };
      await deps.store.leases.putMark(decisionMark(proposalId), JSON.stringify(d));
      await serial(async () => {
        if (warm && lease.isHeld()) await applyDecision(proposalId, d);
      });
    },
    catchUp,
    ready,
    state: () => state,
    async stop() {
      clearInterval(timer);
      unsubscribe();
      await queue;
      await lease.stop();
    },
  };
}
