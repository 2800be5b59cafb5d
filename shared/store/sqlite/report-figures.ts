/**
 * The SLA report's aggregate on SQLite: each summary's report columns (`summaryFigures`) in
 * `case_figures`, written with the summary, and the period's figures added up there with GROUP BY
 * (`shared/reports/aggregate.ts` says which summaries go in, and what each counts as).
 *
 * One report is a few scans of the period's narrow rows (received in [from, to), by the primary key):
 * the groups by desk, cover, priority, in-period and backlog bucket with the targets' met and breached
 * counts as sums; then, for the covers the report accepts, the minutes to each met target and the
 * receipts per hour; the earliest `maxBreaches` breaches per desk and target (their summaries, for
 * the breach rows); the outages of the accepted rows (a partial index); and the summaries left out,
 * streamed in pages.
 */
import type { DeskId, IsoInstant, PriorityId } from '../../ids';
import {
  BACKLOG_BOUNDS_MS,
  summaryFigures,
  type AggregateQuery,
  type PriorityTally,
  type SummaryAggregate,
} from '../../reports/aggregate';
import type { CaseSummary } from '../../reports/summary';
import type { CaseOutage } from '../../reports/uptime';
import { run, type Db } from './io';
import { PARTIAL_BREACHES, reportPartials } from './report-partials';

