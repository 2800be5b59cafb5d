/**
 * The SLA watcher: every minute (under the lease, so one instance at a time) it reads each desk's
 * cases whose next warning instant has come, computes their SLA state and enqueues the warnings
 * `dueWarnings` says are due as replies in each case's triage thread.
 *
 * The index: the store keeps each case's warning instants with every write (`warningInstants`:
 * at risk and breach per running target, moved to the next opening for non-critical priorities). A
 * sweep reads the instants in (last sweep − overlap, now] (`listWarningsDue`); the last sweep's instant
 * is kept in the store per desk (`putMark`), so a restarted watcher goes on where the last one stopped
 * and the time it was down is covered. With no mark (the first sweep ever) it reads every instant up to
 * now. The overlap (default 5 minutes) covers clock skew between instances and a write landing just
 * after a sweep. The mark also names the desk's policy: when the policy changed, that desk gets one
 * full sweep over the horizon (`listDueBefore`), as the stored instants were computed under the old one.
 *
 * A backlog (more than `digestAbove` new warnings for one desk in one sweep: the first sweep over an
 * existing queue, or after a long stop) becomes one digest card in the desk's triage channel instead of
 * a reply per case; the cases' later warnings come one by one again.
 *
 * Each warning's outbox id is its key (`warn:<ref>:<target>:<level>:<dueAt>`); the outbox skips an id
 * it already has, so a warning is posted once however many sweeps (or instances) see it. Keys this
 * process has enqueued or digested are also remembered, so later sweeps (the overlap reads a case
 * again) do not post them.
 */
import { isoInstant } from '../../shared/ids';
import type { Desk } from '../../shared/desks/model';
import type { OutboxMessage, Store } from '../../shared/ports';
import { caseSla, casePolicy } from '../../shared/sla/case-sla';
import { dueWarnings } from '../../shared/sla/warnings';
import type { Logger } from '../server/logger';
import { systemClock, type Clock } from './clock';
import type { Lease } from './lease';
import { policyKey, summaryCovers, summaryPolicy, summarySla } from '../../shared/reports/summary';
import type { Case } from '../../shared/cases/model';
import type { SlaWarning } from '../../shared/sla/warnings';
import { digestMessage, warningMessage } from './sla-warning-message';

export interface SlaWatcherOptions {
  /** Time between sweeps (default 60 s). */
  intervalMs?: number;
  /** How far ahead of now a next deadline makes a case worth reading (default 21 days). */
  horizonMs?: number;
  /** Cases read per page (default 200). */
  pageSize?: number;
  /** How far back of the last sweep a sweep reads the index again (default 5 minutes). */
  overlapMs?: number;
  /** More new warnings than this for one desk in one sweep become one digest card (default 20). */
  digestAbove?: number;
}

export interface SlaWatcherDeps {
  store: Pick<Store, 'cases' | 'desks' | 'outbox' | 'leases'>;
  log: Logger;
  clock?: Clock;
  /** When given, sweeps run only while this lease is held. */
  lease?: Pick<Lease, 'isHeld' | 'ready'>;
  /** Called after a sweep enqueued warnings (e.g. to wake the outbox sender). */
  onEnqueued?: (ids: string[]) => void;
  options?: SlaWatcherOptions;
}

export interface SweepResult {
  desks: number;
  /** Cases read and evaluated. */
  cases: number;
  /** Warnings due (before de-duplication). */
  due: number;
  /** Outbox ids actually added by this sweep. */
  enqueued: string[];
  /** Desks whose new warnings became a digest card. */
  digests: number;
}

export interface SlaWatcher {
  /** One sweep at `now` (the loop calls it each interval while the lease is held). */
  sweep(now?: Date): Promise<SweepResult>;
  stop(): Promise<void>;
  /** Sweeps done by the loop. */
  readonly sweeps: number;
}

const MAX_REMEMBERED = 500_000;

