import { DateTime } from 'luxon';
import type { CaseEvent, Person } from '../cases/model';
import { caseRef, eventId, isoInstant, priorityId, userId } from '../ids';
import { PRESETS } from './presets';
import type { SlaPolicy } from './policy';
import { computeSla, type SlaCaseInput } from './state';
import { dueWarnings, warningKey } from './warnings';

const ROR_24_7: SlaPolicy = { ...PRESETS['ror-ikt'], criticalAroundTheClock: true };
const oslo = (local: string): Date => DateTime.fromISO(local, { zone: 'Europe/Oslo' }).toJSDate();
const reporter: Person = { id: userId('u-r'), name: 'Rita' };
const agent: Person = { id: userId('u-d'), name: 'Dag' };
const ref = caseRef('FV-2026-000042');

function caseAt(local: string, priority: string, more: Array<[string, CaseEvent['type'], object?]> = []) {
  const events: CaseEvent[] = [
    {
      id: eventId('e0'),
      at: isoInstant(oslo(local)),
      by: { kind: 'user', ...reporter },
      byRole: 'reporter',
      type: 'created',
      priority: priorityId(priority),
    },
    ...more.map(
      ([t, type, body], i) =>
        ({
          id: eventId(`e${i + 1}`),
          at: isoInstant(oslo(t)),
          by: { kind: 'user', ...agent },
          byRole: 'desk',
          type,
          ...body,
        }) as CaseEvent,
    ),
  ];
  const c: SlaCaseInput & { ref: typeof ref; status: 'new' } = {
    ref,
    status: 'new',
    receivedAt: isoInstant(oslo(local)),
    reporter,
    priority: priorityId(priority),
    events,
  };
  return c;
}

const warn = (c: ReturnType<typeof caseAt>, policy: SlaPolicy, local: string) => {
  const now = oslo(local);
  return dueWarnings(c, policy, computeSla(c, policy, now), now).map((w) => `${w.target}:${w.level}`);
};

describe('dueWarnings', () => {
  // Høy: response 60 business minutes, resolution 240; at risk at 75 %.
  const hoy = caseAt('2026-05-13T14:30', 'hoy');

  it('nothing while on track, at risk from 75 %, breached after the deadline', () => {
    expect(warn(hoy, ROR_24_7, '2026-05-13T15:14')).toEqual([]);
    expect(warn(hoy, ROR_24_7, '2026-05-13T15:15')).toEqual(['response:at_risk']);
    // After the Wednesday closing only critical priorities warn; Thursday 14 May is Ascension Day.
    expect(warn(hoy, ROR_24_7, '2026-05-13T15:31')).toEqual([]);
    expect(warn(hoy, ROR_24_7, '2026-05-14T10:00')).toEqual([]);
    expect(warn(hoy, ROR_24_7, '2026-05-15T08:00')).toEqual(['response:breached']);
    expect(warn(hoy, ROR_24_7, '2026-05-15T10:00')).toEqual(['response:breached', 'resolution:at_risk']);
    expect(warn(hoy, ROR_24_7, '2026-05-15T11:01')).toEqual(['response:breached', 'resolution:breached']);
  });

  it('keys name the case, target, level and deadline', () => {
    const now = oslo('2026-05-13T15:20');
    const [w] = dueWarnings(hoy, ROR_24_7, computeSla(hoy, ROR_24_7, now), now);
    expect(w!.key).toBe(warningKey(ref, 'response', 'at_risk', oslo('2026-05-13T15:30')));
    expect(w!.key).toBe('warn:FV-2026-000042:response:at_risk:2026-05-13T13:30:00.000Z');
    expect(w).toMatchObject({ clock: 'business', critical: false });
    expect(w!.remainingMinutes).toBeCloseTo(10);
  });

  it('a critical priority warns outside business hours (around the clock)', () => {
    const kritisk = caseAt('2026-05-15T15:00', 'kritisk');
    expect(warn(kritisk, ROR_24_7, '2026-05-15T16:30')).toEqual(['response:breached', 'resolution:at_risk']);
    expect(warn(kritisk, ROR_24_7, '2026-05-16T03:00')).toEqual(['response:breached', 'resolution:breached']);
  });

  it('never for a paused clock, nor for a met target', () => {
    const waiting = caseAt('2026-05-11T08:00', 'hoy', [
      ['2026-05-11T08:10', 'claimed', { assignee: agent }],
      ['2026-05-11T10:30', 'waiting_started', { reason: 'supplier' }],
    ]);
    // 150 of 240 minutes ran before the pause: at 10:29 not yet at risk; later paused for good.
    expect(warn(waiting, ROR_24_7, '2026-05-11T10:29')).toEqual([]);
    expect(warn(waiting, ROR_24_7, '2026-05-12T15:00')).toEqual([]);
    expect(warn(waiting, ROR_24_7, '2026-05-20T12:00')).toEqual([]);
    // Late when it went Avventer: frozen, no further warning either.
    const late = caseAt('2026-05-11T08:00', 'hoy', [
      ['2026-05-11T09:30', 'waiting_started', { reason: 'supplier' }],
    ]);
    expect(warn(late, ROR_24_7, '2026-05-11T10:00')).toEqual([]);
  });

  it('nothing for a solved or closed case', () => {
    for (const status of ['solved', 'closed'] as const)
      expect(
        dueWarnings(
          { ...hoy, status },
          ROR_24_7,
          computeSla(hoy, ROR_24_7, oslo('2026-05-15T12:00')),
          oslo('2026-05-15T12:00'),
        ),
      ).toEqual([]);
  });
});
