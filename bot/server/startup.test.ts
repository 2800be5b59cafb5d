/**
 * Start-up failures of the composition root (`main` in bot/index.ts): each is one line naming the
 * cause and the setting to look at, and a non-zero exit code; never a stack trace.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../index';
import { recordingLogger } from './logger';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
const tempDir = (): string => {
  const d = mkdtempSync(join(tmpdir(), 'fristvakt-startup-'));
  dirs.push(d);
  return d;
};

/** A port free right now. */
async function freePort(): Promise<string> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', () => r()));
  const port = (s.address() as AddressInfo).port;
  await new Promise((r) => s.close(r));
  return String(port);
}

async function start(
  env: Record<string, string>,
): Promise<{ lines: string[]; exitCode?: number; close?: () => Promise<void> }> {
  const lines: string[] = [];
  const out = {
    log: (l: string) => lines.push(l),
    warn: (l: string) => lines.push(l),
    error: (l: string) => lines.push(l),
  };
  const started = await main({ HOST: '127.0.0.1', PORT: await freePort(), ...env }, tempDir(), out, {
    log: recordingLogger(),
    jobs: false,
  });
  return 'exitCode' in started
    ? { lines, exitCode: started.exitCode }
    : { lines, close: () => started.close() };
}

const oneLine = (lines: string[]): string => {
  expect(lines).toHaveLength(1);
  expect(lines[0]).not.toContain('\n');
  expect(lines[0]).toMatch(/^Fristvakt cannot start: /);
  return lines[0]!;
};

it('names the port when it is in use', async () => {
  const first = await start({ FRISTVAKT_DATA_DIR: tempDir() });
  const port = /listens on http:\/\/127\.0\.0\.1:(\d+)/.exec(first.lines[0] ?? '')![1]!;
  try {
    const second = await start({ FRISTVAKT_DATA_DIR: tempDir(), PORT: port });
    expect(second.exitCode).toBe(1);
    expect(oneLine(second.lines)).toContain(`port ${port} on 127.0.0.1 is already in use`);
  } finally {
    await first.close!();
  }
});

it('names the data directory it may not write', async () => {
  const res = await start({ FRISTVAKT_DATA_DIR: '/sys/fristvakt-cannot-write-here' });
  expect(res.exitCode).toBe(1);
  expect(oneLine(res.lines)).toMatch(
    /no permission to write \/sys\/fristvakt-cannot-write-here.*FRISTVAKT_DATA_DIR/,
  );
});

it('names the database file that is not a database', async () => {
  const dir = tempDir();
  writeFileSync(join(dir, 'fristvakt.sqlite'), 'this is a text file, not a SQLite database. '.repeat(20));
  const res = await start({ FRISTVAKT_DATA_DIR: dir });
  expect(res.exitCode).toBe(1);
  expect(oneLine(res.lines)).toContain(join(dir, 'fristvakt.sqlite'));
});

it('names a bad setting, as before', async () => {
  const res = await start({ PORT: 'abc' });
  expect(res.exitCode).toBe(2);
  expect(oneLine(res.lines)).toBe("Fristvakt cannot start: PORT must be an integer 1–65535, got 'abc'");
});
