/**
 * Starts the whole bot for a test: a temp data dir with the embedded SQLite store (seeded), the app on
 * 127.0.0.1 port 0 (the supplier API on the same thread unless the test turns its thread on), the fake
 * Bot Connector recording outgoing calls, and a settable clock. `post`
 * sends an activity through the HTTP endpoint and returns the status and body.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startApp, type AppOptions, type RunningApp } from '../app';
import { loadConfig, type Env } from '../config';
import { silentLogger } from '../server/logger';
import { startFakeConnector, type FakeConnector } from './fake-connector';

export interface Harness {
  app: RunningApp;
  connector: FakeConnector;
  /** The fake connector's URL: the activities' `serviceUrl`. */
  serviceUrl: string;
  now: { value: Date };
  post(
    activity: Record<string, unknown>,
    headers?: Record<string, string>,
  ): Promise<{ status: number; body: unknown }>;
  close(): Promise<void>;
}

export async function startHarness(
  options: { env?: Env; app?: AppOptions; now?: Date } = {},
): Promise<Harness> {
  const dir = mkdtempSync(join(tmpdir(), 'fristvakt-bot-'));
  const connector = await startFakeConnector();
  const now = { value: options.now ?? new Date('2026-03-03T09:00:00Z') };
  // The supplier API is served on the test's own thread, where the test's clock and hooks are, whatever
  // the default; a test of its thread turns it on (FRISTVAKT_SUPPLIER_API_THREAD=on).
  const config = loadConfig({
    FRISTVAKT_DATA_DIR: dir,
    PORT: '1',
    FRISTVAKT_SUPPLIER_API_THREAD: 'off',
    ...options.env,
  });
  const app = await startApp(
    { ...config, port: 0, host: '127.0.0.1' },
    { log: silentLogger, clock: () => now.value, jobs: false, ...options.app },
  );
  return {
    app,
    connector,
    serviceUrl: connector.url,
    now,
    async post(activity, headers = {}) {
      const res = await fetch(`${app.url}/api/messages`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...headers },
        body: JSON.stringify(activity),
      });
      const text = await res.text();
      let body: unknown = text;
      try {
        body = text ? JSON.parse(text) : undefined;
      } catch {
        // not JSON: keep the text
      }
      return { status: res.status, body };
    },
    async close() {
      await app.close();
      await connector.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
