/**
 * A sender in its own process, for the crash test: `node child-sender.js <db file> <blob dir>`. It runs
 * until it is killed (SIGKILL, so nothing gets to clean up: a real crash).
 */
import { CloudAdapter, ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import { openSqliteStore } from '../../../shared/store/sqlite';
import { silentLogger } from '../../server/logger';
import { botConnector } from '../connector';
import { startOutboxSender } from '../outbox-sender';

const [file, blobDir] = process.argv.slice(2);
const store = openSqliteStore({ file: file!, blobDir: blobDir! });
startOutboxSender({
  store,
  connector: botConnector(new CloudAdapter(new ConfigurationBotFrameworkAuthentication({})), ''),
  botAppId: '',
  log: silentLogger,
  options: {
    baseDelayMs: 10,
    maxDelayMs: 100,
    pollIntervalMs: 10,
    defaultThrottleMs: 20,
    concurrency: 4,
    ratePerSecond: 2000,
    maxAttempts: 100,
  },
});
process.stdout.write('ready\n');
