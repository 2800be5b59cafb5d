/**
 * The supplier API through the real server (startApp: the route table, the body reader, the SQLite
 * store seeded with the three desks): an incident answers our reference at once and is idempotent on
 * (supplier, reference); updates go through the change service; every security answer (401, 404, 400
 * naming the field, 413, 429 with Retry-After). The served document is checked with
 * @seriousme/openapi-schema-validator (ESM, run in its own Node process).
 */
import { spawnSync } from 'node:child_process';
import { newApiKey } from '../shared/app/supplier-keys';
import { isoInstant, serviceId, userId } from '../shared/ids';
import { caseSummary, type CaseSummary } from '../shared/reports/summary';
import { supplierId, type Supplier } from '../shared/suppliers/model';
import { startHarness, type Harness } from './test-support/harness';
import { supplierApi } from './test-support/supplier-fixture';

let h: Harness;
let key = '';
let otherKey = '';
const SOPRA = supplierId('sopra-steria');

function supplier(id: string, name: string, apiKeys: Supplier['apiKeys']): Supplier {
  return {
    id: supplierId(id),
    name,
    operates: ['application'],
    serviceIds: [serviceId('uke-agresso')],
    deskId: 'uke' as Supplier['deskId'],
    phone: '+47 22 00 00 00',
    email: `drift@${id}.example`,
    entraAppIds: [],
    apiKeys,
  };
}

beforeAll(async () => {
  h = await startHarness({ now: new Date('2026-03-03T09:00:00Z') });
  const at = isoInstant(h.now.value);
  const k1 = newApiKey(SOPRA, at, userId('u-admin'));
  const k2 = newApiKey(supplierId('visma'), at, userId('u-admin'));
  key = k1.text;
  otherKey = k2.text;
  const audit = (id: string) => ({
    id: `audit-${id}`,
    at,
    actor: { id: userId('u-admin') },
    objectType: 'supplier' as const,
    objectId: id,
    action: 'create' as const,
    after: {},
  });
  await h.app.store.admin.putSupplier(
    supplier('sopra-steria', 'Sopra Steria', [k1.stored]),
    undefined,
    audit('s'),
  );
  await h.app.store.admin.putSupplier(supplier('visma', 'Visma', [k2.stored]), undefined, audit('v'));
  // Written past the admin routes: tell the catalogue, as they do after every save.
  h.app.catalogue.invalidate();
});
afterAll(() => h.close());

const api = supplierApi(
  () => h.app.url,
  () => key,
);

const INCIDENT = {
  supplierReference: 'INC0012345',
  serviceId: 'uke-agresso',
  category: 'database',
  priority: 'kritisk',
  title: 'Agresso-databasen svarer ikke',
  message: 'ORA-12541: TNS:no listener på produksjonsdatabasen',
  startedAt: '2026-03-03T08:40:00Z',
  status: 'Under feilsøking',
  possibleSolution: 'Omstart av lytteren',
};

/**
 * The case's stored summary row is the one computed afresh from the stored case: each change passes
 * the SLA the lifecycle computed down to the store, which must be that case's.
 */
async function expectSummaryAfresh(reference: string): Promise<void> {
  const c = (await h.app.store.cases.getForDesk(reference as never, 'uke' as never))!.value;
  const desk = (await h.app.store.desks.get(c.deskId))!.value;
  const at = new Date(c.receivedAt);
  const rows: CaseSummary[] = [];
  const until = isoInstant(new Date(at.getTime() + 1));
  for await (const s of h.app.store.cases.streamSummaries([c.deskId], isoInstant(at), until)) rows.push(s);
  expect(rows.find((s) => s.ref === c.ref)).toEqual(caseSummary(c, desk));
}

