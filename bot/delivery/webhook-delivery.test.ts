/**
 * Webhooks to operations suppliers through the real outbox sender, to a real HTTP server standing in for
 * the supplier (bot/test-support/supplier-stub.ts), which checks each request with the documented
 * verification: 200 delivers; 500 and a timeout are retried and delivered when the supplier recovers;
 * a supplier that keeps failing is parked after the attempts, as Teams messages are, and the desk is
 * alerted; a refusal (4xx) parks at once; a missing signing secret parks without calling. A replayed
 * request (its timestamp older than five minutes) and a tampered body fail the verification.
 */
import { createAttachmentLinks } from '../../shared/app/attachment-links';
import { signWebhook, verifyWebhookSignature } from '../../shared/app/webhook-signature';
import { deskId, isoInstant, serviceId, userId, caseRef } from '../../shared/ids';
import type { OutboxMessage } from '../../shared/ports';
import { supplierId, type Supplier } from '../../shared/suppliers/model';
import type { WebhookBody } from '../../shared/suppliers/outbound';
import { startSupplierStub, type SupplierStub } from '../test-support/supplier-stub';
import { botConnector } from './connector';
import { parkAlertId, startOutboxSender, type OutboxSender } from './outbox-sender';
import { DESK, newAdapter, openBench, recordingLogger, waitUntil, type Bench } from './test-support/setup';
import { createWebhookTransport } from './webhook-transport';

const SECRET = 'whsec-test-0123456789abcdef';
const SECRET_NAME = 'FRISTVAKT_SUPPLIER_SECRET_VISMA';

const supplier = (url: string, over: Partial<Supplier> = {}): Supplier => ({
  id: supplierId('visma-drift'),
  name: 'Visma Drift',
  operates: ['application'],
  serviceIds: [serviceId('ror-visma')],
  deskId: deskId('ror-ikt'),
  phone: '+47 22 00 00 00',
  email: 'drift@visma.example',
  entraAppIds: [],
  apiKeys: [],
  webhook: { url, secretName: SECRET_NAME },
  ...over,
});

function body(n: number): WebhookBody {
  return {
    version: 1,
    id: `FV-2026-00000${n}:e1`,
    type: 'case.escalated',
    occurredAt: '2026-03-03T09:00:00.000Z',
    supplierId: 'visma-drift',
    case: {
      reference: `FV-2026-00000${n}`,
      title: 'Lønnsslippen vises ikke',
      kind: 'fault',
      status: 'waiting',
      service: { id: 'ror-visma', name: 'Visma' },
      organisation: { id: 'molde', name: 'Molde' },
      priority: { id: 'high', label: 'Høy', level: 2, critical: false },
      receivedAt: '2026-03-03T08:00:00.000Z',
      deadlines: { resolutionDueAt: '2026-03-04T08:00:00.000Z' },
      reporter: { name: 'Kari Nordmann' },
      testContact: { name: 'Kari Nordmann' },
      attachments: [{ id: 'a1', fileName: 'skjerm.png', contentType: 'image/png', sizeBytes: 10 }],
      desk: { id: 'ror-ikt', name: 'ROR-IKT Kundeservice', phone: '71 11 10 00' },
    },
  };
}

const webhookMessage = (n: number): OutboxMessage => ({
  id: `FV-2026-00000${n}:e1:supplier:visma-drift`,
  deskId: DESK,
  caseRef: caseRef(`FV-2026-00000${n}`),
  createdAt: isoInstant(new Date()),
  kind: 'webhook',
  operation: 'post',
  conversationKey: 'supplier:visma-drift',
  threadKey: `webhook:visma-drift:FV-2026-00000${n}`,
  activity: body(n) as unknown as Record<string, unknown>,
});

let bench: Bench;
let stub: SupplierStub;
let sender: OutboxSender | undefined;
const secrets: Record<string, string> = { [SECRET_NAME]: SECRET };

