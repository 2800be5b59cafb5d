/**
 * The supplier API in a worker thread of the process (role `all`, FRISTVAKT_SUPPLIER_API_THREAD on):
 * a real app (startApp, through the harness) on a temp SQLite file, whose server forwards the supplier
 * API's paths to a `supplier-api` instance in a worker thread with its own connection to that file.
 * Everything goes through the main server's port: the answers the thread's server gives (401, 404,
 * 413, 415, 429 with Retry-After) come back as they are, an incident reported there is a case the main
 * thread's tab shows and hears of at once, its card reaches the desk's channel (the fake connector)
 * from the main thread's outbox sender, a thread that ends is answered 503 and started again, and the
 * app's close ends the thread.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { startHarness, type Harness } from './test-support/harness';
import {
  agressoIncident,
  expectAgressoIncidentAtDesk,
  saveSupplierWithKey,
  saveTietoWithKey,
  supplierApi,
  UKE_TRIAGE_CHANNEL,
} from './test-support/supplier-fixture';
import type { CaseChanged } from '../shared/app/case-feed';
import { deskId } from '../shared/ids';
import { VIA } from './server/supplier-api-proxy';
import { SUPPLIER_API_NICE } from './supplier-api-thread-entry';

const THREAD_ON = { FRISTVAKT_SUPPLIER_API_THREAD: 'on' };

const INCIDENT = agressoIncident('INC-THREAD-1', new Date(Date.now() - 10 * 60_000).toISOString());

let h: Harness;
let tieto = '';
let visma = '';

const api = supplierApi(
  () => h.app.url,
  () => tieto,
);

const errorOf = async (res: Response): Promise<{ code: string; message: string }> =>
  ((await res.json()) as { error: { code: string; message: string } }).error;

/** The nice value of each thread of this process, by the kernel's thread id (Linux). */
function threadNices(): Map<number, number> {
  const nices = new Map<number, number>();
  for (const tid of readdirSync('/proc/self/task')) {
    try {
      const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
      // After the command's closing parenthesis, the nice value is the 17th field.
      nices.set(Number(tid), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]));
    } catch {
      // A thread that ended meanwhile.
    }
  }
  return nices;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `probe` until it is true or `ms` have passed. */
async function eventually(probe: () => Promise<boolean>, ms: number): Promise<boolean> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (await probe()) return true;
    await sleep(100);
  }
  return probe();
}

beforeAll(async () => {
  // The thread has the system clock: so has this app (the outbox's due times are the thread's).
  h = await startHarness({ env: THREAD_ON, app: { clock: () => new Date(), jobs: true } });
  const uke = (await h.app.store.desks.get(deskId('uke')))!;
  await h.app.store.desks.put(
    {
      ...uke.value,
      triageChannel: { teamId: 'team-uke', channelId: UKE_TRIAGE_CHANNEL, serviceUrl: h.serviceUrl },
    },
    uke.version,
  );
  tieto = await saveTietoWithKey(h.app.store, new Date());
  visma = await saveSupplierWithKey(h.app.store, new Date(), 'visma', 'Visma');
  h.app.catalogue.invalidate();
  // The thread's catalogue sees the suppliers through the store's marker, as another instance would.
  expect(await eventually(async () => (await api('/cases/FV-2026-999999')).status === 404, 10_000)).toBe(
    true,
  );
});
afterAll(() => h.close());

