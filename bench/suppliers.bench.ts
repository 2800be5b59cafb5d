/**
 * The supplier API under load beside chat, on the embedded default (SQLite in a temp dir): employees
 * report faults through the bot endpoint (20 clients, as fast as answers come) while one supplier's
 * system calls the API from a process of its own (`suppliers-client.ts`). Phases, `BENCH_SECONDS`
 * each (default 15):
 *
 * The instance is the one-process deployment (`npm start`, one App Service site), role `all`, with the
 * supplier API in a worker thread of its own (FRISTVAKT_SUPPLIER_API_THREAD=on,
 * `bot/supplier-api-thread.ts`), the main thread forwarding its paths to it; 3b measures the default.

 *
 * 1. the supplier alone at exactly 10 000 requests a minute (the agreed load; a mix of updates,
 *    reads and new incidents on the supplier's cases): its p99 and the server's CPU per request, the
 *    process's (every thread) and the main thread's (chat's event loop: the forwarding);
 * 2. chat alone, not judged: the process and the database settle after the supplier's writes (the
 *    first chat run after them was a fifth slower, which flattered the first pair);
 * 3. both at once, in `BENCH_PAIRS` pairs (default 3) of chat alone then chat beside the supplier, one
 *    after the other: each pair gives chat's throughput and p99 beside the supplier against alone just
 *    before, and the criterion below is judged on the median of the pairs (met / MISSED). One baseline
 *    for the whole phase was not enough: chat alone moved by a fifth between runs of the same build
 *    (the database growing, the page cache, the machine), and the verdict with it;
 * 3b. the default one-process mode, FRISTVAKT_SUPPLIER_API_THREAD=off: a second app in this process on
 *    the same store with the supplier API on chat's event loop; the supplier alone (CPU per request as
 *    in 1), then the pairs of 3 on it;
 * 4. the supplier posting new incidents as fast as its limits let it (20 connections), beside chat;
 * 5. as 3, but deployed as docs/deployment.md describes with `separateSupplierApi`: the supplier calls
 *    an instance with FRISTVAKT_ROLE=supplier-api (a second app process on the same store) and chat
 *    goes to an instance with FRISTVAKT_ROLE=chat (in this process, as the instance of phases 1–4).
 *    As two instances have CPUs of their own, this process is pinned to one core and the supplier-api
 *    instance with the supplier's client to the other (`taskset`); they share the store (one SQLite
 *    file). Its pairs' chat alone runs on the chat instance, pinned the same way, after one chat run
 *    there to settle (not judged), as phase 2 before phase 3.
 * 5b. phase 6's steady chat on phase 5's two instances, pinned as there (the employees' client on the
 *    chat instance's core, the supplier's on the other);
 * 6. chat as employees report, not as fast as it can: fault reports at a steady rate (`CHAT_RATE`)
 *    from a process of their own, in `BENCH_PAIRS` pairs of alone then beside the paced supplier, on
 *    the instance of phases 1-4 (the supplier API in its thread; 6b: the default mode). Phases 3-5
 *    load chat until the machine is full, so any work beside it, and the clients' own, takes from its
 *    throughput; here chat has the cores it needs and the question is the one an employee asks: is my
 *    answer later? Each report is timed in the chat instance's server (request to answer) and at the
 *    client, with chat's event loop's delay; the criterion is judged in the server, on all pairs'
 *    reports together (`BENCH_STEADY_SECONDS` a side), as the client shares this machine's cores with
 *    the server and the supplier's client.
 *
 * In the steady phases (5b, 6, 6b) the client processes (the supplier's system, the employees) run at
 * the lowest CPU priority: they stand for other machines, so they take only the cores the server
 * leaves idle (the employees' side's figures then carry that wait too). The chat clients of phases 2-5
 * are in this process, with the server.
 *
 * CPU is this process's (`process.cpuUsage`: the server, its threads and the chat clients, not the
 * supplier's client), and its main thread's alone where said (Linux's per-thread counters); on a
 * machine shared with other work the wall-clock figures are noisy, the CPU per request less so.
 */
