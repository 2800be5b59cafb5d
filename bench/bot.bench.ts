/**
 * The bot end to end: fault reports per second through the HTTP endpoint on the embedded
 * default (SQLite in a temp dir), with 50 concurrent clients. Each report is one `fault.submit`
 * invoke (a fresh card key, valid answers) → checked → case stored (with the triage post in the same
 * store write: ROR-IKT gets a triage channel) → confirmation card in the HTTP body. p50/p99 latency.
 * In the same run, a bare echo bot on the same adapter class and server (restify + CloudAdapter,
 * answering the same invoke with a one-line card) gives the ceiling, and the ratio.
 *
 * The two alternate in `BENCH_PAIRS` pairs (default 3: reports, echo, reports, echo, …), and the ratio
 * is judged on the median of the pairs': one pair moved by several points from run to run of the same
 * build (the machine, the database growing), more than most changes worth measuring. Before the pairs,
 * one round of each settles the process (printed, not judged).
 *
 * Duration per phase: `BENCH_SECONDS` (default 15) after a 2 s warm-up. Target: >= 300 reports/s,
 * p99 < 100 ms (2 cores).
 */
import { Agent, request } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { ActivityTypes, type TurnContext } from 'botbuilder';
import { startApp } from '../bot/app';
import { loadConfig } from '../bot/config';
import { FristvaktAdapter } from '../bot/server/adapter';
import { createBotAuthentication } from '../bot/server/auth';
import { createServer } from '../bot/server/create-server';
import { messagesHandler } from '../bot/server/messages';
import { silentLogger } from '../bot/server/logger';
import { card, text } from '../bot/cards/card';
import { invokeBody } from '../bot/conversation/invoke';
import { deskId } from '../shared/ids';
import { confirmsCase, faultReportInvoke, startedTenMinutesAgo } from './fault-report';
import { median } from './stats';

export const name = 'bot: fault reports end to end';

const CLIENTS = 50;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 15);
const PAIRS = Math.max(1, Number(process.env.BENCH_PAIRS ?? 3));
const WARMUP_MS = 2_000;

const ANSWERS = {
  desk: 'ror-ikt',
  service: 'ror-visma',
  org: 'molde',
  title: 'Lønnsslippen vises ikke',
  symptom: 'Siden for lønnsslipp er blank etter innlogging',
  triedSoFar: 'Logget ut og inn igjen',
  scope: 'me',
  availability: 'partial',
  reporterRole: 'employee',
  testContact: '',
  followers: '',
};

interface PhaseResult {
  ok: number;
  failed: number;
  seconds: number;
  latencies: number[];
  /** This process's CPU time (user + system) over the measured window, in ms: server and clients. */
  cpuMs: number;
}

async function phase(
  url: string,
  makeBody: (client: number) => string,
  check: (body: string) => boolean,
): Promise<PhaseResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: CLIENTS });
  const target = new URL(`${url}/api/messages`);
  const post = (body: string): Promise<{ status: number; body: string }> =>
    new Promise((resolve, reject) => {
      const req = request(
        {
          agent,
          host: target.hostname,
          port: target.port,
          path: target.pathname,
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () =>
            resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }),
          );
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  const result: PhaseResult = { ok: 0, failed: 0, seconds: 0, latencies: [], cpuMs: 0 };
  const started = Date.now();
  const measureFrom = started + WARMUP_MS;
  let cpuFrom = process.cpuUsage();
  const cpuStart = setTimeout(() => (cpuFrom = process.cpuUsage()), WARMUP_MS);
  const end = measureFrom + SECONDS * 1000;
  const loop = async (client: number): Promise<void> => {
    while (Date.now() < end) {
      const t0 = process.hrtime.bigint();
      const res = await post(makeBody(client));
      const ms = Number(process.hrtime.bigint() - t0) / 1e6;
      if (Date.now() < measureFrom) continue;
      if (res.status === 200 && check(res.body)) {
        result.ok++;
        result.latencies.push(ms);
      } else result.failed++;
    }
  };
  await Promise.all(Array.from({ length: CLIENTS }, (_, i) => loop(i)));
  result.seconds = (Date.now() - measureFrom) / 1000;
  clearTimeout(cpuStart);
  const cpu = process.cpuUsage(cpuFrom);
  result.cpuMs = (cpu.user + cpu.system) / 1000;
  agent.destroy();
  return result;
}

