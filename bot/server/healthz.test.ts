/**
 * `/healthz` through the real server: 200 while the store can be read and written; 503 with the reason
 * when the data directory is read-only (the server still starts and reads, but every write fails) and
 * when the database file is corrupted under the running server.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { buildSync } from 'esbuild';
import { seedIfEmpty } from '../seed';
import { openSqliteStore } from '../../shared/store/sqlite';
import { startHarness, type Harness } from '../test-support/harness';
import { newCase } from '../../shared/store/test-support/fixtures';

const NOBODY = 65534;

async function health(url: string): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(`${url}/healthz`);
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

describe('/healthz on the real server', () => {
  let h: Harness | undefined;
  let dir = '';
  afterEach(async () => {
    await h?.close();
    h = undefined;
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers 200 while the store can be read and written, and 503 once the database file is corrupted', async () => {
    dir = mkdtempSync(join(tmpdir(), 'fristvakt-health-'));
    h = await startHarness({ env: { FRISTVAKT_DATA_DIR: dir } });
    expect(await health(h.app.url)).toEqual({ status: 200, body: { status: 'ok', desks: 3 } });
    for (let i = 0; i < 200; i += 1) await h.app.store.cases.create(newCase(), 2026, () => []);
    const file = join(dir, 'fristvakt.sqlite');
    // Every page into the file itself first (the store copies its write-ahead log from a worker thread,
    // on its own time), so the garbage below hits all of them, not only those the log has not replaced.
    const copier = new Database(file);
    copier.pragma('wal_checkpoint(TRUNCATE)');
    copier.close();
    // Garbage over every page but the header.
    const bytes = readFileSync(file);
    bytes.fill(0x41, 100);
    writeFileSync(file, bytes);
    const after = await health(h.app.url);
    expect(after.status).toBe(503);
    // What the check trips over first depends on what the running connection still holds: SQLite's
    // own "malformed" or "not a database", or a stored document that no longer parses ("Unterminated
    // string in JSON", from a page read before the garbage). Each is the store failing, said as such.
    expect(after.body).toEqual({
      status: 'unavailable',
      reason: expect.stringMatching(/^SQLite failed: .*(malformed|not a database|JSON)/),
    });
  });
});

describe('/healthz with a read-only data directory (server run as an unprivileged user)', () => {
  const dirs: string[] = [];
  let child: ChildProcess | undefined;
  afterEach(() => {
    child?.kill('SIGKILL');
    child = undefined;
    for (const d of dirs.splice(0).reverse()) {
      chmodSync(d, 0o755);
      rmSync(d, { recursive: true, force: true });
    }
  });

  const runsAsRoot = process.getuid?.() === 0;
  (runsAsRoot ? it : it.skip)('starts, reads, and answers 503 naming the read-only database', async () => {
    const work = mkdtempSync(join(tmpdir(), 'fristvakt-health-'));
    dirs.push(work);
    chmodSync(work, 0o755);
    const data = join(work, 'data');
    // A store made by another user (root here), seeded, and left open so its WAL files exist.
    mkdirSync(data);
    const owner = openSqliteStore({ file: join(data, 'fristvakt.sqlite'), blobDir: join(data, 'blobs') });
    await seedIfEmpty(owner);
    await owner.cases.create(newCase(), 2026, () => []);
    chmodSync(data, 0o555);
    dirs.push(data);

    const entry = join(work, 'server.js');
    buildSync({
      stdin: {
        contents: `
          const { loadConfig } = require(${JSON.stringify(join(__dirname, '..', 'config'))});
          const { startApp } = require(${JSON.stringify(join(__dirname, '..', 'app'))});
          const config = loadConfig({ FRISTVAKT_DATA_DIR: process.argv[2], FRISTVAKT_SUPPLIER_API_THREAD: 'off' }, process.argv[2]);
          startApp({ ...config, port: 0, host: '127.0.0.1' }, { jobs: false, tabDir: process.argv[2] }).then(
            (app) => console.log('LISTENING ' + app.url),
            (err) => { console.log('FAILED ' + err.message); process.exit(1); },
          );`,
        resolveDir: __dirname,
        loader: 'ts',
      },
      bundle: true,
      platform: 'node',
      packages: 'external',
      outfile: entry,
      logLevel: 'silent',
    });
    chmodSync(entry, 0o644);
    child = spawn(process.execPath, [entry, data], {
      uid: NOBODY,
      gid: NOBODY,
      cwd: work,
      env: { ...process.env, NODE_PATH: join(__dirname, '..', '..', 'node_modules') },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const url = await new Promise<string>((resolve, reject) => {
      let out = '';
      child!.stdout!.on('data', (b: Buffer) => {
        out += b.toString();
        const m = /LISTENING (\S+)/.exec(out);
        if (m) resolve(m[1]!);
        if (out.includes('FAILED')) reject(new Error(out));
      });
      child!.once('exit', (code) => reject(new Error(`server exited ${code}: ${out}`)));
    });
    const res = await health(url);
    expect(res.status).toBe(503);
    expect(res.body).toEqual({
      status: 'unavailable',
      reason: expect.stringContaining('readonly database'),
    });
    await owner.close();
  });
});