/** Writes (or replaces) a summary's report columns; `remove` drops the row of an earlier receipt time. */
export function figuresWriter(db: Db) {
  const upsert = db.prepare(
    `INSERT OR REPLACE INTO case_figures (desk_id, received_at, ref, received_ms, as_of_ms, usable, cover,
       service_id, org_id, open, priority, resp_met, resp_breached_from, resp_due_ms, resp_spent,
       res_met, res_breached_from, res_due_ms, res_spent, is_order, outage)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const remove = db.prepare('DELETE FROM case_figures WHERE desk_id = ? AND received_at = ? AND ref = ?');
  return {
    write(s: CaseSummary): void {
      const f = summaryFigures(s);
      upsert.run(
        s.deskId,
        s.receivedAt,
        s.ref,
        f.receivedMs,
        f.asOfMs,
        f.usable ? 1 : 0,
        f.cover,
        s.serviceId,
        s.orgId,
        f.open ? 1 : 0,
        f.priority,
        f.response.met ? 1 : 0,
        f.response.breachedFrom,
        f.response.dueMs,
        f.response.spent,
        f.resolution.met ? 1 : 0,
        f.resolution.breachedFrom,
        f.resolution.dueMs,
        f.resolution.spent,
        s.kind === 'order' ? 1 : 0,
        f.outage ? JSON.stringify(f.outage) : null,
      );
    },
    remove(deskId: string, receivedAt: string, ref: string): void {
      remove.run(deskId, receivedAt, ref);
    },
  };
}

/** A target breached at the report's instant (`targetClass` in SQL). */
const breached = (t: 'resp' | 'res') => `${t}_breached_from <= @asOf`;

const IN_PERIOD = 'received_ms >= @periodFrom AND received_ms < @periodTo AND received_ms <= @asOf';

/**
 * The backlog bucket of a summary open at the instant and received before it, by age (`backlogBucket`),
 * else -1: a group key, so the main query sorts its groups on a few small keys instead of summing a
 * condition per bucket.
 */
const BACKLOG_BUCKET =
  'CASE WHEN open = 1 AND received_ms < @asOf THEN CASE ' +
  BACKLOG_BOUNDS_MS.map((bound, i) => `WHEN @asOf - received_ms < ${bound} THEN ${i}`).join(' ') +
  ` ELSE ${BACKLOG_BOUNDS_MS.length} END ELSE -1 END`;

type Row = unknown[];

/** The service and organisation a report is narrowed to, as named parameters (only those given). */
const filterParams = (q: AggregateQuery): Record<string, string> => ({
  ...(q.serviceId !== undefined ? { service: q.serviceId } : {}),
  ...(q.orgId !== undefined ? { org: q.orgId } : {}),
});

/** `partials: false` adds up every month live; `breachCap`: see `reportPartials`. */
export function summaryAggregator(db: Db, options: { partials?: boolean; breachCap?: number } = {}) {
  const statements = new Map<string, ReturnType<typeof prepare>>();
  const prepare = (sql: string) => db.prepare<Record<string, unknown>, Row>(sql).raw(true);
  const all = (sql: string, params: Record<string, unknown>): Row[] => {
    let stmt = statements.get(sql);
    if (!stmt) statements.set(sql, (stmt = prepare(sql)));
    return stmt.all(params);
  };
  const plan = options.partials === false ? undefined : reportPartials(db, options.breachCap);
  const summaryDoc = db
    .prepare<[string, string, string], [string]>(
      'SELECT doc FROM case_summaries WHERE desk_id = ? AND received_at = ? AND ref = ?',
    )
    .raw(true);

  return (
    deskIds: DeskId[],
    from: IsoInstant,
    to: IsoInstant,
    q: AggregateQuery,
  ): Promise<SummaryAggregate> =>
    run(() => {
      const desks = [...new Set(deskIds)];
      const params: Record<string, unknown> = {
        lo: from,
        hi: to,
        asOf: q.asOf,
        periodFrom: q.periodFrom,
        periodTo: q.periodTo,
        ...filterParams(q),
      };
      // The rows received in [lo, hi): the whole scope [from, to), or a range of it added up live.
      const scope =
        'desk_id = @desk AND received_at >= @lo AND received_at < @hi AND is_order = 0' +
        (q.serviceId !== undefined ? ' AND service_id = @service' : '') +
        (q.orgId !== undefined ? ' AND org_id = @org' : '');
      const usable = `${scope} AND usable = 1 AND as_of_ms <= @asOf`;
      const agg: Omit<SummaryAggregate, 'rest'> = {
        summaries: 0,
        priorities: [],
        backlog: [...BACKLOG_BOUNDS_MS, 0].map(() => 0),
        spent: [],
        hours: [],
        breaches: [],
        outages: [],
      };
      const hours = new Map<number, number>();
      // The covers each desk's report refuses: their summaries come back in `rest`.
      const refused = new Map<DeskId, string[]>();
      const lastBucket = BACKLOG_BOUNDS_MS.length;
      const candidates: Record<'resp' | 'res', BreachCandidate[]> = { resp: [], res: [] };
      for (const desk of desks) {
        const p = { ...params, desk };
        // The settled months come from their partials (a report narrowed to a service or an
        // organisation adds up every month live); the rest of the scope is added up here.
        const months =
          plan && q.serviceId === undefined && q.orgId === undefined
            ? plan(desk, from, to, q)
            : { used: [], live: [[from, to]] as Array<[string, string]>, breachCap: PARTIAL_BREACHES };
        // One scan per live range: groups by cover, priority, whether received in the period, and
        // backlog bucket (a handful of groups); a partial's groups are the same at the report's
        // instant (in the period or not as a whole, an open case in the last bucket).
        const groups: Row[] = [];
        for (const [lo, hi] of months.live)
          groups.push(
            ...all(
              `SELECT cover, priority, ${IN_PERIOD}, ${BACKLOG_BUCKET}, count(*),
                 sum(resp_met), sum(${breached('resp')}), sum(res_met), sum(${breached('res')})
               FROM case_figures WHERE ${usable} GROUP BY 1, 2, 3, 4`,
              { ...p, lo, hi },
            ),
          );
        for (const m of months.used)
          for (const [cover, priority, open, ...sums] of m.groups)
            groups.push([m.covers[cover], priority, m.inPeriod ? 1 : 0, open ? lastBucket : -1, ...sums]);
        const accepted = new Set<string>();
        const refusedHere = new Set<string>();
        const tallies = new Map<string, PriorityTally>();
        for (const g of groups) {
          const cover = g[0] as string;
          if (!accepted.has(cover) && !refusedHere.has(cover))
            (q.accepts(desk, cover) ? accepted : refusedHere).add(cover);
          if (!accepted.has(cover)) continue;
          const [inPeriod, bucket, cases, respMet, respBreached, resMet, resBreached] = g
            .slice(2)
            .map((v) => Number(v ?? 0)) as [number, number, number, number, number, number, number];
          agg.summaries += cases;
          if (bucket >= 0) agg.backlog[bucket]! += cases;
          if (!inPeriod) continue;
          const key = JSON.stringify([cover, g[1]]);
          let tally = tallies.get(key);
          if (!tally) {
            tally = {
              deskId: desk,
              cover,
              priority: g[1] as PriorityId,
              cases: 0,
              response: { met: 0, breached: 0 },
              resolution: { met: 0, breached: 0 },
            };
            tallies.set(key, tally);
          }
          tally.cases += cases;
          tally.response.met += respMet;
          tally.response.breached += respBreached;
          tally.resolution.met += resMet;
          tally.resolution.breached += resBreached;
        }
        agg.priorities.push(...tallies.values());
        if (refusedHere.size > 0) refused.set(desk, [...refusedHere]);
        if (accepted.size === 0) continue;
        const covers = { ...p, covers: JSON.stringify([...accepted]) };
        const ofAccepted = `${usable} AND cover IN (SELECT value FROM json_each(@covers))`;
        const accepting = `${ofAccepted} AND ${IN_PERIOD}`;
        // The outages of the whole scope (in the period or not, as the groups count every row), from
        // their partial index: a few per cent of the rows.
        for (const [outage] of all(
          `SELECT outage FROM case_figures INDEXED BY case_figures_outage
           WHERE ${ofAccepted} AND outage IS NOT NULL`,
          covers,
        ))
          agg.outages.push(JSON.parse(outage as string) as CaseOutage);
        // The minutes to each met target, as (cover, priority, target, minutes) -> cases.
        const spent = new Map<string, SummaryAggregate['spent'][number]>();
        const addSpent = (
          target: 'response' | 'resolution',
          cover: string,
          priority: PriorityId,
          minutes: number,
          cases: number,
        ) => {
          const key = `${target}\n${cover}\n${priority}\n${minutes}`;
          const e = spent.get(key);
          if (e) e.cases += cases;
          else spent.set(key, { deskId: desk, cover, priority, target, minutes, cases });
        };
        for (const [lo, hi] of months.live)
          for (const [target, t] of TARGETS)
            for (const [cover, priority, minutes, cases] of all(
              `SELECT cover, priority, ${t}_spent, count(*) FROM case_figures
               WHERE ${accepting} AND ${t}_spent IS NOT NULL GROUP BY cover, priority, ${t}_spent`,
              { ...covers, lo, hi },
            ))
              addSpent(target, cover as string, priority as PriorityId, minutes as number, cases as number);
        for (const m of months.used) {
          if (!m.inPeriod) continue;
          for (const [t, cover, priority, minutes, cases] of m.spent)
            if (accepted.has(m.covers[cover]!))
              addSpent(TARGETS[t]![0], m.covers[cover]!, priority as PriorityId, minutes, cases);
          for (const [cover, hour, cases] of m.hours)
            if (accepted.has(m.covers[cover]!)) hours.set(hour, (hours.get(hour) ?? 0) + cases);
        }
        agg.spent.push(...spent.values());
        for (const [lo, hi] of months.live)
          for (const [hour, cases] of all(
            `SELECT received_ms / 3600000, count(*) FROM case_figures WHERE ${accepting}
             GROUP BY received_ms / 3600000`,
            { ...covers, lo, hi },
          ))
            hours.set(hour as number, (hours.get(hour as number) ?? 0) + (cases as number));
        // The earliest breaches of each target: their keys here (of a live range by a scan, of a
        // month in a partial from it), the summaries of the earliest of all desks below. A partial's
        // list stands for its month unless it was cut and some of its covers are refused, or the
        // report asks for more than it keeps: then the month is read like a live range.
        const breachRanges: Array<[string, string]> = [...months.live];
        for (const m of months.used) {
          if (!m.inPeriod) continue;
          const allAccepted = m.covers.every((c) => accepted.has(c));
          if (q.maxBreaches > months.breachCap || (m.capped.some(Boolean) && !allAccepted)) {
            breachRanges.push([m.lo, m.hi]);
            continue;
          }
          TARGETS.forEach(([, t], i) => {
            for (const [cover, due, ref, receivedAt] of m.breaches[i]!)
              if (accepted.has(m.covers[cover]!)) candidates[t].push({ due, ref, desk, receivedAt });
          });
        }
        for (const [lo, hi] of breachRanges)
          for (const [, t] of TARGETS)
            for (const [due, ref, receivedAt] of all(
              `SELECT ${t}_due_ms, ref, received_at FROM case_figures
               WHERE ${accepting} AND ${breached(t)} ORDER BY ${t}_due_ms, ref LIMIT @limit`,
              { ...covers, lo, hi, limit: q.maxBreaches },
            ))
              candidates[t].push({
                due: due as number | null,
                ref: ref as string,
                desk,
                receivedAt: receivedAt as string,
              });
      }
      // The report keeps the earliest `maxBreaches` breach rows by deadline: of each target's
      // candidates, the earliest of all desks (in the SQL's order: no deadline first, then by
      // reference) are read, a case breached on both targets once.
      const read = new Set<string>();
      for (const [, t] of TARGETS) {
        const earliest = candidates[t]
          .sort(
            (a, b) =>
              (a.due ?? -Infinity) - (b.due ?? -Infinity) || (a.ref < b.ref ? -1 : a.ref > b.ref ? 1 : 0),
          )
          .slice(0, q.maxBreaches);
        for (const c of earliest) {
          if (read.has(c.ref)) continue;
          read.add(c.ref);
          const row = summaryDoc.get(c.desk, c.receivedAt, c.ref);
          if (row) agg.breaches.push(JSON.parse(row[0]) as CaseSummary);
        }
      }
      agg.hours = [...hours].map(([hour, cases]) => ({ hour, cases }));
      return { ...agg, rest: restStream(db, desks, from, to, q, scope, refused) };
    });
}

/** A breached row's key and deadline (null: none; first, as SQL orders it). */
interface BreachCandidate {
  due: number | null;
  ref: string;
  desk: DeskId;
  receivedAt: string;
}

const TARGETS = [
  ['response', 'resp'],
  ['resolution', 'res'],
] as const;

/**
 * The summaries the aggregate left out, found by index: not usable (a partial index), changed after the
 * report's instant (by `as_of_ms`), or of a refused cover (rare: after a policy change); their documents
 * read in the same statement, by key in receipt order (one point read a summary from JavaScript cost
 * twice as much).
 */
function restStream(
  db: Db,
  desks: DeskId[],
  from: IsoInstant,
  to: IsoInstant,
  q: AggregateQuery,
  scope: string,
  refused: Map<DeskId, string[]>,
): AsyncIterable<CaseSummary> {
  const docsOf = (withRefused: boolean) =>
    db
      .prepare<Record<string, unknown>, [string]>(
        `SELECT s.doc FROM (SELECT received_at, ref FROM case_figures INDEXED BY case_figures_unusable
           WHERE ${scope} AND usable = 0
         UNION SELECT received_at, ref FROM case_figures INDEXED BY case_figures_as_of
           WHERE ${scope} AND as_of_ms > @asOf` +
          (withRefused
            ? ` UNION SELECT received_at, ref FROM case_figures WHERE ${scope}
                AND cover IN (SELECT value FROM json_each(@refused))`
            : '') +
          `) k JOIN case_summaries s ON s.desk_id = @desk AND s.received_at = k.received_at AND s.ref = k.ref
           ORDER BY k.received_at, k.ref`,
      )
      .raw(true);
  return {
    async *[Symbol.asyncIterator]() {
      for (const desk of desks) {
        const covers = refused.get(desk);
        const params = { desk, lo: from, hi: to, asOf: q.asOf, ...filterParams(q) };
        const docs = await run(() =>
          covers
            ? docsOf(true).all({ ...params, refused: JSON.stringify(covers) })
            : docsOf(false).all(params),
        );
        for (const [doc] of docs) yield JSON.parse(doc) as CaseSummary;
      }
    },
  };
}
