/**
 * Random case histories for the report's equality tests: a small status machine emitting events at
 * random gaps from a random receipt in the first 90 days of 2026 (ROR-IKT's priorities), about one in
 * five reporting an outage.
 */
import fc from 'fast-check';
import type { CaseEventBody } from '../../cases/model';
import { isoInstant, priorityId } from '../../ids';
import { fixtureCase } from './fixture';

const PRIOS = ['kritisk', 'hoy', 'middels', 'lav'] as const;
const REASONS = ['supplier', 'third_line', 'reporter'] as const;

/** Random case histories: a small status machine emitting events at random gaps from a random receipt. */
export const caseArb = (seq: number) =>
  fc
    .record({
      startMinute: fc.integer({ min: 0, max: 60 * 24 * 90 }),
      priority: fc.constantFrom(...PRIOS),
      // About one case in five reports its service down for the whole virksomhet (an outage for the
      // uptime), the fault having begun up to ten hours before it was reported.
      down: fc.oneof(
        { weight: 4, arbitrary: fc.constant(null) },
        { weight: 1, arbitrary: fc.integer({ min: 0, max: 600 }) },
      ),
      steps: fc.array(
        fc.record({
          gap: fc.integer({ min: 1, max: 4000 }),
          op: fc.constantFrom(
            'claim',
            'wait',
            'resume',
            'solve',
            'reject',
            'close',
            'prio',
            'explain',
            'comment',
            'agree',
          ),
          prio: fc.constantFrom(...PRIOS),
          reason: fc.constantFrom(...REASONS),
        }),
        { maxLength: 9 },
      ),
    })
    .map(({ startMinute, priority, down, steps }) => {
      const t0 = Date.UTC(2026, 0, 1) + startMinute * 60_000;
      let t = t0;
      let status: 'new' | 'in_progress' | 'waiting' | 'solved' | 'closed' = 'new';
      let current: string = priority;
      const out: [string, CaseEventBody][] = [];
      const push = (body: CaseEventBody) => out.push([new Date(t).toISOString(), body]);
      for (const s of steps) {
        if (status === 'closed') break;
        t += s.gap * 60_000;
        if (s.op === 'claim' && status === 'new') {
          push({ type: 'claimed', assignee: { id: 'u-desk-1', name: 'Ola' } as never });
          status = 'in_progress';
        } else if (s.op === 'wait' && status === 'in_progress') {
          push({ type: 'waiting_started', reason: s.reason });
          status = 'waiting';
        } else if (s.op === 'resume' && status === 'waiting') {
          push({ type: 'waiting_ended' });
          status = 'in_progress';
        } else if (s.op === 'solve' && status !== 'solved') {
          push({ type: 'solved', solution: 'Rettet' });
          status = 'solved';
        } else if (s.op === 'reject' && status === 'solved') {
          push({ type: 'solution_rejected', comment: 'Virker ikke' });
          status = 'in_progress';
        } else if (s.op === 'close' && status === 'solved') {
          push({ type: 'closed', reason: 'accepted' });
          status = 'closed';
        } else if (s.op === 'prio' && s.prio !== current) {
          push({ type: 'priority_changed', from: priorityId(current), to: priorityId(s.prio) });
          current = s.prio;
        } else if (s.op === 'explain') {
          push({ type: 'breach_explained', target: 'resolution', explanation: 'Venter på leverandør' });
        } else if (s.op === 'comment') {
          push({ type: 'comment', visibility: 'public', text: 'Vi ser på det' });
        } else if (s.op === 'agree' && status === 'in_progress') {
          const due = isoInstant(new Date(t + s.gap * 120_000));
          push({ type: 'deadline_proposed', dueAt: due, reason: 'Leverandør' });
          out.push([
            new Date(t + 60_000).toISOString(),
            {
              type: 'deadline_answered',
              proposalId: 'x' as never,
              accepted: true,
              dueAt: due,
            } as CaseEventBody,
          ]);
          t += 60_000;
        }
      }
      const received = new Date(t0).toISOString();
      const c = fixtureCase(seq, `Sak ${seq}`, received, priority, out);
      if (down === null) return c;
      const checklist = {
        ...c.checklist!,
        scope: 'organisation' as const,
        startedAt: isoInstant(new Date(t0 - down * 60_000)),
      };
      return fixtureCase(seq, `Sak ${seq}`, received, priority, out, { checklist });
    });

export const casesArb = fc
  .integer({ min: 1, max: 25 })
  .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => caseArb(i + 1))));
