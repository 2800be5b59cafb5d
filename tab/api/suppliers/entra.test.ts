/**
 * The supplier API's Entra sign-in (client credentials) against the tab's own token checks: a token
 * with the app role `Supplier.<id>` acts as that supplier; no such role, two of them, an expired token,
 * a disabled supplier, or a client id the supplier does not list are 401. Real routes, the SQLite store,
 * tokens signed by the test server's JWKS.
 */
import { deskId, isoInstant, serviceId, userId } from '../../../shared/ids';
import type { Store } from '../../../shared/ports';
import { supplierId, type Supplier } from '../../../shared/suppliers/model';
import { seedStore } from '../../test-support/seed';
import { startTestServer, type TestServer } from '../../test-support/server';

const NOW = new Date('2026-03-20T12:00:00Z');
let srv: TestServer;

const supplier = (id: string, extra: Partial<Supplier> = {}): Supplier => ({
  id: supplierId(id),
  name: id,
  operates: ['application'],
  serviceIds: [serviceId('agresso')],
  deskId: deskId('ror-ikt'),
  phone: '+47 22 00 00 00',
  email: `drift@${id}.example`,
  entraAppIds: [],
  apiKeys: [],
  ...extra,
});

async function put(store: Store, s: Supplier): Promise<void> {
  await store.admin.putSupplier(s, undefined, {
    id: `a-${s.id}`,
    at: isoInstant(NOW),
    actor: { id: userId('u-admin') },
    objectType: 'supplier',
    objectId: s.id,
    action: 'create',
    after: {},
  });
}

beforeAll(async () => {
  srv = await startTestServer({
    now: NOW,
    seed: async (s) => {
      await seedStore(s);
      await put(s, supplier('sopra'));
      await put(s, supplier('pinned', { entraAppIds: ['11111111-0000-0000-0000-000000000000'] }));
      await put(s, supplier('off', { disabled: true }));
    },
  });
});
afterAll(() => srv.close());

const incident = (token: string, ref: string) =>
  fetch(`${srv.url}/api/suppliers/v1/incidents`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
    body: JSON.stringify({
      supplierReference: ref,
      serviceId: 'agresso',
      category: 'application',
      priority: 'hoy',
      title: 'Rapportene henger',
      message: 'Rapportserveren svarer ikke på forespørsler',
      startedAt: '2026-03-20T11:00:00Z',
    }),
  });

describe('supplier API with Entra client credentials', () => {
  it('a token with Supplier.<id> acts as that supplier', async () => {
    const token = await srv.token({ oid: 'sp-sopra', roles: ['Supplier.sopra'] });
    const res = await incident(token, 'S-1');
    expect(res.status).toBe(201);
    expect(((await res.json()) as { reference: string }).reference).toMatch(/^FV-2026-/);
  });

  it.each([
    ['no supplier role', { roles: ['Desk.ror-ikt'] }],
    ['two supplier roles', { roles: ['Supplier.sopra', 'Supplier.pinned'] }],
    ['an unknown supplier', { roles: ['Supplier.nobody'] }],
    ['a disabled supplier', { roles: ['Supplier.off'] }],
    ['a client id the supplier does not list', { roles: ['Supplier.pinned'] }],
    ['an expired token', { roles: ['Supplier.sopra'], expiresIn: -600 }],
    ['another tenant', { roles: ['Supplier.sopra'], tid: '99999999-0000-0000-0000-000000000000' }],
  ])('refuses %s with 401', async (_why, spec) => {
    const token = await srv.token({ oid: 'sp-x', ...spec });
    expect((await incident(token, 'S-2')).status).toBe(401);
  });
});
