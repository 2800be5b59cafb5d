/**
 * The SLA report's per-(desk, month) partials on SQLite: what one desk's `case_figures` rows received in
 * one calendar month (UTC, by the first seven characters of `received_at`) add up to, summed once and
 * kept in `report_partials`, so a year's report reads twelve small documents per desk instead of
 * scanning every row of the year again.
 *
 * A partial holds the figures of the month's aggregated rows (usable, not an order) without the report
 * instant R: per cover, priority and open flag the count and the targets' met and breached counts, the
 * minutes to each met target, the receipts per hour. They are the figures the live GROUP BY gives at
 * any R at or after the partial's `stable_ms`: the latest of each row's instant (`as_of_ms`: written
 * at or before R), receipt, `*_breached_from` (a running target counts as breached from then on) and,
 * for an open case, receipt plus the last backlog bound (from then on it stays in the last age
 * bucket). Before that instant the month is scanned live. A report uses a partial only for a month
 * wholly inside its scope, wholly inside or wholly outside its period, ended by R, and unfiltered
 * (no service or organisation): the accepted covers are still decided per report. A partial also keeps
 * the month's earliest breaches per target (their keys and deadlines), so the report's earliest
 * breaches need no scan of a settled month either.
 *
 * A partial is kept only while its rows are unchanged: triggers on `case_figures` (schema step) delete
 * the partial of the month of every row inserted, replaced, updated or deleted, in the same
 * transaction as the case write (a reopened case, a late write, a receipt time moved, a case turned
 * into an order). The next report that needs the month sums it again.
 */
import { BACKLOG_BOUNDS_MS } from '../../reports/aggregate';
import { lockedOut, translate, writeNow, type Db } from './io';

/**
 * How many of a month's breaches per target a partial keeps (earliest deadlines first): the report
 * API's list (`MAX_REPORT_BREACHES`). A report asking for more reads those months' breaches live.
 */
export const PARTIAL_BREACHES = 500;

/** What a partial document holds; a stored one of another format is summed again. */
const formatOf = (breachCap: number) => `2:${BACKLOG_BOUNDS_MS.join(',')}:${breachCap}`;

/** From this age on an open case stays in the last backlog bucket. */
const OPEN_SETTLES_MS = BACKLOG_BOUNDS_MS[BACKLOG_BOUNDS_MS.length - 1]!;

export type Target = 'resp' | 'res';
export const TARGET_COLUMNS: readonly Target[] = ['resp', 'res'];

/** One month's sums (the covers by index, to keep the document small). */
export interface MonthSums {
  covers: string[];
  /** [cover, priority, open (0/1), cases, response met, response breached, resolution met, resolution breached] */
  groups: Array<[number, string, number, number, number, number, number, number]>;
  /** [target (index in TARGET_COLUMNS), cover, priority, minutes, cases] */
  spent: Array<[number, number, string, number, number]>;
  /** [cover, hour (epoch ms / 3 600 000), cases] */
  hours: Array<[number, number, number]>;
  /**
   * Per target (index in TARGET_COLUMNS), the month's earliest `PARTIAL_BREACHES` breached rows in the
   * SQL's order (no deadline first, then by deadline and reference): [cover, deadline, ref, received_at].
   */
  breaches: Array<Array<[number, number | null, string, string]>>;
  /** Per target, whether the month has more breached rows than `breaches` keeps. */
  capped: boolean[];
}

interface PartialDoc extends MonthSums {
  format: string;
}

/** A month of a desk's scope: summed once (`sums`), or read live in `live` ranges of `received_at`. */
export interface MonthPlan {
  /** The months whose partials stand for their rows at the report's instant ([lo, hi): its range). */
  used: Array<MonthSums & { inPeriod: boolean; lo: string; hi: string }>;
  /** How many breaches per target each partial keeps. */
  breachCap: number;
  /** The rest of the scope [from, to): `received_at` ranges [lo, hi) to add up live. */
  live: Array<[string, string]>;
}

