import type { CaseEvent } from '../../../shared/cases/model';
import { caseRef, eventId, isoInstant, priorityId, userId } from '../../../shared/ids';
import { DESKS } from '../../seed/desks';
import { eventWhat } from './event-line';
import { eventLine } from '../../../shared/cases/event-words';

const desk = DESKS[0]!;
const by = { kind: 'user' as const, id: userId('u-anne'), name: 'Anne Desk' };
const ev = (body: Record<string, unknown>): CaseEvent =>
  ({ id: eventId('e9'), at: isoInstant(new Date('2026-07-01T10:05:00Z')), by, ...body }) as CaseEvent;

describe('the one-line reply', () => {
  it('says who did what and when, in Oslo time (summer time here)', () => {
    const e = ev({ type: 'priority_changed', from: priorityId('lav'), to: priorityId('hoy') });
    expect(eventLine(e, eventWhat(e, desk, 'nb'), 'nb')).toBe(
      'Anne Desk endret prioritet til Høy · 01.07.2026, 12:05',
    );
    expect(eventLine(e, eventWhat(e, desk, 'en'), 'en')).toBe(
      'Anne Desk changed the priority to High · 01/07/2026, 12:05',
    );
  });

  it.each([
    { type: 'created', priority: 'lav' },
    { type: 'comment', visibility: 'public', text: 'Hei' },
    { type: 'solution_accepted' },
    { type: 'solution_rejected', comment: 'Nei' },
    { type: 'closed', reason: 'accepted' },
    { type: 'child_linked', child: caseRef('FV-2026-000002') },
    { type: 'followers_changed', added: [], removed: [] },
    { type: 'breach_explained', target: 'response', explanation: 'Leverandør' },
    { type: 'deadline_proposed', dueAt: '2026-07-03T10:00:00.000Z', reason: 'Venter' },
  ])('words every other event in both languages ($type)', (body) => {
    for (const locale of ['nb', 'en'] as const) {
      const what = eventWhat(ev(body), desk, locale);
      expect(what).not.toMatch(/_/);
      expect(what.length).toBeGreaterThan(3);
    }
  });
});
