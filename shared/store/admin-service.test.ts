import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deskId, orgId, userId } from '../ids';
import type { Store } from '../ports';
import { openSqliteStore } from './sqlite';
import { desk } from './test-support/fixtures';
import { createAdminService, type AdminActor } from '../app/admin';
import { CATALOGUE_MARKER_CHECK_MS, createCatalogue } from '../app/catalogue';

const ROR = deskId('ror-ikt');
const admin: AdminActor = {
  access: { userId: userId('u-admin'), admin: true, leadDeskIds: [] },
  name: 'Ada Admin',
};
const rorLead: AdminActor = {
  access: { userId: userId('u-lead'), admin: false, leadDeskIds: [ROR] },
  name: 'Lea Leder',
};
const bysLead: AdminActor = {
  access: { userId: userId('u-bys'), admin: false, leadDeskIds: [deskId('byarkivet')] },
  name: 'Bo Byarkiv',
};
const nobody: AdminActor = { access: { userId: userId('u-x'), admin: false, leadDeskIds: [] } };

let dir: string;
let stores: Store[];
const open = (): Store => {
  const s = openSqliteStore({ file: join(dir, 'fristvakt.db'), blobDir: join(dir, 'blobs') });
  stores.push(s);
  return s;
};

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'fristvakt-admin-'));
  stores = [];
  const s = open();
  await s.desks.put(desk('ror-ikt', ['molde']));
  await s.desks.put(desk('byarkivet', ['frogner']));
  await s.desks.putOrganisation({ id: orgId('molde'), name: 'Molde kommune' });
});
afterEach(async () => {
  for (const s of stores) await s.close();
  rmSync(dir, { recursive: true, force: true });
});

const now = () => new Date('2026-05-04T08:00:00Z');
const deskBody = (version: string, patch: Record<string, unknown> = {}) => ({
  version,
  name: 'ROR-IKT Kundeservice',
  phone: '+47 71 11 10 00',
  afterHours: 'Kritiske feil: ring vakttelefonen 900 00 000.',
  members: ['u-desk', 'u-ny'],
  escalationContacts: [{ id: 'u-sjef', name: 'Sjef' }],
  autoCloseWorkingDays: 3,
  ...patch,
});

describe('the admin service', () => {
  it('lets an administrator and the desk lead change a desk, and nobody else (403)', async () => {
    const svc = createAdminService({ store: stores[0]!, now });
    const v = await svc.getDesk(rorLead, 'ror-ikt');
    const saved = await svc.updateDesk(rorLead, 'ror-ikt', deskBody(v.version));
    expect(saved.value.members).toEqual(['u-desk', 'u-ny']);
    expect(saved.value.afterHours).toContain('vakttelefonen');
    for (const who of [bysLead, nobody])
      await expect(svc.updateDesk(who, 'ror-ikt', deskBody(saved.version))).rejects.toMatchObject({
        code: 'FORBIDDEN',
      });
    await expect(svc.createService(rorLead, { id: 'x', name: 'X', deskId: 'ror-ikt' })).rejects.toMatchObject(
      {
        code: 'FORBIDDEN',
      },
    );
    const log = await svc.audit(rorLead, { type: 'desk', id: 'ror-ikt' });
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({ actor: { id: 'u-lead', name: 'Lea Leder' }, objectType: 'desk' });
    await expect(svc.audit(rorLead)).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('names the field in Norwegian, and a stale version says who changed what', async () => {
    const svc = createAdminService({ store: stores[0]!, now });
    const v = await svc.getDesk(admin, 'ror-ikt');
    await expect(
      svc.updateDesk(admin, 'ror-ikt', deskBody(v.version, { phone: 'ring meg' })),
    ).rejects.toMatchObject({
      code: 'VALIDATION',
      details: { field: 'phone' },
      message: expect.stringContaining('Telefon må være'),
    });
    await svc.updateDesk(rorLead, 'ror-ikt', deskBody(v.version, { phone: '+47 70 00 00 00' }));
    await expect(svc.updateDesk(admin, 'ror-ikt', deskBody(v.version))).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringMatching(/^Lea Leder endret dette .*\(.*phone.*\)/),
    });
  });

  it('saves a policy through the engine validation as a new version, and previews a draft', async () => {
    const svc = createAdminService({ store: stores[0]!, now });
    const { version, versions } = await svc.getPolicy(rorLead, 'ror-ikt');
    const draft = { ...versions[0]!, name: 'ROR-IKT 2027' };
    const bad = { ...draft, atRiskShare: 2 };
    await expect(svc.savePolicy(rorLead, 'ror-ikt', { version, policy: bad })).rejects.toMatchObject({
      code: 'VALIDATION',
      details: { field: 'atRiskShare' },
      message: 'atRiskShare: må være mellom 0 og 1 (f.eks. 0,75).',
    });
    const saved = await svc.savePolicy(rorLead, 'ror-ikt', { version, policy: draft });
    expect(saved.value.policy.version).toEqual({ number: 2, validFrom: '2026-05-04T08:00:00.000Z' });
    expect((await svc.getPolicy(admin, 'ror-ikt')).versions.map((p) => p.version?.number ?? 1)).toEqual([
      2, 1,
    ]);

    const p = svc.preview(rorLead, {
      policy: draft,
      receivedAt: '2026-05-04T08:00:00Z',
      priority: draft.priorities[0]!.id,
    });
    expect(p.response.dueAt).toBeDefined();
    expect(() => svc.preview(rorLead, { policy: draft, receivedAt: 'x', priority: 'a' })).toThrow(
      expect.objectContaining({ details: { field: 'receivedAt' } }),
    );
    expect(() => svc.preview(nobody, { policy: draft, receivedAt: '2026-05-04T08:00:00Z' })).toThrow(
      expect.objectContaining({ code: 'FORBIDDEN' }),
    );
  });

  it('imports services from CSV: a dry run lists changes and every row error; errors write nothing', async () => {
    const svc = createAdminService({ store: stores[0]!, now });
    await svc.createService(admin, {
      id: 'agresso',
      name: 'Agresso',
      deskId: 'ror-ikt',
      criticality: 'normal',
    });
    const csv =
      'id;navn;desk;kritikalitet;forvalter_id;forvalter_navn;leverandor;virksomheter;status\r\n' +
      'agresso;Agresso ERP;ror-ikt;innbyggerrettet;;;;molde;aktiv\r\n' +
      'visma;Visma Flyt;ror-ikt;normal;u-f;Frida Forvalter;Visma;;aktiv\r\n';
    const dry = await svc.importServices(admin, csv, true);
    expect(dry).toMatchObject({ applied: false, errors: [] });
    expect(dry.changes).toEqual([
      { line: 2, id: 'agresso', action: 'update', fields: ['criticality', 'name', 'orgIds'] },
      { line: 3, id: 'visma', action: 'create', fields: [] },
    ]);
    expect((await stores[0]!.desks.listServices()).map((s) => s.name)).toEqual(['Agresso']);

    const broken = csv + 'ny;;nope;farlig;;;;oslo;aktiv\r\n';
    const refused = await svc.importServices(admin, broken, false);
    expect(refused.applied).toBe(false);
    expect(refused.errors.map((e) => `${e.line}:${e.field}`)).toEqual([
      '4:navn',
      '4:desk',
      '4:kritikalitet',
      '4:virksomheter',
    ]);
    expect((await stores[0]!.desks.listServices()).map((s) => s.name)).toEqual(['Agresso']);

    expect(await svc.importServices(admin, csv, false)).toMatchObject({ applied: true });
    expect((await stores[0]!.desks.listServices()).map((s) => s.name)).toEqual(['Agresso ERP', 'Visma Flyt']);
    const again = await svc.importServices(admin, await svc.exportServices(admin), true);
    expect(again.changes.map((c) => c.action)).toEqual(['unchanged', 'unchanged']);
  });
});

