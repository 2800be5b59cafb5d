import { ValidationError } from '../errors';
import { deskId, isoInstant, serviceId, userId } from '../ids';
import { computeSla } from '../sla/state';
import type { OpenCaseInput } from './open-case';
import { openCase } from './open-case';
import { project } from './lifecycle';
import {
  MONDAY_0900,
  ROR,
  colleague,
  gerica,
  minutesAfter,
  reporter,
  validInput,
} from './test-support/fixtures';

const open = (over: Partial<OpenCaseInput> = {}, now = MONDAY_0900) =>
  openCase(validInput(over), { policy: ROR, service: gerica, now, reporter });

function fieldOf(over: Partial<OpenCaseInput>, now = MONDAY_0900): string {
  try {
    open(over, now);
  } catch (e) {
    expect(e).toBeInstanceOf(ValidationError);
    return (e as ValidationError).field;
  }
  throw new Error('expected a ValidationError');
}

describe('openCase', () => {
  it('opens a Ny case with the suggested priority, its created event and its deadlines', () => {
    const c = open();
    expect(c).toMatchObject({
      status: 'new',
      priority: 'kritisk', // Gerica is a life-and-health system, all of it unavailable
      suggestedPriority: 'kritisk',
      line: 'first', // an employee's case goes to the superbrukere first
      receivedAt: '2026-11-02T08:00:00.000Z',
      updatedAt: '2026-11-02T08:00:00.000Z',
      testContact: reporter,
      followers: [colleague],
      childRefs: [],
      attachments: [],
    });
    expect(c.events.map((e) => [e.id, e.type, e.byRole])).toEqual([
      ['e1', 'created', 'reporter'],
      ['e2', 'followers_changed', 'reporter'],
    ]);
    // Kritisk: 15 min response, 2 h resolution, from Monday 09:00.
    expect(c.sla).toEqual({
      responseDueAt: '2026-11-02T08:15:00.000Z',
      resolutionDueAt: '2026-11-02T10:00:00.000Z',
      nextDueAt: '2026-11-02T08:15:00.000Z',
    });
    expect(computeSla(c, ROR, minutesAfter(MONDAY_0900, 12)).response.state).toBe('at_risk');
  });

  it('its fields are what its events imply', () => {
    const c = open({ reporterRole: 'superuser' });
    const p = project(c.events);
    expect(p).toEqual({
      status: c.status,
      priority: c.priority,
      line: 'second',
      childRefs: [],
      followers: c.followers,
      attachments: [],
      updatedAt: c.updatedAt,
    });
  });

  it('cleans followers (no reporter, no duplicates) and keeps a given test contact', () => {
    const tester = { id: userId('u-tom'), name: 'Tom Tester' };
    const c = open({ followers: [colleague, reporter, colleague], testContact: tester });
    expect(c.followers).toEqual([colleague]);
    expect(c.testContact).toEqual(tester);
    expect(open({ followers: [] }).events.map((e) => e.type)).toEqual(['created']);
  });

  it('trims text and lets a question leave "tried so far" empty', () => {
    const c = open({
      kind: 'question',
      faultType: undefined,
      title: '  Hvordan bestiller jeg tilgang?  ',
      checklist: { ...validInput().checklist, triedSoFar: '' },
    });
    expect(c.title).toBe('Hvordan bestiller jeg tilgang?');
    expect(c.priority).toBe('lav');
    expect(c.faultType).toBeUndefined();
  });

  const startedAt = (s: string) => ({
    checklist: { ...validInput().checklist, startedAt: isoInstant(new Date(s)) },
  });
  it.each<[string, Partial<OpenCaseInput>, string]>([
    ['a two-letter title', { title: 'Hi' }, 'title'],
    ['a title of 121 characters', { title: 'x'.repeat(121) }, 'title'],
    ['a short symptom', { checklist: { ...validInput().checklist, symptom: 'Feil' } }, 'checklist.symptom'],
    [
      'a fault with nothing tried',
      { checklist: { ...validInput().checklist, triedSoFar: ' ' } },
      'checklist.triedSoFar',
    ],
    [
      'an unknown scope',
      { checklist: { ...validInput().checklist, scope: 'world' as never } },
      'checklist.scope',
    ],
    [
      'an unknown availability',
      { checklist: { ...validInput().checklist, availability: 'some' as never } },
      'checklist.availability',
    ],
    ['a start one minute in the future', startedAt('2026-11-02T08:01:00Z'), 'checklist.startedAt'],
    [
      'a start that is not an instant',
      { checklist: { ...validInput().checklist, startedAt: '2. nov kl 9' as never } },
      'checklist.startedAt',
    ],
    ['an unknown kind', { kind: 'complaint' as never }, 'kind'],
    ['a fault type on an order', { kind: 'order' }, 'faultType'],
    ['an unknown fault type', { faultType: 'cosmic' as never }, 'faultType'],
    ['an unknown reporter role', { reporterRole: 'boss' as never }, 'reporterRole'],
    ['another desk than the service’s', { deskId: deskId('uke') }, 'serviceId'],
    ['another service than the one given', { serviceId: serviceId('websak') }, 'serviceId'],
    [
      '21 followers',
      { followers: Array.from({ length: 21 }, (_, i) => ({ id: userId(`f${i}`), name: `F ${i}` })) },
      'followers',
    ],
    ['a follower without a name', { followers: [{ id: userId('u-x'), name: ' ' }] }, 'followers[0].name'],
    [
      'a test contact with a bad e-mail',
      { testContact: { id: userId('u-t'), name: 'T', email: 'nope' } },
      'testContact.email',
    ],
    ['no client key', { clientKey: '' }, 'clientKey'],
  ])('rejects %s, naming the field', (_name, over, field) => {
    expect(fieldOf(over)).toBe(field);
  });

  it('accepts a start exactly now', () => {
    expect(open(startedAt('2026-11-02T08:00:00Z')).checklist?.startedAt).toBe('2026-11-02T08:00:00.000Z');
  });
});
