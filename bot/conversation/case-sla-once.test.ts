/**
 * The report path's remembered SLA gives what `caseSla` gives: for the same case object, desk and
 * instant it answers from memory; another instant, another desk or another case object is computed.
 */
import type { Case } from '../../shared/cases/model';
import { openCase } from '../../shared/cases/open-case';
import {
  gerica,
  MONDAY_0900,
  minutesAfter,
  reporter,
  ROR,
  validInput,
} from '../../shared/cases/test-support/fixtures';
import { caseRef } from '../../shared/ids';
import { caseSla, type DeskPolicies } from '../../shared/sla/case-sla';
import { caseSlaOnce } from './case-sla-once';

const desk: DeskPolicies = { policy: ROR };
const opened = (): Case => ({
  ...openCase(validInput(), { ...desk, service: gerica, now: MONDAY_0900, reporter }),
  ref: caseRef('FV-2026-000001'),
});

describe('caseSlaOnce', () => {
  it('answers the same case, desk and instant from memory, with what caseSla gives', () => {
    const c = opened();
    const now = minutesAfter(MONDAY_0900, 1);
    const first = caseSlaOnce(c, desk, now);
    expect(first).toEqual(caseSla(c, desk, now));
    expect(caseSlaOnce(c, desk, new Date(now.getTime()))).toBe(first);
  });

  it('computes again for another instant, another desk or another case object', () => {
    const c = opened();
    const now = minutesAfter(MONDAY_0900, 1);
    const first = caseSlaOnce(c, desk, now);
    const later = minutesAfter(MONDAY_0900, 600);
    expect(caseSlaOnce(c, desk, later)).toEqual(caseSla(c, desk, later));
    expect(caseSlaOnce(c, desk, later)).not.toEqual(first);
    const otherDesk: DeskPolicies = { policy: ROR };
    expect(caseSlaOnce(c, otherDesk, now)).not.toBe(first);
    expect(caseSlaOnce(c, otherDesk, now)).toEqual(caseSla(c, otherDesk, now));
    const waiting: Case = { ...c, status: 'waiting' };
    expect(caseSlaOnce(waiting, desk, now)).toEqual(caseSla(waiting, desk, now));
  });
});