describe('the catalogue on two instances of one store', () => {
  it('sees an edit made through the other instance within the marker check interval', async () => {
    let t = 1_000_000;
    const clock = () => t;
    const a = open();
    const b = open(); // a second app instance: its own connection to the same database file
    const catA = createCatalogue(a, 30_000, clock);
    const catB = createCatalogue(b, 30_000, clock);
    expect((await catB.get()).desk('ror-ikt')!.phone).toBe('+47 71 11 10 00');

    const svc = createAdminService({ store: a, now, catalogue: catA });
    const v = await svc.getDesk(admin, 'ror-ikt');
    await svc.updateDesk(admin, 'ror-ikt', deskBody(v.version, { phone: '+47 70 00 00 00' }));
    expect((await catA.get()).desk('ror-ikt')!.phone).toBe('+47 70 00 00 00'); // its own: at once

    t += CATALOGUE_MARKER_CHECK_MS - 1;
    expect((await catB.get()).desk('ror-ikt')!.phone).toBe('+47 71 11 10 00'); // still its copy
    t += 1;
    expect((await catB.get()).desk('ror-ikt')!.phone).toBe('+47 70 00 00 00'); // within the bound

    // Without a change the marker is read but nothing is reloaded: the same snapshot comes back.
    const snap = await catB.get();
    t += CATALOGUE_MARKER_CHECK_MS;
    expect(await catB.get()).toBe(snap);
  });

  it('keeps nothing its instance read before its own save: a load in flight then is not this copy', async () => {
    let t = 1_000_000;
    const a = open();
    // The catalogue's desk reads take their data at once and answer when `hold` lets them.
    let hold: Promise<void> = Promise.resolve();
    const slow: Store = {
      ...a,
      desks: {
        ...a.desks,
        list: async () => {
          const desks = await a.desks.list();
          await hold;
          return desks;
        },
      },
    };
    const cat = createCatalogue(slow, 30_000, () => t);
    await cat.get();
    let release = () => {};
    hold = new Promise<void>((ok) => (release = ok));
    t += 30_001; // past the backstop: the next get loads the catalogue again
    const before = cat.get();
    await new Promise((ok) => setImmediate(ok)); // it has read the desks (the old phone)
    const svc = createAdminService({ store: a, now, catalogue: cat });
    const v = await svc.getDesk(admin, 'ror-ikt');
    await svc.updateDesk(admin, 'ror-ikt', deskBody(v.version, { phone: '+47 70 00 00 00' }));
    const after = cat.get(); // asked after the save, which invalidated the copy
    release();
    expect((await before).desk('ror-ikt')!.phone).toBe('+47 71 11 10 00');
    expect((await after).desk('ror-ikt')!.phone).toBe('+47 70 00 00 00');
  });
});
