/**
 * Azurite, the official Azure Storage emulator, for tests: its blob server as a child process on
 * 127.0.0.1, a random port and a fresh temp dir, telemetry off. `stop()` kills it and removes the dir.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { StorageSharedKeyCredential } from '@azure/storage-blob';

/** Azurite's well-known development account (public, the same in every Azurite). */
export const AZURITE_ACCOUNT = 'devstoreaccount1';
export const AZURITE_ACCOUNT_KEY =
  'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';

export interface Azurite {
  /** The dev account's blob endpoint, `http://127.0.0.1:<port>/devstoreaccount1`. */
  accountUrl: string;
  credential: StorageSharedKeyCredential;
  stop(): Promise<void>;
}

export async function startAzurite(): Promise<Azurite> {
  const location = mkdtempSync(join(tmpdir(), 'fristvakt-azurite-'));
  const child = spawn(
    process.execPath,
    [
      require.resolve('azurite/dist/src/blob/main.js'),
      ...['--blobHost', '127.0.0.1', '--blobPort', '0', '--location', location],
      ...['--silent', '--skipApiVersionCheck', '--loose', '--disableTelemetry'],
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGKILL');
      await exited;
    }
    rmSync(location, { recursive: true, force: true });
  };
  try {
    const url = await new Promise<string>((resolve, reject) => {
      let out = '';
      const fail = (why: string) => reject(new Error(`Azurite did not start: ${why}\n${out}`));
      const timer = setTimeout(() => fail('timeout'), 30_000);
      child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
        out += chunk;
        const m = /successfully listens on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
        if (m) {
          clearTimeout(timer);
          resolve(m[1]!);
        }
      });
      child.stderr.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
      child.once('exit', (code) => {
        clearTimeout(timer);
        fail(`exited with ${code}`);
      });
    });
    return {
      accountUrl: `${url}/${AZURITE_ACCOUNT}`,
      credential: new StorageSharedKeyCredential(AZURITE_ACCOUNT, AZURITE_ACCOUNT_KEY),
      stop,
    };
  } catch (err) {
    await stop();
    throw err;
  }
}
