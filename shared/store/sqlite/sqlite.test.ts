import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Case } from '../../cases/model';
import type { Store } from '../../ports';
import { deskId, isoInstant, userId } from '../../ids';
import { describeStoreContract } from '../test-support/contract';
import { desk, message, newCase, triagePost } from '../test-support/fixtures';
import { openSqliteStore } from './index';
import { SCHEMA_VERSION } from './schema';

const tempDirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'fristvakt-sqlite-'));
  tempDirs.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
});

/**
 * Takes a closed store's file back to an older schema: `sql` undoes what the later steps did, and ends
 * by setting the version (an absolute one: steps are only ever added at the end).
 */
function rewind(file: string, sql: string): void {
  const raw = new Database(file);
  raw.exec(sql);
  raw.close();
}

describeStoreContract('SQLite (file, WAL)', ({ streamPageSize }) => {
  const dir = tempDir();
  const store = openSqliteStore({
    file: join(dir, 'fristvakt.db'),
    blobDir: join(dir, 'blobs'),
    streamPageSize,
  });
  return Promise.resolve({
    store,
    dispose: async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  });
});

describe('SQLite store on disk', () => {
  it('keeps its data across a restart, records its schema version and uses WAL', async () => {
    const dir = tempDir();
    const file = join(dir, 'fristvakt.db');
    const first = openSqliteStore({ file, blobDir: join(dir, 'blobs') });
    const made = await first.cases.create(newCase(), 2026, () => []);
    await first.close();

    const again = openSqliteStore({ file, blobDir: join(dir, 'blobs') });
    expect(await again.cases.getForDesk(made.case.value.ref, made.case.value.deskId)).toEqual(made.case);
    const next = await again.cases.create(newCase(), 2026, () => []);
    expect(next.case.value.ref).not.toBe(made.case.value.ref);
    await again.close();

    const raw = new Database(file, { readonly: true });
    expect(raw.prepare('SELECT version FROM schema_version').get()).toEqual({ version: SCHEMA_VERSION });
    expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
    raw.close();
  });

  it('migrates an older schema on open, filling the followers of stored cases', async () => {
    const dir = tempDir();
    const file = join(dir, 'fristvakt.db');
    const first = openSqliteStore({ file, blobDir: join(dir, 'blobs') });
    const made = await first.cases.create(newCase({ followers: ['u-fol'] }), 2026, () => []);
    await first.close();
    rewind(
      file,
      'DROP TABLE case_followers; DROP TABLE store_meta; DROP TABLE case_summaries; UPDATE schema_version SET version = 1',
    );

    const again = openSqliteStore({ file, blobDir: join(dir, 'blobs') });
    expect((await again.cases.listByFollower(userId('u-fol'))).items.map((c) => c.ref)).toEqual([
      made.case.value.ref,
    ]);
    await again.close();
  });

  it('finds the threads of the outbox messages stored before threads were looked up, once opened', async () => {
    const dir = tempDir();
    const file = join(dir, 'fristvakt.db');
    const first = openSqliteStore({ file, blobDir: join(dir, 'blobs') });
    const made = await first.cases.create(newCase(), 2026, (c) => [triagePost(c)]);
    const post = triagePost(made.case.value);
    await first.close();
    // Back to the outbox before the thread-key step (step 14): no thread key, no index (the column
    // stays: SQLite cannot drop it here, and the step adds it only when missing). The steps after it
    // are safe to run twice.
    rewind(
      file,
      `DROP INDEX outbox_thread; UPDATE outbox SET thread_key = NULL; UPDATE schema_version SET version = 13`,
    );

    const again = openSqliteStore({ file, blobDir: join(dir, 'blobs') });
    const now = isoInstant(new Date('2100-01-01T00:00:00Z'));
    expect((await again.outbox.pendingInThread(post, now, 10)).map((m) => m.id)).toEqual([post.id]);
    await again.close();
  });

  it('deletes a delivered message a week after its delivery, and keeps the pending and the recent ones', async () => {
    const dir = tempDir();
    const store = openSqliteStore({ file: join(dir, 'fristvakt.db'), blobDir: join(dir, 'blobs') });
    const ror = deskId('ror-ikt');
    const day = (n: number) => isoInstant(new Date(Date.parse('2026-03-02T09:00:00Z') + n * 86_400_000));
    await store.outbox.enqueue(['old', 'recent', 'pending', 'last'].map((id) => message(id, ror, day(0))));
    await store.outbox.markDelivered('old', ror, day(0));
    await store.outbox.markDelivered('recent', ror, day(6));
    // Eight days after the first delivery: the first is past its week, the second is not.
    await store.outbox.markDelivered('last', ror, day(8));
    expect(await store.outbox.get('old', ror)).toBeNull();
    expect((await store.outbox.get('recent', ror))?.status).toBe('delivered');
    expect((await store.outbox.get('pending', ror))?.status).toBe('pending');
    expect((await store.outbox.get('last', ror))?.status).toBe('delivered');
    await store.close();
  });

  it('deletes the messages delivered before their delivery time was kept, once past their week', async () => {
    const dir = tempDir();
    const file = join(dir, 'fristvakt.db');
    const ror = deskId('ror-ikt');
    const first = openSqliteStore({ file, blobDir: join(dir, 'blobs') });
    await first.outbox.enqueue([message('old', ror, '2026-03-02T09:00:00Z')]);
    await first.outbox.markDelivered('old', ror, isoInstant(new Date('2026-03-02T09:00:00Z')));
    await first.close();
    // Back to the outbox before the delivery-time step (step 15): no delivery time, no index.
    rewind(
      file,
      `DROP INDEX outbox_delivered; UPDATE outbox SET delivered_at = NULL; UPDATE schema_version SET version = 14`,
    );

    const again = openSqliteStore({ file, blobDir: join(dir, 'blobs') });
    await again.outbox.enqueue([message('new', ror, '2026-03-10T09:00:00Z')]);
    await again.outbox.markDelivered('new', ror, isoInstant(new Date('2026-03-10T09:00:00Z')));
    expect(await again.outbox.get('old', ror)).toBeNull();
    expect((await again.outbox.get('new', ror))?.status).toBe('delivered');
    await again.close();
  });

  it('summarises the cases stored before summaries were kept, once, on open', async () => {
    const dir = tempDir();
    const file = join(dir, 'fristvakt.db');
    const first = openSqliteStore({ file, blobDir: join(dir, 'blobs') });
    const made = [];
    for (let i = 0; i < 3; i += 1)
      made.push((await first.cases.create(newCase(), 2026, () => [])).case.value);
    await first.close();
    // Back to the schema before the summaries step (step 5; the later steps run again on open).
    rewind(
      file,
      `DROP TABLE case_summaries; DROP TABLE case_warnings; DROP TABLE job_marks;
       UPDATE schema_version SET version = 4`,
    );

    const again = openSqliteStore({ file, blobDir: join(dir, 'blobs') });
    const seen: string[] = [];
    for await (const s of again.cases.streamSummaries(
      [deskId('ror-ikt')],
      isoInstant(new Date('2000-01-01T00:00:00Z')),
      isoInstant(new Date('2100-01-01T00:00:00Z')),
    ))
      seen.push(s.ref);
    expect(seen.sort()).toEqual(made.map((c) => c.ref).sort());
    await again.close();
    const check = new Database(file, { readonly: true });
    expect(
      check.prepare("SELECT count(*) AS n FROM store_meta WHERE key = 'summaries_pending'").get(),
    ).toEqual({
      n: 0,
    });
    check.close();
  });

  it('works in memory', async () => {
    const store = openSqliteStore({ file: ':memory:', blobDir: join(tempDir(), 'blobs') });
    const made = await store.cases.create(newCase(), 2026, () => []);
    expect(made.case.value.ref).toBe('FV-2026-000001');
    await store.close();
  });
});