import { execFileSync, fork } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type { IncomingMessage, Server as HttpServer, ServerResponse } from 'node:http';
import { availableParallelism, constants as osConstants, setPriority, tmpdir } from 'node:os';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { startApp } from '../bot/app';
import { loadConfig } from '../bot/config';
import { silentLogger } from '../bot/server/logger';
import { newApiKey } from '../shared/app/supplier-keys';
import { deskId, isoInstant, serviceId, userId } from '../shared/ids';
import { supplierId } from '../shared/suppliers/model';
import { incidentBody, type ClientJob, type ClientResult } from './suppliers-client';
import { confirmsCase, goodFaultReport, startedTenMinutesAgo } from './fault-report';
import { median } from './stats';

export const name = 'suppliers: the supplier API at 10 000 requests a minute beside chat fault reports';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 15);
/**
 * Each side of a steady pair (phases 5b, 6, 6b; `BENCH_STEADY_SECONDS`, default twice `SECONDS`): at
 * 50 reports a second, 15 s gave 750 reports, whose p99 is the eighth slowest; 30 s gives 1 500.
 */
const STEADY_SECONDS = Number(process.env.BENCH_STEADY_SECONDS ?? 2 * SECONDS);
/**
 * The phases to run (`BENCH_PHASES`, e.g. `6,6b,5b`; default all). Phases 1 and 2 (the supplier alone,
 * chat settling) run whatever is chosen; 5b brings up phase 5's two instances without its pairs.
 */
const PHASES = process.env.BENCH_PHASES?.split(',').map((p) => p.trim());
const wants = (...phases: string[]) => !PHASES || phases.some((p) => PHASES.includes(p));
/** Alone/beside pairs in phases 3 and 5. */
const PAIRS = Math.max(1, Number(process.env.BENCH_PAIRS ?? 3));
const CHAT_CLIENTS = 20;
const SUPPLIER_CLIENTS = 20;
/** This machine's cores, read before any pinning (which the count would then follow). */
const CORES = availableParallelism();
/** The agreed load: 10 000 requests a minute from one supplier. */
const SUPPLIER_RATE = 10_000 / 60;
/** Cases the supplier holds before the phases (its own incidents), which the updates go to. */
const SUPPLIER_CASES = 300;
/**
 * "Must not slow chat down", as a figure: beside the supplier at 10 000 a minute chat keeps at least
 * 90 % of its throughput alone and its latency (p99 in phases 3 and 5; p50 and p99 in phase 6) grows by
 * at most 10 %, while the supplier gets at least 99 % of its rate answered (no 429).
 */
const CRITERION = { chatThroughput: 0.9, chatLatency: 1.1, supplierRate: 0.99 };

interface Tally {
  ok: number;
  limited: number;
  failed: number;
  ms: number[];
}
const tally = (): Tally => ({ ok: 0, limited: 0, failed: 0, ms: [] });

const percentile = (ms: number[], p: number): number => {
  const s = [...ms].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(p * s.length))] ?? NaN;
};

function summary(label: string, t: Tally, seconds: number): string {
  const at = (p: number) => percentile(t.ms, p).toFixed(1);
  return (
    `${label}: ${(t.ok / seconds).toFixed(0)}/s (${t.ok} ok` +
    `${t.limited ? `, ${t.limited} refused 429` : ''}${t.failed ? `, ${t.failed} failed` : ''}), ` +
    `p50 ${at(0.5)} ms, p99 ${at(0.99)} ms`
  );
}

/** Runs `clients` loops of `once` until `until`; each answer's status decides where it counts. */
async function load(clients: number, until: number, once: (i: number) => Promise<number>, t: Tally) {
  await Promise.all(
    Array.from({ length: clients }, async (_, i) => {
      while (Date.now() < until) {
        const t0 = performance.now();
        const status = await once(i).catch(() => 0);
        const ms = performance.now() - t0;
        if (status === 200 || status === 201) {
          t.ok += 1;
          t.ms.push(ms);
        } else if (status === 429) t.limited += 1;
        else t.failed += 1;
      }
    }),
  );
}

/**
 * Pins a process (all its threads) to the given CPU cores with util-linux's `taskset`, as two App
 * Service instances each have CPUs of their own. False where that cannot be done (no taskset, fewer
 * cores): the phase then runs unpinned and says so.
 */