async function setUp(over: Partial<Supplier> = {}, timeoutMs = 2_000, maxAttempts = 4) {
  bench = await openBench();
  stub = await startSupplierStub(SECRET);
  await bench.store.admin.putSupplier(supplier(stub.url, over), undefined, {
    id: `audit-${Math.random()}`,
    at: isoInstant(new Date()),
    actor: { id: userId('admin') },
    objectType: 'supplier',
    objectId: 'visma-drift',
    action: 'create',
    after: {},
  });
  sender = startOutboxSender({
    store: bench.store,
    connector: botConnector(newAdapter(), ''),
    botAppId: '',
    log: recordingLogger(),
    options: { baseDelayMs: 10, maxDelayMs: 50, pollIntervalMs: 10, maxAttempts },
    webhook: createWebhookTransport({
      supplier: async (id) => (await bench.store.admin.getSupplier(id))?.value ?? null,
      secretOf: (name) => secrets[name],
      links: createAttachmentLinks('link-secret-0123456789', () => 'https://fristvakt.example'),
      now: () => new Date(),
      timeoutMs,
    }),
  });
}

const statusOf = async (m: OutboxMessage) => (await bench.store.outbox.get(m.id, m.deskId))?.status;

describe('webhooks through the outbox sender', () => {
  afterEach(async () => {
    await sender?.stop();
    sender = undefined;
    await stub.close();
    await bench.close();
  });

  it('delivers a signed request the supplier verifies, with fresh links to the attachments', async () => {
    await setUp();
    const m = webhookMessage(1);
    await bench.store.outbox.enqueue([m]);
    sender!.kick();
    await waitUntil(async () => (await statusOf(m)) === 'delivered', 5000, 'delivered');
    expect(stub.received).toHaveLength(1);
    const got = stub.received[0]!;
    expect(got.verified.ok).toBe(true);
    expect(got.headers['fristvakt-event-id']).toBe(m.activity.id);
    expect(got.headers['fristvakt-event-type']).toBe('case.escalated');
    expect(got.headers['content-type']).toContain('application/json');
    const a = got.body.case.attachments[0]!;
    expect(a.url).toMatch(
      /^https:\/\/fristvakt\.example\/api\/attachment-links\/FV-2026-000001\/a1\?exp=\d+&sig=[0-9a-f]{64}$/,
    );
    expect(Date.parse(a.expiresAt!) - Date.now()).toBeGreaterThan(50 * 60_000);
    expect(Date.parse(a.expiresAt!) - Date.now()).toBeLessThanOrEqual(60 * 60_000);
    // The Teams side was not asked: a webhook is not a Teams message.
    expect(bench.fake.calls).toHaveLength(0);
  });

  it('retries a 500 and a timeout with backoff, and delivers when the supplier answers again', async () => {
    await setUp({}, 300);
    stub.answers.push(500, 'hang');
    const m = webhookMessage(2);
    await bench.store.outbox.enqueue([m]);
    sender!.kick();
    await waitUntil(async () => (await statusOf(m)) === 'delivered', 10_000, 'delivered after retries');
    expect(stub.received.map((r) => r.answered)).toEqual([500, 'hang', 200]);
    expect(stub.received.every((r) => r.verified.ok)).toBe(true);
    const entry = (await bench.store.outbox.get(m.id, m.deskId))!;
    expect(entry.attempts).toBe(2);
    // The same event id on every attempt: the supplier deduplicates on it.
    expect(new Set(stub.received.map((r) => r.headers['fristvakt-event-id'])).size).toBe(1);
  });

  it('parks a webhook that keeps failing after the attempts, and alerts the desk as for Teams', async () => {
    await setUp({}, 2_000, 3);
    stub.answers.push(500, 503, 502, 500);
    const m = webhookMessage(3);
    await bench.store.outbox.enqueue([m]);
    sender!.kick();
    await waitUntil(async () => (await statusOf(m)) === 'parked', 10_000, 'parked');
    expect(stub.received).toHaveLength(3);
    const entry = (await bench.store.outbox.get(m.id, m.deskId))!;
    expect(entry.lastError).toContain('HTTP 502');
    const alert =
      (await bench.store.outbox.get(parkAlertId(DESK, new Date()), DESK)) ??
      (await bench.store.outbox.get(parkAlertId(DESK, new Date(Date.now() - 3_600_000)), DESK));
    expect(String(alert?.activity.text)).toContain('en driftsleverandørs endepunkt');
    expect(String(alert?.activity.text)).toContain('sak FV-2026-000003');
  });

  it('parks at once when the supplier refuses (400) or its signing secret is missing', async () => {
    await setUp();
    stub.answers.push(400);
    const refused = webhookMessage(4);
    await bench.store.outbox.enqueue([refused]);
    sender!.kick();
    await waitUntil(async () => (await statusOf(refused)) === 'parked', 5000, 'parked on 400');
    expect(stub.received).toHaveLength(1);

    const v = (await bench.store.admin.getSupplier('visma-drift'))!;
    await bench.store.admin.putSupplier(
      { ...v.value, webhook: { url: stub.url, secretName: 'FRISTVAKT_SUPPLIER_SECRET_UNSET' } },
      v.version,
      {
        id: 'audit-unset',
        at: isoInstant(new Date()),
        actor: { id: userId('admin') },
        objectType: 'supplier',
        objectId: 'visma-drift',
        action: 'update',
        after: {},
      },
    );
    const unsigned = webhookMessage(5);
    await bench.store.outbox.enqueue([unsigned]);
    sender!.kick();
    await waitUntil(async () => (await statusOf(unsigned)) === 'parked', 5000, 'parked without secret');
    expect((await bench.store.outbox.get(unsigned.id, DESK))!.lastError).toContain(
      'FRISTVAKT_SUPPLIER_SECRET_UNSET',
    );
    expect(stub.received).toHaveLength(1);
  });
});

