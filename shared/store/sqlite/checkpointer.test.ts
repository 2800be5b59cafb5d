import { closeSync, mkdtempSync, openSync, readSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { startCheckpointer } from './checkpointer';
import { write } from './io';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function openWal(): { db: Database.Database; file: string } {
  const dir = mkdtempSync(join(tmpdir(), 'fv-checkpoint-'));
  dirs.push(dir);
  const file = join(dir, 'store.db');
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, body TEXT NOT NULL)');
  return { db, file };
}

/** Writes about 4 MB in 400 small transactions, as reports do. */
function writeFourMegabytes(db: Database.Database): void {
  const insert = db.prepare('INSERT INTO t (body) VALUES (?)');
  const body = 'x'.repeat(10_000);
  for (let i = 0; i < 400; i++) db.transaction(() => insert.run(body))();
}

/** How many times the log has begun again from its start: the checkpoint sequence in its header. */
function logRestarts(file: string): number {
  const header = Buffer.alloc(16);
  const fd = openSync(`${file}-wal`, 'r');
  try {
    readSync(fd, header, 0, 16, 0);
  } finally {
    closeSync(fd);
  }
  return header.readUInt32BE(12);
}

const waitUntil = async (ok: () => boolean, ms: number): Promise<boolean> => {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (ok()) return true;
    await new Promise((r) => setTimeout(r, 25));
  }
  return ok();
};

describe('the write-ahead log copied from a worker thread', () => {
  it('copies the log into the database file while the main connection does not', async () => {
    const { db, file } = openWal();
    const checkpointer = startCheckpointer(db, file, { everyMs: 20 });
    try {
      expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(0);
      const before = statSync(file).size;
      writeFourMegabytes(db);
      // The main connection copies nothing itself now: only the worker can grow the database file.
      expect(await waitUntil(() => statSync(file).size > before + 3_000_000, 5_000)).toBe(true);
    } finally {
      checkpointer.stop();
      db.close();
    }
  });

  it('keeps the log from growing without end while writes never stop', async () => {
    const { db, file } = openWal();
    const checkpointer = startCheckpointer(db, file, {
      everyMs: 10,
      restartFrames: 128,
      restartBackoffMs: 50,
    });
    try {
      // 60 MB through the log, one write after another (the store's own, which asks for the lock
      // without waiting) with only a turn of the event loop between them: a PASSIVE checkpoint alone
      // never finds the log all copied before the next write begins, so the log would hold all 60 MB.
      const insert = db.prepare('INSERT INTO t (body) VALUES (?)');
      const body = 'x'.repeat(10_000);
      let largest = 0;
      const restarts = new Set<number>();
      for (let i = 0; i < 6_000; i++) {
        await write(db, () => insert.run(body));
        await new Promise((r) => setImmediate(r));
        if (i % 100 === 0) {
          largest = Math.max(largest, statSync(`${file}-wal`).size);
          restarts.add(logRestarts(file));
        }
      }
      // The log began again from the start, more than once, and never held most of what went through it.
      expect(restarts.size).toBeGreaterThan(2);
      expect(largest).toBeLessThan(40_000_000);
      expect(db.prepare('SELECT count(*) AS n FROM t').get()).toEqual({ n: 6_000 });
    } finally {
      checkpointer.stop();
      db.close();
    }
  });

  it('gives the main connection its automatic checkpoint back when stopped', () => {
    const { db, file } = openWal();
    const checkpointer = startCheckpointer(db, file, { everyMs: 20 });
    checkpointer.stop();
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
    db.close();
  });

  it('gives it back when the worker cannot open the database', async () => {
    const { db } = openWal();
    startCheckpointer(db, join(tmpdir(), 'fv-no-such-dir', 'missing.db'), { everyMs: 20 });
    expect(await waitUntil(() => db.pragma('wal_autocheckpoint', { simple: true }) === 1000, 5_000)).toBe(
      true,
    );
    db.close();
  });
});
