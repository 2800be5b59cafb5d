/**
 * The reference series part of the store contract (run by `describeStoreContract` for every adapter):
 * a case opened as an order gets a `BE-` reference, numbered on its own per year, gap-free when
 * orders are placed one after another and unique when they are placed at once; faults keep `FV-`.
 */
import { caseRef, isCaseRef, parseCaseRef } from '../../ids';
import type { NewCase, Store } from '../../ports';
import { newCase } from './fixtures';

/** A new order (the store reads only its kind for the series). */
export function newOrder(spec: Parameters<typeof newCase>[0] = {}): NewCase {
  const { checklist: _fault, ...c } = newCase(spec);
  void _fault;
  return {
    ...c,
    kind: 'order',
    title: `Ny PC (${c.clientKey})`,
    order: {
      checklist: {
        what: 'Ny PC',
        forWhom: 'Barnevernet',
        earlierCommunication: '',
        contactPersons: 'Kari Leder',
      },
      deliveryWorkingDays: 5,
      needsApproval: true,
      estimates: [],
    },
  };
}

const seq = (ref: string): number => Number(ref.slice(-6));

export function describeOrderRefContract(getStore: () => Store): void {
  describe('reference series (BE- for orders)', () => {
    const create = async (input: NewCase, year = 2026) =>
      (await getStore().cases.create(input, year, () => [])).case.value;

    it('numbers orders in their own gap-free series per year, beside the faults', async () => {
      const made: string[] = [];
      for (let i = 0; i < 3; i += 1) {
        made.push((await create(newOrder())).ref);
        made.push((await create(newCase())).ref);
      }
      made.push((await create(newOrder(), 2027)).ref);
      const orders = made.filter((r) => r.startsWith('BE-2026-'));
      const faults = made.filter((r) => r.startsWith('FV-2026-'));
      expect(orders.map(seq)).toEqual([1, 2, 3]);
      expect(faults.map(seq)).toEqual([1, 2, 3]);
      expect(made.at(-1)).toBe('BE-2027-000001');
      expect(made.every(isCaseRef)).toBe(true);
      // Read back by its reference, as typed by a user.
      const found = await getStore().cases.locate(parseCaseRef('be-2026-2')!);
      expect(found).toBe('ror-ikt');
      expect(await getStore().cases.locate(caseRef('BE-2026-000004'))).toBeNull();
    });

    it('gives orders placed at once unique, gap-free numbers', async () => {
      const refs = await Promise.all(Array.from({ length: 8 }, () => create(newOrder()).then((c) => c.ref)));
      expect(new Set(refs).size).toBe(8);
      expect(refs.map(seq).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    });

    it('stores the order as given: kind, order details and no fault checklist', async () => {
      const c = await create(newOrder({ title: 'x' }));
      const read = await getStore().cases.getForDesk(c.ref, c.deskId);
      expect(read?.value).toMatchObject({ kind: 'order', order: { deliveryWorkingDays: 5 } });
      expect(read?.value.checklist).toBeUndefined();
    });
  });
}
