import { loadDesks, yearOfCases, yearOfNotices, type YearOptions } from './year-load';

const FROM = Date.parse('2026-01-01T00:00:00Z');
const TO = FROM + 365 * 86_400_000;
const options = (over: Partial<YearOptions> = {}): YearOptions => ({
  seed: 1,
  desks: loadDesks(),
  cases: 3000,
  from: FROM,
  to: TO,
  now: TO,
  reporters: 500,
  ...over,
});

describe('a year of load for the benches', () => {
  it('is the same for the same seed, and another for another', () => {
    const a = JSON.stringify(yearOfCases(options({ cases: 300 })));
    expect(JSON.stringify(yearOfCases(options({ cases: 300 })))).toBe(a);
    expect(JSON.stringify(yearOfCases(options({ cases: 300, seed: 2 })))).not.toBe(a);
  });

  it('receives cases in order inside the period, each under its desk with the suggested priority', () => {
    const desks = loadDesks();
    const cases = yearOfCases(options({ desks }));
    expect(cases).toHaveLength(3000);
    let last = FROM;
    for (const c of cases) {
      const at = Date.parse(c.receivedAt);
      expect(at).toBeGreaterThanOrEqual(last);
      expect(at).toBeLessThan(TO);
      last = at;
      const desk = desks.find((d) => d.id === c.deskId)!;
      expect(desk.services.map((s) => s.id)).toContain(c.serviceId);
      const created = c.events[0]!;
      expect(created.type === 'created' && created.priority).toBe(c.suggestedPriority);
      expect(desk.policy.priorities.map((p) => p.id)).toContain(c.priority);
    }
    // UKE takes most of the cases.
    const uke = cases.filter((c) => c.deskId === 'uke').length;
    expect(uke / cases.length).toBeGreaterThan(0.5);
  });

  it('follows the priority definitions: every ROR-IKT priority occurs, the urgent ones rarely', () => {
    const cases = yearOfCases(options({ onlyDesk: 'ror-ikt' as never }));
    const share = (p: string) => cases.filter((c) => c.priority === p).length / cases.length;
    for (const p of ['kritisk', 'hoy', 'middels', 'lav']) expect(share(p)).toBeGreaterThan(0);
    expect(share('kritisk')).toBeLessThan(0.1);
    expect(share('middels') + share('lav')).toBeGreaterThan(0.6);
  });

  it('works cases through the lifecycle: comments, pauses, reopenings; the newest are still open', () => {
    const cases = yearOfCases(options());
    const types = new Set(cases.flatMap((c) => c.events.map((e) => e.type)));
    for (const t of ['claimed', 'comment', 'waiting_started', 'waiting_ended', 'solved', 'solution_rejected'])
      expect(types).toContain(t);
    expect(types).toContain('closed');
    const open = cases.filter((c) => c.status !== 'closed');
    expect(open.length).toBeGreaterThan(0);
    expect(Math.min(...open.map((c) => Date.parse(c.receivedAt)))).toBeGreaterThan(TO - 60 * 86_400_000);
    // Given time, every case closes.
    const later = yearOfCases(options({ now: TO + 60 * 86_400_000 }));
    expect(later.every((c) => c.status === 'closed')).toBe(true);
  });

  it('as a queue, stops before solving: every case open', () => {
    const cases = yearOfCases(options({ cases: 500, openOnly: true }));
    expect(cases.every((c) => ['new', 'in_progress', 'waiting'].includes(c.status))).toBe(true);
  });

  it('has the year’s driftsmeldinger, resolved unless still running', () => {
    const notices = yearOfNotices(options());
    expect(notices.length).toBeGreaterThanOrEqual(3 * 12 * 2);
    for (const n of notices) expect(n.status === 'resolved').toBe(Date.parse(n.expectedEndAt!) <= TO);
  });
});
