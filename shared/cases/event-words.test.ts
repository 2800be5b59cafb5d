import { caseRef, eventId, isoInstant, userId } from '../ids';
import { eventLine, eventWhat, historyLine } from './event-words';
import type { CaseEvent } from './model';

const by = { kind: 'user' as const, id: userId('u-ola'), name: 'Ola Desk' };
const ev = (body: Record<string, unknown>): CaseEvent =>
  ({ id: eventId('e1'), at: isoInstant(new Date('2026-03-06T09:00:00Z')), by, ...body }) as CaseEvent;
const kari = { id: userId('u-kari'), name: 'Kari' };
const name = (id: string): string => (id === 'hoy' ? 'Høy' : id);

describe("the reporter's history lines", () => {
  it.each([
    [{ type: 'claimed', assignee: kari }, 'Kari tok saken', 'Kari took the case'],
    [
      { type: 'priority_changed', from: 'lav', to: 'hoy' },
      'Prioritet endret til Høy',
      'Priority changed to Høy',
    ],
    [
      { type: 'waiting_started', reason: 'reporter', supplierCaseNumber: 'SR-1' },
      'Avventer svar fra deg (SR-1)',
      'Waiting on your answer (SR-1)',
    ],
    [
      { type: 'comment', visibility: 'public', text: 'Prøv igjen', addressee: 'UKE' },
      'Kommentar (Ola Desk) → UKE: Prøv igjen',
      'Comment (Ola Desk) → UKE: Prøv igjen',
    ],
    [
      { type: 'comment', visibility: 'public', text: '' },
      'Kommentar (Ola Desk): Kommentar slettet',
      'Comment (Ola Desk): Comment deleted',
    ],
    [{ type: 'closed', reason: 'no_answer' }, 'Lukket uten svar', 'Closed without an answer'],
    [
      { type: 'deadline_proposed', dueAt: '2026-03-06T09:00:00.000Z', reason: 'Venter' },
      'Ny frist foreslått: fredag 6. mars kl. 10:00: Venter',
      'New deadline proposed: Friday 6 March at 10:00: Venter',
    ],
    [
      { type: 'deadline_answered', accepted: false, dueAt: '2026-03-06T09:00:00.000Z' },
      'Ny frist avslått',
      'New deadline declined',
    ],
    [
      { type: 'child_linked', child: caseRef('FV-2026-000002') },
      'Undersak FV-2026-000002 knyttet til',
      'Child case FV-2026-000002 linked',
    ],
  ])('%j', (body, nb, en) => {
    expect(historyLine(ev(body), 'nb', name)).toBe(nb);
    expect(historyLine(ev(body), 'en', name)).toBe(en);
  });

  it('escapes what users wrote for the card’s Markdown', () => {
    expect(
      historyLine(ev({ type: 'comment', visibility: 'public', text: '**fet**' }), 'nb', name),
    ).not.toContain('**fet**');
  });
});

describe('the thread line', () => {
  it('says who did what and when, in Oslo time', () => {
    const e = ev({ type: 'claimed', assignee: by });
    expect(eventLine(e, eventWhat(e, 'nb'), 'nb')).toBe('Ola Desk tok saken · 06.03.2026, 10:00');
    expect(eventLine(e, eventWhat(e, 'en'), 'en')).toBe('Ola Desk took the case · 06/03/2026, 10:00');
  });
});
