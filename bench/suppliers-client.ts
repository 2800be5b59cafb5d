/**
 * The clients of `suppliers.bench.ts`, each run in a process of its own (`fork`): a supplier's system,
 * or employees reporting faults in Teams. Both are other machines, so their client work (building
 * requests, reading answers) must not be counted against the server's CPU or take its cores' time from
 * the server's event loop. A client sends on an open-loop schedule (the i-th request at i / rate
 * seconds, whether or not earlier ones have answered, up to 64 in flight), as users and a supplier's
 * system do, and reports each answer's status and latency back to the bench.
 *
 * The supplier's mix: mostly updates of cases the supplier holds (comments, its status, its case
 * number), some reads, and a few new incidents, as a supplier's case tool syncing its queue would send
 * them. Employees: fault reports from the fault form, each from one of 200 employees in turn.
 */
import { randomUUID } from 'node:crypto';
import { confirmsCase, goodFaultReport } from './fault-report';

export interface ClientJob {
  url: string;
  key: string;
  /** References of cases the supplier holds (its own incidents). */
  refs: string[];
  /** Requests per second; `0`: closed loop, `clients` loops as fast as answers come. */
  rate: number;
  clients: number;
  seconds: number;
  /** Only new incidents (the first bench's full-speed phase) instead of the mix. */
  incidentsOnly?: boolean;
  /**
   * Employees' fault reports to the bot endpoint instead of the supplier's requests (`key` and `refs`
   * are then not used); `serviceUrl` is the Bot Connector address the activities carry.
   */
  chat?: { serviceUrl: string };
}

export interface ClientResult {
  ok: number;
  limited: number;
  failed: number;
  /** Latency of each answered (2xx) request, ms. */
  ms: number[];
  /** How many were sent. */
  sent: number;
  /** The schedule's worst lag: how late (ms) a request left after its planned time. */
  maxLagMs: number;
  /** Answers by kind, for the record. */
  kinds: Record<string, number>;
  /** Failed answers by kind and status (0: no answer). */
  failures: Record<string, number>;
}

export const INCIDENT_STARTED = () => new Date(Date.now() - 10 * 60_000).toISOString();

export function incidentBody(supplierReference: string): string {
  return JSON.stringify({
    supplierReference,
    serviceId: 'ror-nettverk',
    category: 'communication',
    priority: 'middels',
    title: 'Pakketap på kjernesvitsj',
    message: 'Overvåkingen melder 4 % pakketap på kjernesvitsj 2',
    startedAt: INCIDENT_STARTED(),
  });
}

type SupplierKind = 'incident' | 'comment' | 'status' | 'case_number' | 'get';
export type Kind = SupplierKind | 'fault_report';
/** Of every 20 requests: 1 new incident, 8 comments, 5 status, 2 case numbers, 4 reads. */
export const MIX: readonly SupplierKind[] = [
  'comment',
  'status',
  'get',
  'comment',
  'case_number',
  'comment',
  'status',
  'incident',
  'comment',
  'get',
  'status',
  'comment',
  'comment',
  'get',
  'status',
  'case_number',
  'comment',
  'status',
  'get',
  'comment',
];

/** Employees taking turns in a chat job. */
const EMPLOYEES = 200;

function request(job: ClientJob, i: number): { kind: Kind; init: RequestInit; url: string } {
  if (job.chat)
    return {
      kind: 'fault_report',
      url: `${job.url}/api/messages`,
      init: {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: goodFaultReport(i % EMPLOYEES, job.chat.serviceUrl),
      },
    };
  const base = `${job.url}/api/suppliers/v1`;
  const kind: SupplierKind = job.incidentsOnly ? 'incident' : MIX[i % MIX.length]!;
  const headers = { 'Content-Type': 'application/json', 'X-Api-Key': job.key };
  const ref = job.refs[(i * 7919) % job.refs.length]!;
  const post = (path: string, body: unknown) => ({
    kind,
    url: `${base}${path}`,
    init: { method: 'POST', headers, body: typeof body === 'string' ? body : JSON.stringify(body) },
  });
  switch (kind) {
    case 'incident':
      return post('/incidents', incidentBody(randomUUID()));
    case 'comment':
      return post(`/cases/${ref}/updates`, {
        type: 'comment',
        text: `Logg ${i}: pakketapet er under 1 % etter omruting.`,
        visibility: i % 2 ? 'internal' : 'public',
      });
    case 'status':
      return post(`/cases/${ref}/updates`, { type: 'status', status: `Under arbeid (${i % 5})` });
    case 'case_number':
      return post(`/cases/${ref}/updates`, { type: 'case_number', caseNumber: `INC${process.pid}-${i}` });
    case 'get':
      return { kind, url: `${base}/cases/${ref}`, init: { headers } };
  }
}

/**
 * At most this many requests in flight (connections), as a supplier's integration has a bounded pool:
 * when the server answers slower than the schedule, requests leave late (`maxLagMs`) instead of
 * opening ever more connections.
 */
const MAX_IN_FLIGHT = 64;

export async function runClient(job: ClientJob): Promise<ClientResult> {
  const r: ClientResult = {
    ok: 0,
    limited: 0,
    failed: 0,
    ms: [],
    sent: 0,
    maxLagMs: 0,
    kinds: {},
    failures: {},
  };
  const once = async (i: number) => {
    const { kind, url, init } = request(job, i);
    const t0 = performance.now();
    let status: number | string = 0;
    try {
      const res = await fetch(url, init);
      const body = await res.text();
      // A fault report is answered only when the bot's card confirms the case.
      status = job.chat && res.status === 200 && !confirmsCase(body) ? 'no case' : res.status;
    } catch (err) {
      // No answer: the cause's code (e.g. a connection the server closed as it was reused).
      const cause = (err as { cause?: { code?: string } }).cause;
      status = `0 ${cause?.code ?? String(err)}`;
    }
    const ms = performance.now() - t0;
    if (status === 200 || status === 201) {
      r.ok += 1;
      r.ms.push(ms);
      r.kinds[kind] = (r.kinds[kind] ?? 0) + 1;
    } else if (status === 429) r.limited += 1;
    else {
      r.failed += 1;
      r.failures[`${kind} ${status}`] = (r.failures[`${kind} ${status}`] ?? 0) + 1;
    }
  };
  const start = performance.now();
  const end = start + job.seconds * 1000;
  if (job.rate <= 0) {
    await Promise.all(
      Array.from({ length: job.clients }, async () => {
        while (performance.now() < end) await once(r.sent++);
      }),
    );
    return r;
  }
  // Open loop: send what is due every millisecond or so; answers are awaited apart.
  const pending = new Set<Promise<void>>();
  const interval = 1000 / job.rate;
  while (performance.now() < end) {
    const now = performance.now();
    while (
      start + r.sent * interval <= now &&
      start + r.sent * interval < end &&
      pending.size < MAX_IN_FLIGHT
    ) {
      r.maxLagMs = Math.max(r.maxLagMs, now - (start + r.sent * interval));
      const p = once(r.sent++).finally(() => pending.delete(p));
      pending.add(p);
    }
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
  await Promise.all(pending);
  return r;
}

// Run as a child process of the bench: one job in, one result out.
if (require.main === module && process.send) {
  process.once('message', (job: ClientJob) => {
    void runClient(job).then((result) => {
      process.send!(result, () => process.exit(0));
    });
  });
}
