/**
 * The suppliers part of the store contract (run by `describeStoreContract` for every adapter):
 * configured operations suppliers, created once, replaced on their version, each write with its entry
 * in the admin audit log.
 */
import { ConflictError } from '../../errors';
import { deskId, isoInstant, serviceId, userId } from '../../ids';
import type { AuditEntry, Store } from '../../ports';
import { supplierId, supplierView, type Supplier } from '../../suppliers/model';

const SOPRA: Supplier = {
  id: supplierId('sopra-steria'),
  name: 'Sopra Steria',
  operates: ['application'],
  serviceIds: [serviceId('agresso')],
  deskId: deskId('ror-ikt'),
  phone: '+47 22 00 00 00',
  email: 'drift@sopra.example',
  entraAppIds: [],
  apiKeys: [
    {
      id: 'a1b2c3d4',
      hash: 'f'.repeat(64),
      hint: 'wxyz',
      createdAt: isoInstant(new Date('2026-05-01T08:00:00Z')),
      createdBy: userId('u-admin'),
    },
  ],
  webhook: { url: 'https://sopra.example/hooks', secretName: 'FRISTVAKT_SUPPLIER_SECRET_SOPRA' },
};

const entry = (id: string, when: string, after: Supplier, before?: Supplier): AuditEntry => ({
  id,
  at: isoInstant(new Date(when)),
  actor: { id: userId('u-admin'), name: 'Ada Admin' },
  objectType: 'supplier',
  objectId: after.id,
  action: before ? 'update' : 'create',
  ...(before ? { before: supplierView(before) } : {}),
  after: supplierView(after),
});

export function describeSupplierContract(getStore: () => Store): void {
  describe('suppliers', () => {
    it('creates once, replaces on its version, lists by id, and logs every write', async () => {
      const store = getStore();
      expect(await store.admin.getSupplier('sopra-steria')).toBeNull();
      const v1 = await store.admin.putSupplier(SOPRA, undefined, entry('s1', '2026-05-01T08:00:00Z', SOPRA));
      expect(v1.value).toEqual(SOPRA);
      expect(await store.admin.getSupplier('sopra-steria')).toEqual(v1);

      // A second create of the same id is refused and writes nothing.
      const again = store.admin.putSupplier(SOPRA, undefined, entry('s2', '2026-05-01T09:00:00Z', SOPRA));
      await expect(again).rejects.toMatchObject({ code: 'DUPLICATE' });

      const revoked: Supplier = {
        ...SOPRA,
        apiKeys: [{ ...SOPRA.apiKeys[0]!, revokedAt: isoInstant(new Date('2026-05-02T08:00:00Z')) }],
      };
      const v2 = await store.admin.putSupplier(
        revoked,
        v1.version,
        entry('s3', '2026-05-02T08:00:00Z', revoked, SOPRA),
      );
      expect(v2.version).not.toBe(v1.version);
      expect((await store.admin.getSupplier('sopra-steria'))!.value.apiKeys[0]!.revokedAt).toBe(
        '2026-05-02T08:00:00.000Z',
      );
      // A write on the version before is a conflict.
      const stale = store.admin.putSupplier(
        SOPRA,
        v1.version,
        entry('s4', '2026-05-03T08:00:00Z', SOPRA, SOPRA),
      );
      await expect(stale).rejects.toBeInstanceOf(ConflictError);

      const visma: Supplier = { ...SOPRA, id: supplierId('visma'), name: 'Visma', apiKeys: [] };
      await store.admin.putSupplier(visma, undefined, entry('s5', '2026-05-04T08:00:00Z', visma));
      expect((await store.admin.listSuppliers()).map((s) => s.id)).toEqual(['sopra-steria', 'visma']);

      const log = await store.admin.listAudit({ type: 'supplier', id: 'sopra-steria' });
      expect(log.map((e) => e.id)).toEqual(['s3', 's1']);
      // The log holds the admin's view: no key hashes.
      expect(JSON.stringify(log)).not.toContain('f'.repeat(64));
    });
  });
}