function pin(pid: number, cores: string): boolean {
  if (CORES < 2) return false;
  try {
    execFileSync('taskset', ['-a', '-p', '-c', cores, String(pid)], { stdio: 'ignore' });
  } catch {
    // A thread that ended while taskset went through them fails the call: the check below decides.
  }
  try {
    const allowed = /Cpus_allowed_list:\s*(\S+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return allowed === cores;
  } catch {
    return false;
  }
}

/**
 * The steady phases' client processes' CPU priority: the lowest. Clients stand for other machines (the
 * supplier's case tool, employees' Teams through Bot Service), so where they and the server both want
 * one of this machine's cores, the server runs first; at a steady load they still get the cores the
 * server leaves idle (the schedule's lag, `maxLagMs`, shows if they did not). Not in the phases that
 * load chat until the cores are full: there a client at the lowest priority got no core in time (the
 * supplier sent 119 a second instead of 167).
 */
const STEADY_CLIENT_NICE = osConstants.priority.PRIORITY_LOW;

/**
 * A client (the supplier's system, or employees in phases 5b and 6): a child process running one job
 * of `suppliers-client.ts`, pinned to `cores` and at CPU priority `nice` when given.
 */
function clientProcess(job: ClientJob, cores?: string, nice?: number): Promise<ClientResult> {
  return new Promise((resolve, reject) => {
    const child = fork(join(__dirname, 'suppliers-client.js'), [], { stdio: 'inherit' });
    if (nice !== undefined && child.pid !== undefined) setPriority(child.pid, nice);
    if (cores !== undefined && child.pid !== undefined) pin(child.pid, cores);
    child.once('message', (m) => resolve(m as ClientResult));
    child.once('error', reject);
    child.once('exit', (code) => {
      if (code !== 0) reject(new Error(`supplier client exited with ${code}`));
    });
    child.send(job);
  });
}

/** Process CPU (user + system) in ms while `fn` runs. */
async function cpuMs<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const before = process.cpuUsage();
  const out = await fn();
  const used = process.cpuUsage(before);
  return [out, (used.user + used.system) / 1000];
}

/** Clock ticks a second of Linux's CPU counters. */
const TICKS = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
})();

/** The main thread's CPU (user + system) so far in ms, from /proc (NaN where there is none). */
function mainThreadCpu(): number {
  try {
    const stat = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8');
    // Fields after the command's closing parenthesis: utime and stime are the 12th and 13th.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS;
  } catch {
    return NaN;
  }
}

/** The process's and its main thread's CPU in ms while `fn` runs. */
async function cpuSplitMs<T>(fn: () => Promise<T>): Promise<[T, number, number]> {
  const main = mainThreadCpu();
  const [out, all] = await cpuMs(fn);
  return [out, all, mainThreadCpu() - main];
}

