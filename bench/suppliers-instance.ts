/**
 * A supplier-api instance (FRISTVAKT_ROLE=supplier-api) for `suppliers.bench.ts`, in a process of its
 * own on the same store (the SQLite file of the first): the supplier API on machines of its own
 * (docs/deployment.md, separateSupplierApi), so suppliers' requests cannot take the chat instance's
 * CPU. Started by `fork` with the data dir; answers its URL, closes on any later message.
 */
import { startApp } from '../bot/app';
import { loadConfig } from '../bot/config';
import { silentLogger } from '../bot/server/logger';

if (require.main === module && process.send) {
  process.once('message', (dataDir: string) => {
    void (async () => {
      const config = {
        ...loadConfig({
          FRISTVAKT_DATA_DIR: dataDir,
          FRISTVAKT_ENV: 'test',
          FRISTVAKT_SEED: 'off',
          FRISTVAKT_ROLE: 'supplier-api',
        }),
        port: 0,
        host: '127.0.0.1',
      };
      const app = await startApp(config, { log: silentLogger, jobs: false });
      process.once('message', () => {
        void app.close().then(() => process.exit(0));
      });
      process.send!(app.url);
    })();
  });
}