describe('SQLite streamPeriod', () => {
  it('includes a case received exactly at the start, excludes the end, and pages through equal instants', async () => {
    const store = openSqliteStore({ file: ':memory:', blobDir: join(tempDir(), 'blobs'), streamPageSize: 2 });
    const refs = async (receivedAt: string, n: number) => {
      const out: string[] = [];
      for (let i = 0; i < n; i += 1)
        out.push((await store.cases.create(newCase({ receivedAt }), 2026, () => [])).case.value.ref);
      return out;
    };
    await refs('2026-02-28T23:59:59.999Z', 2);
    const expected = [
      ...(await refs('2026-03-01T00:00:00.000Z', 5)),
      ...(await refs('2026-03-15T12:00:00.000Z', 3)),
    ];
    await refs('2026-04-01T00:00:00.000Z', 2);
    const seen: string[] = [];
    for await (const c of store.cases.streamPeriod(
      [deskId('ror-ikt')],
      isoInstant(new Date('2026-03-01T00:00:00Z')),
      isoInstant(new Date('2026-04-01T00:00:00Z')),
    ))
      seen.push(c.ref);
    expect(seen).toEqual(expected);
    await store.close();
  });
});

describe('SQLite store at start-up: an existing file is never made a new store', () => {
  it('opens a new file as created just now, and the same file later as not', async () => {
    const dir = tempDir();
    const file = join(dir, 'fristvakt.db');
    const first = openSqliteStore({ file, blobDir: join(dir, 'blobs') });
    expect(first.createdNow).toBe(true);
    await first.close();
    const again = openSqliteStore({ file, blobDir: join(dir, 'blobs') });
    expect(again.createdNow).toBe(false);
    await again.close();
  });

  it('refuses an empty (zero-length) database file', () => {
    const dir = tempDir();
    const file = join(dir, 'fristvakt.db');
    writeFileSync(file, '');
    expect(() => openSqliteStore({ file, blobDir: join(dir, 'blobs') })).toThrow(
      `cannot start: the database file ${file} is empty; restore from backup or remove it`,
    );
    expect(statSync(file).size).toBe(0);
  });

  it('refuses a file that is not a database, and one whose pages are corrupt', async () => {
    const dir = tempDir();
    const garbage = join(dir, 'garbage.db');
    writeFileSync(garbage, 'not a database '.repeat(500));
    expect(() => openSqliteStore({ file: garbage, blobDir: join(dir, 'blobs') })).toThrow(
      `cannot start: the database file ${garbage} is corrupt; restore from backup or remove it`,
    );

    const file = join(dir, 'fristvakt.db');
    const store = openSqliteStore({ file, blobDir: join(dir, 'blobs') });
    for (let i = 0; i < 50; i += 1) await store.cases.create(newCase(), 2026, () => []);
    await store.close();
    const bytes = readFileSync(file);
    bytes.fill(0x41, 100);
    writeFileSync(file, bytes);
    expect(() => openSqliteStore({ file, blobDir: join(dir, 'blobs') })).toThrow(
      /is corrupt; restore from backup/,
    );
  });
});