describe('the documented verification', () => {
  const raw = JSON.stringify(body(6));
  const t = 1_780_000_000;
  const header = signWebhook([SECRET], raw, t);

  it('accepts the request as signed, within five minutes either way', () => {
    expect(verifyWebhookSignature(header, raw, [SECRET], t).ok).toBe(true);
    expect(verifyWebhookSignature(header, raw, [SECRET], t + 300).ok).toBe(true);
    expect(verifyWebhookSignature(header, raw, [SECRET], t - 300).ok).toBe(true);
  });

  it('refuses the same request replayed later than five minutes', () => {
    expect(verifyWebhookSignature(header, raw, [SECRET], t + 301)).toEqual({ ok: false, reason: 'too_old' });
  });

  it('refuses a tampered body, a moved timestamp, another secret and a malformed header', () => {
    const tampered = raw.replace('Lønnsslippen', 'Lønnsslippan');
    expect(verifyWebhookSignature(header, tampered, [SECRET], t)).toEqual({ ok: false, reason: 'mismatch' });
    const moved = header.replace(`t=${t}`, `t=${t + 60}`);
    expect(verifyWebhookSignature(moved, raw, [SECRET], t + 60)).toEqual({ ok: false, reason: 'mismatch' });
    expect(verifyWebhookSignature(header, raw, ['another-secret'], t).ok).toBe(false);
    expect(verifyWebhookSignature('v1=abc', raw, [SECRET], t)).toEqual({ ok: false, reason: 'malformed' });
    expect(verifyWebhookSignature(undefined, raw, [SECRET], t).ok).toBe(false);
  });

  it('accepts either secret while one is rotated (both signatures in the header)', () => {
    const both = signWebhook(['new-secret', SECRET], raw, t);
    expect(verifyWebhookSignature(both, raw, [SECRET], t).ok).toBe(true);
    expect(verifyWebhookSignature(both, raw, ['new-secret'], t).ok).toBe(true);
  });
});