export interface PlanQuery {
  periodFrom: number;
  periodTo: number;
  asOf: number;
}

const monthKey = (ms: number): string => new Date(ms).toISOString().slice(0, 7);
const nextMonth = (ms: number): number => {
  const d = new Date(ms);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
};

type Row = unknown[];

/** `breachCap`: how many breaches per target a partial keeps (tests keep fewer, to cut the lists). */
export function reportPartials(db: Db, breachCap = PARTIAL_BREACHES) {
  const FORMAT = formatOf(breachCap);
  const rows = (sql: string) => db.prepare<Record<string, unknown>, Row>(sql).raw(true);
  const month =
    'desk_id = @desk AND received_at >= @lo AND received_at < @hi AND is_order = 0 AND usable = 1';
  const groups = rows(
    `SELECT cover, priority, open, count(*), sum(resp_met), sum(resp_breached_from IS NOT NULL),
       sum(res_met), sum(res_breached_from IS NOT NULL),
       max(max(as_of_ms, received_ms, coalesce(resp_breached_from, 0), coalesce(res_breached_from, 0),
         CASE WHEN open = 1 THEN received_ms + @settles ELSE 0 END))
     FROM case_figures WHERE ${month} GROUP BY 1, 2, 3`,
  );
  const spent = TARGET_COLUMNS.map((t) =>
    rows(
      `SELECT cover, priority, ${t}_spent, count(*) FROM case_figures
       WHERE ${month} AND ${t}_spent IS NOT NULL GROUP BY 1, 2, 3`,
    ),
  );
  const hours = rows(
    `SELECT cover, received_ms / 3600000, count(*) FROM case_figures WHERE ${month} GROUP BY 1, 2`,
  );
  const breached = TARGET_COLUMNS.map((t) =>
    rows(
      `SELECT cover, ${t}_due_ms, ref, received_at FROM case_figures
       WHERE ${month} AND ${t}_breached_from IS NOT NULL ORDER BY ${t}_due_ms, ref LIMIT @limit`,
    ),
  );
  const stored = rows(
    'SELECT month, stable_ms, doc FROM report_partials WHERE desk_id = @desk AND month >= @first AND month <= @last',
  );
  const save = db.prepare(
    'INSERT OR REPLACE INTO report_partials (desk_id, month, stable_ms, doc) VALUES (?, ?, ?, ?)',
  );

  /** One month of a desk summed, and the document that keeps it. */
  const sum = (
    desk: string,
    lo: string,
    hi: string,
  ): { stableMs: number; sums: MonthSums; doc: PartialDoc } => {
    const p = { desk, lo, hi };
    const covers: string[] = [];
    const coverIndex = new Map<string, number>();
    const ci = (cover: unknown): number => {
      let i = coverIndex.get(cover as string);
      if (i === undefined) coverIndex.set(cover as string, (i = covers.push(cover as string) - 1));
      return i;
    };
    let stableMs = 0;
    const sums: MonthSums = { covers, groups: [], spent: [], hours: [], breaches: [], capped: [] };
    for (const g of groups.all({ ...p, settles: OPEN_SETTLES_MS })) {
      const n = g.slice(2, 8).map((v) => Number(v ?? 0));
      sums.groups.push([ci(g[0]), g[1] as string, n[0]!, n[1]!, n[2]!, n[3]!, n[4]!, n[5]!]);
      stableMs = Math.max(stableMs, Number(g[8] ?? 0));
    }
    spent.forEach((stmt, target) => {
      for (const [cover, priority, minutes, cases] of stmt.all(p))
        sums.spent.push([target, ci(cover), priority as string, minutes as number, cases as number]);
    });
    for (const [cover, hour, cases] of hours.all(p))
      sums.hours.push([ci(cover), hour as number, cases as number]);
    for (const stmt of breached) {
      const found = stmt.all({ ...p, limit: breachCap + 1 });
      sums.capped.push(found.length > breachCap);
      sums.breaches.push(
        found
          .slice(0, breachCap)
          .map(([cover, due, ref, receivedAt]) => [
            ci(cover),
            due as number | null,
            ref as string,
            receivedAt as string,
          ]),
      );
    }
    return { stableMs, sums, doc: { format: FORMAT, ...sums } };
  };

  /**
   * Sums one month of a desk and keeps it, in one write transaction: no write can come between. While
   * another connection (another thread, another instance on the file) holds the write lock, the month
   * is summed in a read transaction and not kept (the next report keeps it): a report does not wait.
   */
  const build = (desk: string, lo: string, hi: string): { stableMs: number; sums: MonthSums } => {
    try {
      return writeNow(db, () => {
        const r = sum(desk, lo, hi);
        save.run(desk, monthKey(Date.parse(lo)), r.stableMs, JSON.stringify(r.doc));
        return r;
      });
    } catch (err) {
      if (!lockedOut(err)) throw err;
      try {
        return db.transaction(() => sum(desk, lo, hi)).deferred();
      } catch (again) {
        throw translate(again);
      }
    }
  };

  /**
   * Which months of a desk's scope [from, to) the report takes from partials (summing and keeping the
   * missing ones), and the ranges it adds up live.
   */
  return (desk: string, from: string, to: string, q: PlanQuery): MonthPlan => {
    const plan: MonthPlan = { used: [], live: [], breachCap };
    const fromMs = Date.parse(from);
    const toMs = Date.parse(to);
    let start = Date.UTC(new Date(fromMs).getUTCFullYear(), new Date(fromMs).getUTCMonth(), 1);
    if (start < fromMs) start = nextMonth(start);
    const months: Array<{ key: string; lo: string; hi: string; inPeriod: boolean }> = [];
    for (let s = start, e = nextMonth(s); e <= toMs && e <= q.asOf; s = e, e = nextMonth(e)) {
      const inPeriod = s >= q.periodFrom && e <= q.periodTo;
      // A month straddling the period's start or end is added up live.
      if (!inPeriod && e > q.periodFrom && s < q.periodTo) continue;
      const lo = new Date(s).toISOString();
      const hi = new Date(e).toISOString();
      // Within the scope as the SQL compares it (text).
      if (lo < from || hi > to) continue;
      months.push({ key: monthKey(s), lo, hi, inPeriod });
    }
    const have = new Map<string, { stableMs: number; doc: string }>();
    if (months.length > 0)
      for (const [key, stableMs, doc] of stored.all({
        desk,
        first: months[0]!.key,
        last: months[months.length - 1]!.key,
      }))
        have.set(key as string, { stableMs: stableMs as number, doc: doc as string });
    let cursor = from;
    for (const m of months) {
      let sums: MonthSums | undefined;
      const kept = have.get(m.key);
      let doc: PartialDoc | undefined;
      if (kept && kept.stableMs <= q.asOf) doc = JSON.parse(kept.doc) as PartialDoc;
      if (doc && doc.format === FORMAT) sums = doc;
      else if (!kept || doc) {
        // Not kept (or kept in another format): summed now. Should the write fail (another
        // connection holds the write lock past the busy timeout), the month is added up live.
        let built: { stableMs: number; sums: MonthSums } | undefined;
        try {
          built = build(desk, m.lo, m.hi);
        } catch {
          built = undefined;
        }
        if (built && built.stableMs <= q.asOf) sums = built.sums;
      }
      if (!sums) continue;
      if (cursor < m.lo) plan.live.push([cursor, m.lo]);
      cursor = m.hi;
      plan.used.push({ ...sums, inPeriod: m.inPeriod, lo: m.lo, hi: m.hi });
    }
    if (cursor < to) plan.live.push([cursor, to]);
    return plan;
  };
}
