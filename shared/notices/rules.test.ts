import { deskId, noticeId, userId } from '../ids';
import {
  checkNoticeDraft,
  isShortNotice,
  openNotice,
  resolveNotice,
  updateNotice,
  type NoticeDraft,
} from './rules';

// Tuesday 3 March 2026, 10:00 in Oslo.
const NOW = new Date('2026-03-03T09:00:00Z');
const hours = (h: number): Date => new Date(NOW.getTime() + h * 3_600_000);
const SERVICES = ['ror-visma', 'ror-gerica'];
const draft = (over: Partial<NoticeDraft> = {}): NoticeDraft => ({
  kind: 'planned_maintenance',
  serviceIds: ['ror-visma'],
  title: 'Oppgradering av Visma',
  text: 'Visma er utilgjengelig under oppgraderingen.',
  startsAt: hours(72),
  expectedEndAt: hours(76),
  ...over,
});
const problems = (d: NoticeDraft) => checkNoticeDraft(d, { now: NOW, serviceIds: SERVICES });
const ctx = {
  id: noticeId('n-1'),
  deskId: deskId('ror-ikt'),
  now: NOW,
  actor: { kind: 'user' as const, id: userId('u'), name: 'Anne' },
  channelKeys: ['channel:t:a', 'channel:t:a', 'channel:t:b'],
};

describe('the 3-day rule for planned maintenance (seed 004 §6.2)', () => {
  it('accepts exactly 3 days ahead, refuses less without a reason, accepts less with one', () => {
    expect(problems(draft())).toEqual([]);
    expect(problems(draft({ startsAt: hours(71.9) }))).toEqual([
      { field: 'shortNoticeReason', problem: 'short_notice' },
    ]);
    expect(
      problems(
        draft({
          startsAt: hours(2),
          expectedEndAt: hours(3),
          shortNoticeReason: 'Kritisk sikkerhetsoppdatering',
        }),
      ),
    ).toEqual([]);
    expect(isShortNotice('planned_maintenance', hours(71), NOW)).toBe(true);
  });

  it('does not apply to outages and degraded service, which start now', () => {
    expect(problems(draft({ kind: 'outage', startsAt: NOW, expectedEndAt: undefined }))).toEqual([]);
    expect(problems(draft({ kind: 'degraded', startsAt: hours(-1), expectedEndAt: undefined }))).toEqual([]);
  });

  it('refuses planned maintenance in the past', () => {
    expect(problems(draft({ startsAt: hours(-2), shortNoticeReason: 'x' }))).toEqual([
      { field: 'start', problem: 'start_in_past' },
    ]);
  });
});

describe('checking a draft', () => {
  it('names each bad field once', () => {
    expect(
      problems({
        kind: 'flood',
        serviceIds: ['nope'],
        title: '',
        text: 'x'.repeat(2001),
        startsAt: null,
        expectedEndAt: null,
      }),
    ).toEqual([
      { field: 'kind', problem: 'unknown_choice' },
      { field: 'services', problem: 'unknown_choice' },
      { field: 'title', problem: 'required' },
      { field: 'text', problem: 'too_long', max: 2000 },
      { field: 'start', problem: 'bad_date' },
      { field: 'end', problem: 'bad_date' },
    ]);
    expect(problems(draft({ serviceIds: [] }))).toEqual([{ field: 'services', problem: 'required' }]);
    expect(problems(draft({ expectedEndAt: hours(72) }))).toEqual([
      { field: 'end', problem: 'end_before_start' },
    ]);
  });
});

describe('a notice’s life', () => {
  it('opens active with its channels once each, updates while active, resolves for good', () => {
    const n = openNotice(
      draft({ startsAt: hours(1), expectedEndAt: hours(2), shortNoticeReason: ' Hastefiks ' }),
      ctx,
    );
    expect(n).toMatchObject({
      status: 'active',
      shortNoticeReason: 'Hastefiks',
      channelKeys: ['channel:t:a', 'channel:t:b'],
      linkedCaseRefs: [],
    });
    const u = updateNotice(n, { text: 'Tar en time lenger.', expectedEndAt: hours(3) }, hours(1.5));
    expect(u).toMatchObject({
      text: 'Tar en time lenger.',
      expectedEndAt: hours(3).toISOString(),
      updatedAt: hours(1.5).toISOString(),
    });
    expect(() => updateNotice(n, { text: ' ' }, NOW)).toThrow(/empty/);
    const r = resolveNotice(u, hours(3));
    expect(r).toMatchObject({
      status: 'resolved',
      resolvedAt: hours(3).toISOString(),
      text: 'Tar en time lenger.',
    });
    expect(() => resolveNotice(r, hours(4))).toThrow(expect.objectContaining({ code: 'ILLEGAL_TRANSITION' }));
    expect(() => updateNotice(r, { text: 'x' }, hours(4))).toThrow(
      expect.objectContaining({ code: 'ILLEGAL_TRANSITION' }),
    );
  });

  it('will not open a draft that breaks a rule', () => {
    expect(() => openNotice(draft({ startsAt: hours(5) }), ctx)).toThrow(
      expect.objectContaining({ code: 'VALIDATION' }),
    );
  });
});