describe('SQLite store failures', () => {
  it('fails its health probe once closed', async () => {
    const store = openSqliteStore({ file: ':memory:', blobDir: join(tempDir(), 'blobs') });
    await store.probe(isoInstant(new Date('2026-03-02T09:00:00Z')));
    await store.close();
    await expect(store.probe(isoInstant(new Date('2026-03-02T09:00:05Z')))).rejects.toMatchObject({
      code: 'STORE_UNAVAILABLE',
    });
  });

  it('surfaces a failure of SQLite itself as STORE_UNAVAILABLE with its code', async () => {
    const store = openSqliteStore({ file: ':memory:', blobDir: join(tempDir(), 'blobs') });
    await store.close();
    await expect(store.cases.listDeskQueue(newCase().deskId)).rejects.toMatchObject({
      code: 'STORE_UNAVAILABLE',
    });
    await expect(store.cases.create(newCase(), 2026, () => [])).rejects.toMatchObject({
      code: 'STORE_UNAVAILABLE',
    });
  });
});

/**
 * A store on a file and a second connection to it (another instance on the same file); the second
 * connection's open transaction is rolled back, and both are closed, whatever `fn` does.
 */
async function withSecondConnection(fn: (store: Store, other: Database.Database) => Promise<void>) {
  const dir = tempDir();
  const file = join(dir, 'fristvakt.db');
  const store = openSqliteStore({ file, blobDir: join(dir, 'blobs') });
  const other = new Database(file);
  try {
    await fn(store, other);
  } finally {
    if (other.inTransaction) other.exec('ROLLBACK');
    other.close();
    await store.close();
  }
}

describe('SQLite new cases while another connection holds the write lock', () => {
  it('keeps the event loop running, joins the writes arriving meanwhile, and stores them all once the lock is free', () =>
    withSecondConnection(async (store, other) => {
      await store.cases.create(newCase(), 2026, () => []);
      // Another instance on the same file, in the middle of a write.
      other.exec('BEGIN IMMEDIATE');
      const first = store.cases.create(newCase(), 2026, () => []);
      let settled = 0;
      void first.then(() => (settled += 1));
      // While the lock is held the process goes on: a timer fires, and another report can arrive.
      const t0 = Date.now();
      await new Promise((r) => setTimeout(r, 50));
      const waited = Date.now() - t0;
      const second = store.cases.create(newCase(), 2026, () => []);
      void second.then(() => (settled += 1));
      await new Promise((r) => setTimeout(r, 20));
      expect(waited).toBeLessThan(1000);
      expect(settled).toBe(0);
      other.exec('COMMIT');
      const refs = [(await first).case.value.ref, (await second).case.value.ref];
      // Gap-free, in the order they arrived, each stored once.
      expect(refs).toEqual(['FV-2026-000002', 'FV-2026-000003']);
      const count = other.prepare('SELECT COUNT(*) AS n FROM cases').get() as { n: number };
      expect(count.n).toBe(3);
    }));
});

