/** The local loop's demo cases (scripts/demo-cases.ts), written to the real embedded store. */
import { mkdtemp, rm } from 'fs/promises';
import { tmpdir } from 'os';
import { join } from 'path';
import { DESKS, PLAYGROUND_USER_ID, seedIfEmpty } from '../bot/seed';
import type { Case } from '../shared/cases/model';
import { isoInstant, userId } from '../shared/ids';
import type { Store } from '../shared/ports';
import { openSqliteStore } from '../shared/store/sqlite';
import { computeSla } from '../shared/sla/state';
import { DEMO_CASES, addDeskMember, seedDemoCases } from '../scripts/demo-cases';

let dir: string;
let store: Store;
const NOW = new Date('2026-11-20T13:00:00Z');

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'fristvakt-demo-'));
  store = openSqliteStore({ file: join(dir, 'fristvakt.sqlite'), blobDir: join(dir, 'blobs') });
  await seedIfEmpty(store);
});
afterEach(async () => {
  await store.close();
  await rm(dir, { recursive: true, force: true });
});

async function all(): Promise<Case[]> {
  const cases: Case[] = [];
  for (const desk of DESKS) {
    for await (const c of store.cases.streamPeriod(
      [desk.id],
      isoInstant(new Date('2000-01-01T00:00:00Z')),
      isoInstant(NOW),
    )) {
      cases.push(c);
    }
  }
  return cases;
}

describe('demo cases for npm run dev', () => {
  it('creates a case in every state, across the three desks, once', async () => {
    expect(await seedDemoCases(store, NOW)).toBe(DEMO_CASES.length);
    expect(await seedDemoCases(store, NOW)).toBe(0);

    const cases = await all();
    expect(cases).toHaveLength(DEMO_CASES.length);
    expect(new Set(cases.map((c) => c.status))).toEqual(
      new Set(['new', 'in_progress', 'waiting', 'solved', 'closed']),
    );
    expect(new Set(cases.map((c) => c.deskId))).toEqual(new Set(DESKS.map((d) => d.id)));
    const waiting = cases.filter((c) => c.status === 'waiting');
    expect(waiting.map((c) => c.supplierCaseNumber).filter(Boolean)).toEqual(['TIE-48213']);
    expect(cases.every((c) => /^FV-2026-\d{6}$/.test(c.ref))).toBe(true);
  });

  it('gives the playground user cases of their own, and each case an SLA state from its policy', async () => {
    await seedDemoCases(store, NOW);
    const mine = await store.cases.listByReporter(userId(PLAYGROUND_USER_ID));
    expect(mine.items.map((c) => c.status).sort()).toEqual(['in_progress', 'new', 'solved']);
    const states = new Set<string>();
    for (const c of await all()) {
      const desk = DESKS.find((d) => d.id === c.deskId)!;
      const sla = computeSla(c, desk.policy, NOW);
      states.add(sla.response.state).add(sla.resolution.state);
    }
    // Deadlines running, paused, met and breached, and the priorities without a target.
    for (const s of ['running', 'paused', 'met', 'breached', 'no_target'])
      expect([s, states.has(s)]).toEqual([s, true]);
  });

  it('makes the playground user a member of a desk once, keeping the other members', async () => {
    const ror = DESKS[0]!;
    const before = (await store.desks.get(ror.id))!.value.members;
    expect(await addDeskMember(store, ror.id, userId(PLAYGROUND_USER_ID))).toBe(true);
    expect(await addDeskMember(store, ror.id, userId(PLAYGROUND_USER_ID))).toBe(false);
    expect((await store.desks.get(ror.id))!.value.members).toEqual([...before, PLAYGROUND_USER_ID]);
  });
});
