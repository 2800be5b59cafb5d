/**
 * The browser tests' world in one call: the production bundle built into a temp dir, a real test server
 * serving it (tab API, SQLite store, local JWKS) and headless Chromium; `close()` undoes all three.
 * The bundle's directory and what its build made are there for tests of the bundle itself.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildTab, type BuildResult } from '../build';
import { launchBrowser, type TestBrowser } from './browser';
import { startTestServer, type TestServer, type TestServerOptions } from './server';

export interface BrowserWorld {
  srv: TestServer;
  tb: TestBrowser;
  /** The bundle's directory (removed by `close()`). */
  dist: string;
  built: BuildResult;
  close(): Promise<void>;
}

export async function startBrowserWorld(options: Omit<TestServerOptions, 'distDir'>): Promise<BrowserWorld> {
  const dist = mkdtempSync(join(tmpdir(), 'fristvakt-tab-dist-'));
  const built = await buildTab({ outDir: dist });
  const srv = await startTestServer({ devSignIn: true, ...options, distDir: dist });
  const tb = await launchBrowser();
  return {
    srv,
    tb,
    dist,
    built,
    async close() {
      await tb.close();
      await srv.close();
      rmSync(dist, { recursive: true, force: true });
    },
  };
}