const pct = (sorted: number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

const rateOf = (r: PhaseResult): number => r.ok / r.seconds;

function report(label: string, r: PhaseResult): number {
  const sorted = [...r.latencies].sort((a, b) => a - b);
  const rate = rateOf(r);
  console.log(
    `${label}: ${rate.toFixed(0)}/s over ${r.seconds.toFixed(1)} s (${r.ok} ok, ${r.failed} failed), ` +
      `p50 ${pct(sorted, 50).toFixed(1)} ms, p99 ${pct(sorted, 99).toFixed(1)} ms, max ${(sorted.at(-1) ?? NaN).toFixed(1)} ms, ` +
      `CPU ${cpuPerRequest(r).toFixed(3)} ms a request`,
  );
  return rate;
}

/** CPU time of this process (server and clients) per successful request over the measured window. */
const cpuPerRequest = (r: PhaseResult): number => r.cpuMs / Math.max(1, r.ok + r.failed);

export async function run(): Promise<void> {
  console.log(
    `${CLIENTS} concurrent clients, ${SECONDS} s per phase after ${WARMUP_MS / 1000} s warm-up (BENCH_SECONDS)`,
  );
  const dir = mkdtempSync(join(tmpdir(), 'fristvakt-bench-bot-'));
  const config = {
    ...loadConfig({ FRISTVAKT_DATA_DIR: dir, FRISTVAKT_ENV: 'test' }),
    port: 0,
    host: '127.0.0.1',
  };
  const app = await startApp(config, { log: silentLogger, jobs: false });
  const serviceUrl = 'http://127.0.0.1:9/'; // never called on this path: the confirmation is the invoke response
  try {
    // The channel's triage post goes into the outbox in the same store write as the case.
    const ror = (await app.store.desks.get(deskId('ror-ikt')))!;
    await app.store.desks.put(
      { ...ror.value, triageChannel: { teamId: 'team-1', channelId: '19:triage@thread.tacv2', serviceUrl } },
      ror.version,
    );
    app.catalogue.invalidate();

    // The bare echo bot: same adapter class, same auth setup, same restify server and error handling.
    const auth = createBotAuthentication(config.bot);
    const adapter = new FristvaktAdapter(auth);
    const echoCard = invokeBody({ card: card([text('ok')]) });
    const logic = async (context: TurnContext): Promise<void> => {
      await context.sendActivity({ type: ActivityTypes.InvokeResponse, value: echoCard });
    };
    const server = createServer(
      [
        {
          method: 'post',
          path: '/api/messages',
          name: 'echo',
          handler: messagesHandler({ adapter, auth, logic, log: silentLogger }),
        },
      ],
      silentLogger,
    );
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    const echoUrl = `http://127.0.0.1:${server.address().port}`;

    try {
      const started = startedTenMinutesAgo();
      const reportPhase = () =>
        phase(
          app.url,
          (client) =>
            faultReportInvoke(client, serviceUrl, { clientKey: randomUUID(), ...ANSWERS, ...started }),
          confirmsCase,
        );
      const echoPhase = () =>
        phase(
          echoUrl,
          (client) => faultReportInvoke(client, serviceUrl, { clientKey: 'x' }),
          (b) => b.includes('"statusCode":200'),
        );
      // One round to settle first, not judged: a report's path is far more code than the echo's, and
      // V8 was still compiling it in the first pair (its CPU a report fell by a fifth from the first
      // pair to the third, the echo's did not). A server that runs for days serves warm.
      report('settling (not judged): fault reports', await reportPhase());
      report('settling (not judged): bare echo bot', await echoPhase());
      const pairs: Array<{ reports: PhaseResult; echo: PhaseResult }> = [];
      for (let i = 1; i <= PAIRS; i++) {
        const reports = await reportPhase();
        report(`pair ${i}: fault reports (submit → case + triage post stored → confirmation)`, reports);
        const echo = await echoPhase();
        report(`pair ${i}: bare echo bot (same adapter and server)`, echo);
        pairs.push({ reports, echo });
      }
      const stored = (await app.store.cases.listByReporter('bench-user-0' as never, { limit: 1 })).items
        .length;
      const triage = (await app.store.outbox.listDue('2100-01-01T00:00:00.000Z' as never, 1_000_000)).filter(
        (m) => m.id.endsWith(':triage'),
      ).length;
      const reportsOk = pairs.reduce((n, p) => n + p.reports.ok, 0);
      console.log(
        `  stored: cases for client 0 ≥ ${stored}; triage posts in the outbox: ${triage} (reports answered in the measured windows: ${reportsOk}; the warm-ups also report)`,
      );
      const shares = pairs.map((p) => (rateOf(p.reports) / rateOf(p.echo)) * 100);
      const share = median(shares);
      console.log(
        `  fault reports / echo: ${share.toFixed(1)} % (median of ${shares.map((x) => `${x.toFixed(1)} %`).join(', ')}); ` +
          `goal >= 40 %: ${share >= 40 ? 'met' : 'MISSED'} (also wanted: >= 300 reports/s, p99 < 100 ms)`,
      );
      // The same ratio from CPU time: what the rates would give if neither phase waited on the disk or
      // on other processes (a loaded machine slows the reports' synchronous SQLite writes far more).
      const echoCpu = median(pairs.map((p) => cpuPerRequest(p.echo)));
      const reportCpu = median(pairs.map((p) => cpuPerRequest(p.reports)));
      console.log(
        `  by CPU time a request (medians): echo ${echoCpu.toFixed(3)} ms / report ${reportCpu.toFixed(3)} ms = ` +
          `${((echoCpu / reportCpu) * 100).toFixed(1)} %`,
      );
    } finally {
      await new Promise<void>((r) => server.close(() => r()));
      await app.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
