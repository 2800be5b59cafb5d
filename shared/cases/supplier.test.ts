/**
 * A case in a supplier's hands (supplier.ts, through `applyCommand`): a support line engages a
 * configured supplier (Avventer leverandør, held since then); the supplier gives its case number and
 * status, comments and solves, each moving the last contact; "fixed in a later version" solves with
 * its text; the supplier may do nothing else, and the access rule gives it exactly the cases it holds.
 */
import { roleOn } from '../access';
import { supplierId } from '../suppliers/model';
import { applyCommand, type ActorRole, type CaseCommand } from './lifecycle';
import type { Case } from './model';
import { ACTORS, errorOf, minutesAfter, MONDAY_0900, ROR, storedCase } from './test-support/fixtures';

const SOPRA = supplierId('sopra-steria');
let t = 0;
const run = (c: Case, cmd: CaseCommand, role: ActorRole = 'desk'): Case =>
  applyCommand(c, cmd, { actor: ACTORS[role], role, now: minutesAfter(MONDAY_0900, (t += 10)), policy: ROR })
    .case;

function engaged(): Case {
  const c = run(storedCase(), { type: 'claim' });
  return run(c, { type: 'engage_supplier', supplierId: SOPRA, supplierName: 'Sopra Steria' });
}

describe('a case held by a supplier', () => {
  it('engaging a supplier escalates, waits on it and records who holds the case since when', () => {
    const c = engaged();
    expect(c.status).toBe('waiting');
    expect(c.line).toBe('supplier');
    expect(c.supplier).toMatchObject({ supplierId: SOPRA, name: 'Sopra Steria' });
    expect(c.supplier!.since).toBe(c.events.at(-1)!.at);
    expect(c.events.slice(-3).map((e) => e.type)).toEqual([
      'escalated',
      'waiting_started',
      'supplier_engaged',
    ]);
  });

  it('the supplier logs its case number and status, comments; each moves the last contact', () => {
    let c = engaged();
    const since = c.supplier!.since;
    c = run(c, { type: 'set_supplier_case_number', caseNumber: 'INC-9' }, 'supplier');
    expect(c.supplierCaseNumber).toBe('INC-9');
    c = run(c, { type: 'set_supplier_status', status: 'Under analyse' }, 'supplier');
    c = run(c, { type: 'comment', visibility: 'public', text: 'Vi ser på det.' }, 'supplier');
    expect(c.supplier).toMatchObject({ caseNumber: 'INC-9', status: 'Under analyse', since });
    expect(c.supplier!.lastContactAt).toBe(c.events.at(-1)!.at);
    expect(c.supplier!.lastContactAt > since).toBe(true);
  });

  it('fixed in a later version ends the wait and solves the case with the supplier’s text', () => {
    const c = run(
      engaged(),
      { type: 'fixed_in_later_version', solution: 'Rettes i 7.2', version: '7.2' },
      'supplier',
    );
    expect(c.status).toBe('solved');
    expect(c.events.slice(-3).map((e) => e.type)).toEqual([
      'waiting_ended',
      'fixed_in_later_version',
      'solved',
    ]);
    expect(c.events.at(-1)).toMatchObject({ type: 'solved', solution: 'Rettes i 7.2', byRole: 'supplier' });
  });

  it.each<CaseCommand>([
    { type: 'claim' },
    { type: 'change_priority', to: 'lav' as never },
    { type: 'close', reason: 'no_answer' },
    { type: 'engage_supplier', supplierId: supplierId('visma'), supplierName: 'Visma' },
    { type: 'decide_end_user_info', inform: true },
  ])('the supplier may not %o', (cmd) => {
    expect(errorOf(() => run(engaged(), cmd, 'supplier')).code).toBe('FORBIDDEN');
  });

  it('the access rule: a supplier sees only the cases it holds, as the supplier, and nothing else', () => {
    const c = engaged();
    const access = (id: string) => ({
      userId: `supplier:${id}` as never,
      deskIds: [],
      orgIds: [],
      supplierId: id,
    });
    expect(roleOn(c, access('sopra-steria'))).toBe('supplier');
    expect(roleOn(c, access('visma'))).toBeNull();
    expect(roleOn(storedCase(), access('sopra-steria'))).toBeNull();
    // Even with a desk listed in its access: a supplier's access never gets another role.
    expect(roleOn(c, { ...access('visma'), deskIds: [c.deskId] })).toBeNull();
  });
});
