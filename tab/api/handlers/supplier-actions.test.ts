/**
 * Escalating to an operations supplier from the tab, through the real server and the one change service:
 * a desk's case view lists the configured suppliers of the case's service; picking one engages it (the
 * case says with whom, since when); a supplier without an endpoint gives the desk the case as an e-mail
 * to copy in the case view; a supplier not of the service is refused naming the field; the reporter sees
 * neither the list nor the e-mail; the case list says with which supplier a case is.
 */
import { isoInstant, serviceId, deskId, userId } from '../../../shared/ids';
import { createCatalogue } from '../../../shared/app/catalogue';
import { supplierId, type Supplier } from '../../../shared/suppliers/model';
import type { CaseDetailResponse, CaseListResponse } from '../../common/api-types';
import { startTestServer, type TestServer } from '../../test-support/server';
import { seedStore, USERS } from '../../test-support/seed';

const supplier = (id: string, name: string, over: Partial<Supplier> = {}): Supplier => ({
  id: supplierId(id),
  name,
  operates: ['application'],
  serviceIds: [serviceId('visma')],
  deskId: deskId('ror-ikt'),
  phone: '+47 22 00 00 00',
  email: `drift@${id}.example`,
  entraAppIds: [],
  apiKeys: [],
  ...over,
});

let srv: TestServer;
const tokens: Record<string, string> = {};
beforeAll(async () => {
  srv = await startTestServer({
    now: new Date('2026-03-20T12:00:00Z'),
    // The catalogue as the app passes it (suppliers are in its snapshot), on the test server's store.
    deps: {
      catalogue: {
        get: () => createCatalogue(srv.store, 0).get(),
        peek: () => undefined,
        invalidate: () => {},
      },
    },
    seed: async (s) => {
      await seedStore(s);
      const suppliers = [
        supplier('lev-epost', 'Epost Drift AS'),
        supplier('lev-hook', 'Hook Drift AS', {
          webhook: { url: 'https://hook.example/fv', secretName: 'FRISTVAKT_SUPPLIER_HOOK' },
        }),
        supplier('lev-annen', 'Annen Tjeneste AS', { serviceIds: [serviceId('annen')] }),
      ];
      for (const x of suppliers)
        await s.admin.putSupplier(x, undefined, {
          id: `audit-${x.id}`,
          at: isoInstant(new Date('2026-03-01T08:00:00Z')),
          actor: { id: userId('admin') },
          objectType: 'supplier',
          objectId: x.id,
          action: 'create',
          after: {},
        });
    },
  });
  for (const [k, oid] of Object.entries(USERS)) tokens[k] = await srv.token({ oid, name: `Navn ${k}` });
});
afterAll(() => srv.close());

const detail = async (ref: string, who: keyof typeof USERS = 'desk') =>
  (await (
    await fetch(`${srv.url}/api/cases/${ref}`, { headers: { Authorization: `Bearer ${tokens[who]}` } })
  ).json()) as CaseDetailResponse;
const act = (ref: string, body: unknown) =>
  fetch(`${srv.url}/api/cases/${ref}/actions`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${tokens.desk}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });

describe('escalating to a supplier from the tab', () => {
  const ref = 'FV-2026-000011';

  it('lists the service’s suppliers for the desk, not for the reporter', async () => {
    const d = await detail(ref);
    expect(d.case.serviceId).toBe('visma');
    expect(d.suppliers).toEqual([
      { id: 'lev-epost', name: 'Epost Drift AS' },
      { id: 'lev-hook', name: 'Hook Drift AS' },
    ]);
    const reporter = await detail(ref, d.case.reporter.id === USERS.employee ? 'employee' : 'employeeAukra');
    expect(reporter.suppliers).toBeUndefined();
    expect(reporter.supplierEmail).toBeUndefined();
  });

  it('refuses a supplier that does not run the service, then engages the picked one', async () => {
    let d = await detail(ref);
    let res = await act(ref, { action: 'claim', version: d.version });
    d = (await res.json()) as CaseDetailResponse;
    res = await act(ref, {
      action: 'escalate',
      toLine: 'supplier',
      supplierId: 'lev-annen',
      version: d.version,
    });
    expect(res.status).toBe(400);
    expect(JSON.stringify(await res.json())).toContain('supplierId');

    res = await act(ref, {
      action: 'escalate',
      toLine: 'supplier',
      supplierId: 'lev-epost',
      note: 'Treg integrasjon',
      version: d.version,
    });
    expect(res.status).toBe(200);
    d = (await res.json()) as CaseDetailResponse;
    expect(d.case.status).toBe('waiting');
    expect(d.case.supplier).toMatchObject({ supplierId: 'lev-epost', name: 'Epost Drift AS' });
    // No endpoint: the desk gets the e-mail to copy; the list no longer offers the one holding it.
    expect(d.supplierEmail?.to).toBe('drift@lev-epost.example');
    expect(d.supplierEmail?.subject).toContain(ref);
    expect(d.supplierEmail?.body).toContain('Vennligst bekreft at saken er registrert');
    expect(d.suppliers).toEqual([{ id: 'lev-hook', name: 'Hook Drift AS' }]);
  });

  it('shows no e-mail once the case is with a supplier that has an endpoint', async () => {
    let d = await detail(ref);
    const res = await act(ref, {
      action: 'escalate',
      toLine: 'supplier',
      supplierId: 'lev-hook',
      version: d.version,
    });
    expect(res.status).toBe(200);
    d = (await res.json()) as CaseDetailResponse;
    expect(d.case.supplier?.supplierId).toBe('lev-hook');
    expect(d.supplierEmail).toBeUndefined();
    // The case list says where the case is.
    const list = (await (
      await fetch(`${srv.url}/api/cases?q=${ref}`, { headers: { Authorization: `Bearer ${tokens.desk}` } })
    ).json()) as CaseListResponse;
    expect(list.items[0]!.supplier).toEqual({
      name: 'Hook Drift AS',
      since: d.case.supplier!.since,
      lastContactAt: d.case.supplier!.lastContactAt,
    });
  });
});
