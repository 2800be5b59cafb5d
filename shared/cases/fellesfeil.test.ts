import { caseRef, deskId } from '../ids';
import { applyCommand, type CommandContext } from './lifecycle';
import { addChildTo, checkParent, parentSolution, solveChild } from './fellesfeil';
import type { Case } from './model';
import { agent, asUser, MONDAY_0900, minutesAfter, ROR, storedCase } from './test-support/fixtures';

const ctx = (m = 10): CommandContext => ({
  actor: asUser(agent),
  role: 'desk',
  now: minutesAfter(MONDAY_0900, m),
  policy: ROR,
});
const withRef = (c: Case, n: number): Case => ({ ...c, ref: caseRef(`FV-2026-00000${n}`) });
const P = withRef(storedCase(), 1);
const child = (n: number): Case =>
  applyCommand(withRef(storedCase(), n), { type: 'link_to_parent', parent: P.ref }, ctx(1)).case;

describe('fellesfeil', () => {
  it('solves an open undersak with the hovedsak’s solution, ending a wait first', () => {
    const waiting = applyCommand(
      applyCommand(child(2), { type: 'claim' }, ctx(2)).case,
      { type: 'wait', reason: 'supplier' },
      ctx(3),
    ).case;
    const r = solveChild(waiting, P.ref, 'Tieto rettet feilen i databasen.', ctx(20))!;
    expect(r.case.status).toBe('solved');
    expect(r.events.map((e) => e.type)).toEqual(['waiting_ended', 'solved']);
    expect(r.events[1]).toMatchObject({ solution: 'Tieto rettet feilen i databasen.', by: { id: agent.id } });
  });

  it('leaves solved, closed and unrelated cases alone (a retry after a conflict is harmless)', () => {
    const solved = solveChild(child(3), P.ref, 'Løst.', ctx(5))!.case;
    expect(solveChild(solved, P.ref, 'Løst.', ctx(6))).toBeNull();
    expect(solveChild(withRef(storedCase(), 4), P.ref, 'Løst.', ctx(6))).toBeNull();
  });

  it('adds a child once; checks the parent', () => {
    const c2 = child(2);
    const r = addChildTo(P, c2.ref, ctx())!;
    expect(r.case.childRefs).toEqual([c2.ref]);
    expect(addChildTo(r.case, c2.ref, ctx())).toBeNull();
    expect(() => checkParent(c2, P)).not.toThrow();
    expect(() => checkParent(P, P)).toThrow(/own parent/);
    expect(() => checkParent(withRef(storedCase(), 5), c2)).toThrow(/itself a child/);
    expect(() => checkParent(c2, { ...P, deskId: deskId('uke') })).toThrow(/another desk/);
    expect(() => checkParent(r.case, withRef(storedCase(), 6))).toThrow(/parent case itself/);
  });

  it('reads the solution of a solved hovedsak', () => {
    expect(parentSolution(P)).toBeUndefined();
    const solved = applyCommand(P, { type: 'solve', solution: 'Omstart av server.' }, ctx()).case;
    expect(parentSolution(solved)).toBe('Omstart av server.');
  });
});
