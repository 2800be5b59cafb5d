import { fixtureCases, FIXTURE_POLICY } from '../reports/test-support/fixture';
import { caseSummary } from '../reports/summary';
import { lastChangeAt } from '../sla/state';
import { PRESETS } from '../sla/presets';
import type { SlaPolicy } from '../sla/policy';
import { computeSla } from '../sla/state';
import { dueWarnings } from '../sla/warnings';
import { warningInstants } from './warning-instants';

const STEP_MS = 5 * 60_000;

/**
 * The watcher's promise: a warning that first becomes due at sweep `t` (never due before) has an
 * instant in (t − step, t]; the watcher reads one step plus its overlap, so it never misses one.
 */
function checkAgainstDueWarnings(policy: SlaPolicy): number {
  let checked = 0;
  for (const c of fixtureCases()) {
    const instants = warningInstants(caseSummary(c, policy), policy).map((t) => Date.parse(t));
    const start = Math.ceil(lastChangeAt(c) / STEP_MS) * STEP_MS;
    // A key seen once is posted once (outside business hours it is absent, then back at the opening).
    const seen = new Set<string>();
    for (let t = start; t < start + 5 * 86_400_000; t += STEP_MS) {
      const now = new Date(t);
      const keys = new Set(dueWarnings(c, policy, computeSla(c, policy, now), now).map((w) => w.key));
      for (const key of keys) {
        if (seen.has(key)) continue;
        seen.add(key);
        checked += 1;
        const lo = t === start ? Number.NEGATIVE_INFINITY : t - STEP_MS;
        expect({ key, at: now.toISOString(), covered: instants.some((i) => i > lo && i <= t) }).toEqual({
          key,
          at: now.toISOString(),
          covered: true,
        });
      }
    }
  }
  return checked;
}

describe('warning instants', () => {
  it('cover every warning that comes due after the last change (business hours, holidays)', () => {
    expect(checkAgainstDueWarnings(FIXTURE_POLICY)).toBeGreaterThan(3);
  });

  it('cover them for a critical priority around the clock too', () => {
    expect(checkAgainstDueWarnings({ ...PRESETS['ror-ikt'], criticalAroundTheClock: true })).toBeGreaterThan(
      3,
    );
  });

  it('are none for a closed case or a desk without a policy', () => {
    const c = fixtureCases()[0]!;
    expect(warningInstants(caseSummary({ ...c, status: 'closed' }, FIXTURE_POLICY), FIXTURE_POLICY)).toEqual(
      [],
    );
    expect(warningInstants(caseSummary(c, undefined), undefined)).toEqual([]);
  });
});