describe('SQLite writes while another connection holds the write lock', () => {
  it('keep the event loop running and land once the lock is free: a case update, a lease, a job mark', () =>
    withSecondConnection(async (store, other) => {
      const made = await store.cases.create(newCase(), 2026, () => []);
      const c = made.case.value;
      other.exec('BEGIN IMMEDIATE');
      const at = isoInstant(new Date('2026-03-02T09:00:00Z'));
      let settled = 0;
      const writes = [
        store.cases.update({ ...c, title: 'Endret mens låsen var tatt' }, made.case.version),
        store.leases.tryAcquire('job', 'instance-a', at, 60_000),
        store.leases.putMark('job', '2026-03-02'),
      ].map((w) => w.then((v) => ((settled += 1), v)));
      // The lock is held: this process goes on (a timer fires on time) and nothing is written yet.
      const t0 = Date.now();
      await new Promise((r) => setTimeout(r, 50));
      expect(Date.now() - t0).toBeLessThan(1000);
      expect(settled).toBe(0);
      other.exec('COMMIT');
      const [updated, acquired] = await Promise.all(writes);
      expect(acquired).toBe(true);
      expect((updated as { version: string }).version).toBe('2');
      expect((await store.cases.getForDesk(c.ref, c.deskId))!.value.title).toBe('Endret mens låsen var tatt');
      expect(await store.leases.getMark('job')).toBe('2026-03-02');
    }));

  it('holds for the first write of a freshly opened store too', () =>
    withSecondConnection(async (store, other) => {
      other.exec('BEGIN IMMEDIATE');
      const at = isoInstant(new Date('2026-03-02T09:00:00Z'));
      let settled = false;
      // Timed from before the call: a write waiting inside SQLite would stop the process in the call itself.
      const t0 = Date.now();
      const first = store.leases
        .tryAcquire('job', 'instance-a', at, 60_000)
        .then((v) => ((settled = true), v));
      await new Promise((r) => setTimeout(r, 50));
      expect(Date.now() - t0).toBeLessThan(1000);
      expect(settled).toBe(false);
      other.exec('COMMIT');
      expect(await first).toBe(true);
    }));

  it(
    'a write that cannot get the lock for good fails as STORE_UNAVAILABLE, and the next one succeeds',
    () =>
      withSecondConnection(async (store, other) => {
        const made = await store.cases.create(newCase(), 2026, () => []);
        // The other connection keeps its lock: the update is refused, asks again without stopping the
        // loop, and fails with SQLite's code once the busy timeout (5 s) has passed, as SQLite's own wait would.
        other.exec('BEGIN IMMEDIATE');
        const update = store.cases.update({ ...made.case.value, title: 'Aldri' }, made.case.version);
        const ticks = await new Promise<number>((resolve) => {
          let n = 0;
          const iv = setInterval(() => (n += 1), 100);
          void update.catch(() => undefined).finally(() => (clearInterval(iv), resolve(n)));
        });
        await expect(update).rejects.toMatchObject({ code: 'STORE_UNAVAILABLE' });
        // The loop kept ticking through the wait (SQLite's own wait would have stopped it), which ended at
        // the busy timeout, not twice that.
        expect(ticks).toBeGreaterThan(40);
        expect(ticks).toBeLessThan(70);
        other.exec('ROLLBACK');
        const again = await store.cases.update({ ...made.case.value, title: 'Nå' }, made.case.version);
        expect(again.version).toBe('2');
      }),
    20_000,
  );
});