describe('the supplier API in a thread of its own', () => {
  it('is answered by the thread through the main server’s port', async () => {
    const thread = h.app.supplierApiThread!;
    expect(thread.worker()!.threadId).toBeGreaterThan(0);
    const res = await fetch(`${h.app.url}/api/suppliers/v1/openapi.json`);
    expect(res.status).toBe(200);
    expect(res.headers.get('via')).toBe(VIA);
    expect(((await res.json()) as { openapi: string }).openapi).toBe('3.1.0');
    // Chat and the tab are not forwarded.
    const me = await fetch(`${h.app.url}/api/me`, { headers: { 'X-Fristvakt-Dev-User': 'demo-desk-uke' } });
    expect([me.status, me.headers.get('via')]).toEqual([200, null]);
    const health = await fetch(`${h.app.url}/healthz`);
    expect(await health.json()).toMatchObject({ status: 'ok', supplierApiThread: { state: 'up' } });
  });

  (process.platform === 'linux' ? it : it.skip)(
    'runs at a lower CPU priority than chat’s thread, which keeps its own',
    () => {
      const nices = threadNices();
      const chat = nices.get(process.pid)!;
      // A process started at a lower priority still (nice above 10) cannot raise its thread's.
      const expected = Math.max(chat, SUPPLIER_API_NICE);
      expect(chat).toBeLessThan(SUPPLIER_API_NICE);
      // The thread, and the threads it started (its store's checkpointer), which inherit its priority.
      expect([...nices].filter(([, nice]) => nice === expected).length).toBeGreaterThanOrEqual(1);
    },
  );

  it('reports an incident: a case the main thread hears of and shows, its card in the desk’s channel', async () => {
    const heard: CaseChanged[] = [];
    const unsubscribe = h.app.feed.subscribe((c) => heard.push(c));
    try {
      const res = await api('/incidents', { body: INCIDENT });
      expect([res.status, res.headers.get('via')]).toEqual([201, VIA]);
      const { reference } = (await res.json()) as { reference: string };
      expect(reference).toMatch(/^FV-\d{4}-\d{6}$/);
      // The main thread's case feed (the tab's live stream, the fellesfeil watch) has it already.
      expect(await eventually(async () => heard.some((c) => c.case.ref === reference), 2_000)).toBe(true);

      await expectAgressoIncidentAtDesk(h.app.url, h.connector, reference);

      // A retry is the same case; another supplier is told it does not exist.
      expect((await api('/incidents', { body: INCIDENT })).status).toBe(200);
      const other = await api(`/cases/${reference}`, { key: visma });
      expect([other.status, (await errorOf(other)).code]).toEqual([404, 'NOT_FOUND']);
      expect((await api(`/cases/${reference}`)).status).toBe(200);
    } finally {
      unsubscribe();
    }
  });

  it('passes the thread’s refusals on: 401, 400 naming the field, 415, 413', async () => {
    const none = await api('/cases/FV-2026-000001', { key: '' });
    expect([none.status, (await errorOf(none)).code]).toEqual([401, 'UNAUTHORIZED']);
    const wrong = await api('/cases/FV-2026-000001', { key: 'fv_not-a-key' });
    expect(wrong.status).toBe(401);

    const invalid = await api('/incidents', { body: { ...INCIDENT, priority: 'urgent' } });
    expect(invalid.status).toBe(400);
    expect(((await invalid.json()) as { error: { field?: string } }).error.field).toContain('priority');

    const text = await fetch(`${h.app.url}/api/suppliers/v1/incidents`, {
      method: 'POST',
      headers: { 'Content-Type': 'text/plain', 'X-Api-Key': tieto },
      body: 'hei',
    });
    expect([text.status, (await errorOf(text)).code]).toEqual([415, 'UNSUPPORTED_MEDIA_TYPE']);

    const big = await api('/incidents', {
      raw: JSON.stringify({ ...INCIDENT, message: 'x'.repeat(1_100_000) }),
    });
    expect([big.status, (await errorOf(big)).code]).toEqual([413, 'PAYLOAD_TOO_LARGE']);
  });

  it('refuses a chunked body that grows too large while it streams', async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const req = httpRequest(`${h.app.url}/api/suppliers/v1/incidents`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Api-Key': tieto },
      });
      req.once('response', (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.once('error', reject);
      const chunk = 'x'.repeat(64 * 1024);
      let sent = 0;
      const more = (): void => {
        while (sent < 40) {
          sent += 1;
          if (!req.write(chunk)) return void req.once('drain', more);
        }
        req.end();
      };
      more();
    });
    expect(status).toBe(413);
  });

  it('answers 503 with Retry-After while the thread starts again, and serves once it listens', async () => {
    const thread = h.app.supplierApiThread!;
    const before = thread.worker()!;
    await before.terminate();
    const down = await api('/cases/FV-2026-000001');
    expect(down.status).toBe(503);
    expect(Number(down.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect((await errorOf(down)).code).toBe('SERVICE_UNAVAILABLE');

    expect(await eventually(async () => (await api('/openapi.json')).status === 200, 30_000)).toBe(true);
    expect(thread.worker()).not.toBe(before);
    expect(thread.health()).toEqual({ state: 'up', restarts: 1 });
    expect((await api('/cases/FV-2026-999999')).status).toBe(404);
  });

  it('passes the rate limit on: 429 with Retry-After once the supplier’s bucket is empty', async () => {
    // The bucket holds 500 and refills at 10 000 a minute: a thousand at once empty it.
    const answers = await Promise.all(
      Array.from({ length: 1_000 }, () =>
        api('/cases/FV-2026-999999').then(async (r) => ({
          status: r.status,
          retryAfter: r.headers.get('retry-after'),
          code: (await errorOf(r)).code,
        })),
      ),
    );
    const limited = answers.filter((a) => a.status === 429);
    expect(limited.length).toBeGreaterThan(0);
    expect(Number(limited[0]!.retryAfter)).toBeGreaterThanOrEqual(1);
    expect(limited[0]!.code).toBe('RATE_LIMITED');
    expect(answers.every((a) => a.status === 429 || a.status === 404)).toBe(true);
  });
});

describe('the app’s close', () => {
  it('ends the supplier API’s thread', async () => {
    const other = await startHarness({ env: THREAD_ON });
    const worker = other.app.supplierApiThread!.worker()!;
    const exited = new Promise<number>((resolve) => worker.once('exit', resolve));
    await other.close();
    expect(await exited).toBe(0);
    expect(other.app.supplierApiThread!.worker()).toBeUndefined();
  });

  it('serves the supplier API on its own thread with the thread turned off', async () => {
    const off = await startHarness();
    try {
      expect(off.app.supplierApiThread).toBeUndefined();
      const res = await fetch(`${off.app.url}/api/suppliers/v1/openapi.json`);
      expect([res.status, res.headers.get('via')]).toEqual([200, null]);
    } finally {
      await off.close();
    }
  });
});
