import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ServiceCriticality } from '../../shared/desks/model';
import { openSqliteStore } from '../../shared/store/sqlite';
import { validatePolicy } from '../../shared/sla/validate';
import { DESKS, ORGANISATIONS, SERVICES, seedIfEmpty } from '.';

const CRITICALITIES: ServiceCriticality[] = ['life_and_health', 'high_uptime', 'citizen_facing', 'normal'];

it('gives every desk a valid policy, known virksomheter and services of every criticality', () => {
  const orgIds = new Set(ORGANISATIONS.map((o) => o.id));
  expect(DESKS.map((d) => d.id)).toEqual(['ror-ikt', 'byarkivet', 'uke']);
  for (const desk of DESKS) {
    expect(() => validatePolicy(desk.policy)).not.toThrow();
    expect(desk.orgIds.every((o) => orgIds.has(o))).toBe(true);
    const mine = SERVICES.filter((s) => s.deskId === desk.id);
    expect(new Set(mine.map((s) => s.criticality))).toEqual(new Set(CRITICALITIES));
  }
  expect(ORGANISATIONS.map((o) => o.name)).toEqual(
    expect.arrayContaining(['Aukra kommune', 'Molde kommune', 'Rauma kommune', 'Vestnes kommune']),
  );
  expect(new Set(SERVICES.map((s) => s.id)).size).toBe(SERVICES.length);
});

it('seeds an empty store once', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'fristvakt-seed-'));
  const store = openSqliteStore({ file: join(dir, 'db.sqlite'), blobDir: join(dir, 'blobs') });
  try {
    expect(await seedIfEmpty(store)).toBe(true);
    expect(await seedIfEmpty(store)).toBe(false);
    expect(await store.desks.list()).toHaveLength(3);
    expect(await store.desks.listServices()).toHaveLength(SERVICES.length);
    expect(await store.desks.listOrganisations()).toHaveLength(ORGANISATIONS.length);
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

it('never seeds a store that existed before, even one without desks', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'fristvakt-seed-'));
  const file = join(dir, 'db.sqlite');
  try {
    const created = openSqliteStore({ file, blobDir: join(dir, 'blobs') });
    await created.close();
    const reopened = openSqliteStore({ file, blobDir: join(dir, 'blobs') });
    expect(await seedIfEmpty(reopened)).toBe(false);
    expect(await reopened.desks.list()).toHaveLength(0);
    await reopened.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
