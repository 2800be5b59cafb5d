/**
 * The admin part of the store contract (run by `describeStoreContract` for every adapter): versioned
 * policies per desk, versioned services and organisations with ETag conditions, all-or-nothing imports,
 * the append-only audit log and the catalogue marker. Expects the desks `ror-ikt` and `byarkivet`.
 */
import type { Service } from '../../desks/model';
import { ConflictError } from '../../errors';
import { deskId, orgId, serviceId, userId } from '../../ids';
import type { AdminObjectType, AuditEntry, Store } from '../../ports';
import { MAX_IMPORT_ROWS } from '../../ports';
import { at, desk, newCase } from './fixtures';

const ROR = deskId('ror-ikt');

let n = 0;
function entry(
  type: AdminObjectType,
  id: string,
  when: string,
  after: unknown,
  before?: unknown,
): AuditEntry {
  n += 1;
  return {
    id: `${when}-${type}-${id}-${n}`,
    at: at(when),
    actor: { id: userId('u-admin'), name: 'Ada Admin' },
    objectType: type,
    objectId: id,
    action: before === undefined ? 'create' : 'update',
    ...(before === undefined ? {} : { before }),
    after,
  };
}

const service = (id: string, name: string, spec: Partial<Service> = {}): Service => ({
  id: serviceId(id),
  name,
  deskId: ROR,
  criticality: 'normal',
  ...spec,
});

