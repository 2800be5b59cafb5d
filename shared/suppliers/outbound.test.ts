/**
 * Who among the suppliers hears a case moved from one supplier to a second (outbound.ts): the first
 * hears `case.released` with its own case number and nothing of the new holder; the second hears the
 * engagement; after the move only the second hears the case's changes.
 */
import { applyCommand, type ActorRole, type CaseCommand } from '../cases/lifecycle';
import type { Case } from '../cases/model';
import { recipientsOf } from '../cases/recipients';
import { ACTORS, minutesAfter, MONDAY_0900, ROR, storedCase } from '../cases/test-support/fixtures';
import type { Desk } from '../desks/model';
import { deskId } from '../ids';
import { supplierId } from './model';
import { formerSupplierHears, supplierHears, webhookBody } from './outbound';

const SOPRA = supplierId('sopra-steria');
const VISMA = supplierId('visma-drift');
let t = 0;
const run = (c: Case, cmd: CaseCommand, role: ActorRole = 'desk'): Case =>
  applyCommand(c, cmd, { actor: ACTORS[role], role, now: minutesAfter(MONDAY_0900, (t += 10)), policy: ROR })
    .case;

it('moved to a second supplier: the first hears it is released, the second gets the case', () => {
  let c = run(storedCase(), { type: 'claim' });
  c = run(c, { type: 'engage_supplier', supplierId: SOPRA, supplierName: 'Sopra Steria' });
  c = run(c, { type: 'set_supplier_case_number', caseNumber: 'INC-9' }, 'supplier');
  c = run(c, { type: 'engage_supplier', supplierId: VISMA, supplierName: 'Visma Drift' });
  const moved = c.events.at(-1)!;
  expect(moved).toMatchObject({
    type: 'supplier_engaged',
    supplierId: VISMA,
    previous: { supplierId: SOPRA, name: 'Sopra Steria', caseNumber: 'INC-9' },
  });
  expect(c.supplier).toMatchObject({ supplierId: VISMA });
  expect(c.supplier!.caseNumber).toBeUndefined();

  expect(supplierHears(moved, c)).toBe('case.escalated');
  expect(formerSupplierHears(moved)).toBe(SOPRA);
  expect(recipientsOf(moved, c)).toMatchObject({ supplier: 'case.escalated', formerSupplier: SOPRA });

  const desk: Desk = {
    id: deskId('ror-ikt'),
    name: 'ROR-IKT Kundeservice',
    orgIds: [],
    policy: ROR,
    phone: '71 11 10 00',
    noticeChannels: [],
    members: [],
    escalationContacts: [],
    autoCloseWorkingDays: 5,
  };
  const ctx = { desk, service: undefined, org: undefined };
  const released = webhookBody(c, moved, 'case.released', ctx);
  expect(released).toMatchObject({
    type: 'case.released',
    supplierId: SOPRA,
    change: { type: 'released' },
    case: { reference: c.ref, supplierCaseNumber: 'INC-9' },
  });
  expect(released.case.heldSince).toBeUndefined();
  expect(JSON.stringify(released)).not.toContain('visma');
  expect(webhookBody(c, moved, 'case.escalated', ctx).id).not.toBe(released.id);

  // Afterwards only the holder hears; the first engagement had no one before it.
  c = run(c, { type: 'comment', visibility: 'public', text: 'Visma ser på saken.' });
  const comment = c.events.at(-1)!;
  expect(formerSupplierHears(comment)).toBeNull();
  expect(recipientsOf(comment, c).formerSupplier).toBeUndefined();
  expect(formerSupplierHears(c.events.find((e) => e.type === 'supplier_engaged')!)).toBeNull();
});