/** Polls until `ok` answers true (a thread's catalogue seeing a new supplier), at most 30 s. */
async function until(ok: () => Promise<boolean>): Promise<void> {
  const end = Date.now() + 30_000;
  while (!(await ok())) {
    if (Date.now() > end) throw new Error('gave up waiting');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** One pair of a judged phase: chat alone, then chat beside the paced supplier. */
interface Pair {
  alone: Tally;
  chat: Tally;
  paced: ClientResult;
}

const throughputRatio = (p: Pair) => p.chat.ok / p.alone.ok;
const p99Ratio = (p: Pair) => percentile(p.chat.ms, 0.99) / percentile(p.alone.ms, 0.99);
const pct = (x: number) => `${(x * 100).toFixed(0)} %`;

/**
 * The supplier's part of every criterion: in each pair at least `CRITERION.supplierRate` of 10 000 a
 * minute answered, and no 429; with its words for the verdict's line.
 */
function supplierServed(paced: ClientResult[], seconds = SECONDS): { met: boolean; text: string } {
  const achieved = Math.min(...paced.map((r) => (r.ok * 60) / seconds));
  const limited = paced.reduce((n, r) => n + r.limited, 0);
  return {
    met: achieved >= CRITERION.supplierRate * 10_000 && limited === 0,
    text: `supplier ${achieved.toFixed(0)}/min at the least${limited ? ` (${limited} refused)` : ''}`,
  };
}

/** The criterion's supplier clause, as each verdict's line states it. */
const SUPPLIER_CLAUSE = `supplier >= ${Math.round(CRITERION.supplierRate * 100)} % of 10 000/min answered, no 429`;

/**
 * The criterion's line, on the median of the pairs' ratios: chat beside the paced supplier against
 * chat alone just before it; the supplier must have been answered in every pair.
 */
function verdict(pairs: Pair[]): string {
  const thr = median(pairs.map(throughputRatio));
  const p99 = median(pairs.map(p99Ratio));
  const supplier = supplierServed(pairs.map((p) => p.paced));
  const met = thr >= CRITERION.chatThroughput && p99 <= CRITERION.chatLatency && supplier.met;
  return (
    `   criterion (chat throughput >= ${Math.round(CRITERION.chatThroughput * 100)} % and p99 <= ` +
    `${Math.round(CRITERION.chatLatency * 100)} % of alone, medians of ${pairs.length} pairs; ${SUPPLIER_CLAUSE}): ` +
    `chat throughput ${pct(thr)} (${pairs.map((p) => pct(throughputRatio(p))).join(', ')}), p99 ${pct(p99)} ` +
    `(${pairs.map((p) => pct(p99Ratio(p))).join(', ')}), ${supplier.text} -> ${met ? 'met' : 'MISSED'}`
  );
}

/**
 * Phase 6's chat: employees' fault reports at this steady rate (a second; `BENCH_CHAT_RATE`), from a
 * process of their own. 50 a second is 3 000 fault reports a minute: the store bench's year of 200 000
 * cases averages under one every 30 s in office hours, and a fellesfeil brings tens in minutes.
 */
const CHAT_RATE = Number(process.env.BENCH_CHAT_RATE ?? 50);

/** One side of a phase 6 pair: chat's answers at both ends and its event loop's delay. */
interface Steady {
  /** As the employees' side got them (the client process). */
  client: ClientResult;
  /** Each report in the chat instance's server, from its request to its answer (ms). */
  server: number[];
  /** The chat instance's event loop's delay while it ran: p99 and max (ms). */
  loopP99: number;
  loopMax: number;
}

interface SteadyPair {
  alone: Steady;
  beside: Steady;
  paced: ClientResult;
}

/**
 * Times each fault report in `server` (the chat instance's HTTP server) from its request to its answer
 * into `into()`'s array: the server's own share of what the employee waits for, without the client's.
 */
function timeReports(server: HttpServer, into: () => number[]): void {
  server.prependListener('request', (req: IncomingMessage, res: ServerResponse) => {
    if (req.url !== '/api/messages') return;
    const t0 = performance.now();
    res.once('finish', () => into().push(performance.now() - t0));
  });
}

/** Runs `fn` with the event loop's delay sampled every millisecond: its p99 and max in ms. */
async function withLoopDelay<T>(fn: () => Promise<T>): Promise<[T, number, number]> {
  const h = monitorEventLoopDelay({ resolution: 1 });
  h.enable();
  try {
    const out = await fn();
    return [out, h.percentile(99) / 1e6, h.max / 1e6];
  } finally {
    h.disable();
  }
}

const ms1 = (x: number) => x.toFixed(1);

function steadyLine(label: string, s: Steady): string {
  const c = s.client;
  return (
    `${label}: ${c.ok} of ${c.sent} answered${c.failed ? ` (${c.failed} failed: ${JSON.stringify(c.failures)})` : ''}; ` +
    `in the server p50 ${ms1(percentile(s.server, 0.5))} ms, p99 ${ms1(percentile(s.server, 0.99))} ms; ` +
    `at the employees' side p50 ${ms1(percentile(c.ms, 0.5))} ms, p99 ${ms1(percentile(c.ms, 0.99))} ms; ` +
    `chat's event loop delay p99 ${ms1(s.loopP99)} ms, max ${ms1(s.loopMax)} ms`
  );
}

/**
 * Phase 6's criterion, on every pair's reports taken together (a side's 1 500 reports give a p99 that
 * is their fifteenth slowest, which moved by a fifth between runs of chat alone; the pairs' reports
 * together give one as many times better founded): in the chat instance's server, chat's median and
 * p99 beside the supplier at most 10 % above alone, every report answered, and the supplier answered
 * at its rate. Each pair's ratios are printed too, and how far chat alone's p99 moved from pair to
 * pair: a ratio within that spread is not yet a slowdown, one past it is. The employees' side is
 * printed as well: on this machine their client shares the cores with the server and the supplier's
 * client, so its tail also carries their contention.
 */
function steadyVerdict(pairs: SteadyPair[]): string {
  /** Quantile `q` of `of` beside the supplier against alone: in `these` pairs' reports together. */
  const ratio = (of: (s: Steady) => number[], q: number, these = pairs) =>
    percentile(
      these.flatMap((p) => of(p.beside)),
      q,
    ) /
    percentile(
      these.flatMap((p) => of(p.alone)),
      q,
    );
  const server = (s: Steady) => s.server;
  const client = (s: Steady) => s.client.ms;
  const p50 = ratio(server, 0.5);
  const p99 = ratio(server, 0.99);
  const aloneP99 = pairs.map((p) => percentile(p.alone.server, 0.99));
  const unanswered = pairs.reduce((n, p) => n + p.alone.client.failed + p.beside.client.failed, 0);
  const supplier = supplierServed(
    pairs.map((p) => p.paced),
    STEADY_SECONDS,
  );
  const met =
    p50 <= CRITERION.chatLatency && p99 <= CRITERION.chatLatency && unanswered === 0 && supplier.met;
  const each = (q: number) => pairs.map((p) => pct(ratio(server, q, [p]))).join(', ');
  return (
    `   criterion (in the server, chat's p50 and p99 beside <= ${Math.round(CRITERION.chatLatency * 100)} % of alone, ` +
    `the ${pairs.length} pairs' reports together; every report answered; ${SUPPLIER_CLAUSE}): ` +
    `p50 ${pct(p50)} (pairs ${each(0.5)}), p99 ${pct(p99)} (pairs ${each(0.99)}; ` +
    `alone's own p99 ${ms1(Math.min(...aloneP99))}-${ms1(Math.max(...aloneP99))} ms from pair to pair), ` +
    `${unanswered} unanswered, ${supplier.text} -> ${met ? 'met' : 'MISSED'}; at the employees' side ` +
    `p50 ${pct(ratio(client, 0.5))}, p99 ${pct(ratio(client, 0.99))}`
  );
}

/** A supplier-api instance on the same store, in its own process (`suppliers-instance.ts`). */
async function secondInstance(
  dataDir: string,
): Promise<{ url: string; pid: number | undefined; close(): Promise<void> }> {
  const child = fork(join(__dirname, 'suppliers-instance.js'), [], { stdio: 'inherit' });
  const url = await new Promise<string>((resolve, reject) => {
    child.once('message', (m) => resolve(String(m)));
    child.once('error', reject);
    child.send(dataDir);
  });
  return {
    url,
    pid: child.pid,
    close: () =>
      new Promise((resolve) => {
        child.once('exit', () => resolve());
        child.send('close');
      }),
  };
}

export async function run(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'fristvakt-bench-suppliers-'));
  const config = {
    ...loadConfig({ FRISTVAKT_DATA_DIR: dir, FRISTVAKT_ENV: 'test', FRISTVAKT_SUPPLIER_API_THREAD: 'on' }),
    port: 0,
    host: '127.0.0.1',
  };
  const app = await startApp(config, { log: silentLogger, jobs: false });
  /** A second app in this process on the same store, with `env` beside the bench's own settings. */
  const anotherInstance = (env: Record<string, string>) =>
    startApp(
      {
        ...loadConfig({ FRISTVAKT_DATA_DIR: dir, FRISTVAKT_ENV: 'test', FRISTVAKT_SEED: 'off', ...env }),
        port: 0,
        host: '127.0.0.1',
      },
      { log: silentLogger, jobs: false },
    );
  const serviceUrl = 'http://127.0.0.1:9/';
  try {
    const ror = (await app.store.desks.get(deskId('ror-ikt')))!;
    await app.store.desks.put(
      { ...ror.value, triageChannel: { teamId: 'team-1', channelId: '19:triage@thread.tacv2', serviceUrl } },
      ror.version,
    );
    const at = isoInstant(new Date());
    const key = newApiKey(supplierId('bench-drift'), at, userId('bench'));
    await app.store.admin.putSupplier(
      {
        id: supplierId('bench-drift'),
        name: 'Bench Drift',
        operates: ['infrastructure'],
        serviceIds: [serviceId('ror-nettverk')],
        deskId: deskId('ror-ikt'),
        phone: '+47 22 00 00 00',
        email: 'drift@bench.example',
        entraAppIds: [],
        apiKeys: [key.stored],
      },
      undefined,
      {
        id: 'bench',
        at,
        actor: { id: userId('bench') },
        objectType: 'supplier',
        objectId: 'bench-drift',
        action: 'create',
        after: {},
      },
    );
    app.catalogue.invalidate();
    // The supplier API's thread sees the new supplier through the store's catalogue marker.
    await until(async () => {
      const r = await fetch(`${app.url}/api/suppliers/v1/cases/FV-2000-000001`, {
        headers: { 'X-Api-Key': key.text },
      });
      return r.status === 404;
    });
    if (!app.supplierApiThread) throw new Error('the supplier API is not in a thread of its own');

    const started = startedTenMinutesAgo();
    const reportTo = (base: string) => (i: number) =>
      fetch(`${base}/api/messages`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: goodFaultReport(i, serviceUrl, started),
      }).then(async (r) => (confirmsCase(await r.text()) ? r.status : 500));
    const report = reportTo(app.url);
    // The cases the supplier holds: its own incidents, reported before the phases (in batches of 10).
    const refs: string[] = [];
    for (let i = 0; i < SUPPLIER_CASES; i += 10) {
      const batch = await Promise.all(
        Array.from({ length: 10 }, (_, j) =>
          fetch(`${app.url}/api/suppliers/v1/incidents`, {
            method: 'POST',
            headers: { 'Content-Type': 'application/json', 'X-Api-Key': key.text },
            body: incidentBody(`SETUP-${i + j}-${randomUUID()}`),
          }).then(async (r) => ((await r.json()) as { reference: string }).reference),
        ),
      );
      refs.push(...batch);
    }
    const job: ClientJob = {
      url: app.url,
      key: key.text,
      refs,
      rate: SUPPLIER_RATE,
      clients: 0,
      seconds: SECONDS,
    };
    const supplierLine = (label: string, r: ClientResult, seconds = SECONDS) =>
      `${summary(label, r, seconds)}; sent ${(r.sent / seconds).toFixed(0)}/s` +
      (label.includes('paced') ? `, schedule lag max ${r.maxLagMs.toFixed(0)} ms` : '') +
      (r.failed ? `; failed: ${JSON.stringify(r.failures)}` : '');

    console.log(
      `${CHAT_CLIENTS} chat clients (closed loop); the supplier in its own process; ${SECONDS} s per phase; ` +
        `supplier mix per 20: 1 incident, 8 comments, 5 status, 2 case numbers, 4 reads on ${SUPPLIER_CASES} cases`,
    );
    /** Chat alone on the instance at `base` for one phase, with this process's CPU. */
    const chatAlone = async (base: string): Promise<[Tally, number]> => {
      const t = tally();
      const [, cpu] = await cpuMs(() => load(CHAT_CLIENTS, Date.now() + SECONDS * 1000, reportTo(base), t));
      return [t, cpu];
    };
    /**
     * One judged pair: chat alone on the instance at `base`, then chat there beside the paced supplier
     * (`supplier`, its client pinned to `cores` when given), each with this process's CPU.
     */
    const pairOn = async (
      base: string,
      supplier: ClientJob,
      cores?: string,
    ): Promise<Pair & { aloneCpu: number; chatCpu: number }> => {
      const [alone, aloneCpu] = await chatAlone(base);
      const chat = tally();
      const until = Date.now() + SECONDS * 1000;
      const [[paced], chatCpu] = await cpuMs(() =>
        Promise.all([clientProcess(supplier, cores), load(CHAT_CLIENTS, until, reportTo(base), chat)]),
      );
      return { alone, aloneCpu, chat, chatCpu, paced };
    };
    /** The supplier alone, paced, against the instance at `base`: its line with the server's CPU. */
    const pacedAloneOn = async (label: string, base: string): Promise<void> => {
      const [r, all, main] = await cpuSplitMs(() => clientProcess({ ...job, url: base }));
      const per = (ms: number) => (ms / Math.max(1, r.ok)).toFixed(2);
      console.log(
        `${supplierLine(label, r)}; server CPU per request ${per(all)} ms (${((all / (SECONDS * 1000)) * 100).toFixed(0)} % of a core), ` +
          `of which on the main thread (chat's event loop) ${per(main)} ms`,
      );
    };
    await pacedAloneOn('1. supplier paced at 10 000/min alone', app.url);

    const [alone, aloneCpu] = await chatAlone(app.url);
    console.log(
      `${summary('2. chat fault reports alone (settling, not judged)', alone, SECONDS)}; CPU ` +
        `${(aloneCpu / alone.ok).toFixed(2)} ms per report`,
    );

    /** The judged pairs of phase `phase` on the instance at `base`, each printed, then the verdict. */
    const judgedPairs = async (phase: string, base: string): Promise<string> => {
      const pairs: Pair[] = [];
      for (let i = 1; i <= PAIRS; i++) {
        const p = await pairOn(base, { ...job, url: base });
        pairs.push(p);
        console.log(summary(`${phase} pair ${i}: chat fault reports alone`, p.alone, SECONDS));
        console.log(supplierLine(`${phase} pair ${i}: supplier paced at 10 000/min beside chat`, p.paced));
        console.log(summary(`${phase} pair ${i}: chat fault reports meanwhile`, p.chat, SECONDS));
      }
      return verdict(pairs);
    };
    /**
     * Steady phase `id` (5b, 6, 6b; unless not chosen) on the instance at `base` served by `server`:
     * chat at `CHAT_RATE` alone, then beside the paced supplier, in pairs; each printed, then the verdict.
     */
    const steadyPhase = async (
      id: string,
      what: string,
      base: string,
      server: HttpServer,
      apart?: { supplierUrl: string; chatCores?: string; supplierCores?: string },
    ): Promise<void> => {
      if (!wants(id)) return;
      const phase = `${id}. ${what}:`;
      let times: number[] = [];
      timeReports(server, () => times);
      const chatJob: ClientJob = {
        ...job,
        url: base,
        rate: CHAT_RATE,
        seconds: STEADY_SECONDS,
        chat: { serviceUrl },
      };
      const chatClient = () => clientProcess(chatJob, apart?.chatCores, STEADY_CLIENT_NICE);
      const side = async (run: () => Promise<ClientResult>): Promise<Steady> => {
        times = [];
        const [client, loopP99, loopMax] = await withLoopDelay(run);
        return { client, server: times, loopP99, loopMax };
      };
      const pairs: SteadyPair[] = [];
      for (let i = 1; i <= PAIRS; i++) {
        const alone = await side(chatClient);
        let paced: ClientResult | undefined;
        const beside = await side(async () => {
          const [chat, supplier] = await Promise.all([
            chatClient(),
            clientProcess(
              { ...job, url: apart?.supplierUrl ?? base, seconds: STEADY_SECONDS },
              apart?.supplierCores,
              STEADY_CLIENT_NICE,
            ),
          ]);
          paced = supplier;
          return chat;
        });
        pairs.push({ alone, beside, paced: paced! });
        console.log(steadyLine(`${phase} pair ${i}: chat at ${CHAT_RATE}/s alone`, alone));
        console.log(
          supplierLine(
            `${phase} pair ${i}: supplier paced at 10 000/min beside chat`,
            paced!,
            STEADY_SECONDS,
          ),
        );
        console.log(steadyLine(`${phase} pair ${i}: chat at ${CHAT_RATE}/s meanwhile`, beside));
      }
      console.log(steadyVerdict(pairs));
    };
    if (wants('3')) console.log(await judgedPairs('3.', app.url));

    // The default one-process mode, for comparison: the supplier API on chat's event loop.
    const inLoop = wants('3b') ? await anotherInstance({ FRISTVAKT_SUPPLIER_API_THREAD: 'off' }) : undefined;
    if (inLoop)
      try {
        if (inLoop.supplierApiThread) throw new Error('the default mode has a supplier API thread');
        const old = '3b. FRISTVAKT_SUPPLIER_API_THREAD=off (the default: on chat’s event loop):';
        await pacedAloneOn(`${old} supplier paced alone`, inLoop.url);
        console.log(await judgedPairs(old, inLoop.url));
      } finally {
        await inLoop.close();
      }

    if (wants('4')) {
      const chat2 = tally();
      const until2 = Date.now() + SECONDS * 1000;
      const [flood] = await Promise.all([
        clientProcess({ ...job, rate: 0, clients: SUPPLIER_CLIENTS, incidentsOnly: true }),
        load(CHAT_CLIENTS, until2, report, chat2),
      ]);
      console.log(
        summary(`4. supplier incidents as fast as allowed (${SUPPLIER_CLIENTS} connections)`, flood, SECONDS),
      );
      console.log(summary('4. chat fault reports meanwhile', chat2, SECONDS));
    }

    // The deployment option: suppliers call a supplier-api instance (here a second process on the
    // same SQLite file; in Azure its own site on its own App Service plan, on the same Cosmos account).
    if (wants('5', '5b')) {
      const other = await secondInstance(dir);
      const chatOnly = await anotherInstance({ FRISTVAKT_ROLE: 'chat' });
      try {
        // Each instance serves only its surfaces (else the phase would not measure the deployment).
        const misdirected = await fetch(`${chatOnly.url}/api/suppliers/v1/openapi.json`);
        const notChat = await fetch(`${other.url}/api/messages`, { method: 'POST' });
        if (misdirected.status !== 404 || notChat.status !== 404)
          throw new Error(`instance roles not applied: ${misdirected.status}, ${notChat.status}`);
        // Two instances have CPUs of their own: this process (the chat instance and its clients) on the
        // first core, the supplier-api instance and the supplier's system on the second. What they share
        // is the store (one SQLite file here), whose contention the phase keeps. Each pair's chat alone runs
        // on the chat instance, pinned the same way; after the pairs this process has both cores again.
        const pinned = pin(process.pid, '0') && other.pid !== undefined && pin(other.pid, '1');
        console.log(
          pinned
            ? '5. chat instance (this process) pinned to core 0, supplier-api instance and supplier client to core 1'
            : '5. not pinned (no taskset or one core): both instances share every core',
        );
        const [settle] = await chatAlone(chatOnly.url);
        console.log(
          summary('5. chat fault reports alone (chat instance; settling, not judged)', settle, SECONDS),
        );
        const apartPairs: Pair[] = [];
        for (let i = 1; i <= (wants('5') ? PAIRS : 0); i++) {
          const p = await pairOn(chatOnly.url, { ...job, url: other.url }, pinned ? '1' : undefined);
          apartPairs.push(p);
          console.log(
            `${summary(`5. pair ${i}: chat fault reports alone (chat instance)`, p.alone, SECONDS)}; CPU ` +
              `${(p.aloneCpu / Math.max(1, p.alone.ok)).toFixed(2)} ms per report`,
          );
          console.log(
            supplierLine(`5. pair ${i}: supplier paced at 10 000/min on a supplier-api instance`, p.paced),
          );
          // This process holds the chat instance and the chat clients, as in phases 2-4; the supplier-api
          // instance's CPU is its own process's. On machines of their own (the deployment) this per-report
          // figure is what the supplier can still cost chat: on a machine shared by both processes the
          // wall-clock figures also carry their contention for its cores.
          console.log(
            `${summary(`5. pair ${i}: chat fault reports meanwhile (chat instance)`, p.chat, SECONDS)}; CPU ` +
              `${(p.chatCpu / Math.max(1, p.chat.ok)).toFixed(2)} ms per report (alone: ${(p.aloneCpu / Math.max(1, p.alone.ok)).toFixed(2)})`,
          );
        }
        if (apartPairs.length) console.log(verdict(apartPairs));
        // Phase 6's steady chat on the same two instances, pinned the same way; the employees' client
        // (light at this rate) on the chat instance's core, the supplier's on the other.
        await steadyPhase(
          '5b',
          'supplier-api instance of its own',
          chatOnly.url,
          chatOnly.server.server,
          pinned
            ? { supplierUrl: other.url, chatCores: '0', supplierCores: '1' }
            : { supplierUrl: other.url },
        );
        if (pinned) pin(process.pid, `0-${CORES - 1}`);
      } finally {
        await chatOnly.close();
        await other.close();
      }
    }

    // Chat at a steady rate, as employees report, beside the supplier: with the supplier API in its
    // thread (this instance), then in the default mode (on chat's event loop).
    await steadyPhase(
      '6',
      'supplier API thread (FRISTVAKT_SUPPLIER_API_THREAD=on)',
      app.url,
      app.server.server,
    );
    const inLoopAgain = wants('6b')
      ? await anotherInstance({ FRISTVAKT_SUPPLIER_API_THREAD: 'off' })
      : undefined;
    if (inLoopAgain)
      try {
        await steadyPhase(
          '6b',
          'FRISTVAKT_SUPPLIER_API_THREAD=off (the default)',
          inLoopAgain.url,
          inLoopAgain.server.server,
        );
      } finally {
        await inLoopAgain.close();
      }
  } finally {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