export function describeAdminContract(getStore: () => Store): void {
  describe('admin: setup with versions and an audit log', () => {
    it('saves a policy as a new version; old versions stay readable; a stale desk version conflicts', async () => {
      const store = getStore();
      const d = (await store.desks.get(ROR))!;
      const changed = { ...d.value.policy, name: 'ROR-IKT 2027', atRiskShare: 0.5 };
      const e1 = entry('policy', ROR, '2026-05-01T08:00:00Z', changed, d.value.policy);
      const v2 = await store.admin.savePolicy(ROR, changed, d.version, e1);
      expect(v2.value.policy.version).toEqual({ number: 2, validFrom: '2026-05-01T08:00:00.000Z' });
      expect(v2.value.policy.name).toBe('ROR-IKT 2027');
      expect(await store.desks.get(ROR)).toEqual(v2);
      const versions = await store.admin.policyVersions(ROR);
      expect(versions.map((p) => p.version?.number ?? 1)).toEqual([2, 1]);
      expect(versions[1]).toEqual(d.value.policy);

      const stale = entry('policy', ROR, '2026-05-02T08:00:00Z', changed, d.value.policy);
      await expect(store.admin.savePolicy(ROR, changed, d.version, stale)).rejects.toBeInstanceOf(
        ConflictError,
      );
      const v3 = await store.admin.savePolicy(
        ROR,
        { ...changed, atRiskShare: 0.6 },
        v2.version,
        entry('policy', ROR, '2026-05-03T08:00:00Z', {}, changed),
      );
      expect(v3.value.policy.version!.number).toBe(3);
      expect((await store.admin.policyVersions(ROR)).map((p) => p.version?.number ?? 1)).toEqual([3, 2, 1]);
      expect(await store.admin.policyVersions(deskId('nope'))).toEqual([]);

      // The audit log holds the two saved changes, not the refused one, newest first.
      const log = await store.admin.listAudit({ type: 'policy', id: ROR });
      expect(log.map((e) => e.at)).toEqual(['2026-05-03T08:00:00.000Z', '2026-05-01T08:00:00.000Z']);
      expect(log[1]!.before).toEqual(d.value.policy);
      expect(log[1]!.after).toEqual(v2.value.policy);
      expect(log.some((e) => e.id === stale.id)).toBe(false);
    });

    it('creates a desk once, with its audit entry; it takes cases at once', async () => {
      const store = getStore();
      const m0 = await store.admin.catalogueVersion();
      const made = desk('oppvekst-ikt', ['molde']);
      const created = await store.admin.createDesk(
        made,
        entry('desk', 'oppvekst-ikt', '2026-05-01T08:30:00Z', made),
      );
      expect(created.value).toEqual(made);
      expect(await store.desks.get(made.id)).toEqual(created);
      expect((await store.desks.list()).map((d) => d.id)).toContain('oppvekst-ikt');
      expect(await store.admin.policyVersions(made.id)).toEqual([made.policy]);
      const m1 = await store.admin.catalogueVersion();
      expect(m1).not.toBe(m0);

      // A taken id: refused, nothing changes, no entry.
      const again = { ...made, name: 'Annen' };
      await expect(
        store.admin.createDesk(again, entry('desk', 'oppvekst-ikt', '2026-05-01T08:31:00Z', again)),
      ).rejects.toMatchObject({ code: 'DUPLICATE' });
      await expect(
        store.admin.createDesk(
          { ...desk('ror-ikt'), name: 'Ny' },
          entry('desk', 'ror-ikt', '2026-05-01T08:31:00Z', {}),
        ),
      ).rejects.toMatchObject({ code: 'DUPLICATE' });
      expect((await store.desks.get(made.id))!.version).toBe(created.version);
      const log = await store.admin.listAudit({ type: 'desk', id: 'oppvekst-ikt' });
      expect(log.map((e) => [e.action, e.before])).toEqual([['create', undefined]]);

      // Changed with the version it was created with; then its first case is in its queue.
      const next = { ...made, phone: '+47 70 00 00 01' };
      const v2 = await store.admin.putDesk(
        next,
        created.version,
        entry('desk', 'oppvekst-ikt', '2026-05-01T08:32:00Z', next, made),
      );
      expect(v2.value.phone).toBe('+47 70 00 00 01');
      const res = await store.cases.create(newCase({ desk: 'oppvekst-ikt' }), 2026, () => []);
      expect(await store.cases.locate(res.case.value.ref)).toBe('oppvekst-ikt');
      const queue = await store.cases.listDeskQueue(made.id);
      expect(queue.items.map((c) => c.ref)).toEqual([res.case.value.ref]);
    });

    it('changes a desk conditionally, with its audit entry', async () => {
      const store = getStore();
      const d = (await store.desks.get(ROR))!;
      const next = { ...d.value, phone: '+47 70 00 00 00', autoCloseWorkingDays: 3 };
      const v = await store.admin.putDesk(
        next,
        d.version,
        entry('desk', ROR, '2026-05-01T09:00:00Z', next, d.value),
      );
      expect((await store.desks.get(ROR))!.value.phone).toBe('+47 70 00 00 00');
      await expect(
        store.admin.putDesk(
          { ...d.value, phone: 'x' },
          d.version,
          entry('desk', ROR, '2026-05-01T09:01:00Z', {}),
        ),
      ).rejects.toBeInstanceOf(ConflictError);
      expect((await store.desks.get(ROR))!.version).toBe(v.version);
      await expect(
        store.admin.putDesk(
          { ...d.value, id: deskId('nope') },
          d.version,
          entry('desk', 'nope', '2026-05-01T09:02:00Z', {}),
        ),
      ).rejects.toMatchObject({ code: 'NOT_FOUND' });
      const log = await store.admin.listAudit({ type: 'desk', id: ROR });
      expect(log).toHaveLength(1);
      expect(log[0]!.actor).toEqual({ id: 'u-admin', name: 'Ada Admin' });
    });

    it('creates and replaces services and organisations with version conditions', async () => {
      const store = getStore();
      const s1 = service('visma', 'Visma Flyt', { orgIds: [orgId('molde')] });
      const v1 = await store.admin.putService(
        s1,
        undefined,
        entry('service', 'visma', '2026-05-01T10:00:00Z', s1),
      );
      expect(await store.admin.getService(serviceId('visma'))).toEqual(v1);
      await expect(
        store.admin.putService(s1, undefined, entry('service', 'visma', '2026-05-01T10:01:00Z', s1)),
      ).rejects.toMatchObject({ code: 'DUPLICATE' });
      const s2 = { ...s1, retired: true };
      const v2 = await store.admin.putService(
        s2,
        v1.version,
        entry('service', 'visma', '2026-05-01T10:02:00Z', s2, s1),
      );
      expect(v2.version).not.toBe(v1.version);
      await expect(
        store.admin.putService(s1, v1.version, entry('service', 'visma', '2026-05-01T10:03:00Z', s1, s2)),
      ).rejects.toBeInstanceOf(ConflictError);
      expect((await store.admin.getService(serviceId('visma')))!.value).toEqual(s2);
      expect(await store.desks.listServices(ROR)).toEqual([s2]);
      expect(await store.admin.getService(serviceId('nope'))).toBeNull();

      // A write through the plain desk store also moves the version: an editor holding v2 is stale.
      await store.desks.putService({ ...s2, name: 'Visma' });
      await expect(
        store.admin.putService(s2, v2.version, entry('service', 'visma', '2026-05-01T10:04:00Z', s2)),
      ).rejects.toBeInstanceOf(ConflictError);

      const o1 = { id: orgId('molde'), name: 'Molde kommune', reporting: { kind: 'all' as const } };
      const ov1 = await store.admin.putOrganisation(
        o1,
        undefined,
        entry('organisation', 'molde', '2026-05-01T11:00:00Z', o1),
      );
      const o2 = {
        ...o1,
        reporting: { kind: 'groups' as const, groupIds: ['g-ansatte'], contact: 'Kundeservice, 71 11 10 00' },
      };
      await store.admin.putOrganisation(
        o2,
        ov1.version,
        entry('organisation', 'molde', '2026-05-01T11:01:00Z', o2, o1),
      );
      await expect(
        store.admin.putOrganisation(
          o1,
          ov1.version,
          entry('organisation', 'molde', '2026-05-01T11:02:00Z', o1, o2),
        ),
      ).rejects.toBeInstanceOf(ConflictError);
      expect((await store.admin.getOrganisation(orgId('molde')))!.value).toEqual(o2);
      expect(await store.desks.listOrganisations()).toEqual([o2]);

      const all = await store.admin.listAudit();
      expect(all.map((e) => `${e.objectType}:${e.at}`)).toEqual([
        'organisation:2026-05-01T11:01:00.000Z',
        'organisation:2026-05-01T11:00:00.000Z',
        'service:2026-05-01T10:02:00.000Z',
        'service:2026-05-01T10:00:00.000Z',
      ]);
      expect((await store.admin.listAudit(undefined, 2)).map((e) => e.objectType)).toEqual([
        'organisation',
        'organisation',
      ]);
      expect(await store.admin.listAudit({ type: 'service', id: 'nope' })).toEqual([]);
    });

    it('imports services all or nothing', async () => {
      const store = getStore();
      const a = service('a', 'A');
      const va = await store.admin.putService(a, undefined, entry('service', 'a', '2026-05-01T10:00:00Z', a));
      const b = service('b', 'B');
      const a2 = { ...a, name: 'A2' };
      const rows = [
        {
          service: a2,
          expectedVersion: va.version,
          audit: entry('service', 'a', '2026-05-02T10:00:00Z', a2, a),
        },
        { service: b, audit: entry('service', 'b', '2026-05-02T10:00:00Z', b) },
      ];
      // One stale row: nothing is written.
      await expect(
        store.admin.importServices([
          rows[1]!,
          { ...rows[0]!, expectedVersion: (await store.admin.getService(serviceId('a')))!.version + 'x' },
        ]),
      ).rejects.toMatchObject({ code: 'CONFLICT' });
      // One row that already exists as new: nothing is written either.
      await expect(
        store.admin.importServices([
          rows[1]!,
          { service: a2, audit: entry('service', 'a', '2026-05-02T10:00:00Z', a2) },
        ]),
      ).rejects.toMatchObject({ code: 'DUPLICATE' });
      expect((await store.desks.listServices()).map((s) => s.name)).toEqual(['A']);
      expect(await store.admin.listAudit({ type: 'service', id: 'b' })).toEqual([]);

      const done = await store.admin.importServices(rows);
      expect(done.map((v) => v.value.name)).toEqual(['A2', 'B']);
      expect((await store.desks.listServices()).map((s) => s.name)).toEqual(['A2', 'B']);
      expect((await store.admin.listAudit({ type: 'service', id: 'a' })).map((e) => e.at)).toEqual([
        '2026-05-02T10:00:00.000Z',
        '2026-05-01T10:00:00.000Z',
      ]);
      const many = Array.from({ length: MAX_IMPORT_ROWS + 1 }, (_, i) => {
        const s = service(`s${i}`, `S${i}`);
        return { service: s, audit: entry('service', s.id, '2026-05-03T10:00:00Z', s) };
      });
      await expect(store.admin.importServices(many)).rejects.toMatchObject({ code: 'VALIDATION' });
    });

    it("keeps a service's own fellesfeil thresholds, a desk's people and an unlinked channel", async () => {
      const store = getStore();
      const s = service('gerica', 'Gerica', { fellesfeil: { windowMinutes: 20, minOrganisations: 3 } });
      const v1 = await store.admin.putService(
        s,
        undefined,
        entry('service', 'gerica', '2026-05-01T10:00:00Z', s),
      );
      expect((await store.admin.getService(serviceId('gerica')))!.value.fellesfeil).toEqual({
        windowMinutes: 20,
        minOrganisations: 3,
      });
      const s2 = { ...s, fellesfeil: { minReports: 4 } };
      await store.admin.putService(s2, v1.version, entry('service', 'gerica', '2026-05-01T10:01:00Z', s2, s));
      expect((await store.desks.listServices(ROR)).find((x) => x.id === 'gerica')!.fellesfeil).toEqual({
        minReports: 4,
      });

      const d = (await store.desks.get(ROR))!;
      const channel = {
        teamId: 't1',
        channelId: 'c-triage',
        serviceUrl: 'https://smba.example/',
        name: 'Saker',
      };
      const notice = { teamId: 't1', channelId: 'c-notice', serviceUrl: 'https://smba.example/' };
      const linked = await store.desks.put(
        { ...d.value, triageChannel: channel, noticeChannels: [notice] },
        d.version,
      );
      const people = {
        ...linked.value,
        members: [userId('u-kari'), userId('u-ola')],
        escalationContacts: [{ id: userId('u-leder'), name: 'Lea Leder', email: 'lea.leder@ror-ikt.no' }],
        noticeChannels: [],
      };
      delete people.triageChannel;
      const v = await store.admin.putDesk(
        people,
        linked.version,
        entry('desk', ROR, '2026-05-01T10:02:00Z', people, linked.value),
      );
      const read = (await store.desks.get(ROR))!;
      expect(read).toEqual(v);
      expect(read.value.triageChannel).toBeUndefined();
      expect(read.value.noticeChannels).toEqual([]);
      expect(read.value.escalationContacts).toEqual([
        { id: 'u-leder', name: 'Lea Leder', email: 'lea.leder@ror-ikt.no' },
      ]);
      const [last] = await store.admin.listAudit({ type: 'desk', id: ROR }, 1);
      expect((last!.before as { triageChannel?: unknown }).triageChannel).toEqual(channel);
      expect((last!.after as { triageChannel?: unknown }).triageChannel).toBeUndefined();
    });

    it('moves the catalogue marker with every admin write', async () => {
      const store = getStore();
      const m0 = await store.admin.catalogueVersion();
      expect(await store.admin.catalogueVersion()).toBe(m0);
      const s = service('m', 'M');
      await store.admin.putService(s, undefined, entry('service', 'm', '2026-05-01T10:00:00Z', s));
      const m1 = await store.admin.catalogueVersion();
      expect(m1).not.toBe(m0);
      const d = (await store.desks.get(ROR))!;
      await store.admin.putDesk(d.value, d.version, entry('desk', ROR, '2026-05-01T10:01:00Z', d.value));
      expect(await store.admin.catalogueVersion()).not.toBe(m1);
    });
  });
}