/** The case reference inside a warning key (`warn:<ref>:<target>:<level>:<dueAt>`). */
const refOf = (key: string): string => key.split(':')[1]!;

export function startSlaWatcher(deps: SlaWatcherDeps, autoStart = true): SlaWatcher {
  const clock = deps.clock ?? systemClock;
  const intervalMs = deps.options?.intervalMs ?? 60_000;
  const horizonMs = deps.options?.horizonMs ?? 21 * 86_400_000;
  const pageSize = deps.options?.pageSize ?? 200;
  const overlapMs = deps.options?.overlapMs ?? 5 * 60_000;
  const digestAbove = deps.options?.digestAbove ?? 20;
  const { store, log } = deps;
  const remembered = new Set<string>();
  const stopper = new AbortController();
  let sweeps = 0;

  interface Mark {
    sweptUntil: string;
    policy: string;
    /** The last sweep that made a digest card. */
    digestAt?: string;
  }
  /** Desks this process has swept: a first sweep after a restart may need to learn what was digested. */
  const known = new Set<string>();
  const markName = (desk: Desk) => `sla-watcher|${desk.id}`;
  async function readMark(desk: Desk): Promise<Mark | null> {
    const raw = await store.leases.getMark(markName(desk));
    if (raw === null) return null;
    try {
      const m = JSON.parse(raw) as Partial<Mark>;
      return typeof m.sweptUntil === 'string' && typeof m.policy === 'string' ? (m as Mark) : null;
    } catch {
      return null;
    }
  }

  /** A case as the sweep sees it: its warnings due now, and the case itself when a reply is written. */
  interface Seen {
    warnings: SlaWarning[];
    load: () => Promise<Case | null>;
  }

  /** The cases a sweep looks at, a page at a time. */
  async function* candidates(desk: Desk, now: Date, mark: Mark | null, key: string): AsyncIterable<Seen> {
    const warningsOf = (c: Case): SlaWarning[] =>
      dueWarnings(c, casePolicy(c, desk), caseSla(c, desk, now), now);
    let token: string | undefined;
    if (mark && mark.policy !== key) {
      // The policy changed: the stored instants were computed under the old one; read the horizon.
      const until = isoInstant(new Date(now.getTime() + horizonMs));
      do {
        const page = await store.cases.listDueBefore(desk.id, until, {
          limit: pageSize,
          ...(token ? { continuationToken: token } : {}),
        });
        for (const c of page.items) {
          const loaded = Promise.resolve(c);
          yield { warnings: warningsOf(c), load: () => loaded };
        }
        token = page.continuationToken;
      } while (token);
      return;
    }
    const after = mark ? isoInstant(new Date(Date.parse(mark.sweptUntil) - overlapMs)) : null;
    do {
      const page = await store.cases.listWarningsDue(desk.id, after, isoInstant(now), {
        limit: pageSize,
        ...(token ? { continuationToken: token } : {}),
      });
      for (const s of page.items) {
        const load = async () => (await store.cases.getForDesk(s.ref, desk.id))?.value ?? null;
        const policy = summaryPolicy(s, desk);
        if (policy && summaryCovers(s, now.getTime(), desk)) {
          yield { warnings: dueWarnings(s, policy, summarySla(s, desk, now), now), load };
        } else {
          // Written under another policy, or later than `now` (another instance's clock): the timeline.
          const c = await load();
          if (c) yield { warnings: warningsOf(c), load: () => Promise.resolve(c) };
        }
      }
      token = page.continuationToken;
    } while (token);
  }

  async function sweepDesk(desk: Desk, now: Date, result: SweepResult): Promise<void> {
    const key = policyKey(desk.policy);
    const mark = await readMark(desk);
    const remember = (keys: string[]) => {
      if (remembered.size + keys.length > MAX_REMEMBERED) remembered.clear();
      for (const k of keys) remembered.add(k);
    };
    if (!known.has(desk.id) && mark?.digestAt && mark.policy === key) {
      // Restarted within the overlap of a digest: the warnings due at the last sweep were posted or
      // digested then; learn their keys, so the overlap does not post the digested ones one by one.
      const last = new Date(mark.sweptUntil);
      if (Date.parse(mark.digestAt) > last.getTime() - overlapMs)
        for await (const seen of candidates(desk, last, mark, key)) remember(seen.warnings.map((w) => w.key));
    }
    known.add(desk.id);
    const fresh: Array<{ seen: Seen; w: SlaWarning }> = [];
    for await (const seen of candidates(desk, now, mark, key)) {
      result.cases += 1;
      for (const w of seen.warnings) {
        result.due += 1;
        if (!remembered.has(w.key)) fresh.push({ seen, w });
      }
    }
    let digestAt = mark?.digestAt;
    if (fresh.length > digestAbove) {
      const breached = new Set<string>();
      const atRisk = new Set<string>();
      for (const { w } of fresh) (w.level === 'breached' ? breached : atRisk).add(refOf(w.key));
      for (const ref of breached) atRisk.delete(ref);
      const digest = digestMessage(desk, { breached: breached.size, atRisk: atRisk.size }, now);
      if (digest) result.enqueued.push(...(await store.outbox.enqueue([digest])));
      result.digests += 1;
      digestAt = now.toISOString();
      remember(fresh.map((f) => f.w.key));
    } else if (fresh.length > 0) {
      const batch: OutboxMessage[] = [];
      for (const { seen, w } of fresh) {
        const c = await seen.load();
        const m = c && warningMessage(c, desk, w, now);
        if (m) batch.push(m);
      }
      result.enqueued.push(...(await store.outbox.enqueue(batch)));
      remember(batch.map((m) => m.id));
    }
    const next: Mark = { sweptUntil: now.toISOString(), policy: key, ...(digestAt ? { digestAt } : {}) };
    await store.leases.putMark(markName(desk), JSON.stringify(next));
  }

  // The SLA engine caches compiled calendars per calendar object; desks come fresh from the store on
  // every sweep, so keep one set of policy objects (every version) per desk while its content stays the same.
  type Policies = Pick<Desk, 'policy' | 'previousPolicies'>;
  const policies = new Map<string, { json: string; policies: Policies }>();
  const stablePolicy = (desk: Desk): Desk => {
    const json = JSON.stringify([desk.policy, desk.previousPolicies]);
    const known = policies.get(desk.id);
    if (known?.json === json) return { ...desk, ...known.policies };
    policies.set(desk.id, {
      json,
      policies: { policy: desk.policy, previousPolicies: desk.previousPolicies },
    });
    return desk;
  };

  async function sweep(now: Date = clock.now()): Promise<SweepResult> {
    const desks = (await store.desks.list()).map(stablePolicy);
    const result: SweepResult = { desks: desks.length, cases: 0, due: 0, enqueued: [], digests: 0 };
    for (const desk of desks) {
      try {
        await sweepDesk(desk, now, result);
      } catch (err) {
        log.error(`SLA watcher: sweep of desk ${desk.id} failed`, err);
      }
    }
    if (result.enqueued.length > 0) {
      log.info(`SLA watcher: ${result.enqueued.length} warning(s) enqueued (${result.cases} cases read)`);
      deps.onEnqueued?.(result.enqueued);
    }
    return result;
  }

  const loop = autoStart
    ? (async () => {
        await deps.lease?.ready;
        while (!stopper.signal.aborted) {
          if (deps.lease?.isHeld() ?? true) {
            try {
              await sweep(clock.now());
              sweeps += 1;
            } catch (err) {
              log.error('SLA watcher: sweep failed', err);
            }
          }
          await clock.sleep(intervalMs, stopper.signal);
        }
      })()
    : Promise.resolve();

  return {
    sweep,
    get sweeps() {
      return sweeps;
    },
    async stop() {
      stopper.abort();
      await loop;
    },
  };
}