describe('supplier API', () => {
  it('serves a valid OpenAPI 3.1 document', async () => {
    const res = await fetch(`${h.app.url}/api/suppliers/v1/openapi.json`);
    expect(res.status).toBe(200);
    const doc = await res.text();
    const script = `import { Validator } from '@seriousme/openapi-schema-validator';
      const v = new Validator(); let s = ''; for await (const c of process.stdin) s += c;
      const r = await v.validate(JSON.parse(s)); console.log(JSON.stringify({ valid: r.valid, version: v.version, errors: r.errors }));`;
    const out = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
      input: doc,
      cwd: process.cwd(),
      encoding: 'utf8',
    });
    expect(out.stderr).toBe('');
    expect(JSON.parse(out.stdout)).toMatchObject({ valid: true, version: '3.1' });
  });

  it('takes an incident, answers our reference at once, and a retry gets the same case', async () => {
    const first = await api('/incidents', { body: INCIDENT });
    expect(first.status).toBe(201);
    const made = (await first.json()) as { reference: string; status: string; supplierCaseNumber: string };
    expect(made.reference).toMatch(/^FV-2026-\d{6}$/);
    expect(made).toMatchObject({ status: 'new', supplierCaseNumber: 'INC0012345', priority: 'kritisk' });

    const again = await api('/incidents', { body: INCIDENT });
    expect(again.status).toBe(200);
    expect(((await again.json()) as { reference: string }).reference).toBe(made.reference);

    // The case on the desk: held by the supplier, the incident recorded, the supplier's number logged.
    const stored = (await h.app.store.cases.getForDesk(made.reference as never, 'uke' as never))!.value;
    expect(stored.supplier).toMatchObject({ supplierId: 'sopra-steria', caseNumber: 'INC0012345' });
    expect(stored.incident).toMatchObject({ category: 'database', informationOnly: false });
    expect(stored.faultType).toBe('technical_infrastructure');
    expect(stored.events.map((e) => e.type)).toEqual([
      'created',
      'incident_reported',
      'supplier_engaged',
      'supplier_status',
    ]);
  });

  it('updates a case it holds: status, comment, then fixed in a later version solves it', async () => {
    const made = (await (
      await api('/incidents', { body: { ...INCIDENT, supplierReference: 'INC2' } })
    ).json()) as {
      reference: string;
    };
    const upd = (body: unknown) => api(`/cases/${made.reference}/updates`, { body });
    await expectSummaryAfresh(made.reference);
    h.now.value = new Date('2026-03-03T09:20:00Z');
    expect((await upd({ type: 'status', status: 'Rettes av utvikler' })).status).toBe(200);
    await expectSummaryAfresh(made.reference);
    expect((await upd({ type: 'comment', text: 'Vi ser på loggene.', visibility: 'internal' })).status).toBe(
      200,
    );
    h.now.value = new Date('2026-03-03T11:45:00Z');
    const fixed = await upd({
      type: 'fixed_in_later_version',
      solution: 'Rettes i versjon 7.2.',
      version: '7.2',
    });
    expect(fixed.status).toBe(200);
    await expectSummaryAfresh(made.reference);
    h.now.value = new Date('2026-03-03T09:00:00Z');
    expect(await fixed.json()).toMatchObject({ status: 'solved', solution: 'Rettes i versjon 7.2.' });
    // Solved already: the lifecycle refuses a second solution.
    const twice = await upd({ type: 'solved', solution: 'Igjen' });
    expect(twice.status).toBe(409);
    expect(((await twice.json()) as { error: { code: string } }).error.code).toBe('ILLEGAL_TRANSITION');

    const got = (await (await api(`/cases/${made.reference}`)).json()) as Record<string, unknown>;
    expect(got).toMatchObject({ reference: made.reference, status: 'solved', supplierCaseNumber: 'INC2' });
  });

  it('refuses what it must: 401, another supplier’s case 404, a bad field 400, 413, malformed 400', async () => {
    const made = (await (
      await api('/incidents', { body: { ...INCIDENT, supplierReference: 'INC3' } })
    ).json()) as {
      reference: string;
    };
    expect((await api('/incidents', { body: INCIDENT, key: '' })).status).toBe(401);
    const wrong = key.slice(0, -4) + 'AAAA';
    expect((await api('/incidents', { body: INCIDENT, key: wrong })).status).toBe(401);
    expect((await api('/incidents', { body: INCIDENT, key: 'not-a-key' })).status).toBe(401);

    // Visma does not hold Sopra Steria's case: exactly as a reference that does not exist.
    const other = await api(`/cases/${made.reference}`, { key: otherKey });
    const none = await api('/cases/FV-2026-999999', { key: otherKey });
    expect(other.status).toBe(404);
    expect(none.status).toBe(404);
    // The same answer as for a made-up reference: only the reference asked for differs.
    expect(await other.json()).toEqual({
      error: { code: 'NOT_FOUND', message: `case ${made.reference} not found` },
    });
    expect(await none.json()).toEqual({
      error: { code: 'NOT_FOUND', message: 'case FV-2026-999999 not found' },
    });
    expect(
      (
        await api(`/cases/${made.reference}/updates`, {
          key: otherKey,
          body: { type: 'solved', solution: 'x' },
        })
      ).status,
    ).toBe(404);

    const bad = await api('/incidents', { body: { ...INCIDENT, category: 'weather' } });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { field: string } }).error.field).toBe('category');
    const missing = await api('/incidents', { body: { ...INCIDENT, supplierReference: undefined } });
    expect(((await missing.json()) as { error: { field: string } }).error.field).toBe('supplierReference');
    const badUpdate = await api(`/cases/${made.reference}/updates`, { body: { type: 'case_number' } });
    expect(badUpdate.status).toBe(400);

    expect((await api('/incidents', { raw: '{"supplierReference": ' })).status).toBe(400);
    const big = await api('/incidents', { body: { ...INCIDENT, message: 'x'.repeat(2 * 1024 * 1024) } });
    expect(big.status).toBe(413);
  });

  it('a revoked key stops working at once', async () => {
    const cur = (await h.app.store.admin.getSupplier('visma'))!;
    const revoked = {
      ...cur.value,
      apiKeys: cur.value.apiKeys.map((k) => ({ ...k, revokedAt: isoInstant(h.now.value) })),
    };
    await h.app.store.admin.putSupplier(revoked, cur.version, {
      id: 'audit-revoke',
      at: isoInstant(h.now.value),
      actor: { id: userId('u-admin') },
      objectType: 'supplier',
      objectId: 'visma',
      action: 'update',
      after: {},
    });
    // As the admin routes do after every save (other instances: within the catalogue's marker check).
    h.app.catalogue.invalidate();
    expect((await api('/cases/FV-2026-000001', { key: otherKey })).status).toBe(401);
  });

  it('admin: an administrator creates a supplier and a key shown once; the key works; others get 403', async () => {
    const admin = (path: string, body?: unknown, who = 'demo-admin') =>
      fetch(`${h.app.url}/api/admin/suppliers${path}`, {
        method: body === undefined ? 'GET' : 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Fristvakt-Dev-User': who },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
    const spec = {
      id: 'tieto',
      name: 'Tieto',
      operates: ['application'],
      serviceIds: ['uke-agresso'],
      deskId: 'uke',
      phone: '+47 21 00 00 00',
      email: 'drift@tieto.example',
      webhook: { url: 'https://tieto.example/hooks', secretName: 'FRISTVAKT_SUPPLIER_SECRET_TIETO' },
    };
    expect((await admin('', spec, 'demo-desk-ror')).status).toBe(403);
    expect((await admin('', { ...spec, webhook: { ...spec.webhook, url: 'http://x.example' } })).status).toBe(
      400,
    );
    expect((await admin('', spec)).status).toBe(201);
    const made = await admin('/tieto/keys', {});
    expect(made.status).toBe(201);
    const { key: text } = (await made.json()) as { key: string };
    expect(text).toMatch(/^fvk_tieto_/);
    // Shown once: the list and the audit log never carry the key or its hash.
    const listed = await (await admin('')).text();
    expect(listed).not.toContain(text);
    expect(listed).not.toContain('"hash"');
    const log = await fetch(`${h.app.url}/api/admin/audit?type=supplier&id=tieto`, {
      headers: { 'X-Fristvakt-Dev-User': 'demo-admin' },
    });
    expect(log.status).toBe(200);
    const audit = await log.text();
    expect(JSON.parse(audit).entries).toHaveLength(2);
    expect(audit).not.toContain(text);
    expect(audit).not.toContain('"hash"');
    const res = await api('/incidents', { key: text, body: { ...INCIDENT, supplierReference: 'T-1' } });
    expect(res.status).toBe(201);
  });

  it('limits each supplier: 429 with Retry-After once its bucket is empty', async () => {
    // The default bucket holds 500; the clock stands still in the harness, so nothing refills.
    let limited: Response | undefined;
    for (let i = 0; i < 600 && !limited; i += 1) {
      const res = await api('/cases/FV-2026-999999');
      if (res.status === 429) limited = res;
    }
    expect(limited).toBeDefined();
    expect(Number(limited!.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(((await limited!.json()) as { error: { code: string } }).error.code).toBe('RATE_LIMITED');
  });
});