describe('SQLite case updates write what a fresh write of the case writes', () => {
  /** Every row of `ref` in the tables a case write keeps, but the version it has reached. */
  const rowsOf = (file: string, ref: string) => {
    const raw = new Database(file, { readonly: true });
    const all = (sql: string) => raw.prepare(sql).all(ref);
    try {
      return {
        cases: all('SELECT * FROM cases WHERE ref = ?').map((r) => ({ ...(r as object), version: 0 })),
        summaries: all('SELECT * FROM case_summaries WHERE ref = ? ORDER BY received_at'),
        figures: all('SELECT * FROM case_figures WHERE ref = ? ORDER BY received_at'),
        warnings: all('SELECT * FROM case_warnings WHERE ref = ? ORDER BY desk_id, at'),
        followers: all('SELECT * FROM case_followers WHERE ref = ? ORDER BY user_id'),
      };
    } finally {
      raw.close();
    }
  };
  const open = () => {
    const dir = tempDir();
    const file = join(dir, 'fristvakt.db');
    return { file, store: openSqliteStore({ file, blobDir: join(dir, 'blobs') }) };
  };

  it('keeps the columns, summary, figures, warning instants and followers of each state, changed or not', async () => {
    const a = open();
    try {
      await a.store.desks.put(desk('ror-ikt', ['molde']));
      const made = await a.store.cases.create(
        newCase({ receivedAt: '2026-03-02T09:00:00Z' }),
        2026,
        () => [],
      );
      const ref = made.case.value.ref;
      const later = (min: number) => isoInstant(new Date(Date.parse('2026-03-02T09:00:00Z') + min * 60_000));
      // Each state from the one before: only the document, then each kind of column, then closed.
      const steps: Array<(c: Case) => Case> = [
        (c) => ({ ...c, title: 'Agresso svarer ikke i det hele tatt', updatedAt: later(5) }),
        (c) => ({ ...c, updatedAt: later(50) }),
        (c) => ({ ...c, status: 'in_progress', updatedAt: later(55) }),
        (c) => ({ ...c, sla: { ...c.sla, nextDueAt: later(300) }, updatedAt: later(60) }),
        (c) => ({ ...c, receivedAt: later(-30) }),
        (c) => ({ ...c, followers: [{ id: userId('u-fol'), name: 'Følger' }] }),
        (c) => ({ ...c, status: 'closed', updatedAt: later(70) }),
      ];
      let current = made.case;
      const seen = new Set<string>();
      for (const step of steps) {
        current = await a.store.cases.update(step(current.value), current.version);
        const b = open();
        try {
          await b.store.desks.put(desk('ror-ikt', ['molde']));
          const { ref: _ref, ...input } = current.value;
          expect((await b.store.cases.create(input, 2026, () => [])).case.value.ref).toBe(ref);
        } finally {
          await b.store.close();
        }
        const rows = rowsOf(a.file, ref);
        expect(rows).toEqual(rowsOf(b.file, ref));
        seen.add(JSON.stringify(rows.warnings));
      }
      // The steps did move the warning instants (and the last, closed, has none).
      expect(seen.size).toBeGreaterThan(2);
      expect(rowsOf(a.file, ref).warnings).toEqual([]);
    } finally {
      await a.store.close();
    }
  });
});

describe('SQLite creates that arrive together (one commit)', () => {
  it('keeps each create its own: a failing one undoes only itself, and the references stay gap-free', async () => {
    const store = openSqliteStore({
      file: join(tempDir(), 'fristvakt.db'),
      blobDir: join(tempDir(), 'blobs'),
    });
    try {
      await store.desks.put(desk('ror-ikt', ['molde']));
      const failing = new Set([3, 7]);
      const results = await Promise.allSettled(
        Array.from({ length: 10 }, (_, i) =>
          store.cases.create(newCase({ clientKey: `together-${i}`, reporter: `u-t-${i}` }), 2026, (c) => {
            if (i === 3) throw new Error('the message builder failed');
            // An outbox id already written by an earlier create in the same commit: DUPLICATE.
            return i === 7 ? [triagePost(c, 'x'), triagePost(c, 'x')] : [triagePost(c)];
          }),
        ),
      );
      const refs = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value.case.value.ref] : []));
      results.forEach((r, i) => expect(r.status).toBe(failing.has(i) ? 'rejected' : 'fulfilled'));
      expect((results[7] as PromiseRejectedResult).reason).toMatchObject({ code: 'DUPLICATE' });
      // Gap-free: the eight stored cases hold the first eight numbers, in the order they arrived.
      expect(refs).toEqual(Array.from({ length: 8 }, (_, i) => `FV-2026-${String(i + 1).padStart(6, '0')}`));
      const stored = await Promise.all(refs.map((ref) => store.cases.locate(ref)));
      expect(stored.every((d) => d === deskId('ror-ikt'))).toBe(true);
      for (const i of failing)
        expect((await store.cases.listByReporter(userId(`u-t-${i}`))).items).toEqual([]);
      const due = await store.outbox.listDue(isoInstant(new Date('2100-01-01T00:00:00Z')), 100);
      expect(due.map((m) => m.id).sort()).toEqual(refs.map((r) => `${r}:triage`).sort());
      // The next create, alone, takes the next number.
      const next = await store.cases.create(newCase({ clientKey: 'after' }), 2026, () => []);
      expect(next.case.value.ref).toBe('FV-2026-000009');
    } finally {
      await store.close();
    }
  });
});
