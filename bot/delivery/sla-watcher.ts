/**
 * The SLA watcher: every minute (under the lease, so one instance at a time) it looks at each desk's
 * open cases whose next deadline falls within the horizon, computes their SLA state and enqueues the
 * warnings `dueWarnings` says are due as replies in each case's triage thread.
 *
 * Each warning's outbox id is its key (`warn:<ref>:<target>:<level>:<dueAt>`); the outbox skips an id
 * it already has, so a warning is posted once however many sweeps (or instances) see it. Keys this
 * process has enqueued are also remembered, so later sweeps do not ask the store again.
 *
 * The horizon: a case is read when its next deadline is at most `horizonMs` ahead. At-risk warnings
 * come `(1 - atRiskShare)` of a target before its deadline, so the horizon must cover that span in
 * real time for the longest target (weekends and holidays included); the default, 21 days, covers
 * every preset with room to spare.
 */
import { isoInstant } from '../../shared/ids';
import type { Desk } from '../../shared/desks/model';
import type { OutboxMessage, Store } from '../../shared/ports';
import type { SlaPolicy } from '../../shared/sla/policy';
import { computeSla } from '../../shared/sla/state';
import { dueWarnings } from '../../shared/sla/warnings';
import type { Logger } from '../server/logger';
import { systemClock, type Clock } from './clock';
import type { Lease } from './lease';
import { warningMessage } from './sla-warning-message';

export interface SlaWatcherOptions {
  /** Time between sweeps (default 60 s). */
  intervalMs?: number;
  /** How far ahead of now a next deadline makes a case worth reading (default 21 days). */
  horizonMs?: number;
  /** Cases read per page (default 200). */
  pageSize?: number;
}

export interface SlaWatcherDeps {
  store: Pick<Store, 'cases' | 'desks' | 'outbox'>;
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
}

export interface SlaWatcher {
  /** One sweep at `now` (the loop calls it each interval while the lease is held). */
  sweep(now?: Date): Promise<SweepResult>;
  stop(): Promise<void>;
  /** Sweeps done by the loop. */
  readonly sweeps: number;
}

const MAX_REMEMBERED = 500_000;
const ENQUEUE_CHUNK = 500;

export function startSlaWatcher(deps: SlaWatcherDeps, autoStart = true): SlaWatcher {
  const clock = deps.clock ?? systemClock;
  const intervalMs = deps.options?.intervalMs ?? 60_000;
  const horizonMs = deps.options?.horizonMs ?? 21 * 86_400_000;
  const pageSize = deps.options?.pageSize ?? 200;
  const { store, log } = deps;
  const remembered = new Set<string>();
  const stopper = new AbortController();
  let sweeps = 0;

  async function sweepDesk(desk: Desk, now: Date, result: SweepResult): Promise<void> {
    const until = isoInstant(new Date(now.getTime() + horizonMs));
    const batch: OutboxMessage[] = [];
    let token: string | undefined;
    do {
      const page = await store.cases.listDueBefore(desk.id, until, {
        limit: pageSize,
        ...(token ? { continuationToken: token } : {}),
      });
      for (const c of page.items) {
        result.cases += 1;
        const warnings = dueWarnings(c, desk.policy, computeSla(c, desk.policy, now), now);
        for (const w of warnings) {
          result.due += 1;
          if (remembered.has(w.key)) continue;
          const m = warningMessage(c, desk, w, now);
          if (m) batch.push(m);
        }
      }
      token = page.continuationToken;
    } while (token);
    for (let i = 0; i < batch.length; i += ENQUEUE_CHUNK) {
      const chunk = batch.slice(i, i + ENQUEUE_CHUNK);
      result.enqueued.push(...(await store.outbox.enqueue(chunk)));
      if (remembered.size + chunk.length > MAX_REMEMBERED) remembered.clear();
      for (const m of chunk) remembered.add(m.id);
    }
  }

  // The SLA engine caches compiled calendars per calendar object; desks come fresh from the store on
  // every sweep, so keep one policy object per desk while its content stays the same.
  const policies = new Map<string, { json: string; policy: SlaPolicy }>();
  const stablePolicy = (desk: Desk): Desk => {
    const json = JSON.stringify(desk.policy);
    const known = policies.get(desk.id);
    if (known?.json === json) return { ...desk, policy: known.policy };
    policies.set(desk.id, { json, policy: desk.policy });
    return desk;
  };

  async function sweep(now: Date = clock.now()): Promise<SweepResult> {
    const desks = (await store.desks.list()).map(stablePolicy);
    const result: SweepResult = { desks: desks.length, cases: 0, due: 0, enqueued: [] };
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
