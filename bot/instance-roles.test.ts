/**
 * The supplier API on instances of its own (FRISTVAKT_ROLE): a `supplier-api` instance and a `chat`
 * instance, two whole apps (startApp) each with its own connection to one SQLite file, as the two App
 * Service sites share one Cosmos account. An incident the supplier reports to the supplier-api instance
 * is a case the chat instance shows, and its card reaches the desk's channel (through the fake
 * connector) from whichever instance runs the outbox sender: the supplier-api one too. Each instance
 * answers only its own surfaces; both answer /healthz.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startHarness, type Harness } from './test-support/harness';
import { startFakeConnector, type FakeConnector } from './test-support/fake-connector';
import { messageActivity, type TestUser } from './test-support/activities';
import {
  agressoIncident,
  expectAgressoIncidentAtDesk,
  saveTietoWithKey,
  supplierApi,
  UKE_TRIAGE_CHANNEL,
} from './test-support/supplier-fixture';
import { deskId } from '../shared/ids';
import type { Store } from '../shared/ports';
import { openSqliteStore } from '../shared/store/sqlite';

const T0 = new Date('2026-03-03T09:00:00Z');
const EMPLOYEE: TestUser = { aadObjectId: 'aad-kari', name: 'Kari Nordmann' };

interface Pair {
  dir: string;
  supplierApi: Harness;
  chat: Harness;
  channel: FakeConnector;
  key: string;
}

/** Both instances on one SQLite file; only `jobsOn` runs the background jobs (the outbox sender). */
async function startPair(jobsOn: 'supplier-api' | 'chat'): Promise<Pair> {
  const dir = mkdtempSync(join(tmpdir(), 'fristvakt-roles-'));
  const open = (): Store => openSqliteStore({ file: join(dir, 'fristvakt.db'), blobDir: join(dir, 'blobs') });
  const a = open();
  const b = open();
  const supplierApi = await startHarness({
    env: { FRISTVAKT_ROLE: 'supplier-api' },
    app: { store: a, jobs: jobsOn === 'supplier-api' },
    now: T0,
  });
  const chat = await startHarness({
    env: { FRISTVAKT_ROLE: 'chat' },
    app: { store: b, jobs: jobsOn === 'chat' },
    now: T0,
  });
  const channel = await startFakeConnector();
  const uke = (await a.desks.get(deskId('uke')))!;
  await a.desks.put(
    {
      ...uke.value,
      triageChannel: { teamId: 'team-uke', channelId: UKE_TRIAGE_CHANNEL, serviceUrl: channel.url },
    },
    uke.version,
  );
  const key = await saveTietoWithKey(a, T0);
  // Written past the admin routes: tell both catalogues, as those routes do.
  for (const h of [supplierApi, chat]) h.app.catalogue.invalidate();
  return { dir, supplierApi, chat, channel, key };
}

async function stopPair(p: Pair): Promise<void> {
  const stores = [p.supplierApi.app.store, p.chat.app.store];
  await p.supplierApi.close();
  await p.chat.close();
  for (const s of stores) await s.close();
  await p.channel.close();
  rmSync(p.dir, { recursive: true, force: true });
}

const INCIDENT = agressoIncident('INC-ROLES-1', '2026-03-03T08:40:00Z');

/** The supplier API of the instance at `url`, with `key`: GET, or POST with `body`. */
const supplierCall = (url: string, key: string, path: string, body?: unknown) =>
  supplierApi(
    () => url,
    () => key,
  )(path, body === undefined ? {} : { body });

const errorOf = async (res: Response): Promise<{ code: string; message: string }> =>
  ((await res.json()) as { error: { code: string; message: string } }).error;

describe.each(['supplier-api', 'chat'] as const)(
  'a supplier-api and a chat instance on one store, the outbox sender on the %s instance',
  (jobsOn) => {
    let p: Pair;
    beforeAll(async () => {
      p = await startPair(jobsOn);
    });
    afterAll(() => stopPair(p));

    it('an incident reported to the supplier-api instance is a case on the chat instance, its card in the desk’s channel', async () => {
      const res = await supplierCall(p.supplierApi.app.url, p.key, '/incidents', INCIDENT);
      expect([res.status, res.status === 201 ? '' : await res.clone().text()]).toEqual([201, '']);
      const { reference } = (await res.json()) as { reference: string };
      expect(reference).toMatch(/^FV-2026-\d{6}$/);
      await expectAgressoIncidentAtDesk(p.chat.app.url, p.channel, reference);
    });

    it('the supplier-api instance serves the supplier API and /healthz, and nothing of the bot or the tab', async () => {
      const url = p.supplierApi.app.url;
      expect((await fetch(`${url}/healthz`)).status).toBe(200);
      expect((await fetch(`${url}/api/suppliers/v1/openapi.json`)).status).toBe(200);
      const chatActivity = await p.supplierApi.post(
        messageActivity(EMPLOYEE, p.supplierApi.serviceUrl, 'hei'),
      );
      expect(chatActivity.status).toBe(404);
      expect(p.supplierApi.connector.calls).toEqual([]);
      for (const path of ['/', '/tab/', '/api/me', '/api/cases', '/api/admin/suppliers']) {
        const res = await fetch(`${url}${path}`, { headers: { 'X-Fristvakt-Dev-User': 'demo-desk-uke' } });
        expect([path, res.status]).toEqual([path, 404]);
        expect((await errorOf(res)).code).toBe('ROUTE_NOT_FOUND');
      }
    });

    it('the chat instance answers the supplier API with 404 naming the reason, and serves chat and the tab', async () => {
      const url = p.chat.app.url;
      expect((await fetch(`${url}/healthz`)).status).toBe(200);
      for (const [path, body] of [
        ['/incidents', { ...INCIDENT, supplierReference: 'INC-ROLES-2' }],
        ['/openapi.json', undefined],
        ['/cases/FV-2026-000001', undefined],
      ] as const) {
        const res = await supplierCall(url, p.key, path, body);
        expect([path, res.status]).toEqual([path, 404]);
        const error = await errorOf(res);
        expect(error.code).toBe('ROUTE_NOT_FOUND');
        expect(error.message).toContain('FRISTVAKT_ROLE=chat');
      }
      expect((await p.chat.post(messageActivity(EMPLOYEE, p.chat.serviceUrl, 'hei'))).status).toBe(200);
      await p.chat.connector.waitFor((c) => c.kind === 'reply' || c.kind === 'send', 10_000);
      const me = await fetch(`${url}/api/me`, { headers: { 'X-Fristvakt-Dev-User': 'demo-desk-uke' } });
      expect(me.status).toBe(200);
    });
  },
);
